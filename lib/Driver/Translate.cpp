//===- Translate.cpp - The translation action and the output writer -------===//
#include "tilesplit/Driver/Translate.h"

#include "tilesplit/Frontend/Frontend.h"
#include "tilesplit/Passes/Passes.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Frontend/Utils.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"

#include <algorithm>
#include <set>

namespace tilesplit {

void TranslationResults::add(TranslatedKernel K) {
  std::lock_guard<std::mutex> G(Lock);
  Kernels.push_back(std::move(K));
}

std::vector<TranslatedKernel> TranslationResults::take() {
  std::lock_guard<std::mutex> G(Lock);
  return std::move(Kernels);
}

void TranslationResults::addInputs(const std::vector<std::string> &Files) {
  std::lock_guard<std::mutex> G(Lock);
  Inputs.insert(Inputs.end(), Files.begin(), Files.end());
}

std::vector<std::string> TranslationResults::inputs() {
  std::lock_guard<std::mutex> G(Lock);
  std::vector<std::string> Sorted = Inputs;
  std::sort(Sorted.begin(), Sorted.end());
  Sorted.erase(std::unique(Sorted.begin(), Sorted.end()), Sorted.end());
  return Sorted;
}

namespace {

class TranslateConsumer : public clang::ASTConsumer {
public:
  TranslateConsumer(const TranslateOptions &Opts, TranslationResults &Results,
                    std::unique_ptr<Diagnoser> Diags, std::unique_ptr<PragmaCollector> Pragmas)
      : Opts(Opts), Results(Results), Diags(std::move(Diags)),
        Pragmas(std::move(Pragmas)) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    if (Diags->hasErrors()) {
      Results.fail();
      return;
    }
    std::vector<ir::Kernel> Kernels = lowerKernels(Ctx, *Pragmas, *Diags, Opts.OnlyKernel);
    if (Diags->hasErrors()) {
      Results.fail();
      return;
    }
    std::vector<TranslatedKernel> Done;
    for (ir::Kernel &K : Kernels) {
      if (!K.Options.Grid)
        K.Options.Grid = Opts.DefaultGrid;
      if (Opts.DumpIR)
        llvm::outs() << ir::dumpKernel(K);
      Program P;
      P.Source = &K;
      Target T = Opts.Emit.T;
      // float32 data keeps its precision only in a 32-bit DST.
      T.Fp32DestAcc |= K.Options.Fp32DestAcc;
      for (const ir::TensorParam &TP : K.Tensors)
        T.Fp32DestAcc |= TP.Format == ir::DataFormat::Float32;
      if (!runPipeline(P, T, Opts.Emit.Api->Inits, *Diags)) {
        Results.fail();
        return;
      }
      auto Files = emitProgram(P, Opts.Emit);
      if (!Files) {
        llvm::errs() << "error: " << llvm::toString(Files.takeError()) << "\n";
        Results.fail();
        return;
      }
      // With the other outputs, so it is written only if everything succeeded.
      if (Opts.DumpDfg)
        Files->push_back({dfgFileName(*Opts.DumpDfg), printDfg(P, *Opts.DumpDfg)});
      Done.push_back({K.Name, K.File, std::move(*Files)});
    }
    for (TranslatedKernel &K : Done)
      Results.add(std::move(K));
  }

private:
  const TranslateOptions &Opts;
  TranslationResults &Results;
  std::unique_ptr<Diagnoser> Diags;
  std::unique_ptr<PragmaCollector> Pragmas;
};

/// Records every file the preprocessor enters, as `-MD` would list it. System
/// headers count: the user header <tilesplit/tile.hpp> is found through
/// -isystem, and a change to it must re-trigger translation.
class InputCollector : public clang::DependencyCollector {
  bool needSystemDependencies() override { return true; }
};

class TranslateAction : public clang::ASTFrontendAction {
public:
  TranslateAction(const TranslateOptions &Opts, TranslationResults &Results)
      : Opts(Opts), Results(Results) {}

  /// Where Clang's "N errors generated." goes (default: stderr, as clang's).
  void setStatsStream(llvm::raw_ostream &OS) { StatsOS = &OS; }

  // Runs before the preprocessor exists, which is when collectors must be added.
  bool BeginInvocation(clang::CompilerInstance &CI) override {
    Inputs = std::make_shared<InputCollector>();
    CI.addDependencyCollector(Inputs);
    if (StatsOS)
      CI.setVerboseOutputStream(*StatsOS);
    return true;
  }

  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    auto Diags = std::make_unique<Diagnoser>(CI.getDiagnostics(), Opts.Diags);
    auto Pragmas = std::make_unique<PragmaCollector>();
    registerPragmaHandler(CI.getPreprocessor(), *Pragmas, *Diags);
    return std::make_unique<TranslateConsumer>(Opts, Results, std::move(Diags),
                                               std::move(Pragmas));
  }

  void EndSourceFileAction() override {
    if (getCompilerInstance().getDiagnostics().hasErrorOccurred())
      Results.fail();
    // Relative to the compile command's directory, which the file system
    // knows and the process may not.
    llvm::vfs::FileSystem &FS = getCompilerInstance().getFileManager().getVirtualFileSystem();
    std::vector<std::string> Files;
    for (const std::string &F : Inputs->getDependencies()) {
      llvm::SmallString<256> Abs(F);
      FS.makeAbsolute(Abs);
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
      Files.push_back(std::string(Abs));
    }
    Results.addInputs(Files);
  }

private:
  const TranslateOptions &Opts;
  TranslationResults &Results;
  std::shared_ptr<InputCollector> Inputs;
  llvm::raw_ostream *StatsOS = nullptr;
};

