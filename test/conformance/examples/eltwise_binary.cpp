// CPU reference for tt-metal's eltwise_binary example (examples/eltwise_binary): dst = src0 + src1
// over every tile. The device side is the example's own kernels, run by eltwise_binary/host.cpp.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise_binary(Tensor<bf16> src0, Tensor<bf16> src1, Tensor<bf16> dst) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < dst.num_tiles(); ++i)
    dst.tile(i) = src0.tile(i) + src1.tile(i);
}
