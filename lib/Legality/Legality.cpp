//===- Legality.cpp - What the split assumes, proved or rejected ----------===//
//
// The split runs a kernel's tile loop nest as three programs on every core at
// once: a reader that fetches every tile from DRAM as early as the circular
// buffers allow, a compute kernel, and a writer that stores results whenever
// they are ready; and the host spreads the iterations of the `parallel` loops
// over the cores. That matches the C++ reference only if no iteration can see
// another iteration's write, or its own write through DRAM. This pass proves
// that from the tile indices, which the frontend has made affine:
//
//  - each store writes a different tile in every iteration of the loops around
//    it (its index determines each of their variables), so no tile's final
//    value depends on which core finished last;
//  - two stores of one tensor never write the same tile;
//  - a tensor the nest also reads is read only at the tile the same iteration
//    writes, before it writes it: the reader fetches it before compute can
//    produce the new value, and no other iteration touches it;
//  - no tensor is written by one top-level loop nest and read by another;
//  - every name the user gave can appear in the generated code as it is.
//
// Anything it cannot prove is rejected at the access, with the write as a
// note. Index arithmetic is over the integers: a column index is assumed to be
// within its tensor's columns (the row-major page id r * cols + c is then one
// to one in (r, c)).
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Passes.h"

#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <set>

namespace tilesplit {
namespace {

/// An index component as an affine function of the loop variables: integer
/// coefficients, a constant, and loop-invariant terms (scalars, tensor sizes)
/// kept by their printed form. A loop variable that appears in a way this form
/// cannot hold (times a scalar, divided, shifted) makes the component opaque.
struct Affine {
  std::map<std::string, long long> Coef;
  /// Loop variables times one loop-invariant term (batch * rows), by its name.
  std::map<std::string, std::string> SymCoef;
  std::map<std::string, long long> Invariant;
  long long Const = 0;
  bool Opaque = false;

