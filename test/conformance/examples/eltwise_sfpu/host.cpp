// tt-metal's eltwise_sfpu example (examples/eltwise_sfpu/eltwise_sfpu.cpp) as a host program in
// tilesplit-run's --program interface: the example's CBs (c_0 and c_16, two bf16 tiles each), its
// kernels from the tt-metal tree (kernel_dir is its examples/ folder), their RISCs, NOCs and args,
// HiFi4 without approximation, on core (0,0). Only the number of tiles comes from the tensors
// instead of being 64.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

namespace tilesplit_kernels::eltwise_sfpu {

using namespace tt::tt_metal;
using tt::tt_metal::distributed::MeshBuffer;
using tt::tt_metal::distributed::MeshDevice;

struct TensorArg {
  std::shared_ptr<MeshBuffer> buffer;
  uint32_t tile_rows;
  uint32_t tile_cols;
};

inline void run(MeshDevice &device, const TensorArg &src, const TensorArg &dst,
                const std::string &kernel_dir) {
  const uint32_t n_tiles = src.tile_rows * src.tile_cols;
  constexpr uint32_t tile_size_bytes = 2 * 32 * 32;
  constexpr uint32_t num_input_tiles = 2;
  constexpr CoreCoord core = {0, 0};
  Program program = CreateProgram();

  for (tt::CBIndex cb : {tt::CBIndex::c_0, tt::CBIndex::c_16})
    CreateCircularBuffer(program, core,
                         CircularBufferConfig(num_input_tiles * tile_size_bytes,
                                              {{cb, tt::DataFormat::Float16_b}})
                             .set_page_size(cb, tile_size_bytes));

  std::vector<uint32_t> reader_compile_time_args;
  TensorAccessorArgs(*src.buffer).append_to(reader_compile_time_args);
  auto reader = CreateKernel(program, kernel_dir + "/eltwise_sfpu/kernels/dataflow/read_tile.cpp",
                             core,
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                                .noc = NOC::RISCV_1_default,
                                                .compile_args = reader_compile_time_args});
  std::vector<uint32_t> writer_compile_time_args;
  TensorAccessorArgs(*dst.buffer).append_to(writer_compile_time_args);
  auto writer = CreateKernel(program, kernel_dir + "/eltwise_sfpu/kernels/dataflow/write_tile.cpp",
                             core,
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                                .noc = NOC::RISCV_0_default,
                                                .compile_args = writer_compile_time_args});
  auto compute = CreateKernel(
      program, kernel_dir + "/eltwise_sfpu/kernels/compute/eltwise_sfpu.cpp", core,
      ComputeConfig{.math_fidelity = MathFidelity::HiFi4, .math_approx_mode = false});

  SetRuntimeArgs(program, compute, core, {n_tiles});
  SetRuntimeArgs(program, reader, core, {static_cast<uint32_t>(src.buffer->address()), n_tiles});
  SetRuntimeArgs(program, writer, core, {static_cast<uint32_t>(dst.buffer->address()), n_tiles});

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::eltwise_sfpu
