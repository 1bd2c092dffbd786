// 33 distinct tile reads need 33 input circular buffers, and a core has 32: once c_0..c_15,
// the inputs' by convention, are taken, reads take any free index (c_16.., then c_17.., ...).
// The error points at the first read that gets none, with what the kernel needs in all.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + a.tile(i + 1) + a.tile(i + 2) + a.tile(i + 3) + a.tile(i + 4) +
                a.tile(i + 5) + a.tile(i + 6) + a.tile(i + 7) + a.tile(i + 8) + a.tile(i + 9) +
                a.tile(i + 10) + a.tile(i + 11) + a.tile(i + 12) + a.tile(i + 13) + a.tile(i + 14) +
                a.tile(i + 15) + a.tile(i + 16) + a.tile(i + 17) + a.tile(i + 18) + a.tile(i + 19) +
                a.tile(i + 20) + a.tile(i + 21) + a.tile(i + 22) + a.tile(i + 23) + a.tile(i + 24) +
                a.tile(i + 25) + a.tile(i + 26) + a.tile(i + 27) + a.tile(i + 28) + a.tile(i + 29) +
                a.tile(i + 30) + a.tile(i + 31) + a.tile(i + 32);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      cb-count.cpp:16:53: error: kernel needs 34 circular buffers (33 input, 1 output, 0 intermediate); at most 32 are available [tilesplit-cb-count]{{$}}
// CHECK-NEXT:    16 |                 a.tile(i + 30) + a.tile(i + 31) + a.tile(i + 32);
// CHECK-NEXT:       |                                                     ^
// CHECK-NEXT: 1 error generated.
