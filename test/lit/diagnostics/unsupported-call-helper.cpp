// A function of the user's own on tiles.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

Tile twice(const Tile &t) { return t + t; }

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = twice(a.tile(i));
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-call-helper.cpp:10:17: error: call to 'twice' is not supported inside a tile loop [tilesplit-unsupported-call]{{$}}
// CHECK-NEXT:    10 |     c.tile(i) = twice(a.tile(i));
// CHECK-NEXT:       |                 ^
// CHECK-NEXT: 1 error generated.
