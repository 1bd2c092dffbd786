// A tile local that nothing uses does not count as a use of the locals it copies: t is used
// once (by the store), so it folds into the store's expression and gets no CB; so does a chain
// of dead copies.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s < %t/k/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i) {
    Tile t = exp(x.tile(i));
    Tile u = t;
    Tile v = u * u;
    y.tile(i) = t + 1.0f;
  }
}

// CHECK:      constexpr uint32_t cb_x = tt::CBIndex::c_0;
// CHECK-NEXT: constexpr uint32_t cb_y = tt::CBIndex::c_16;
// CHECK-NOT:  cb_t
// CHECK:      copy_tile(cb_x, 0, 0);
// CHECK-NEXT: exp_tile_init();
// CHECK-NEXT: exp_tile(0);
// CHECK:      add_unary_tile(0,
// CHECK-NOT:  cb_t
