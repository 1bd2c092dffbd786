// grid(X, Y) takes two arguments.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#pragma tt kernel grid(4)
void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      bad-clause-argument-count.cpp:5:19: error: invalid argument to clause 'grid': expected 2 arguments [tilesplit-bad-clause-argument]{{$}}
// CHECK-NEXT:     5 | #pragma tt kernel grid(4)
// CHECK-NEXT:       |                   ^
// CHECK-NEXT: 1 error generated.
