// A tile_loop pragma binds to the statement after it, which must be a 'for'.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  const uint32_t n = c.num_tiles();
  for (uint32_t i = 0; i < n; ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      pragma-not-before-for.cpp:6:1: error: '#pragma tt tile_loop' must be followed by a 'for' statement [tilesplit-pragma-not-before-for]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
