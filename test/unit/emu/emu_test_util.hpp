// Helpers for the emulator tests: a device per test, buffers, a standard reader/compute/writer
// program split over a core grid, bf16 data, and error assertions.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>
#include <tt-metalium/tilize_utils.hpp>
#include <tt-metalium/work_split.hpp>
#include "tilesplit_emu/emu.hpp"
#include "tilesplit_emu/stats.hpp"

namespace emu_test {

using namespace tt::tt_metal;
using namespace tt::tt_metal::distributed;
using tilesplit::emu::ApiProfile;

constexpr std::uint32_t kTileBytes = 2048;  // bf16 tile

// A kernel of kernels/ by name; an absolute path is used as it is.
inline std::string kernel(const std::string& name) {
  return name.rfind('/', 0) == 0 ? name : std::string(EMU_TEST_KERNEL_DIR) + "/" + name;
}

// Line (1-based) of the first line of `file` containing `marker`; the broken kernels mark the
// offending call with "// BUG".
inline int line_of(const std::string& file, const std::string& marker = "// BUG") {
  std::ifstream in(kernel(file));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find(marker) != std::string::npos) return n;
  }
  throw std::runtime_error("marker '" + marker + "' not in " + file);
}

struct Device {
  std::shared_ptr<MeshDevice> dev;
  explicit Device(ApiProfile profile = ApiProfile::v2026_08) {
    tilesplit::emu::set_api_profile(profile);
    dev = MeshDevice::create_unit_mesh(0);
  }
  ~Device() { dev->close(); }
  MeshCommandQueue& cq() { return dev->mesh_command_queue(); }
  std::shared_ptr<MeshBuffer> dram(std::uint32_t pages, std::uint32_t page_size = kTileBytes) {
    return MeshBuffer::create(ReplicatedBufferConfig{.size = std::uint64_t{pages} * page_size},
                              DeviceLocalBufferConfig{.page_size = page_size, .buffer_type = BufferType::DRAM},
                              dev.get());
  }
};

inline std::vector<float> random_floats(std::size_t n, float lo, float hi, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> d(lo, hi);
  std::vector<float> v(n);
  for (auto& x : v) x = d(rng);
  return v;
}

inline std::vector<bfloat16> to_bf16(const std::vector<float>& v) { return {v.begin(), v.end()}; }
inline std::vector<float> to_float(const std::vector<bfloat16>& v) {
  std::vector<float> out;
  for (const auto& b : v) out.push_back(b.to_float());
  return out;
}
inline float bf16_round(float f) { return bfloat16(f).to_float(); }

// A reader/compute/writer program over n_tiles tiles, split over `grid` with split_work_to_cores.
// Reader args: {in0_addr, [in1_addr,] start, n}; writer args: {out_addr, start, n}; compute args
// from compute_args(start, n) (default {n}).
struct StreamSpec {
  std::string reader = "reader_binary.cpp";
  std::string compute;
  std::string writer = "writer_unary.cpp";
  std::vector<std::shared_ptr<MeshBuffer>> inputs;
  std::shared_ptr<MeshBuffer> output;
  std::uint32_t n_tiles = 1;
  std::function<std::vector<std::uint32_t>(std::uint32_t start, std::uint32_t n)> compute_args;
  ComputeConfig compute_config{};
  CoreCoord grid{1, 1};
  std::uint32_t cb_pages = 2;
  tt::DataFormat out_format = tt::DataFormat::Float16_b;
};

inline Program make_stream_program(const StreamSpec& s) {
  Program program = CreateProgram();
  auto [num_cores, all_cores, g1, g2, n1, n2] = split_work_to_cores(s.grid, s.n_tiles);
  const std::uint32_t out_page = tt::tile_size(s.out_format);
  for (std::uint32_t cb = 0; cb < s.inputs.size(); ++cb) {
    CreateCircularBuffer(program, all_cores,
                         CircularBufferConfig(s.cb_pages * kTileBytes, {{static_cast<std::uint8_t>(cb), tt::DataFormat::Float16_b}})
                             .set_page_size(static_cast<std::uint8_t>(cb), kTileBytes));
  }
  CreateCircularBuffer(program, all_cores,
                       CircularBufferConfig(s.cb_pages * out_page, {{tt::CBIndex::c_16, s.out_format}})
                           .set_page_size(tt::CBIndex::c_16, out_page));
  std::vector<std::uint32_t> reader_ct, writer_ct;
  for (const auto& in : s.inputs) TensorAccessorArgs(*in).append_to(reader_ct);
  TensorAccessorArgs(*s.output).append_to(writer_ct);
  auto reader = CreateKernel(program, kernel(s.reader), all_cores,
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, .noc = NOC::RISCV_1_default,
                                                .compile_args = reader_ct});
  auto writer = CreateKernel(program, kernel(s.writer), all_cores,
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_0, .noc = NOC::RISCV_0_default,
                                                .compile_args = writer_ct});
  auto compute = CreateKernel(program, kernel(s.compute), all_cores, s.compute_config);
  std::uint32_t start = 0;
  auto assign = [&](const CoreRangeSet& group, std::uint32_t n) {
    for (const auto& core : corerange_to_cores(group)) {
      std::vector<std::uint32_t> rargs;
      for (const auto& in : s.inputs) rargs.push_back(static_cast<std::uint32_t>(in->address()));
      rargs.push_back(start);
      rargs.push_back(n);
      SetRuntimeArgs(program, reader, core, rargs);
      SetRuntimeArgs(program, writer, core, {static_cast<std::uint32_t>(s.output->address()), start, n});
      SetRuntimeArgs(program, compute, core, s.compute_args ? s.compute_args(start, n) : std::vector<std::uint32_t>{n});
      start += n;
    }
  };
  assign(g1, n1);
  assign(g2, n2);
  return program;
}

inline void run_program(Device& d, Program&& program, bool blocking = true) {
  MeshWorkload workload;
  workload.add_program(MeshCoordinateRange(d.dev->shape()), std::move(program));
  EnqueueMeshWorkload(d.cq(), workload, blocking);
  if (!blocking) Finish(d.cq());
}

inline void run_stream(Device& d, const StreamSpec& s) { run_program(d, make_stream_program(s)); }

// Runs `fn`, expects a std::runtime_error whose message contains every one of `parts`.
inline void expect_error(const std::function<void()>& fn, const std::vector<std::string>& parts) {
  try {
    fn();
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    for (const auto& p : parts) EXPECT_NE(what.find(p), std::string::npos) << "missing '" << p << "' in:\n" << what;
    return;
  }
  ADD_FAILURE() << "expected an error";
}

}  // namespace emu_test
