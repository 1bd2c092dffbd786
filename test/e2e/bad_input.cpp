// A misspelt clause: tilesplit-run must stop with the translator's diagnostic.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void bad(Tensor<bf16> a) {
// The clause below is misspelt on purpose.
#pragma tt tile_loop parallel bufers(4)
  for (uint32_t i = 0; i < a.num_tiles(); ++i)
    a.tile(i) = exp(a.tile(i));
}
