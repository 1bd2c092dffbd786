// A kernel that compiles only with its build's flags: an include directory (scale.h defines
// SCALE) and -DOFFSET=... (tilesplit-run-compiler-flags.test).
#include <tilesplit/tile.hpp>
#include "scale.h"
using namespace tilesplit;

void k(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = x.tile(i) * SCALE + OFFSET;
}
