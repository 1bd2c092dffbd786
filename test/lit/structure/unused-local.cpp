// A Tile local that nothing uses is not computed, but its read site still owns
// the first CB of 'b' in the program; the accessor's page size must name a CB
// the reader declares (found by test/random, seed 1026).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s < %t/dead_local/reader.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void dead_local(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 1; i < y.num_tiles(); ++i) {
    Tile unused = log(abs(b.tile(i - 1)) + 1.0f);
    y.tile(i) = a.tile(i) + b.tile(i);
  }
}

// CHECK: constexpr uint32_t cb_b_1 = tt::CBIndex::c_2;
// CHECK: const auto b = TensorAccessor(b_args, b_addr, get_tile_size(cb_b_1));
// CHECK: noc_async_read_page(i, b, get_write_ptr(cb_b_1));
