// dst = src0 + src1 over every tile: tt-metal's eltwise_binary example, as one
// annotated C++ function. `tilesplit eltwise_binary.cpp -o out` writes the
// reader, compute and writer kernels and the host program for it.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise_binary(Tensor<bf16> src0, Tensor<bf16> src1, Tensor<bf16> dst) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < dst.num_tiles(); ++i)
    dst.tile(i) = src0.tile(i) + src1.tile(i);
}
