// tt-metal's loopback example (examples/loopback/loopback.cpp) as a host program in tilesplit-run's
// --program interface: a one-tile L1 buffer, the example's one data-movement kernel
// (loopback_dram_copy.cpp, from the tt-metal tree: kernel_dir is its examples/ folder) on RISCV_0
// of core (0,0), its compile-time args (the accessor args of the two DRAM buffers' backing
// buffers) and runtime args (L1 buffer, input, output, number of tiles). Only the number of tiles
// comes from the tensors instead of being 50.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

namespace tilesplit_kernels::loopback {

using namespace tt::tt_metal;
using tt::tt_metal::distributed::MeshBuffer;
using tt::tt_metal::distributed::MeshDevice;

struct TensorArg {
  std::shared_ptr<MeshBuffer> buffer;
  uint32_t tile_rows;
  uint32_t tile_cols;
};

inline void run(MeshDevice &device, const TensorArg &input, const TensorArg &output,
                const std::string &kernel_dir) {
  const uint32_t num_tiles = input.tile_rows * input.tile_cols;
  constexpr uint32_t tile_size_bytes = 2 * 32 * 32;
  distributed::DeviceLocalBufferConfig l1_config{.page_size = tile_size_bytes,
                                                 .buffer_type = BufferType::L1};
  distributed::ReplicatedBufferConfig l1_buffer_config{.size = tile_size_bytes};
  auto l1_buffer = distributed::MeshBuffer::create(l1_buffer_config, l1_config, &device);

  Program program = CreateProgram();
  constexpr CoreCoord core = {0, 0};
  std::vector<uint32_t> dram_copy_compile_time_args;
  TensorAccessorArgs(*input.buffer->get_backing_buffer()).append_to(dram_copy_compile_time_args);
  TensorAccessorArgs(*output.buffer->get_backing_buffer()).append_to(dram_copy_compile_time_args);
  KernelHandle dram_copy_kernel_id =
      CreateKernel(program, kernel_dir + "/loopback/kernels/loopback_dram_copy.cpp", core,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                      .noc = NOC::RISCV_0_default,
                                      .compile_args = dram_copy_compile_time_args});
  const std::vector<uint32_t> runtime_args = {static_cast<uint32_t>(l1_buffer->address()),
                                              static_cast<uint32_t>(input.buffer->address()),
                                              static_cast<uint32_t>(output.buffer->address()),
                                              num_tiles};
  SetRuntimeArgs(program, dram_copy_kernel_id, core, runtime_args);

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::loopback
