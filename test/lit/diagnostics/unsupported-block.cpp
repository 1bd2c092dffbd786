// block(N) groups iterations of the parallel loops split over cores; a reduce
// loop runs in order on one core.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < C.tile_cols(); ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce block(2)
      for (uint32_t k = 0; k < A.tile_cols(); ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-block.cpp:12:29: error: cannot block this loop nest: 'block' applies to the 'parallel' tile loops that are split over cores [tilesplit-unsupported-block]{{$}}
// CHECK-NEXT:    12 | #pragma tt tile_loop reduce block(2)
// CHECK-NEXT:       |                             ^
// CHECK-NEXT: 1 error generated.
