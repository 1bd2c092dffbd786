//===- tilesplit.cpp - The tilesplit command-line tool --------------------===//
//
// A thin driver over the translator library: options, the compilation
// database, and writing the outputs once every source translated cleanly.
//
//   tilesplit [options] <source>... [-- <compiler args>]
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Driver/Translate.h"
#include "tilesplit/Support/ParseValue.h"

#include "clang/Driver/Options.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <cstring>
#include <optional>
#include <set>

using namespace llvm;
using namespace tilesplit;

static cl::OptionCategory Category("tilesplit options");

static cl::extrahelp MoreHelp(R"(
Translates annotated C++ tile kernels (functions with '#pragma tt tile_loop')
into TT-Metalium reader, compute and writer kernels plus a host program and a
manifest, written to <out-dir>/<kernel>/ (the function's name without its
namespaces, so two kernels of one file need different names, or --kernel).

Nothing is written unless every kernel of every file translates: errors are
reported as file:line:col with the source line, a caret and the diagnostic's
name in brackets (docs/diagnostics.md lists them all). Exit status: 0 on
success (warnings allowed), 1 on any error.

The files of a run (every kernel's, --dump-dfg's, --depfile) are written to a
hidden staging directory and renamed into place only once all are complete:
an error (a full disk, an unwritable directory) or SIGINT/SIGTERM leaves none
of them, and earlier outputs as they were.

Compiler flags come after '--', or from <build-path>/compile_commands.json
with -p <build-path> (a file it does not list borrows its neighbour's);
--extra-arg and --extra-arg-before add to either. See docs/integration.md.

Examples:
  tilesplit examples/eltwise.cpp -o out
  tilesplit -p build src/kernels.cpp -o out --kernel=matmul
  tilesplit -p build src/*.cpp -o out -j 8 --extra-arg=-DTILE_DEBUG=1
  tilesplit kernel.cpp -o out -- -DTILE_ROWS=4
  tilesplit kernel.cpp -o out --dump-dfg=dot && dot -Tsvg out/<kernel>/dfg.dot -o dfg.svg
  tilesplit kernel.cpp -o out -- -fdiagnostics-parseable-fixits   # machine-readable fix-its
)");

static cl::opt<std::string> OutputDir("o", cl::desc("Output directory (required)"),
                                      cl::value_desc("out-dir"), cl::cat(Category));
static cl::opt<std::string>
    OnlyKernel("kernel",
               cl::desc("Translate only this kernel: a function name, or one qualified "
                        "with its namespaces (ops::scale; ::scale for the global one) "
                        "to choose between kernels of one name"),
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
            cl::desc("Worker grid to split work over, XxY with X and Y from 1 to "
                     "4294967295 (default: the device's grid; a kernel's grid(X, Y) "
                     "clause takes precedence)"),
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
    Suppress("suppress",
             cl::desc("Silence the named tilesplit warnings (comma-separated); errors "
                      "cannot be silenced"),
             cl::value_desc("name"), cl::CommaSeparated, cl::cat(Category));
static cl::opt<std::string>
    ResourceDir("resource-dir",
                cl::desc("Clang 19 resource directory, for the builtin headers such as "
                         "<stddef.h> (default: found next to tilesplit, then clang 19's "
                         "own; never the database compiler's)"),
                cl::value_desc("dir"), cl::cat(Category));
static cl::opt<bool> PrintResourceDir("print-resource-dir",
                                      cl::desc("Print the resource directory in use and exit"),
                                      cl::cat(Category));
static cl::opt<std::string>
    DepFile("depfile",
            cl::desc("Also write a Make-style dependency file: every file written depends "
                     "on the sources and every header they include (for Ninja's and Make's "
                     "DEPFILE)"),
            cl::value_desc("file"), cl::cat(Category));
static cl::list<std::string> DepFileTargets(
    "depfile-target",
    cl::desc("The target of the --depfile rule, instead of every file written; repeatable. "
             "Ninja wants exactly its rule's outputs, the first one first"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<unsigned> Jobs("j", cl::desc("Translate this many files in parallel "
                                            "(default 1)"),
                              cl::init(1), cl::cat(Category));
static cl::opt<bool> DumpIR("dump-ir", cl::desc("Print each kernel's tile IR"),
                            cl::cat(Category));
static cl::opt<DfgFormat> DumpDfg(
    "dump-dfg",
    cl::desc("Also write each kernel's tile dataflow graph to <out-dir>/<kernel>/"),
    cl::value_desc("format"),
    cl::values(clEnumValN(DfgFormat::Dot, "dot", "dfg.dot, for Graphviz: dot -Tsvg dfg.dot"),
               clEnumValN(DfgFormat::Json, "json", "dfg.json: nodes, edges, loops, compute nodes")),
    cl::cat(Category));
// For the tests of interrupted runs (test/lit/driver/interrupted-*): stop the
// process with SIGSTOP at this point of writing the outputs, so that a test
// can send it a signal exactly there.
static cl::opt<OutputStage> TestStop(
    "test-stop", cl::Hidden, cl::desc("Stop with SIGSTOP at this point of writing the outputs"),
    cl::values(clEnumValN(OutputStage::Staging, "staging", "after staging the first file"),
               clEnumValN(OutputStage::Staged, "staged", "after staging every file"),
               clEnumValN(OutputStage::Publishing, "publishing",
                          "after renaming the first file into place")),
    cl::cat(Category));

static void printVersion(raw_ostream &OS) {
  OS << "tilesplit " << TILESPLIT_VERSION << " (Clang/LLVM " << LLVM_VERSION_STRING
     << ")\n";
}

/// <bin>/../share/tilesplit/include, as an installed or build tree lays it out.
static std::string runtimeIncludeDir(StringRef Exe) {
  SmallString<256> Dir(sys::path::parent_path(Exe));
  sys::path::append(Dir, TILESPLIT_RUNTIME_INCLUDE_RELDIR);
  sys::path::remove_dots(Dir, true);
  return std::string(Dir);
}

/// Clang's builtin headers (<stddef.h>, <stdarg.h>, the intrinsics) come from the
/// resource directory of the Clang that parses, which is the one linked into
/// tilesplit, whatever compiler the database names (g++, another Clang). Left
/// alone, ClangTool derives it from the running binary (<bin>/../lib/clang/N),
/// which holds nothing in a build tree or a plain install, so tilesplit always
/// passes one. Candidates, in order: <bin>/../lib/clang/<major> (tilesplit
/// installed into Clang's prefix), the directory of the Clang tilesplit was
/// built with, and what `clang-<major> -print-resource-dir` says on this machine.
static bool isResourceDir(StringRef Dir) {
  SmallString<256> Probe(Dir);
  sys::path::append(Probe, "include", "stddef.h");
  return !Dir.empty() && sys::fs::exists(Probe);
}

static std::string askClangForResourceDir() {
  std::string Name = "clang-" + std::to_string(LLVM_VERSION_MAJOR);
  auto Clang = sys::findProgramByName(Name);
  if (!Clang)
    return "";
  SmallString<128> OutFile;
  if (sys::fs::createTemporaryFile("tilesplit-resource-dir", "txt", OutFile))
    return "";
  // Not left in the temporary directory if the run is interrupted meanwhile.
  sys::RemoveFileOnSignal(OutFile);
  std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(OutFile), std::nullopt};
  StringRef ArgsRef[] = {*Clang, "-print-resource-dir"};
  int Rc = sys::ExecuteAndWait(*Clang, ArgsRef, std::nullopt, Redirects);
  auto Buf = MemoryBuffer::getFile(OutFile);
  sys::fs::remove(OutFile);
  sys::DontRemoveFileOnSignal(OutFile);
  if (Rc != 0 || !Buf)
    return "";
  return (*Buf)->getBuffer().trim().str();
}

static std::string findResourceDir(StringRef Exe) {
  SmallString<256> NextToTool(sys::path::parent_path(Exe));
  sys::path::append(NextToTool, "..", "lib", "clang", std::to_string(LLVM_VERSION_MAJOR));
  sys::path::remove_dots(NextToTool, true);
  if (isResourceDir(NextToTool))
    return std::string(NextToTool);
  if (isResourceDir(TILESPLIT_CLANG_RESOURCE_DIR))
    return TILESPLIT_CLANG_RESOURCE_DIR;
  std::string Asked = askClangForResourceDir();
  return isResourceDir(Asked) ? Asked : "";
}

/// A database written for GCC may hold flags Clang's driver does not know at all
/// (-fconserve-stack, -fipa-pta). Clang would stop at them with "unknown
/// argument", and they cannot matter to a parse, so they are dropped, as clangd
/// does. Flags Clang knows but rejects for the target still fail.
static clang::tooling::ArgumentsAdjuster dropUnknownArguments() {
  return [](const clang::tooling::CommandLineArguments &Args, StringRef) {
    std::vector<const char *> Argv;
    for (size_t I = 1; I < Args.size(); ++I) {
      if (StringRef(Args[I]).starts_with("--driver-mode=cl"))
        return Args; // cl.exe syntax: another option table
      Argv.push_back(Args[I].c_str());
    }
    unsigned MissingIndex = 0, MissingCount = 0;
    opt::InputArgList Parsed = clang::driver::getDriverOptTable().ParseArgs(
        Argv, MissingIndex, MissingCount, opt::Visibility(clang::driver::options::ClangOption));
    std::set<unsigned> Unknown;
    for (const opt::Arg *A : Parsed.filtered(clang::driver::options::OPT_UNKNOWN))
      Unknown.insert(A->getIndex() + 1); // Argv starts after the compiler's name
    clang::tooling::CommandLineArguments Kept;
    for (size_t I = 0; I < Args.size(); ++I)
      if (!Unknown.count(I))
        Kept.push_back(Args[I]);
    return Kept;
  };
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  cl::SetVersionPrinter(printVersion);

  // With no compilation database and no '--', compile with no extra flags
  // rather than warning that none was found.
  std::vector<const char *> Args(argv, argv + argc);
  bool HasDatabase = false, HasDashDash = false, OnlyPrint = false;
  for (int I = 1; I < argc; ++I) {
    HasDashDash |= std::strcmp(argv[I], "--") == 0;
    HasDatabase |= std::strncmp(argv[I], "-p", 2) == 0 &&
                   std::strncmp(argv[I], "-print", 6) != 0;
    OnlyPrint |= std::strcmp(argv[I], "--print-resource-dir") == 0 ||
                 std::strcmp(argv[I], "-print-resource-dir") == 0;
  }
  if (!HasDashDash && !HasDatabase)
    Args.push_back("--");
  int ArgCount = static_cast<int>(Args.size());

  static int Anchor;
  std::string Exe = sys::fs::getMainExecutable(argv[0], &Anchor);
  // --print-resource-dir needs no source file.
  auto Parser = clang::tooling::CommonOptionsParser::create(
      ArgCount, Args.data(), Category, OnlyPrint ? cl::ZeroOrMore : cl::OneOrMore);
  if (!Parser) {
    errs() << toString(Parser.takeError());
    return 1;
  }
  if (ResourceDir.empty()) {
    ResourceDir = findResourceDir(Exe);
    if (ResourceDir.empty()) {
      errs() << "tilesplit: error: cannot find Clang " << LLVM_VERSION_MAJOR
             << "'s resource directory (builtin headers such as <stddef.h>); "
                "install clang-"
             << LLVM_VERSION_MAJOR << " or pass --resource-dir=<dir>\n";
      return 1;
    }
  } else if (!isResourceDir(ResourceDir)) {
    errs() << "tilesplit: error: --resource-dir '" << ResourceDir
           << "' is not a Clang resource directory (no include/stddef.h in it)\n";
    return 1;
  }
  if (PrintResourceDir) {
    outs() << ResourceDir << "\n";
    return 0;
  }
  if (OutputDir.empty()) {
    errs() << "tilesplit: error: no output directory; use -o <out-dir>\n";
    return 1;
  }
  if (!DepFileTargets.empty() && DepFile.empty()) {
    errs() << "tilesplit: error: --depfile-target needs --depfile\n";
    return 1;
  }

  TranslateOptions Opts;
  Opts.OnlyKernel = OnlyKernel;
  Opts.DumpIR = DumpIR;
  if (DumpDfg.getNumOccurrences())
    Opts.DumpDfg = DumpDfg;
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
    // The same range as a kernel's grid(X, Y) clause: positive and unsigned.
    auto XY = parseXxY(GridOpt, UINT32_MAX);
    if (!XY) {
      errs() << "tilesplit: error: --grid must be XxY with X and Y from 1 to 4294967295, not '"
             << GridOpt << "'\n";
      return 1;
    }
    Opts.DefaultGrid = std::make_pair(unsigned(XY->first), unsigned(XY->second));
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
    // An error means nothing can be written; hiding it would only hide why.
    if (!isWarning(Id)) {
      errs() << "tilesplit: error: --suppress: '" << S
             << "' is an error, not a warning; only warnings can be suppressed\n";
      return 1;
    }
    Opts.Diags.Suppressed.insert(S);
  }

  // Clang 19's SARIF printer crashes when it is not set up by clang's own
  // driver (SarifDocumentWriter::createRun): refuse it with a reason instead.
  for (const std::string &File : Parser->getSourcePathList())
    for (const clang::tooling::CompileCommand &C :
         Parser->getCompilations().getCompileCommands(File))
      for (StringRef A : C.CommandLine) {
        if (A == "-fdiagnostics-format=sarif") {
          errs() << "tilesplit: error: -fdiagnostics-format=sarif is not supported; use "
                    "the default format, msvc or vi, with -fdiagnostics-parseable-fixits "
                    "for machine-readable fix-its\n";
          return 1;
        }
      }

  // One ClangTool per file: files translate independently, in parallel with -j.
  TranslationResults Results;
  auto Factory = newTranslateActionFactory(Opts, Results);
  std::string RuntimeInclude = runtimeIncludeDir(Exe);
  auto TranslateFile = [&](const std::string &File) {
    // ClangTool moves into each compile command's directory. On the default
    // file system that is a process-wide chdir, which parallel files would race
    // on (and a relative -o would follow); a physical file system of its own
    // keeps the working directory per tool.
    clang::tooling::ClangTool Tool(Parser->getCompilations(), {File},
                                   std::make_shared<clang::PCHContainerOperations>(),
                                   vfs::createPhysicalFileSystem());
    Tool.appendArgumentsAdjuster(dropUnknownArguments());
    // Appended last, so these win over the database's: the resource directory
    // must be Clang 19's, and a GCC database may name warnings Clang lacks.
    Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        {"-isystem", RuntimeInclude, "-resource-dir", ResourceDir, "-Wno-unknown-pragmas",
         "-Wno-unknown-warning-option"},
        clang::tooling::ArgumentInsertPosition::END));
    Tool.setPrintErrorMessage(false); // the diagnostics already say what failed
    int Status = 0;
    runOnTranslationStack([&] { Status = Tool.run(Factory.get()); });
    if (Status != 0)
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
  std::vector<TranslatedKernel> Kernels = Results.take();
  // Every file of the run goes through one OutputSet: all of them are written,
  // or none (docs/integration.md, "How the outputs are written").
  OutputSet Out(OutputDir);
  if (TestStop.getNumOccurrences())
    Out.OnStage = [](OutputStage S) {
      if (S == TestStop.getValue())
        ::raise(SIGSTOP);
    };
  // Every file the translation read, headers included, is protected.
  std::vector<std::string> Inputs = Results.inputs();
  if (Error E = addKernelOutputs(Out, Kernels, OutputDir, Inputs)) {
    errs() << "tilesplit: error: " << toString(std::move(E)) << "\n";
    return 1;
  }
  if (!DepFile.empty()) {
    for (const std::string &In : Inputs)
      if (sys::fs::equivalent(DepFile, In)) {
        errs() << "tilesplit: error: --depfile '" << DepFile
               << "' would replace the input file '" << In << "'; choose another path\n";
        return 1;
      }
    for (const std::string &P : outputPaths(Kernels, OutputDir))
      if (OutputSet::sameDestination(DepFile, P)) {
        errs() << "tilesplit: error: --depfile '" << DepFile << "' is also the output '" << P
               << "'; choose another path\n";
        return 1;
      }
    // Targets given are written as given (a build system compares them with its
    // own spelling of its outputs); the files written, as absolute paths.
    std::vector<std::string> Targets(DepFileTargets.begin(), DepFileTargets.end());
    if (Targets.empty()) {
      for (const std::string &T : outputPaths(Kernels, OutputDir)) {
        SmallString<256> Abs(T);
        sys::fs::make_absolute(Abs);
        sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
        Targets.push_back(std::string(Abs));
      }
    }
    // Last, so that it is renamed into place after the files it describes.
    Out.add(DepFile, depfileText(Targets, Inputs));
  }
  if (Error E = Out.commit()) {
    errs() << "tilesplit: error: " << toString(std::move(E)) << "\n";
    return 1;
  }
  return 0;
}
