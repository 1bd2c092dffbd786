// Kernel parameters are tensors and scalars the host can pass.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c, double s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-parameter.cpp:5:47: error: kernel parameter 's' has unsupported type 'double'; expected Tensor<bf16>, Tensor<float>, uint32_t, int32_t or float [tilesplit-unsupported-parameter]{{$}}
// CHECK-NEXT:     5 | void k(Tensor<bf16> a, Tensor<bf16> c, double s) {
// CHECK-NEXT:       |                                               ^
// CHECK-NEXT: 1 error generated.
