// In a block each tile's result must stay in its accumulator's slot until the
// packs; with the tensor tile on the left the sum would land in the shared slot.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> D, Tensor<bf16> C) {
#pragma tt tile_loop parallel block(2)
  for (uint32_t m = 0; m < C.tile_rows(); ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < C.tile_cols(); ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < A.tile_cols(); ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = D.tile(m, n) + acc;
    }
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-block-result.cpp:15:7: error: cannot block this loop nest: in a DST block the result must be computed in the accumulator's slot; write the accumulator as the left operand [tilesplit-unsupported-block]{{$}}
// CHECK-NEXT:    15 |       C.tile(m, n) = D.tile(m, n) + acc;
// CHECK-NEXT:       |       ^
// CHECK-NEXT: 1 error generated.
