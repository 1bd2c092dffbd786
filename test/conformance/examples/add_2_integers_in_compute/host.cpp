// tt-metal's add_2_integers_in_compute example
// (examples/add_2_integers_in_compute/add_2_integers_in_compute.cpp) as a host program in
// tilesplit-run's --program interface: the example's one-tile bf16 CBs c_0, c_1 and c_16, its
// kernels from the tt-metal tree (kernel_dir is its examples/ folder) with the example's RISCs and
// NOCs (the reader on RISCV_1, the writer on RISCV_0), HiFi4 without fp32 accumulation or
// approximation, and its runtime args (none for the compute kernel), on core (0,0). The kernels
// move one tile: the tensors must be 32x32.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>

namespace tilesplit_kernels::add_2_integers_in_compute {

using namespace tt;
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
  if (dst.tile_rows * dst.tile_cols != 1)
    throw std::invalid_argument("add_2_integers_in_compute: its kernels handle one 32x32 tile");
  constexpr CoreCoord core = {0, 0};
  constexpr uint32_t single_tile_size = 2 * 32 * 32;
  constexpr uint32_t num_tiles = 1;
  Program program = CreateProgram();
  auto make_cb_config = [&](CBIndex cb_index) {
    return CircularBufferConfig(num_tiles * single_tile_size, {{cb_index, DataFormat::Float16_b}})
        .set_page_size(cb_index, single_tile_size);
  };
  CreateCircularBuffer(program, core, make_cb_config(CBIndex::c_0));
  CreateCircularBuffer(program, core, make_cb_config(CBIndex::c_1));
  CreateCircularBuffer(program, core, make_cb_config(CBIndex::c_16));

  const std::string dir = kernel_dir + "/add_2_integers_in_compute/kernels/";
  KernelHandle binary_reader_kernel_id =
      CreateKernel(program, dir + "dataflow/reader_binary_1_tile.cpp", core,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                      .noc = NOC::RISCV_1_default});
  KernelHandle unary_writer_kernel_id =
      CreateKernel(program, dir + "dataflow/writer_1_tile.cpp", core,
                   DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                      .noc = NOC::RISCV_0_default});
  KernelHandle eltwise_binary_kernel_id =
      CreateKernel(program, dir + "compute/add_2_tiles.cpp", core,
                   ComputeConfig{.math_fidelity = MathFidelity::HiFi4,
                                 .fp32_dest_acc_en = false,
                                 .math_approx_mode = false});

  SetRuntimeArgs(program, binary_reader_kernel_id, core,
                 {static_cast<uint32_t>(src0.buffer->address()),
                  static_cast<uint32_t>(src1.buffer->address())});
  SetRuntimeArgs(program, eltwise_binary_kernel_id, core, {});
  SetRuntimeArgs(program, unary_writer_kernel_id, core,
                 {static_cast<uint32_t>(dst.buffer->address())});

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::add_2_integers_in_compute
