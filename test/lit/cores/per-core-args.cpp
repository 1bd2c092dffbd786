// Work split over cores: the host splits the linearised units with
// split_work_to_cores and gives each core with work its [unit_begin,
// unit_begin + unit_count); every kernel takes the range as its last two runtime
// args and recovers the user's loop variables from the unit number.
// RUN: rm -rf %t && %tilesplit %s -o %t --style="{BasedOnStyle: LLVM, ColumnLimit: 200}"
// RUN: FileCheck %s --check-prefix=HOST < %t/mm/host.cpp
// RUN: FileCheck %s --check-prefix=READER < %t/mm/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/mm/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/mm/writer.cpp
// RUN: %tilesplit %s -o %t/grid --grid=2x3 --style="{BasedOnStyle: LLVM, ColumnLimit: 200}"
// RUN: FileCheck %s --check-prefix=GRID < %t/grid/mm/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void mm(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
  const uint32_t Mt = A.tile_rows(), Kt = A.tile_cols(), Nt = B.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}

// HOST: const uint32_t Mt = A.tile_rows;
// HOST-NEXT: const uint32_t Nt = B.tile_cols;
// HOST: const uint32_t num_units = Mt * Nt;
// HOST-NEXT: const CoreCoord device_grid = device.compute_with_storage_grid_size();
// HOST-NEXT: const CoreCoord grid = device_grid;
// HOST: auto [num_cores, all_cores, group_1, group_2, units_per_core_1, units_per_core_2] = split_work_to_cores(grid, num_units);
// HOST: CreateCircularBuffer(program, all_cores,
// HOST: CreateKernel(program, kernel_dir + "/reader.cpp", all_cores,
// HOST: CreateKernel(program, kernel_dir + "/compute.cpp", all_cores,
// HOST: CreateKernel(program, kernel_dir + "/writer.cpp", all_cores,
// HOST: uint32_t unit_begin = 0;
// HOST-NEXT: for (const auto &[cores, unit_count] : {std::pair{group_1, units_per_core_1}, std::pair{group_2, units_per_core_2}}) {
// HOST-NEXT: for (const CoreRange &range : cores.ranges()) {
// HOST-NEXT: for (const CoreCoord &core : range) {
// HOST-NEXT: SetRuntimeArgs(program, reader, core, {static_cast<uint32_t>(A.buffer->address()), static_cast<uint32_t>(B.buffer->address()), A.tile_cols, B.tile_cols, unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, compute, core, {A.tile_cols, unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, writer, core, {static_cast<uint32_t>(C.buffer->address()), B.tile_cols, C.tile_cols, unit_begin, unit_count});
// HOST-NEXT: unit_begin += unit_count;

// READER: const uint32_t A_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t B_addr = get_arg_val<uint32_t>(1);
// READER-NEXT: const uint32_t A_tile_cols = get_arg_val<uint32_t>(2);
// READER-NEXT: const uint32_t B_tile_cols = get_arg_val<uint32_t>(3);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(4);
// READER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(5);
// READER-NEXT: const uint32_t Kt = A_tile_cols;
// READER-NEXT: const uint32_t Nt = B_tile_cols;
// READER: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// READER-NEXT: const uint32_t m = unit / Nt;
// READER-NEXT: const uint32_t n = unit % Nt;
// READER: for (uint32_t k = 0; k < Kt; ++k) {
// READER: noc_async_read_page(m * A_tile_cols + k, A, get_write_ptr(cb_A));
// READER-NEXT: noc_async_read_page(k * B_tile_cols + n, B, get_write_ptr(cb_B));

// COMPUTE: const uint32_t A_tile_cols = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(1);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(2);
// COMPUTE-NEXT: const uint32_t Kt = A_tile_cols;
// COMPUTE: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// COMPUTE-NOT: const uint32_t m
// COMPUTE: tile_regs_acquire();

// WRITER: const uint32_t C_addr = get_arg_val<uint32_t>(0);
// WRITER-NEXT: const uint32_t B_tile_cols = get_arg_val<uint32_t>(1);
// WRITER-NEXT: const uint32_t C_tile_cols = get_arg_val<uint32_t>(2);
// WRITER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(3);
// WRITER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(4);
// WRITER: const uint32_t m = unit / Nt;
// WRITER-NEXT: const uint32_t n = unit % Nt;
// WRITER: noc_async_write_page(m * C_tile_cols + n, C, get_read_ptr(cb_C));

// GRID: const CoreCoord grid = {std::min<size_t>(2, device_grid.x), std::min<size_t>(3, device_grid.y)};
