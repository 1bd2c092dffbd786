// Of two buffers(N) clauses, the error points at the one whose circular buffers take the most L1:
// here the reduce loop's, which streams A and B; C's pages come from the parallel loop's clause.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void mm(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
#pragma tt tile_loop parallel buffers(4)
  for (uint32_t m = 0; m < C.num_tiles(); ++m) {
    Tile acc = zeros();
#pragma tt tile_loop reduce buffers(340)
    for (uint32_t k = 0; k < A.tile_cols(); ++k)
      acc += matmul(A.tile(m / C.tile_cols(), k), B.tile(k, m % C.tile_cols()));
    C.tile(m) = acc;
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      l1-budget-reduce.cpp:10:29: error: circular buffers need 1400832 bytes of L1 per core; the budget is 1368064 bytes [tilesplit-l1-budget]{{$}}
// CHECK-NEXT:    10 | #pragma tt tile_loop reduce buffers(340)
// CHECK-NEXT:       |                             ^
// CHECK-NEXT: note: cb_A, input of tensor 'A': 340 pages x 2048 bytes = 696320 bytes{{$}}
// CHECK-NEXT: note: cb_B, input of tensor 'B': 340 pages x 2048 bytes = 696320 bytes{{$}}
// CHECK-NEXT: note: cb_C, output of tensor 'C': 4 pages x 2048 bytes = 8192 bytes{{$}}
// CHECK-NEXT: 1 error generated.
