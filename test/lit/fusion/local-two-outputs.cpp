// A Tile local feeding two outputs: packed once to c_24, copied back for each use; the second copy from the same CB needs no new copy_init.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/twoout/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/twoout/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void twoout(Tensor<bf16> a, Tensor<bf16> c, Tensor<bf16> d) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile e = exp(a.tile(i));
    c.tile(i) = e;
    d.tile(i) = relu(e);
  }
}

// COMPUTE: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// COMPUTE-NEXT: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// COMPUTE-NEXT: constexpr uint32_t cb_d = tt::CBIndex::c_17;
// COMPUTE-NEXT: constexpr uint32_t cb_e = tt::CBIndex::c_24;
// COMPUTE: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: exp_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_e, 1);
// COMPUTE-NEXT: pack_tile(0, cb_e);
// COMPUTE-NEXT: cb_push_back(cb_e, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: cb_wait_front(cb_e, 1);
// COMPUTE-NEXT: // local-two-outputs.cpp:{{[0-9]+}}: c.tile(i) = e;
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_init(cb_e);
// COMPUTE-NEXT: copy_tile(cb_e, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: // local-two-outputs.cpp:{{[0-9]+}}: d.tile(i) = relu(e);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_e, 0, 0);
// COMPUTE-NEXT: relu_tile_init();
// COMPUTE-NEXT: relu_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_d, 1);
// COMPUTE-NEXT: pack_tile(0, cb_d);
// COMPUTE-NEXT: cb_push_back(cb_d, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: cb_pop_front(cb_e, 1);
// COMPUTE-NEXT: }

// WRITER: const uint32_t c_addr = get_arg_val<uint32_t>(0);
// WRITER-NEXT: const uint32_t d_addr = get_arg_val<uint32_t>(1);
// WRITER: constexpr auto d_args =
// WRITER-NEXT: TensorAccessorArgs<c_args.next_compile_time_args_offset()>();
// WRITER: cb_wait_front(cb_c, 1);
// WRITER-NEXT: noc_async_write_page(i, c, get_read_ptr(cb_c));
// WRITER-NEXT: noc_async_writes_flushed();
// WRITER-NEXT: cb_pop_front(cb_c, 1);
// WRITER-NEXT: // local-two-outputs.cpp
// WRITER-NEXT: cb_wait_front(cb_d, 1);
// WRITER-NEXT: noc_async_write_page(i, d, get_read_ptr(cb_d));
// WRITER-NEXT: noc_async_writes_flushed();
// WRITER-NEXT: cb_pop_front(cb_d, 1);
