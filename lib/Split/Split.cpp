//===- Split.cpp - One phase body into reader, compute and writer ---------===//
//
// Each kernel keeps the loops it needs. The reader gets a ReadTiles placeholder
// before every compute node that first uses a read site; the compute kernel a
// ComputeTile per node; the writer a WriteTile per node that stores a tensor.
// All three walk their core's units of the phase the same way, so what one
// pushes the next one pops, in the same order.
//
// A blocked phase (`block(N)` on parallel loops) walks blocks instead: each
// unit is a block of up to blockTiles() iterations, and every placeholder runs in
// a loop over the block's tiles. The compute kernel acquires DST once per block,
// accumulates tile i of the block in slot i, and packs them all after one
// commit. Only one accumulation fits that shape, which checkBlockedBody checks.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Blocks.h"
#include "tilesplit/Passes/Passes.h"

#include "llvm/Support/Path.h"

#include <set>

namespace tilesplit {
namespace {

/// "file.cpp:12: <the source line>", short enough that it stays on one line.
std::string sourceComment(const Program &P, const ir::SourceRef &Src) {
  constexpr size_t MaxText = 56;
  std::string Text = Src.Text;
  if (Text.size() > MaxText)
    Text = Text.substr(0, MaxText - 3) + "...";
  return llvm::sys::path::filename(P.Source->File).str() + ":" +
         std::to_string(Src.Line) + ": " + Text;
}

void collectNames(const ir::StmtList &Body, std::set<std::string> &Out) {
  for (const ir::Stmt &S : Body) {
    Out.insert(S.Name);
    if (S.K == ir::Stmt::Kind::Loop) {
      Out.insert(S.L->Var);
      collectNames(S.L->Body, Out);
    }
  }
}

/// \p Base, or \p Base with underscores appended, whichever no user name takes.
std::string freshName(const ir::Kernel &K, std::string Base) {
  std::set<std::string> Taken;
  for (const ir::TensorParam &T : K.Tensors)
    Taken.insert(T.Name);
  for (const ir::ScalarParam &S : K.Scalars)
    Taken.insert(S.Name);
  collectNames(K.Locals, Taken);
  for (const auto &L : K.Loops) {
    Taken.insert(L->Var);
    collectNames(L->Body, Taken);
  }
  while (Taken.count(Base))
    Base += "_";
  return Base;
}

/// `const uint32_t Mt = A.tile_rows();` as written, in a kernel.
DevNode scalarDecl(const ir::Stmt &Decl) {
  return DevNode::decl(std::string("const ") + ir::scalarTypeSpelling(Decl.Type), Decl.Name,
                       ir::printScalar(Decl.Init));
}

bool hasWork(const std::vector<DevNode> &Nodes) {
  for (const DevNode &N : Nodes)
    if (N.K == DevNode::Kind::Call || N.K == DevNode::Kind::Loop)
      return true;
  return false;
}

/// Names for a blocked phase's block variables that no user name takes.
void nameBlockVariables(const ir::Kernel &K, Phase &Ph) {
  for (const ir::Loop *L : Ph.ParallelLoops)
    if (L->Block > 1)
      Ph.BlockedLoops.push_back(
          {L->Var, freshName(K, L->Var + "_first"), freshName(K, L->Var + "_count")});
  Ph.BlockTilesName = freshName(K, "block_tiles");
  Ph.InBlockName = freshName(K, "in_block");
}

bool usesAnyVar(const ir::ScalarExprPtr &E, const std::vector<std::string> &Vars) {
  for (const std::string &V : Vars)
    if (ir::scalarUsesVar(E, V))
      return true;
  return false;
}

/// A blocked phase body is one accumulation: its initial value, one reduce loop
/// of accumulation steps, and one epilogue that stores a tensor tile; scalar
/// declarations may come between, if they do not use the blocked variables.
bool checkBlockedBody(const Phase &Ph, Diagnoser &D) {
  constexpr const char *OneAccumulation =
      "the loop body of a DST block is one accumulation: 'Tile acc = ...;', a reduce loop of "
      "'acc += ...', and one store of an expression of 'acc'";
  std::vector<std::string> BlockedVars;
  for (const ir::Loop *L : Ph.ParallelLoops)
    if (L->Block > 1)
      BlockedVars.push_back(L->Var);
  auto Fail = [&](const char *Why) {
    D.report(Ph.blockLoc(), diag::UnsupportedBlock) << Why;
    return false;
  };
  auto DeclOk = [&](const BlockItem &It) {
    return It.K == BlockItem::Kind::ScalarDecl && !usesAnyVar(It.Decl->Init, BlockedVars);
  };
  if (!Ph.Intermediates.empty())
    return Fail("the loop body of a DST block is one accumulation; it cannot hold tile "
                "locals or other values kept in circular buffers");
  enum { Begin, Loop, Epilogue, Done } Expect = Begin;
  for (const BlockItem &It : Ph.Body.Items) {
    if (DeclOk(It))
      continue;
    if (Expect == Begin && It.K == BlockItem::Kind::AccumulatorBegin) {
      Expect = Loop;
    } else if (Expect == Loop && It.K == BlockItem::Kind::Loop) {
      for (const BlockItem &Step : It.Body->Items)
        if (!DeclOk(Step) && !(Step.K == BlockItem::Kind::Compute &&
                               Step.Node.R == ComputeNode::Role::AccumulateStep))
          return Fail("the reduce loop of a DST block may only accumulate");
      Expect = Epilogue;
    } else if (Expect == Epilogue && It.K == BlockItem::Kind::Compute &&
               It.Node.R == ComputeNode::Role::Epilogue && It.Node.ToTensor) {
      Expect = Done;
    } else if (It.K == BlockItem::Kind::ScalarDecl) {
      return Fail("a scalar declared in the loop body of a DST block cannot use the "
                  "blocked loop variables");
    } else {
      return Fail(OneAccumulation);
    }
  }
  if (Expect != Done)
    return Fail(OneAccumulation);
  return true;
}

class Splitter {
public:
  Splitter(const Program &P, const Phase &Ph, unsigned PhaseIndex)
      : P(P), Ph(Ph), PhaseIndex(PhaseIndex) {}

