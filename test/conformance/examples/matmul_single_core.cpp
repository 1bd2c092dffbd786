// CPU reference for tt-metal's matmul_single_core example (examples/matmul/matmul_single_core):
// C = A * B in bf16, accumulating over K. The device side is the example's own kernels, run by
// matmul_single_core/host.cpp.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void matmul_single_core(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
  const uint32_t Mt = A.tile_rows(), Kt = A.tile_cols(), Nt = B.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}
