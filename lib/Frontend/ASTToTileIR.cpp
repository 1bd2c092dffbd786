//===- ASTToTileIR.cpp - Lowering kernel functions to tile IR -------------===//
//
// A kernel is a function whose body holds a `#pragma tt tile_loop`. Each pragma
// binds to the first statement after it, which must be a `for`. The function is
// then walked once: parameters become tensors and scalars, scalar declarations
// before the loops become locals, and each tile loop becomes an ir::Loop whose
// statements store tile expressions. Anything outside the language is a named
// diagnostic at the offending construct.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Frontend/Frontend.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <map>

using namespace clang;

namespace tilesplit {
namespace {

using ir::ScalarExpr;
using ir::ScalarExprPtr;
using ir::TileExpr;
using ir::TileExprPtr;

/// Looks through the implicit conversions, temporaries and copies that C++
/// inserts around tile values, down to the expression the user wrote.
const Expr *stripTileWrappers(const Expr *E) {
  while (true) {
    // Implicit nodes and parentheses nest in any order: `(a.tile(i))` is a
    // temporary inside parentheses inside a materialized temporary.
    for (const Expr *Prev = nullptr; Prev != E;) {
      Prev = E;
      E = E->IgnoreImplicit()->IgnoreParens();
    }
    if (auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() >= 1 && !isa<CXXTemporaryObjectExpr>(C)) {
        E = C->getArg(0);
        continue;
      }
    }
    if (auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
      if (isa_and_nonnull<CXXConversionDecl>(M->getMethodDecl())) {
        E = M->getImplicitObjectArgument();
        continue;
      }
    }
    if (auto *F = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = F->getSubExpr();
      continue;
    }
    return E;
  }
}

bool inTilesplitNamespace(const Decl *D) {
  const DeclContext *DC = D->getDeclContext();
  while (DC && !DC->isTranslationUnit()) {
    if (auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (NS->getName() == "tilesplit")
        return true;
    DC = DC->getParent();
  }
  return false;
}

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  return T->getAsCXXRecordDecl();
}

bool isTilesplitRecord(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *R = recordOf(T);
  return R && R->getName() == Name && inTilesplitNamespace(R);
}

/// A pointer or reference to a Tile (or to a tensor's TileRef).
bool isTileIndirection(QualType T) {
  QualType Pointee = T->isPointerType() || T->isReferenceType() ? T->getPointeeType()
                                                                 : QualType();
  if (Pointee.isNull())
    return false;
  return isTilesplitRecord(Pointee, "Tile") || isTilesplitRecord(Pointee, "TileRef") ||
         isTileIndirection(Pointee);
}

/// A short name for a statement kind that a kernel cannot hold.
std::string describeStmt(const Stmt *S) {
  if (isa<IfStmt>(S))
    return "an 'if' statement";
  if (isa<WhileStmt>(S))
    return "a 'while' loop";
  if (isa<DoStmt>(S))
    return "a 'do' loop";
  if (isa<CXXForRangeStmt>(S))
    return "a range-based 'for' loop";
  if (isa<SwitchStmt>(S))
    return "a 'switch' statement";
  if (const auto *R = dyn_cast<ReturnStmt>(S))
    return R->getRetValue() ? "a 'return' with a value" : "a 'return'";
  if (isa<BreakStmt>(S))
    return "'break'";
  if (isa<ContinueStmt>(S))
    return "'continue'";
  if (isa<GotoStmt>(S) || isa<LabelStmt>(S))
    return "'goto' or a label";
  if (isa<CXXTryStmt>(S))
    return "a 'try' block";
  if (isa<AsmStmt>(S))
    return "inline assembly";
  if (auto *E = dyn_cast<Expr>(S)) {
    E = E->IgnoreImplicit();
    if (isa<CXXNewExpr>(E))
      return "'new': a kernel cannot allocate memory";
    if (isa<CXXDeleteExpr>(E))
      return "'delete': a kernel cannot allocate memory";
    if (isa<CXXThrowExpr>(E))
      return "'throw'";
  }
  return "only tile stores, tile locals and scalar declarations are allowed";
}

/// Tensor<bf16> or Tensor<float>: the data format, or nothing.
std::optional<ir::DataFormat> tensorFormat(QualType T) {
  const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(recordOf(T));
  if (!S || S->getName() != "Tensor" || !inTilesplitNamespace(S) ||
      S->getTemplateArgs().size() != 1)
    return std::nullopt;
  QualType Elem = S->getTemplateArgs()[0].getAsType().getCanonicalType();
  if (Elem->isSpecificBuiltinType(BuiltinType::Float))
    return ir::DataFormat::Float32;
  if (isTilesplitRecord(Elem, "bf16"))
    return ir::DataFormat::Float16_b;
  return std::nullopt;
}

std::optional<ir::ScalarType> scalarType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (T->isSpecificBuiltinType(BuiltinType::Float))
    return ir::ScalarType::F32;
  if (T->isSpecificBuiltinType(BuiltinType::UInt))
    return ir::ScalarType::U32;
  if (T->isSpecificBuiltinType(BuiltinType::Int))
    return ir::ScalarType::I32;
  return std::nullopt;
}

