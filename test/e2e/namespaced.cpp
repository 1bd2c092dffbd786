// Kernels in namespaces, run end to end by tilesplit-run (CMakeLists.txt beside this). Two kernels
// share the name 'shift': --kernel=plain::shift or --kernel=scaled::inner::shift chooses one, and
// the CPU reference must call that one (the other computes something else, so calling it would fail
// the comparison). 'offset' is found by its plain name and called by its qualified one.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

namespace plain {
void shift(Tensor<bf16> x, Tensor<bf16> y, float s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = x.tile(i) + s;
}

void offset(Tensor<bf16> x, Tensor<bf16> y, float s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = x.tile(i) - s;
}
} // namespace plain

namespace scaled::inner {
void shift(Tensor<bf16> x, Tensor<bf16> y, float s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = x.tile(i) * s + 1.0f;
}
} // namespace scaled::inner
