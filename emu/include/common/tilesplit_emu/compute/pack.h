// pack_tile and pack_tile_block (pack.h): DST tiles -> CB pages, converted to the CB's data format.
// Where a tile lands is tt-llk's: the CB's write pointer plus one page per pack since the last
// cb_push_back (output_tile_index is then ignored), or, with pack_tile<true>, plus
// output_tile_index pages.
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel {
template <bool out_of_order_output = false>
ALWI void pack_tile(std::uint32_t ifrom_dst, std::uint32_t icb, std::uint32_t output_tile_index = 0,
                    std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::pack_tile(ifrom_dst, icb, output_tile_index, out_of_order_output, line);
}
// DST tiles ifrom_dst .. ifrom_dst + ntiles - 1 to the next ntiles pages, as ntiles pack_tile calls.
ALWI void pack_tile_block(std::uint32_t ifrom_dst, std::uint32_t icb, std::uint32_t ntiles,
                          std::uint32_t line = __builtin_LINE()) {
  for (std::uint32_t i = 0; i < ntiles; ++i) tilesplit::emu::dev::pack_tile(ifrom_dst + i, icb, 0, false, line);
}
}  // namespace ckernel
