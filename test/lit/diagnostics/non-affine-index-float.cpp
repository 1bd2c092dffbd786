// A tile index is an integer.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c, float s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i * s);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      non-affine-index-float.cpp:8:24: error: tile index is not affine in loop variables and scalars: a tile index must be an integer [tilesplit-non-affine-index]{{$}}
// CHECK-NEXT:     8 |     c.tile(i) = a.tile(i * s);
// CHECK-NEXT:       |                        ^
// CHECK-NEXT: 1 error generated.
