// Two overloads that are both kernels: no --kernel can tell them apart.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void scale(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * 2.0f;
}

void scale(Tensor<bf16> a, Tensor<bf16> c, float s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * s;
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      duplicate-kernel-overload.cpp:11:6: error: another kernel of this file is also named 'scale'; each kernel is written to <out-dir>/scale/, so rename one of them [tilesplit-duplicate-kernel]{{$}}
// CHECK-NEXT:    11 | void scale(Tensor<bf16> a, Tensor<bf16> c, float s) {
// CHECK-NEXT:       |      ^
// CHECK-NEXT: duplicate-kernel-overload.cpp:5:6: note: the other kernel, 'scale', is here{{$}}
// CHECK-NEXT:     5 | void scale(Tensor<bf16> a, Tensor<bf16> c) {
// CHECK-NEXT:       |      ^
// CHECK-NEXT: 1 error generated.
