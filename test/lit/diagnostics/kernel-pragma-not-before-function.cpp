// A kernel pragma after the last function.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

#pragma tt kernel approx

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      kernel-pragma-not-before-function.cpp:11:1: error: '#pragma tt kernel' must be followed by a function definition [tilesplit-kernel-pragma-not-before-function]{{$}}
// CHECK-NEXT:    11 | #pragma tt kernel approx
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
