// The emulated device for one run: buffers for the tensors, and the folder of
// generated kernels. Used by the generated device glue.
#pragma once

#include "harness.hpp"

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/mesh_device.hpp>

namespace tilesplit_run {

class DeviceSession {
public:
  DeviceSession(std::string kernel_dir);
  ~DeviceSession();

  tt::tt_metal::distributed::MeshDevice &device() { return *device_; }
  const std::string &kernel_dir() const { return kernel_dir_; }

  // A DRAM buffer holding \p t tilized; and reading one back, untilized.
  std::shared_ptr<tt::tt_metal::distributed::MeshBuffer> upload(const TensorData &t);
  void download(const std::shared_ptr<tt::tt_metal::distributed::MeshBuffer> &buffer,
                TensorData &t);

  std::vector<std::shared_ptr<tt::tt_metal::distributed::MeshBuffer>> buffers;

private:
  std::string kernel_dir_;
  std::shared_ptr<tt::tt_metal::distributed::MeshDevice> device_;
};

} // namespace tilesplit_run
