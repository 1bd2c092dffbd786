// c = a + b: the structure of tt-metal's eltwise_binary example, call for call.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/add/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/add/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/add/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void add(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + b.tile(i);
}

// READER: #include "api/dataflow/dataflow_api.h"
// READER: void kernel_main() {
// READER-NEXT: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t b_addr = get_arg_val<uint32_t>(1);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(2);
// READER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(3);
// READER: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// READER-NEXT: constexpr uint32_t cb_b = tt::CBIndex::c_1;
// READER: constexpr auto a_args = TensorAccessorArgs<0>();
// READER-NEXT: const auto a = TensorAccessor(a_args, a_addr, get_tile_size(cb_a));
// READER: constexpr auto b_args
// READER-NEXT: TensorAccessorArgs<a_args.next_compile_time_args_offset()>();
// READER-NEXT: const auto b = TensorAccessor(b_args, b_addr, get_tile_size(cb_b));
// READER: // add.cpp:11: for (uint32_t i = 0; i < c.num_tiles(); ++i)
// READER-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// READER-NEXT: // add.cpp:12: c.tile(i) = a.tile(i) + b.tile(i);
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: cb_reserve_back(cb_b, 1);
// READER-NEXT: noc_async_read_page(i, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_page(i, b, get_write_ptr(cb_b));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: cb_push_back(cb_b, 1);
// READER-NEXT: }
// READER-NEXT: }

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_binary.h"
// COMPUTE-NOT: #include
// COMPUTE: const uint32_t unit_begin = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(1);
// COMPUTE: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_b, cb_c);
// COMPUTE-NEXT: add_init(cb_a, cb_b);
// COMPUTE-NEXT: // add.cpp:11
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // add.cpp:12
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }

// WRITER: const uint32_t c_addr = get_arg_val<uint32_t>(0);
// WRITER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(1);
// WRITER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(2);
// WRITER: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// WRITER: constexpr auto c_args = TensorAccessorArgs<0>();
// WRITER-NEXT: const auto c = TensorAccessor(c_args, c_addr, get_tile_size(cb_c));
// WRITER: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// WRITER-NEXT: // add.cpp:12
// WRITER-NEXT: cb_wait_front(cb_c, 1);
// WRITER-NEXT: noc_async_write_page(i, c, get_read_ptr(cb_c));
// WRITER-NEXT: noc_async_writes_flushed();
// WRITER-NEXT: cb_pop_front(cb_c, 1);
// WRITER-NEXT: }
// WRITER-NEXT: // every write acknowledged before the kernel ends
// WRITER-NEXT: noc_async_write_barrier();
