// How the matmul_common host programs here block C = A * B over the worker grid, in the way of
// tt-metal's matmul_multicore_reuse examples (their get_large_matmul_params is not in the
// examples folder; this is a simpler rule of our own): each core computes a per_core_M x
// per_core_N block of output tiles, the fewest tiles per core that fit the grid, reading A and B
// in blocks in0_block_w tiles deep, and packs it in out_subblock_h x out_subblock_w sub-blocks
// (the largest that divides the block and fits the 8 tiles of half-sync bf16 DST, as square as
// possible, taller on a tie).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <map>

#include <tt-metalium/circular_buffer_config.hpp>
#include <tt-metalium/core_coord.hpp>
#include <tt-metalium/host_api.hpp>

namespace matmul_common_hosts {

struct Blocking {
  uint32_t per_core_M, per_core_N, in0_block_w, out_subblock_h, out_subblock_w;
  uint32_t cores_x, cores_y; // the cores used: cores_x * per_core_N = Nt, cores_y * per_core_M = Mt
};

// The smallest divisor d of n with n / d <= limit.
inline uint32_t smallest_fitting_divisor(uint32_t n, uint32_t limit) {
  for (uint32_t d = 1; d <= n; ++d)
    if (n % d == 0 && n / d <= limit)
      return d;
  return n;
}

inline Blocking choose_blocking(uint32_t Mt, uint32_t Nt, uint32_t Kt,
                                const tt::tt_metal::CoreCoord &grid) {
  Blocking b{};
  b.per_core_M = smallest_fitting_divisor(Mt, grid.y);
  b.per_core_N = smallest_fitting_divisor(Nt, grid.x);
  b.in0_block_w = Kt % 2 == 0 ? 2 : 1;
  b.cores_y = Mt / b.per_core_M;
  b.cores_x = Nt / b.per_core_N;
  uint32_t best = 0;
  for (uint32_t h = 1; h <= 8; ++h)
    for (uint32_t w = 1; h * w <= 8; ++w) {
      if (b.per_core_M % h != 0 || b.per_core_N % w != 0)
        continue;
      const uint32_t area = h * w;
      const uint32_t skew = h > w ? h - w : w - h;
      const uint32_t best_skew = b.out_subblock_h > b.out_subblock_w
                                     ? b.out_subblock_h - b.out_subblock_w
                                     : b.out_subblock_w - b.out_subblock_h;
      if (area > best || (area == best && (skew < best_skew ||
                                           (skew == best_skew && h > b.out_subblock_h)))) {
        best = area;
        b.out_subblock_h = h;
        b.out_subblock_w = w;
      }
    }
  return b;
}

// The CBs of both reuse hosts, as tt-metal's matmul_multicore_reuse(_mcast) create them: c_0 and
// c_1 hold two blocks of A and of B; c_16 (the output) and c_24 (the partial sums) share one CB
// of a whole per_core_M x per_core_N block, one CircularBufferConfig with two indices. bf16.
inline void create_block_cbs(tt::tt_metal::Program &program, const CoreRange &cores,
                             const Blocking &blk) {
  using namespace tt::tt_metal;
  using tt::CBIndex;
  constexpr uint32_t single_tile_size = 2 * 32 * 32;
  const tt::DataFormat cb_data_format = tt::DataFormat::Float16_b;
  const uint32_t in0_block_tiles = blk.per_core_M * blk.in0_block_w;
  const uint32_t in1_block_tiles = blk.per_core_N * blk.in0_block_w;
  const uint32_t out_block_tiles = blk.per_core_M * blk.per_core_N;
  CreateCircularBuffer(program, cores,
                       CircularBufferConfig(2 * in0_block_tiles * single_tile_size,
                                            {{CBIndex::c_0, cb_data_format}})
                           .set_page_size(CBIndex::c_0, single_tile_size));
  CreateCircularBuffer(program, cores,
                       CircularBufferConfig(2 * in1_block_tiles * single_tile_size,
                                            {{CBIndex::c_1, cb_data_format}})
                           .set_page_size(CBIndex::c_1, single_tile_size));
  const uint32_t output_cb_index = CBIndex::c_16, interm0_cb_index = CBIndex::c_24;
  std::map<uint8_t, tt::DataFormat> output_cb_data_format_spec{{output_cb_index, cb_data_format},
                                                               {interm0_cb_index, cb_data_format}};
  CreateCircularBuffer(program, cores,
                       CircularBufferConfig(out_block_tiles * single_tile_size,
                                            output_cb_data_format_spec)
                           .set_page_size(output_cb_index, single_tile_size)
                           .set_page_size(interm0_cb_index, single_tile_size));
}

} // namespace matmul_common_hosts
