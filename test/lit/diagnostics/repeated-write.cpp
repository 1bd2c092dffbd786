// Every iteration stores into tile 0.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void last(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i)
    c.tile(0) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      repeated-write.cpp:8:5: error: this store may write the same tile of 'c' in more than one iteration of the tile loop over 'i'; which value the tile keeps would depend on timing [tilesplit-repeated-write]{{$}}
// CHECK-NEXT:     8 |     c.tile(0) = a.tile(i);
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
