// A tile_loop pragma produced by _Pragma inside a macro.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#define MAP(dst, src, op)                            \
  _Pragma("tt tile_loop parallel")                    \
  for (uint32_t i = 0; i < dst.num_tiles(); ++i)      \
    dst.tile(i) = op(src.tile(i));

void k(Tensor<bf16> a, Tensor<bf16> c) {
  MAP(c, a, exp);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      in-macro.cpp:11:3: error: '#pragma tt' inside a macro expansion cannot be translated; write it out in the source file [tilesplit-in-macro]{{$}}
// CHECK-NEXT:    11 |   MAP(c, a, exp);
// CHECK-NEXT:       |   ^
// CHECK-NEXT: in-macro.cpp:6:3: note: expanded from macro 'MAP'{{$}}
// CHECK-NEXT:     6 |   _Pragma("tt tile_loop parallel")                    \
// CHECK-NEXT:       |   ^
// CHECK-NEXT: 1 error generated.
