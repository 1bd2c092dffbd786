// math_fidelity takes one of the four fidelities.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#pragma tt kernel math_fidelity(HiFi5)
void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      bad-clause-argument-fidelity.cpp:5:33: error: invalid argument to clause 'math_fidelity': 'HiFi5' is not one of LoFi, HiFi2, HiFi3, HiFi4 [tilesplit-bad-clause-argument]{{$}}
// CHECK-NEXT:     5 | #pragma tt kernel math_fidelity(HiFi5)
// CHECK-NEXT:       |                                 ^
// CHECK-NEXT: 1 error generated.
