// The host program takes the device as its own parameter named device.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void scale(Tensor<bf16> x, Tensor<bf16> y, float device) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = x.tile(i) * device;
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      reserved-name.cpp:5:50: error: 'device' cannot name a scalar parameter of a kernel: the generated code declares 'device' itself; rename it [tilesplit-reserved-name]{{$}}
// CHECK-NEXT:     5 | void scale(Tensor<bf16> x, Tensor<bf16> y, float device) {
// CHECK-NEXT:       |                                                  ^
// CHECK-NEXT: 1 error generated.
