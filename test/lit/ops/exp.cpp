// c = exp(a): the structure of tt-metal's eltwise_sfpu example (copy_tile into DST, exp_tile in place).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/expk/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/expk/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/expk/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void expk(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

// READER: #include <cstdint>
// READER-EMPTY:
// READER-NEXT: #include "api/dataflow/dataflow_api.h"
// READER-NOT: #include
// READER: void kernel_main() {
// READER-NEXT: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(1);
// READER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(2);
// READER-EMPTY:
// READER-NEXT: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// READER-EMPTY:
// READER-NEXT: constexpr auto a_args = TensorAccessorArgs<0>();
// READER-NEXT: const auto a = TensorAccessor(a_args, a_addr, get_tile_size(cb_a));
// READER-NOT: get_arg_val
// READER: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// READER-NEXT: // exp.cpp:{{[0-9]+}}: c.tile(i) = exp(a.tile(i));
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: noc_async_read_page(i, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: }
// READER-NEXT: }

// COMPUTE: #include <cstdint>
// COMPUTE-EMPTY:
// COMPUTE-NEXT: #include "api/compute/common.h"
// COMPUTE-NEXT-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_unary/exp.h"
// COMPUTE-NEXT: #include "api/compute/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: void kernel_main() {
// COMPUTE-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(1);
// COMPUTE-EMPTY:
// COMPUTE-NEXT: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// COMPUTE-NEXT: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// COMPUTE-EMPTY:
// COMPUTE-NEXT: compute_kernel_hw_startup(cb_a, cb_c);
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: // exp.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // exp.cpp:{{[0-9]+}}: c.tile(i) = exp(a.tile(i));
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: exp_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
// COMPUTE-NEXT: }

// WRITER: #include "api/dataflow/dataflow_api.h"
// WRITER-NOT: #include
// WRITER: void kernel_main() {
// WRITER-NEXT: const uint32_t c_addr = get_arg_val<uint32_t>(0);
// WRITER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(1);
// WRITER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(2);
// WRITER-EMPTY:
// WRITER-NEXT: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// WRITER-EMPTY:
// WRITER-NEXT: constexpr auto c_args = TensorAccessorArgs<0>();
// WRITER-NEXT: const auto c = TensorAccessor(c_args, c_addr, get_tile_size(cb_c));
// WRITER: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// WRITER-NEXT: // exp.cpp:{{[0-9]+}}: c.tile(i) = exp(a.tile(i));
// WRITER-NEXT: cb_wait_front(cb_c, 1);
// WRITER-NEXT: noc_async_write_page(i, c, get_read_ptr(cb_c));
// WRITER-NEXT: noc_async_writes_flushed();
// WRITER-NEXT: cb_pop_front(cb_c, 1);
// WRITER-NEXT: }
// WRITER-NEXT: // every write acknowledged before the kernel ends
// WRITER-NEXT: noc_async_write_barrier();
// WRITER-NEXT: }
