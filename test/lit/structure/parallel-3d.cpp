// Three nested parallel loops linearise row-major: k = unit / (R*C), m = unit / C % R, n = unit % C; host splits K*R*C units.
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=READER < %t/par3/reader.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t/par3/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

// K batches of R tile rows each.
void par3(Tensor<bf16> a, Tensor<bf16> c, uint32_t K, uint32_t R) {
#pragma tt tile_loop parallel
  for (uint32_t k = 0; k < K; ++k) {
#pragma tt tile_loop parallel
    for (uint32_t m = 0; m < R; ++m) {
#pragma tt tile_loop parallel
      for (uint32_t n = 0; n < c.tile_cols(); ++n)
        c.tile(k * R + m, n) = exp(a.tile(k * R + m, n));
    }
  }
}

// READER: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// READER-NEXT: const uint32_t k = unit / (R * c_tile_cols);
// READER-NEXT: const uint32_t m = unit / c_tile_cols % R;
// READER-NEXT: const uint32_t n = unit % c_tile_cols;
// READER-NEXT: // parallel-3d.cpp
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: noc_async_read_page((k * R + m) * a_tile_cols + n, a, get_write_ptr(cb_a));

// HOST: const uint32_t num_units = K * R * c.tile_cols;
// HOST: split_work_to_cores(grid, num_units);
