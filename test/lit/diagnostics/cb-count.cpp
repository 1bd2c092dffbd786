// 17 distinct tile reads need 17 input circular buffers; c_0..c_15 are the inputs'. The error
// points at the first read that gets none.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + a.tile(i + 1) + a.tile(i + 2) + a.tile(i + 3) + a.tile(i + 4) +
                a.tile(i + 5) + a.tile(i + 6) + a.tile(i + 7) + a.tile(i + 8) + a.tile(i + 9) +
                a.tile(i + 10) + a.tile(i + 11) + a.tile(i + 12) + a.tile(i + 13) +
                a.tile(i + 14) + a.tile(i + 15) + a.tile(i + 16);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      cb-count.cpp:12:53: error: kernel needs 17 input circular buffers; at most 16 are available [tilesplit-cb-count]{{$}}
// CHECK-NEXT:    12 |                 a.tile(i + 14) + a.tile(i + 15) + a.tile(i + 16);
// CHECK-NEXT:       |                                                     ^
// CHECK-NEXT: 1 error generated.
