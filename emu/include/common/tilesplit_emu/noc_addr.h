// How the emulator encodes a 64-bit NOC address. Shared by kernels (which build addresses) and the
// emulator (which resolves them). Bits 0-31: byte offset in the endpoint's memory; bits 32-39: NOC x
// (or DRAM bank id); bits 40-47: NOC y; bit 48: the endpoint is a DRAM bank. A multicast address
// (bit 49) names the rectangle from (x_start, y_start) in bits 50-56 and 57-63 to (x, y) in bits
// 32-47, as get_noc_multicast_addr builds it.
// Worker cores sit at NOC (virtual) coordinates logical + (18, 18), as on Wormhole's translated grid,
// so a kernel that passes logical coordinates to get_noc_addr(x, y, addr) hits no core and fails loudly.
#pragma once

#include <cstdint>

namespace tilesplit::emu {

constexpr std::uint32_t kWorkerNocOffset = 18;
constexpr std::uint64_t kDramFlag = std::uint64_t{1} << 48;

constexpr std::uint64_t encode_worker_noc_addr(std::uint32_t noc_x, std::uint32_t noc_y, std::uint32_t offset) {
  return (std::uint64_t{noc_y & 0xff} << 40) | (std::uint64_t{noc_x & 0xff} << 32) | offset;
}
constexpr std::uint64_t encode_dram_noc_addr(std::uint32_t bank, std::uint32_t offset) {
  return kDramFlag | (std::uint64_t{bank & 0xff} << 32) | offset;
}
constexpr std::uint64_t kMulticastFlag = std::uint64_t{1} << 49;
constexpr std::uint64_t encode_multicast_noc_addr(std::uint32_t x_start, std::uint32_t y_start, std::uint32_t x_end,
                                                  std::uint32_t y_end, std::uint32_t offset) {
  return kMulticastFlag | (std::uint64_t{y_start & 0x7f} << 57) | (std::uint64_t{x_start & 0x7f} << 50) |
         encode_worker_noc_addr(x_end, y_end, offset);
}
constexpr bool noc_addr_is_dram(std::uint64_t a) { return (a & kDramFlag) != 0; }
constexpr bool noc_addr_is_multicast(std::uint64_t a) { return (a & kMulticastFlag) != 0; }
constexpr std::uint32_t noc_addr_x_start(std::uint64_t a) { return static_cast<std::uint32_t>((a >> 50) & 0x7f); }
constexpr std::uint32_t noc_addr_y_start(std::uint64_t a) { return static_cast<std::uint32_t>((a >> 57) & 0x7f); }
constexpr std::uint32_t noc_addr_x(std::uint64_t a) { return static_cast<std::uint32_t>((a >> 32) & 0xff); }
constexpr std::uint32_t noc_addr_y(std::uint64_t a) { return static_cast<std::uint32_t>((a >> 40) & 0xff); }
constexpr std::uint32_t noc_addr_offset(std::uint64_t a) { return static_cast<std::uint32_t>(a); }

// L1 layout of every core (byte offsets). Runtime args live in the reserved area at the bottom, one
// slot per RISC (341 args * 4 bytes fit in a 2 KiB slot), then the program's semaphores (one per
// L1_ALIGNMENT bytes, as get_semaphore computes); circular buffers start at kL1CbBase.
constexpr std::uint32_t kL1RuntimeArgsBase = 0x1000;
constexpr std::uint32_t kL1CommonArgsBase = 0x3000;
constexpr std::uint32_t kL1ArgSlotBytes = 0x800;
constexpr std::uint32_t kL1SemaphoreBase = 0x5000;
constexpr std::uint32_t kMaxSemaphores = 16;  // NUM_SEMAPHORES in tt-metal
constexpr std::uint32_t kL1CbBase = 0x10000;
constexpr std::uint32_t kMaxRuntimeArgs = 341;

}  // namespace tilesplit::emu
