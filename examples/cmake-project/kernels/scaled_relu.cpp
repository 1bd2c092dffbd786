// y = relu(x) * OUTPUT_SCALE, tile by tile, split over the cores.
#include <tilesplit/tile.hpp>

#include "activation.h"

using namespace tilesplit;

void scaled_relu(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = relu(x.tile(i)) * OUTPUT_SCALE;
}
