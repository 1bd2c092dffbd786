// tt-metal's matmul_common kernels for block matmul with data reuse and multicast, driven the way
// tt-metal's matmul_multicore_reuse_mcast example drives them (its host is not in the examples
// folder), as a host program in tilesplit-run's --program interface. The cores_x x cores_y cores
// (at least 2x2) each compute one per_core_M x per_core_N block of C (../blocking.hpp); the left
// column reads A's blocks from DRAM and multicasts them along its row, the top row reads B's and
// multicasts them down its column, under the sender/receiver semaphore handshake:
//   (0,0)                 reader_bmm_tile_layout_in0_sender_in1_sender.cpp     (RISCV_1, NOC 0)
//   rest of the left col  reader_bmm_tile_layout_in0_sender_in1_receiver.cpp   (RISCV_1, NOC 0)
//   rest of the top row   reader_bmm_tile_layout_in0_receiver_in1_sender.cpp   (RISCV_1, NOC 1)
//   the others            reader_bmm_tile_layout_in0_receiver_in1_receiver.cpp (RISCV_1, NOC 1)
//   every core            bmm_large_block_zm.cpp (HiFi4), and writer_bmm_tile_layout.cpp on
//                         RISCV_0, on NOC 1 in the left column and NOC 0 elsewhere;
// the kernels read from the tt-metal tree (kernel_dir is its examples/ folder). A multicast
// rectangle's "start" is its far corner from the sender and "end" the near one, as the kernels
// expect: they swap them for NOC 0. CBs as in ../reuse/host.cpp: c_0 and c_1 hold two blocks,
// c_16 and c_24 share one CB of a whole block. Four semaphores, INVALID at start.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