  bool usesLoopVar() const { return Opaque || !Coef.empty() || !SymCoef.empty(); }
  bool sameShape(const Affine &O) const {
    return !Opaque && !O.Opaque && Coef == O.Coef && SymCoef == O.SymCoef &&
           Invariant == O.Invariant;
  }
  bool operator==(const Affine &O) const { return sameShape(O) && Const == O.Const; }
  /// X += Scale * Y, or opaque when that overflows (an index the kernel
  /// could not compute either).
  void accumulate(long long &X, long long Scale, long long Y) {
    long long P;
    if (__builtin_mul_overflow(Scale, Y, &P) || __builtin_add_overflow(X, P, &X))
      Opaque = true;
  }
  void add(const Affine &O, long long Scale) {
    Opaque |= O.Opaque;
    for (const auto &[V, Term] : O.SymCoef)
      // Only sums of such terms with coefficient one are kept.
      Opaque |= Scale != 1 || !SymCoef.emplace(V, Term).second;
    for (const auto &[V, C] : O.Coef) {
      accumulate(Coef[V], Scale, C);
      if (Coef[V] == 0)
        Coef.erase(V);
    }
    for (const auto &[T, C] : O.Invariant) {
      accumulate(Invariant[T], Scale, C);
      if (Invariant[T] == 0)
        Invariant.erase(T);
    }
    accumulate(Const, Scale, O.Const);
    for (const auto &[V, Term] : SymCoef)
      Opaque |= Coef.count(V) != 0;
  }
  /// The coefficient of \p Var when this is `k * Var + invariant`, else 0.
  long long soleCoefficient(const std::string &Var) const {
    if (Opaque || !SymCoef.empty() || Coef.size() != 1 || Coef.begin()->first != Var)
      return 0;
    return Coef.begin()->second;
  }
};

std::optional<long long> integerLiteral(const ir::ScalarExprPtr &E) {
  if (E->K != ir::ScalarExpr::Kind::IntLiteral)
    return std::nullopt;
  char *End = nullptr;
  errno = 0;
  long long V = std::strtoll(E->Text.c_str(), &End, 0);
  if (errno == ERANGE)
    return std::nullopt;
  // Only the suffixes of an integer literal may follow the digits.
  if (End == E->Text.c_str() || std::string(End).find_first_not_of("uUlL") != std::string::npos)
    return std::nullopt;
  return V;
}

/// The loop variables and the scalar locals declared inside the nest (whose
/// values may depend on them), as the analysis sees names.
struct Scope {
  std::map<std::string, const ir::Loop *> LoopVars;
  std::map<std::string, ir::ScalarExprPtr> LoopLocals;
};

/// The affine forms of the scalar locals one index uses, by their value.
using LocalForms = std::map<const ir::ScalarExpr *, Affine>;

/// Sizes and scalars are positive in practice but unknown: a loop variable
/// multiplied by one is opaque. The depth bound keeps a pathological index
/// from recursing without limit; a deeper index is opaque, hence rejected.
Affine affine(const ir::ScalarExprPtr &E, const Scope &S, LocalForms &Locals,
              unsigned Depth) {
  Affine A;
  if (Depth > 256) {
    A.Opaque = true;
    return A;
  }
  using K = ir::ScalarExpr::Kind;
  switch (E->K) {
  case K::IntLiteral:
    if (auto V = integerLiteral(E))
      A.Const = *V;
    else
      A.Invariant[E->Text] = 1;
    return A;
  case K::FloatLiteral:
    A.Opaque = true;
    return A;
  case K::Var:
    if (S.LoopVars.count(E->Text)) {
      A.Coef[E->Text] = 1;
      return A;
    }
    if (auto It = S.LoopLocals.find(E->Text); It != S.LoopLocals.end()) {
      // Each local once per index: in a chain of locals that each use the one
      // before more than once, expanding every use would take exponential time. A form
      // cut off by the depth bound is opaque, which makes the whole index
      // opaque, so reusing it at another depth changes no result.
      auto Known = Locals.find(It->second.get());
      if (Known == Locals.end())
        Known = Locals.emplace(It->second.get(), affine(It->second, S, Locals, Depth + 1)).first;
      return Known->second;
    }
    A.Invariant[E->Text] = 1;
    return A;
  case K::Dim:
    A.Invariant[ir::printScalar(E)] = 1;
    return A;
  case K::Negate:
    A.add(affine(E->LHS, S, Locals, Depth + 1), -1);
    return A;
  case K::Binary: {
    Affine L = affine(E->LHS, S, Locals, Depth + 1), R = affine(E->RHS, S, Locals, Depth + 1);
    if (E->Op == "+" || E->Op == "-") {
      A.add(L, 1);
      A.add(R, E->Op == "+" ? 1 : -1);
      return A;
    }
    if (!L.usesLoopVar() && !R.usesLoopVar()) {
      // Loop-invariant: kept whole, by its printed form.
      A.Invariant[ir::printScalar(E)] = 1;
      return A;
    }
    bool LConst = !L.usesLoopVar() && L.Invariant.empty();
    bool RConst = !R.usesLoopVar() && R.Invariant.empty();
    if (E->Op == "*" && (LConst || RConst)) {
      A.add(LConst ? R : L, LConst ? L.Const : R.Const);
      return A;
    }
    // A bare loop variable times one invariant term: `k * rows`.
    auto bareVar = [](const Affine &X) {
      return !X.Opaque && X.SymCoef.empty() && X.Invariant.empty() && X.Const == 0 &&
             X.Coef.size() == 1 && X.Coef.begin()->second == 1;
    };
    auto oneTerm = [](const Affine &X) {
      return !X.usesLoopVar() && X.Const == 0 && X.Invariant.size() == 1 &&
             X.Invariant.begin()->second == 1;
    };
    if (E->Op == "*" && ((bareVar(L) && oneTerm(R)) || (bareVar(R) && oneTerm(L)))) {
      const Affine &V = bareVar(L) ? L : R, &T = bareVar(L) ? R : L;
      A.SymCoef[V.Coef.begin()->first] = T.Invariant.begin()->first;
      return A;
    }
    A.Opaque = true;
    return A;
  }
  }
  A.Opaque = true;
  return A;
}

/// A tile access as index components: (row, column) for `T.tile(r, c)`, else
/// the page id alone.
std::vector<Affine> components(const ir::TileAccess &A, const Scope &S) {
  // Each component with locals of its own: a form the depth bound cut off in
  // one must not make the other opaque.
  LocalForms RowLocals, ColLocals, IndexLocals;
  if (A.Row && A.Col)
    return {affine(A.Row, S, RowLocals, 0), affine(A.Col, S, ColLocals, 0)};
  return {affine(A.Index, S, IndexLocals, 0)};
}

/// One tensor access of a loop nest, in statement order.
struct Access {
  const ir::TileAccess *Tile;
  clang::SourceLocation Loc;
  bool IsWrite;
  unsigned Stmt;                       // position of its statement in the nest
  std::vector<std::string> EnclosingVars; // innermost last
  std::vector<Affine> Index;
};

class NestChecker {
public:
  NestChecker(Diagnoser &D) : D(D) {}

