// fill() needs its value at translation time.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c, float s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = fill(s) * a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-expression.cpp:8:22: error: unsupported expression in a tile loop: fill() takes a literal value; multiply a fill(1.0f) tile by a scalar parameter instead [tilesplit-unsupported-expression]{{$}}
// CHECK-NEXT:     8 |     c.tile(i) = fill(s) * a.tile(i);
// CHECK-NEXT:       |                      ^
// CHECK-NEXT: 1 error generated.
