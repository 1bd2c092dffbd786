// A tile loop declares one integer variable.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (float x = 0; x < 4; ++x)
    c.tile(0) = a.tile(0);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unmappable-loop-variable.cpp:7:3: error: cannot map this tile loop: expected 'for (uint32_t i = begin; i < end; ++i)' [tilesplit-unmappable-loop]{{$}}
// CHECK-NEXT:     7 |   for (float x = 0; x < 4; ++x)
// CHECK-NEXT:       |   ^
// CHECK-NEXT: unmappable-loop-variable.cpp:6:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
