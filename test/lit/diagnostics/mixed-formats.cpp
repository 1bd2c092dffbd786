// A bf16 input and a float32 output.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<float> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      mixed-formats.cpp:5:38: error: tensors of different data formats (Float16_b and Float32) in one kernel need an explicit conversion [tilesplit-mixed-formats]{{$}}
// CHECK-NEXT:     5 | void k(Tensor<bf16> a, Tensor<float> c) {
// CHECK-NEXT:       |                                      ^
// CHECK-NEXT: 1 error generated.
