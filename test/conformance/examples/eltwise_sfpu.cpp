// CPU reference for tt-metal's eltwise_sfpu example (examples/eltwise_sfpu): dst = exp(src) over
// every tile. The device side is the example's own kernels, run by eltwise_sfpu/host.cpp.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise_sfpu(Tensor<bf16> src, Tensor<bf16> dst) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < src.num_tiles(); ++i)
    dst.tile(i) = exp(src.tile(i));
}
