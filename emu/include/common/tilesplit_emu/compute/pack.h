// pack_tile (pack.h): DST tile -> CB page at the write pointer + output_tile_index, converted to the
// CB's data format.
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel {
template <bool out_of_order_output = false>
ALWI void pack_tile(std::uint32_t ifrom_dst, std::uint32_t icb, std::uint32_t output_tile_index = 0,
                    std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::pack_tile(ifrom_dst, icb, output_tile_index, out_of_order_output, line);
}
}  // namespace ckernel
