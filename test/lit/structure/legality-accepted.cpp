// What the legality stage proves and lets through: a tensor read and written
// at its own tile by each iteration, read first; two stores that never meet
// (2i and 2i + 1); a batch index k * R + m with m running over [0, R); a
// 'return' that ends the kernel. Each translates; test/e2e runs the first two.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=INPLACE < %t/in_place/reader.cpp
// RUN: FileCheck %s --check-prefix=INPLACE-W < %t/in_place/writer.cpp
// RUN: FileCheck %s --check-prefix=PAIRS < %t/interleave/writer.cpp
// RUN: FileCheck %s --check-prefix=BATCH < %t/batched/writer.cpp
// RUN: test -s %t/ends_with_return/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void in_place(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = c.tile(i) * 0.5f + a.tile(i);
}

void interleave(Tensor<bf16> a, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i) {
    y.tile(2 * i) = a.tile(i);
    y.tile(2 * i + 1) = exp(a.tile(i));
  }
}

void batched(Tensor<bf16> a, Tensor<bf16> c, uint32_t K, uint32_t R) {
#pragma tt tile_loop parallel
  for (uint32_t k = 0; k < K; ++k) {
#pragma tt tile_loop parallel
    for (uint32_t m = 0; m < R; ++m)
      c.tile(k * R + m, 0) = exp(a.tile(k * R + m, 0));
  }
}

void ends_with_return(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
  return;
}

// INPLACE: noc_async_read_page(i, c,
// INPLACE: noc_async_read_page(i, a,
// INPLACE-W: noc_async_write_page(i, c,

// PAIRS: noc_async_write_page(2 * i, y,
// PAIRS: noc_async_write_page(2 * i + 1, y,

// BATCH: noc_async_write_page((k * R + m) * c_tile_cols, c,
