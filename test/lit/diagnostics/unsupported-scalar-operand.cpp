// A scalar operand of a tile operation is a float parameter or a literal.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c, uint32_t n) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * n;
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-scalar-operand.cpp:8:29: error: scalar operand of a tile operation must be a float parameter or a literal [tilesplit-unsupported-scalar-operand]{{$}}
// CHECK-NEXT:     8 |     c.tile(i) = a.tile(i) * n;
// CHECK-NEXT:       |                             ^
// CHECK-NEXT: 1 error generated.