  bool check(const ir::Loop &Root) {
    collect(Root);
    for (const Access &W : Accesses)
      if (W.IsWrite && !checkOneTilePerIteration(W))
        return false;
    for (size_t I = 0; I < Accesses.size(); ++I) {
      const Access &A = Accesses[I];
      for (size_t J = 0; J < Accesses.size(); ++J) {
        const Access &W = Accesses[J];
        if (!W.IsWrite || I == J || W.Tile->Tensor != A.Tile->Tensor)
          continue;
        if (A.IsWrite ? (J < I && !disjoint(A, W)) : !readSeesOnlyItsOwnTile(A, W))
          return false;
      }
    }
    return true;
  }

private:
  void collect(const ir::Loop &L) {
    S.LoopVars[L.Var] = &L;
    Vars.push_back(L.Var);
    for (const ir::Stmt &St : L.Body) {
      unsigned Pos = NextStmt++;
      switch (St.K) {
      case ir::Stmt::Kind::Loop:
        collect(*St.L);
        break;
      case ir::Stmt::Kind::ScalarDecl:
        S.LoopLocals[St.Name] = St.Init;
        break;
      case ir::Stmt::Kind::StoreTensor:
        addReads(St.Value, Pos);
        Accesses.push_back({&St.Target, St.Src.Loc, true, Pos, Vars,
                            components(St.Target, S)});
        break;
      case ir::Stmt::Kind::DefineLocal:
        addReads(St.Value, Pos);
        break;
      }
    }
    Vars.pop_back();
  }

  void addReads(const ir::TileExprPtr &E, unsigned Pos) {
    if (E->K == ir::TileExpr::Kind::Read)
      Accesses.push_back({&E->Access, E->Loc, false, Pos, Vars, components(E->Access, S)});
    for (const ir::TileExprPtr &O : E->Operands)
      addReads(O, Pos);
  }

  /// Whether component \p C alone recovers loop variable \p V: it is
  /// `k * V + invariant` with k != 0, or `U * N + W + invariant` with W running
  /// over [0, N) (a batch of N rows, say), which recovers both U and W.
  bool determines(const Affine &C, const std::string &V) const {
    if (C.soleCoefficient(V) != 0)
      return true;
    if (C.Opaque || C.SymCoef.size() != 1 || C.Coef.size() != 1 ||
        C.Coef.begin()->second != 1)
      return false;
    const auto &[U, N] = *C.SymCoef.begin();
    const std::string &W = C.Coef.begin()->first;
    const ir::Loop *WL = S.LoopVars.at(W);
    return (V == U || V == W) && ir::isIntLiteral(WL->Begin, "0") &&
           ir::printScalar(WL->End) == N;
  }

