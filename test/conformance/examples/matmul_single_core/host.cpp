// tt-metal's matmul_single_core example (examples/matmul/matmul_single_core/matmul_single_core.cpp)
// as a host program in tilesplit-run's --program interface: the example's CBs (c_0, c_1, c_16, two
// bf16 tiles each), its kernels from the tt-metal tree (kernel_dir is its examples/ folder) with
// the example's RISCs and NOCs (the reader on RISCV_1), HiFi4, Mt, Kt, Nt as the compute kernel's
// compile-time args and the example's runtime args, on core (0,0).
//
// The example's host gives the writer {dst, Mt, Kt, Nt} while the writer reads {dst, Mt, Nt}: it
// takes Kt for Nt. This host passes the same args, so the product comes out right only when
// Kt == Nt (as at the example's own 640x640x640). With Kt > Nt the writer waits for tiles that
// never come and the emulator reports a deadlock; with Kt < Nt it writes Mt * Kt tiles, at
// m * Kt + n, and the output differs.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

namespace tilesplit_kernels::matmul_single_core {

using namespace tt;
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
  const uint32_t Mt = A.tile_rows, Kt = A.tile_cols, Nt = B.tile_cols;
  const CoreCoord core({0, 0});
  const uint32_t single_tile_size = 2 * 32 * 32;
  const tt::DataFormat cb_data_format = tt::DataFormat::Float16_b;
  Program program{};

  const uint32_t num_input_tiles = 2, num_output_tiles = 2;
  for (uint32_t cb : {uint32_t(CBIndex::c_0), uint32_t(CBIndex::c_1)})
    CreateCircularBuffer(program, core,
                         CircularBufferConfig(num_input_tiles * single_tile_size, {{cb, cb_data_format}})
                             .set_page_size(cb, single_tile_size));
  const uint32_t output_cb_index = tt::CBIndex::c_16;
  CreateCircularBuffer(program, core,
                       CircularBufferConfig(num_output_tiles * single_tile_size,
                                            {{output_cb_index, cb_data_format}})
                           .set_page_size(output_cb_index, single_tile_size));

  const std::string dir = kernel_dir + "/matmul/matmul_single_core/kernels/";
  std::vector<uint32_t> reader_compile_time_args;
  TensorAccessorArgs(*A.buffer).append_to(reader_compile_time_args);
  TensorAccessorArgs(*B.buffer).append_to(reader_compile_time_args);
  auto reader_id = CreateKernel(program, dir + "dataflow/reader_single_core_mm.cpp", core,
                                DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                                   .noc = NOC::RISCV_1_default,
                                                   .compile_args = reader_compile_time_args});
  std::vector<uint32_t> writer_compile_time_args;
  TensorAccessorArgs(*C.buffer).append_to(writer_compile_time_args);
  auto writer_id = CreateKernel(program, dir + "dataflow/writer_single_core_mm.cpp", core,
                                DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                                   .noc = NOC::RISCV_0_default,
                                                   .compile_args = writer_compile_time_args});
  std::vector<uint32_t> compute_compile_time_args = {Mt, Kt, Nt};
  CreateKernel(program, dir + "compute/mm.cpp", core,
               ComputeConfig{.math_fidelity = MathFidelity::HiFi4,
                             .compile_args = compute_compile_time_args});

  const uint32_t src0_addr = A.buffer->address(), src1_addr = B.buffer->address(),
                 dst_addr = C.buffer->address();
  SetRuntimeArgs(program, reader_id, core, {src0_addr, src1_addr, Mt, Kt, Nt});
  SetRuntimeArgs(program, writer_id, core, {dst_addr, Mt, Kt, Nt});

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::matmul_single_core