class TranslateActionFactory : public clang::tooling::FrontendActionFactory {
public:
  TranslateActionFactory(const TranslateOptions &Opts, TranslationResults &Results)
      : Opts(Opts), Results(Results) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<TranslateAction>(Opts, Results);
  }

private:
  const TranslateOptions &Opts;
  TranslationResults &Results;
};

} // namespace

std::unique_ptr<clang::tooling::FrontendActionFactory>
newTranslateActionFactory(const TranslateOptions &Opts, TranslationResults &Results) {
  return std::make_unique<TranslateActionFactory>(Opts, Results);
}

std::vector<std::string> outputPaths(const std::vector<TranslatedKernel> &Kernels,
                                     const std::string &OutDir) {
  std::vector<std::string> Paths;
  for (const TranslatedKernel &K : Kernels)
    for (const EmittedFile &F : K.Files) {
      llvm::SmallString<256> Path(OutDir);
      llvm::sys::path::append(Path, K.Name, F.Name);
      Paths.push_back(std::string(Path));
    }
  return Paths;
}

/// A path as Make reads it: spaces and '#' escaped with a backslash, '$' doubled.
static void printMakePath(llvm::raw_ostream &OS, llvm::StringRef Path) {
  for (char C : Path) {
    if (C == ' ' || C == '#')
      OS << '\\';
    else if (C == '$')
      OS << '$';
    OS << C;
  }
}

std::string depfileText(const std::vector<std::string> &Targets,
                        const std::vector<std::string> &Inputs) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  for (size_t I = 0; I < Targets.size(); ++I) {
    if (I)
      OS << " \\\n ";
    printMakePath(OS, Targets[I]);
  }
  OS << ":";
  for (const std::string &In : Inputs) {
    OS << " \\\n  ";
    printMakePath(OS, In);
  }
  OS << "\n";
  return Text;
}

SourceTranslation translateSource(llvm::StringRef Code, llvm::StringRef FileName,
                                  const std::vector<std::string> &Args,
                                  const TranslateOptions &Opts, llvm::raw_ostream *DiagOS) {
  // The source lives in an in-memory file system laid over the real one, so
  // its #includes still find the user header and the standard library.
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Overlay->pushOverlay(Memory);
  Memory->addFile(FileName, 0, llvm::MemoryBuffer::getMemBufferCopy(Code, FileName));
  auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(),
                                                              Overlay);

  std::vector<std::string> CommandLine = {"tilesplit", "-fsyntax-only"};
  CommandLine.insert(CommandLine.end(), Args.begin(), Args.end());
  CommandLine.push_back(std::string(FileName));

  TranslationResults Results;
  auto Action = std::make_unique<TranslateAction>(Opts, Results);
  Action->setStatsStream(DiagOS ? *DiagOS : llvm::nulls());
  clang::tooling::ToolInvocation Invocation(CommandLine, std::move(Action), Files.get());
  auto DiagOpts = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  clang::TextDiagnosticPrinter Printer(DiagOS ? *DiagOS : llvm::nulls(), DiagOpts.get());
  clang::IgnoringDiagConsumer Ignore;
  if (DiagOS)
    Invocation.setDiagnosticConsumer(&Printer);
  else
    Invocation.setDiagnosticConsumer(&Ignore);

  SourceTranslation Out;
  bool Ran = false;
  runOnTranslationStack([&] { Ran = Invocation.run(); });
  Out.Ok = Ran && !Results.failed();
  Out.Kernels = Results.take();
  return Out;
}

void runOnTranslationStack(llvm::function_ref<void()> Fn) {
  llvm::thread T(std::optional<unsigned>(TranslationStackBytes), [Fn] { Fn(); });
  T.join();
}

llvm::Error addKernelOutputs(OutputSet &Out, const std::vector<TranslatedKernel> &Kernels,
                             const std::string &OutDir,
                             const std::vector<std::string> &Inputs) {
  std::map<std::string, std::string> Seen;
  for (const TranslatedKernel &K : Kernels) {
    auto [It, New] = Seen.emplace(K.Name, K.Source);
    if (!New)
      return llvm::createStringError(
          std::errc::invalid_argument,
          "kernel '%s' is defined in both %s and %s; translate them into different "
          "output directories or use --kernel",
          K.Name.c_str(), It->second.c_str(), K.Source.c_str());
  }
  // The translator only ever reads its inputs: an output directory chosen so
  // that <out>/<kernel>/<file> is a source file must not replace it.
  std::vector<std::string> Paths = outputPaths(Kernels, OutDir);
  for (const std::string &Path : Paths)
    for (const std::string &In : Inputs)
      if (llvm::sys::fs::equivalent(Path, In))
        return llvm::createStringError(
            std::errc::file_exists,
            "writing '%s' would replace the input file '%s'; choose another output "
            "directory",
            Path.c_str(), In.c_str());
  size_t I = 0;
  for (const TranslatedKernel &K : Kernels)
    for (const EmittedFile &F : K.Files)
      Out.add(Paths[I++], F.Contents);
  return llvm::Error::success();
}

} // namespace tilesplit
