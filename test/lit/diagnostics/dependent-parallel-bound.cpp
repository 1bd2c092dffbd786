// Nested parallel loops form one rectangular iteration space.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < c.tile_rows(); ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = m; n < c.tile_cols(); ++n)
      c.tile(m, n) = a.tile(m, n);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      dependent-parallel-bound.cpp:9:5: error: the bounds of nested 'parallel' loops cannot depend on the outer loop variable 'm' [tilesplit-dependent-parallel-bound]{{$}}
// CHECK-NEXT:     9 |     for (uint32_t n = m; n < c.tile_cols(); ++n)
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
