// Dividing by a loop-invariant value is allowed (quasi-affine); by a loop variable it is not.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i / 2 + c.num_tiles() / (i + 1));
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      non-affine-index-divide.cpp:8:46: error: tile index is not affine in loop variables and scalars: 'c.num_tiles() / (i + 1)' divides by a term that depends on a loop variable [tilesplit-non-affine-index]{{$}}
// CHECK-NEXT:     8 |     c.tile(i) = a.tile(i / 2 + c.num_tiles() / (i + 1));
// CHECK-NEXT:       |                                ~~~~~~~~~~~~~~^~~~~~~~~
// CHECK-NEXT: 1 error generated.
