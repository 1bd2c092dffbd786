// tt-metal's matmul_multi_core example (examples/matmul/matmul_multi_core/matmul_multi_core.cpp) as
// a host program in tilesplit-run's --program interface: split_work_to_cores over the Mt * Nt
// output tiles and the worker grid, the example's CBs (c_0, c_1, c_16, two bf16 tiles each, on all
// the cores used), its kernels from the tt-metal tree (kernel_dir is its examples/ folder) with the
// example's RISCs and NOCs (the reader on RISCV_1), HiFi4, and its runtime args: the reader gets
// {A, B, Mt, Kt, Nt, first tile, tiles}, the writer {C, tiles, first tile}, the compute kernel
// {tiles, Kt}.
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

namespace tilesplit_kernels::matmul_multi_core {

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
  Program program{};
  auto core_grid = device.compute_with_storage_grid_size();
  auto [num_cores, all_cores, core_group_1, core_group_2, work_per_core1, work_per_core2] =
      split_work_to_cores(core_grid, Mt * Nt);
  (void)num_cores;

  constexpr uint32_t single_tile_size = 2 * 32 * 32;
  const auto cb_data_format = tt::DataFormat::Float16_b;
  const uint32_t num_input_tiles = 2;
  for (CBIndex cb : {CBIndex::c_0, CBIndex::c_1, CBIndex::c_16})
    CreateCircularBuffer(program, all_cores,
                         CircularBufferConfig(num_input_tiles * single_tile_size, {{cb, cb_data_format}})
                             .set_page_size(cb, single_tile_size));

  const std::string dir = kernel_dir + "/matmul/matmul_multi_core/kernels/";
  std::vector<uint32_t> reader_compile_time_args;
  TensorAccessorArgs(*A.buffer).append_to(reader_compile_time_args);
  TensorAccessorArgs(*B.buffer).append_to(reader_compile_time_args);
  auto reader_id =
      CreateKernel(program, dir + "dataflow/reader_mm_output_tiles_partitioned.cpp", all_cores,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                      .noc = NOC::RISCV_1_default,
                                      .compile_args = reader_compile_time_args});
  std::vector<uint32_t> writer_compile_time_args;
  TensorAccessorArgs(*C.buffer).append_to(writer_compile_time_args);
  auto writer_id =
      CreateKernel(program, dir + "dataflow/writer_unary_interleaved_start_id.cpp", all_cores,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                      .noc = NOC::RISCV_0_default,
                                      .compile_args = writer_compile_time_args});
  auto compute_kernel_id =
      CreateKernel(program, dir + "compute/mm.cpp", all_cores,
                   ComputeConfig{.math_fidelity = MathFidelity::HiFi4, .compile_args = {}});

  uint32_t work_offset = 0;
  for (const auto &[ranges, work_per_core] :
       {std::make_pair(core_group_1, work_per_core1), std::make_pair(core_group_2, work_per_core2)}) {
    for (const auto &range : ranges.ranges()) {
      for (const auto &core : range) {
        SetRuntimeArgs(program, reader_id, core,
                       {static_cast<uint32_t>(A.buffer->address()),
                        static_cast<uint32_t>(B.buffer->address()), Mt, Kt, Nt, work_offset,
                        work_per_core});
        SetRuntimeArgs(program, writer_id, core,
                       {static_cast<uint32_t>(C.buffer->address()), work_per_core, work_offset});
        SetRuntimeArgs(program, compute_kernel_id, core, {work_per_core, Kt});
        work_offset += work_per_core;
      }
    }
  }

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::matmul_multi_core
