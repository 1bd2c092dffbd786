// A tile local needs a value where it is declared.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    Tile x;
    c.tile(i) = a.tile(i);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      undefined-tile-local.cpp:9:10: error: tile 'x' is used before it is given a value [tilesplit-undefined-tile-local]{{$}}
// CHECK-NEXT:     9 |     Tile x;
// CHECK-NEXT:       |          ^
// CHECK-NEXT: 1 error generated.
