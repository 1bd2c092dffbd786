//===- TestSupport.h - Kernels from source text, for the translator tests --===//
//
// translate() parses C++ source text with Clang (the user header on the include
// path), registers the `#pragma tt` handler, lowers the kernels to tile IR and
// runs the passes up to a chosen stage, all inside the frontend action (the
// passes report diagnostics on the translation unit's engine). Diagnostics are
// printed into a string, as the tool prints them, so tests can look for
// "[tilesplit-<name>]" and fix-its.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_TEST_TRANSLATOR_TESTSUPPORT_H
#define TILESPLIT_TEST_TRANSLATOR_TESTSUPPORT_H

#include "tilesplit/IR/TileIR.h"
#include "tilesplit/Passes/Passes.h"
#include "tilesplit/Passes/Target.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace tilesplit::test {

/// How far translate() runs the pipeline. Each stage includes the ones before.
enum class Stage {
  Frontend, // lowerKernels only
  Metadata,
  Partition,
  Dataflow,
  MemorySpace,
  Split,
  Protocol,
  ComputeInit,
  Bind, // the whole pipeline
};

struct Translation {
  bool ParseOk = false;  // the frontend action ran and Clang reported no error
  bool PassesOk = false; // every requested pass returned true (and lowering produced kernels)
  std::string Diags;     // everything printed, "kernel.cpp:L:C: error: ... [tilesplit-x]"
  unsigned Errors = 0, Warnings = 0;
  std::vector<std::unique_ptr<ir::Kernel>> Kernels;
  std::vector<std::unique_ptr<Program>> Programs; // one per kernel when Stage > Frontend

  /// True if a diagnostic "[tilesplit-<Name>]" was printed.
  bool hasDiag(const std::string &Name) const;
  const ir::Kernel &kernel(size_t I = 0) const { return *Kernels.at(I); }
  Program &program(size_t I = 0) const { return *Programs.at(I); }
};

/// Parses \p Code as "kernel.cpp" and runs the pipeline up to \p Upto for
/// target \p T, with the init model of API profile \p Profile.
Translation translate(const std::string &Code, Stage Upto = Stage::Frontend,
                      const Target &T = Target(), const std::string &Profile = "2026-08");

/// `#include <tilesplit/tile.hpp>` and `using namespace tilesplit;` followed by \p Body.
std::string withHeader(const std::string &Body);

/// A DiagnosticsEngine for calling passes directly on hand-built programs.
class StandaloneDiags {
public:
  StandaloneDiags();
  ~StandaloneDiags();
  clang::DiagnosticsEngine &engine() { return *Engine; }
  std::string text() const { return Out; }
  unsigned errors() const;

private:
  std::string Out;
  std::unique_ptr<llvm::raw_string_ostream> OS;
  std::unique_ptr<clang::DiagnosticConsumer> Consumer;
  std::unique_ptr<clang::DiagnosticsEngine> Engine;
};

/// A device body as text, one line per node: calls spelled through \p Profile
/// ("2026-08" by default), loops as "for (uint32_t i = B; i < E; ++i) {" ... "}",
/// declarations as "const uint32_t m = unit / Nt;". Comments are left out.
std::vector<std::string> renderBody(const std::vector<DevNode> &Nodes,
                                    const std::string &Profile = "2026-08");

/// Only the calls of renderBody, flattened, without loops or declarations.
std::vector<std::string> renderCalls(const std::vector<DevNode> &Nodes,
                                     const std::string &Profile = "2026-08");

/// The DST slot operands of the math calls in \p Nodes (copy_tile's destination,
/// SFPU operands, unary / scalar / fill destinations, FPU destination).
std::vector<unsigned> dstSlotsUsed(const std::vector<DevNode> &Nodes);

} // namespace tilesplit::test

#endif
