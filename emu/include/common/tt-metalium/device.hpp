// Device interface (tt-metal: tt-metalium/device.hpp). The emulator's MeshDevice implements it.
#pragma once

#include <cstdint>

#include <tt-metalium/core_coord.hpp>

namespace tt::tt_metal {

class IDevice {
 public:
  virtual ~IDevice() = default;
  virtual CoreCoord compute_with_storage_grid_size() const = 0;
  virtual CoreCoord worker_core_from_logical_core(const CoreCoord& logical_core) const = 0;
  virtual std::uint32_t num_dram_channels() const = 0;
  virtual std::uint32_t l1_size_per_core() const = 0;
};

}  // namespace tt::tt_metal
