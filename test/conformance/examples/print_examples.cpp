// tt-metal's programming examples whose result is what they print (DPRINT) or a raw uint16 tile,
// run unmodified on the emulator and checked against what they should print:
//
//   print_examples EXAMPLES_DIR hello_world_compute_kernel
//   print_examples EXAMPLES_DIR hello_world_datamovement_kernel
//   print_examples EXAMPLES_DIR NoC_tile_transfer
//
// EXAMPLES_DIR is the examples/ folder of a tt-metal reference tree; the kernels are read from it
// by path, as the examples' own hosts do with OVERRIDE_KERNEL_PREFIX. Each case runs the example's
// host flow (its cores, CBs, semaphores, kernel configs and args) first as the example does, then
// at other parameters. DPRINT goes to a temporary file (TT_METAL_DPRINT_CORES=all,
// TT_METAL_DPRINT_FILE); each run's lines are grouped by core and RISC, since the RISCs print
// concurrently, and each group must be exactly the lines expected, in order. Exit status 0 when
// every run matches, 1 otherwise, 77 (skipped) when EXAMPLES_DIR does not exist.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

#include "tilesplit_emu/emu.hpp"

namespace {

namespace fs = std::filesystem;
using namespace tt;
using namespace tt::tt_metal;
using distributed::MeshBuffer;
using distributed::MeshDevice;

// Lines printed, keyed by their "0:(x=X,y=Y):RISC:" prefix, in the order each RISC printed them.
using Prints = std::map<std::string, std::vector<std::string>>;

std::string prefix(const CoreCoord &core, const char *risc) {
  return "0:(x=" + std::to_string(core.x) + ",y=" + std::to_string(core.y) + "):" + risc + ":";
}

class Checker {
public:
  explicit Checker(fs::path file) : file_(std::move(file)) {}

  // The lines printed since the last call.
  Prints take() {
    std::ifstream in(file_, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset_));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    offset_ += text.size();
    Prints p;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      // "0:(x=X,y=Y):RISC: text"
      const std::size_t core_end = line.find("):");
      const std::size_t end =
          core_end == std::string::npos ? std::string::npos : line.find(": ", core_end + 2);
      if (end == std::string::npos)
        p["(no prefix)"].push_back(line);
      else
        p[line.substr(0, end + 1)].push_back(line.substr(end + 2));
    }
    return p;
  }

  void expect(const std::string &what, const Prints &want) {
    const Prints got = take();
    if (got == want) {
      std::cout << "ok: " << what << "\n";
      return;
    }
    failed_ = true;
    std::cout << "FAIL: " << what << "\n";
    auto show = [](const char *title, const Prints &p) {
      std::cout << "  " << title << ":\n";
      for (const auto &[who, lines] : p)
        for (const std::string &l : lines)
          std::cout << "    " << who << " " << l << "\n";
    };
    show("expected", want);
    show("printed", got);
  }

  void check(const std::string &what, bool ok, const std::string &detail) {
    std::cout << (ok ? "ok: " : "FAIL: ") << what << (ok ? "" : ": " + detail) << "\n";
    failed_ |= !ok;
  }

  bool failed() const { return failed_; }

private:
  fs::path file_;
  std::size_t offset_ = 0;
  bool failed_ = false;
};

void run_program(MeshDevice &device, Program &&program) {
  distributed::MeshWorkload workload;
  workload.add_program(distributed::MeshCoordinateRange(device.shape()), std::move(program));
  distributed::EnqueueMeshWorkload(device.mesh_command_queue(), workload, false);
  distributed::Finish(device.mesh_command_queue());
}

