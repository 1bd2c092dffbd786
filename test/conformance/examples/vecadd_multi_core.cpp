// CPU reference for tt-metal's vecadd_multi_core example (examples/vecadd_multi_core): c = a + b
// over every tile, the tiles split over the worker grid. The device side is the example's own
// kernels, run by vecadd_multi_core/host.cpp.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void vecadd_multi_core(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + b.tile(i);
}
