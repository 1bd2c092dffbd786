// A second loop nest of a kernel without its pragma.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * 2.0f;
}

// RUN: rm -rf %t && not %tilesplit %s -o %t -- -fdiagnostics-parseable-fixits 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unannotated-loop-kernel.cpp:9:3: error: loop in a kernel needs '#pragma tt tile_loop' [tilesplit-unannotated-loop]{{$}}
// CHECK-NEXT:     9 |   for (uint32_t i = 0; i < c.num_tiles(); ++i)
// CHECK-NEXT:       |   ^
// CHECK-NEXT: fix-it:"{{.*}}unannotated-loop-kernel.cpp":{9:3-9:3}:"#pragma tt tile_loop\n  "
// CHECK-NEXT: 1 error generated.