  std::vector<DevNode> body(KernelRole Role) {
    return Ph.blocked() ? blockedBody(Role) : block(Ph.Body, Role);
  }

  std::vector<DevNode> block(const Block &B, KernelRole Role) {
    std::vector<DevNode> Out;
    for (const BlockItem &It : B.Items) {
      switch (It.K) {
      case BlockItem::Kind::ScalarDecl:
        Out.push_back(scalarDecl(*It.Decl));
        break;
      case BlockItem::Kind::Loop: {
        std::vector<DevNode> Inner = block(*It.Body, Role);
        if (!hasWork(Inner))
          break;
        Out.push_back(DevNode::comment(sourceComment(P, It.L->Src)));
        DevNode L = DevNode::loop(It.L->Var, ir::printScalar(It.L->Begin),
                                  ir::printScalar(It.L->End));
        L.Body = std::move(Inner);
        Out.push_back(std::move(L));
        break;
      }
      case BlockItem::Kind::Compute:
        compute(It.Node, Role, Out);
        break;
      case BlockItem::Kind::AccumulatorBegin:
        if (Role == KernelRole::Compute) {
          Out.push_back(DevNode::comment(sourceComment(P, It.AccSrc)));
          DevNode Begin = DevNode::call(DevOp::AccumulatorBegin, {});
          Begin.Phase = PhaseIndex;
          Begin.Item = &It;
          Out.push_back(std::move(Begin));
        }
        break;
      }
    }
    if (Role == KernelRole::Compute)
      for (unsigned I : B.EndPops)
        Out.push_back(DevNode::call(
            DevOp::CbPopFront, {P.cb(Ph.Intermediates[I].Cb).Name, "1"}));
    return Out;
  }

