// A scalar local carries its non-affine value into the index that uses it.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    const uint32_t square = i * i;
    c.tile(i) = a.tile(square);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      non-affine-index-local.cpp:10:24: error: tile index is not affine in loop variables and scalars: 'square' is computed with 'i * i', which multiplies two terms that depend on loop variables [tilesplit-non-affine-index]{{$}}
// CHECK-NEXT:    10 |     c.tile(i) = a.tile(square);
// CHECK-NEXT:       |                        ^~~~~~
// CHECK-NEXT: 1 error generated.
