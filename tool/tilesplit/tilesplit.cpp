//===- tilesplit.cpp - The tilesplit command-line tool --------------------===//
//
// A thin driver over the translator library: options, the compilation
// database, and writing the outputs once every source translated cleanly.
//
//   tilesplit [options] <source>... [-- <compiler args>]
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Driver/Translate.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstring>

using namespace llvm;
using namespace tilesplit;

static cl::OptionCategory Category("tilesplit options");

static cl::extrahelp MoreHelp(R"(
Translates annotated C++ tile kernels (functions with '#pragma tt tile_loop')
into TT-Metalium reader, compute and writer kernels plus a host program and a
manifest, written to <out-dir>/<kernel>/.

Examples:
  tilesplit examples/eltwise.cpp -o out
  tilesplit -p build src/kernels.cpp -o out --kernel=matmul
  tilesplit kernel.cpp -o out -- -DTILE_ROWS=4
)");

static cl::opt<std::string> OutputDir("o", cl::desc("Output directory (required)"),
                                      cl::value_desc("out-dir"), cl::cat(Category));
static cl::opt<std::string> OnlyKernel("kernel", cl::desc("Translate only this kernel"),
                                       cl::value_desc("name"), cl::cat(Category));
static cl::opt<std::string>
    ApiVersion("tt-metal-api",
               cl::desc("Target tt-metal API profile: 2026-08 (default, current main) "
                        "or 2026-02 (early-2026 releases)"),
               cl::init("2026-08"), cl::cat(Category));
static cl::opt<std::string> Arch("arch", cl::desc("Target architecture: wormhole_b0 "
                                                  "(default) or blackhole"),
                                 cl::init("wormhole_b0"), cl::cat(Category));
static cl::opt<std::string>
    GridOpt("grid",
            cl::desc("Worker grid to split work over, XxY (default: the device's grid; "
                     "a kernel's grid(X, Y) clause takes precedence)"),
            cl::value_desc("XxY"), cl::cat(Category));
static cl::opt<bool> Fp32DestAcc("fp32-dest-acc",
                                 cl::desc("Accumulate in 32-bit DST (4 tiles per acquire)"),
                                 cl::cat(Category));
static cl::opt<std::string>
    Style("style",
          cl::desc("clang-format style for the generated C++: LLVM (default), Google, "
                   "..., or 'file' for the .clang-format above the output directory"),
          cl::init("LLVM"), cl::cat(Category));
static cl::opt<bool> WarningsAsErrors("warnings-as-errors",
                                      cl::desc("Treat tilesplit warnings as errors"),
                                      cl::cat(Category));
static cl::list<std::string>
    Suppress("suppress", cl::desc("Suppress the named tilesplit warning"),
             cl::value_desc("name"), cl::CommaSeparated, cl::cat(Category));
static cl::opt<std::string>
    ResourceDir("resource-dir",
                cl::desc("Clang resource directory for builtin headers (default: "
                         "clang 19's)"),
                cl::init(TILESPLIT_CLANG_RESOURCE_DIR), cl::cat(Category));
static cl::opt<unsigned> Jobs("j", cl::desc("Translate this many files in parallel "
                                            "(default 1)"),
                              cl::init(1), cl::cat(Category));
static cl::opt<bool> DumpIR("dump-ir", cl::desc("Print each kernel's tile IR"),
                            cl::cat(Category));

static void printVersion(raw_ostream &OS) {
  OS << "tilesplit " << TILESPLIT_VERSION << " (Clang/LLVM " << LLVM_VERSION_STRING
     << ")\n";
}

