// Host API: programs, circular-buffer configs, kernels, runtime args, TensorAccessorArgs.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <tt-metalium/host_api.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>

#include "config.hpp"
#include "program_impl.hpp"
#include "tilesplit_emu/noc_addr.h"

namespace tilesplit::emu {
const char* role_name(Role r) {
  switch (r) {
    case Role::brisc: return "brisc";
    case Role::ncrisc: return "ncrisc";
    case Role::compute: return "compute";
  }
  return "?";
}
}  // namespace tilesplit::emu

namespace tt::tt_metal {

using tilesplit::emu::CbDef;
using tilesplit::emu::KernelDef;
using tilesplit::emu::Role;

namespace {

[[noreturn]] void host_error(const std::string& msg) { throw std::runtime_error("emu error: " + msg); }

std::vector<CoreCoord> cores_of(const CoreSpec& spec) {
  if (const auto* c = std::get_if<CoreCoord>(&spec)) return {*c};
  if (const auto* r = std::get_if<CoreRange>(&spec)) return corerange_to_cores(CoreRangeSet(*r), std::nullopt, true);
  return corerange_to_cores(std::get<CoreRangeSet>(spec), std::nullopt, true);
}

std::string core_str(const CoreCoord& c) { return "(" + std::to_string(c.x) + "," + std::to_string(c.y) + ")"; }

KernelDef& kernel_of(const Program& program, KernelHandle kernel, const char* api) {
  auto& ks = program.impl().kernels;
  if (kernel >= ks.size()) host_error(std::string(api) + ": no kernel with handle " + std::to_string(kernel));
  return ks[kernel];
}

KernelHandle add_kernel(Program& program, KernelDef def, const CoreSpec& core_spec,
                        const std::variant<DataMovementConfig, ComputeConfig, EthernetConfig>& config) {
  if (std::holds_alternative<EthernetConfig>(config)) host_error("CreateKernel: ethernet kernels are not emulated");
  def.cores = cores_of(core_spec);
  if (const auto* dm = std::get_if<DataMovementConfig>(&config)) {
    if (dm->processor != DataMovementProcessor::RISCV_0 && dm->processor != DataMovementProcessor::RISCV_1) {
      host_error("CreateKernel(" + def.display_name + "): only RISCV_0 and RISCV_1 exist on this arch");
    }
    def.role = dm->processor == DataMovementProcessor::RISCV_0 ? Role::brisc : Role::ncrisc;
    def.config = *dm;
  } else {
    def.role = Role::compute;
    def.config = std::get<ComputeConfig>(config);
  }
  // One kernel per RISC per core.
  for (const KernelDef& other : program.impl().kernels) {
    if (other.role != def.role) continue;
    for (const CoreCoord& c : def.cores) {
      if (std::find(other.cores.begin(), other.cores.end(), c) != other.cores.end()) {
        host_error("CreateKernel(" + def.display_name + "): core " + core_str(c) + " already has a " +
                   tilesplit::emu::role_name(def.role) + " kernel (" + other.display_name +
                   "); each core runs one kernel per RISC (RISCV_0, RISCV_1, compute)");
      }
    }
  }
  program.impl().kernels.push_back(std::move(def));
  return static_cast<KernelHandle>(program.impl().kernels.size() - 1);
}

void set_args(const Program& program, KernelHandle kernel, const std::vector<CoreCoord>& cores,
              const std::vector<std::uint32_t>& args) {
  KernelDef& k = kernel_of(program, kernel, "SetRuntimeArgs");
  if (args.size() > max_runtime_args) {
    host_error("SetRuntimeArgs(" + k.display_name + "): " + std::to_string(args.size()) +
               " runtime args, more than the maximum of " + std::to_string(max_runtime_args));
  }
  for (const CoreCoord& c : cores) {
    if (std::find(k.cores.begin(), k.cores.end(), c) == k.cores.end()) {
      host_error("SetRuntimeArgs(" + k.display_name + "): the kernel is not placed on core " + core_str(c));
    }
    k.runtime_args[{static_cast<std::uint32_t>(c.x), static_cast<std::uint32_t>(c.y)}] = args;
  }
}

}  // namespace

// ---- Program ---------------------------------------------------------------------------------------

Program::Program() : impl_(std::make_unique<detail::ProgramImpl>()) {}
Program::~Program() = default;
Program::Program(Program&&) noexcept = default;
Program& Program::operator=(Program&&) noexcept = default;

Program CreateProgram() { return Program(); }

// ---- circular buffers -----------------------------------------------------------------------------

CircularBufferConfig::CircularBufferConfig(std::uint32_t total_size,
                                           const std::map<std::uint8_t, tt::DataFormat>& data_format_spec)
    : total_size_(total_size) {
  for (const auto& [index, format] : data_format_spec) {
    if (index >= kMaxCbs) host_error("CircularBufferConfig: CB index " + std::to_string(index) + " out of range");
    formats_[index] = format;
  }
}

CircularBufferConfig& CircularBufferConfig::set_page_size(std::uint8_t buffer_index, std::uint32_t page_size) {
  if (buffer_index >= kMaxCbs) host_error("set_page_size: CB index " + std::to_string(buffer_index) + " out of range");
  if (!formats_[buffer_index]) {
    host_error("set_page_size: CB " + std::to_string(buffer_index) + " has no data format in this config");
  }
  page_sizes_[buffer_index] = page_size;
  return *this;
}

CircularBufferConfig::Builder& CircularBufferConfig::Builder::set_data_format(tt::DataFormat f) {
  config_.formats_[index_] = f;
  return *this;
}
CircularBufferConfig::Builder& CircularBufferConfig::Builder::set_page_size(std::uint32_t p) {
  config_.page_sizes_[index_] = p;
  return *this;
}

CBHandle CreateCircularBuffer(Program& program, const CoreSpec& core_spec, const CircularBufferConfig& config) {
  const auto arch = tilesplit::emu::arch_from_env();
  bool any = false;
  for (std::uint32_t i = 0; i < CircularBufferConfig::kMaxCbs; ++i) {
    const bool has_format = config.data_formats()[i].has_value();
    if (!has_format) continue;
    any = true;
    if (i >= arch.num_cbs) {
      host_error("CreateCircularBuffer: CB index " + std::to_string(i) + " (c_" + std::to_string(i) + ") but " +
                 arch.name + " has " + std::to_string(arch.num_cbs) + " CBs per core");
    }
    if (!config.page_sizes()[i]) {
      host_error("CreateCircularBuffer: CB c_" + std::to_string(i) + " has no page size (call set_page_size)");
    }
    const std::uint32_t page = *config.page_sizes()[i];
    if (page == 0 || config.total_size() % page != 0 || config.total_size() == 0) {
      host_error("CreateCircularBuffer: CB c_" + std::to_string(i) + ": total size " +
                 std::to_string(config.total_size()) + " is not a positive multiple of the page size " +
                 std::to_string(page));
    }
  }
  if (!any) host_error("CreateCircularBuffer: the config names no CB index (no data format given)");
  CbDef def{cores_of(core_spec), config};
  for (const CoreCoord& c : def.cores) {
    if (c.x >= arch.grid_x || c.y >= arch.grid_y) {
      host_error("CreateCircularBuffer: core " + core_str(c) + " is outside the " + std::to_string(arch.grid_x) + "x" +
                 std::to_string(arch.grid_y) + " worker grid");
    }
  }
  program.impl().cbs.push_back(std::move(def));
  return static_cast<CBHandle>(program.impl().cbs.size());
}

// ---- semaphores ---------------------------------------------------------------------------------------

std::uint32_t CreateSemaphore(Program& program, const std::variant<CoreRange, CoreRangeSet>& core_spec,
                              std::uint32_t initial_value, CoreType core_type) {
  if (core_type != CoreType::WORKER) host_error("CreateSemaphore: only worker (Tensix) cores are emulated");
  const std::vector<CoreCoord> cores = std::holds_alternative<CoreRange>(core_spec)
                                           ? cores_of(std::get<CoreRange>(core_spec))
                                           : cores_of(std::get<CoreRangeSet>(core_spec));
  const auto arch = tilesplit::emu::arch_from_env();
  // The ids in use on any of these cores.
  std::vector<bool> used(tilesplit::emu::kMaxSemaphores, false);
  for (const auto& sem : program.impl().semaphores) {
    for (const CoreCoord& c : cores) {
      if (std::find(sem.cores.begin(), sem.cores.end(), c) != sem.cores.end()) used[sem.id] = true;
    }
  }
  for (const CoreCoord& c : cores) {
    if (c.x >= arch.grid_x || c.y >= arch.grid_y) {
      host_error("CreateSemaphore: core " + core_str(c) + " is outside the " + std::to_string(arch.grid_x) + "x" +
                 std::to_string(arch.grid_y) + " worker grid");
    }
  }
  const auto free_id = std::find(used.begin(), used.end(), false);
  if (free_id == used.end()) {
    host_error("CreateSemaphore: the cores already have " + std::to_string(tilesplit::emu::kMaxSemaphores) +
               " semaphores, the most a core can have");
  }
  const auto id = static_cast<std::uint32_t>(free_id - used.begin());
  program.impl().semaphores.push_back({cores, id, initial_value});
  return id;
}

// ---- kernels ------------------------------------------------------------------------------------------

KernelHandle CreateKernel(Program& program, const std::string& file_name, const CoreSpec& core_spec,
                          const std::variant<DataMovementConfig, ComputeConfig, EthernetConfig>& config) {
  namespace fs = std::filesystem;
  fs::path path = file_name;
  if (path.is_relative() && !fs::exists(path)) {
    if (const char* home = std::getenv("TT_METAL_HOME")) {
      if (fs::exists(fs::path(home) / path)) path = fs::path(home) / path;
    }
  }
  if (!fs::exists(path)) host_error("CreateKernel: kernel file '" + file_name + "' not found");
  KernelDef def;
  def.path = fs::absolute(path).lexically_normal().string();
  def.display_name = path.filename().string();
  return add_kernel(program, std::move(def), core_spec, config);
}

KernelHandle CreateKernelFromString(Program& program, const std::string& kernel_src_code, const CoreSpec& core_spec,
                                    const std::variant<DataMovementConfig, ComputeConfig, EthernetConfig>& config) {
  KernelDef def;
  def.source = kernel_src_code;
  def.display_name = "kernel_from_string_" + std::to_string(program.impl().kernels.size()) + ".cpp";
  return add_kernel(program, std::move(def), core_spec, config);
}

// ---- runtime args -------------------------------------------------------------------------------------

void SetRuntimeArgs(const Program& program, KernelHandle kernel, const CoreSpec& core_spec,
                    std::initializer_list<std::uint32_t> runtime_args) {
  set_args(program, kernel, cores_of(core_spec), std::vector<std::uint32_t>(runtime_args));
}

void SetRuntimeArgs(const Program& program, KernelHandle kernel, const CoreSpec& core_spec,
                    const std::vector<std::uint32_t>& runtime_args) {
  set_args(program, kernel, cores_of(core_spec), runtime_args);
}

void SetRuntimeArgs(const Program& program, KernelHandle kernel, const std::vector<CoreCoord>& core_spec,
                    const std::vector<std::vector<std::uint32_t>>& runtime_args) {
  if (core_spec.size() != runtime_args.size()) {
    host_error("SetRuntimeArgs: " + std::to_string(core_spec.size()) + " cores but " +
               std::to_string(runtime_args.size()) + " arg vectors");
  }
  for (std::size_t i = 0; i < core_spec.size(); ++i) set_args(program, kernel, {core_spec[i]}, runtime_args[i]);
}

void SetCommonRuntimeArgs(const Program& program, KernelHandle kernel, std::initializer_list<std::uint32_t> runtime_args) {
  SetCommonRuntimeArgs(program, kernel, std::vector<std::uint32_t>(runtime_args));
}

void SetCommonRuntimeArgs(const Program& program, KernelHandle kernel, const std::vector<std::uint32_t>& runtime_args) {
  KernelDef& k = kernel_of(program, kernel, "SetCommonRuntimeArgs");
  if (runtime_args.size() > max_runtime_args) {
    host_error("SetCommonRuntimeArgs(" + k.display_name + "): more than " + std::to_string(max_runtime_args) + " args");
  }
  k.common_args = runtime_args;
}

std::vector<std::uint32_t>& GetRuntimeArgs(const Program& program, KernelHandle kernel, const CoreCoord& core) {
  KernelDef& k = kernel_of(program, kernel, "GetRuntimeArgs");
  return k.runtime_args[{static_cast<std::uint32_t>(core.x), static_cast<std::uint32_t>(core.y)}];
}

// ---- TensorAccessorArgs --------------------------------------------------------------------------------

TensorAccessorArgs::TensorAccessorArgs(const Buffer& buffer, tensor_accessor::ArgsConfig config)
    : is_dram_(buffer.is_dram()), aligned_page_size_(static_cast<std::uint32_t>(buffer.aligned_page_size())) {
  if (static_cast<std::uint8_t>(config) != 0) {
    host_error("TensorAccessorArgs: only interleaved buffers with ArgConfig::None are emulated");
  }
}

TensorAccessorArgs TensorAccessorArgs::create_dram_interleaved() {
  TensorAccessorArgs a;
  a.is_dram_ = true;
  return a;
}

TensorAccessorArgs TensorAccessorArgs::create_l1_interleaved() {
  TensorAccessorArgs a;
  a.is_dram_ = false;
  return a;
}

std::vector<std::uint32_t> TensorAccessorArgs::get_compile_time_args() const {
  std::vector<std::uint32_t> out{is_dram_ ? 2u : 0u};
  if (tilesplit::emu::api_profile() == tilesplit::emu::ApiProfile::v2026_08) out.push_back(aligned_page_size_);
  return out;
}

void TensorAccessorArgs::append_to(std::vector<std::uint32_t>& compile_time_args) const {
  const auto a = get_compile_time_args();
  compile_time_args.insert(compile_time_args.end(), a.begin(), a.end());
}

void TensorAccessorArgs::append_to(std::vector<std::uint32_t>& compile_time_args,
                                   std::vector<std::uint32_t>& common_runtime_args) const {
  (void)common_runtime_args;
  append_to(compile_time_args);
}

}  // namespace tt::tt_metal