#include "../blocking.hpp"

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
  const matmul_common_hosts::Blocking blk =
      matmul_common_hosts::choose_blocking(Mt, Nt, Kt, device.compute_with_storage_grid_size());
  const uint32_t per_core_M = blk.per_core_M, per_core_N = blk.per_core_N;
  const uint32_t in0_block_w = blk.in0_block_w;
  const uint32_t out_subblock_h = blk.out_subblock_h, out_subblock_w = blk.out_subblock_w;
  const uint32_t num_blocks = Kt / in0_block_w;

  Program program{};
  const CoreRange all_cores({0, 0}, {blk.cores_x - 1, blk.cores_y - 1});

  matmul_common_hosts::create_block_cbs(program, all_cores, blk);

  const std::string dir = kernel_dir + "/matmul/matmul_common/kernels/";
  std::vector<uint32_t> reader_compile_time_args;
  TensorAccessorArgs(*A.buffer).append_to(reader_compile_time_args);
  TensorAccessorArgs(*B.buffer).append_to(reader_compile_time_args);
  std::vector<uint32_t> writer_compile_time_args;
  TensorAccessorArgs(*C.buffer).append_to(writer_compile_time_args);
  if (blk.cores_x < 2 || blk.cores_y < 2)
    throw std::invalid_argument("matmul_common reuse_mcast: needs at least 2x2 cores of output "
                                "blocks, got " + std::to_string(blk.cores_x) + "x" +
                                std::to_string(blk.cores_y));
  const uint32_t num_cores_c = blk.cores_x, num_cores_r = blk.cores_y;
  const CoreRange left_column({0, 0}, {0, num_cores_r - 1});
  const CoreRange all_except_left_column({1, 0}, {num_cores_c - 1, num_cores_r - 1});
  const CoreRange in0_sender_in1_sender({0, 0}, {0, 0});
  const CoreRange in0_sender_in1_receiver({0, 1}, {0, num_cores_r - 1});
  const CoreRange in0_receiver_in1_sender({1, 0}, {num_cores_c - 1, 0});
  const CoreRange in0_receiver_in1_receiver({1, 1}, {num_cores_c - 1, num_cores_r - 1});
  auto reader = [&](const char *file, const CoreRange &cores, NOC noc) {
    return CreateKernel(program, dir + "dataflow/" + file, cores,
                        DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                           .noc = noc,
                                           .compile_args = reader_compile_time_args});
  };
  auto writer = [&](const CoreRange &cores, NOC noc) {
    return CreateKernel(program, dir + "dataflow/writer_bmm_tile_layout.cpp", cores,
                        DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                           .noc = noc,
                                           .compile_args = writer_compile_time_args});
  };
  auto mm_reader_kernel_in0_sender_in1_sender_id =
      reader("reader_bmm_tile_layout_in0_sender_in1_sender.cpp", in0_sender_in1_sender,
             NOC::RISCV_0_default);
  auto mm_reader_kernel_in0_sender_in1_receiver_id =
      reader("reader_bmm_tile_layout_in0_sender_in1_receiver.cpp", in0_sender_in1_receiver,
             NOC::RISCV_0_default);
  auto mm_reader_kernel_in0_receiver_in1_sender_id =
      reader("reader_bmm_tile_layout_in0_receiver_in1_sender.cpp", in0_receiver_in1_sender,
             NOC::RISCV_1_default);
  auto mm_reader_kernel_in0_receiver_in1_receiver_id =
      reader("reader_bmm_tile_layout_in0_receiver_in1_receiver.cpp", in0_receiver_in1_receiver,
             NOC::RISCV_1_default);
  auto unary_writer_kernel_noc0_id = writer(all_except_left_column, NOC::RISCV_0_default);
  auto unary_writer_kernel_noc1_id = writer(left_column, NOC::RISCV_1_default);

  constexpr uint32_t INVALID = 0;
  const uint32_t in0_mcast_sender_semaphore_id = CreateSemaphore(program, all_cores, INVALID);
  const uint32_t in0_mcast_receiver_semaphore_id = CreateSemaphore(program, all_cores, INVALID);
  const uint32_t in1_mcast_sender_semaphore_id = CreateSemaphore(program, all_cores, INVALID);
  const uint32_t in1_mcast_receiver_semaphore_id = CreateSemaphore(program, all_cores, INVALID);

  const uint32_t in0_num_subblocks = per_core_M / out_subblock_h;
  const uint32_t in0_block_num_tiles = out_subblock_h * in0_block_w * in0_num_subblocks;
  const uint32_t in0_subblock_num_tiles = out_subblock_h * in0_block_w;
  const uint32_t in1_num_subblocks = per_core_N / out_subblock_w;
  const uint32_t in1_block_num_tiles = out_subblock_w * in0_block_w * in1_num_subblocks;
  const uint32_t in1_per_core_w = out_subblock_w * in1_num_subblocks;
  const uint32_t out_subblock_num_tiles = out_subblock_h * out_subblock_w;
  std::vector<uint32_t> compute_kernel_args = {
      in0_block_w,         in0_num_subblocks,      in0_block_num_tiles, in0_subblock_num_tiles,
      in1_num_subblocks,   in1_block_num_tiles,    in1_per_core_w,      num_blocks,
      out_subblock_h,      out_subblock_w,         out_subblock_num_tiles, batch};
  CreateKernel(program, dir + "compute/bmm_large_block_zm.cpp", all_cores,
               ComputeConfig{.math_fidelity = MathFidelity::HiFi4,
                             .compile_args = compute_kernel_args});

  for (uint32_t core_idx_y = 0; core_idx_y < num_cores_r; core_idx_y++) {
    for (uint32_t core_idx_x = 0; core_idx_x < num_cores_c; core_idx_x++) {
      const CoreCoord core = {core_idx_x, core_idx_y};
      const CoreCoord left_core = {0, core.y}, left_core_plus_one = {1, core.y},
                      right_core = {num_cores_c - 1, core.y}, top_core = {core.x, 0},
                      top_core_plus_one = {core.x, 1}, bottom_core = {core.x, num_cores_r - 1};
      const auto left_core_physical = device.worker_core_from_logical_core(left_core);
      const auto left_core_plus_one_physical =
          device.worker_core_from_logical_core(left_core_plus_one);
      const auto right_core_physical = device.worker_core_from_logical_core(right_core);
      const auto top_core_physical = device.worker_core_from_logical_core(top_core);
      const auto top_core_plus_one_physical = device.worker_core_from_logical_core(top_core_plus_one);
      const auto bottom_core_physical = device.worker_core_from_logical_core(bottom_core);
      std::vector<uint32_t> mm_reader_args = {
          static_cast<uint32_t>(A.buffer->address()), // in0_tensor_addr
          Kt * per_core_M * core_idx_y,               // in0_tensor_start_tile_id
          1,                                          // in0_tensor_stride_w
          Kt,                                         // in0_tensor_stride_h
          in0_block_w,                                // in0_tensor_next_block_stride
          in0_block_w,                                // in0_block_w
          per_core_M,                                 // in0_block_h
          in0_block_w * per_core_M,                   // in0_block_num_tiles
          static_cast<uint32_t>(B.buffer->address()), // in1_tensor_addr
          per_core_N * core_idx_x,                    // in1_tensor_start_tile_id
          1,                                          // in1_tensor_stride_w
          Nt,                                         // in1_tensor_stride_h
          in0_block_w * Nt,                           // in1_tensor_next_block_stride
          per_core_N,                                 // in1_block_w
          in0_block_w,                                // in1_block_h
          per_core_N * in0_block_w,                   // in1_block_num_tiles
          num_blocks,                                 // num_blocks
          static_cast<uint32_t>(right_core_physical.x),         // in0_mcast_dest_noc_start_x
          static_cast<uint32_t>(right_core_physical.y),         // in0_mcast_dest_noc_start_y
          static_cast<uint32_t>(left_core_plus_one_physical.x), // in0_mcast_dest_noc_end_x
          static_cast<uint32_t>(left_core_plus_one_physical.y), // in0_mcast_dest_noc_end_y
          num_cores_c - 1,                                      // in0_mcast_num_dests
          static_cast<uint32_t>(left_core_physical.x),          // in0_mcast_sender_noc_x
          static_cast<uint32_t>(left_core_physical.y),          // in0_mcast_sender_noc_y
          in0_mcast_sender_semaphore_id,
          in0_mcast_receiver_semaphore_id,
          static_cast<uint32_t>(bottom_core_physical.x),        // in1_mcast_dest_noc_start_x
          static_cast<uint32_t>(bottom_core_physical.y),        // in1_mcast_dest_noc_start_y
          static_cast<uint32_t>(top_core_plus_one_physical.x),  // in1_mcast_dest_noc_end_x
          static_cast<uint32_t>(top_core_plus_one_physical.y),  // in1_mcast_dest_noc_end_y
          num_cores_r - 1,                                      // in1_mcast_num_dests
          static_cast<uint32_t>(top_core_physical.x),           // in1_mcast_sender_noc_x
          static_cast<uint32_t>(top_core_physical.y),           // in1_mcast_sender_noc_y
          in1_mcast_sender_semaphore_id,
          in1_mcast_receiver_semaphore_id,
          Mt * Kt, // MtKt
          Kt * Nt, // KtNt
          batch,   // batch
          bcast_B}; // bcast_B
      std::vector<uint32_t> writer_args = {
          static_cast<uint32_t>(C.buffer->address()),          // out_tensor_addr
          core_idx_x * per_core_N + core_idx_y * per_core_M * Nt, // out_tensor_start_tile_id
          1,                                                   // out_tensor_stride_w
          Nt,                                                  // out_tensor_stride_h
          out_subblock_w,                                      // out_tensor_next_subblock_stride_w
          out_subblock_h * Nt,                                 // out_tensor_next_subblock_stride_h
          out_subblock_w,                                      // out_subblock_w
          out_subblock_h,                                      // out_subblock_h
          out_subblock_w * out_subblock_h,                     // out_subblock_tile_count
          per_core_N / out_subblock_w,                         // out_num_subblocks_w
          per_core_M / out_subblock_h,                         // out_num_subblocks_h
          Mt * Nt,                                             // MtNt
          batch};                                              // batch
      const bool left = core_idx_x == 0, top = core_idx_y == 0;
      SetRuntimeArgs(program,
                     left && top ? mm_reader_kernel_in0_sender_in1_sender_id
                     : left      ? mm_reader_kernel_in0_sender_in1_receiver_id
                     : top       ? mm_reader_kernel_in0_receiver_in1_sender_id
                                 : mm_reader_kernel_in0_receiver_in1_receiver_id,
                     core, mm_reader_args);
      SetRuntimeArgs(program, left ? unary_writer_kernel_noc1_id : unary_writer_kernel_noc0_id,
                     core, writer_args);
    }
  }

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::bmm
