// Broadcasts run on the FPU from two CBs: <op>_tiles_bcast<dim>. Their init is
// bcast_init<op, dim> in 2026-08 and the release's short init in 2026-02 (or the
// full init_bcast where that release has no short one: sub along rows). A
// broadcast on the left of + or * swaps sides; b - a becomes -(a - b).
// RUN: rm -rf %t && %tilesplit %s -o %t/l && %tilesplit %s -o %t/b --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefixes=COMPUTE,L < %t/l/k/compute.cpp
// RUN: FileCheck %s --check-prefixes=COMPUTE,B < %t/b/k/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y, Tensor<bf16> z, Tensor<bf16> w) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c) {
      y.tile(r, c) = bcast_row(b.tile(0, c)) * a.tile(r, c);
      z.tile(r, c) = a.tile(r, c) - bcast_row(b.tile(0, c));
      w.tile(r, c) = bcast_scalar(b.tile(0, 0)) - a.tile(r, c);
    }
}

// L: #include "api/compute/bcast.h"
// B: #include "compute_kernel_api/bcast.h"
// The only SFPU op, negative_tile, is initialised once before the loop.
// COMPUTE: negative_tile_init();
// COMPUTE-NEXT: // bcast.cpp:{{[0-9]+}}: for
// COMPUTE: // bcast.cpp:{{[0-9]+}}: y.tile(r, c) = bcast_row(b.tile(0, c)) * a.tile(r, c);
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// L-NEXT: bcast_init<EltwiseBinaryType::ELWMUL, BroadcastType::ROW>(cb_a, cb_b);
// B-NEXT: mul_bcast_rows_init_short(cb_a, cb_b);
// COMPUTE-NEXT: mul_tiles_bcast<BroadcastType::ROW>(cb_a, cb_b, 0, 0, 0);
// COMPUTE: // bcast.cpp:{{[0-9]+}}: z.tile(r, c) = a.tile(r, c) - bcast_row(b.tile(0, c));
// COMPUTE: tile_regs_acquire();
// L-NEXT: bcast_init<EltwiseBinaryType::ELWSUB, BroadcastType::ROW>(cb_a, cb_b);
// B-NEXT: init_bcast<EltwiseBinaryType::ELWSUB, BroadcastType::ROW>(cb_a, cb_b, cb_z);
// COMPUTE-NEXT: sub_tiles_bcast<BroadcastType::ROW>(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE: // bcast.cpp:{{[0-9]+}}: w.tile(r, c) = bcast_scalar(b.tile(0, 0)) - a.tile(r,...
// COMPUTE: tile_regs_acquire();
// L-NEXT: bcast_init<EltwiseBinaryType::ELWSUB, BroadcastType::SCALAR>(cb_a, cb_b_1);
// B-NEXT: sub_tiles_bcast_scalar_init_short(cb_a, cb_b_1);
// COMPUTE-NEXT: sub_tiles_bcast<BroadcastType::SCALAR>(cb_a, cb_b_1, 0, 0, 0);
// COMPUTE-NEXT: negative_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
