// With 32-bit accumulation DST holds 4 tiles; this balanced tree needs 5.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#pragma tt kernel fp32_dest_acc
void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    Tile x = a.tile(i);
    c.tile(i) = (((exp(x) * exp(x)) * (exp(x) * exp(x))) * ((exp(x) * exp(x)) * (exp(x) * exp(x)))) *
                (((exp(x) * exp(x)) * (exp(x) * exp(x))) * ((exp(x) * exp(x)) * (exp(x) * exp(x))));
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      dst-capacity.cpp:11:5: error: expression needs 5 DST tiles; the limit is 4 [tilesplit-dst-capacity]{{$}}
// CHECK-NEXT:    11 |     c.tile(i) = (((exp(x) * exp(x)) * (exp(x) * exp(x))) * ((exp(x) * exp(x)) * (exp(x) * exp(x)))) *
// CHECK-NEXT:       |     ^
// CHECK-NEXT: 1 error generated.
