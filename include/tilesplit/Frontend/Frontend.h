//===- Frontend.h - From annotated C++ to the tile IR ----------------------===//
//
// Contract: given a parsed translation unit and the `#pragma tt` records seen
// while preprocessing it, produce one ir::Kernel per function that holds a
// `#pragma tt tile_loop`, or report a named diagnostic at the user's location.
// Nothing later in the pipeline looks at the Clang AST.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_FRONTEND_FRONTEND_H
#define TILESPLIT_FRONTEND_FRONTEND_H

#include "tilesplit/IR/TileIR.h"
#include "tilesplit/Support/Diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"

#include <optional>
#include <string>
#include <vector>

namespace tilesplit {

struct PragmaClause {
  std::string Name;
  std::vector<std::string> Args;
  clang::SourceLocation Loc;                  // of the clause's name
  std::vector<clang::SourceLocation> ArgLocs; // of each argument
};

/// One `#pragma tt ...` line, parsed.
struct PragmaRecord {
  enum class Directive { TileLoop, Kernel } D;
  clang::SourceLocation Loc;     // of the `#pragma`
  ir::LoopKind Kind = ir::LoopKind::Sequential;
  std::vector<PragmaClause> Clauses;
  bool Bound = false; // set once attached to a for statement or function
};

/// Collects `#pragma tt` lines while the file is preprocessed.
class PragmaCollector {
public:
  std::vector<PragmaRecord> Records;
};

/// Registers the `tt` pragma namespace on \p PP; malformed pragmas are
/// diagnosed as they are read.
void registerPragmaHandler(clang::Preprocessor &PP, PragmaCollector &Out,
                           Diagnoser &Diags);

/// Reports expression-too-deep, and returns false, if \p Body nests deeper
/// than ir::MaxNestingDepth. It walks the AST without recursion, so that it can
/// run before anything that recurses over the body.
bool checkNestingDepth(const clang::Stmt *Body, Diagnoser &Diags);

/// Lowers every kernel of the main file (or just \p OnlyKernel) to tile IR.
/// Returns an empty vector, with diagnostics, on error.
std::vector<ir::Kernel> lowerKernels(clang::ASTContext &Ctx,
                                     PragmaCollector &Pragmas,
                                     Diagnoser &Diags,
                                     const std::string &OnlyKernel);

} // namespace tilesplit

#endif