/// \p F's name with the namespaces it is declared in, as the CPU reference
/// calls it from the global namespace: "ops::scale" (anonymous and inline
/// namespaces are left out, as lookup finds through them).
std::string qualifiedName(const FunctionDecl *F) {
  PrintingPolicy Policy(F->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressInlineNamespace = true;
  std::string S;
  llvm::raw_string_ostream OS(S);
  F->printQualifiedName(OS, Policy);
  return OS.str();
}

/// Whether `--kernel=Name` selects \p F: a plain name selects every kernel of
/// that name, a qualified one ("ops::scale", "::scale") only that kernel.
bool selects(llvm::StringRef Name, const FunctionDecl *F) {
  if (!Name.contains("::"))
    return F->getName() == Name;
  Name.consume_front("::");
  return qualifiedName(F) == Name;
}

class KernelLowering {
public:
  KernelLowering(ASTContext &Ctx, Diagnoser &Diags,
                 std::map<const ForStmt *, PragmaRecord *> &LoopPragmas)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Diags(Diags),
        LoopPragmas(LoopPragmas) {}

  bool lower(const FunctionDecl *F, ir::Kernel &K) {
    Fn = F;
    K.Name = F->getNameAsString();
    K.QualifiedName = qualifiedName(F);
    K.Loc = F->getLocation();
    K.File = SM.getFilename(SM.getExpansionLoc(F->getLocation())).str();
    for (const ParmVarDecl *P : F->parameters()) {
      if (auto Fmt = tensorFormat(P->getType())) {
        K.Params.push_back({true, unsigned(K.Tensors.size())});
        K.Tensors.push_back({P->getNameAsString(), *Fmt, P->getLocation()});
        Vars[P] = VarKind::Tensor;
      } else if (auto ST = scalarType(P->getType())) {
        K.Params.push_back({false, unsigned(K.Scalars.size())});
        K.Scalars.push_back({P->getNameAsString(), *ST, P->getLocation()});
        Vars[P] = VarKind::Scalar;
      } else if (isTileIndirection(P->getType())) {
        // Reported below unless the body stores a tile through it first: that
        // store is the real mistake (tile-escape), with the parameter as context.
        TileOutParams.push_back(P);
      } else {
        Diags.report(P->getLocation(), diag::UnsupportedParam)
            << P->getName() << P->getType();
        return false;
      }
    }
    this->K = &K;
    const auto *Body = cast<CompoundStmt>(F->getBody());
    for (const Stmt *S : Body->body())
      if (!lowerKernelLevel(S))
        return false;
    if (!TileOutParams.empty()) {
      const ParmVarDecl *P = TileOutParams.front();
      Diags.report(P->getLocation(), diag::UnsupportedParam) << P->getName() << P->getType();
      return false;
    }
    return true;
  }

private:
  enum class VarKind { Tensor, Scalar, LoopVar, ScalarLocal, TileLocal };

  //===--- Kernel level: scalar locals and top-level tile loops ------------===//

  bool lowerKernelLevel(const Stmt *S) {
    if (isa<NullStmt>(S))
      return true;
    // The CPU reference skips whatever follows a plain 'return'; translated,
    // the device kernels would run it. A 'return' may only end the kernel.
    if (EarlyReturn.isValid() && !isa<CompoundStmt>(S)) {
      Diags.report(EarlyReturn, diag::EarlyReturn);
      return false;
    }
    // A block only scopes names; its statements are kernel-level statements.
    if (auto *CS = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *C : CS->body())
        if (!lowerKernelLevel(C))
          return false;
      return true;
    }
    if (auto *R = dyn_cast<ReturnStmt>(S); R && !R->getRetValue()) {
      EarlyReturn = R->getReturnLoc(); // harmless if nothing follows it
      return true;
    }
    if (auto *R = dyn_cast<ReturnStmt>(S); R && returnsTile(R))
      return false;
    if (auto *For = dyn_cast<ForStmt>(S)) {
      auto L = lowerLoop(For);
      if (!L)
        return false;
      K->Loops.push_back(L);
      return true;
    }
    if (auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        auto *V = dyn_cast<VarDecl>(D);
        if (V && V->hasInit() && containsTileAccess(V->getInit()))
          return false;
        if (!V || !scalarType(V->getType()) || !V->hasInit()) {
          Diags.report(D->getLocation(), diag::UnsupportedStmt)
              << 0 << "only scalar declarations with an initializer may precede the tile loops";
          return false;
        }
        auto Init = lowerScalar(V->getInit());
        if (!Init)
          return false;
        ir::Stmt Decl;
        Decl.K = ir::Stmt::Kind::ScalarDecl;
        Decl.Name = V->getNameAsString();
        Decl.Type = *scalarType(V->getType());
        Decl.Init = Init;
        Decl.Src = sourceRef(DS);
        K->Locals.push_back(Decl);
        Vars[V] = VarKind::ScalarLocal;
      }
      return true;
    }
    if (containsTileAccess(S))
      return false;
    if (auto *E = dyn_cast<Expr>(S); E && unsupportedCall(E->IgnoreImplicit()))
      return false;
    Diags.report(S->getBeginLoc(), diag::UnsupportedStmt) << 0 << describeStmt(S);
    return false;
  }

  /// Reports a `return` of a tile: the value would outlive the kernel.
  bool returnsTile(const ReturnStmt *R) {
    const Expr *V = R->getRetValue();
    if (!V || !(isTileValue(V) || isTileIndirection(V->getType())))
      return false;
    Diags.report(R->getReturnLoc(), diag::TileEscape) << 0 << "";
    return true;
  }

  /// Reports a call to a function outside the tile language, if \p E is one.
  bool unsupportedCall(const Expr *E) {
    const auto *C = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
    if (!Callee || inTilesplitNamespace(Callee))
      return false;
    bool Recursive = Fn && Callee->getCanonicalDecl() == Fn->getCanonicalDecl();
    Diags.report(C->getExprLoc(), diag::UnsupportedCall)
        << Callee->getQualifiedNameAsString() << (LoopDepth > 0) << Recursive;
    return true;
  }

  /// Reports a tile access found outside a tile loop, if any.
  bool containsTileAccess(const Stmt *S, bool IsWrite = false) {
    if (!S)
      return false;
    if (auto *M = dyn_cast<CXXMemberCallExpr>(S))
      if (isTileMethod(M)) {
        Diags.report(M->getExprLoc(), diag::TileAccessOutsideLoop) << IsWrite;
        return true;
      }
    // The left of an assignment is a write.
    if (auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
        Op && Op->isAssignmentOp() && Op->getNumArgs() == 2)
      return containsTileAccess(stripTileWrappers(Op->getArg(0)), true) ||
             containsTileAccess(Op->getArg(1));
    for (const Stmt *C : S->children())
      if (containsTileAccess(C))
        return true;
    return false;
  }

  //===--- Loops -----------------------------------------------------------===//

  std::shared_ptr<ir::Loop> lowerLoop(const ForStmt *For) {
    if (For->getForLoc().isMacroID()) {
      Diags.report(macroLoc(For->getForLoc()), diag::InMacro) << 1;
      return nullptr;
    }
    auto It = LoopPragmas.find(For);
    if (It == LoopPragmas.end()) {
      Diags.report(For->getForLoc(), diag::UnannotatedLoop)
          << (LoopDepth > 0) << pragmaInsertion(For->getForLoc());
      return nullptr;
    }
    const PragmaRecord &P = *It->second;
    CurrentPragma = P.Loc;
    auto L = std::make_shared<ir::Loop>();
    L->Kind = P.Kind;
    L->PragmaLoc = P.Loc;
    L->Src = sourceRef(For);
    for (const PragmaClause &C : P.Clauses)
      if (C.Name == "buffers") {
        L->Buffers = std::stoul(C.Args[0]);
        L->BuffersExplicit = true;
        L->BuffersLoc = C.Loc;
      } else if (C.Name == "block") {
        L->Block = std::stoul(C.Args[0]);
        L->BlockLoc = C.Loc;
      }

    // for (T var = begin; var < end; ++var)
    const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
    const VarDecl *Var = Init && Init->isSingleDecl()
                             ? dyn_cast<VarDecl>(Init->getSingleDecl())
                             : nullptr;
    if (!Var || !Var->hasInit() || !Var->getType()->isIntegerType()) {
      unmappable(For->getBeginLoc(), "expected 'for (uint32_t i = begin; i < end; ++i)'");
      return nullptr;
    }
    L->Var = Var->getNameAsString();
    L->Begin = lowerScalar(Var->getInit());
    if (!L->Begin)
      return nullptr;
    if (L->Begin->Type == ir::ScalarType::F32) {
      unmappable(Var->getInit()->getBeginLoc(), "the start must be an integer");
      return nullptr;
    }

    const auto *Cond = dyn_cast_or_null<BinaryOperator>(
        For->getCond() ? For->getCond()->IgnoreParenImpCasts() : nullptr);
    if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE) ||
        !refersTo(Cond->getLHS(), Var)) {
      unmappable(For->getCond() ? For->getCond()->getBeginLoc() : For->getBeginLoc(),
                 "the condition must be '" + L->Var + " < end'");
      return nullptr;
    }
    if (!isUnitIncrement(For->getInc(), Var)) {
      unmappable(For->getInc() ? For->getInc()->getBeginLoc() : For->getBeginLoc(),
                 "the increment must be '++" + L->Var + "'");
      return nullptr;
    }
    // The variable is known while the bound is lowered, so that `i < i + 4`
    // is reported as a bound that depends on it rather than as an unknown name.
    Vars[Var] = VarKind::LoopVar;
    L->End = lowerScalar(Cond->getRHS());
    if (!L->End)
      return nullptr;
    if (L->End->Type == ir::ScalarType::F32) {
      unmappable(Cond->getRHS()->getBeginLoc(), "the bound must be an integer");
      return nullptr;
    }
    if (ir::scalarUsesVar(L->End, L->Var)) {
      unmappable(Cond->getRHS()->getBeginLoc(), "the bound depends on the loop variable");
      return nullptr;
    }

    ++LoopDepth;
    bool Ok = lowerBody(For->getBody(), L->Body);
    --LoopDepth;
    return Ok ? L : nullptr;
  }

  void unmappable(SourceLocation Loc, const std::string &Why) {
    Diags.report(Loc, diag::UnmappableLoop) << Why;
    Diags.report(CurrentPragma, diag::NotePragmaHere) << 0 << "";
  }

  /// A fix-it that puts the pragma on a line of its own above \p ForLoc, at
  /// the loop's indentation (a pragma must start its line).
  FixItHint pragmaInsertion(SourceLocation ForLoc) {
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(ForLoc), &Invalid);
    unsigned Off = SM.getFileOffset(ForLoc);
    if (Invalid)
      return FixItHint::CreateInsertion(ForLoc, "#pragma tt tile_loop\n");
    size_t LineStart = Buffer.rfind('\n', Off == 0 ? 0 : Off - 1);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    llvm::StringRef Before = Buffer.slice(LineStart, Off);
    if (Before.find_first_not_of(" \t") != llvm::StringRef::npos)
      return FixItHint::CreateInsertion(ForLoc, "\n#pragma tt tile_loop\n");
    return FixItHint::CreateInsertion(ForLoc, "#pragma tt tile_loop\n" + Before.str());
  }

  bool refersTo(const Expr *E, const VarDecl *V) {
    auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DR && DR->getDecl() == V;
  }

  bool isUnitIncrement(const Expr *Inc, const VarDecl *V) {
    if (!Inc)
      return false;
    Inc = Inc->IgnoreParenImpCasts();
    if (auto *U = dyn_cast<UnaryOperator>(Inc))
      return U->isIncrementOp() && refersTo(U->getSubExpr(), V);
    if (auto *C = dyn_cast<CompoundAssignOperator>(Inc)) {
      auto *One = dyn_cast<IntegerLiteral>(C->getRHS()->IgnoreParenImpCasts());
      return C->getOpcode() == BO_AddAssign && refersTo(C->getLHS(), V) && One &&
             One->getValue() == 1;
    }
    return false;
  }

  //===--- Statements inside tile loops ------------------------------------===//

  bool lowerBody(const Stmt *S, ir::StmtList &Out) {
    if (!isa<CompoundStmt>(S) && !isa<ForStmt>(S) && S->getBeginLoc().isMacroID()) {
      Diags.report(macroLoc(S->getBeginLoc()), diag::InMacro) << 2;
      return false;
    }
    if (auto *CS = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *C : CS->body())
        if (!lowerBody(C, Out))
          return false;
      return true;
    }
    if (isa<NullStmt>(S))
      return true;
    if (auto *For = dyn_cast<ForStmt>(S)) {
      auto L = lowerLoop(For);
      if (!L)
        return false;
      ir::Stmt St;
      St.K = ir::Stmt::Kind::Loop;
      St.L = L;
      St.Src = L->Src;
      Out.push_back(St);
      return true;
    }
    if (auto *DS = dyn_cast<DeclStmt>(S))
      return lowerDecl(DS, Out);
    if (auto *E = dyn_cast<Expr>(S))
      return lowerExprStmt(E->IgnoreImplicit(), Out);
    if (auto *R = dyn_cast<ReturnStmt>(S); R && returnsTile(R))
      return false;
    Diags.report(S->getBeginLoc(), diag::UnsupportedStmt) << 1 << describeStmt(S);
    return false;
  }

  bool lowerDecl(const DeclStmt *DS, ir::StmtList &Out) {
    for (const Decl *D : DS->decls()) {
      auto *V = dyn_cast<VarDecl>(D);
      if (!V) {
        Diags.report(D->getLocation(), diag::UnsupportedStmt) << 1 << "declaration";
        return false;
      }
      ir::Stmt St;
      St.Name = V->getNameAsString();
      St.Src = sourceRef(DS);
      if (isTilesplitRecord(V->getType(), "Tile")) {
        // `Tile t;` has no value in the language: a tile starts from zeros() or an expression.
        const auto *Construct =
            V->hasInit() ? dyn_cast<CXXConstructExpr>(V->getInit()->IgnoreImplicit()) : nullptr;
        if (!V->hasInit() || (Construct && Construct->getNumArgs() == 0)) {
          Diags.report(V->getLocation(), diag::UndefinedTileLocal) << V->getName();
          return false;
        }
        St.K = ir::Stmt::Kind::DefineLocal;
        St.Value = lowerTile(V->getInit());
        if (!St.Value)
          return false;
        Vars[V] = VarKind::TileLocal;
      } else if (auto T = scalarType(V->getType()); T && V->hasInit()) {
        St.K = ir::Stmt::Kind::ScalarDecl;
        St.Type = *T;
        St.Init = lowerScalar(V->getInit());
        if (!St.Init)
          return false;
        Vars[V] = VarKind::ScalarLocal;
        // Remember how the local depends on the loop variables, for the
        // affinity check of the tile indices that use it.
        std::string Why;
        LocalDegree[V] = indexDegree(V->getInit(), Why);
        if (LocalDegree[V] == NonAffine)
          LocalNonAffineWhy[V] = LastNonAffine;
      } else if (isTileIndirection(V->getType()) || isTilesplitRecord(V->getType(), "TileRef")) {
        Diags.report(V->getLocation(), diag::UnsupportedStmt)
            << 1 << ("'" + V->getNameAsString() + "' refers to a tile; a tile is a value "
                     "(in DST or a circular buffer), so declare it as 'Tile " +
                     V->getNameAsString() + " = ...'");
        return false;
      } else {
        Diags.report(V->getLocation(), diag::UnsupportedStmt)
            << 1 << ("declaration of '" + V->getNameAsString() + "' of type " +
                     V->getType().getAsString());
        return false;
      }
      Out.push_back(St);
    }
    return true;
  }

  bool lowerExprStmt(const Expr *E, ir::StmtList &Out) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
    if (!Op || Op->getNumArgs() != 2 ||
        (Op->getOperator() != OO_Equal && Op->getOperator() != OO_PlusEqual &&
         Op->getOperator() != OO_MinusEqual && Op->getOperator() != OO_StarEqual)) {
      return unsupportedInLoop(E);
    }
    const Expr *LHS = stripTileWrappers(Op->getArg(0));
    if (isTileValue(Op->getArg(0)) && tileEscapes(LHS))
      return false;
    TileExprPtr Value = lowerTile(Op->getArg(1));
    if (!Value)
      return false;
    ir::Stmt St;
    St.Src = sourceRef(E);

    auto Compound = [&](TileExprPtr Old) -> TileExprPtr {
      if (Op->getOperator() == OO_Equal)
        return Value;
      auto B = std::make_shared<TileExpr>();
      B->K = TileExpr::Kind::Binary;
      B->BOp = Op->getOperator() == OO_PlusEqual    ? ir::BinaryOp::Add
               : Op->getOperator() == OO_MinusEqual ? ir::BinaryOp::Sub
                                                    : ir::BinaryOp::Mul;
      B->Operands = {Old, Value};
      B->Loc = Op->getOperatorLoc();
      return B;
    };

    if (auto *M = dyn_cast<CXXMemberCallExpr>(LHS); M && isTileMethod(M)) {
      auto Access = lowerAccess(M, /*IsWrite=*/true);
      if (!Access)
        return false;
      St.K = ir::Stmt::Kind::StoreTensor;
      St.Target = *Access;
      if (Op->getOperator() != OO_Equal) {
        auto Read = std::make_shared<TileExpr>();
        Read->K = TileExpr::Kind::Read;
        Read->Access = *Access;
        Read->Loc = M->getExprLoc();
        St.Value = Compound(Read);
      } else {
        St.Value = Value;
      }
      Out.push_back(St);
      return true;
    }
    if (auto *DR = dyn_cast<DeclRefExpr>(LHS)) {
      auto It = Vars.find(DR->getDecl());
      if (It != Vars.end() && It->second == VarKind::TileLocal) {
        auto Old = std::make_shared<TileExpr>();
        Old->K = TileExpr::Kind::Local;
        Old->Name = DR->getDecl()->getNameAsString();
        Old->Loc = DR->getLocation();
        St.K = ir::Stmt::Kind::DefineLocal;
        St.Name = Old->Name;
        St.Value = Compound(Old);
        Out.push_back(St);
        return true;
      }
    }
    return unsupportedInLoop(E);
  }

  bool unsupportedInLoop(const Expr *E) {
    if (unsupportedCall(E))
      return false;
    Diags.report(E->getExprLoc(), diag::UnsupportedStmt) << 1 << describeStmt(E);
    return false;
  }

  /// Reports a store of a tile into something that outlives the kernel: a
  /// global, or what a pointer or reference parameter refers to.
  bool tileEscapes(const Expr *Target) {
    const Expr *E = Target->IgnoreParenImpCasts();
    while (true) {
      if (auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
        E = U->getSubExpr()->IgnoreParenImpCasts();
      else if (auto *A = dyn_cast<ArraySubscriptExpr>(E))
        E = A->getBase()->IgnoreParenImpCasts();
      else if (auto *M = dyn_cast<MemberExpr>(E))
        E = M->getBase()->IgnoreParenImpCasts();
      else
        break;
    }
    const auto *DR = dyn_cast<DeclRefExpr>(E);
    const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    if (!V)
      return false;
    if (auto *P = dyn_cast<ParmVarDecl>(V);
        P && std::find(TileOutParams.begin(), TileOutParams.end(), P) != TileOutParams.end()) {
      Diags.report(Target->getExprLoc(), diag::TileEscape) << 1 << P->getName();
      return true;
    }
    if (V->hasGlobalStorage()) {
      Diags.report(Target->getExprLoc(), diag::TileEscape) << 2 << V->getName();
      return true;
    }
    return false;
  }

  //===--- Tile expressions -------------------------------------------------===//

  bool isTileMethod(const CXXMemberCallExpr *M) {
    const CXXMethodDecl *MD = M->getMethodDecl();
    return MD && MD->getName() == "tile" &&
           tensorFormat(M->getObjectType()).has_value();
  }

  std::optional<ir::TileAccess> lowerAccess(const CXXMemberCallExpr *M,
                                           bool IsWrite = false) {
    if (LoopDepth == 0) {
      Diags.report(M->getExprLoc(), diag::TileAccessOutsideLoop) << IsWrite;
      return std::nullopt;
    }
    const auto *Obj = dyn_cast<DeclRefExpr>(
        M->getImplicitObjectArgument()->IgnoreParenImpCasts());
    auto It = Obj ? Vars.find(Obj->getDecl()) : Vars.end();
    if (It == Vars.end() || It->second != VarKind::Tensor) {
      Diags.report(M->getExprLoc(), diag::UnknownTensor)
          << (Obj ? Obj->getDecl()->getNameAsString() : std::string("<expression>"));
      return std::nullopt;
    }
    ir::TileAccess A;
    A.Tensor = Obj->getDecl()->getNameAsString();
    A.Spelling = sourceText(M->getSourceRange());
    if (M->getNumArgs() == 1) {
      A.Index = lowerIndex(M->getArg(0));
    } else if (M->getNumArgs() == 2) {
      auto R = lowerIndex(M->getArg(0));
      auto C = lowerIndex(M->getArg(1));
      A.Row = R;
      A.Col = C;
      if (R && C)
        A.Index = ScalarExpr::binary(
            "+",
            ScalarExpr::binary("*", R, ScalarExpr::dim(A.Tensor, ir::TensorDim::TileCols)),
            C);
    }
    if (!A.Index)
      return std::nullopt;
    return A;
  }

  ScalarExprPtr lowerIndex(const Expr *E) {
    std::string Why;
    if (indexDegree(E, Why) == NonAffine) {
      Diags.report(WhyLoc, diag::NonAffineIndex) << Why << WhyRange;
      return nullptr;
    }
    auto S = lowerScalar(E);
    if (S && S->Type == ir::ScalarType::F32) {
      Diags.report(E->getExprLoc(), diag::NonAffineIndex) << "a tile index must be an integer";
      return nullptr;
    }
    return S;
  }

  TileExprPtr lowerTile(const Expr *Raw) {
    const Expr *E = stripTileWrappers(Raw);
    auto Node = std::make_shared<TileExpr>();
    Node->Loc = E->getExprLoc();
    if (Node->Loc.isMacroID()) {
      Diags.report(macroLoc(Node->Loc), diag::InMacro) << 3;
      return nullptr;
    }

    if (auto *M = dyn_cast<CXXMemberCallExpr>(E); M && isTileMethod(M)) {
      auto A = lowerAccess(M);
      if (!A)
        return nullptr;
      Node->K = TileExpr::Kind::Read;
      Node->Access = *A;
      return Node;
    }
    if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
      auto It = Vars.find(DR->getDecl());
      if (It != Vars.end() && It->second == VarKind::TileLocal) {
        Node->K = TileExpr::Kind::Local;
        Node->Name = DR->getDecl()->getNameAsString();
        return Node;
      }
    }
    if (auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind OK = Op->getOperator();
      if (Op->getNumArgs() == 1 && OK == OO_Minus) {
        auto Sub = lowerTile(Op->getArg(0));
        if (!Sub)
          return nullptr;
        Node->K = TileExpr::Kind::Unary;
        Node->UOp = ir::UnaryOp::Neg;
        Node->Operands = {Sub};
        return Node;
      }
      if (Op->getNumArgs() == 2 && (OK == OO_Plus || OK == OO_Minus || OK == OO_Star)) {
        Node->BOp = OK == OO_Plus ? ir::BinaryOp::Add
                    : OK == OO_Minus ? ir::BinaryOp::Sub
                                     : ir::BinaryOp::Mul;
        Node->Loc = Op->getOperatorLoc();
        bool LTile = isTileValue(Op->getArg(0)), RTile = isTileValue(Op->getArg(1));
        if (LTile && RTile) {
          auto L = lowerTile(Op->getArg(0)), R = lowerTile(Op->getArg(1));
          if (!L || !R)
            return nullptr;
          Node->K = TileExpr::Kind::Binary;
          Node->Operands = {L, R};
          return Node;
        }
        Node->K = TileExpr::Kind::ScalarBinary;
        Node->ScalarOnLeft = !LTile;
        auto T = lowerTile(Op->getArg(LTile ? 0 : 1));
        auto S = lowerScalarOperand(Op->getArg(LTile ? 1 : 0));
        if (!T || !S)
          return nullptr;
        Node->Operands = {T};
        Node->Scalar = S;
        return Node;
      }
    }
    if (auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && inTilesplitNamespace(Callee)) {
        std::string Name = Callee->getNameAsString();
        if (auto U = ir::unaryOpFromName(Name); U && Call->getNumArgs() == 1) {
          auto Sub = lowerTile(Call->getArg(0));
          if (!Sub)
            return nullptr;
          Node->K = TileExpr::Kind::Unary;
          Node->UOp = *U;
          Node->Operands = {Sub};
          return Node;
        }
        if (Call->getNumArgs() == 1) {
          std::optional<TileExpr::Kind> K;
          for (ir::ReduceOp Op : {ir::ReduceOp::Sum, ir::ReduceOp::Max})
            for (ir::TileDim D : {ir::TileDim::Row, ir::TileDim::Col, ir::TileDim::Scalar}) {
              if (Name == ir::reduceName(Op, D)) {
                K = TileExpr::Kind::Reduce;
                Node->ROp = Op;
                Node->Dim = D;
              }
              if (Name == ir::broadcastName(D)) {
                K = TileExpr::Kind::Broadcast;
                Node->Dim = D;
              }
            }
          if (Name == "transpose")
            K = TileExpr::Kind::Transpose;
          if (K) {
            auto Sub = lowerTile(Call->getArg(0));
            if (!Sub)
              return nullptr;
            Node->K = *K;
            Node->Operands = {Sub};
            return Node;
          }
        }
        if (Name == "matmul" && Call->getNumArgs() == 2) {
          auto L = lowerTile(Call->getArg(0)), R = lowerTile(Call->getArg(1));
          if (!L || !R)
            return nullptr;
          Node->K = TileExpr::Kind::Matmul;
          Node->Operands = {L, R};
          return Node;
        }
        if (Name == "zeros" && Call->getNumArgs() == 0) {
          Node->K = TileExpr::Kind::Fill;
          Node->Scalar = ScalarExpr::floatLit("0.0f");
          return Node;
        }
        if (Name == "fill" && Call->getNumArgs() == 1) {
          // fill_tile takes the value itself, so it must be known here.
          const Expr *V = Call->getArg(0)->IgnoreParenImpCasts();
          if (auto *U = dyn_cast<UnaryOperator>(V); U && U->getOpcode() == UO_Minus)
            V = U->getSubExpr()->IgnoreParenImpCasts();
          if (!isa<FloatingLiteral>(V) && !isa<IntegerLiteral>(V)) {
            Diags.report(Call->getArg(0)->getExprLoc(), diag::UnsupportedExpr)
                << "fill() takes a literal value; multiply a fill(1.0f) tile by a scalar "
                   "parameter instead";
            return nullptr;
          }
          Node->K = TileExpr::Kind::Fill;
          Node->Scalar = lowerScalarOperand(Call->getArg(0));
          return Node->Scalar ? Node : nullptr;
        }
      }
      if (unsupportedCall(Call))
        return nullptr;
    }
    Diags.report(E->getExprLoc(), diag::UnsupportedExpr)
        << ("'" + sourceText(E->getSourceRange()) + "' is not a tile expression");
    return nullptr;
  }

  bool isTileValue(const Expr *E) {
    QualType T = E->getType();
    return isTilesplitRecord(T, "Tile") || isTilesplitRecord(T, "TileRef");
  }

  /// A float parameter, a scalar local, a literal, or a negated one of those.
  ScalarExprPtr lowerScalarOperand(const Expr *E) {
    const Expr *S = E->IgnoreParenImpCasts();
    if (auto *U = dyn_cast<UnaryOperator>(S); U && U->getOpcode() == UO_Minus)
      S = U->getSubExpr()->IgnoreParenImpCasts();
    bool Simple = isa<FloatingLiteral>(S) || isa<IntegerLiteral>(S);
    if (auto *DR = dyn_cast<DeclRefExpr>(S)) {
      auto It = Vars.find(DR->getDecl());
      Simple = It != Vars.end() && It->second == VarKind::Scalar &&
               scalarType(DR->getType()) == ir::ScalarType::F32;
    }
    if (!Simple) {
      Diags.report(E->getExprLoc(), diag::ScalarOperand);
      return nullptr;
    }
    auto R = lowerScalar(E);
    if (R && R->K == ScalarExpr::Kind::IntLiteral)
      R = ScalarExpr::floatLit(R->Text + ".0f");
    return R;
  }

  //===--- Scalar expressions ------------------------------------------------===//

  ScalarExprPtr lowerScalar(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (auto *C = dyn_cast<ExplicitCastExpr>(E))
      return lowerScalar(C->getSubExpr());
    if (isa<IntegerLiteral>(E))
      return ScalarExpr::intLit(literalSpelling(E));
    if (isa<FloatingLiteral>(E))
      return ScalarExpr::floatLit(literalSpelling(E));
    if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
      auto It = Vars.find(DR->getDecl());
      if (It != Vars.end() && It->second != VarKind::Tensor &&
          It->second != VarKind::TileLocal) {
        auto T = scalarType(DR->getType()).value_or(ir::ScalarType::U32);
        return ScalarExpr::var(DR->getDecl()->getNameAsString(), T);
      }
      Diags.report(DR->getLocation(), diag::UnknownVariable)
          << DR->getDecl()->getNameAsString();
      return nullptr;
    }
    if (auto *B = dyn_cast<BinaryOperator>(E)) {
      static const std::map<BinaryOperatorKind, const char *> Ops = {
          {BO_Add, "+"}, {BO_Sub, "-"}, {BO_Mul, "*"}, {BO_Div, "/"},
          {BO_Rem, "%"}, {BO_Shl, "<<"}, {BO_Shr, ">>"}};
      auto It = Ops.find(B->getOpcode());
      if (It != Ops.end()) {
        auto L = lowerScalar(B->getLHS()), R = lowerScalar(B->getRHS());
        return L && R ? ScalarExpr::binary(It->second, L, R) : nullptr;
      }
    }
    if (auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_Minus) {
        auto S = lowerScalar(U->getSubExpr());
        return S ? ScalarExpr::negate(S) : nullptr;
      }
      if (U->getOpcode() == UO_Plus)
        return lowerScalar(U->getSubExpr());
    }
    if (auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = M->getMethodDecl();
      const auto *Obj = dyn_cast<DeclRefExpr>(
          M->getImplicitObjectArgument()->IgnoreParenImpCasts());
      if (MD && Obj && tensorFormat(M->getObjectType()) && M->getNumArgs() == 0) {
        llvm::StringRef N = MD->getName();
        std::optional<ir::TensorDim> D;
        if (N == "tile_rows") D = ir::TensorDim::TileRows;
        if (N == "tile_cols") D = ir::TensorDim::TileCols;
        if (N == "num_tiles") D = ir::TensorDim::NumTiles;
        if (D)
          return ScalarExpr::dim(Obj->getDecl()->getNameAsString(), *D);
      }
    }
    Diags.report(E->getExprLoc(), diag::UnsupportedExpr)
        << ("'" + sourceText(E->getSourceRange()) +
            "' is not a scalar expression of loop variables, scalars and tensor sizes");
    return nullptr;
  }

  //===--- Affinity of tile indices ------------------------------------------===//

  /// The degree of \p E in the loop variables: 0 (loop-invariant), 1 (affine
  /// or quasi-affine) or NonAffine, with \p Why, WhyLoc and WhyRange naming the
  /// culprit. Scalars and tensor sizes count as coefficients: `m * Kt + k` is
  /// affine. Anything else is left for lowerScalar to diagnose.
  static constexpr unsigned NonAffine = ~0u;

  unsigned indexDegree(const Expr *E, std::string &Why) {
    E = E->IgnoreParenImpCasts();
    if (auto *C = dyn_cast<ExplicitCastExpr>(E))
      return indexDegree(C->getSubExpr(), Why);
    if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
      auto It = Vars.find(DR->getDecl());
      if (It == Vars.end())
        return 0;
      if (It->second == VarKind::LoopVar)
        return 1;
      auto D = LocalDegree.find(DR->getDecl());
      if (D == LocalDegree.end())
        return 0;
      if (D->second == NonAffine) {
        // Point at the use; say which part of the local's value is the problem.
        Why = "'" + DR->getDecl()->getNameAsString() + "' is computed with " +
              LocalNonAffineWhy[DR->getDecl()];
        WhyLoc = DR->getLocation();
        WhyRange = DR->getSourceRange();
        return NonAffine;
      }
      return D->second;
    }
    if (auto *U = dyn_cast<UnaryOperator>(E))
      return U->getOpcode() == UO_Minus || U->getOpcode() == UO_Plus
                 ? indexDegree(U->getSubExpr(), Why)
                 : 0;
    auto *B = dyn_cast<BinaryOperator>(E);
    if (!B)
      return 0;
    unsigned L = indexDegree(B->getLHS(), Why);
    if (L == NonAffine)
      return NonAffine;
    unsigned R = indexDegree(B->getRHS(), Why);
    if (R == NonAffine)
      return NonAffine;
    const char *Term = "a term that depends on a loop variable";
    switch (B->getOpcode()) {
    case BO_Add:
    case BO_Sub:
      return std::max(L, R);
    case BO_Mul:
      if (L && R)
        return nonAffine(B, "multiplies two terms that depend on loop variables", Why);
      return L + R;
    // Division, remainder and shifts by loop-invariant amounts keep an index
    // quasi-affine (`(i + 1) % Nt` wraps around a row); by a loop-dependent
    // amount they do not.
    case BO_Div:
    case BO_Rem:
    case BO_Shr:
      if (R)
        return nonAffine(B,
                         std::string(B->getOpcode() == BO_Div   ? "divides by "
                                     : B->getOpcode() == BO_Rem ? "takes a remainder by "
                                                                : "shifts by ") +
                             Term,
                         Why);
      return L;
    case BO_Shl:
      if (R)
        return nonAffine(B, std::string("shifts by ") + Term, Why);
      return L;
    default:
      return 0;
    }
  }

  /// Records the culprit \p At: "'i * j' multiplies two terms ...".
  unsigned nonAffine(const BinaryOperator *At, const std::string &Reason, std::string &Why) {
    std::string Text = "'" + sourceText(At->getSourceRange()) + "'";
    Why = Text + " " + Reason;
    LastNonAffine = Text + ", which " + Reason;
    WhyLoc = At->getOperatorLoc();
    WhyRange = At->getSourceRange();
    return NonAffine;
  }

  //===--- Source text -------------------------------------------------------===//

  /// Where to report code that came from a macro: a token that was a macro
  /// argument is reported where the macro body uses the argument, so that the
  /// caret is on the macro's name and a note shows the macro's definition.
  SourceLocation macroLoc(SourceLocation Loc) {
    while (Loc.isMacroID() && SM.isMacroArgExpansion(Loc))
      Loc = SM.getImmediateExpansionRange(Loc).getBegin();
    return Loc;
  }

  /// A literal as its token is spelled, also when a macro supplied it
  /// (`#define N 4`, `-DN=4`): the generated code has no such macro.
  std::string literalSpelling(const Expr *E) {
    SourceLocation Loc = SM.getSpellingLoc(E->getBeginLoc());
    llvm::SmallString<32> Buffer;
    bool Invalid = false;
    llvm::StringRef Text = Lexer::getSpelling(Loc, Buffer, SM, Ctx.getLangOpts(), &Invalid);
    return Invalid ? sourceText(E->getSourceRange()) : Text.str();
  }

  std::string sourceText(SourceRange R) {
    CharSourceRange CR = CharSourceRange::getTokenRange(R);
    return Lexer::getSourceText(CR, SM, Ctx.getLangOpts()).str();
  }

  ir::SourceRef sourceRef(const Stmt *S) {
    ir::SourceRef Ref;
    Ref.Loc = S->getBeginLoc();
    SourceLocation Exp = SM.getExpansionLoc(Ref.Loc);
    Ref.Line = SM.getExpansionLineNumber(Exp);
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Exp), &Invalid);
    if (!Invalid) {
      unsigned Off = SM.getFileOffset(Exp);
      size_t End = Buffer.find('\n', Off);
      llvm::StringRef Line = Buffer.slice(Off, End).trim();
      if (Line.ends_with("{"))
        Line = Line.drop_back().rtrim();
      Ref.Text = Line.str();
    }
    return Ref;
  }

  ASTContext &Ctx;
  SourceManager &SM;
  Diagnoser &Diags;
  std::map<const ForStmt *, PragmaRecord *> &LoopPragmas;
  std::map<const Decl *, VarKind> Vars;
  ir::Kernel *K = nullptr;
  const FunctionDecl *Fn = nullptr;
  unsigned LoopDepth = 0;
  SourceLocation CurrentPragma; // of the loop being lowered
  /// Pointer or reference parameters to tiles: never valid, and a store
  /// through one is reported as the tile escaping.
  std::vector<const ParmVarDecl *> TileOutParams;
  /// A plain 'return' among the kernel-level statements; an error if any follows.
  SourceLocation EarlyReturn;
  std::map<const Decl *, unsigned> LocalDegree; // scalar locals: indexDegree of the init
  std::map<const Decl *, std::string> LocalNonAffineWhy;
  SourceLocation WhyLoc; // indexDegree's culprit
  SourceRange WhyRange;
  std::string LastNonAffine; // "'i * j', which multiplies ..."
};

