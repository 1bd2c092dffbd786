//===- Diagnostics.h - tilesplit's named diagnostics on Clang's engine -----===//
//
// Every diagnostic is a row of Diagnostics.def. They are registered as custom
// IDs on the translation unit's DiagnosticsEngine, so they print like Clang's own
// (file:line:col, the source line, a caret, fix-its) with the stable name in
// brackets: "error: unknown clause 'bufers' ... [tilesplit-unknown-clause]".
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_SUPPORT_DIAGNOSTICS_H
#define TILESPLIT_SUPPORT_DIAGNOSTICS_H

#include "clang/Basic/Diagnostic.h"

#include <set>
#include <string>

namespace tilesplit {

namespace diag {
enum ID : unsigned {
#define DIAG(Id, Name, Severity, Message) Id,
#include "tilesplit/Support/Diagnostics.def"
  NumDiagnostics
};
} // namespace diag

/// Stable user-facing name of \p Id, e.g. "unknown-clause".
const char *diagName(diag::ID Id);
/// Looks a diagnostic up by its stable name.
bool diagFromName(const std::string &Name, diag::ID &Out);
/// True for a warning: the only kind --suppress and --warnings-as-errors act on.
bool isWarning(diag::ID Id);

/// What the command line says about diagnostics.
struct DiagOptions {
  bool WarningsAsErrors = false;
  std::set<std::string> Suppressed; // stable names
};

/// Emits tilesplit diagnostics on a Clang DiagnosticsEngine.
class Diagnoser {
public:
  Diagnoser(clang::DiagnosticsEngine &Engine, DiagOptions Opts = {});

  clang::DiagnosticBuilder report(clang::SourceLocation Loc, diag::ID Id);
  clang::DiagnosticsEngine &engine() { return Engine; }
  /// True once any error (ours or Clang's) has been reported.
  bool hasErrors() const { return Engine.hasErrorOccurred(); }

private:
  clang::DiagnosticsEngine &Engine;
  DiagOptions Opts;
  unsigned CustomIds[diag::NumDiagnostics];
};

} // namespace tilesplit

#endif
