// What a Program holds: circular buffers and kernels with their placement and args.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <tt-metalium/circular_buffer_config.hpp>
#include <tt-metalium/core_coord.hpp>
#include <tt-metalium/kernel_types.hpp>
#include <tt-metalium/program.hpp>

namespace tilesplit::emu {

// Which RISC of a core a kernel runs on; one kernel per RISC per core.
enum class Role { brisc = 0, ncrisc = 1, compute = 2 };
const char* role_name(Role r);

using CoreKey = std::pair<std::uint32_t, std::uint32_t>;  // logical (x, y)

struct KernelDef {
  std::string path;         // source file (empty for CreateKernelFromString)
  std::string source;       // source text for CreateKernelFromString
  std::string display_name; // file name used in messages
  std::vector<tt::tt_metal::CoreCoord> cores;
  Role role = Role::brisc;
  std::variant<tt::tt_metal::DataMovementConfig, tt::tt_metal::ComputeConfig> config;
  std::map<CoreKey, std::vector<std::uint32_t>> runtime_args;
  std::vector<std::uint32_t> common_args;
};

struct CbDef {
  std::vector<tt::tt_metal::CoreCoord> cores;
  tt::tt_metal::CircularBufferConfig config;
};

// CreateSemaphore: semaphore `id` on each of `cores`, starting at `initial_value`.
struct SemaphoreDef {
  std::vector<tt::tt_metal::CoreCoord> cores;
  std::uint32_t id = 0;
  std::uint32_t initial_value = 0;
};

}  // namespace tilesplit::emu

namespace tt::tt_metal::detail {
struct ProgramImpl {
  std::vector<tilesplit::emu::KernelDef> kernels;
  std::vector<tilesplit::emu::CbDef> cbs;
  std::vector<tilesplit::emu::SemaphoreDef> semaphores;
};
}  // namespace tt::tt_metal::detail
