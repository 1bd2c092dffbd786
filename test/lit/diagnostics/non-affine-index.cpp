// A tile index is affine in the loop variables: no product of two of them.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < c.tile_rows(); ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < c.tile_cols(); ++n)
      c.tile(m, n) = a.tile(m * n, n);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      non-affine-index.cpp:10:31: error: tile index is not affine in loop variables and scalars: 'm * n' multiplies two terms that depend on loop variables [tilesplit-non-affine-index]{{$}}
// CHECK-NEXT:    10 |       c.tile(m, n) = a.tile(m * n, n);
// CHECK-NEXT:       |                             ~~^~~
// CHECK-NEXT: 1 error generated.
