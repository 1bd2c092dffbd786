// CPU reference for tt-metal's add_2_integers_in_compute example
// (examples/add_2_integers_in_compute): one bf16 tile, c = a + b (the example adds random values
// in [0, 14) and [0, 8)). The device side is the example's own kernels, run by
// add_2_integers_in_compute/host.cpp. The kernels handle exactly one tile.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void add_2_integers_in_compute(Tensor<bf16> src0, Tensor<bf16> src1, Tensor<bf16> dst) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < dst.num_tiles(); ++i)
    dst.tile(i) = src0.tile(i) + src1.tile(i);
}
