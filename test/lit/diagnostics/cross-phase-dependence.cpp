// The second loop nest reads what the first writes.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < b.num_tiles(); ++i)
    b.tile(i) = exp(a.tile(i));
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = b.tile(i) * 2.0f;
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      cross-phase-dependence.cpp:11:19: error: tensor 'b' is written by one top-level tile loop and read by another; put them in separate kernels [tilesplit-cross-phase-dependence]{{$}}
// CHECK-NEXT:    11 |     c.tile(i) = b.tile(i) * 2.0f;
// CHECK-NEXT:       |                   ^
// CHECK-NEXT: cross-phase-dependence.cpp:8:5: note: 'b' is written here{{$}}
// CHECK-NEXT:     8 |     b.tile(i) = exp(a.tile(i));
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