// hello_world_compute_kernel.cpp: void_compute_kernel.cpp with a default ComputeConfig; each TRISC
// says who it is.
void hello_world_compute(MeshDevice &device, const std::string &examples, Checker &checker) {
  const std::string kernel =
      examples + "/hello_world_compute_kernel/kernels/compute/void_compute_kernel.cpp";
  auto expected = [](const std::vector<CoreCoord> &cores) {
    Prints p;
    for (const CoreCoord &c : cores) {
      p[prefix(c, "TR0")] = {"Hello, I am the UNPACK core running the compute kernel"};
      p[prefix(c, "TR1")] = {"Hello, I am the MATH core running the compute kernel"};
      p[prefix(c, "TR2")] = {"Hello, I am the PACK core running the compute kernel"};
    }
    return p;
  };
  {
    constexpr CoreCoord core = {0, 0};
    Program program = CreateProgram();
    KernelHandle id = CreateKernel(program, kernel, core, ComputeConfig{});
    SetRuntimeArgs(program, id, core, {});
    run_program(device, std::move(program));
    checker.expect("hello_world_compute_kernel on core (0,0)", expected({core}));
  }
  {
    const CoreRange cores({1, 2}, {3, 3});
    Program program = CreateProgram();
    CreateKernel(program, kernel, cores,
                 ComputeConfig{.math_fidelity = MathFidelity::LoFi, .fp32_dest_acc_en = true});
    run_program(device, std::move(program));
    std::vector<CoreCoord> all(cores.begin(), cores.end());
    checker.expect("hello_world_compute_kernel on cores (1,2)-(3,3), LoFi, fp32 DST",
                   expected(all));
  }
}

// hello_world_datamovement_kernel.cpp: void_dataflow_kernel.cpp on both data-movement RISCs; each
// prints its logical coordinates, and DPRINT_DATA0/DATA1 print from the kernel on NOC 0/1.
void hello_world_datamovement(MeshDevice &device, const std::string &examples,
                              Checker &checker) {
  const std::string kernel =
      examples + "/hello_world_datamovement_kernel/kernels/dataflow/void_dataflow_kernel.cpp";
  auto expected = [](const std::vector<CoreCoord> &cores, bool brisc_on_noc0) {
    Prints p;
    for (const CoreCoord &c : cores) {
      const std::string coords = "My logical coordinates are " + std::to_string(c.x) + "," +
                                 std::to_string(c.y);
      auto hello = [](int dm) {
        return "Hello, host, I am running a void data movement kernel on Data Movement core " +
               std::to_string(dm) + ".";
      };
      p[prefix(c, "BR")] = {coords, hello(brisc_on_noc0 ? 0 : 1)};
      p[prefix(c, "NC")] = {coords, hello(brisc_on_noc0 ? 1 : 0)};
    }
    return p;
  };
  auto run = [&](const CoreRange &cores, NOC brisc_noc, NOC ncrisc_noc) {
    Program program = CreateProgram();
    KernelHandle dm0 = CreateKernel(
        program, kernel, cores,
        DataMovementConfig{.processor = DataMovementProcessor::RISCV_0, .noc = brisc_noc});
    KernelHandle dm1 = CreateKernel(
        program, kernel, cores,
        DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, .noc = ncrisc_noc});
    for (const CoreCoord &c : cores) {
      SetRuntimeArgs(program, dm0, c, {});
      SetRuntimeArgs(program, dm1, c, {});
    }
    run_program(device, std::move(program));
  };
  run(CoreRange({0, 0}, {0, 0}), NOC::RISCV_0_default, NOC::RISCV_1_default);
  checker.expect("hello_world_datamovement_kernel on core (0,0)", expected({{0, 0}}, true));
  const CoreRange cores({2, 1}, {4, 2});
  run(cores, NOC::NOC_1, NOC::NOC_0);
  checker.expect("hello_world_datamovement_kernel on cores (2,1)-(4,2), NOCs swapped",
                 expected(std::vector<CoreCoord>(cores.begin(), cores.end()), false));
}

