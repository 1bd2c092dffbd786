// block(2) x block(4): each unit is a 2x4 block of C (partial at the edges). The
// compute kernel acquires DST once per block, accumulates tile i of the block in
// slot i, and packs all of them after one commit; reader and writer walk the
// block's tiles in the same row-major order.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/mm/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/mm/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/mm/writer.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t/mm/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void mm(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
  const uint32_t Mt = A.tile_rows(), Kt = A.tile_cols(), Nt = B.tile_cols();
#pragma tt tile_loop parallel block(2)
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel block(4)
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}

// The unit recovers the block's first (m, n) and its size, cut short at the edges.
// Per k the compute kernel waits for the block's 2 A tiles and 4 B tiles, reads
// A(m, k) at m - m_first and B(k, n) at n - n_first, and accumulates tile
// in_block of the block in DST slot in_block.
// COMPUTE: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// COMPUTE-NEXT: const uint32_t m_first = unit / ((Nt + 3) / 4) * 2;
// COMPUTE-NEXT: const uint32_t m_count = (Mt - m_first) < 2 ? (Mt - m_first) : 2;
// COMPUTE-NEXT: const uint32_t n_first = unit % ((Nt + 3) / 4) * 4;
// COMPUTE-NEXT: const uint32_t n_count = (Nt - n_first) < 4 ? (Nt - n_first) : 4;
// COMPUTE-NEXT: const uint32_t block_tiles = m_count * n_count;
// COMPUTE-NEXT: // matmul-2x4.cpp:19: Tile acc = zeros();
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: // matmul-2x4.cpp:21: for (uint32_t k = 0; k < Kt; ++k)
// COMPUTE-NEXT: for (uint32_t k = 0; k < Kt; ++k) {
// COMPUTE-NEXT: cb_wait_front(cb_A, 2);
// COMPUTE-NEXT: cb_wait_front(cb_B, 4);
// COMPUTE-NEXT: for (uint32_t in_block = 0; in_block < block_tiles; ++in_block) {
// COMPUTE-NEXT: const uint32_t m = m_first + (in_block / n_count);
// COMPUTE-NEXT: const uint32_t n = n_first + in_block % n_count;
// COMPUTE-NEXT: // matmul-2x4.cpp:22: acc += matmul(A.tile(m, k), B.tile(k, n));
// COMPUTE-NEXT: matmul_tiles(cb_A, cb_B, m - m_first, n - n_first, in_block);
// COMPUTE-NEXT: }
// COMPUTE-NEXT: cb_pop_front(cb_A, 2);
// COMPUTE-NEXT: cb_pop_front(cb_B, 4);
// COMPUTE-NEXT: }
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: for (uint32_t in_block = 0; in_block < block_tiles; ++in_block) {
// COMPUTE-NEXT: // matmul-2x4.cpp:23: C.tile(m, n) = acc;
// COMPUTE-NEXT: cb_reserve_back(cb_C, 1);
// COMPUTE-NEXT: pack_tile(in_block, cb_C);
// COMPUTE-NEXT: cb_push_back(cb_C, 1);
// COMPUTE-NEXT: }
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }

// The reader reads each input tile the block needs once per k: m_count tiles of
// A and n_count of B, into consecutive pages, and always reserves and pushes a
// full block's pages so that a short block never wraps around the end of a CB.
// READER: for (uint32_t k = 0; k < Kt; ++k) {
// READER-NEXT: // matmul-2x4.cpp:22
// READER-NEXT: cb_reserve_back(cb_A, 2);
// READER-NEXT: cb_reserve_back(cb_B, 4);
// READER-NEXT: for (uint32_t in_block = 0; in_block < m_count; ++in_block) {
// READER-NEXT: const uint32_t m = m_first + in_block;
// READER-NEXT: noc_async_read_page(m * A_tile_cols + k, A,
// READER-NEXT: get_write_ptr(cb_A) +
// READER-NEXT: in_block * get_tile_size(cb_A));
// READER-NEXT: }
// READER-NEXT: for (uint32_t in_block = 0; in_block < n_count; ++in_block) {
// READER-NEXT: const uint32_t n = n_first + in_block;
// READER-NEXT: noc_async_read_page(k * B_tile_cols + n, B,
// READER-NEXT: get_write_ptr(cb_B) +
// READER-NEXT: in_block * get_tile_size(cb_B));
// READER-NEXT: }
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_A, 2);
// READER-NEXT: cb_push_back(cb_B, 4);
// READER-NEXT: }

// WRITER: const uint32_t block_tiles = m_count * n_count;
// WRITER-NEXT: for (uint32_t in_block = 0; in_block < block_tiles; ++in_block) {
// WRITER-NEXT: const uint32_t m = m_first + (in_block / n_count);
// WRITER-NEXT: const uint32_t n = n_first + in_block % n_count;
// WRITER-NEXT: // matmul-2x4.cpp:23
// WRITER-NEXT: cb_wait_front(cb_C, 1);
// WRITER-NEXT: noc_async_write_page(m * C_tile_cols + n, C, get_read_ptr(cb_C));

// The host splits blocks, not tiles, over the cores; the input CBs hold two
// blocks' tiles (2 x 2 of A, 2 x 4 of B).
// HOST: const uint32_t num_units = ((Mt + 1) / 2) * ((Nt + 3) / 4);
// HOST: constexpr uint32_t cb_A = tt::CBIndex::c_0;
// HOST-NEXT: CreateCircularBuffer(
// HOST-NEXT: program, all_cores,
// HOST-NEXT: CircularBufferConfig(4 * 2048,
// HOST: constexpr uint32_t cb_B = tt::CBIndex::c_1;
// HOST-NEXT: CreateCircularBuffer(
// HOST-NEXT: program, all_cores,
// HOST-NEXT: CircularBufferConfig(8 * 2048,
// HOST: constexpr uint32_t cb_C = tt::CBIndex::c_16;
// HOST-NEXT: CreateCircularBuffer(
// HOST-NEXT: program, all_cores,
// HOST-NEXT: CircularBufferConfig(2 * 2048,
