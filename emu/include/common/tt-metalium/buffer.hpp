// A device buffer (tt-metal: tt-metalium/buffer.hpp). Interleaved only: page i in bank
// i % num_banks at address() + (i / num_banks) * aligned_page_size().
#pragma once

#include <cstdint>
#include <memory>

#include <tt-metalium/buffer_types.hpp>

namespace tilesplit::emu {
class DeviceState;
}

namespace tt::tt_metal {

class Buffer {
 public:
  Buffer(std::shared_ptr<tilesplit::emu::DeviceState> device, DeviceAddr address, DeviceAddr size,
         DeviceAddr page_size, BufferType type);

  DeviceAddr address() const { return address_; }
  DeviceAddr size() const { return size_; }
  DeviceAddr page_size() const { return page_size_; }
  DeviceAddr aligned_page_size() const;
  std::uint32_t num_pages() const { return page_size_ == 0 ? 0 : static_cast<std::uint32_t>(size_ / page_size_); }
  BufferType buffer_type() const { return type_; }
  bool is_dram() const { return type_ == BufferType::DRAM; }
  bool is_l1() const { return type_ == BufferType::L1; }
  TensorMemoryLayout buffer_layout() const { return TensorMemoryLayout::INTERLEAVED; }
  const std::shared_ptr<tilesplit::emu::DeviceState>& emu_device() const { return device_; }

 private:
  std::shared_ptr<tilesplit::emu::DeviceState> device_;
  DeviceAddr address_;
  DeviceAddr size_;
  DeviceAddr page_size_;
  BufferType type_;
};

}  // namespace tt::tt_metal
