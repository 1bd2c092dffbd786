// With 32-bit accumulation DST holds 4 tiles: a 2x4 block does not fit.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#pragma tt kernel fp32_dest_acc
void k(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
#pragma tt tile_loop parallel block(2)
  for (uint32_t m = 0; m < C.tile_rows(); ++m) {
#pragma tt tile_loop parallel block(4)
    for (uint32_t n = 0; n < C.tile_cols(); ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < A.tile_cols(); ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      dst-block-capacity-fp32.cpp:7:31: error: a block of 8 output tiles needs 8 DST tiles; the limit is 4 [tilesplit-dst-block-capacity]{{$}}
// CHECK-NEXT:     7 | #pragma tt tile_loop parallel block(2)
// CHECK-NEXT:       |                               ^
// CHECK-NEXT: 1 error generated.
