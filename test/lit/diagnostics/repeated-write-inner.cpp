// The inner loop over c stores the same tile of s in each of its iterations.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void keep_last(Tensor<bf16> x, Tensor<bf16> s) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
#pragma tt tile_loop
    for (uint32_t c = 0; c < x.tile_cols(); ++c)
      s.tile(r, 0) = x.tile(r, c);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      repeated-write-inner.cpp:10:7: error: this store may write the same tile of 's' in more than one iteration of the tile loop over 'c'; which value the tile keeps would depend on timing [tilesplit-repeated-write]{{$}}
// CHECK-NEXT:    10 |       s.tile(r, 0) = x.tile(r, c);
// CHECK-NEXT:       |       ^
// CHECK-NEXT: 1 error generated.
