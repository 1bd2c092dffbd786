// Reductions and accumulators. A summing step reduces straight into the
// accumulator's slot (reduce_tile adds); a reduction of the accumulator after
// its loop first packs the accumulator into a CB named after it.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=SUMS < %t/row_sums/compute.cpp
// RUN: FileCheck %s --check-prefix=TOTAL < %t/total/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void row_sums(Tensor<bf16> x, Tensor<bf16> s) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
    Tile acc = zeros();
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < x.tile_cols(); ++k)
      acc += row_sum(x.tile(r, k));
    s.tile(r, 0) = acc;
  }
}

void total(Tensor<bf16> x, Tensor<bf16> t) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
    Tile acc = zeros();
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < x.tile_cols(); ++k)
      acc += x.tile(r, k) * x.tile(r, k);
    t.tile(r, 0) = sqrt(tile_sum(acc));
  }
}

// SUMS: reduce_init<PoolType::SUM, ReduceDim::REDUCE_ROW>(cb_x, cb_scaler, cb_s);
// SUMS-NEXT: // accumulate-reduce.cpp:{{[0-9]+}}: for
// SUMS-NEXT: for (uint32_t r = unit_begin; r < unit_begin + unit_count; ++r) {
// SUMS-NEXT: // accumulate-reduce.cpp:{{[0-9]+}}: Tile acc = zeros();
// SUMS-NEXT: tile_regs_acquire();
// SUMS-NEXT: // accumulate-reduce.cpp:{{[0-9]+}}: for
// SUMS-NEXT: for (uint32_t k = 0; k < x_tile_cols; ++k) {
// SUMS-NEXT: // accumulate-reduce.cpp:{{[0-9]+}}: acc += row_sum(x.tile(r, k));
// SUMS-NEXT: cb_wait_front(cb_x, 1);
// SUMS-NEXT: reduce_tile<PoolType::SUM, ReduceDim::REDUCE_ROW>(cb_x, cb_scaler, 0, 0,
// SUMS-NEXT: 0);
// SUMS-NEXT: cb_pop_front(cb_x, 1);
// SUMS-NEXT: }
// SUMS-NEXT: // accumulate-reduce.cpp:{{[0-9]+}}: s.tile(r, 0) = acc;
// SUMS-NEXT: tile_regs_commit();
// SUMS-NEXT: tile_regs_wait();
// SUMS-NEXT: cb_reserve_back(cb_s, 1);
// SUMS-NEXT: pack_tile(0, cb_s);
// SUMS-NEXT: cb_push_back(cb_s, 1);
// SUMS-NEXT: tile_regs_release();
// SUMS-NEXT: }

// TOTAL: constexpr uint32_t cb_acc = tt::CBIndex::c_24;
// TOTAL-NEXT: constexpr uint32_t cb_scaler = tt::CBIndex::c_25;
// TOTAL: mul_tiles(cb_x, cb_x, 0, 0, 1);
// TOTAL-NEXT: add_binary_tile(0, 1, 0);
// TOTAL-NEXT: cb_pop_front(cb_x, 1);
// TOTAL-NEXT: }
// TOTAL-NEXT: // accumulate-reduce.cpp:{{[0-9]+}}: t.tile(r, 0) = sqrt(tile_sum(acc));
// TOTAL-NEXT: tile_regs_commit();
// TOTAL-NEXT: tile_regs_wait();
// TOTAL-NEXT: cb_reserve_back(cb_acc, 1);
// TOTAL-NEXT: pack_tile(0, cb_acc);
// TOTAL-NEXT: cb_push_back(cb_acc, 1);
// TOTAL-NEXT: tile_regs_release();
// TOTAL-NEXT: cb_wait_front(cb_acc, 1);
// TOTAL-NEXT: // accumulate-reduce.cpp:{{[0-9]+}}: t.tile(r, 0) = sqrt(tile_sum(acc));
// TOTAL-NEXT: tile_regs_acquire();
// TOTAL-NEXT: reduce_init<PoolType::SUM, ReduceDim::REDUCE_SCALAR>(cb_acc, cb_scaler,
// TOTAL-NEXT: cb_t);
// TOTAL-NEXT: reduce_tile<PoolType::SUM, ReduceDim::REDUCE_SCALAR>(cb_acc, cb_scaler, 0,
// TOTAL-NEXT: 0, 0);
// TOTAL-NEXT: sqrt_tile_init();
// TOTAL-NEXT: sqrt_tile(0);
// TOTAL-NEXT: tile_regs_commit();
// TOTAL-NEXT: tile_regs_wait();
// TOTAL-NEXT: cb_reserve_back(cb_t, 1);
// TOTAL-NEXT: pack_tile(0, cb_t);
// TOTAL-NEXT: cb_push_back(cb_t, 1);
// TOTAL-NEXT: tile_regs_release();
// TOTAL-NEXT: cb_pop_front(cb_acc, 1);
// TOTAL-NEXT: }
