// buffers(230) for three bf16 streams is more L1 than a Wormhole core has; the error points at the
// clause, a note per circular buffer gives its share.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel buffers(230)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * b.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      l1-budget.cpp:7:31: error: circular buffers need 1413120 bytes of L1 per core; the budget is 1368064 bytes [tilesplit-l1-budget]{{$}}
// CHECK-NEXT:     7 | #pragma tt tile_loop parallel buffers(230)
// CHECK-NEXT:       |                               ^
// CHECK-NEXT: note: cb_a, input of tensor 'a': 230 pages x 2048 bytes = 471040 bytes{{$}}
// CHECK-NEXT: note: cb_b, input of tensor 'b': 230 pages x 2048 bytes = 471040 bytes{{$}}
// CHECK-NEXT: note: cb_c, output of tensor 'c': 230 pages x 2048 bytes = 471040 bytes{{$}}
// CHECK-NEXT: 1 error generated.
