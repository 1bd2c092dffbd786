// The emulated chip's memories: one L1 arena per worker core and the DRAM banks, plus their
// allocators. Memory is mapped lazily (MAP_NORESERVE), so a large grid costs only what is touched.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "config.hpp"

namespace tilesplit::emu {

class DeviceState {
 public:
  explicit DeviceState(ArchConfig arch);
  ~DeviceState();
  DeviceState(const DeviceState&) = delete;
  DeviceState& operator=(const DeviceState&) = delete;

  const ArchConfig& arch() const { return arch_; }
  std::uint32_t num_cores() const { return arch_.grid_x * arch_.grid_y; }

  // L1 of the worker at logical (x, y); nullptr if outside the grid.
  std::uint8_t* l1(std::uint32_t x, std::uint32_t y) const;
  std::uint8_t* dram_bank(std::uint32_t bank) const { return bank < dram_.size() ? dram_[bank] : nullptr; }

  // Interleaved allocations; both return the base address, the same in every bank / core.
  std::uint32_t allocate_dram(std::uint64_t bytes_per_bank);
  std::uint32_t allocate_l1(std::uint64_t bytes_per_core);

  // The DRAM buffers allocated, for messages that name a page rather than an address.
  struct DramBuffer {
    std::uint32_t base = 0;
    std::uint64_t bytes_per_bank = 0;
    std::uint32_t aligned_page_size = 0;
  };
  void record_dram_buffer(const DramBuffer& b);
  // The buffer whose per-bank range holds `offset`, or nullptr.
  const DramBuffer* find_dram_buffer(std::uint32_t offset) const;
  // Bytes of DRAM bank address space handed out so far (accesses beyond are errors).
  std::uint64_t dram_top() const { return dram_top_; }
  // Lowest L1 address used by L1 buffers (CBs must stay below it).
  std::uint32_t l1_buffer_floor() const { return l1_floor_; }

  // One workload runs at a time on a device.
  std::mutex run_mutex;

 private:
  ArchConfig arch_;
  std::vector<std::uint8_t*> l1_;
  std::vector<std::uint8_t*> dram_;
  mutable std::mutex alloc_mu_;
  std::deque<DramBuffer> dram_buffers_;  // guarded by alloc_mu_; a deque, as find_dram_buffer hands out pointers
  std::uint64_t dram_top_;
  std::uint32_t l1_floor_;
};

// L1 buffers may not grow below this (the reserved area and some room for CBs).
constexpr std::uint32_t kL1BufferLowLimit = 0x20000;
// Base of DRAM allocations (address 0 is never a valid buffer, which catches unset addresses).
constexpr std::uint64_t kDramAllocBase = 0x20000;

}  // namespace tilesplit::emu
