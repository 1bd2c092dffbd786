//===- Diagnostics.cpp - Registering the diagnostics table with Clang -----===//
#include "tilesplit/Support/Diagnostics.h"

#include <cstring>

namespace tilesplit {
namespace {

struct DiagInfo {
  const char *Name;
  clang::DiagnosticsEngine::Level Level;
  const char *Message;
};

constexpr clang::DiagnosticsEngine::Level Error = clang::DiagnosticsEngine::Error;
constexpr clang::DiagnosticsEngine::Level Warning =
    clang::DiagnosticsEngine::Warning;
constexpr clang::DiagnosticsEngine::Level Note = clang::DiagnosticsEngine::Note;

constexpr DiagInfo Table[] = {
#define DIAG(Id, Name, Severity, Message) {Name, Severity, Message},
#include "tilesplit/Support/Diagnostics.def"
};

} // namespace

const char *diagName(diag::ID Id) { return Table[Id].Name; }

bool diagFromName(const std::string &Name, diag::ID &Out) {
  for (unsigned I = 0; I < diag::NumDiagnostics; ++I)
    if (Name == Table[I].Name) {
      Out = static_cast<diag::ID>(I);
      return true;
    }
  return false;
}

bool isWarning(diag::ID Id) { return Table[Id].Level == Warning; }

Diagnoser::Diagnoser(clang::DiagnosticsEngine &Engine, DiagOptions O)
    : Engine(Engine), Opts(std::move(O)) {
  for (unsigned I = 0; I < diag::NumDiagnostics; ++I) {
    const DiagInfo &D = Table[I];
    clang::DiagnosticsEngine::Level Level = D.Level;
    if (Opts.Suppressed.count(D.Name) && Level != Error)
      Level = clang::DiagnosticsEngine::Ignored;
    else if (Opts.WarningsAsErrors && Level == Warning)
      Level = Error;
    std::string Format = D.Message;
    if (D.Level != Note)
      Format += std::string(" [tilesplit-") + D.Name + "]";
    CustomIds[I] = Engine.getDiagnosticIDs()->getCustomDiagID(
        static_cast<clang::DiagnosticIDs::Level>(Level), Format);
  }
}

clang::DiagnosticBuilder Diagnoser::report(clang::SourceLocation Loc,
                                           diag::ID Id) {
  return Engine.Report(Loc, CustomIds[Id]);
}

} // namespace tilesplit
