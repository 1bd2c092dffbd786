// Two kernel pragmas for one function; the note points at the first.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#pragma tt kernel grid(2, 2)
#pragma tt kernel approx
void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      duplicate-pragma-kernel.cpp:6:1: error: function already has a '#pragma tt kernel' [tilesplit-duplicate-pragma]{{$}}
// CHECK-NEXT:     6 | #pragma tt kernel approx
// CHECK-NEXT:       | ^
// CHECK-NEXT: duplicate-pragma-kernel.cpp:5:1: note: the first pragma is here{{$}}
// CHECK-NEXT:     5 | #pragma tt kernel grid(2, 2)
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
