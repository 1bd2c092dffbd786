// tt-metal's matmul_common kernels for block matmul with data reuse, driven the way tt-metal's
// matmul_multicore_reuse example drives them (its host is not in the examples folder), as a host
// program in tilesplit-run's --program interface: each core of a cores_x x cores_y range computes
// one per_core_M x per_core_N block of C (../blocking.hpp), with
//   reader_bmm_tile_layout.cpp  (RISCV_1, NOC 1): A and B in blocks in0_block_w tiles deep;
//   bmm_large_block_zm.cpp      (HiFi4): sub-blocks of C accumulated over the blocks, spilled to
//                               c_24 and reloaded between blocks;
//   writer_bmm_tile_layout.cpp  (RISCV_0, NOC 0): the sub-blocks to C;
// the kernels read from the tt-metal tree (kernel_dir is its examples/ folder). CBs: c_0 and c_1
// hold two blocks of A and B; c_16 (the output) and c_24 (the partial sums) share one CB of a
// whole per_core_M x per_core_N block, as one CircularBufferConfig with two indices
// (../blocking.hpp, create_block_cbs).
#include <cstdint>
#include <memory>
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
  auto mm_reader_kernel_id =
      CreateKernel(program, dir + "dataflow/reader_bmm_tile_layout.cpp", all_cores,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                      .noc = NOC::RISCV_1_default,
                                      .compile_args = reader_compile_time_args});
  auto unary_writer_kernel_id =
      CreateKernel(program, dir + "dataflow/writer_bmm_tile_layout.cpp", all_cores,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                      .noc = NOC::RISCV_0_default,
                                      .compile_args = writer_compile_time_args});

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

  for (uint32_t core_idx_y = 0; core_idx_y < blk.cores_y; core_idx_y++) {
    for (uint32_t core_idx_x = 0; core_idx_x < blk.cores_x; core_idx_x++) {
      const CoreCoord core = {core_idx_x, core_idx_y};
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
          Mt * Kt,                                    // MtKt
          Kt * Nt,                                    // KtNt
          batch,                                      // batch
          bcast_B};                                   // bcast_B
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
      SetRuntimeArgs(program, mm_reader_kernel_id, core, mm_reader_args);
      SetRuntimeArgs(program, unary_writer_kernel_id, core, writer_args);
    }
  }

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::bmm
