// Hand-written host program for C = A * B over the whole worker grid, in the shape of tt-metal's
// matmul_multi_core programming example: split_work_to_cores divides the Mt * Nt output tiles,
// each core gets a contiguous range [start_tile, start_tile + n_tiles) and runs the same three
// kernels. It provides the interface of a generated host.cpp for `tilesplit-run --program`.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>
#include <tt-metalium/work_split.hpp>

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
  Program program = CreateProgram();

  auto [num_cores, all_cores, group_1, group_2, tiles_per_core_1, tiles_per_core_2] =
      split_work_to_cores(device.compute_with_storage_grid_size(), Mt * Nt);
  (void)num_cores;

  for (uint32_t cb : {tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16})
    CreateCircularBuffer(program, all_cores,
                         CircularBufferConfig(pages * tile_bytes, {{cb, tt::DataFormat::Float16_b}})
                             .set_page_size(cb, tile_bytes));

  std::vector<uint32_t> reader_ctas, writer_ctas;
  TensorAccessorArgs(*A.buffer).append_to(reader_ctas);
  TensorAccessorArgs(*B.buffer).append_to(reader_ctas);
  TensorAccessorArgs(*C.buffer).append_to(writer_ctas);
  KernelHandle reader = CreateKernel(
      program, kernel_dir + "/reader.cpp", all_cores,
      DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                         .noc = NOC::RISCV_1_default,
                         .compile_args = reader_ctas});
  KernelHandle writer = CreateKernel(
      program, kernel_dir + "/writer.cpp", all_cores,
      DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                         .noc = NOC::RISCV_0_default,
                         .compile_args = writer_ctas});
  KernelHandle compute =
      CreateKernel(program, kernel_dir + "/compute.cpp", all_cores,
                   ComputeConfig{.math_fidelity = MathFidelity::HiFi4, .compile_args = {}});

  // Group 1's cores take one tile more than group 2's; ranges are handed out in order.
  uint32_t start_tile = 0;
  for (const auto &[group, n_tiles] :
       {std::pair{group_1, tiles_per_core_1}, std::pair{group_2, tiles_per_core_2}}) {
    for (const CoreRange &range : group.ranges()) {
      for (const CoreCoord &core : range) {
        SetRuntimeArgs(program, reader, core,
                       {static_cast<uint32_t>(A.buffer->address()),
                        static_cast<uint32_t>(B.buffer->address()), Mt, Kt, Nt, start_tile,
                        n_tiles});
        SetRuntimeArgs(program, compute, core, {n_tiles, Kt});
        SetRuntimeArgs(program, writer, core,
                       {static_cast<uint32_t>(C.buffer->address()), n_tiles, start_tile});
        start_tile += n_tiles;
      }
    }
  }

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::matmul
