// A generated sum of 260 tiles: each '+' nests the sum one level deeper, and
// tilesplit translates expressions and statements nested up to 256 levels.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile x = a.tile(i);
    c.tile(i) = x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x;
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      expression-too-deep.cpp:10:5: error: expression is nested too deeply to translate [tilesplit-expression-too-deep]{{$}}
// CHECK-NEXT:    10 |     c.tile(i) = x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
// CHECK-NEXT:       |     ^
// CHECK-NEXT: expression-too-deep.cpp:10:31: note: the nesting goes past tilesplit's limit of 256 levels here{{$}}
// CHECK-NEXT:    10 |     c.tile(i) = x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
// CHECK-NEXT:       |                               ^
// CHECK-NEXT: 1 error generated.
