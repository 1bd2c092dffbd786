// A kernel that computes but stores nothing.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
  {
    Tile x = exp(a.tile(i));
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      no-tensor-written.cpp:5:6: error: kernel 'k' writes no tensor [tilesplit-no-tensor-written]{{$}}
// CHECK-NEXT:     5 | void k(Tensor<bf16> a, Tensor<bf16> c) {
// CHECK-NEXT:       |      ^
// CHECK-NEXT: 1 error generated.
