// tt-metal's matmul_common kernels for a matmul split by output tiles, driven the way tt-metal's
// earlier matmul_multi_core example drove them (before it got kernels of its own; that host is not
// in the examples folder), as a host program in tilesplit-run's --program interface:
// split_work_to_cores over the batch * Mt * Nt output tiles, each core running
//   reader_bmm_8bank_output_tiles_partitioned.cpp (RISCV_1, NOC 1): for each of its output tiles,
//                                   the Kt tiles of A's row and B's column, one by one;
//   bmm.cpp                         (HiFi4; compile-time args {1, 1, Kt, its number of tiles}: the
//                                   kernel's batch, Mt and Nt loops run as one loop);
//   writer_unary_interleaved_start_id.cpp (RISCV_0, NOC 0): its tiles of C, in order;
// read from the tt-metal tree (kernel_dir is its examples/ folder), with CBs c_0, c_1 and c_16 of
// two bf16 tiles.
//
// That writer takes the output CB's index as compile-time arg 0 and reads the output's
// TensorAccessorArgs from arg 0 as well (left over from the older {cb, dst_is_dram} interface), so
// arg 0 = 16 is also the accessor's ArgConfig: RuntimeTensorShape, not IsDram, an interleaved L1
// tensor. The kernel so writes a DRAM output to the wrong place; it is correct for an output in
// L1. This host gives it {16, 0} (dst_is_dram = false) and an interleaved L1 buffer for C, and
// copies that into the DRAM buffer of C afterwards.
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

namespace tilesplit_kernels::bmm {

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
                uint32_t batch, uint32_t bcast_B, const std::string &kernel_dir) {
  const uint32_t Mt = C.tile_rows / batch, Kt = A.tile_cols, Nt = C.tile_cols;
  constexpr uint32_t single_tile_size = 2 * 32 * 32;
  const tt::DataFormat cb_data_format = tt::DataFormat::Float16_b;
  distributed::MeshCommandQueue &cq = device.mesh_command_queue();

  const uint32_t c_tiles = batch * Mt * Nt;
  distributed::DeviceLocalBufferConfig l1_config{.page_size = single_tile_size,
                                                 .buffer_type = BufferType::L1};
  auto c_l1 = MeshBuffer::create(distributed::ReplicatedBufferConfig{.size = c_tiles * single_tile_size},
                                 l1_config, &device);

  Program program{};
  auto [num_cores, all_cores, core_group_1, core_group_2, num_output_tiles_per_core_group_1,
        num_output_tiles_per_core_group_2] =
      split_work_to_cores(device.compute_with_storage_grid_size(), c_tiles);
  (void)num_cores;
  for (CBIndex cb : {CBIndex::c_0, CBIndex::c_1, CBIndex::c_16})
    CreateCircularBuffer(program, all_cores,
                         CircularBufferConfig(2 * single_tile_size, {{cb, cb_data_format}})
                             .set_page_size(cb, single_tile_size));

  const std::string dir = kernel_dir + "/matmul/matmul_common/kernels/";
  std::vector<uint32_t> reader_compile_time_args;
  TensorAccessorArgs(*A.buffer).append_to(reader_compile_time_args);
  TensorAccessorArgs(*B.buffer).append_to(reader_compile_time_args);
  const uint32_t output_cb_index = CBIndex::c_16;
  const uint32_t dst_is_dram = 0;
  std::vector<uint32_t> writer_compile_time_args = {output_cb_index, dst_is_dram};
  auto reader_id =
      CreateKernel(program, dir + "dataflow/reader_bmm_8bank_output_tiles_partitioned.cpp",
                   all_cores,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                      .noc = NOC::RISCV_1_default,
                                      .compile_args = reader_compile_time_args});
  auto writer_id =
      CreateKernel(program, dir + "dataflow/writer_unary_interleaved_start_id.cpp", all_cores,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                      .noc = NOC::RISCV_0_default,
                                      .compile_args = writer_compile_time_args});
  for (const auto &[group, tiles] :
       {std::make_pair(core_group_1, num_output_tiles_per_core_group_1),
        std::make_pair(core_group_2, num_output_tiles_per_core_group_2)}) {
    if (group.ranges().empty())
      continue;
    // bmm.cpp's batch, Mt and Nt loops are one loop over the core's tiles.
    CreateKernel(program, dir + "compute/bmm.cpp", group,
                 ComputeConfig{.math_fidelity = MathFidelity::HiFi4,
                               .compile_args = {1, 1, Kt, tiles}});
  }

  uint32_t num_tiles_written = 0;
  for (const auto &[group, tiles] :
       {std::make_pair(core_group_1, num_output_tiles_per_core_group_1),
        std::make_pair(core_group_2, num_output_tiles_per_core_group_2)}) {
    for (const auto &range : group.ranges()) {
      for (const auto &core : range) {
        SetRuntimeArgs(program, reader_id, core,
                       {static_cast<uint32_t>(A.buffer->address()),
                        static_cast<uint32_t>(B.buffer->address()), Mt, Kt, Nt, Mt * Kt, Kt * Nt,
                        batch, bcast_B, num_tiles_written, tiles, Mt * Nt});
        SetRuntimeArgs(program, writer_id, core,
                       {static_cast<uint32_t>(c_l1->address()), tiles, num_tiles_written});
        num_tiles_written += tiles;
      }
    }
  }

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(cq, workload, false);
  std::vector<uint32_t> result;
  distributed::EnqueueReadMeshBuffer(cq, result, c_l1, true);
  distributed::EnqueueWriteMeshBuffer(cq, C.buffer, result, true);
}

} // namespace tilesplit_kernels::bmm
