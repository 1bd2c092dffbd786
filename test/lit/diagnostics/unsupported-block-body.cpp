// A DST block holds accumulators; an elementwise loop has none to block.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel block(4)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-block-body.cpp:6:31: error: cannot block this loop nest: the loop body of a DST block is one accumulation: 'Tile acc = ...;', a reduce loop of 'acc += ...', and one store of an expression of 'acc' [tilesplit-unsupported-block]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel block(4)
// CHECK-NEXT:       |                               ^
// CHECK-NEXT: 1 error generated.
