// Every loop in a tile loop is a tile loop; the fix-it adds the pragma.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < c.tile_rows(); ++m)
    for (uint32_t n = 0; n < c.tile_cols(); ++n)
      c.tile(m, n) = a.tile(m, n);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t -- -fdiagnostics-parseable-fixits 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unannotated-loop.cpp:8:5: error: loop inside a tile loop needs '#pragma tt tile_loop' [tilesplit-unannotated-loop]{{$}}
// CHECK-NEXT:     8 |     for (uint32_t n = 0; n < c.tile_cols(); ++n)
// CHECK-NEXT:       |     ^
// CHECK-NEXT: fix-it:"{{.*}}unannotated-loop.cpp":{8:5-8:5}:"#pragma tt tile_loop\n    "
// CHECK-NEXT: 1 error generated.
