// A kernel returning a tile.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

Tile k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
  return a.tile(0);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      tile-escape.cpp:9:3: error: tile escapes the kernel through its return value; write results to a Tensor parameter [tilesplit-tile-escape]{{$}}
// CHECK-NEXT:     9 |   return a.tile(0);
// CHECK-NEXT:       |   ^
// CHECK-NEXT: 1 error generated.
