// Tiles come from the kernel's tensor parameters.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

Tensor<bf16> weights;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * weights.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unknown-tensor.cpp:10:37: error: 'weights' is not a tensor parameter of the kernel [tilesplit-unknown-tensor]{{$}}
// CHECK-NEXT:    10 |     c.tile(i) = a.tile(i) * weights.tile(i);
// CHECK-NEXT:       |                                     ^
// CHECK-NEXT: 1 error generated.
