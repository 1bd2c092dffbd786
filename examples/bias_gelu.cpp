// y = gelu(x + bias) with a bias row of tiles added to every tile row of x:
// two nested parallel loops form one iteration space split across cores.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void bias_gelu(Tensor<bf16> x, Tensor<bf16> bias, Tensor<bf16> y) {
  const uint32_t Mt = x.tile_rows(), Nt = x.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < Nt; ++n)
      y.tile(m, n) = gelu(x.tile(m, n) + bias.tile(0, n));
  }
}
