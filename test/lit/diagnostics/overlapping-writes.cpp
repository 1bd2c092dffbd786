// Tile 2i + 2 of one iteration is tile 2j of the next.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void pairs(Tensor<bf16> a, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i) {
    y.tile(2 * i) = a.tile(i);
    y.tile(2 * i + 2) = exp(a.tile(i));
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      overlapping-writes.cpp:9:5: error: this store and another store of 'y' in the same tile loop nest may write the same tile [tilesplit-overlapping-writes]{{$}}
// CHECK-NEXT:     9 |     y.tile(2 * i + 2) = exp(a.tile(i));
// CHECK-NEXT:       |     ^
// CHECK-NEXT: overlapping-writes.cpp:8:5: note: 'y' is written here{{$}}
// CHECK-NEXT:     8 |     y.tile(2 * i) = a.tile(i);
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
