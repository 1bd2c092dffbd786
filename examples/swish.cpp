// y = x * sigmoid(beta * x): a fused expression whose intermediates stay in DST.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void swish(Tensor<bf16> x, Tensor<bf16> y, float beta) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = x.tile(i) * sigmoid(x.tile(i) * beta);
}
