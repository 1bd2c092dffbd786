// The loop kind is a clause too, so a misspelt kind gets the same fix-it.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop paralel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t -- -fdiagnostics-parseable-fixits 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unknown-clause-kind.cpp:6:22: error: unknown clause 'paralel' in '#pragma tt tile_loop' [tilesplit-unknown-clause]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop paralel
// CHECK-NEXT:       |                      ^~~~~~~
// CHECK-NEXT:       |                      parallel
// CHECK-NEXT: fix-it:"{{.*}}unknown-clause-kind.cpp":{6:22-6:29}:"parallel"
// CHECK-NEXT: 1 error generated.
