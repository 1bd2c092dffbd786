#include "device_state.hpp"

#include <sys/mman.h>

#include <stdexcept>
#include <string>

namespace tilesplit::emu {

namespace {
std::uint8_t* map_zeroed(std::uint64_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::runtime_error("emu error: cannot map " + std::to_string(bytes) + " bytes");
  return static_cast<std::uint8_t*>(p);
}
std::uint64_t align_up(std::uint64_t v, std::uint64_t a) { return (v + a - 1) / a * a; }
}  // namespace

DeviceState::DeviceState(ArchConfig arch) : arch_(std::move(arch)), dram_top_(kDramAllocBase), l1_floor_(arch_.l1_size) {
  for (std::uint32_t i = 0; i < num_cores(); ++i) l1_.push_back(map_zeroed(arch_.l1_size));
  for (std::uint32_t i = 0; i < arch_.num_dram_banks; ++i) dram_.push_back(map_zeroed(arch_.dram_bank_size));
}

DeviceState::~DeviceState() {
  for (auto* p : l1_) munmap(p, arch_.l1_size);
  for (auto* p : dram_) munmap(p, arch_.dram_bank_size);
}

std::uint8_t* DeviceState::l1(std::uint32_t x, std::uint32_t y) const {
  if (x >= arch_.grid_x || y >= arch_.grid_y) return nullptr;
  return l1_[y * arch_.grid_x + x];
}

std::uint32_t DeviceState::allocate_dram(std::uint64_t bytes_per_bank) {
  std::lock_guard<std::mutex> lock(alloc_mu_);
  const std::uint64_t base = align_up(dram_top_, arch_.dram_alignment);
  if (base + bytes_per_bank > arch_.dram_bank_size) {
    throw std::runtime_error("emu error: out of DRAM: " + std::to_string(bytes_per_bank) +
                             " bytes per bank requested, " + std::to_string(arch_.dram_bank_size - base) + " left");
  }
  dram_top_ = base + bytes_per_bank;
  return static_cast<std::uint32_t>(base);
}

void DeviceState::record_dram_buffer(const DramBuffer& b) {
  std::lock_guard<std::mutex> lock(alloc_mu_);
  dram_buffers_.push_back(b);
}

const DeviceState::DramBuffer* DeviceState::find_dram_buffer(std::uint32_t offset) const {
  std::lock_guard<std::mutex> lock(alloc_mu_);
  for (const DramBuffer& b : dram_buffers_) {
    if (offset >= b.base && offset < b.base + b.bytes_per_bank) return &b;
  }
  return nullptr;
}

std::uint32_t DeviceState::allocate_l1(std::uint64_t bytes_per_core) {
  std::lock_guard<std::mutex> lock(alloc_mu_);
  const std::uint64_t size = align_up(bytes_per_core, arch_.l1_alignment);
  if (size + kL1BufferLowLimit > l1_floor_) {
    throw std::runtime_error("emu error: out of L1: " + std::to_string(bytes_per_core) + " bytes per core requested");
  }
  l1_floor_ = static_cast<std::uint32_t>(l1_floor_ - size);
  return l1_floor_;
}

}  // namespace tilesplit::emu
