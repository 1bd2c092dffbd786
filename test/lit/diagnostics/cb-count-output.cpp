// Nine tensors written need nine output circular buffers; c_16..c_23 are the outputs'. The error
// points at the store of the ninth.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c0, Tensor<bf16> c1, Tensor<bf16> c2, Tensor<bf16> c3,
       Tensor<bf16> c4, Tensor<bf16> c5, Tensor<bf16> c6, Tensor<bf16> c7, Tensor<bf16> c8) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i) {
    c0.tile(i) = a.tile(i); c1.tile(i) = a.tile(i); c2.tile(i) = a.tile(i);
    c3.tile(i) = a.tile(i); c4.tile(i) = a.tile(i); c5.tile(i) = a.tile(i);
    c6.tile(i) = a.tile(i); c7.tile(i) = a.tile(i); c8.tile(i) = a.tile(i);
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      cb-count-output.cpp:12:53: error: kernel needs 9 output circular buffers; at most 8 are available [tilesplit-cb-count]{{$}}
// CHECK-NEXT:    12 |     c6.tile(i) = a.tile(i); c7.tile(i) = a.tile(i); c8.tile(i) = a.tile(i);
// CHECK-NEXT:       |                                                     ^
// CHECK-NEXT: 1 error generated.
