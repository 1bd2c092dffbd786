// Emulated architecture parameters and process-wide settings (API profile, compiler, cache).
#pragma once

#include <cstdint>
#include <string>

#include "tilesplit_emu/emu.hpp"

namespace tilesplit::emu {

struct ArchConfig {
  std::string name;              // "wormhole_b0" or "blackhole"
  std::uint32_t grid_x = 8;      // worker grid (compute_with_storage_grid_size)
  std::uint32_t grid_y = 8;
  std::uint32_t l1_size = 0;     // bytes per core
  std::uint32_t num_cbs = 32;
  std::uint32_t num_dram_banks = 12;
  std::uint64_t dram_bank_size = 0;  // emulated capacity per bank
  std::uint32_t dram_alignment = 32;
  std::uint32_t l1_alignment = 16;
};

// From $TILESPLIT_EMU_ARCH (default wormhole_b0) and $TILESPLIT_EMU_GRID ("XxY").
ArchConfig arch_from_env();

// Compiler for kernels: $TILESPLIT_EMU_CXX, else the compiler CMake built the emulator with.
std::string kernel_compiler();
// Kernel cache dir: $TILESPLIT_EMU_CACHE, else $XDG_CACHE_HOME/tilesplit-emu, else ~/.cache/tilesplit-emu.
std::string kernel_cache_dir();
// Root of the emulator's kernel headers ($TILESPLIT_EMU_INCLUDE overrides the built-in path).
std::string emu_include_root();

}  // namespace tilesplit::emu
