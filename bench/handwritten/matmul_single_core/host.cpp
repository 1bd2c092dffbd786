// Hand-written host program for C = A * B on one core, in the shape of tt-metal's
// matmul_single_core programming example: CBs c_0/c_1/c_16 of two bf16 tiles; the reader streams
// A(m, k) and B(k, n) for every output tile; the compute kernel gets Mt, Kt, Nt as compile-time
// args. It provides the interface of a generated host.cpp for `tilesplit-run --program`.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

namespace tilesplit_kernels::matmul {

using namespace tt::tt_metal;
using tt::tt_metal::distributed::MeshBuffer;
using tt::tt_metal::distributed::MeshDevice;

struct TensorArg {
  std::shared_ptr<MeshBuffer> buffer;
  uint32_t tile_rows;
  uint32_t tile_cols;
};

inline void run(MeshDevice &device, const TensorArg &A, const TensorArg &B, const TensorArg &C,
                const std::string &kernel_dir) {
  constexpr uint32_t tile_bytes = 2 * 32 * 32; // bf16
  constexpr uint32_t pages = 2;
  const uint32_t Mt = A.tile_rows, Kt = A.tile_cols, Nt = B.tile_cols;
  const CoreCoord core{0, 0};
  Program program = CreateProgram();

  for (uint32_t cb : {tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16})
    CreateCircularBuffer(program, core,
                         CircularBufferConfig(pages * tile_bytes, {{cb, tt::DataFormat::Float16_b}})
                             .set_page_size(cb, tile_bytes));

  std::vector<uint32_t> reader_ctas, writer_ctas;
  TensorAccessorArgs(*A.buffer).append_to(reader_ctas);
  TensorAccessorArgs(*B.buffer).append_to(reader_ctas);
  TensorAccessorArgs(*C.buffer).append_to(writer_ctas);
  KernelHandle reader = CreateKernel(
      program, kernel_dir + "/reader.cpp", core,
      DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                         .noc = NOC::NOC_1,
                         .compile_args = reader_ctas});
  KernelHandle writer = CreateKernel(
      program, kernel_dir + "/writer.cpp", core,
      DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                         .noc = NOC::NOC_0,
                         .compile_args = writer_ctas});
  CreateKernel(program, kernel_dir + "/compute.cpp", core,
               ComputeConfig{.math_fidelity = MathFidelity::HiFi4, .compile_args = {Mt, Kt, Nt}});

  SetRuntimeArgs(program, reader, core,
                 {static_cast<uint32_t>(A.buffer->address()),
                  static_cast<uint32_t>(B.buffer->address()), Mt, Kt, Nt});
  // The writer needs the output's width in tiles, which is Nt (not Kt).
  SetRuntimeArgs(program, writer, core, {static_cast<uint32_t>(C.buffer->address()), Mt, Nt});

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::matmul
