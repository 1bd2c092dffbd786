// Allocation inside a tile loop.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    new Tile;
    c.tile(i) = a.tile(i);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-statement-alloc.cpp:9:5: error: unsupported statement in a tile loop: 'new': a kernel cannot allocate memory [tilesplit-unsupported-statement]{{$}}
// CHECK-NEXT:     9 |     new Tile;
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
