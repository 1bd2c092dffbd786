// A clause that is no near miss of a known one: no fix-it.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel unroll(4)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t -- -fdiagnostics-parseable-fixits 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unknown-clause-far.cpp:6:31: error: unknown clause 'unroll' in '#pragma tt tile_loop' [tilesplit-unknown-clause]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel unroll(4)
// CHECK-NEXT:       |                               ^
// CHECK-NEXT: 1 error generated.