/// Function definitions of the main file, also inside namespaces, extern "C"
/// blocks and classes, and function templates' patterns: the places a tile
/// loop pragma can be.
void collectFunctions(const DeclContext *DC, const SourceManager &SM,
                      std::vector<const FunctionDecl *> &Out) {
  for (const Decl *D : DC->decls()) {
    if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D) || isa<CXXRecordDecl>(D)) {
      collectFunctions(cast<DeclContext>(D), SM, Out);
      continue;
    }
    if (auto *CT = dyn_cast<ClassTemplateDecl>(D)) {
      collectFunctions(CT->getTemplatedDecl(), SM, Out);
      continue;
    }
    const FunctionDecl *F = dyn_cast<FunctionDecl>(D);
    if (auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      F = FT->getTemplatedDecl();
    if (F && F->doesThisDeclarationHaveABody() &&
        SM.isInMainFile(SM.getExpansionLoc(F->getLocation())))
      Out.push_back(F);
  }
}

/// Statement-level statements of a function body with their file offsets: the
/// candidates a pragma can bind to.
void collectStatements(const Stmt *S, const SourceManager &SM,
                       std::vector<std::pair<unsigned, const Stmt *>> &Out) {
  if (!S)
    return;
  auto Add = [&](const Stmt *C) {
    if (C && !isa<CompoundStmt>(C))
      Out.push_back({SM.getFileOffset(SM.getExpansionLoc(C->getBeginLoc())), C});
  };
  if (auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *C : CS->body()) {
      Add(C);
      collectStatements(C, SM, Out);
    }
  } else if (auto *For = dyn_cast<ForStmt>(S)) {
    Add(For->getBody());
    collectStatements(For->getBody(), SM, Out);
  } else if (auto *If = dyn_cast<IfStmt>(S)) {
    Add(If->getThen());
    collectStatements(If->getThen(), SM, Out);
    Add(If->getElse());
    collectStatements(If->getElse(), SM, Out);
  } else if (auto *W = dyn_cast<WhileStmt>(S)) {
    Add(W->getBody());
    collectStatements(W->getBody(), SM, Out);
  }
}

