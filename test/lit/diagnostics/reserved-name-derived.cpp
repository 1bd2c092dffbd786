// The kernels receive tensor x's address as x_addr.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void offset(Tensor<bf16> x, Tensor<bf16> y, uint32_t x_addr) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = x.tile(i + x_addr);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      reserved-name-derived.cpp:5:54: error: 'x_addr' cannot name a scalar parameter of a kernel: the generated code derives 'x_addr' from tensor 'x'; rename it [tilesplit-reserved-name]{{$}}
// CHECK-NEXT:     5 | void offset(Tensor<bf16> x, Tensor<bf16> y, uint32_t x_addr) {
// CHECK-NEXT:       |                                                      ^
// CHECK-NEXT: 1 error generated.
