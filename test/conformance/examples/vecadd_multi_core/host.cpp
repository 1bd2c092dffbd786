// tt-metal's vecadd_multi_core example (examples/vecadd_multi_core/vecadd_multi_core.cpp) as a
// host program in tilesplit-run's --program interface: CBs c_0, c_1 and c_2 of four bf16 tiles on
// every core of the grid, split_work_to_cores (row-major) over the tiles, the example's kernels
// from the tt-metal tree (kernel_dir is its examples/ folder, where the example names them from
// TT_METAL_HOME) on the cores that get work, with its positional and named compile-time args and
// its runtime args (tiles and first tile for each core).
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>
#include <tt-metalium/work_split.hpp>

namespace tilesplit_kernels::vecadd_multi_core {

using namespace tt;
using namespace tt::tt_metal;
using tt::tt_metal::distributed::MeshBuffer;
using tt::tt_metal::distributed::MeshDevice;

struct TensorArg {
  std::shared_ptr<MeshBuffer> buffer;
  uint32_t tile_rows;
  uint32_t tile_cols;
};

inline void run(MeshDevice &device, const TensorArg &a, const TensorArg &b, const TensorArg &c,
                const std::string &kernel_dir) {
  const uint32_t n_tiles = c.tile_rows * c.tile_cols;
  Program program = CreateProgram();
  auto core_grid = device.compute_with_storage_grid_size();
  const uint32_t num_cores_x = core_grid.x, num_cores_y = core_grid.y;
  auto all_device_cores = CoreRange({0, 0}, {num_cores_x - 1, num_cores_y - 1});
  constexpr uint32_t tile_size = 2 * 32 * 32;
  const uint32_t cir_buf_num_title = 4;
  for (CBIndex cb : {CBIndex::c_0, CBIndex::c_1, CBIndex::c_2})
    CreateCircularBuffer(program, all_device_cores,
                         CircularBufferConfig(cir_buf_num_title * tile_size,
                                              {{cb, tt::DataFormat::Float16_b}})
                             .set_page_size(cb, tile_size));

  constexpr bool row_major = true;
  auto [num_cores, all_cores, core_group_1, core_group_2, num_tiles_per_core_group_1,
        num_tiles_per_core_group_2] = split_work_to_cores(core_grid, n_tiles, row_major);
  (void)num_cores;

  std::vector<uint32_t> reader_compile_time_args = {(std::uint32_t)CBIndex::c_0,
                                                    (std::uint32_t)CBIndex::c_1};
  std::unordered_map<std::string, uint32_t> reader_named_compile_time_args = {
      {"c_0", (std::uint32_t)CBIndex::c_0}, {"c_1", (std::uint32_t)CBIndex::c_1}};
  TensorAccessorArgs(*a.buffer).append_to(reader_compile_time_args);
  TensorAccessorArgs(*b.buffer).append_to(reader_compile_time_args);
  std::vector<uint32_t> writer_compile_time_args = {(std::uint32_t)CBIndex::c_2};
  TensorAccessorArgs(*c.buffer).append_to(writer_compile_time_args);
  std::vector<uint32_t> compute_compile_time_args = {
      (std::uint32_t)CBIndex::c_0, (std::uint32_t)CBIndex::c_1, (std::uint32_t)CBIndex::c_2};
  std::unordered_map<std::string, uint32_t> compute_named_compile_time_args = {
      {"c_0", (std::uint32_t)CBIndex::c_0},
      {"c_1", (std::uint32_t)CBIndex::c_1},
      {"c_2", (std::uint32_t)CBIndex::c_2}};

  const std::string dir = kernel_dir + "/vecadd_multi_core/kernels/";
  auto reader = CreateKernel(program, dir + "interleaved_tile_read_multi_core.cpp", all_cores,
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                                .noc = NOC::RISCV_0_default,
                                                .compile_args = reader_compile_time_args,
                                                .named_compile_args = reader_named_compile_time_args});
  auto writer = CreateKernel(program, dir + "tile_write_multi_core.cpp", all_cores,
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                                .noc = NOC::RISCV_1_default,
                                                .compile_args = writer_compile_time_args});
  auto compute = CreateKernel(program, dir + "add_multi_core.cpp", all_cores,
                              ComputeConfig{.math_approx_mode = false,
                                            .compile_args = compute_compile_time_args,
                                            .defines = {},
                                            .named_compile_args = compute_named_compile_time_args});

  uint32_t start_tile_id = 0;
  for (const auto &[group, work_per_core] :
       {std::make_pair(core_group_1, num_tiles_per_core_group_1),
        std::make_pair(core_group_2, num_tiles_per_core_group_2)}) {
    for (const auto &range : group.ranges()) {
      for (const auto &core : range) {
        SetRuntimeArgs(program, reader, core,
                       {static_cast<uint32_t>(a.buffer->address()),
                        static_cast<uint32_t>(b.buffer->address()), work_per_core, start_tile_id});
        SetRuntimeArgs(program, writer, core,
                       {static_cast<uint32_t>(c.buffer->address()), work_per_core, start_tile_id});
        SetRuntimeArgs(program, compute, core, {work_per_core, start_tile_id});
        start_tile_id += work_per_core;
      }
    }
  }

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::vecadd_multi_core
