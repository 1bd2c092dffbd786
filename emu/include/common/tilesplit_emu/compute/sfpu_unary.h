// SFPU unary ops in place on a DST tile: `<name>_tile_init()` + `<name>_tile(idst)`. Template args
// differ between tt-metal versions (approximation flags etc.); the emulator computes exact float math
// and accepts any non-type template arguments, except an approximation flag that would ask for
// something else (TILESPLIT_EMU_SFPU_UNARY_EXACT_ONLY; gelu, whose approximation is modelled, has
// its own header).
#pragma once

#include "tilesplit_emu/compute/base.h"

// name##_tile(idst [, vector_mode]) for SfpuOp::name, after name##_tile_init().
#define TILESPLIT_EMU_SFPU_UNARY_TILE(name)                                                              \
  template <auto... Ts>                                                                                  \
  ALWI void name##_tile(std::uint32_t idst, int vector_mode = (int)VectorMode::RC,                      \
                        std::uint32_t line = __builtin_LINE()) {                                        \
    (void)vector_mode;                                                                                   \
    tilesplit::emu::dev::sfpu_unary(SfpuOp::name, SfpuOp::name, idst, 0, #name "_tile", #name "_tile_init()", \
                                    line);                                                               \
  }

// Defines name##_tile_init() and name##_tile(idst [, vector_mode]) for SfpuOp::name.
#define TILESPLIT_EMU_SFPU_UNARY(name)                                                                   \
  namespace ckernel {                                                                                    \
  template <auto... Ts>                                                                                  \
  ALWI void name##_tile_init(std::uint32_t line = __builtin_LINE()) {                                   \
    tilesplit::emu::dev::sfpu_init(SfpuOp::name, #name "_tile_init", line);                              \
  }                                                                                                      \
  TILESPLIT_EMU_SFPU_UNARY_TILE(name)                                                                    \
  }

// Same, for ops whose init takes first the template flag that selects an approximation the emulator
// does not model (exp's approx, sigmoid's, log's and tanh's fast_and_approx; all default to false):
// asking for it is an error rather than an exact result labelled approximate.
#define TILESPLIT_EMU_SFPU_UNARY_EXACT_ONLY(name, flag)                                                  \
  namespace ckernel {                                                                                    \
  template <bool approximate = false, auto... Ts>                                                        \
  ALWI void name##_tile_init(std::uint32_t line = __builtin_LINE()) {                                   \
    if (approximate)                                                                                     \
      tilesplit::emu::dev::not_emulated(#name "_tile_init<" flag " = true>: the approximate " #name,    \
                                        line);                                                           \
    tilesplit::emu::dev::sfpu_init(SfpuOp::name, #name "_tile_init", line);                              \
  }                                                                                                      \
  TILESPLIT_EMU_SFPU_UNARY_TILE(name)                                                                    \
  }

// Same, for ops with one uint32 parameter after idst (relu_max_tile(idst, bits), power_tile(idst, bits)).
#define TILESPLIT_EMU_SFPU_UNARY_PARAM(name)                                                             \
  namespace ckernel {                                                                                    \
  template <auto... Ts>                                                                                  \
  ALWI void name##_tile_init(std::uint32_t line = __builtin_LINE()) {                                   \
    tilesplit::emu::dev::sfpu_init(SfpuOp::name, #name "_tile_init", line);                              \
  }                                                                                                      \
  template <auto... Ts>                                                                                  \
  ALWI void name##_tile(std::uint32_t idst, std::uint32_t param0, std::uint32_t line = __builtin_LINE()) { \
    tilesplit::emu::dev::sfpu_unary(SfpuOp::name, SfpuOp::name, idst, param0, #name "_tile",             \
                                    #name "_tile_init()", line);                                         \
  }                                                                                                      \
  }
