// Mesh buffers (tt-metal: tt-metalium/mesh_buffer.hpp): replicated over the (unit) mesh, interleaved
// over the device's DRAM banks (or its cores' L1).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <variant>

#include <tt-metalium/buffer.hpp>
#include <tt-metalium/buffer_types.hpp>
#include <tt-metalium/mesh_coord.hpp>

namespace tt::tt_metal::distributed {

class MeshDevice;

struct BufferShardingArgs {};

struct DeviceLocalBufferConfig {
  DeviceAddr page_size = 0;
  BufferType buffer_type = BufferType::DRAM;
  BufferShardingArgs sharding_args;
  std::optional<bool> bottom_up;
};

struct ReplicatedBufferConfig {
  DeviceAddr size = 0;
};

using MeshBufferConfig = std::variant<ReplicatedBufferConfig>;

class MeshBuffer {
 public:
  static std::shared_ptr<MeshBuffer> create(const MeshBufferConfig& mesh_buffer_config,
                                            const DeviceLocalBufferConfig& device_local_config, MeshDevice* mesh_device,
                                            std::optional<DeviceAddr> address = std::nullopt);

  DeviceAddr address() const { return buffer_->address(); }
  DeviceAddr size() const { return buffer_->size(); }
  DeviceAddr page_size() const { return buffer_->page_size(); }
  MeshDevice* device() const { return device_; }
  Buffer* get_backing_buffer() const { return buffer_.get(); }
  Buffer* get_device_buffer(const MeshCoordinate&) const { return buffer_.get(); }
  const DeviceLocalBufferConfig& device_local_config() const { return local_config_; }

  MeshBuffer(MeshDevice* device, std::shared_ptr<Buffer> buffer, DeviceLocalBufferConfig local_config)
      : device_(device), buffer_(std::move(buffer)), local_config_(local_config) {}

 private:
  MeshDevice* device_;
  std::shared_ptr<Buffer> buffer_;
  DeviceLocalBufferConfig local_config_;
};

}  // namespace tt::tt_metal::distributed
