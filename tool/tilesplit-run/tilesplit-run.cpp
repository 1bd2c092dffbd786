//===- tilesplit-run.cpp - Translate, run on the emulator, compare --------===//
//
//   tilesplit-run <source.cpp> [--kernel=<name>] --tensor A=256x128 ...
//                 [--scalar alpha=0.5] [--seed N] [--grid XxY] [--range LO:HI]
//                 [--special-values[=RATE]] [-p <build-path>] [--extra-arg=<arg>]
//                 [-- <compiler args>]
//
// Translates the kernel, builds its host program against the emulator with a
// small generated glue, runs the annotated kernel itself on the CPU as the
// reference, runs the generated program on the emulator, and compares every
// output. Exit status 0 only when all outputs are within tolerance.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Support/ParseValue.h"

#include "clang/Tooling/CompilationDatabase.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <optional>

#include <signal.h>

using namespace llvm;

extern char **environ;

static cl::OptionCategory Category("tilesplit-run options");

static cl::extrahelp MoreHelp(R"(
Inputs are filled with seeded uniform random values in --range (default -1:1),
rounded to each tensor's format; scalars not given default to 0.5. With
--special-values, a fraction RATE of the input elements (default 0.05) are
instead NaN, +-inf, +-0 or subnormals (docs/emulator.md#special-values).

Tolerances (per output value, dev = emulator, ref = CPU reference):
  elementwise kernels   |dev - ref| <= 0.01 + 0.02 * |ref|                     and Pearson >= 0.999
  accumulating kernels  |dev - ref| <= 0.05 + 0.05 * |ref| + 0.02 * max|ref|  and Pearson >= 0.99
(a kernel accumulates when it has a reduce loop; --tolerance overrides)
(a value within a few bf16 ulps passes; NaN matches NaN, inf matches inf).

Example:
  tilesplit-run examples/eltwise.cpp --tensor a=256x256 --tensor b=256x256 \
      --tensor out=256x256 --scalar alpha=0.5
)");

static cl::opt<std::string> Source(cl::Positional, cl::desc("<source.cpp>"), cl::Required,
                                   cl::cat(Category));
static cl::opt<std::string> Kernel("kernel", cl::desc("The kernel to run (needed when "
                                                      "the file has several)"),
                                   cl::value_desc("name"), cl::cat(Category));
static cl::list<std::string> Tensors("tensor", cl::desc("A tensor's size in elements "
                                                        "(multiples of 32)"),
                                     cl::value_desc("NAME=ROWSxCOLS"), cl::cat(Category));
static cl::list<std::string> Scalars("scalar", cl::desc("A scalar parameter's value"),
                                     cl::value_desc("NAME=VALUE"), cl::cat(Category));
static cl::opt<unsigned> Seed("seed", cl::desc("Seed of the random inputs"), cl::init(1),
                              cl::cat(Category));
static cl::opt<std::string> Grid("grid", cl::desc("Emulated worker grid, 1 <= X, Y <= 16 "
                                                  "(default: the arch's full grid)"),
                                 cl::value_desc("XxY"), cl::cat(Category));
static cl::opt<std::string> Range("range", cl::desc("Range of the random inputs"),
                                  cl::value_desc("LO:HI"), cl::init("-1:1"),
                                  cl::cat(Category));
static cl::opt<std::string> SpecialValues(
    "special-values", cl::ValueOptional, cl::value_desc("RATE"),
    cl::desc("Make this fraction of the input elements (0 to 1; 0.05 when no RATE is given) "
             "NaN, +-inf, +-0 or subnormal values instead of random ones"),
    cl::cat(Category));
static cl::opt<std::string> Api("tt-metal-api", cl::desc("API profile to generate and "
                                                         "emulate (2026-08 or 2026-02)"),
                                cl::init("2026-08"), cl::cat(Category));
static cl::opt<std::string> Arch("arch", cl::desc("wormhole_b0 (default) or blackhole"),
                                 cl::init("wormhole_b0"), cl::cat(Category));
static cl::opt<std::string>
    Tolerance("tolerance",
              cl::desc("elementwise, accumulating, or auto (default: accumulating "
                       "when the kernel has a reduce loop)"),
              cl::init("auto"), cl::cat(Category));
static cl::opt<bool> PerCore("per-core", cl::desc("Print the emulator's counters for "
                                                  "every core, not just per kernel"),
                             cl::cat(Category));
static cl::opt<std::string> ExpectRowSum(
    "expect-row-sum", cl::value_desc("VALUE"),
    cl::desc("Also require every row of every output to sum to VALUE within 0.02 "
             "(e.g. 1 for a softmax)"),
    cl::cat(Category));
static cl::opt<std::string>
    Program("program",
            cl::desc("Run the hand-written program in this directory instead of the "
                     "translated one: its host.cpp has the generated host interface "
                     "and its kernels sit beside it (the source is still translated "
                     "for its parameters, and run as the reference)"),
            cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string>
    KernelDirOpt("kernel-dir",
                 cl::desc("With --program: the kernel_dir its run() gets, where it finds "
                          "its kernels (default: the program's directory), like tt-metal's "
                          "OVERRIDE_KERNEL_PREFIX"),
                 cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string> CountersJson("counters-json",
                                      cl::desc("Write the emulator's counters and wall "
                                               "times to this file as JSON"),
                                      cl::value_desc("file"), cl::cat(Category));
static cl::opt<unsigned> Repeat("repeat",
                                cl::desc("Run the emulated program this many times "
                                         "(inputs re-uploaded each time; counters are "
                                         "the last run's, every run's wall time goes "
                                         "to --counters-json)"),
                                cl::init(1), cl::cat(Category));
static cl::opt<std::string>
    Batch("batch",
          cl::desc("Run several kernels of the source, each with its own sizes, "
                   "scalars, seed, range, grid and tolerance, from one build: a JSON "
                   "array of {\"kernel\", \"tensors\": {NAME: \"RxC\"}, \"scalars\": "
                   "{NAME: VALUE}, \"seed\", \"range\", \"grid\", \"tolerance\", "
                   "\"special_values\"} (see docs/tilesplit-run.md)"),
          cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> Keep("keep", cl::desc("Keep the generated files in this "
                                                  "directory"),
                                 cl::value_desc("dir"), cl::cat(Category));
// The source's compiler flags, as tilesplit takes them (docs/integration.md): both the
// translation and the CPU reference see the same -I, -D, -U, -include, -isystem, -iquote.
static cl::opt<std::string> BuildPath("p", cl::desc("Build directory with compile_commands.json "
                                                    "for the source's flags, as for tilesplit"),
                                      cl::value_desc("build-path"), cl::cat(Category));
static cl::list<std::string> ExtraArgs("extra-arg",
                                       cl::desc("Compiler argument to append, as for tilesplit"),
                                       cl::value_desc("arg"), cl::cat(Category));
static cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before", cl::desc("Compiler argument to prepend, as for tilesplit"),
    cl::value_desc("arg"), cl::cat(Category));

namespace {

/// The temporary work directory. A static object, so that it is removed both
/// on return from main and on std::exit from fail(), which skips locals'
/// destructors; a termination signal removes it through checkTerminating().
struct TempDir {
  SmallString<256> Path;
  void remove() {
    if (!Path.empty())
      sys::fs::remove_directories(Path);
    Path.clear();
  }
  ~TempDir() { remove(); }
} Temp;

[[noreturn]] void fail(const Twine &Message);

//===-- Termination signals -----------------------------------------------===//
//
// Removing a directory tree is not safe in a signal handler, and the children
// (tilesplit, the compiler, the emulated program) write into it. So the
// handler only records the signal and passes it on to the running children;
// the main thread, which is waiting for them, then removes the directory and
// dies of the signal (checkTerminating). Between children it runs for
// milliseconds, and every step starts and ends with that check.

const int TerminationSignals[] = {SIGHUP, SIGINT, SIGTERM};
volatile std::sig_atomic_t Terminating = 0;
std::atomic<sys::procid_t> Children[4]; // running children, 0 in free slots

void onTermination(int Sig) {
  Terminating = Sig;
  for (std::atomic<sys::procid_t> &C : Children)
    if (sys::procid_t Pid = C.load())
      ::kill(Pid, Sig);
}

void installTerminationHandlers() {
  struct sigaction SA;
  std::memset(&SA, 0, sizeof(SA));
  SA.sa_handler = onTermination;
  sigemptyset(&SA.sa_mask);
  // SA_RESTART: waitpid and file reads carry on; the main thread notices the
  // signal once the children it passed it to are gone.
  SA.sa_flags = SA_RESTART;
  for (int S : TerminationSignals)
    ::sigaction(S, &SA, nullptr);
}

void checkTerminating() {
  if (int Sig = Terminating) {
    Temp.remove();
    ::signal(Sig, SIG_DFL);
    ::raise(Sig);
  }
}

/// Starts a program, registered so that a termination signal reaches it.
sys::ProcessInfo spawn(StringRef Program, ArrayRef<StringRef> Argv,
                       std::optional<ArrayRef<StringRef>> Env = std::nullopt) {
  checkTerminating();
  std::string Error;
  sys::ProcessInfo PI = sys::ExecuteNoWait(Program, Argv, Env, {}, 0, &Error);
  if (PI.Pid == sys::ProcessInfo::InvalidPid)
    fail("cannot run " + Program + ": " + Error);
  for (std::atomic<sys::procid_t> &C : Children) {
    sys::procid_t Free = 0;
    if (C.compare_exchange_strong(Free, PI.Pid))
      break;
  }
  // A signal that came before the registration did not reach it.
  if (int Sig = Terminating)
    ::kill(PI.Pid, Sig);
  return PI;
}

/// Waits for a program started by spawn(), returning its exit status.
int wait(const sys::ProcessInfo &PI) {
  int Status = sys::Wait(PI, std::nullopt).ReturnCode;
  for (std::atomic<sys::procid_t> &C : Children) {
    sys::procid_t Pid = PI.Pid;
    C.compare_exchange_strong(Pid, 0);
  }
  checkTerminating();
  return Status;
}

[[noreturn]] void fail(const Twine &Message) {
  errs() << "tilesplit-run: error: " << Message << "\n";
  std::exit(2);
}

/// A bad option value, in Clang's words: "invalid value 'V' in '--opt=V': why".
[[noreturn]] void badValue(StringRef Value, const Twine &Where, const Twine &Why) {
  fail("invalid value '" + Value + "' in " + Where + ": " + Why);
}

// Every value is checked here, before anything is translated or built, so a
// typo costs no build and leaves no temporary directory. The harness checks
// them again only as a safeguard.

/// The emulator's largest grid side (TILESPLIT_EMU_GRID, emu/src/config.cpp).
constexpr unsigned MaxGridSide = 16;

void checkGrid(StringRef G, const Twine &Where) {
  if (!G.empty() && !tilesplit::parseXxY(G, MaxGridSide))
    badValue(G, Where, "not XxY with 1 <= X, Y <= " + Twine(MaxGridSide));
}

/// A --tensor NAME=ROWSxCOLS or a --scalar NAME=VALUE.
void checkGiven(StringRef Given, bool IsTensor, const Twine &Where) {
  auto [Name, Value] = Given.split('=');
  if (Name.empty() || !Given.contains('='))
    badValue(Given, Where, IsTensor ? "not NAME=ROWSxCOLS" : "not NAME=VALUE");
  unsigned Rows, Cols;
  if (IsTensor) {
    if (const char *Why = tilesplit::checkTensorSize(Value, Rows, Cols))
      badValue(Value, Where, Why);
  } else if (!tilesplit::parseNumber(Value)) {
    badValue(Value, Where, "not a finite number");
  }
}

/// Runs a program, returning its exit status; its output goes to ours.
int run(StringRef Program, ArrayRef<std::string> Args,
        std::optional<ArrayRef<StringRef>> Env = std::nullopt) {
  std::vector<StringRef> Argv{Program};
  for (const std::string &A : Args)
    Argv.push_back(A);
  return wait(spawn(Program, Argv, Env));
}

std::string toolPath(const char *Argv0, StringRef Name) {
  static int Anchor;
  SmallString<256> P(sys::path::parent_path(sys::fs::getMainExecutable(Argv0, &Anchor)));
  sys::path::append(P, Name);
  return std::string(P);
}

struct Param {
  std::string Name, Kind, Format, Type;
  bool Written = false;
};

bool Accumulates = false;

/// One run of a kernel: from the command line, or one entry of --batch.
struct BatchRun {
  std::string Kernel, Seed, Lo, Hi, Tolerance, Grid;
  std::string Special = "0"; // the fraction of special input values, as the harness reads it
  std::vector<std::string> Given; // NAME=VALUE: tensor sizes and scalar values
};

void checkTolerance(StringRef T) {
  if (T != "elementwise" && T != "accumulating" && T != "auto")
    fail("--tolerance must be 'elementwise', 'accumulating' or 'auto'");
}

/// --special-values' RATE ("" when given without one), as the harness reads it.
std::string specialRate(StringRef Rate, const Twine &Where) {
  if (Rate.empty())
    return "0.05";
  if (!tilesplit::parseFraction(Rate))
    badValue(Rate, Where, "not a number from 0 to 1");
  return Rate.str();
}

/// LO:HI, the bounds of the random inputs.
std::pair<std::string, std::string> splitRange(StringRef R, const Twine &Where) {
  auto [Lo, Hi] = R.split(':');
  if (!R.contains(':'))
    badValue(R, Where, "not LO:HI");
  float L, H;
  if (const char *Why = tilesplit::checkFloatRange(Lo, Hi, L, H))
    badValue(R, Where, Why);
  return {Lo.str(), Hi.str()};
}

/// --special-values' rate, checked ("0" without the option).
std::string CommandLineSpecial = "0";

/// The runs of a --batch file; a field it omits takes the command line's value.
std::vector<BatchRun> readBatch(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    fail("cannot read " + Path);
  auto Json = json::parse((*Buffer)->getBuffer());
  if (!Json)
    fail("bad --batch file " + Path + ": " + toString(Json.takeError()));
  const json::Array *List = Json->getAsArray();
  if (!List || List->empty())
    fail("--batch file " + Path + " must hold a non-empty JSON array of runs");
  std::vector<BatchRun> Runs;
  for (const json::Value &V : *List) {
    const json::Object *O = V.getAsObject();
    std::optional<StringRef> K = O ? O->getString("kernel") : std::nullopt;
    if (!K)
      fail("every run of --batch file " + Path + " needs a \"kernel\"");
    BatchRun R;
    R.Kernel = K->str();
    auto Where = [&](StringRef Field) {
      return ("\"" + Field + "\" of run " + Twine(Runs.size() + 1) + " (kernel '" + R.Kernel +
              "') in " + Path)
          .str();
    };
    // A field of the wrong type is an error, not the command line's value.
    auto GetString = [&](StringRef Field, StringRef Default) {
      const json::Value *F = O->get(Field);
      if (F && !F->getAsString())
        fail(Where(Field) + " must be a string");
      return F ? F->getAsString()->str() : Default.str();
    };
    R.Seed = std::to_string(Seed);
    if (const json::Value *S = O->get("seed")) {
      std::optional<int64_t> N = S->getAsInteger();
      if (!N || *N < 0 || *N > UINT32_MAX)
        fail(Where("seed") + " must be an integer from 0 to " + Twine(UINT32_MAX));
      R.Seed = std::to_string(*N);
    }
    std::string RunRange = GetString("range", Range);
    std::tie(R.Lo, R.Hi) = splitRange(RunRange, Where("range"));
    R.Tolerance = GetString("tolerance", Tolerance);
    checkTolerance(R.Tolerance);
    R.Grid = GetString("grid", Grid);
    checkGrid(R.Grid, Where("grid"));
    R.Special = CommandLineSpecial;
    if (const json::Value *S = O->get("special_values")) {
      std::optional<double> F = S->getAsNumber();
      if (!F || *F < 0 || *F > 1)
        fail(Where("special_values") + " must be a number from 0 to 1");
      // As JSON prints it (every digit), and as the harness parses it.
      R.Special = formatv("{0}", *S).str();
    }
    for (StringRef Field : {"tensors", "scalars"})
      if (const json::Object *Map = O->getObject(Field))
        for (const auto &[Name, Value] : *Map) {
          std::string Text;
          if (auto S = Value.getAsString())
            Text = S->str();
          else if (Value.getAsNumber())
            // As JSON prints it: every digit needed to read the same double back
            // (formatv's "{0}" of a double keeps two decimals: 0.125 -> 0.13).
            Text = formatv("{0}", Value).str();
          else
            fail("run of kernel '" + R.Kernel + "': " + Field + "." + Name.str() +
                 " must be a string or a number");
          R.Given.push_back(Name.str() + "=" + Text);
          checkGiven(R.Given.back(), Field == "tensors", Where((Field + "." + Name.str()).str()));
        }
    Runs.push_back(std::move(R));
  }
  return Runs;
}

/// The manifest's "qualified_name": the kernel with its namespaces, as the
/// reference glue calls it ("ops::scale"; just "scale" in the global one).
std::string QualifiedName;

std::vector<Param> readParameters(StringRef Manifest) {
  auto Buffer = MemoryBuffer::getFile(Manifest);
  if (!Buffer)
    fail("cannot read " + Manifest);
  auto Json = json::parse((*Buffer)->getBuffer());
  if (!Json)
    fail("bad manifest " + Manifest + ": " + toString(Json.takeError()));
  std::vector<Param> Params;
  Accumulates = Json->getAsObject()->getBoolean("accumulates").value_or(false);
  std::optional<StringRef> Qualified = Json->getAsObject()->getString("qualified_name");
  if (!Qualified)
    Qualified = Json->getAsObject()->getString("kernel");
  QualifiedName = Qualified ? Qualified->str() : "";
  const json::Array *List = Json->getAsObject()->getArray("parameters");
  for (const json::Value &V : *List) {
    const json::Object &O = *V.getAsObject();
    Param P;
    P.Name = O.getString("name")->str();
    P.Kind = O.getString("kind")->str();
    if (P.Kind == "tensor") {
      P.Format = O.getString("format")->str();
      P.Written = *O.getBoolean("written");
    } else {
      P.Type = O.getString("type")->str();
    }
    Params.push_back(P);
  }
  return Params;
}

void writeFile(StringRef Path, StringRef Text) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    fail("cannot write " + Path + ": " + EC.message());
  OS << Text;
}

/// One kernel to build glue for: its name (also its directory: the function's
/// name, an identifier), its name with its namespaces, which the runs use, and
/// its manifest's parameters.
struct GlueKernel {
  std::string Name, QualifiedName;
  std::vector<Param> Params;
};

/// A kernel's directory, as tilesplit names it: its name without namespaces.
std::string kernelDir(StringRef Name) {
  size_t Colons = Name.rfind("::");
  return (Colons == StringRef::npos ? Name : Name.substr(Colons + 2)).str();
}

/// The glue that runs the annotated kernels as the CPU reference: one
/// run_reference per kernel, in namespace tilesplit_run::<kernel>.
std::string referenceGlue(StringRef SourcePath, ArrayRef<GlueKernel> Kernels) {
  std::string S;
  raw_string_ostream OS(S);
  OS << "#include \"" << SourcePath << "\"\n#include \"reference_io.hpp\"\n";
  for (const GlueKernel &K : Kernels) {
    OS << "\nnamespace tilesplit_run::glue_" << K.Name << " {\n"
       << "void run_reference(std::vector<TensorData> &t, const std::vector<ScalarData> &s) {\n";
    unsigned TI = 0, SI = 0;
    std::vector<std::string> Args;
    for (const Param &P : K.Params) {
      if (P.Kind == "tensor") {
        std::string T = P.Format == "Float32" ? "float" : "tilesplit::bf16";
        OS << "  auto p" << TI << " = to_tensor<" << T << ">(t[" << TI << "]);\n";
        Args.push_back("p" + std::to_string(TI++));
      } else {
        Args.push_back("static_cast<" + P.Type + ">(s[" + std::to_string(SI++) + "].value)");
      }
    }
    OS << "  ::" << K.QualifiedName << "(" << join(Args, ", ") << ");\n";
    TI = 0;
    for (const Param &P : K.Params)
      if (P.Kind == "tensor") {
        if (P.Written)
          OS << "  from_tensor(p" << TI << ", t[" << TI << "]);\n";
        ++TI;
      }
    OS << "}\n} // namespace tilesplit_run::glue_" << K.Name << "\n";
  }
  return OS.str();
}

/// The glue that runs the generated host programs on the emulator, and tells
/// the harness each kernel's parameters (kernel_glue()).
std::string deviceGlue(ArrayRef<GlueKernel> Kernels, ArrayRef<std::string> HostPaths) {
  std::string S;
  raw_string_ostream OS(S);
  OS << "#define TILESPLIT_NO_MAIN\n";
  for (const std::string &Host : HostPaths)
    OS << "#include \"" << Host << "\"\n";
  OS << "#include \"device_session.hpp\"\n";
  for (const GlueKernel &K : Kernels) {
    OS << "\nnamespace tilesplit_run::glue_" << K.Name << " {\n"
       << "void run_reference(std::vector<TensorData> &t, const std::vector<ScalarData> &s);\n"
       << "std::vector<TensorData> tensor_parameters() {\n  std::vector<TensorData> t;\n";
    for (const Param &P : K.Params)
      if (P.Kind == "tensor")
        OS << "  t.push_back({\"" << P.Name << "\", 0, 0, " << (P.Format == "Float32") << ", "
           << P.Written << ", {}});\n";
    OS << "  return t;\n}\n"
       << "std::vector<ScalarData> scalar_parameters() {\n  std::vector<ScalarData> s;\n";
    for (const Param &P : K.Params)
      if (P.Kind != "tensor")
        OS << "  s.push_back({\"" << P.Name << "\", \"" << P.Type << "\", 0});\n";
    OS << "  return s;\n}\n"
       << "void run_device(DeviceSession &d, const std::vector<TensorData> &t, "
          "const std::vector<ScalarData> &s) {\n"
       << "  using namespace tilesplit_kernels::" << K.Name << ";\n";
    unsigned TI = 0, SI = 0;
    std::vector<std::string> Args;
    for (const Param &P : K.Params) {
      if (P.Kind == "tensor") {
        std::string I = std::to_string(TI++);
        OS << "  TensorArg p" << I << "{d.buffers[" << I << "], t[" << I << "].rows / 32, t["
           << I << "].cols / 32};\n";
        Args.push_back("p" + I);
      } else {
        Args.push_back("static_cast<" + P.Type + ">(s[" + std::to_string(SI++) + "].value)");
      }
    }
    OS << "  run(d.device(), " << join(Args, ", ") << ", d.kernel_dir());\n}\n"
       << "} // namespace tilesplit_run::glue_" << K.Name << "\n";
  }
  OS << "\nnamespace tilesplit_run {\nconst std::vector<KernelGlue> &kernel_glue() {\n"
     << "  static const std::vector<KernelGlue> kernels{\n";
  for (const GlueKernel &K : Kernels)
    OS << "      {\"" << K.QualifiedName << "\", glue_" << K.Name << "::tensor_parameters, glue_"
       << K.Name << "::scalar_parameters, glue_" << K.Name << "::run_reference, glue_"
       << K.Name << "::run_device},\n";
  OS << "  };\n  return kernels;\n}\n} // namespace tilesplit_run\n";
  return OS.str();
}

/// The preprocessor flags of \p Args (a compiler command line without the
/// compiler), relative paths made absolute against \p Dir: what the CPU
/// reference needs of the source's compile command.
std::vector<std::string> preprocessorFlags(ArrayRef<std::string> Args, StringRef Dir) {
  static const char *const WithPath[] = {"-I", "-isystem", "-iquote", "-idirafter", "-include"};
  auto Absolute = [&](StringRef P) {
    SmallString<256> A(P);
    if (!P.empty() && !sys::path::is_absolute(P) && !Dir.empty())
      sys::fs::make_absolute(Dir, A);
    return std::string(A);
  };
  std::vector<std::string> Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A.starts_with("-D") || A.starts_with("-U")) {
      Out.push_back(A.str());
      if ((A == "-D" || A == "-U") && I + 1 < Args.size())
        Out.push_back(Args[++I]);
      continue;
    }
    for (const char *F : WithPath) {
      if (A == F && I + 1 < Args.size()) {
        Out.insert(Out.end(), {F, Absolute(Args[++I])});
        break;
      }
      if (A.starts_with(F) && A.size() > strlen(F) && StringRef(F) != "-include") {
        Out.push_back(F + Absolute(A.drop_front(strlen(F))));
        break;
      }
    }
  }
  return Out;
}

/// The source's compiler arguments as tilesplit finds them: after `--`, else
/// from -p's compile_commands.json, else from one found above the source.
std::vector<std::string> sourceCompilerArgs(StringRef Source,
                                            const std::optional<std::vector<std::string>> &Fixed) {
  if (Fixed)
    return preprocessorFlags(*Fixed, "");
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB =
      BuildPath.empty()
          ? clang::tooling::CompilationDatabase::autoDetectFromSource(Source, Error)
          : clang::tooling::CompilationDatabase::loadFromDirectory(BuildPath, Error);
  if (!DB) {
    if (!BuildPath.empty())
      fail("-p " + BuildPath + ": " + Error);
    return {};
  }
  std::vector<clang::tooling::CompileCommand> Commands = DB->getCompileCommands(Source);
  if (Commands.empty())
    return {};
  const clang::tooling::CompileCommand &C = Commands.front();
  std::vector<std::string> Args(C.CommandLine.begin() + (C.CommandLine.empty() ? 0 : 1),
                                C.CommandLine.end());
  return preprocessorFlags(Args, C.Directory);
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  installTerminationHandlers();
  cl::HideUnrelatedOptions(Category);
  // With an error stream the parser returns instead of exiting with status 1:
  // a bad --seed or --repeat is bad usage, status 2, like every other.
  // Arguments after `--` are the source's compiler arguments, as for tilesplit.
  std::optional<std::vector<std::string>> FixedArgs;
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--") {
      FixedArgs.emplace(argv + I + 1, argv + argc);
      argc = I;
      break;
    }
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "tilesplit-run: translate a kernel, run it on the "
                                   "emulator and compare with the CPU reference\n",
                                   &errs()))
    return 2;
  checkTolerance(Tolerance);
  auto [Lo, Hi] = splitRange(Range, "'--range=" + Range + "'");
  checkGrid(Grid, "'--grid=" + Grid + "'");
  for (const std::string &T : Tensors)
    checkGiven(T, /*IsTensor=*/true, "'--tensor " + T + "'");
  for (const std::string &S : Scalars)
    checkGiven(S, /*IsTensor=*/false, "'--scalar " + S + "'");
  if (!ExpectRowSum.empty() && !tilesplit::parseNumber(ExpectRowSum))
    badValue(ExpectRowSum, "'--expect-row-sum=" + ExpectRowSum + "'", "not a finite number");
  if (Repeat < 1)
    fail("--repeat must be at least 1");
  if (!KernelDirOpt.empty() && Program.empty())
    fail("--kernel-dir needs --program");
  SmallString<256> KernelDirPath(KernelDirOpt);
  if (!KernelDirOpt.empty() &&
      (sys::fs::make_absolute(KernelDirPath) || !sys::fs::is_directory(KernelDirPath)))
    fail("no such directory: " + KernelDirOpt);
  if (SpecialValues.getNumOccurrences())
    CommandLineSpecial = specialRate(SpecialValues, "'--special-values=" + SpecialValues + "'");
  std::vector<BatchRun> Runs;
  if (!Batch.empty()) {
    if (!Kernel.empty() || !Tensors.empty() || !Scalars.empty() || !ExpectRowSum.empty())
      fail("--batch gives each run's kernel, tensors and scalars; it cannot be combined "
           "with --kernel, --tensor, --scalar or --expect-row-sum");
    Runs = readBatch(Batch);
  } else {
    BatchRun R{Kernel, std::to_string(Seed), Lo, Hi, Tolerance, Grid, CommandLineSpecial, {}};
    R.Given.insert(R.Given.end(), Tensors.begin(), Tensors.end());
    R.Given.insert(R.Given.end(), Scalars.begin(), Scalars.end());
    Runs.push_back(std::move(R));
  }

  SmallString<256> SourcePath(Source);
  if (sys::fs::make_absolute(SourcePath) || !sys::fs::exists(SourcePath))
    fail("no such file: " + Source);
  // Before anything is built: a -p without a compilation database is an error here (tilesplit
  // would only warn and translate without flags).
  const std::vector<std::string> SourceFlags = sourceCompilerArgs(SourcePath, FixedArgs);

  SmallString<256> Work;
  if (!Keep.empty()) {
    Work = Keep;
    sys::fs::make_absolute(Work);
    if (std::error_code EC = sys::fs::create_directories(Work))
      fail("cannot create " + Work + ": " + EC.message());
  } else if (std::error_code EC = sys::fs::createUniqueDirectory("tilesplit-run", Work)) {
    fail("cannot create a temporary directory: " + EC.message());
  } else {
    Temp.Path = Work;
    // A relative TMPDIR gives a relative path, which the generated glue's
    // #include lines would resolve against their own directory.
    sys::fs::make_absolute(Temp.Path);
    Work = Temp.Path;
  }

  // 1. Translate.
  SmallString<256> Out(Work);
  sys::path::append(Out, "kernels");
  std::vector<std::string> TranslateArgs{std::string(SourcePath), "-o", std::string(Out),
                                         "--tt-metal-api=" + Api, "--arch=" + Arch};
  if (!Kernel.empty()) // a batch translates every kernel of the file
    TranslateArgs.push_back("--kernel=" + Kernel);
  if (!BuildPath.empty())
    TranslateArgs.insert(TranslateArgs.end(), {"-p", BuildPath});
  for (const std::string &A : ExtraArgsBefore)
    TranslateArgs.push_back("--extra-arg-before=" + A);
  for (const std::string &A : ExtraArgs)
    TranslateArgs.push_back("--extra-arg=" + A);
  if (FixedArgs) {
    TranslateArgs.push_back("--");
    TranslateArgs.insert(TranslateArgs.end(), FixedArgs->begin(), FixedArgs->end());
  }
  if (run(toolPath(argv[0], "tilesplit"), TranslateArgs) != 0)
    fail("translation failed");
  // A run names its kernel as --kernel does, "scale" or "ops::scale"; Names
  // are the kernels' directories.
  std::vector<std::string> Names;
  for (const BatchRun &R : Runs)
    if (!R.Kernel.empty() && !is_contained(Names, kernelDir(R.Kernel)))
      Names.push_back(kernelDir(R.Kernel));
  if (Names.empty()) {
    std::error_code EC;
    std::vector<std::string> Found;
    for (sys::fs::directory_iterator I(Out, EC), E; I != E && !EC; I.increment(EC))
      Found.push_back(sys::path::filename(I->path()).str());
    if (Found.size() != 1)
      fail("the file has " + Twine(Found.size()) + " kernels (" + join(Found, ", ") +
           "); choose one with --kernel");
    Names.push_back(Found.front());
    Runs.front().Kernel = Found.front();
  }
  // A hand-written program is the host of one kernel.
  if (!Program.empty() && Names.size() != 1)
    fail("--program runs one kernel, but the --batch runs name " + Twine(Names.size()) + " (" +
         join(Names, ", ") + ")");
  std::vector<GlueKernel> Kernels;
  std::vector<std::string> Hosts;
  StringMap<std::string> KernelDirs;
  StringMap<bool> KernelAccumulates;
  for (const std::string &Name : Names) {
    SmallString<256> KernelDir(Out);
    sys::path::append(KernelDir, Name);
    SmallString<256> Manifest(KernelDir);
    sys::path::append(Manifest, "manifest.json");
    if (!sys::fs::exists(Manifest))
      fail("no kernel named '" + Name + "' in " + Source);
    std::vector<Param> Params = readParameters(Manifest);
    // From here on, runs name their kernel as the reference glue calls it.
    for (BatchRun &R : Runs)
      if (kernelDir(R.Kernel) == Name) {
        StringRef Given(R.Kernel);
        Given.consume_front("::");
        if (Given.contains("::") && Given != QualifiedName)
          fail("no kernel named '" + R.Kernel + "' in " + Source + "; its kernel '" + Name +
               "' is '" + QualifiedName + "'");
        R.Kernel = QualifiedName;
      }
    Kernels.push_back({Name, QualifiedName, std::move(Params)});
    KernelAccumulates[QualifiedName] = Accumulates;
    // A hand-written program replaces the generated host.cpp and kernels; the
    // manifest still gives the parameters, so the comparison is the same.
    if (!Program.empty()) {
      KernelDir = Program;
      sys::fs::make_absolute(KernelDir);
    }
    SmallString<256> Host(KernelDir);
    sys::path::append(Host, "host.cpp");
    if (!sys::fs::exists(Host))
      fail("no host program " + Host);
    Hosts.push_back(std::string(Host));
    KernelDirs[QualifiedName] =
        KernelDirPath.empty() ? std::string(KernelDir) : std::string(KernelDirPath);
  }

  // 2. Build the reference and the emulated program: one executable for every
  // kernel of the run.
  SmallString<256> RefGlue(Work), DevGlue(Work), RefObj(Work), DevObj(Work), Exe(Work),
      RunsFile(Work);
  sys::path::append(RefGlue, "reference_glue.cpp");
  sys::path::append(DevGlue, "device_glue.cpp");
  sys::path::append(RefObj, "reference_glue.o");
  sys::path::append(DevObj, "device_glue.o");
  sys::path::append(Exe, "run");
  sys::path::append(RunsFile, "runs.tsv");
  writeFile(RefGlue, referenceGlue(SourcePath, Kernels));
  writeFile(DevGlue, deviceGlue(Kernels, Hosts));

  std::string Cxx = TILESPLIT_RUN_CXX;
  // Empty unless tilesplit was built with sanitizers; separated by spaces.
  SmallVector<StringRef, 4> SanitizeFlags;
  StringRef(TILESPLIT_RUN_SANITIZE_FLAGS).split(SanitizeFlags, ' ', -1, false);
  auto Compile = [&](StringRef Src, StringRef Obj, std::vector<std::string> Args) {
    for (StringRef F : SanitizeFlags)
      Args.push_back(F.str());
    Args.insert(Args.end(), {"-c", Src.str(), "-o", Obj.str()});
    std::vector<StringRef> Argv{Cxx};
    for (const std::string &A : Args)
      Argv.push_back(A);
    return spawn(Cxx, Argv);
  };
  // The reference is optimised: it computes every output element on the CPU. It
  // includes the source, so it gets the source's preprocessor flags.
  std::vector<std::string> RefFlags{"-std=c++17", "-O1", "-I", TILESPLIT_HARNESS_INCLUDE, "-I",
                                    TILESPLIT_RUNTIME_INCLUDE, "-Wno-unknown-pragmas"};
  for (const std::string &A : preprocessorFlags(ExtraArgsBefore, ""))
    RefFlags.push_back(A);
  RefFlags.insert(RefFlags.end(), SourceFlags.begin(), SourceFlags.end());
  for (const std::string &A : preprocessorFlags(ExtraArgs, ""))
    RefFlags.push_back(A);
  sys::ProcessInfo Ref = Compile(RefGlue, RefObj, std::move(RefFlags));
  // The device glue only sets up and launches programs on the emulator, whose work happens
  // in its library and kernels: unoptimised, and with its headers precompiled. These flags
  // are the ones CMakeLists.txt precompiles device_glue_prelude.hpp with; a PCH is rejected
  // with any other.
  std::vector<std::string> DevFlags{"-std=c++17", "-O0", "-I", TILESPLIT_HARNESS_INCLUDE, "-I",
                                    TILESPLIT_EMU_INCLUDE};
  if (sys::fs::exists(TILESPLIT_DEVICE_GLUE_PCH))
    DevFlags.insert(DevFlags.end(), {"-include-pch", TILESPLIT_DEVICE_GLUE_PCH});
  sys::ProcessInfo Dev = Compile(DevGlue, DevObj, std::move(DevFlags));
  // Both waited for before either failure is reported: the directory they
  // write into is removed on the way out.
  int RefStatus = wait(Ref);
  int DevStatus = wait(Dev);
  if (RefStatus != 0)
    fail("the annotated source does not compile as the CPU reference");
  if (DevStatus != 0)
    fail("the generated host program does not compile against the emulator");
  std::vector<std::string> LinkArgs{std::string(RefObj), std::string(DevObj),
                                    TILESPLIT_HARNESS_LIB, "-L" TILESPLIT_EMU_LIB_DIR,
                                    "-ltilesplit_emu", "-Wl,-rpath," TILESPLIT_EMU_LIB_DIR,
                                    "-pthread", "-ldl", "-o", std::string(Exe)};
  for (StringRef F : SanitizeFlags)
    LinkArgs.push_back(F.str());
  if (run(Cxx, LinkArgs) != 0)
    fail("linking the emulated program failed");

  // 3. Run both and compare.
  std::vector<std::string> EnvStrings;
  for (char **E = environ; *E; ++E) {
    StringRef V(*E);
    if (!V.starts_with("TILESPLIT_EMU_API=") && !V.starts_with("TILESPLIT_EMU_ARCH=") &&
        !(V.starts_with("TILESPLIT_EMU_GRID=") && !Grid.empty()))
      EnvStrings.push_back(V.str());
  }
  EnvStrings.push_back("TILESPLIT_EMU_API=" + Api);
  EnvStrings.push_back("TILESPLIT_EMU_ARCH=" + Arch);
  if (!Grid.empty())
    EnvStrings.push_back("TILESPLIT_EMU_GRID=" + Grid);
  std::vector<StringRef> Env(EnvStrings.begin(), EnvStrings.end());

  // One line per run: kernel, kernel_dir, seed, lo, hi, kind, grid, special rate, NAME=VALUE...
  std::string RunsText;
  for (const BatchRun &R : Runs) {
    std::string Kind = R.Tolerance == "auto"
                           ? (KernelAccumulates[R.Kernel] ? "accumulating" : "elementwise")
                           : R.Tolerance;
    std::vector<std::string> Fields{R.Kernel, KernelDirs[R.Kernel], R.Seed, R.Lo, R.Hi, Kind,
                                    R.Grid.empty() ? "-" : R.Grid, R.Special};
    Fields.insert(Fields.end(), R.Given.begin(), R.Given.end());
    RunsText += join(Fields, "\t") + "\n";
  }
  writeFile(RunsFile, RunsText);
  std::vector<std::string> HarnessArgs{std::string(RunsFile)};
  if (!Batch.empty())
    HarnessArgs.push_back("--batch=1");
  if (PerCore)
    HarnessArgs.push_back("--per-core=1");
  if (!ExpectRowSum.empty())
    HarnessArgs.push_back("--expect-row-sum=" + ExpectRowSum);
  if (!CountersJson.empty()) {
    SmallString<256> CountersPath(CountersJson);
    sys::fs::make_absolute(CountersPath);
    HarnessArgs.push_back("--counters-json=" + std::string(CountersPath));
  }
  HarnessArgs.push_back("--repeat=" + std::to_string(Repeat));
  if (Batch.empty())
    outs() << "tilesplit-run: kernel '" << Runs.front().Kernel << "' from " << Source
           << " (tt-metal " << Api << ", " << Arch << (Grid.empty() ? "" : ", grid " + Grid)
           << ", seed " << Seed
           << (tilesplit::parseFraction(CommandLineSpecial).value_or(0) > 0
                   ? ", special values " + CommandLineSpecial
                   : "")
           << (Program.empty() ? "" : ", program " + Program) << ")\n";
  else
    outs() << "tilesplit-run: " << Runs.size() << " run(s) of " << Names.size()
           << " kernel(s) from " << Source << " (tt-metal " << Api << ", " << Arch
           << (Program.empty() ? "" : ", program " + Program) << ")\n";
  outs().flush();
  return run(Exe, HarnessArgs, ArrayRef<StringRef>(Env));
}
