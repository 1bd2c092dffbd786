// The bound cannot depend on the loop variable.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < i + 4; ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unmappable-loop-bound.cpp:7:28: error: cannot map this tile loop: the bound depends on the loop variable [tilesplit-unmappable-loop]{{$}}
// CHECK-NEXT:     7 |   for (uint32_t i = 0; i < i + 4; ++i)
// CHECK-NEXT:       |                            ^
// CHECK-NEXT: unmappable-loop-bound.cpp:6:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
