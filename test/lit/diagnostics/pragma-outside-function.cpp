// A tile_loop pragma at namespace scope has no loop to bind to.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#pragma tt tile_loop parallel
void k(Tensor<bf16> a, Tensor<bf16> c) {
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      pragma-outside-function.cpp:5:1: error: '#pragma tt tile_loop' outside a function body [tilesplit-pragma-outside-function]{{$}}
// CHECK-NEXT:     5 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
