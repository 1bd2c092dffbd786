// A 2x4 block fills bf16 DST's 8 tiles with accumulators, leaving no slot for
// the bias tile the epilogue adds.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> D, Tensor<bf16> C) {
#pragma tt tile_loop parallel block(2)
  for (uint32_t m = 0; m < C.tile_rows(); ++m) {
#pragma tt tile_loop parallel block(4)
    for (uint32_t n = 0; n < C.tile_cols(); ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < A.tile_cols(); ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc + D.tile(m, n);
    }
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      dst-block-capacity.cpp:7:31: error: a block of 8 output tiles needs 9 DST tiles (one per tile and 1 more for the expression on line 15); the limit is 8 [tilesplit-dst-block-capacity]{{$}}
// CHECK-NEXT:     7 | #pragma tt tile_loop parallel block(2)
// CHECK-NEXT:       |                               ^
// CHECK-NEXT: 1 error generated.
