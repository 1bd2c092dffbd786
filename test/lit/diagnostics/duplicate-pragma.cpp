// Two tile_loop pragmas for one loop; the note points at the first.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
#pragma tt tile_loop buffers(4)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      duplicate-pragma.cpp:7:1: error: loop already has a '#pragma tt tile_loop' [tilesplit-duplicate-pragma]{{$}}
// CHECK-NEXT:     7 | #pragma tt tile_loop buffers(4)
// CHECK-NEXT:       | ^
// CHECK-NEXT: duplicate-pragma.cpp:6:1: note: the first pragma is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
