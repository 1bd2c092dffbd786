// A pointer to a tile.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    Tile x = a.tile(i);
    Tile *p = &x;
    c.tile(i) = *p;
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-statement-tile-pointer.cpp:10:11: error: unsupported statement in a tile loop: 'p' refers to a tile; a tile is a value (in DST or a circular buffer), so declare it as 'Tile p = ...' [tilesplit-unsupported-statement]{{$}}
// CHECK-NEXT:    10 |     Tile *p = &x;
// CHECK-NEXT:       |           ^
// CHECK-NEXT: 1 error generated.