  /// Every loop variable around the store is recovered from its index:
  /// distinct iterations write distinct tiles.
  bool checkOneTilePerIteration(const Access &W) {
    for (const std::string &V : W.EnclosingVars) {
      bool Determined = false;
      for (const Affine &C : W.Index)
        Determined |= determines(C, V);
      if (!Determined) {
        D.report(W.Loc, diag::RepeatedWrite) << W.Tile->Tensor << V;
        return false;
      }
    }
    return true;
  }

  /// Two stores of one tensor never meet if some component tells them apart:
  /// `k * v + a` and `k * v + b` with k not dividing b - a, or two different
  /// constants.
  bool disjoint(const Access &A, const Access &B) {
    for (size_t I = 0; I < A.Index.size() && A.Index.size() == B.Index.size(); ++I) {
      const Affine &X = A.Index[I], &Y = B.Index[I];
      if (!X.sameShape(Y))
        continue;
      long long Diff;
      if (__builtin_sub_overflow(Y.Const, X.Const, &Diff))
        continue;
      long long K = X.Coef.empty() ? 0 : X.Coef.begin()->second;
      if (!X.usesLoopVar() ? Diff != 0
                           : X.SymCoef.empty() && X.Coef.size() == 1 && K != -1 &&
                                 Diff % K != 0)
        return true;
    }
    D.report(A.Loc, diag::OverlappingWrites) << A.Tile->Tensor;
    D.report(B.Loc, diag::NoteWrittenHere) << B.Tile->Tensor;
    return false;
  }

  /// A read of a tensor the nest writes is sound only at the very tile its own
  /// iteration writes, no later than the store (the reader has then fetched
  /// it before compute can produce the new value).
  bool readSeesOnlyItsOwnTile(const Access &R, const Access &W) {
    bool SameTile = R.Index.size() == W.Index.size();
    for (size_t I = 0; SameTile && I < R.Index.size(); ++I)
      SameTile = R.Index[I] == W.Index[I];
    if (SameTile && R.Stmt <= W.Stmt)
      return true;
    D.report(R.Loc, SameTile ? diag::ReadAfterWrite : diag::LoopCarriedDependence)
        << R.Tile->Tensor;
    D.report(W.Loc, diag::NoteWrittenHere) << W.Tile->Tensor;
    return false;
  }

  Diagnoser &D;
  Scope S;
  std::vector<std::string> Vars;
  std::vector<Access> Accesses;
  unsigned NextStmt = 0;
};

/// The first tile read and the first tensor store of each tensor in a loop nest.
struct TensorUses {
  std::map<std::string, clang::SourceLocation> Reads, Writes;

  void add(const ir::StmtList &Body) {
    for (const ir::Stmt &S : Body) {
      if (S.K == ir::Stmt::Kind::Loop)
        add(S.L->Body);
      if (S.Value)
        addReads(S.Value);
      if (S.K == ir::Stmt::Kind::StoreTensor)
        Writes.emplace(S.Target.Tensor, S.Src.Loc);
    }
  }
  void addReads(const ir::TileExprPtr &E) {
    if (E->K == ir::TileExpr::Kind::Read)
      Reads.emplace(E->Access.Tensor, E->Loc);
    for (const ir::TileExprPtr &O : E->Operands)
      addReads(O);
  }
};

/// A tensor written by one top-level loop nest and read by another needs every
/// core to finish the first nest before any starts the second: a grid-wide
/// barrier a kernel does not have, whereas two kernels run one after the other.
bool checkCrossPhase(const ir::Kernel &K, Diagnoser &D) {
  std::vector<TensorUses> Uses(K.Loops.size());
  for (size_t I = 0; I < K.Loops.size(); ++I)
    Uses[I].add(K.Loops[I]->Body);
  for (size_t R = 0; R < Uses.size(); ++R)
    for (const auto &[Tensor, ReadLoc] : Uses[R].Reads)
      for (size_t W = 0; W < Uses.size(); ++W) {
        auto It = Uses[W].Writes.find(Tensor);
        if (W == R || It == Uses[W].Writes.end())
          continue;
        D.report(ReadLoc, diag::CrossPhaseDependence) << Tensor;
        D.report(It->second, diag::NoteWrittenHere) << Tensor;
        return false;
      }
  return true;
}

/// Names the generated host program and kernels declare in the scopes where
/// the user's names also appear (create_program, run and main; kernel_main).
const std::set<std::string> &generatedNames() {
  static const std::set<std::string> Names = {
      "device", "kernel_dir", "program", "device_grid", "grid", "num_units", "num_cores",
      "all_cores", "group_1", "group_2", "units_per_core_1", "units_per_core_2",
      "unit_begin", "unit_count", "unit", "cores", "range", "core", "reader", "compute",
      "writer", "reader_compile_args", "writer_compile_args", "workload", "shapes",
      "make_tensor", "argc", "argv", "main", "kernel_main"};
  return Names;
}

/// A name the generated code can use as it is: plain ASCII, not one the
/// generated code declares, not one it derives from a tensor's name
/// (cb_<name>, <tensor>_addr, ...).
class NameChecker {
public:
  NameChecker(const ir::Kernel &K, Diagnoser &D) : K(K), D(D) {}

