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
#ifndef DST_ACCUM_MODE
#define DST_ACCUM_MODE false
#endif
#ifndef APPROX
#define APPROX false
#endif

#define ALWI inline __attribute__((always_inline))
#define FORCE_INLINE inline __attribute__((always_inline))
#define tt_l1_ptr
#define tt_reg_ptr

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
// Direct access to this core's L1 (hardware kernels cast the address to a pointer instead).
template <typename T>
inline volatile T* l1_ptr(std::uint32_t addr, std::uint32_t count = 1, std::uint32_t line = __builtin_LINE()) {
  return static_cast<volatile T*>(tilesplit::emu::dev::l1_ptr(addr, count * sizeof(T), line));
}
}  // namespace tilesplit_emu
