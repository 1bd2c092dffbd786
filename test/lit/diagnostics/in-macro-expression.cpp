// A tile expression from a macro.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#define TWICE(x) ((x) + (x))

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = TWICE(a.tile(i));
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      in-macro-expression.cpp:10:17: error: a tile expression inside a macro expansion cannot be translated; write it out in the source file [tilesplit-in-macro]{{$}}
// CHECK-NEXT:    10 |     c.tile(i) = TWICE(a.tile(i));
// CHECK-NEXT:       |                 ^
// CHECK-NEXT: in-macro-expression.cpp:5:23: note: expanded from macro 'TWICE'{{$}}
// CHECK-NEXT:     5 | #define TWICE(x) ((x) + (x))
// CHECK-NEXT:       |                       ^
// CHECK-NEXT: 1 error generated.
