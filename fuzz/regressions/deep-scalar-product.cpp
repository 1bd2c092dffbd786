// A tile times 300 scalar factors, past the nesting limit (10,000 overflowed the stack).
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void deep(Tensor<bf16> a, Tensor<bf16> c, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    c.tile(i) = a.tile(i) * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha
      * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha * alpha;
  }
}
