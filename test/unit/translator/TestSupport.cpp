//===- TestSupport.cpp - Kernels from source text, for the translator tests ===//
#include "TestSupport.h"

#include "tilesplit/Emit/ApiTable.h"
#include "tilesplit/Frontend/Frontend.h"
#include "tilesplit/Support/Diagnostics.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>

namespace tilesplit::test {
namespace {

/// Runs the passes of \p Upto on \p P, stopping at the first that fails.
bool runUpTo(Program &P, Stage Upto, const Target &T, const InitModel &M, Diagnoser &D) {
  struct Step {
    Stage S;
    bool (*Run)(Program &, const Target &, const InitModel &, Diagnoser &);
  };
  static const Step Steps[] = {
      {Stage::Metadata, [](Program &P, const Target &, const InitModel &, Diagnoser &D) { return runMetadata(P, D); }},
      {Stage::Partition,
       [](Program &P, const Target &, const InitModel &, Diagnoser &D) { return runPartition(P, D); }},
      {Stage::Dataflow, [](Program &P, const Target &, const InitModel &, Diagnoser &D) { return runDataflow(P, D); }},
      {Stage::MemorySpace,
       [](Program &P, const Target &T, const InitModel &, Diagnoser &D) { return runMemorySpace(P, T, D); }},
      {Stage::Split, [](Program &P, const Target &, const InitModel &, Diagnoser &D) { return runSplit(P, D); }},
      {Stage::Protocol,
       [](Program &P, const Target &T, const InitModel &, Diagnoser &D) { return runProtocol(P, T, D); }},
      {Stage::ComputeInit,
       [](Program &P, const Target &, const InitModel &M, Diagnoser &D) {
         return runComputeInit(P, M, D);
       }},
      {Stage::Bind, [](Program &P, const Target &, const InitModel &, Diagnoser &D) { return runBind(P, D); }},
  };
  for (const Step &S : Steps) {
    if (static_cast<int>(S.S) > static_cast<int>(Upto))
      break;
    if (!S.Run(P, T, M, D))
      return false;
  }
  return true;
}

class TestConsumer : public clang::ASTConsumer {
public:
  TestConsumer(Translation &R, Stage Upto, const Target &T, const InitModel &M,
               std::unique_ptr<Diagnoser> D, std::unique_ptr<PragmaCollector> Pragmas)
      : R(R), Upto(Upto), T(T), M(M), Diags(std::move(D)), Pragmas(std::move(Pragmas)) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    if (Diags->hasErrors())
      return;
    std::vector<ir::Kernel> Kernels = lowerKernels(Ctx, *Pragmas, *Diags, "");
    if (Diags->hasErrors() || Kernels.empty())
      return;
    for (ir::Kernel &K : Kernels)
      R.Kernels.push_back(std::make_unique<ir::Kernel>(std::move(K)));
    R.PassesOk = true;
    if (Upto == Stage::Frontend)
      return;
    for (const auto &K : R.Kernels) {
      auto P = std::make_unique<Program>();
      P->Source = K.get();
      Target KT = T;
      KT.Fp32DestAcc |= K->Options.Fp32DestAcc;
      bool Ok = runUpTo(*P, Upto, KT, M, *Diags);
      R.Programs.push_back(std::move(P));
      if (!Ok) {
        R.PassesOk = false;
        return;
      }
    }
  }

private:
  Translation &R;
  Stage Upto;
  Target T;
  InitModel M;
  std::unique_ptr<Diagnoser> Diags;
  std::unique_ptr<PragmaCollector> Pragmas;
};

class TestAction : public clang::ASTFrontendAction {
public:
  TestAction(Translation &R, Stage Upto, const Target &T, const InitModel &M,
             llvm::raw_ostream &DiagOS)
      : R(R), Upto(Upto), T(T), M(M), DiagOS(DiagOS) {}

  bool BeginInvocation(clang::CompilerInstance &CI) override {
    CI.getDiagnosticOpts().ShowColors = false;
    // Fix-its as machine-readable lines: fix-it:"kernel.cpp":{L:C-L:C}:"text".
    CI.getDiagnosticOpts().ShowParseableFixits = true;
    Printer = new clang::TextDiagnosticPrinter(DiagOS, &CI.getDiagnosticOpts());
    CI.getDiagnostics().setClient(Printer, /*ShouldOwnClient=*/true);
    return true;
  }

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &CI,
                                                        llvm::StringRef) override {
    auto D = std::make_unique<Diagnoser>(CI.getDiagnostics());
    auto Pragmas = std::make_unique<PragmaCollector>();
    registerPragmaHandler(CI.getPreprocessor(), *Pragmas, *D);
    return std::make_unique<TestConsumer>(R, Upto, T, M, std::move(D), std::move(Pragmas));
  }

  void EndSourceFileAction() override {
    R.Errors = Printer->getNumErrors();
    R.Warnings = Printer->getNumWarnings();
  }

private:
  Translation &R;
  Stage Upto;
  Target T;
  InitModel M;
  llvm::raw_ostream &DiagOS;
  clang::TextDiagnosticPrinter *Printer = nullptr; // owned by the engine
};

