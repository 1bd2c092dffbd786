// '#pragma tt' with nothing after it.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      missing-directive.cpp:6:9: error: expected 'tile_loop' or 'kernel' after '#pragma tt' [tilesplit-missing-directive]{{$}}
// CHECK-NEXT:     6 | #pragma tt
// CHECK-NEXT:       |         ^
// CHECK-NEXT: 1 error generated.
