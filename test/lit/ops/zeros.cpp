// c = zeros(): fill_tile(dst, 0.0f) with fill_tile_init hoisted; no input CB is waited on.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/zerosk/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void zerosk(Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = zeros();
}

// COMPUTE: fill_tile_init();
// COMPUTE-NEXT: // zeros.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (
// COMPUTE-NEXT: // zeros.cpp
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: fill_tile(0, 0.0f);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NOT: cb_wait_front
