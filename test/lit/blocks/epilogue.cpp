// A fused epilogue in a 2x3 block: the block's six D tiles are waited for
// together, each is copied to the slot above the six accumulators (6), and the
// result stays in the tile's own slot until the packs. D's tile is the block's
// own tile, so m and n are not recovered (an unused local fails -Werror).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s < %t/lin/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void lin(Tensor<bf16> X, Tensor<bf16> W, Tensor<bf16> D, Tensor<bf16> Y) {
  const uint32_t Mt = X.tile_rows(), Kt = X.tile_cols(), Nt = W.tile_cols();
#pragma tt tile_loop parallel block(2)
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel block(3)
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(X.tile(m, k), W.tile(k, n));
      Y.tile(m, n) = relu(acc + D.tile(m, n));
    }
  }
}

// CHECK: matmul_tiles(cb_X, cb_W, m - m_first, n - n_first, in_block);
// CHECK: cb_wait_front(cb_D, 6);
// CHECK-NEXT: copy_init(cb_D);
// CHECK-NEXT: for (uint32_t in_block = 0; in_block < block_tiles; ++in_block) {
// CHECK-NEXT: // epilogue.cpp:[[#LINE:]]: Y.tile(m, n) = relu(acc + D.tile(m, n));
// CHECK-NEXT: copy_tile(cb_D, in_block, 6);
// CHECK-NEXT: add_binary_tile_init();
// CHECK-NEXT: add_binary_tile(in_block, 6, in_block);
// CHECK-NEXT: relu_tile_init();
// CHECK-NEXT: relu_tile(in_block);
// CHECK-NEXT: }
// CHECK-NEXT: cb_pop_front(cb_D, 6);
// CHECK-NEXT: tile_regs_commit();
// CHECK-NEXT: tile_regs_wait();
// CHECK-NEXT: for (uint32_t in_block = 0; in_block < block_tiles; ++in_block) {
// CHECK-NEXT: // epilogue.cpp:[[#LINE]]
// CHECK-NEXT: cb_reserve_back(cb_Y, 1);
// CHECK-NEXT: pack_tile(in_block, cb_Y);
