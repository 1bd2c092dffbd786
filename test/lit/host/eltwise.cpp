// host.cpp for relu(a + b) * alpha: CBs c_0/c_1/c_16 (2 pages of 2048 B), accessor compile args in kernel order, kernel placement and configs, per-kernel runtime args in each kernel's order.
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t/eltwise/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = relu(a.tile(i) + b.tile(i)) * alpha;
}

// HOST: namespace tilesplit_kernels::eltwise {
// HOST: struct TensorArg {
// HOST-NEXT: std::shared_ptr<MeshBuffer> buffer;
// HOST-NEXT: uint32_t tile_rows;
// HOST-NEXT: uint32_t tile_cols;
// HOST-NEXT: };
// HOST: inline Program create_program(MeshDevice &device, const TensorArg &a, const TensorArg &b, const TensorArg &out, float alpha, const std::string &kernel_dir) {
// HOST-NEXT: Program program = CreateProgram();
// HOST: const uint32_t num_units = (out.tile_rows * out.tile_cols);
// HOST-NEXT: const CoreCoord device_grid = device.compute_with_storage_grid_size();
// HOST-NEXT: const CoreCoord grid = device_grid;
// HOST: split_work_to_cores(grid, num_units);

// HOST: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// HOST-NEXT: CreateCircularBuffer(program, all_cores, CircularBufferConfig(2 * 2048, {{[{][{]}}cb_a, tt::DataFormat::Float16_b}}).set_page_size(cb_a, 2048));
// HOST-NEXT: constexpr uint32_t cb_b = tt::CBIndex::c_1;
// HOST-NEXT: CreateCircularBuffer(program, all_cores, CircularBufferConfig(2 * 2048, {{[{][{]}}cb_b, tt::DataFormat::Float16_b}}).set_page_size(cb_b, 2048));
// HOST-NEXT: constexpr uint32_t cb_out = tt::CBIndex::c_16;
// HOST-NEXT: CreateCircularBuffer(program, all_cores, CircularBufferConfig(2 * 2048, {{[{][{]}}cb_out, tt::DataFormat::Float16_b}}).set_page_size(cb_out, 2048));
// HOST-NOT: CreateCircularBuffer

// HOST: std::vector<uint32_t> reader_compile_args;
// HOST-NEXT: TensorAccessorArgs(*a.buffer).append_to(reader_compile_args);
// HOST-NEXT: TensorAccessorArgs(*b.buffer).append_to(reader_compile_args);
// HOST-NEXT: KernelHandle reader = CreateKernel(program, kernel_dir + "/reader.cpp", all_cores, DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, {{.*}}.compile_args = reader_compile_args});
// HOST-NEXT: KernelHandle compute = CreateKernel(program, kernel_dir + "/compute.cpp", all_cores, ComputeConfig{.math_fidelity = MathFidelity::HiFi4, .fp32_dest_acc_en = false, .math_approx_mode = false});
// HOST-NEXT: std::vector<uint32_t> writer_compile_args;
// HOST-NEXT: TensorAccessorArgs(*out.buffer).append_to(writer_compile_args);
// HOST-NEXT: KernelHandle writer = CreateKernel(program, kernel_dir + "/writer.cpp", all_cores, DataMovementConfig{.processor = DataMovementProcessor::RISCV_0, {{.*}}.compile_args = writer_compile_args});

// HOST: uint32_t unit_begin = 0;
// HOST: SetRuntimeArgs(program, reader, core, {static_cast<uint32_t>(a.buffer->address()), static_cast<uint32_t>(b.buffer->address()), unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, compute, core, {float_bits(alpha), unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, writer, core, {static_cast<uint32_t>(out.buffer->address()), unit_begin, unit_count});
// HOST-NEXT: unit_begin += unit_count;
// HOST: return program;

// HOST: inline void run(MeshDevice &device, const TensorArg &a, const TensorArg &b, const TensorArg &out, float alpha, const std::string &kernel_dir) {
// HOST: distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
// HOST-NEXT: distributed::Finish(device.mesh_command_queue());
// HOST: #ifndef TILESPLIT_NO_MAIN
// HOST: int main(
