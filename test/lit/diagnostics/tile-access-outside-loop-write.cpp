// A tile write after the tile loops.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
  c.tile(0) = zeros();
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      tile-access-outside-loop-write.cpp:9:5: error: tile write outside any tile loop [tilesplit-tile-access-outside-loop]{{$}}
// CHECK-NEXT:     9 |   c.tile(0) = zeros();
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
