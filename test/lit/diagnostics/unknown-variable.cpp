// Indices and bounds use loop variables, scalar parameters and scalar locals.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

uint32_t offset = 1;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i + offset);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unknown-variable.cpp:10:28: error: 'offset' is not a loop variable, scalar parameter or scalar local of the kernel [tilesplit-unknown-variable]{{$}}
// CHECK-NEXT:    10 |     c.tile(i) = a.tile(i + offset);
// CHECK-NEXT:       |                            ^
// CHECK-NEXT: 1 error generated.
