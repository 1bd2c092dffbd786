// CPU reference for the kernels of tt-metal's examples/matmul/matmul_common, which the examples
// folder ships without their host programs (tt-metal's matmul_multicore_reuse and
// matmul_multicore_reuse_mcast drove them): a batched matmul, C[b] = A[b] * B[b] for b < batch,
// with A (batch*M)xK, C (batch*M)xN, and B (batch*K)xN, or KxN with bcast_B = 1 to use one B for
// the whole batch (the kernels' bcast_B). The device programs are matmul_common/{reuse,reuse_mcast,bmm}/host.cpp.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void bmm(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C, uint32_t batch, uint32_t bcast_B) {
  const uint32_t Mt = C.tile_rows() / batch, Kt = A.tile_cols(), Nt = C.tile_cols();
  const uint32_t b_stride = (1 - bcast_B) * Kt;
#pragma tt tile_loop parallel
  for (uint32_t b = 0; b < batch; ++b) {
#pragma tt tile_loop parallel
    for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel
      for (uint32_t n = 0; n < Nt; ++n) {
        Tile acc = zeros();
#pragma tt tile_loop reduce
        for (uint32_t k = 0; k < Kt; ++k)
          acc += matmul(A.tile(b * Mt + m, k), B.tile(b * b_stride + k, n));
        C.tile(b * Mt + m, n) = acc;
      }
    }
  }
}
