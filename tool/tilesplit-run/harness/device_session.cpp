// The emulated device session: buffers in, buffers out, tile layout on the way.
#include "device_session.hpp"

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/tilize_utils.hpp>

namespace tilesplit_run {

using namespace tt::tt_metal;
using namespace tt::tt_metal::distributed;

DeviceSession::DeviceSession(std::string kernel_dir)
    : kernel_dir_(std::move(kernel_dir)), device_(MeshDevice::create_unit_mesh(0)) {}

DeviceSession::~DeviceSession() {
  buffers.clear();
  device_->close();
}

std::shared_ptr<MeshBuffer> DeviceSession::upload(const TensorData &t) {
  const uint32_t elem = t.float32 ? 4 : 2;
  DeviceLocalBufferConfig local{.page_size = 1024 * elem, .buffer_type = BufferType::DRAM};
  ReplicatedBufferConfig global{.size = uint64_t(t.rows) * t.cols * elem};
  auto buffer = MeshBuffer::create(global, local, device_.get());
  if (t.float32) {
    auto tiled = tilize_nfaces(t.values, t.rows, t.cols);
    EnqueueWriteMeshBuffer(device_->mesh_command_queue(), buffer, tiled, true);
  } else {
    std::vector<bfloat16> data(t.values.begin(), t.values.end());
    auto tiled = tilize_nfaces(data, t.rows, t.cols);
    EnqueueWriteMeshBuffer(device_->mesh_command_queue(), buffer, tiled, true);
  }
  return buffer;
}

void DeviceSession::download(const std::shared_ptr<MeshBuffer> &buffer, TensorData &t) {
  auto b = buffer;
  if (t.float32) {
    std::vector<float> tiled;
    EnqueueReadMeshBuffer(device_->mesh_command_queue(), tiled, b, true);
    t.values = untilize_nfaces(tiled, t.rows, t.cols);
  } else {
    std::vector<bfloat16> tiled;
    EnqueueReadMeshBuffer(device_->mesh_command_queue(), tiled, b, true);
    auto rows = untilize_nfaces(tiled, t.rows, t.cols);
    t.values.assign(rows.size(), 0.0f);
    for (size_t i = 0; i < rows.size(); ++i)
      t.values[i] = static_cast<float>(rows[i]);
  }
}

} // namespace tilesplit_run