/// The innermost lambda of \p S whose body holds offset \p Off, if any.
const LambdaExpr *enclosingLambda(const Stmt *S, unsigned Off, const SourceManager &SM) {
  for (const Stmt *C : S->children()) {
    if (!C)
      continue;
    if (const LambdaExpr *Inner = enclosingLambda(C, Off, SM))
      return Inner;
    if (auto *L = dyn_cast<LambdaExpr>(C)) {
      SourceRange R = L->getBody()->getSourceRange();
      if (Off > SM.getFileOffset(SM.getExpansionLoc(R.getBegin())) &&
          Off < SM.getFileOffset(SM.getExpansionLoc(R.getEnd())))
        return L;
    }
  }
  return nullptr;
}

/// The innermost compound statement of \p S containing offset \p Off.
const CompoundStmt *innermostCompound(const Stmt *S, unsigned Off,
                                      const SourceManager &SM) {
  const CompoundStmt *Best = nullptr;
  if (auto *CS = dyn_cast<CompoundStmt>(S)) {
    unsigned B = SM.getFileOffset(SM.getExpansionLoc(CS->getLBracLoc()));
    unsigned E = SM.getFileOffset(SM.getExpansionLoc(CS->getRBracLoc()));
    if (Off < B || Off > E)
      return nullptr;
    Best = CS;
  }
  for (const Stmt *C : S->children())
    if (C)
      if (const CompoundStmt *Inner = innermostCompound(C, Off, SM))
        return Inner;
  return Best;
}

} // namespace

