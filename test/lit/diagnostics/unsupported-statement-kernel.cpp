// Outside the tile loops a kernel holds scalar declarations only.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
  uint32_t n = 0;
  while (n < c.num_tiles())
    ++n;
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-statement-kernel.cpp:7:3: error: unsupported statement in a kernel: a 'while' loop [tilesplit-unsupported-statement]{{$}}
// CHECK-NEXT:     7 |   while (n < c.num_tiles())
// CHECK-NEXT:       |   ^
// CHECK-NEXT: 1 error generated.