  enum What { Tensor, Scalar, ScalarLocal, LoopVar, TileLocal };

  bool check(const std::string &Name, clang::SourceLocation Loc, What W) {
    bool Plain = !Name.empty() && std::all_of(Name.begin(), Name.end(), [](char C) {
      return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') ||
             (C >= '0' && C <= '9') || C == '_';
    });
    if (!Plain) {
      D.report(Loc, diag::ReservedName) << Name << unsigned(W) << 0u << "";
      return false;
    }
    if (generatedNames().count(Name) || llvm::StringRef(Name).starts_with("cb_")) {
      D.report(Loc, diag::ReservedName) << Name << unsigned(W) << 1u << "";
      return false;
    }
    for (const ir::TensorParam &T : K.Tensors)
      for (const char *Suffix : {"_addr", "_args", "_tile_rows", "_tile_cols", "_num_tiles"})
        if (Name == T.Name + Suffix) {
          D.report(Loc, diag::ReservedName) << Name << unsigned(W) << 2u << T.Name;
          return false;
        }
    return true;
  }

  bool checkAll() {
    for (const ir::TensorParam &T : K.Tensors)
      if (!check(T.Name, T.Loc, Tensor))
        return false;
    for (const ir::ScalarParam &S : K.Scalars)
      if (!check(S.Name, S.Loc, Scalar))
        return false;
    for (const ir::Stmt &S : K.Locals)
      if (!check(S.Name, S.Src.Loc, ScalarLocal))
        return false;
    for (const auto &L : K.Loops)
      if (!checkLoop(*L))
        return false;
    return true;
  }

private:
  bool checkLoop(const ir::Loop &L) {
    if (!check(L.Var, L.Src.Loc, LoopVar))
      return false;
    for (const ir::Stmt &S : L.Body) {
      if (S.K == ir::Stmt::Kind::Loop && !checkLoop(*S.L))
        return false;
      if (S.K == ir::Stmt::Kind::ScalarDecl && !check(S.Name, S.Src.Loc, ScalarLocal))
        return false;
      if (S.K == ir::Stmt::Kind::DefineLocal && !check(S.Name, S.Src.Loc, TileLocal))
        return false;
    }
    return true;
  }

  const ir::Kernel &K;
  Diagnoser &D;
};

} // namespace

bool runLegality(Program &P, Diagnoser &D) {
  const ir::Kernel &K = *P.Source;
  if (!NameChecker(K, D).checkAll() || !checkCrossPhase(K, D))
    return false;
  for (const auto &Root : K.Loops)
    if (!NestChecker(D).check(*Root))
      return false;
  return true;
}

} // namespace tilesplit
