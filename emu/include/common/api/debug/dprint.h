// Device debug print (tt-metal: api/debug/dprint.h), on the emulator: `DPRINT << ... << ENDL();`.
//
// As in tt-metal, printing is on only when the host sets TT_METAL_DPRINT_CORES (the JIT then defines
// DEBUG_PRINT_ENABLED); otherwise `DPRINT` is `if (0) DebugPrinter()`, which still type-checks every
// operand. Accepted operands are tt-metal's: strings, char, 8- to 64-bit integers, float, pointers
// (printed as their 32-bit address), BF16(), F32(), U32(), U32_ARRAY(), and the manipulators
// ENDL(), SETW(), SETPRECISION(), FIXED(), DEFAULTFLOAT(), HEX(), OCT(), DEC(). Anything else
// (bool, double, tile slices) does not compile. Formatting follows tt-metal's print server, whose
// stream state (hex, precision, ...) persists across statements of a kernel. A line goes out at each
// ENDL() or newline, prefixed "0:(x=X,y=Y):RISC: ". In a compute kernel a plain DPRINT prints once for
// each of the three TRISCs (TR0, TR1, TR2), as each of them runs the kernel; DPRINT_UNPACK/MATH/PACK
// print from one. DPRINT_DATA0/DATA1 print from a data-movement kernel on NOC 0/1.
#pragma once

#include <cstdint>
#include <cstring>
#include <iomanip>
#include <sstream>
#include <string>
#include <type_traits>

#include "tilesplit_emu/kernel/config.h"

#if defined(DEBUG_PRINT_ENABLED) && !defined(FORCE_DPRINT_OFF)
#define DPRINT DebugPrinter()
#else
#define DPRINT \
  if (0)       \
  DebugPrinter()
#endif

namespace tilesplit_emu_dprint {
// The RISC a DPRINT_UNPACK/MATH/PACK block prints as (nullptr: the kernel's own).
inline const char*& current_risc() {
  static thread_local const char* risc = nullptr;
  return risc;
}
struct RiscScope {
  explicit RiscScope(const char* risc) { current_risc() = risc; }
  ~RiscScope() { current_risc() = nullptr; }
};
// The print server's stream for this kernel: text of the current line and formatting state.
inline std::ostringstream& stream() {
  static thread_local std::ostringstream s;
  return s;
}
// Sends every completed line of the stream.
inline void flush_lines() {
  std::string text = stream().str();
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
    tilesplit::emu::dev::dprint_line(text.substr(start, nl + 1 - start).c_str(), current_risc());
  }
  if (start > 0) {
    stream().str(text.substr(start));
    stream().seekp(0, std::ios_base::end);
  }
}
}  // namespace tilesplit_emu_dprint

#if defined(COMPILE_FOR_TRISC)
#define TILESPLIT_EMU_DPRINT_AS(risc, x)                     \
  do {                                                       \
    tilesplit_emu_dprint::RiscScope tilesplit_emu_risc_(risc); \
    x;                                                       \
  } while (0)
#define DPRINT_UNPACK(x) TILESPLIT_EMU_DPRINT_AS("TR0", x)
#define DPRINT_MATH(x) TILESPLIT_EMU_DPRINT_AS("TR1", x)
#define DPRINT_PACK(x) TILESPLIT_EMU_DPRINT_AS("TR2", x)
#else
#define DPRINT_UNPACK(x)
#define DPRINT_MATH(x)
#define DPRINT_PACK(x)
#endif

#if defined(COMPILE_FOR_BRISC) || defined(COMPILE_FOR_NCRISC)
#define DPRINT_DATA0(x)   \
  if (noc_index == 0) { \
    x;                  \
  }
#define DPRINT_DATA1(x)   \
  if (noc_index == 1) { \
    x;                  \
  }
#else
#define DPRINT_DATA0(x)
#define DPRINT_DATA1(x)
#endif

struct BF16 {
  std::uint16_t val;
  BF16(std::uint16_t v) : val(v) {}
};
struct F32 {
  float val;
  F32(float v) : val(v) {}
};
struct U32 {
  std::uint32_t val;
  U32(std::uint32_t v) : val(v) {}
};
struct ENDL {
  char tmp;
};
struct SETPRECISION {
  char p;
  SETPRECISION(char pa) : p(pa) {}
};
struct FIXED {
  char tmp;
};
struct DEFAULTFLOAT {
  char tmp;
};
struct HEX {
  char tmp;
};
struct OCT {
  char tmp;
};
struct DEC {
  char tmp;
};
struct SETW {
  char w;
  SETW(char wa) : w(wa) {}
};
struct U32_ARRAY {
  std::uint32_t* ptr;
  std::uint32_t len;
  U32_ARRAY(std::uint32_t* p, std::uint32_t l) : ptr(p), len(l) {}
};

