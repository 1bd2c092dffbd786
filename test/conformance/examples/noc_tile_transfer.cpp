// CPU reference for tt-metal's NoC_tile_transfer example (examples/NoC_tile_transfer): one tile
// goes from DRAM to core (0,0), over the NOC to core (0,1) under a semaphore handshake, and back to
// DRAM; the result is the input. The device side is the example's own kernels, run by
// noc_tile_transfer/host.cpp. The kernels move one 2048-byte tile whatever it holds: the example
// fills it with uint16 values (its CBs are UInt16), here it holds bf16 values, compared exactly.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void noc_tile_transfer(Tensor<bf16> src, Tensor<bf16> dst) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < dst.num_tiles(); ++i)
    dst.tile(i) = src.tile(i);
}
