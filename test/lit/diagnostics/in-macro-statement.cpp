// A tile statement from a macro.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#define COPY(dst, src, i) dst.tile(i) = src.tile(i)

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    COPY(c, a, i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      in-macro-statement.cpp:10:5: error: a tile statement inside a macro expansion cannot be translated; write it out in the source file [tilesplit-in-macro]{{$}}
// CHECK-NEXT:    10 |     COPY(c, a, i);
// CHECK-NEXT:       |     ^
// CHECK-NEXT: in-macro-statement.cpp:5:27: note: expanded from macro 'COPY'{{$}}
// CHECK-NEXT:     5 | #define COPY(dst, src, i) dst.tile(i) = src.tile(i)
// CHECK-NEXT:       |                           ^
// CHECK-NEXT: 1 error generated.
