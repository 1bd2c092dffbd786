// examples/matmul.cpp with a 2x4 DST block: the 8 output tiles of a block
// accumulate in one DST acquire and share their A and B tiles (bench/code_quality.py).
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void matmul_block(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
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