  /// The loop over this core's units, recovering the user's loop variables.
  DevNode unitLoop(std::vector<DevNode> Body) {
    std::string Suffix = PhaseIndex ? "_" + std::to_string(PhaseIndex) : "";
    std::string Begin = "unit_begin" + Suffix, Count = "unit_count" + Suffix;
    const auto &PLs = Ph.ParallelLoops;
    if (!Ph.blocked() && PLs.size() == 1 && ir::isIntLiteral(PLs[0]->Begin, "0")) {
      DevNode L = DevNode::loop(PLs[0]->Var, Begin, Begin + " + " + Count);
      L.Body = std::move(Body);
      return L;
    }
    std::string Unit = freshName(*P.Source, "unit");
    DevNode L = DevNode::loop(Unit, Begin, Begin + " + " + Count);
    // Row-major: the last parallel loop varies fastest.
    ir::ScalarExprPtr Stride;
    std::vector<DevNode> Recover;
    for (size_t I = PLs.size(); I-- > 0;) {
      const ir::Loop &PL = *PLs[I];
      unsigned Extent = PL.Block;
      ir::ScalarExprPtr Trip = ir::isIntLiteral(PL.Begin, "0")
                                   ? PL.End
                                   : ir::ScalarExpr::binary("-", PL.End, PL.Begin);
      ir::ScalarExprPtr Blocks = Trip;
      if (Extent > 1) // ceil(Trip / Extent)
        Blocks = ir::ScalarExpr::binary(
            "/", ir::ScalarExpr::binary("+", Trip, lit(Extent - 1)), lit(Extent));
      ir::ScalarExprPtr V = ir::ScalarExpr::var(Unit);
      if (Stride)
        V = ir::ScalarExpr::binary("/", V, Stride);
      if (I > 0)
        V = ir::ScalarExpr::binary("%", V, Blocks);
      if (Extent > 1)
        V = ir::ScalarExpr::binary("*", V, lit(Extent));
      if (!ir::isIntLiteral(PL.Begin, "0"))
        V = ir::ScalarExpr::binary("+", PL.Begin, V);
      std::vector<DevNode> Decls;
      if (Extent == 1) {
        Decls.push_back(DevNode::decl("const uint32_t", PL.Var, ir::printScalar(V)));
      } else {
        // The block's first iteration and how many it has (the last may be short).
        const Phase::BlockedLoop &B = blockedLoop(PL.Var);
        std::string Left = "(" + ir::printScalar(PL.End) + " - " + B.First + ")";
        Decls.push_back(DevNode::decl("const uint32_t", B.First, ir::printScalar(V)));
        Decls.push_back(DevNode::decl("const uint32_t", B.Count,
                                      Left + " < " + std::to_string(Extent) + " ? " + Left +
                                          " : " + std::to_string(Extent)));
      }
      Recover.insert(Recover.begin(), Decls.begin(), Decls.end());
      Stride = Stride ? ir::ScalarExpr::binary("*", Blocks, Stride) : Blocks;
    }
    if (Ph.blocked()) {
      std::string Tiles;
      for (const Phase::BlockedLoop &B : Ph.BlockedLoops)
        Tiles += (Tiles.empty() ? "" : " * ") + B.Count;
      Recover.push_back(DevNode::decl("const uint32_t", Ph.BlockTilesName, Tiles));
    }
    L.Body = std::move(Recover);
    for (DevNode &N : Body)
      L.Body.push_back(std::move(N));
    return L;
  }

private:
  static ir::ScalarExprPtr lit(unsigned V) { return ir::ScalarExpr::intLit(std::to_string(V)); }

  const Phase::BlockedLoop &blockedLoop(const std::string &Var) const {
    for (const Phase::BlockedLoop &B : Ph.BlockedLoops)
      if (B.Var == Var)
        return B;
    llvm_unreachable("not a blocked loop variable");
  }

  /// The loop over the block's tiles around \p Body, whose placeholders then
  /// use the loop variable as their DST slot.
  DevNode tileLoop(std::vector<DevNode> Body, bool RecoverVariables = true) {
    for (DevNode &N : Body)
      N.BlockSlot = Ph.InBlockName;
    std::vector<const Phase::BlockedLoop *> All;
    if (RecoverVariables)
      for (const Phase::BlockedLoop &B : Ph.BlockedLoops)
        All.push_back(&B);
    return blockTileLoop(Ph, All, Ph.BlockTilesName, std::move(Body));
  }

  /// A compute node of a blocked phase: the reader reads each input tile the
  /// block needs once (Protocol), and the compute kernel waits for all of them,
  /// runs the node for each tile of the block, and pops them.
  void blockedCompute(const ComputeNode &N, KernelRole Role, std::vector<DevNode> &Out) {
    std::vector<DevNode> Node;
    compute(N, Role, Node);
    if (Node.empty())
      return;
    if (Role == KernelRole::Reader) {
      Node.back().BlockSlot = Ph.InBlockName;
      Out.insert(Out.end(), Node.begin(), Node.end());
      return;
    }
    if (Role == KernelRole::Writer) {
      Out.push_back(tileLoop(std::move(Node)));
      return;
    }
    // A full block's pages, as the reader pushes them (Protocol's readTiles).
    auto Pages = [&](unsigned S) {
      return std::vector<std::string>{P.cb(Ph.Sites[S].Cb).Name,
                                      std::to_string(maxBlockTilesOf(Ph, Ph.Sites[S]))};
    };
    for (unsigned S : N.WaitSites)
      Out.push_back(DevNode::call(DevOp::CbWaitFront, Pages(S)));
    Out.push_back(tileLoop(std::move(Node)));
    for (unsigned S : N.PopSites)
      Out.push_back(DevNode::call(DevOp::CbPopFront, Pages(S)));
  }

