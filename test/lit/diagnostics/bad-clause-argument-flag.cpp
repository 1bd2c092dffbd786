// A flag clause takes no arguments.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#pragma tt kernel approx(1)
void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      bad-clause-argument-flag.cpp:5:25: error: invalid argument to clause 'approx': it takes no arguments [tilesplit-bad-clause-argument]{{$}}
// CHECK-NEXT:     5 | #pragma tt kernel approx(1)
// CHECK-NEXT:       |                         ^
// CHECK-NEXT: 1 error generated.
