// tt-metal's eltwise_binary example (examples/eltwise_binary/eltwise_binary.cpp) as a host program
// in tilesplit-run's --program interface: the example's CBs (c_0, c_1, c_16, two bf16 tiles each),
// its kernels, read from the tt-metal tree (kernel_dir is its examples/ folder, as
// OVERRIDE_KERNEL_PREFIX would be), their RISCs and NOCs, compile-time and runtime args, on core
// (0,0). Only the number of tiles comes from the tensors instead of being 64.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

namespace tilesplit_kernels::eltwise_binary {

using namespace tt::tt_metal;
using tt::tt_metal::distributed::MeshBuffer;
using tt::tt_metal::distributed::MeshDevice;

struct TensorArg {
  std::shared_ptr<MeshBuffer> buffer;
  uint32_t tile_rows;
  uint32_t tile_cols;
};

inline void run(MeshDevice &device, const TensorArg &src0, const TensorArg &src1,
                const TensorArg &dst, const std::string &kernel_dir) {
  const uint32_t n_tiles = dst.tile_rows * dst.tile_cols;
  constexpr uint32_t tile_size_bytes = 2 * 32 * 32;
  constexpr uint32_t tiles_per_cb = 2;
  constexpr CoreCoord core = {0, 0};
  Program program = CreateProgram();

  for (tt::CBIndex cb : {tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16})
    CreateCircularBuffer(program, core,
                         CircularBufferConfig(tiles_per_cb * tile_size_bytes,
                                              {{cb, tt::DataFormat::Float16_b}})
                             .set_page_size(cb, tile_size_bytes));

  std::vector<uint32_t> reader_compile_time_args;
  TensorAccessorArgs(*src0.buffer).append_to(reader_compile_time_args);
  TensorAccessorArgs(*src1.buffer).append_to(reader_compile_time_args);
  auto reader = CreateKernel(program, kernel_dir + "/eltwise_binary/kernels/dataflow/read_tiles.cpp",
                             core,
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                                .noc = NOC::RISCV_0_default,
                                                .compile_args = reader_compile_time_args});
  std::vector<uint32_t> writer_compile_time_args;
  TensorAccessorArgs(*dst.buffer).append_to(writer_compile_time_args);
  auto writer = CreateKernel(program, kernel_dir + "/eltwise_binary/kernels/dataflow/write_tile.cpp",
                             core,
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                                .noc = NOC::RISCV_1_default,
                                                .compile_args = writer_compile_time_args});
  auto compute = CreateKernel(program, kernel_dir + "/eltwise_binary/kernels/compute/tiles_add.cpp",
                              core, ComputeConfig{.math_fidelity = MathFidelity::HiFi4});

  SetRuntimeArgs(program, reader, core,
                 {static_cast<uint32_t>(src0.buffer->address()),
                  static_cast<uint32_t>(src1.buffer->address()), n_tiles});
  SetRuntimeArgs(program, writer, core, {static_cast<uint32_t>(dst.buffer->address()), n_tiles});
  SetRuntimeArgs(program, compute, core, {n_tiles});

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::eltwise_binary
