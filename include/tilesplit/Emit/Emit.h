//===- Emit.h - C++ and JSON for a lowered program -------------------------===//
#ifndef TILESPLIT_EMIT_EMIT_H
#define TILESPLIT_EMIT_EMIT_H

#include "tilesplit/Emit/ApiTable.h"
#include "tilesplit/Passes/Program.h"
#include "tilesplit/Passes/Target.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tilesplit {

struct EmitOptions {
  const ApiProfile *Api = nullptr;
  Target T;
  /// clang-format style: "LLVM", "Google", ..., or "file" to search from the
  /// output directory upward for a .clang-format.
  std::string Style = "LLVM";
  std::string StyleSearchPath; // a path inside the output directory
};

struct EmittedFile {
  std::string Name; // relative to the kernel's output folder
  std::string Contents;
};

/// reader.cpp, compute.cpp, writer.cpp (those with work), host.cpp and
/// manifest.json for one kernel, formatted.
llvm::Expected<std::vector<EmittedFile>> emitProgram(const Program &P,
                                                     const EmitOptions &O);

std::string emitDeviceKernel(const Program &P, const DeviceKernel &K,
                             const ApiProfile &A);
std::string emitHost(const Program &P, const EmitOptions &O);
std::string emitManifest(const Program &P, const EmitOptions &O);

/// Formats C++ with clang-format's library.
llvm::Expected<std::string> formatCpp(const std::string &Code,
                                      const std::string &Style,
                                      const std::string &StyleSearchPath);

} // namespace tilesplit

#endif