std::vector<ir::Kernel> lowerKernels(ASTContext &Ctx, PragmaCollector &Pragmas,
                                     Diagnoser &Diags,
                                     const std::string &OnlyKernel) {
  SourceManager &SM = Ctx.getSourceManager();
  std::vector<ir::Kernel> Kernels;
  std::vector<const FunctionDecl *> Functions;
  collectFunctions(Ctx.getTranslationUnitDecl(), SM, Functions);
  auto OffsetOf = [&](SourceLocation L) {
    return SM.getFileOffset(SM.getExpansionLoc(L));
  };
  auto MainFile = SM.getMainFileID();

  bool Ok = true;
  std::map<const ForStmt *, PragmaRecord *> LoopPragmas;
  std::map<const FunctionDecl *, PragmaRecord *> KernelPragmas;
  std::vector<const FunctionDecl *> KernelFunctions;
  std::map<const FunctionDecl *, bool> DepthChecked; // by checkNestingDepth

  for (PragmaRecord &P : Pragmas.Records) {
    if (SM.getFileID(SM.getExpansionLoc(P.Loc)) != MainFile)
      continue;
    unsigned Off = OffsetOf(P.Loc);
    if (P.D == PragmaRecord::Directive::Kernel) {
      const FunctionDecl *Next = nullptr;
      for (const FunctionDecl *F : Functions)
        if (OffsetOf(F->getBeginLoc()) > Off &&
            (!Next || OffsetOf(F->getBeginLoc()) < OffsetOf(Next->getBeginLoc())))
          Next = F;
      if (!Next) {
        Diags.report(P.Loc, diag::KernelPragmaNotBeforeFunction);
        Ok = false;
        continue;
      }
      if (auto Prev = KernelPragmas.find(Next); Prev != KernelPragmas.end()) {
        Diags.report(P.Loc, diag::DuplicatePragma) << 1;
        Diags.report(Prev->second->Loc, diag::NotePragmaHere) << 2 << "";
        Ok = false;
        continue;
      }
      KernelPragmas[Next] = &P;
      P.Bound = true;
      continue;
    }
    const FunctionDecl *Owner = nullptr;
    for (const FunctionDecl *F : Functions) {
      SourceRange R = F->getBody()->getSourceRange();
      if (Off > OffsetOf(R.getBegin()) && Off < OffsetOf(R.getEnd()))
        Owner = F;
    }
    if (!Owner) {
      Diags.report(P.Loc, diag::PragmaOutsideFunction);
      Ok = false;
      continue;
    }
    // First, because everything below recurses over the body.
    auto Depth = DepthChecked.find(Owner);
    if (Depth == DepthChecked.end())
      Depth = DepthChecked.emplace(Owner, checkNestingDepth(Owner->getBody(), Diags)).first;
    if (!Depth->second) {
      Ok = false;
      continue;
    }
    if (const LambdaExpr *L = enclosingLambda(Owner->getBody(), Off, SM)) {
      Diags.report(L->getBeginLoc(), diag::UnsupportedKernelFunction) << 2;
      Diags.report(P.Loc, diag::NotePragmaHere) << 0 << "";
      Ok = false;
      continue;
    }
    std::vector<std::pair<unsigned, const Stmt *>> Stmts;
    collectStatements(Owner->getBody(), SM, Stmts);
    const CompoundStmt *Scope = innermostCompound(Owner->getBody(), Off, SM);
    unsigned ScopeEnd = OffsetOf(Scope->getRBracLoc());
    const Stmt *Next = nullptr;
    unsigned NextOff = ~0u;
    for (auto &[O, S] : Stmts)
      if (O > Off && O < ScopeEnd && O < NextOff) {
        Next = S;
        NextOff = O;
      }
    const auto *For = dyn_cast_or_null<ForStmt>(Next);
    if (!For) {
      Diags.report(P.Loc, diag::PragmaNotBeforeFor);
      Ok = false;
      continue;
    }
    if (auto Prev = LoopPragmas.find(For); Prev != LoopPragmas.end()) {
      Diags.report(P.Loc, diag::DuplicatePragma) << 0;
      Diags.report(Prev->second->Loc, diag::NotePragmaHere) << 2 << "";
      Ok = false;
      continue;
    }
    LoopPragmas[For] = &P;
    P.Bound = true;
    if (std::find(KernelFunctions.begin(), KernelFunctions.end(), Owner) !=
        KernelFunctions.end())
      continue;
    // Member functions have an object and templates have no one instance to
    // translate; the generated kernels are free functions of named tensors. A
    // lambda outside any function (`auto f = [](auto t) {...};` at namespace
    // scope) is its closure's call operator: a lambda, not a member function.
    bool Method = isa<CXXMethodDecl>(Owner);
    bool Lambda = Method && cast<CXXMethodDecl>(Owner)->getParent()->isLambda();
    if (Method || Owner->getDescribedFunctionTemplate() || Owner->isDependentContext()) {
      Diags.report(Owner->getLocation(), diag::UnsupportedKernelFunction)
          << (Lambda ? 2 : Method ? 0 : 1);
      Diags.report(P.Loc, diag::NotePragmaHere) << 0 << "";
      Ok = false;
      continue;
    }
    KernelFunctions.push_back(Owner);
  }
  if (!Ok)
    return {};

  if (KernelFunctions.empty()) {
    if (!OnlyKernel.empty())
      Diags.report(SM.getLocForStartOfFile(MainFile), diag::KernelNotFound) << OnlyKernel;
    else
      Diags.report(SM.getLocForStartOfFile(MainFile), diag::NoKernels);
    return {};
  }

  std::vector<const FunctionDecl *> Selected;
  for (const FunctionDecl *F : KernelFunctions)
    if (OnlyKernel.empty() || selects(OnlyKernel, F))
      Selected.push_back(F);
  if (Selected.empty()) {
    Diags.report(SM.getLocForStartOfFile(MainFile), diag::KernelNotFound) << OnlyKernel;
    return {};
  }
  // A kernel's name names its output directory and its host namespace, so two
  // kernels of one file (overloads, or one in each of two namespaces) cannot
  // both be translated; a qualified --kernel chooses between namespaces.
  for (size_t I = 0; I < Selected.size(); ++I)
    for (size_t J = 0; J < I; ++J)
      if (Selected[J]->getName() == Selected[I]->getName()) {
        std::string First = qualifiedName(Selected[J]), Second = qualifiedName(Selected[I]);
        Diags.report(Selected[I]->getLocation(), diag::DuplicateKernel)
            << Selected[I]->getName() << (First != Second) << First << Second;
        Diags.report(Selected[J]->getLocation(), diag::NoteOtherKernel) << First;
        Ok = false;
        break;
      }
  if (!Ok)
    return {};

  for (const FunctionDecl *F : Selected) {
    ir::Kernel K;
    if (auto It = KernelPragmas.find(F); It != KernelPragmas.end()) {
      for (const PragmaClause &C : It->second->Clauses) {
        if (C.Name == "grid")
          K.Options.Grid = {std::stoul(C.Args[0]), std::stoul(C.Args[1])};
        else if (C.Name == "fp32_dest_acc")
          K.Options.Fp32DestAcc = true;
        else if (C.Name == "approx")
          K.Options.Approx = true;
        else if (C.Name == "math_fidelity")
          K.Options.Fidelity = C.Args[0] == "LoFi"    ? ir::MathFidelity::LoFi
                               : C.Args[0] == "HiFi2" ? ir::MathFidelity::HiFi2
                               : C.Args[0] == "HiFi3" ? ir::MathFidelity::HiFi3
                                                      : ir::MathFidelity::HiFi4;
      }
    }
    KernelLowering Lowering(Ctx, Diags, LoopPragmas);
    if (!Lowering.lower(F, K)) {
      Ok = false;
      continue;
    }
    Kernels.push_back(std::move(K));
  }
  return Ok ? std::move(Kernels) : std::vector<ir::Kernel>{};
}

} // namespace tilesplit
