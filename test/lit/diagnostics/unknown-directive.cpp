// A '#pragma tt' whose first word is neither 'tile_loop' nor 'kernel'.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_lop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unknown-directive.cpp:6:12: error: unknown directive 'tile_lop' in '#pragma tt'; expected 'tile_loop' or 'kernel' [tilesplit-unknown-directive]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_lop parallel
// CHECK-NEXT:       |            ^
// CHECK-NEXT: 1 error generated.
