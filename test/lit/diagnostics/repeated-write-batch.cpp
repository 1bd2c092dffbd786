// k * R + m tells batches apart only if m stays below R; here it runs over
// all of c's rows, so batch k's row R is batch k + 1's row 0.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void batches(Tensor<bf16> a, Tensor<bf16> c, uint32_t K, uint32_t R) {
#pragma tt tile_loop parallel
  for (uint32_t k = 0; k < K; ++k) {
#pragma tt tile_loop parallel
    for (uint32_t m = 0; m < c.tile_rows(); ++m)
      c.tile(k * R + m, 0) = exp(a.tile(m, 0));
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      repeated-write-batch.cpp:11:7: error: this store may write the same tile of 'c' in more than one iteration of the tile loop over 'k'; which value the tile keeps would depend on timing [tilesplit-repeated-write]{{$}}
// CHECK-NEXT:    11 |       c.tile(k * R + m, 0) = exp(a.tile(m, 0));
// CHECK-NEXT:       |       ^
// CHECK-NEXT: 1 error generated.
