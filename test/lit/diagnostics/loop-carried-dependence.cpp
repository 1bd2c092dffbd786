// Each tile adds the one before it: a prefix sum, which needs the iterations in order.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void prefix(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 1; i < c.num_tiles(); ++i)
    c.tile(i) = c.tile(i - 1) + a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      loop-carried-dependence.cpp:8:19: error: 'c' is read at a tile that another iteration of this tile loop nest may write; iterations run in any order, on many cores [tilesplit-loop-carried-dependence]{{$}}
// CHECK-NEXT:     8 |     c.tile(i) = c.tile(i - 1) + a.tile(i);
// CHECK-NEXT:       |                   ^
// CHECK-NEXT: loop-carried-dependence.cpp:8:5: note: 'c' is written here{{$}}
// CHECK-NEXT:     8 |     c.tile(i) = c.tile(i - 1) + a.tile(i);
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
