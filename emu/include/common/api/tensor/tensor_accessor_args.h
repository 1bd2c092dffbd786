// Device-side TensorAccessorArgs (tt-metal: api/tensor/tensor_accessor_args.h). Interleaved tensors
// only. The compile-time layout depends on the API profile: 2026-02 passes 1 arg (the ArgConfig
// bitmask), 2026-08 passes 2 (bitmask, AlignedPageSize), so chaining with
// next_compile_time_args_offset() is the only portable way to find the next tensor's args.
#pragma once

#include <cstddef>
#include <cstdint>

#include "api/compile_time_args.h"

#if !defined(TILESPLIT_EMU_API_2026_02) && !defined(TILESPLIT_EMU_API_2026_08)
#define TILESPLIT_EMU_API_2026_08 1
#endif

namespace tensor_accessor {
constexpr std::size_t UNKNOWN = static_cast<std::size_t>(-1);
namespace ArgConfigBits {
constexpr std::uint32_t Sharded = 1, IsDram = 2, RuntimeRank = 4, RuntimeNumBanks = 8, RuntimeTensorShape = 16,
                        RuntimeShardShape = 32, RuntimeBankCoords = 64;
}
}  // namespace tensor_accessor

template <std::size_t CTA_OFFSET, std::size_t CRTA_OFFSET = tensor_accessor::UNKNOWN>
struct TensorAccessorArgs {
  static constexpr std::uint32_t ArgConfig = get_ct_arg<CTA_OFFSET>();
  static constexpr bool is_sharded = (ArgConfig & tensor_accessor::ArgConfigBits::Sharded) != 0;
  static constexpr bool is_dram = (ArgConfig & tensor_accessor::ArgConfigBits::IsDram) != 0;
  static_assert(!is_sharded, "tilesplit emu: sharded TensorAccessorArgs are not supported (interleaved only)");
#if defined(TILESPLIT_EMU_API_2026_08)
  static constexpr std::uint32_t AlignedPageSize = get_ct_arg<CTA_OFFSET + 1>();
  static constexpr std::size_t num_compile_time_args = 2;
#else
  static constexpr std::size_t num_compile_time_args = 1;
#endif

  constexpr TensorAccessorArgs() = default;
  static constexpr std::size_t next_compile_time_args_offset() { return CTA_OFFSET + num_compile_time_args; }
  static constexpr std::size_t next_common_runtime_args_offset() { return CRTA_OFFSET; }
  static constexpr std::size_t compile_time_args_skip() { return num_compile_time_args; }
  static constexpr std::size_t runtime_args_skip() { return 0; }
};
