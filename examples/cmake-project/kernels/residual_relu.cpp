// out = relu(x + residual) * OUTPUT_SCALE, tile by tile, split over the cores.
#include <tilesplit/tile.hpp>

#include "activation.h"

using namespace tilesplit;

void residual_relu(Tensor<bf16> x, Tensor<bf16> residual, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = relu(x.tile(i) + residual.tile(i)) * OUTPUT_SCALE;
}
