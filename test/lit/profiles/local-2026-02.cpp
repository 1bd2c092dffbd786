// Profile 2026-02, multi-use Tile local: binary_op_init_common start-up, then add_tiles_init / mul_tiles_init (the FPU op changes inside the loop, so both stay in it).
// RUN: rm -rf %t && %tilesplit %s -o %t --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/multi/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void multi(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile s = a.tile(i) + b.tile(i);
    c.tile(i) = s * s;
  }
}

// COMPUTE: #include "compute_kernel_api/common.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_binary.h"
// COMPUTE-NOT: #include
// COMPUTE: binary_op_init_common(cb_a, cb_b, cb_c);
// COMPUTE-NEXT: // local-2026-02.cpp:{{[0-9]+}}: for
// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: add_tiles_init(cb_a, cb_b);
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE: pack_tile(0, cb_s);
// COMPUTE: cb_wait_front(cb_s, 1);
// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: mul_tiles_init(cb_s, cb_s);
// COMPUTE-NEXT: mul_tiles(cb_s, cb_s, 0, 0, 0);
