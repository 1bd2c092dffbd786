// Kernel build configuration. The emulator's JIT force-includes a generated prelude that defines
// these macros for each kernel (compile-time args, CB formats, arch, profile); the defaults below
// only let the headers be compiled on their own (e.g. for a syntax check).
#pragma once

#include <cstdint>

#include "hostdevcommon/kernel_structs.h"
#include "tilesplit_emu/data_format.h"
#include "tilesplit_emu/kernel/abi.h"
#include "tilesplit_emu/noc_addr.h"

#ifndef TILESPLIT_EMU_CT_ARGS
#define TILESPLIT_EMU_CT_ARGS         // "a, b, c," (trailing comma) in generated preludes
#define TILESPLIT_EMU_CT_ARG_COUNT 0
#endif
#ifndef TILESPLIT_EMU_NAMED_CT_ARGS
#define TILESPLIT_EMU_NAMED_CT_ARGS   // {"name", value}, ...
#endif
#ifndef TILESPLIT_EMU_CB_FORMATS
#define TILESPLIT_EMU_CB_FORMATS 0xff  // one value per CB index; missing ones are Invalid
#endif
#ifndef NOC_INDEX
#define NOC_INDEX 0
#endif
#ifndef NUM_DRAM_BANKS
#define NUM_DRAM_BANKS 12
#endif
#ifndef NUM_L1_BANKS
#define NUM_L1_BANKS 64
#endif
#ifndef TILESPLIT_EMU_GRID_X
#define TILESPLIT_EMU_GRID_X 8
#endif
#ifndef DRAM_ALIGNMENT
#define DRAM_ALIGNMENT 32
#endif
#ifndef L1_ALIGNMENT
#define L1_ALIGNMENT 16
#endif

#define ALWI inline __attribute__((always_inline))
#define FORCE_INLINE inline __attribute__((always_inline))
#define tt_reg_ptr

// L1 through pointers. On hardware `tt_l1_ptr` marks a pointer into the core's L1, and kernels cast
// L1 addresses to such pointers. Here L1 addresses are offsets into the core's L1, and with Clang on
// x86-64 `tt_l1_ptr` puts the pointee in address space 256, which Clang addresses relative to the
// GS segment; the emulator sets each kernel thread's GS base to its core's L1. So
// `*reinterpret_cast<volatile tt_l1_ptr uint32_t*>(addr) = v` stores into this core's L1 at addr.
// A cast without tt_l1_ptr yields a plain pointer to a low address, which faults (the emulator
// reports the fault as an error of the run).
#if defined(__clang__) && defined(__x86_64__)
#define TILESPLIT_EMU_L1_ADDRESS_SPACE 1
#define tt_l1_ptr __attribute__((address_space(256)))
#else
#define TILESPLIT_EMU_L1_ADDRESS_SPACE 0
#define tt_l1_ptr
#endif

using tt::DataFormat;

constexpr std::uint8_t noc_index = NOC_INDEX;

namespace tilesplit_emu_generated {
static constexpr std::uint8_t cb_formats[NUM_CIRCULAR_BUFFERS_MAX] = {TILESPLIT_EMU_CB_FORMATS};
}  // namespace tilesplit_emu_generated

// Like tt-metal's generated format headers: constant per kernel, from the program's CB configs.
constexpr DataFormat get_dataformat(const std::int32_t operand) {
  return static_cast<DataFormat>(tilesplit_emu_generated::cb_formats[operand]);
}
constexpr std::int32_t get_tile_size(const std::int32_t operand) {
  return static_cast<std::int32_t>(tt::tile_size(get_dataformat(operand)));
}
constexpr std::uint32_t get_tile_hw(const std::int32_t) { return 1024; }
constexpr std::uint32_t get_tile_num_faces(const std::int32_t) { return 4; }

namespace tilesplit_emu {
// Direct access to this core's L1 through a host pointer (kernels may also use tt_l1_ptr pointers).
template <typename T>
inline volatile T* l1_ptr(std::uint32_t addr, std::uint32_t count = 1, std::uint32_t line = __builtin_LINE()) {
  return static_cast<volatile T*>(tilesplit::emu::dev::l1_ptr(addr, count * sizeof(T), line));
}
// The L1 address a pointer into L1 stands for (tt_l1_ptr, or a plain pointer made from an address).
template <typename T>
inline std::uint32_t l1_offset(volatile T* p) {
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p));
}
#if TILESPLIT_EMU_L1_ADDRESS_SPACE
template <typename T>
inline std::uint32_t l1_offset(volatile tt_l1_ptr T* p) {
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p));
}
#endif
}  // namespace tilesplit_emu
