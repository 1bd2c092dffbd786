// A plain tile_loop nested in a parallel loop stays a sequential loop in all three kernels, bounded by a tile_cols runtime arg.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/rows/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/rows/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/rows/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void rows(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < a.tile_rows(); ++m) {
#pragma tt tile_loop
    for (uint32_t n = 0; n < a.tile_cols(); ++n)
      c.tile(m, n) = a.tile(m, n) * 2.0f;
  }
}

// READER: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t a_tile_cols = get_arg_val<uint32_t>(1);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(2);
// READER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(3);
// READER: for (uint32_t m = unit_begin; m < unit_begin + unit_count; ++m) {
// READER-NEXT: // sequential-inner.cpp:{{[0-9]+}}: for (uint32_t n = 0; n < a.tile_cols(); ++n)
// READER-NEXT: for (uint32_t n = 0; n < a_tile_cols; ++n) {
// READER-NEXT: // sequential-inner.cpp
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: noc_async_read_page(m * a_tile_cols + n, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: }
// READER-NEXT: }

// COMPUTE: const uint32_t a_tile_cols = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(1);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(2);
// COMPUTE: copy_init(cb_a);
// COMPUTE-NEXT: binop_with_scalar_tile_init();
// COMPUTE-NEXT: // sequential-inner.cpp
// COMPUTE-NEXT: for (uint32_t m = unit_begin; m < unit_begin + unit_count; ++m) {
// COMPUTE-NEXT: // sequential-inner.cpp
// COMPUTE-NEXT: for (uint32_t n = 0; n < a_tile_cols; ++n) {
// COMPUTE-NEXT: // sequential-inner.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: mul_unary_tile(0, 0x40000000u);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
// COMPUTE-NEXT: }

// WRITER: const uint32_t c_addr = get_arg_val<uint32_t>(0);
// WRITER-NEXT: const uint32_t a_tile_cols = get_arg_val<uint32_t>(1);
// WRITER-NEXT: const uint32_t c_tile_cols = get_arg_val<uint32_t>(2);
// WRITER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(3);
// WRITER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(4);
// WRITER: for (uint32_t n = 0; n < a_tile_cols; ++n) {
// WRITER-NEXT: // sequential-inner.cpp
// WRITER-NEXT: cb_wait_front(cb_c, 1);
// WRITER-NEXT: noc_async_write_page(m * c_tile_cols + n, c, get_read_ptr(cb_c));
// WRITER-NEXT: noc_async_writes_flushed();
// WRITER-NEXT: cb_pop_front(cb_c, 1);
