// A misspelt clause; the fix-it replaces it with the closest known clause.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel bufers(4)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t -- -fdiagnostics-parseable-fixits 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unknown-clause.cpp:6:31: error: unknown clause 'bufers' in '#pragma tt tile_loop' [tilesplit-unknown-clause]{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel bufers(4)
// CHECK-NEXT:       |                               ^~~~~~
// CHECK-NEXT:       |                               buffers
// CHECK-NEXT: fix-it:"{{.*}}unknown-clause.cpp":{6:31-6:37}:"buffers"
// CHECK-NEXT: 1 error generated.
