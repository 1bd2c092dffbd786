//===- Translate.h - Translating source files into kernel folders ----------===//
//
// The library behind the `tilesplit` tool: a FrontendAction that parses a file,
// lowers its kernels and runs the pipeline, keeping every output in memory; and
// the writer that puts them on disk only once every file succeeded.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_DRIVER_TRANSLATE_H
#define TILESPLIT_DRIVER_TRANSLATE_H

#include "tilesplit/Emit/Emit.h"
#include "tilesplit/Passes/DfgDump.h"
#include "tilesplit/Support/Diagnostics.h"

#include "clang/Tooling/Tooling.h"

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

private:
  std::mutex Lock;
  std::vector<TranslatedKernel> Kernels;
  bool Failed = false;
};

std::unique_ptr<clang::tooling::FrontendActionFactory>
newTranslateActionFactory(const TranslateOptions &Opts, TranslationResults &Results);

/// Writes OutDir/<kernel>/<file> for every kernel, each file atomically
/// (a temporary renamed into place). Fails without writing anything if two
/// kernels share a name or an output would replace one of \p Inputs.
llvm::Error writeKernels(const std::vector<TranslatedKernel> &Kernels,
                         const std::string &OutDir,
                         const std::vector<std::string> &Inputs = {});

} // namespace tilesplit

#endif
