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

} // namespace

bool runPartition(Program &P, Diagnoser &D) {
  const ir::Kernel &K = *P.Source;
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
