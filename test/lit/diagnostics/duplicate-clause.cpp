// Each clause at most once per pragma.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel buffers(2) buffers(4)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      duplicate-clause.cpp:6:42: error: clause 'buffers' given more than once [tilesplit-duplicate-clause]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel buffers(2) buffers(4)
// CHECK-NEXT:       |                                          ^
// CHECK-NEXT: 1 error generated.
