//===- Translate.h - Translating source files into kernel folders ----------===//
//
// The library behind the `tilesplit` tool: a FrontendAction that parses a file,
// lowers its kernels and runs the pipeline, keeping every output in memory; and
// the outputs to put on disk (with Output.h) once every file succeeded. Also an
// in-memory entry point (translateSource) for tests and the fuzzer.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_DRIVER_TRANSLATE_H
#define TILESPLIT_DRIVER_TRANSLATE_H

#include "tilesplit/Driver/Output.h"
#include "tilesplit/Emit/Emit.h"
#include "tilesplit/Passes/DfgDump.h"
#include "tilesplit/Support/Diagnostics.h"

#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tilesplit {

struct TranslateOptions {
  std::string OnlyKernel;
  EmitOptions Emit;
  DiagOptions Diags;
  bool DumpIR = false; // print the tile IR of each kernel to stdout
  /// Also write <kernel>/dfg.dot or dfg.json, the tile dataflow graph.
  std::optional<DfgFormat> DumpDfg;
  /// --grid: the grid for kernels without a grid(X, Y) clause.
  std::optional<std::pair<unsigned, unsigned>> DefaultGrid;
};

struct TranslatedKernel {
  std::string Name;
  std::string Source;
  std::vector<EmittedFile> Files;
};

/// What a run produced; filled by the actions, possibly from several threads.
class TranslationResults {
public:
  void add(TranslatedKernel K);
  void fail() { Failed = true; }
  bool failed() const { return Failed; }
  std::vector<TranslatedKernel> take();
  /// Files a translation read: its source and every header it included.
  void addInputs(const std::vector<std::string> &Files);
  /// Every input so far, sorted, without duplicates.
  std::vector<std::string> inputs();

private:
  std::mutex Lock;
  std::vector<TranslatedKernel> Kernels;
  std::vector<std::string> Inputs;
  std::atomic<bool> Failed{false};
};

std::unique_ptr<clang::tooling::FrontendActionFactory>
newTranslateActionFactory(const TranslateOptions &Opts, TranslationResults &Results);

/// Adds OutDir/<kernel>/<file> of every kernel to \p Out, which writes all of
/// them or none (Output.h). Fails, adding nothing, if two kernels share a name
/// or an output would replace one of \p Inputs (every file the translation
/// read).
llvm::Error addKernelOutputs(OutputSet &Out, const std::vector<TranslatedKernel> &Kernels,
                             const std::string &OutDir,
                             const std::vector<std::string> &Inputs = {});

/// The paths addKernelOutputs adds, in the same order.
std::vector<std::string> outputPaths(const std::vector<TranslatedKernel> &Kernels,
                                     const std::string &OutDir);

/// A Make-style dependency file, "<targets>: <inputs>", as `cc -MD` writes it,
/// so that a build system (Ninja's or Make's DEPFILE) re-runs the translation
/// when any file it read changes.
std::string depfileText(const std::vector<std::string> &Targets,
                        const std::vector<std::string> &Inputs);

/// The result of translating one source held in memory.
struct SourceTranslation {
  bool Ok = false; // no error from Clang or from tilesplit
  std::vector<TranslatedKernel> Kernels;
};

/// Parses \p Code as the file \p FileName and runs the whole pipeline, keeping
/// every output in memory. \p Args are the compiler arguments (for instance
/// -isystem for the user header, -resource-dir); headers come from the real
/// file system, \p Code itself from memory. Diagnostics are printed to
/// \p DiagOS, or dropped if it is null.
SourceTranslation translateSource(llvm::StringRef Code, llvm::StringRef FileName,
                                  const std::vector<std::string> &Args,
                                  const TranslateOptions &Opts, llvm::raw_ostream *DiagOS);

/// The stack a translation runs on: 64 MB, eight times what the main thread or
/// a pool thread usually gets. tilesplit's own stages stay far within 8 MB
/// (ir::MaxNestingDepth bounds them), but Clang's parser, which runs first,
/// recurses once per nested cast, unary operator or statement, and on 8 MB it
/// overflows at about 780 nested casts, 1,550 unary minuses or 4,200 nested
/// loops, as `clang++ -fsyntax-only` does. On this stack such an input reaches
/// the frontend, which reports it as too deep.
constexpr unsigned TranslationStackBytes = 64u << 20;

/// Runs \p Fn on a thread of its own with TranslationStackBytes of stack, and
/// waits for it. translateSource runs on one; the tool runs each file on one.
void runOnTranslationStack(llvm::function_ref<void()> Fn);

} // namespace tilesplit

#endif
