// Tile locals used twice, operands computed for a reduction or broadcast, and the scaler tile of a
// reduction have circular buffers too.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel buffers(200)
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile e = exp(a.tile(i));
    c.tile(i) = e * bcast_col(row_sum(e));
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      l1-budget-intermediate.cpp:7:31: error: circular buffers need 1640448 bytes of L1 per core; the budget is 1368064 bytes [tilesplit-l1-budget]{{$}}
// CHECK-NEXT:     7 | #pragma tt tile_loop parallel buffers(200)
// CHECK-NEXT:       |                               ^
// CHECK-NEXT: note: cb_a, input of tensor 'a': 200 pages x 2048 bytes = 409600 bytes{{$}}
// CHECK-NEXT: note: cb_c, output of tensor 'c': 200 pages x 2048 bytes = 409600 bytes{{$}}
// CHECK-NEXT: note: cb_e, tile local 'e': 200 pages x 2048 bytes = 409600 bytes{{$}}
// CHECK-NEXT: note: cb_tmp, a tile computed on line 10: 200 pages x 2048 bytes = 409600 bytes{{$}}
// CHECK-NEXT: note: cb_scaler, the reductions' scaler tile: 1 page x 2048 bytes = 2048 bytes{{$}}
// CHECK-NEXT: 1 error generated.
