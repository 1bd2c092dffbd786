// Two outputs from the same inputs: outputs get c_16 and c_17, the inputs stay waited across both DST passes and are popped once, after the last use.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/sumdiff/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/sumdiff/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/sumdiff/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void sumdiff(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> s, Tensor<bf16> d) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < s.num_tiles(); ++i) {
    s.tile(i) = a.tile(i) + b.tile(i);
    d.tile(i) = a.tile(i) - b.tile(i);
  }
}

// Each input is read once per iteration even though two statements use it.
// READER: for (uint32_t i = unit_begin;
// READER-NEXT: // multi-output.cpp
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: cb_reserve_back(cb_b, 1);
// READER-NEXT: noc_async_read_page(i, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_page(i, b, get_write_ptr(cb_b));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: cb_push_back(cb_b, 1);
// READER-NEXT: }

// COMPUTE: constexpr uint32_t cb_s = tt::CBIndex::c_16;
// COMPUTE-NEXT: constexpr uint32_t cb_d = tt::CBIndex::c_17;
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_b, cb_s);
// COMPUTE-NEXT: // multi-output.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (
// COMPUTE-NEXT: // multi-output.cpp:{{[0-9]+}}: s.tile(i)
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: add_init(cb_a, cb_b);
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_s, 1);
// COMPUTE-NEXT: pack_tile(0, cb_s);
// COMPUTE-NEXT: cb_push_back(cb_s, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: // multi-output.cpp:{{[0-9]+}}: d.tile(i)
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: sub_init(cb_a, cb_b);
// COMPUTE-NEXT: sub_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_d, 1);
// COMPUTE-NEXT: pack_tile(0, cb_d);
// COMPUTE-NEXT: cb_push_back(cb_d, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }

// WRITER: const uint32_t s_addr = get_arg_val<uint32_t>(0);
// WRITER-NEXT: const uint32_t d_addr = get_arg_val<uint32_t>(1);
// WRITER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(2);
// WRITER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(3);
// WRITER: constexpr uint32_t cb_s = tt::CBIndex::c_16;
// WRITER-NEXT: constexpr uint32_t cb_d = tt::CBIndex::c_17;
// WRITER: cb_wait_front(cb_s, 1);
// WRITER-NEXT: noc_async_write_page(i, s, get_read_ptr(cb_s));
// WRITER-NEXT: noc_async_writes_flushed();
// WRITER-NEXT: cb_pop_front(cb_s, 1);
// WRITER-NEXT: // multi-output.cpp
// WRITER-NEXT: cb_wait_front(cb_d, 1);
// WRITER-NEXT: noc_async_write_page(i, d, get_read_ptr(cb_d));
// WRITER-NEXT: noc_async_writes_flushed();
// WRITER-NEXT: cb_pop_front(cb_d, 1);
