// A tile read before the tile loops.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
  Tile first = a.tile(0);
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      tile-access-outside-loop.cpp:6:18: error: tile read outside any tile loop [tilesplit-tile-access-outside-loop]{{$}}
// CHECK-NEXT:     6 |   Tile first = a.tile(0);
// CHECK-NEXT:       |                  ^
// CHECK-NEXT: 1 error generated.
