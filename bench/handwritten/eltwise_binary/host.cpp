// Hand-written host program for dst = src0 + src1, in the shape of tt-metal's eltwise_binary
// programming example: one core, CBs c_0/c_1/c_16 of two bf16 tiles, a reader, a compute and a
// writer kernel. It provides the interface of a generated host.cpp (TensorArg, run()), so
// `tilesplit-run --program` can run it against the same CPU reference as tilesplit's output.
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
  constexpr uint32_t tile_bytes = 2 * 32 * 32; // bf16
  constexpr uint32_t pages = 2;                 // double buffering
  const uint32_t n_tiles = dst.tile_rows * dst.tile_cols;
  const CoreCoord core{0, 0};
  Program program = CreateProgram();

  for (uint32_t cb : {tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16})
    CreateCircularBuffer(program, core,
                         CircularBufferConfig(pages * tile_bytes, {{cb, tt::DataFormat::Float16_b}})
                             .set_page_size(cb, tile_bytes));

  std::vector<uint32_t> reader_ctas, writer_ctas;
  TensorAccessorArgs(*src0.buffer).append_to(reader_ctas);
  TensorAccessorArgs(*src1.buffer).append_to(reader_ctas);
  TensorAccessorArgs(*dst.buffer).append_to(writer_ctas);
  KernelHandle reader = CreateKernel(
      program, kernel_dir + "/reader.cpp", core,
      DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                         .noc = NOC::RISCV_0_default,
                         .compile_args = reader_ctas});
  KernelHandle writer = CreateKernel(
      program, kernel_dir + "/writer.cpp", core,
      DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                         .noc = NOC::NOC_1,
                         .compile_args = writer_ctas});
  KernelHandle compute = CreateKernel(program, kernel_dir + "/compute.cpp", core,
                                      ComputeConfig{.math_fidelity = MathFidelity::HiFi4});

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
