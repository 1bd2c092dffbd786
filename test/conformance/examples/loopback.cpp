// CPU reference for tt-metal's loopback example (examples/loopback): a DRAM to DRAM copy through
// one tile of L1, tile by tile. The device side is the example's own kernel, run by
// loopback/host.cpp.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void loopback(Tensor<bf16> input, Tensor<bf16> output) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < input.num_tiles(); ++i)
    output.tile(i) = input.tile(i);
}
