// I/O inside a tile loop.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#include <cstdio>

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    std::printf("tile %u\n", i);
    c.tile(i) = a.tile(i);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-call.cpp:11:5: error: call to 'printf' is not supported inside a tile loop [tilesplit-unsupported-call]{{$}}
// CHECK-NEXT:    11 |     std::printf("tile %u\n", i);
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
