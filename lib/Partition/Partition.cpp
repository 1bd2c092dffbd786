//===- Partition.cpp - Parallel loops into units of work ------------------===//
//
// The perfectly nested `parallel` loops at the top of a phase form one
// iteration space, linearised row-major into "units". The host splits the
// units over the cores; each kernel loops over its core's [begin, begin+count)
// and recovers the user's loop variables from the unit number.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Passes.h"

#include <algorithm>
#include <map>

namespace tilesplit {
namespace {

ir::ScalarExprPtr tripCount(const ir::Loop &L) {
  if (ir::isIntLiteral(L.Begin, "0"))
    return L.End;
  return ir::ScalarExpr::binary("-", L.End, L.Begin);
}

/// `block(N)` groups iterations of the parallel loops that are split over
/// cores; anywhere else it has nothing to group.
bool checkBlocksOnParallelLoops(const ir::Loop &L, const Phase &Ph, Diagnoser &D) {
  const auto &PLs = Ph.ParallelLoops;
  if (L.Block > 1 && std::find(PLs.begin(), PLs.end(), &L) == PLs.end()) {
    D.report(L.BlockLoc, diag::UnsupportedBlock)
        << "'block' applies to the 'parallel' tile loops that are split over cores";
    return false;
  }
  for (const ir::Stmt &S : L.Body)
    if (S.K == ir::Stmt::Kind::Loop && !checkBlocksOnParallelLoops(*S.L, Ph, D))
      return false;
  return true;
}

/// ceil(\p Trip / \p Block): the blocks of a loop, the last one possibly partial.
ir::ScalarExprPtr blocksOf(ir::ScalarExprPtr Trip, unsigned Block) {
  if (Block == 1)
    return Trip;
  auto B = ir::ScalarExpr::intLit(std::to_string(Block));
  auto BM1 = ir::ScalarExpr::intLit(std::to_string(Block - 1));
  return ir::ScalarExpr::binary("/", ir::ScalarExpr::binary("+", Trip, BM1), B);
}

/// A parallel loop below a reduce or sequential loop cannot be split.
bool checkNoParallelBelow(const ir::StmtList &Body, const ir::Loop *Outer,
                          Diagnoser &D) {
  for (const ir::Stmt &S : Body) {
    if (S.K != ir::Stmt::Kind::Loop)
      continue;
    if (S.L->Kind == ir::LoopKind::Parallel && Outer &&
        Outer->Kind != ir::LoopKind::Parallel) {
      D.report(S.L->PragmaLoc, diag::ParallelInsideReduce)
          << ir::loopKindName(Outer->Kind);
      D.report(Outer->PragmaLoc, diag::NotePragmaHere) << 1 << ir::loopKindName(Outer->Kind);
      return false;
    }
    if (!checkNoParallelBelow(S.L->Body, S.L.get(), D))
      return false;
  }
  return true;
}

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

} // namespace

bool runPartition(Program &P, Diagnoser &D) {
  const ir::Kernel &K = *P.Source;
  if (!checkCrossPhase(K, D))
    return false;
  if (K.Loops.size() > 1) {
    D.report(K.Loops[1]->PragmaLoc, diag::UnsupportedStmt)
        << 0 << "a kernel holds one top-level tile loop nest; put the others "
                "in kernels of their own";
    return false;
  }
  for (const auto &Root : K.Loops) {
    Phase Ph;
    Ph.Root = Root;
    const ir::Loop *L = Root.get();
    while (L && L->Kind == ir::LoopKind::Parallel) {
      for (const ir::Loop *Outer : Ph.ParallelLoops)
        if (ir::scalarUsesVar(L->Begin, Outer->Var) ||
            ir::scalarUsesVar(L->End, Outer->Var)) {
          D.report(L->Src.Loc, diag::DependentParallelBound) << Outer->Var;
          return false;
        }
      Ph.ParallelLoops.push_back(L);
      const ir::Loop *Next = nullptr;
      if (L->Body.size() == 1 && L->Body[0].K == ir::Stmt::Kind::Loop &&
          L->Body[0].L->Kind == ir::LoopKind::Parallel)
        Next = L->Body[0].L.get();
      L = Next;
    }
    for (const ir::Loop *PL : Ph.ParallelLoops) {
      ir::ScalarExprPtr Trip = blocksOf(tripCount(*PL), PL->Block);
      Ph.Units = Ph.Units ? ir::ScalarExpr::binary("*", Ph.Units, Trip) : Trip;
    }
    if (!Ph.Units)
      Ph.Units = ir::ScalarExpr::intLit("1");
    if (!checkBlocksOnParallelLoops(*Root, Ph, D))
      return false;
    const ir::StmtList &Inner =
        Ph.ParallelLoops.empty() ? ir::StmtList{} : Ph.ParallelLoops.back()->Body;
    if (!checkNoParallelBelow(Ph.ParallelLoops.empty() ? Root->Body : Inner,
                              Ph.ParallelLoops.empty() ? Root.get() : nullptr, D))
      return false;
    P.Phases.push_back(std::move(Ph));
  }
  return true;
}

} // namespace tilesplit
