// Y = relu(X * W + bias) * scale: a matmul with a fused epilogue. The bias
// tile is read after the reduce loop and added to the accumulator in DST.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void linear_relu(Tensor<bf16> X, Tensor<bf16> W, Tensor<bf16> bias, Tensor<bf16> Y,
                 float scale) {
  const uint32_t Mt = X.tile_rows(), Kt = X.tile_cols(), Nt = W.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(X.tile(m, k), W.tile(k, n));
      Y.tile(m, n) = relu(acc + bias.tile(0, n)) * scale;
    }
  }
}