/// <bin>/../share/tilesplit/include, as an installed or build tree lays it out.
static std::string runtimeIncludeDir(const char *Argv0) {
  static int Anchor;
  std::string Exe = sys::fs::getMainExecutable(Argv0, &Anchor);
  SmallString<256> Dir(sys::path::parent_path(Exe));
  sys::path::append(Dir, TILESPLIT_RUNTIME_INCLUDE_RELDIR);
  sys::path::remove_dots(Dir, true);
  return std::string(Dir);
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  cl::SetVersionPrinter(printVersion);

  // With no compilation database and no '--', compile with no extra flags
  // rather than warning that none was found.
  std::vector<const char *> Args(argv, argv + argc);
  bool HasDatabase = false, HasDashDash = false;
  for (int I = 1; I < argc; ++I) {
    HasDashDash |= std::strcmp(argv[I], "--") == 0;
    HasDatabase |= std::strncmp(argv[I], "-p", 2) == 0;
  }
  if (!HasDashDash && !HasDatabase)
    Args.push_back("--");
  int ArgCount = static_cast<int>(Args.size());

  auto Parser = clang::tooling::CommonOptionsParser::create(ArgCount, Args.data(),
                                                             Category, cl::OneOrMore);
  if (!Parser) {
    errs() << toString(Parser.takeError());
    return 1;
  }
  if (OutputDir.empty()) {
    errs() << "tilesplit: error: no output directory; use -o <out-dir>\n";
    return 1;
  }

  TranslateOptions Opts;
  Opts.OnlyKernel = OnlyKernel;
  Opts.DumpIR = DumpIR;
  Opts.Emit.Api = findApiProfile(ApiVersion);
  if (!Opts.Emit.Api) {
    errs() << "tilesplit: error: unknown --tt-metal-api '" << ApiVersion
           << "'; known:";
    for (const ApiProfile &P : apiProfiles())
      errs() << ' ' << P.Name;
    errs() << "\n";
    return 1;
  }
  auto T = Target::forArch(Arch);
  if (!T) {
    errs() << "tilesplit: error: unknown --arch '" << Arch
           << "'; expected wormhole_b0 or blackhole\n";
    return 1;
  }
  Opts.Emit.T = *T;
  if (!GridOpt.empty()) {
    unsigned X = 0, Y = 0;
    if (std::sscanf(GridOpt.c_str(), "%ux%u", &X, &Y) != 2 || !X || !Y) {
      errs() << "tilesplit: error: --grid must be XxY with positive X and Y, not '"
             << GridOpt << "'\n";
      return 1;
    }
    Opts.DefaultGrid = std::make_pair(X, Y);
  }
  Opts.Emit.T.Fp32DestAcc = Fp32DestAcc;
  Opts.Emit.Style = Style;
  SmallString<256> StylePath(OutputDir);
  sys::fs::make_absolute(StylePath);
  sys::path::append(StylePath, "generated.cpp");
  Opts.Emit.StyleSearchPath = std::string(StylePath);
  Opts.Diags.WarningsAsErrors = WarningsAsErrors;
  for (const std::string &S : Suppress) {
    diag::ID Id;
    if (!diagFromName(S, Id)) {
      errs() << "tilesplit: error: --suppress: no diagnostic named '" << S << "'\n";
      return 1;
    }
    Opts.Diags.Suppressed.insert(S);
  }

  // One ClangTool per file: files translate independently, in parallel with -j.
  TranslationResults Results;
  auto Factory = newTranslateActionFactory(Opts, Results);
  std::string RuntimeInclude = runtimeIncludeDir(argv[0]);
  auto TranslateFile = [&](const std::string &File) {
    // ClangTool moves to each compile command's directory. On the real file
    // system that is a chdir of the whole process, which races between -j
    // threads (relative paths then resolve against another thread's directory);
    // a physical file system of its own keeps each tool's working directory
    // private, as Clang's AllTUsToolExecutor does.
    clang::tooling::ClangTool Tool(Parser->getCompilations(), {File},
                                   std::make_shared<clang::PCHContainerOperations>(),
                                   llvm::vfs::createPhysicalFileSystem());
    Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        {"-isystem", RuntimeInclude, "-resource-dir", ResourceDir, "-Wno-unknown-pragmas"},
        clang::tooling::ArgumentInsertPosition::END));
    Tool.setPrintErrorMessage(false); // the diagnostics already say what failed
    if (Tool.run(Factory.get()) != 0)
      Results.fail();
  };
  const std::vector<std::string> &Sources = Parser->getSourcePathList();
  if (Jobs <= 1 || Sources.size() == 1) {
    for (const std::string &File : Sources)
      TranslateFile(File);
  } else {
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    for (const std::string &File : Sources)
      Pool.async([&, File] { TranslateFile(File); });
    Pool.wait();
  }
  if (Results.failed())
    return 1;
  if (Error E = writeKernels(Results.take(), OutputDir)) {
    errs() << "tilesplit: error: " << toString(std::move(E)) << "\n";
    return 1;
  }
  return 0;
}
