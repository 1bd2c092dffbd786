// Tile loops count whole tiles.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c, float n) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < n; ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unmappable-loop-float-bound.cpp:7:28: error: cannot map this tile loop: the bound must be an integer [tilesplit-unmappable-loop]{{$}}
// CHECK-NEXT:     7 |   for (uint32_t i = 0; i < n; ++i)
// CHECK-NEXT:       |                            ^
// CHECK-NEXT: unmappable-loop-float-bound.cpp:6:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
