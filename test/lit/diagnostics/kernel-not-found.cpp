// --kernel names no kernel of the file.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t --kernel=matmul 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      kernel-not-found.cpp:1:1: error: no kernel named 'matmul' in this file [tilesplit-kernel-not-found]{{$}}
// CHECK-NEXT:     1 | // --kernel names no kernel of the file.
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
