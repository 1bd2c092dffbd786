// The command queue (tt-metal: tt-metalium/mesh_command_queue.hpp). The emulator executes each command
// when it is enqueued; a failed workload's error is raised by a blocking enqueue, by Finish, or by the
// next blocking read, whichever comes first.
#pragma once

#include <string>

namespace tt::tt_metal::distributed {

class MeshDevice;

class MeshCommandQueue {
 public:
  explicit MeshCommandQueue(MeshDevice* device) : device_(device) {}
  MeshDevice* device() const { return device_; }

  // Emulator internals: an error from a non-blocking workload, not yet reported.
  std::string pending_error;

 private:
  MeshDevice* device_;
};

}  // namespace tt::tt_metal::distributed
