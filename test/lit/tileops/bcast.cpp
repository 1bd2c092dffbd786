// Broadcasts run on the FPU from two CBs: <op>_tiles_bcast<dim>. Their init is
// bcast_init<op, dim> in 2026-08 and the release's short init in 2026-02 (or the
// full init_bcast where that release has no short one: sub along rows). A
// broadcast on the left of + or * swaps sides; in bcast(b) - a, where the FPU
// cannot broadcast its first operand, bcast(b) is broadcast into DST
// (unary_bcast) and a subtracted from it there (dest reuse, DST as SrcA).
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
// No SFPU op: nothing but the start-up before the loop.
// L: compute_kernel_hw_startup(
// B: binary_op_init_common(
// COMPUTE-NOT: _init
// COMPUTE: // bcast.cpp:{{[0-9]+}}: for
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
// L-NEXT: unary_bcast_init<BroadcastType::SCALAR>(cb_b_1);
// B-NEXT: unary_bcast_init<BroadcastType::SCALAR>(cb_b_1, cb_w);
// COMPUTE-NEXT: unary_bcast<BroadcastType::SCALAR>(cb_b_1, 0, 0);
// L-NEXT: sub_reuse_dest_init<EltwiseBinaryReuseDestType::DEST_TO_SRCA>(cb_a);
// L-NEXT: sub_reuse_dest_tiles<EltwiseBinaryReuseDestType::DEST_TO_SRCA>(cb_a, 0, 0);
// B-NEXT: binary_dest_reuse_tiles_init<EltwiseBinaryType::ELWSUB,
// B-NEXT: EltwiseBinaryReuseDestType::DEST_TO_SRCA>(
// B-NEXT: cb_a);
// B-NEXT: binary_dest_reuse_tiles<EltwiseBinaryType::ELWSUB,
// B-NEXT: EltwiseBinaryReuseDestType::DEST_TO_SRCA>(cb_a, 0,
// B-NEXT: 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NOT: negative_tile
