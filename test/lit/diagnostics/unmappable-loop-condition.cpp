// A tile loop counts up to a bound with '<'.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = c.num_tiles(); i > 0; --i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unmappable-loop-condition.cpp:7:36: error: cannot map this tile loop: the condition must be 'i < end' [tilesplit-unmappable-loop]{{$}}
// CHECK-NEXT:     7 |   for (uint32_t i = c.num_tiles(); i > 0; --i)
// CHECK-NEXT:       |                                    ^
// CHECK-NEXT: unmappable-loop-condition.cpp:6:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
