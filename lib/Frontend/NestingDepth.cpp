//===- NestingDepth.cpp - Rejecting kernels nested too deeply to translate ===//
//
// Clang parses `a + b + c + ...` in a loop, so a machine-generated kernel can
// hold a sum of thousands of tiles that `clang++ -fsyntax-only` accepts. Every
// later stage walks such trees recursively: lowering, the passes over the IR
// and the dataflow graph, the dumps, the emitters, even the destructors of the
// IR's shared_ptr trees. At a few thousand levels they overflow the stack.
//
// So before anything recursive looks at a kernel's body, this walks it with an
// explicit worklist and rejects it if its statements (loops, blocks) or any
// one expression nest deeper than ir::MaxNestingDepth. A level of an
// expression is what the user wrote: an operator, a call, a cast, parentheses.
// What Clang adds around them (implicit conversions, temporaries, cleanups,
// implicit copies) and leaves (names, literals) are not levels; they add at
// most a few AST nodes per level, which keeps every recursive walk of the AST
// within a small multiple of the limit. Each operation of the tile IR comes
// from at least one level, so the IR is no deeper.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Frontend/Frontend.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace tilesplit {
namespace {

using namespace clang;

/// Nodes Clang builds around what the user wrote, never written themselves.
bool isImplicitWrapper(const Stmt *S) {
  return isa<ImplicitCastExpr>(S) || isa<MaterializeTemporaryExpr>(S) ||
         isa<CXXBindTemporaryExpr>(S) || isa<FullExpr>(S) || isa<CXXDefaultArgExpr>(S) ||
         isa<CXXDefaultInitExpr>(S) || isa<OpaqueValueExpr>(S) ||
         isa<SubstNonTypeTemplateParmExpr>(S) ||
         (isa<CXXConstructExpr>(S) && !isa<CXXTemporaryObjectExpr>(S));
}

/// Whether expression \p E, a child of \p Parent, is a level of nesting.
bool isExprLevel(const Expr *E, const Stmt *Parent) {
  if (isImplicitWrapper(E) || E->children().empty())
    return false;
  // The conversion a user-defined implicit conversion calls (Tile from TileRef).
  if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(Parent);
      Cast && Cast->getCastKind() == CK_UserDefinedConversion)
    return false;
  // `a.tile` in `a.tile(i)` is one level with the call.
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Parent))
    return E != Call->getCallee();
  return true;
}

/// A node of the walk. Statements and expressions nest separately: Stmts
/// counts the statements around the node (loops, blocks), Exprs the levels of
/// the outermost expression containing it, Root. A statement inside an
/// expression (a lambda's body) is a level of the expression, so that neither
/// count restarts below the other.
struct Visit {
  const Stmt *S;
  const Stmt *Parent;
  unsigned Stmts = 0, Exprs = 0;
  const Expr *Root = nullptr;
};

/// \p C, a child of \p V's node, as a node of the walk.
Visit child(const Visit &V, const Stmt *C) {
  Visit W{C, V.S, V.Stmts, V.Exprs, V.Root};
  if (V.Root) {
    const auto *E = dyn_cast<Expr>(C);
    W.Exprs += E ? isExprLevel(E, V.S) : 1;
  } else if (const auto *E = dyn_cast<Expr>(C)) {
    W.Root = E; // an expression statement, an initializer, a loop's condition
    W.Exprs = isExprLevel(E, V.S);
  } else if (!isa<DeclStmt>(C) && !C->children().empty()) {
    // A statement that holds others. A declaration holds initializers, each
    // an expression of its own.
    ++W.Stmts;
  }
  return W;
}

SourceLocation locationOf(const Stmt *S) {
  if (const auto *E = dyn_cast<Expr>(S))
    return E->getExprLoc();
  return S->getBeginLoc();
}

/// The error at the expression (or the statement) that nests too deeply, and
/// the note where the nesting passes the limit.
void reportTooDeep(const Visit &V, Diagnoser &Diags) {
  bool InExpr = V.Exprs > ir::MaxNestingDepth;
  SourceLocation At = InExpr ? V.Root->getBeginLoc() : locationOf(V.S);
  Diags.report(At, diag::ExpressionTooDeep) << (InExpr ? 0 : 1) << 0;
  Diags.report(locationOf(V.S), diag::NoteNestingLimit) << ir::MaxNestingDepth;
}

} // namespace

bool checkNestingDepth(const Stmt *Body, Diagnoser &Diags) {
  llvm::SmallVector<Visit, 64> Stack = {Visit{Body, nullptr, 1, 0, nullptr}};
  llvm::SmallVector<const Stmt *, 8> Children;
  while (!Stack.empty()) {
    Visit V = Stack.pop_back_val();
    if (V.Stmts > ir::MaxNestingDepth || V.Exprs > ir::MaxNestingDepth) {
      reportTooDeep(V, Diags);
      return false;
    }
    Children.assign(V.S->child_begin(), V.S->child_end());
    // Reversed, so that the first node too deep in source order is the one reported.
    for (auto It = Children.rbegin(); It != Children.rend(); ++It)
      if (*It)
        Stack.push_back(child(V, *It));
  }
  return true;
}

} // namespace tilesplit
