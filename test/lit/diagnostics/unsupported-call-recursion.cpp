// A kernel calling itself.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    c.tile(i) = a.tile(i);
    k(a, c);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-call-recursion.cpp:10:5: error: call to 'k' is not supported inside a tile loop; a kernel cannot call itself [tilesplit-unsupported-call]{{$}}
// CHECK-NEXT:    10 |     k(a, c);
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
