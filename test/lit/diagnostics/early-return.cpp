// The reference returns before the loop; the kernels would not.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void skipped(Tensor<bf16> a, Tensor<bf16> c) {
  return;
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      early-return.cpp:6:3: error: 'return' before the end of the kernel: the CPU reference would skip what follows it, the device kernels would not [tilesplit-early-return]{{$}}
// CHECK-NEXT:     6 |   return;
// CHECK-NEXT:       |   ^
// CHECK-NEXT: 1 error generated.
