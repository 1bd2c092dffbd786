// buffers(N) that overflow a core's L1 are a compile error at the clause naming the
// demand, each CB's share and the budget; nothing is written. The same kernel fits Blackhole's larger L1.
// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not ls %t
// RUN: %tilesplit %s -o %t --arch=blackhole
// RUN: FileCheck %s --check-prefix=HOST < %t/scale/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void scale(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel buffers(230)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * b.tile(i);
}

// CHECK: l1-budget.cpp:11:31: error: circular buffers need 1413120 bytes of L1 per core; the budget is 1368064 bytes [tilesplit-l1-budget]
// CHECK-NEXT: 11 | #pragma tt tile_loop parallel buffers(230)
// CHECK-NEXT:    |                               ^
// CHECK-NEXT: note: cb_a, input of tensor 'a': 230 pages x 2048 bytes = 471040 bytes
// CHECK-NEXT: note: cb_b, input of tensor 'b': 230 pages x 2048 bytes = 471040 bytes
// CHECK-NEXT: note: cb_c, output of tensor 'c': 230 pages x 2048 bytes = 471040 bytes
// CHECK: 1 error generated.

// HOST: CircularBufferConfig(230 * 2048,