// noc_tile_transfer.cpp: a UInt16 tile from DRAM to core0's c_0, over the NOC into core1's c_1
// under a semaphore handshake, and back to DRAM. The example's tile holds 14 in its first value.
void noc_tile_transfer(MeshDevice &device, const std::string &examples, Checker &checker) {
  const std::string dir = examples + "/NoC_tile_transfer/kernels/dataflow/";
  auto run = [&](CoreCoord core0, CoreCoord core1, const std::vector<uint16_t> &src_vec) {
    distributed::MeshCommandQueue &cq = device.mesh_command_queue();
    Program program = CreateProgram();
    const auto core0_physical_coord = device.worker_core_from_logical_core(core0);
    const auto core1_physical_coord = device.worker_core_from_logical_core(core1);
    const CoreRangeSet sem_cores(std::vector<CoreRange>{CoreRange(core0), CoreRange(core1)});
    constexpr uint32_t single_tile_size = sizeof(uint16_t) * 32 * 32;
    distributed::DeviceLocalBufferConfig dram_config{.page_size = single_tile_size,
                                                     .buffer_type = BufferType::DRAM};
    distributed::ReplicatedBufferConfig buffer_config{.size = single_tile_size};
    auto src_dram_buffer = MeshBuffer::create(buffer_config, dram_config, &device);
    auto dst_dram_buffer = MeshBuffer::create(buffer_config, dram_config, &device);
    const uint32_t sem_id = CreateSemaphore(program, sem_cores, 0);
    distributed::EnqueueWriteMeshBuffer(cq, src_dram_buffer, src_vec, false);
    constexpr uint32_t src0_cb_index = CBIndex::c_0;
    CreateCircularBuffer(
        program, sem_cores,
        CircularBufferConfig(single_tile_size, {{src0_cb_index, tt::DataFormat::UInt16}})
            .set_page_size(src0_cb_index, single_tile_size));
    constexpr uint32_t src1_cb_index = CBIndex::c_1;
    CreateCircularBuffer(
        program, sem_cores,
        CircularBufferConfig(single_tile_size, {{src1_cb_index, tt::DataFormat::UInt16}})
            .set_page_size(src1_cb_index, single_tile_size));
    std::vector<uint32_t> reader_compile_time_args = {src0_cb_index};
    TensorAccessorArgs(*src_dram_buffer).append_to(reader_compile_time_args);
    KernelHandle core0_reader = CreateKernel(program, dir + "reader0.cpp", core0,
                                             ReaderDataMovementConfig{reader_compile_time_args});
    KernelHandle core0_writer = CreateKernel(
        program, dir + "writer0.cpp", core0, WriterDataMovementConfig{{src0_cb_index, src1_cb_index}});
    KernelHandle core1_reader = CreateKernel(
        program, dir + "reader1.cpp", core1, ReaderDataMovementConfig{{src0_cb_index, src1_cb_index}});
    std::vector<uint32_t> writer_compile_time_args = {src1_cb_index};
    TensorAccessorArgs(*dst_dram_buffer).append_to(writer_compile_time_args);
    KernelHandle core1_writer = CreateKernel(program, dir + "writer1.cpp", core1,
                                             WriterDataMovementConfig{writer_compile_time_args});
    SetRuntimeArgs(program, core0_reader, core0, {static_cast<uint32_t>(src_dram_buffer->address())});
    SetRuntimeArgs(program, core0_writer, core0,
                   {static_cast<uint32_t>(core1_physical_coord.x),
                    static_cast<uint32_t>(core1_physical_coord.y), sem_id});
    SetRuntimeArgs(program, core1_reader, core1,
                   {static_cast<uint32_t>(core0_physical_coord.x),
                    static_cast<uint32_t>(core0_physical_coord.y), sem_id});
    SetRuntimeArgs(program, core1_writer, core1, {static_cast<uint32_t>(dst_dram_buffer->address())});
    run_program(device, std::move(program));
    std::vector<uint16_t> result_vec;
    distributed::EnqueueReadMeshBuffer(cq, result_vec, dst_dram_buffer, true);
    return result_vec;
  };
  auto expected = [](CoreCoord core0, CoreCoord core1, uint16_t first) {
    Prints p;
    p[prefix(core0, "NC")] = {"1. READER 0: Reading input data to L1 src0 CB",
                              " > Data in buffer: " + std::to_string(first),
                              "2. READER 0: Data in src0 CB pushed from reader0"};
    p[prefix(core0, "BR")] = {"3. WRITER 0: Data available in src0 CB",
                              "4. WRITER 0: Data sent to core 1 from core 0"};
    p[prefix(core1, "NC")] = {"5. READER 1: Preparing for data transfer",
                              "6. READER 1: Data received and stored in src1"};
    p[prefix(core1, "BR")] = {"7. WRITER 1: Received data",
                              " > Received data from src1: " + std::to_string(first),
                              "8. WRITER 1: Data saved"};
    return p;
  };
  auto check = [&](const std::string &what, CoreCoord core0, CoreCoord core1,
                   const std::vector<uint16_t> &src) {
    const std::vector<uint16_t> result = run(core0, core1, src);
    checker.expect(what + ": prints", expected(core0, core1, src[0]));
    std::size_t bad = 0;
    while (bad < src.size() && bad < result.size() && result[bad] == src[bad])
      ++bad;
    checker.check(what + ": the tile arrives in DRAM", result.size() == src.size() && bad == src.size(),
                  bad < result.size() ? "value " + std::to_string(bad) + " is " +
                                            std::to_string(result[bad]) + ", expected " +
                                            std::to_string(src[bad])
                                      : "read " + std::to_string(result.size()) + " values");
  };
  // As the example: 14 first (it uploads that one value; the rest of the tile is zero here).
  std::vector<uint16_t> src(32 * 32, 0);
  src[0] = 14;
  check("NoC_tile_transfer (0,0) -> (0,1), 14", {0, 0}, {0, 1}, src);
  // Every value of the tile distinct, between cores far apart, the other way round.
  for (std::size_t i = 0; i < src.size(); ++i)
    src[i] = static_cast<uint16_t>(65535 - 61 * i);
  check("NoC_tile_transfer (6,5) -> (1,2), a full tile", {6, 5}, {1, 2}, src);
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: print_examples EXAMPLES_DIR hello_world_compute_kernel|"
                 "hello_world_datamovement_kernel|NoC_tile_transfer\n";
    return 2;
  }
  const std::string examples = argv[1], which = argv[2];
  if (examples.empty() || !fs::is_directory(examples)) {
    std::cout << "skipped: no tt-metal examples at '" << examples
              << "' (set TILESPLIT_TT_METAL_TREE)\n";
    return 77;
  }
  const fs::path file = fs::temp_directory_path() /
                        ("tilesplit-print-examples-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file).close();
  setenv("TT_METAL_DPRINT_CORES", "all", 1);
  setenv("TT_METAL_DPRINT_FILE", file.c_str(), 1);
  unsetenv("TT_METAL_DPRINT_RISCVS");
  unsetenv("TT_METAL_DPRINT_PREPEND_DEVICE_CORE_RISC");
  tilesplit::emu::set_api_profile(tilesplit::emu::ApiProfile::v2026_02);
  Checker checker(file);
  int status = 0;
  try {
    auto device = MeshDevice::create_unit_mesh(0);
    if (which == "hello_world_compute_kernel")
      hello_world_compute(*device, examples, checker);
    else if (which == "hello_world_datamovement_kernel")
      hello_world_datamovement(*device, examples, checker);
    else if (which == "NoC_tile_transfer")
      noc_tile_transfer(*device, examples, checker);
    else {
      std::cerr << "print_examples: unknown example '" << which << "'\n";
      status = 2;
    }
    device->close();
  } catch (const std::exception &e) {
    std::cout << "FAIL: " << e.what() << "\n";
    status = 1;
  }
  std::error_code ec;
  fs::remove(file, ec);
  return status != 0 ? status : checker.failed() ? 1 : 0;
}
