// dst = exp(src) over every tile: tt-metal's eltwise_sfpu example.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise_sfpu(Tensor<bf16> src, Tensor<bf16> dst) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < src.num_tiles(); ++i)
    dst.tile(i) = exp(src.tile(i));
}
