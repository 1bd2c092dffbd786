// Kernel JIT: compiles a kernel source with the host compiler into a shared object (like tt-metal's
// JIT does for the RISC-V cores), cached by content hash, and loads its entry point.
#pragma once

#include <string>
#include <vector>

#include "tilesplit_emu/emu.hpp"

namespace tilesplit::emu {

struct JitRequest {
  std::string source_path;   // file handed to the compiler
  std::string source_text;   // its contents (part of the cache key)
  std::string display_name;  // for messages
  std::string prelude;       // generated header, force-included (compile-time args, CB formats, ...)
  std::vector<std::string> include_dirs;  // extra -I (compiler_include_paths)
  ApiProfile profile = ApiProfile::v2026_08;
};

using KernelEntry = void (*)();

// Compiles (or finds in the cache) and loads the kernel. Throws std::runtime_error with the
// compiler's output if it does not compile.
KernelEntry jit_compile(const JitRequest& request);

// The compiler flags used for every kernel (without include dirs and the prelude).
const std::vector<std::string>& jit_flags();

}  // namespace tilesplit::emu
