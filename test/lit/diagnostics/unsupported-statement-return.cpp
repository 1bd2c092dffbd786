// A plain 'return' inside a tile loop would end the kernel early on one core only.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    c.tile(i) = a.tile(i);
    return;
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-statement-return.cpp:9:5: error: unsupported statement in a tile loop: a 'return' [tilesplit-unsupported-statement]{{$}}
// CHECK-NEXT:     9 |     return;
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
