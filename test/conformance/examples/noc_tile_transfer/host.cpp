// tt-metal's NoC_tile_transfer example (examples/NoC_tile_transfer/noc_tile_transfer.cpp) as a host
// program in tilesplit-run's --program interface: cores (0,0) and (0,1), one semaphore on both
// (initially 0), one-tile UInt16 CBs c_0 and c_1 on both, and the example's four kernels from the
// tt-metal tree (kernel_dir is its examples/ folder) with its Reader/WriterDataMovementConfigs,
// compile-time args (CB indices, the DRAM buffers' accessor args) and runtime args (the other
// core's NOC coordinates and the semaphore id). The kernels move one tile: the tensors must be
// 32x32.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

namespace tilesplit_kernels::noc_tile_transfer {

using namespace tt;
using namespace tt::tt_metal;
using tt::tt_metal::distributed::MeshBuffer;
using tt::tt_metal::distributed::MeshDevice;

struct TensorArg {
  std::shared_ptr<MeshBuffer> buffer;
  uint32_t tile_rows;
  uint32_t tile_cols;
};

inline void run(MeshDevice &device, const TensorArg &src, const TensorArg &dst,
                const std::string &kernel_dir) {
  if (dst.tile_rows * dst.tile_cols != 1)
    throw std::invalid_argument("noc_tile_transfer: its kernels move one 32x32 tile");
  Program program = CreateProgram();
  constexpr CoreCoord core0 = {0, 0};
  constexpr CoreCoord core1 = {0, 1};
  const auto core0_physical_coord = device.worker_core_from_logical_core(core0);
  const auto core1_physical_coord = device.worker_core_from_logical_core(core1);
  CoreRange sem_core_range = CoreRange(core0, core1);
  constexpr uint32_t single_tile_size = sizeof(uint16_t) * 32 * 32;
  const uint32_t sem_id = CreateSemaphore(program, sem_core_range, 0);

  constexpr uint32_t src0_cb_index = CBIndex::c_0;
  CreateCircularBuffer(program, sem_core_range,
                       CircularBufferConfig(single_tile_size, {{src0_cb_index, tt::DataFormat::UInt16}})
                           .set_page_size(src0_cb_index, single_tile_size));
  constexpr uint32_t src1_cb_index = CBIndex::c_1;
  CreateCircularBuffer(program, sem_core_range,
                       CircularBufferConfig(single_tile_size, {{src1_cb_index, tt::DataFormat::UInt16}})
                           .set_page_size(src1_cb_index, single_tile_size));

  const std::string dir = kernel_dir + "/NoC_tile_transfer/kernels/dataflow/";
  std::vector<uint32_t> reader_compile_time_args = {src0_cb_index};
  TensorAccessorArgs(*src.buffer).append_to(reader_compile_time_args);
  KernelHandle core0_reader_kernel_id = CreateKernel(
      program, dir + "reader0.cpp", core0, ReaderDataMovementConfig{reader_compile_time_args});
  KernelHandle core0_writer_kernel_id = CreateKernel(
      program, dir + "writer0.cpp", core0, WriterDataMovementConfig{{src0_cb_index, src1_cb_index}});
  KernelHandle core1_reader_kernel_id = CreateKernel(
      program, dir + "reader1.cpp", core1, ReaderDataMovementConfig{{src0_cb_index, src1_cb_index}});
  std::vector<uint32_t> writer_compile_time_args = {src1_cb_index};
  TensorAccessorArgs(*dst.buffer).append_to(writer_compile_time_args);
  KernelHandle core1_writer_kernel_id = CreateKernel(
      program, dir + "writer1.cpp", core1, WriterDataMovementConfig{writer_compile_time_args});

  SetRuntimeArgs(program, core0_reader_kernel_id, core0,
                 {static_cast<uint32_t>(src.buffer->address())});
  SetRuntimeArgs(program, core0_writer_kernel_id, core0,
                 {static_cast<uint32_t>(core1_physical_coord.x),
                  static_cast<uint32_t>(core1_physical_coord.y), sem_id});
  SetRuntimeArgs(program, core1_reader_kernel_id, core1,
                 {static_cast<uint32_t>(core0_physical_coord.x),
                  static_cast<uint32_t>(core0_physical_coord.y), sem_id});
  SetRuntimeArgs(program, core1_writer_kernel_id, core1,
                 {static_cast<uint32_t>(dst.buffer->address())});

  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

} // namespace tilesplit_kernels::noc_tile_transfer
