// tt-metal's reduce.h takes its default template arguments from REDUCE_OP and
// REDUCE_DIM, so a compute kernel that includes it only compiles when the host
// passes both as ComputeConfig defines (as tt-metal's reduce programs do). The
// first reduction names them; each call still spells its own.
// RUN: rm -rf %t && %tilesplit %s -o %t --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefix=HOST < %t/max_then_sum/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/max_then_sum/manifest.json
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/max_then_sum/compute.cpp
// RUN: FileCheck %s --check-prefix=PLAIN < %t/plain/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void max_then_sum(Tensor<bf16> x, Tensor<bf16> m, Tensor<bf16> s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i) {
    m.tile(i) = col_max(x.tile(i));
    s.tile(i) = row_sum(x.tile(i));
  }
}

void plain(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = exp(x.tile(i));
}

// HOST: ComputeConfig{.math_fidelity = MathFidelity::HiFi4,
// HOST-NEXT: .fp32_dest_acc_en = false,
// HOST-NEXT: .math_approx_mode = false,
// HOST-NEXT: .defines = {{[{][{]}}"REDUCE_OP", "PoolType::MAX"},
// HOST-NEXT: {"REDUCE_DIM", "ReduceDim::REDUCE_COL"}}});

// MANIFEST: "role": "compute",
// MANIFEST: "math_approx_mode": false,
// MANIFEST-NEXT: "defines": {
// MANIFEST-NEXT: "REDUCE_OP": "PoolType::MAX",
// MANIFEST-NEXT: "REDUCE_DIM": "ReduceDim::REDUCE_COL"
// MANIFEST-NEXT: },

// COMPUTE: reduce_tile<PoolType::MAX, ReduceDim::REDUCE_COL>(
// COMPUTE: reduce_tile<PoolType::SUM, ReduceDim::REDUCE_ROW>(

// A kernel without a reduction passes no defines.
// PLAIN: ComputeConfig{
// PLAIN-NOT: .defines
// PLAIN: ;
