// The 'for' of a tile loop from a macro.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#define FOR_TILES(i, t) for (uint32_t i = 0; i < t.num_tiles(); ++i)

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  FOR_TILES(i, c)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      in-macro-loop.cpp:9:3: error: a tile loop inside a macro expansion cannot be translated; write it out in the source file [tilesplit-in-macro]{{$}}
// CHECK-NEXT:     9 |   FOR_TILES(i, c)
// CHECK-NEXT:       |   ^
// CHECK-NEXT: in-macro-loop.cpp:5:25: note: expanded from macro 'FOR_TILES'{{$}}
// CHECK-NEXT:     5 | #define FOR_TILES(i, t) for (uint32_t i = 0; i < t.num_tiles(); ++i)
// CHECK-NEXT:       |                         ^
// CHECK-NEXT: 1 error generated.
