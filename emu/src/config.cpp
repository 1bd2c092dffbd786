#include "config.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace tilesplit::emu {

namespace {
std::mutex g_profile_mu;
std::optional<ApiProfile> g_profile;

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != 0) ? v : nullptr;
}
}  // namespace

ApiProfile parse_api_profile(const std::string& name) {
  if (name == "2026-08") return ApiProfile::v2026_08;
  if (name == "2026-02") return ApiProfile::v2026_02;
  throw std::invalid_argument("emu error: unknown API profile '" + name + "' (expected 2026-08 or 2026-02)");
}

const char* api_profile_name(ApiProfile p) { return p == ApiProfile::v2026_02 ? "2026-02" : "2026-08"; }

ApiProfile api_profile() {
  std::lock_guard<std::mutex> lock(g_profile_mu);
  if (!g_profile) {
    const char* v = env("TILESPLIT_EMU_API");
    g_profile = v != nullptr ? parse_api_profile(v) : ApiProfile::v2026_08;
  }
  return *g_profile;
}

void set_api_profile(ApiProfile profile) {
  std::lock_guard<std::mutex> lock(g_profile_mu);
  g_profile = profile;
}

ArchConfig arch_from_env() {
  ArchConfig a;
  const char* name = env("TILESPLIT_EMU_ARCH");
  const std::string arch = name != nullptr ? name : "wormhole_b0";
  if (arch == "wormhole_b0" || arch == "wormhole") {
    a = ArchConfig{"wormhole_b0", 8, 8, 1464 * 1024, 32, 12, std::uint64_t{1} << 30, 32, 16};
  } else if (arch == "blackhole") {
    a = ArchConfig{"blackhole", 13, 10, 1536 * 1024, 64, 8, std::uint64_t{1} << 30, 64, 16};
  } else {
    throw std::invalid_argument("emu error: unknown TILESPLIT_EMU_ARCH '" + arch +
                                "' (expected wormhole_b0 or blackhole)");
  }
  if (const char* grid = env("TILESPLIT_EMU_GRID")) {
    unsigned x = 0, y = 0;
    char sep = 0;
    const std::string g = grid;
    if (std::sscanf(g.c_str(), "%u%c%u", &x, &sep, &y) != 3 || (sep != 'x' && sep != 'X') || x == 0 || y == 0 ||
        x > 16 || y > 16) {
      throw std::invalid_argument("emu error: TILESPLIT_EMU_GRID='" + g + "' is not XxY with 1 <= X, Y <= 16");
    }
    a.grid_x = x;
    a.grid_y = y;
  }
  return a;
}

std::string kernel_compiler() {
  if (const char* v = env("TILESPLIT_EMU_CXX")) return v;
  return TILESPLIT_EMU_DEFAULT_CXX;
}

std::string kernel_cache_dir() {
  if (const char* v = env("TILESPLIT_EMU_CACHE")) return v;
  if (const char* v = env("XDG_CACHE_HOME")) return std::string(v) + "/tilesplit-emu";
  if (const char* v = env("HOME")) return std::string(v) + "/.cache/tilesplit-emu";
  return "/tmp/tilesplit-emu-cache";
}

std::string emu_include_root() {
  if (const char* v = env("TILESPLIT_EMU_INCLUDE")) return v;
  return TILESPLIT_EMU_INCLUDE_ROOT;
}

}  // namespace tilesplit::emu
