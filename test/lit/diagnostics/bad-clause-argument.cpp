// buffers(N) takes a positive integer; the caret is on the argument.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel buffers(0)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      bad-clause-argument.cpp:6:39: error: invalid argument to clause 'buffers': '0' is not a positive integer [tilesplit-bad-clause-argument]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel buffers(0)
// CHECK-NEXT:       |                                       ^
// CHECK-NEXT: 1 error generated.
