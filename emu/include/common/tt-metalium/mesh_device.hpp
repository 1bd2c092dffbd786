// A device (tt-metal: tt-metalium/mesh_device.hpp). The emulator opens a unit mesh: one emulated chip
// with the worker grid, L1 and DRAM banks of the configured arch (TILESPLIT_EMU_ARCH).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include <tt-metalium/core_coord.hpp>
#include <tt-metalium/device.hpp>
#include <tt-metalium/mesh_coord.hpp>

namespace tilesplit::emu {
class DeviceState;
}

namespace tt::tt_metal::distributed {

class MeshCommandQueue;

class MeshDevice : public IDevice, public std::enable_shared_from_this<MeshDevice> {
 public:
  static std::shared_ptr<MeshDevice> create_unit_mesh(int device_id, std::size_t l1_small_size = 0,
                                                      std::size_t trace_region_size = 0,
                                                      std::size_t num_command_queues = 1);
  ~MeshDevice() override;

  MeshCommandQueue& mesh_command_queue(std::optional<std::uint8_t> cq_id = std::nullopt);
  MeshShape shape() const { return MeshShape(1, 1); }
  std::size_t num_devices() const { return 1; }
  int id() const { return device_id_; }

  CoreCoord compute_with_storage_grid_size() const override;
  CoreCoord logical_grid_size() const { return compute_with_storage_grid_size(); }
  CoreCoord worker_core_from_logical_core(const CoreCoord& logical_core) const override;
  std::uint32_t num_dram_channels() const override;
  std::uint32_t l1_size_per_core() const override;
  std::uint32_t dram_size_per_channel() const;
  bool close();
  bool is_open() const { return open_; }

  // Emulator internals.
  MeshDevice(int device_id, std::shared_ptr<tilesplit::emu::DeviceState> state);
  const std::shared_ptr<tilesplit::emu::DeviceState>& emu_state() const { return state_; }

 private:
  int device_id_;
  bool open_ = true;
  std::shared_ptr<tilesplit::emu::DeviceState> state_;
  std::unique_ptr<MeshCommandQueue> cq_;
};

}  // namespace tt::tt_metal::distributed
