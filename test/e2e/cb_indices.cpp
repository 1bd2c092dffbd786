// Kernels that need more CBs of one kind than tt-metal's conventional range holds (inputs
// c_0..c_15, outputs c_16..c_23, intermediates c_24..c_31): the rest take free indices
// (docs/generated-code.md). Each runs end to end against the CPU reference (CMakeLists.txt).
#include <tilesplit/tile.hpp>
using namespace tilesplit;

// Nine tile locals, each used twice, so each gets a CB: the ninth lands in c_1.
void nine_locals(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile t0 = a.tile(i) * 0.5f;
    Tile t1 = t0 + t0 * 0.5f;
    Tile t2 = t1 - t1 * 0.25f;
    Tile t3 = t2 + t2 * 0.125f;
    Tile t4 = t3 - t3 * 0.5f;
    Tile t5 = t4 + t4 * 0.25f;
    Tile t6 = t5 - t5 * 0.125f;
    Tile t7 = t6 + t6 * 0.5f;
    Tile t8 = t7 - t7 * 0.25f;
    c.tile(i) = t8 + t8 * 0.5f;
  }
}

// Nine outputs: the ninth lands in c_1.
void nine_outputs(Tensor<bf16> a, Tensor<bf16> y0, Tensor<bf16> y1, Tensor<bf16> y2,
                  Tensor<bf16> y3, Tensor<bf16> y4, Tensor<bf16> y5, Tensor<bf16> y6,
                  Tensor<bf16> y7, Tensor<bf16> y8) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i) {
    y0.tile(i) = a.tile(i);
    y1.tile(i) = a.tile(i) * 2.0f;
    y2.tile(i) = a.tile(i) + 1.0f;
    y3.tile(i) = relu(a.tile(i));
    y4.tile(i) = a.tile(i) - 1.0f;
    y5.tile(i) = abs(a.tile(i));
    y6.tile(i) = -a.tile(i);
    y7.tile(i) = a.tile(i) * a.tile(i);
    y8.tile(i) = exp(a.tile(i));
  }
}

// Eighteen distinct reads: the seventeenth and eighteenth land in c_16 and c_17, the output in c_18.
void eighteen_reads(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + a.tile(i + 1) + a.tile(i + 2) + a.tile(i + 3) + a.tile(i + 4) +
                a.tile(i + 5) + a.tile(i + 6) + a.tile(i + 7) + a.tile(i + 8) + a.tile(i + 9) +
                a.tile(i + 10) + a.tile(i + 11) + a.tile(i + 12) + a.tile(i + 13) +
                a.tile(i + 14) + a.tile(i + 15) + a.tile(i + 16) + a.tile(i + 17);
}
