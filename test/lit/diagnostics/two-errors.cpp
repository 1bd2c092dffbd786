// Each kernel of a file is checked: two broken kernels give two errors, one each.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void first(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i * i);
}

void second(Tensor<bf16> a, Tensor<bf16> c, double s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK: two-errors.cpp:8:26: error: tile index is not affine in loop variables and scalars: 'i * i' multiplies two terms that depend on loop variables [tilesplit-non-affine-index]{{$}}
// CHECK: two-errors.cpp:11:52: error: kernel parameter 's' has unsupported type 'double'; expected Tensor<bf16>, Tensor<float>, uint32_t, int32_t or float [tilesplit-unsupported-parameter]{{$}}
// CHECK: 2 errors generated.
