// A tile assigned to a global variable.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

Tile last;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    c.tile(i) = a.tile(i);
    last = a.tile(i);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      tile-escape-global.cpp:12:5: error: tile escapes the kernel through global variable 'last'; write results to a Tensor parameter [tilesplit-tile-escape]{{$}}
// CHECK-NEXT:    12 |     last = a.tile(i);
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