/// Collects formatted diagnostics for StandaloneDiags.
class StringConsumer : public clang::DiagnosticConsumer {
public:
  explicit StringConsumer(llvm::raw_ostream &OS) : OS(OS) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level L,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    llvm::SmallString<128> Msg;
    Info.FormatDiagnostic(Msg);
    const char *Level = L >= clang::DiagnosticsEngine::Error     ? "error"
                        : L == clang::DiagnosticsEngine::Warning ? "warning"
                                                                 : "note";
    OS << Level << ": " << Msg << "\n";
  }

private:
  llvm::raw_ostream &OS;
};

void render(const std::vector<DevNode> &Nodes, const ApiProfile &A, unsigned Depth,
            bool CallsOnly, std::vector<std::string> &Out) {
  std::string Indent = CallsOnly ? "" : std::string(2 * Depth, ' ');
  for (const DevNode &N : Nodes) {
    switch (N.K) {
    case DevNode::Kind::Comment:
      break;
    case DevNode::Kind::Decl:
      if (!CallsOnly)
        Out.push_back(Indent + N.Type + " " + N.Var + " = " + N.Init + ";");
      break;
    case DevNode::Kind::Loop:
      if (!CallsOnly)
        Out.push_back(Indent + "for (uint32_t " + N.Var + " = " + N.Begin + "; " + N.Var +
                      " < " + N.End + "; ++" + N.Var + ") {");
      render(N.Body, A, Depth + 1, CallsOnly, Out);
      if (!CallsOnly)
        Out.push_back(Indent + "}");
      break;
    case DevNode::Kind::Call:
      Out.push_back(Indent + spellCall(N, A) + ";");
      break;
    }
  }
}

void slots(const std::vector<DevNode> &Nodes, std::set<unsigned> &Out) {
  auto Add = [&](const std::string &S) { Out.insert(static_cast<unsigned>(std::stoul(S))); };
  for (const DevNode &N : Nodes) {
    if (N.K == DevNode::Kind::Call) {
      switch (N.Op) {
      case DevOp::CopyTile: Add(N.Args[2]); break;
      case DevOp::BinaryTiles: Add(N.Args[4]); break;
      case DevOp::SfpuBinary:
        for (const std::string &A : N.Args)
          Add(A);
        break;
      case DevOp::Unary:
      case DevOp::ScalarOp:
      case DevOp::Fill:
        Add(N.Args[0]);
        break;
      default: break;
      }
    }
    slots(N.Body, Out);
  }
}

} // namespace

bool Translation::hasDiag(const std::string &Name) const {
  return Diags.find("[tilesplit-" + Name + "]") != std::string::npos;
}

Translation translate(const std::string &Code, Stage Upto, const Target &T,
                      const std::string &Profile) {
  const ApiProfile *Api = findApiProfile(Profile);
  Translation R;
  std::string DiagText;
  llvm::raw_string_ostream DiagOS(DiagText);
  std::vector<std::string> Args = {"-std=c++17", "-I" TILESPLIT_TEST_RUNTIME_INCLUDE,
                                   "-resource-dir", TILESPLIT_TEST_CLANG_RESOURCE_DIR};
  R.ParseOk = clang::tooling::runToolOnCodeWithArgs(
      std::make_unique<TestAction>(R, Upto, T, Api->Inits, DiagOS), Code, Args, "kernel.cpp");
  if (!R.ParseOk)
    R.PassesOk = false;
  DiagOS.flush();
  R.Diags = DiagText;
  return R;
}

std::string withHeader(const std::string &Body) {
  return "#include <tilesplit/tile.hpp>\nusing namespace tilesplit;\n" + Body;
}

StandaloneDiags::StandaloneDiags() {
  OS = std::make_unique<llvm::raw_string_ostream>(Out);
  Consumer = std::make_unique<StringConsumer>(*OS);
  Engine = std::make_unique<clang::DiagnosticsEngine>(
      llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs>(new clang::DiagnosticIDs()),
      llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions>(new clang::DiagnosticOptions()),
      Consumer.get(), /*ShouldOwnClient=*/false);
}

StandaloneDiags::~StandaloneDiags() = default;

unsigned StandaloneDiags::errors() const { return Consumer->getNumErrors(); }

std::vector<std::string> renderBody(const std::vector<DevNode> &Nodes,
                                    const std::string &Profile) {
  std::vector<std::string> Out;
  render(Nodes, *findApiProfile(Profile), 0, false, Out);
  return Out;
}

std::vector<std::string> renderCalls(const std::vector<DevNode> &Nodes,
                                     const std::string &Profile) {
  std::vector<std::string> Out;
  render(Nodes, *findApiProfile(Profile), 0, true, Out);
  return Out;
}

std::vector<unsigned> dstSlotsUsed(const std::vector<DevNode> &Nodes) {
  std::set<unsigned> S;
  slots(Nodes, S);
  return {S.begin(), S.end()};
}

} // namespace tilesplit::test
