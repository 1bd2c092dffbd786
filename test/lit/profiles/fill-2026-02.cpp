// Profile 2026-02, c = zeros(): init_sfpu start-up for an SFPU-only kernel, fill_tile(dst, 0.0f).
// RUN: rm -rf %t && %tilesplit %s -o %t --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/zerosk/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void zerosk(Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = zeros();
}

// COMPUTE: #include "compute_kernel_api/common.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_unary/eltwise_unary.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_unary/fill.h"
// COMPUTE-NOT: #include
// COMPUTE: init_sfpu(cb_c, cb_c);
// COMPUTE-NEXT: fill_tile_init();
// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: fill_tile(0, 0.0f);
// COMPUTE-NEXT: tile_regs_commit();
