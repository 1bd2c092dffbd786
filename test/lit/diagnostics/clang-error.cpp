// C++ errors are Clang's own, printed as Clang prints them; nothing is written.
// There is no tile division: `/` on a tile does not compile.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) / 2.0f;
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: test ! -e %t

// CHECK: clang-error.cpp:9:27: error: invalid operands to binary expression ('TileRef' and 'float'){{$}}
// CHECK: 1 error generated.
