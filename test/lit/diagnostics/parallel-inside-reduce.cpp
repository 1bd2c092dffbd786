// Parallel loops are the outermost ones; the note points at the enclosing loop.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop reduce
  for (uint32_t m = 0; m < c.tile_rows(); ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < c.tile_cols(); ++n)
      c.tile(m, n) = a.tile(m, n);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      parallel-inside-reduce.cpp:8:1: error: a 'parallel' tile loop cannot be nested inside a 'reduce' tile loop [tilesplit-parallel-inside-reduce]{{$}}
// CHECK-NEXT:     8 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: parallel-inside-reduce.cpp:6:1: note: the enclosing 'reduce' loop's pragma is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop reduce
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