struct DebugPrinter {};

namespace tilesplit_emu_dprint {
template <typename T>
inline DebugPrinter put(DebugPrinter dp, const T& v) {
  stream() << v;
  return dp;
}
template <typename T>
constexpr bool is_printable_integer =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> && sizeof(T) <= 8;
}  // namespace tilesplit_emu_dprint

inline DebugPrinter operator<<(DebugPrinter dp, const char* s) {
  tilesplit_emu_dprint::put(dp, s);
  tilesplit_emu_dprint::flush_lines();
  return dp;
}
inline DebugPrinter operator<<(DebugPrinter dp, char* s) { return dp << static_cast<const char*>(s); }
inline DebugPrinter operator<<(DebugPrinter dp, char c) {
  tilesplit_emu_dprint::put(dp, c);
  if (c == '\n') tilesplit_emu_dprint::flush_lines();
  return dp;
}
// Integers print as numbers (8-bit ones too), like the host print server prints them.
template <typename T, std::enable_if_t<tilesplit_emu_dprint::is_printable_integer<T>, int> = 0>
inline DebugPrinter operator<<(DebugPrinter dp, T v) {
  if constexpr (sizeof(T) == 1) {
    return tilesplit_emu_dprint::put(dp, std::is_signed_v<T> ? static_cast<int>(v) : static_cast<int>(static_cast<unsigned>(v)));
  } else {
    return tilesplit_emu_dprint::put(dp, v);
  }
}
inline DebugPrinter operator<<(DebugPrinter dp, float v) { return tilesplit_emu_dprint::put(dp, v); }
inline DebugPrinter operator<<(DebugPrinter dp, F32 v) { return tilesplit_emu_dprint::put(dp, v.val); }
inline DebugPrinter operator<<(DebugPrinter dp, U32 v) { return tilesplit_emu_dprint::put(dp, v.val); }
inline DebugPrinter operator<<(DebugPrinter dp, BF16 v) {
  const std::uint32_t bits = std::uint32_t{v.val} << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return tilesplit_emu_dprint::put(dp, f);
}
inline DebugPrinter operator<<(DebugPrinter dp, ENDL) { return dp << '\n'; }
inline DebugPrinter operator<<(DebugPrinter dp, SETW v) {
  tilesplit_emu_dprint::stream() << std::setw(v.w);
  return dp;
}
inline DebugPrinter operator<<(DebugPrinter dp, SETPRECISION v) {
  tilesplit_emu_dprint::stream() << std::setprecision(v.p);
  return dp;
}
inline DebugPrinter operator<<(DebugPrinter dp, FIXED) {
  tilesplit_emu_dprint::stream() << std::fixed;
  return dp;
}
inline DebugPrinter operator<<(DebugPrinter dp, DEFAULTFLOAT) {
  tilesplit_emu_dprint::stream() << std::defaultfloat;
  return dp;
}
inline DebugPrinter operator<<(DebugPrinter dp, HEX) {
  tilesplit_emu_dprint::stream() << std::hex;
  return dp;
}
inline DebugPrinter operator<<(DebugPrinter dp, OCT) {
  tilesplit_emu_dprint::stream() << std::oct;
  return dp;
}
inline DebugPrinter operator<<(DebugPrinter dp, DEC) {
  tilesplit_emu_dprint::stream() << std::dec;
  return dp;
}
// As the print server shows a raw array: each word in hex, "0x..." and a space.
inline DebugPrinter operator<<(DebugPrinter dp, U32_ARRAY a) {
  std::ostringstream& s = tilesplit_emu_dprint::stream();
  for (std::uint32_t i = 0; i < a.len; ++i) s << std::hex << "0x" << a.ptr[i] << " ";
  return dp;
}
// A pointer prints as the 32-bit address it holds (an L1 address for an L1 pointer).
template <typename T, std::enable_if_t<!std::is_same_v<std::remove_cv_t<T>, char>, int> = 0>
inline DebugPrinter operator<<(DebugPrinter dp, T* p) {
  return dp << static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p));
}
#if TILESPLIT_EMU_L1_ADDRESS_SPACE
template <typename T>
inline DebugPrinter operator<<(DebugPrinter dp, tt_l1_ptr T* p) {
  return dp << static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p));
}
#endif
// What tt-metal's DPRINT does not accept does not compile here either.
inline DebugPrinter operator<<(DebugPrinter, bool) = delete;
inline DebugPrinter operator<<(DebugPrinter, double) = delete;
