// Device-side TensorAccessor for interleaved tensors (tt-metal: api/tensor/tensor_accessor.h).
// Page i lives in bank i % num_banks at bank_base_address + (i / num_banks) * aligned page size.
#pragma once

#include <cstddef>
#include <cstdint>

#include "api/tensor/tensor_accessor_args.h"

namespace tilesplit_emu_detail {
constexpr std::uint32_t align_up(std::uint32_t v, std::uint32_t a) { return (v + a - 1) / a * a; }

// NOC address of page `id` of an interleaved buffer.
inline std::uint64_t interleaved_page_noc_addr(bool is_dram, std::uint32_t base, std::uint32_t aligned_page_size,
                                               std::uint32_t id, std::uint32_t offset) {
  if (is_dram) {
    const std::uint32_t bank = id % NUM_DRAM_BANKS;
    return tilesplit::emu::encode_dram_noc_addr(bank, base + (id / NUM_DRAM_BANKS) * aligned_page_size + offset);
  }
  // L1 banks are the worker cores in row-major order.
  const std::uint32_t bank = id % NUM_L1_BANKS;
  const std::uint32_t x = bank % TILESPLIT_EMU_GRID_X + tilesplit::emu::kWorkerNocOffset;
  const std::uint32_t y = bank / TILESPLIT_EMU_GRID_X + tilesplit::emu::kWorkerNocOffset;
  return tilesplit::emu::encode_worker_noc_addr(x, y, base + (id / NUM_L1_BANKS) * aligned_page_size + offset);
}
}  // namespace tilesplit_emu_detail

template <std::size_t CTA_OFFSET, std::size_t CRTA_OFFSET>
struct TensorAccessor {
  using Args = TensorAccessorArgs<CTA_OFFSET, CRTA_OFFSET>;

#if defined(TILESPLIT_EMU_API_2026_08)
  TensorAccessor(const TensorAccessorArgs<CTA_OFFSET, CRTA_OFFSET>&, std::size_t bank_base_address_in,
                 std::uint32_t page_size_in = Args::AlignedPageSize)
#else
  // Early-2026 releases have only the 3-argument form.
  TensorAccessor(const TensorAccessorArgs<CTA_OFFSET, CRTA_OFFSET>&, std::size_t bank_base_address_in,
                 std::uint32_t page_size_in)
#endif
      : bank_base_address(static_cast<std::uint32_t>(bank_base_address_in)), page_size(page_size_in) {
  }

  std::uint32_t get_aligned_page_size() const {
    return tilesplit_emu_detail::align_up(page_size, Args::is_dram ? DRAM_ALIGNMENT : L1_ALIGNMENT);
  }
  std::uint64_t get_noc_addr(std::uint32_t page_id, std::uint32_t offset = 0, std::uint8_t noc = noc_index) const {
    (void)noc;
    return tilesplit_emu_detail::interleaved_page_noc_addr(Args::is_dram, bank_base_address, get_aligned_page_size(),
                                                           page_id, offset);
  }
  std::uint32_t tilesplit_emu_page_bytes() const { return page_size; }
  static constexpr bool is_dram() { return Args::is_dram; }

  std::uint32_t bank_base_address;
  std::uint32_t page_size;
};
