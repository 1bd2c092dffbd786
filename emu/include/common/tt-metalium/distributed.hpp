// Mesh-level enqueue API (tt-metal: tt-metalium/distributed.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/mesh_command_queue.hpp>
#include <tt-metalium/mesh_coord.hpp>
#include <tt-metalium/mesh_device.hpp>
#include <tt-metalium/mesh_workload.hpp>

namespace tt::tt_metal::distributed {

// Runs the workload's programs; throws std::runtime_error (with every emulator error message) if a
// kernel fails and `blocking`; otherwise the error is raised by Finish or the next blocking read.
void EnqueueMeshWorkload(MeshCommandQueue& cq, MeshWorkload& workload, bool blocking);
void Finish(MeshCommandQueue& cq);

namespace detail {
void write_mesh_buffer(MeshCommandQueue& cq, MeshBuffer& buffer, const void* src, std::size_t bytes);
void read_mesh_buffer(MeshCommandQueue& cq, MeshBuffer& buffer, void* dst, std::size_t bytes, bool blocking);
}  // namespace detail

template <typename DType>
void EnqueueWriteMeshBuffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer,
                            const std::vector<DType>& src, bool blocking = false) {
  (void)blocking;
  detail::write_mesh_buffer(cq, *buffer, src.data(), src.size() * sizeof(DType));
}

template <typename DType>
void EnqueueReadMeshBuffer(MeshCommandQueue& cq, std::vector<DType>& dst, const std::shared_ptr<MeshBuffer>& buffer,
                           bool blocking = true) {
  dst.resize(buffer->size() / sizeof(DType));
  detail::read_mesh_buffer(cq, *buffer, dst.data(), dst.size() * sizeof(DType), blocking);
}

}  // namespace tt::tt_metal::distributed
