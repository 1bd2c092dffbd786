// c = fill(2.0f): no input, so no reader kernel; compute fills DST with fill_tile (a float value) and only produces.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: test ! -e %t/fill2/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/fill2/compute.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t/fill2/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void fill2(Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = fill(2.0f);
}

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_unary/fill.h"
// COMPUTE-NOT: #include
// COMPUTE: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// COMPUTE: fill_tile_init();
// COMPUTE-NEXT: // fill-literal.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // fill-literal.cpp
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: fill_tile(0, 2.0f);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
// COMPUTE-NOT: cb_wait_front
// COMPUTE-NOT: cb_pop_front

// HOST-NOT: reader.cpp
// HOST: CircularBufferConfig(2 * 2048, {{[{][{]}}cb_c,
// HOST-NOT: CircularBufferConfig
// HOST: SetRuntimeArgs(program, compute, core, {unit_begin, unit_count});
// HOST-NOT: SetRuntimeArgs(program, reader
