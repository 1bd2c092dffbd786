// A tile local used once is folded into the expression that uses it. Each sum
// alone nests 100 levels; with 't1' and 't2' folded into 't3', 300.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile x = a.tile(i);
    Tile t1 = x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x;
    Tile t2 = t1 + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x;
    Tile t3 = t2 + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
              + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x;
    c.tile(i) = t3;
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      expression-too-deep-folded.cpp:20:5: error: expression is nested too deeply to translate, with the tile locals it uses folded into it [tilesplit-expression-too-deep]{{$}}
// CHECK-NEXT:    20 |     Tile t3 = t2 + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
// CHECK-NEXT:       |     ^
// CHECK-NEXT: expression-too-deep-folded.cpp:20:5: note: the nesting goes past tilesplit's limit of 256 levels here{{$}}
// CHECK-NEXT: 1 error generated.
