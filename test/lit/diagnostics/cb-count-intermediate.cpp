// Nine tile locals used twice each need nine intermediate circular buffers; the error points at the
// ninth.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    Tile t0 = exp(a.tile(i)); Tile t1 = t0 * t0; Tile t2 = t1 * t1;
    Tile t3 = t2 * t2; Tile t4 = t3 * t3; Tile t5 = t4 * t4;
    Tile t6 = t5 * t5; Tile t7 = t6 * t6; Tile t8 = t7 * t7;
    c.tile(i) = t8 * t8;
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      cb-count-intermediate.cpp:12:43: error: kernel needs 9 intermediate circular buffers; at most 8 are available [tilesplit-cb-count]{{$}}
// CHECK-NEXT:    12 |     Tile t6 = t5 * t5; Tile t7 = t6 * t6; Tile t8 = t7 * t7;
// CHECK-NEXT:       |                                           ^
// CHECK-NEXT: 1 error generated.