  /// The blocked phase body (checkBlockedBody's shape) for \p Role.
  std::vector<DevNode> blockedBody(KernelRole Role) {
    std::vector<DevNode> Out;
    for (const BlockItem &It : Ph.Body.Items) {
      switch (It.K) {
      case BlockItem::Kind::ScalarDecl:
        Out.push_back(scalarDecl(*It.Decl));
        break;
      case BlockItem::Kind::AccumulatorBegin:
        if (Role != KernelRole::Compute)
          break;
        Out.push_back(DevNode::comment(sourceComment(P, It.AccSrc)));
        Out.push_back(DevNode::call(DevOp::TileRegsAcquire, {}));
        if (It.AccInit) {
          DevNode Init = DevNode::call(DevOp::AccumulatorInit, {});
          Init.Phase = PhaseIndex;
          Init.Item = &It;
          std::vector<DevNode> Body;
          Body.push_back(std::move(Init));
          Out.push_back(tileLoop(std::move(Body)));
        }
        break;
      case BlockItem::Kind::Loop: {
        std::vector<DevNode> Inner;
        for (const BlockItem &Step : It.Body->Items) {
          if (Step.K == BlockItem::Kind::ScalarDecl)
            Inner.push_back(scalarDecl(*Step.Decl));
          else
            blockedCompute(Step.Node, Role, Inner);
        }
        if (!hasWork(Inner))
          break;
        Out.push_back(DevNode::comment(sourceComment(P, It.L->Src)));
        DevNode L = DevNode::loop(It.L->Var, ir::printScalar(It.L->Begin),
                                  ir::printScalar(It.L->End));
        L.Body = std::move(Inner);
        Out.push_back(std::move(L));
        break;
      }
      case BlockItem::Kind::Compute: {
        blockedCompute(It.Node, Role, Out);
        if (Role != KernelRole::Compute)
          break;
        // Every tile's result is in DST: one commit, then pack them all.
        Out.push_back(DevNode::call(DevOp::TileRegsCommit, {}));
        Out.push_back(DevNode::call(DevOp::TileRegsWait, {}));
        DevNode Pack = DevNode::call(DevOp::PackBlockTile, {});
        Pack.Phase = PhaseIndex;
        Pack.Node = &It.Node;
        std::vector<DevNode> Packs;
        Packs.push_back(DevNode::comment(sourceComment(P, It.Node.Src)));
        Packs.push_back(std::move(Pack));
        Out.push_back(tileLoop(std::move(Packs), /*RecoverVariables=*/false));
        Out.push_back(DevNode::call(DevOp::TileRegsRelease, {}));
        break;
      }
      }
    }
    return Out;
  }

  void compute(const ComputeNode &N, KernelRole Role, std::vector<DevNode> &Out) {
    DevNode Placeholder;
    Placeholder.K = DevNode::Kind::Call;
    Placeholder.Phase = PhaseIndex;
    Placeholder.Node = &N;
    switch (Role) {
    case KernelRole::Reader:
      if (N.WaitSites.empty())
        return;
      Placeholder.Op = DevOp::ReadTiles;
      Placeholder.Sites = N.WaitSites;
      break;
    case KernelRole::Compute:
      Placeholder.Op = DevOp::ComputeTile;
      break;
    case KernelRole::Writer:
      if (!N.ToTensor || N.R == ComputeNode::Role::AccumulateStep)
        return;
      Placeholder.Op = DevOp::WriteTile;
      break;
    }
    Out.push_back(DevNode::comment(sourceComment(P, N.Src)));
    Out.push_back(std::move(Placeholder));
  }

  const Program &P;
  const Phase &Ph;
  unsigned PhaseIndex;
};

} // namespace

bool runSplit(Program &P, Diagnoser &D) {
  for (KernelRole R : {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer})
    P.kernel(R);
  for (unsigned I = 0; I < P.Phases.size(); ++I) {
    if (P.Phases[I].blocked()) {
      if (!checkBlockedBody(P.Phases[I], D))
        return false;
      nameBlockVariables(*P.Source, P.Phases[I]);
    }
    const Phase &Ph = P.Phases[I];
    Splitter S(P, Ph, I);
    for (DeviceKernel &K : P.Kernels) {
      std::vector<DevNode> Body = S.body(K.Role);
      if (!hasWork(Body))
        continue;
      if (!Ph.ParallelLoops.empty())
        K.Body.push_back(DevNode::comment(sourceComment(P, Ph.Root->Src)));
      K.Body.push_back(S.unitLoop(std::move(Body)));
    }
  }
  return true;
}

} // namespace tilesplit
