// Compile-time args (tt-metal: api/compile_time_args.h). The values come from the JIT prelude, so
// get_compile_time_arg_val(i) is a constant expression, and an index past the args the host passed is
// a compile error rather than a silent zero.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "tilesplit_emu/kernel/config.h"

namespace tilesplit_emu_generated {
static constexpr std::uint32_t ct_args[] = {TILESPLIT_EMU_CT_ARGS 0u};
static constexpr std::size_t ct_arg_count = TILESPLIT_EMU_CT_ARG_COUNT;

struct NamedArg {
  const char* name;
  std::uint32_t value;
};
static constexpr NamedArg named_ct_args[] = {TILESPLIT_EMU_NAMED_CT_ARGS{nullptr, 0u}};

constexpr bool str_eq(const char* a, const char* b) {
  while (*a != 0 && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}
// A template, so that a kernel without named args still compiles: the not-found path only fails
// when it is evaluated as a constant.
template <typename = void>
constexpr std::uint32_t named_arg(const char* name) {
  for (const NamedArg& a : named_ct_args) {
    if (a.name == nullptr) break;
    if (str_eq(a.name, name)) return a.value;
  }
  // Not found: fails the constant evaluation, i.e. the kernel does not compile.
  throw "named compile-time arg not set by the host";
}
}  // namespace tilesplit_emu_generated

template <std::size_t Idx>
constexpr std::uint32_t get_ct_arg() {
  static_assert(Idx < tilesplit_emu_generated::ct_arg_count,
                "get_compile_time_arg_val: index past the compile-time args the host passed");
  return tilesplit_emu_generated::ct_args[Idx];
}

#define get_compile_time_arg_val(arg_idx) get_ct_arg<(arg_idx)>()
#define get_named_compile_time_arg_val(name) (std::integral_constant<std::uint32_t, tilesplit_emu_generated::named_arg<>(name)>::value)
