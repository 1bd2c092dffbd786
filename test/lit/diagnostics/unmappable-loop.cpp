// A tile loop steps by one; the note points at the loop's pragma.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); i += 2)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unmappable-loop.cpp:7:43: error: cannot map this tile loop: the increment must be '++i' [tilesplit-unmappable-loop]{{$}}
// CHECK-NEXT:     7 |   for (uint32_t i = 0; i < c.num_tiles(); i += 2)
// CHECK-NEXT:       |                                           ^
// CHECK-NEXT: unmappable-loop.cpp:6:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
