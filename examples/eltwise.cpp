// out = relu(a + b) * alpha, tile by tile.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = relu(a.tile(i) + b.tile(i)) * alpha;
}
