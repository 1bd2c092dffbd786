// A tile loop is parallel, reduce or (with neither) sequential.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel reduce
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      conflicting-loop-kinds.cpp:6:31: error: a tile loop cannot be both 'parallel' and 'reduce' [tilesplit-conflicting-loop-kinds]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel reduce
// CHECK-NEXT:       |                               ^
// CHECK-NEXT: 1 error generated.
