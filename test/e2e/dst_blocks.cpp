// DST blocks: `block(N)` on the parallel loops accumulates several output tiles
// in one DST acquire, tile i of the block in slot i. Each kernel is run end to end
// by tilesplit-run against the CPU reference (CMakeLists.txt beside this), with
// shapes that leave partial blocks at the edges.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

// A 2x4 block of C: the 8 tiles bf16 DST holds.
void matmul_block_2x4(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
  const uint32_t Mt = A.tile_rows(), Kt = A.tile_cols(), Nt = B.tile_cols();
#pragma tt tile_loop parallel block(2)
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel block(4)
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}

// With 32-bit accumulation DST holds 4 tiles: a 2x2 block.
#pragma tt kernel fp32_dest_acc
void matmul_block_fp32(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
  const uint32_t Mt = A.tile_rows(), Kt = A.tile_cols(), Nt = B.tile_cols();
#pragma tt tile_loop parallel block(2)
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel block(2)
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}

// A fused epilogue needs one slot above the block's 6 accumulators (7 of 8).
void linear_block(Tensor<bf16> X, Tensor<bf16> W, Tensor<bf16> D, Tensor<bf16> Y,
                  float alpha) {
  const uint32_t Mt = X.tile_rows(), Kt = X.tile_cols(), Nt = W.tile_cols();
#pragma tt tile_loop parallel block(2)
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel block(3)
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(X.tile(m, k), W.tile(k, n));
      Y.tile(m, n) = relu(acc + D.tile(m, n)) * alpha;
    }
  }
}

// The accumulator starts from a value: C = 0.5 + A * B.
void matmul_block_init(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
  const uint32_t Mt = A.tile_rows(), Kt = A.tile_cols(), Nt = B.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel block(4)
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = fill(0.5f);
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}

// Sums over whole rows of tiles, four rows per acquire; each step adds a tile
// through a slot above the accumulators.
void row_tile_sums_block(Tensor<bf16> x, Tensor<bf16> y) {
  const uint32_t Rt = x.tile_rows(), Ct = x.tile_cols();
#pragma tt tile_loop parallel block(4)
  for (uint32_t r = 0; r < Rt; ++r) {
    Tile acc = zeros();
#pragma tt tile_loop reduce
    for (uint32_t c = 0; c < Ct; ++c)
      acc += x.tile(r, c);
    y.tile(r, 0) = acc;
  }
}
