// Two kernels, written in this order: first/, then second/.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void first(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

void second(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = relu(a.tile(i));
}
