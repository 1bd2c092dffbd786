//===- Split.cpp - One phase body into reader, compute and writer ---------===//
//
// Each kernel keeps the loops it needs. The reader gets a ReadTiles placeholder
// before every compute node that first uses a read site; the compute kernel a
// ComputeTile per node; the writer a WriteTile per node that stores a tensor.
// All three walk their core's units of the phase the same way, so what one
// pushes the next one pops, in the same order.
//
//===----------------------------------------------------------------------===//
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

bool hasWork(const std::vector<DevNode> &Nodes) {
  for (const DevNode &N : Nodes)
    if (N.K == DevNode::Kind::Call || N.K == DevNode::Kind::Loop)
      return true;
  return false;
}

class Splitter {
public:
  Splitter(const Program &P, const Phase &Ph, unsigned PhaseIndex)
      : P(P), Ph(Ph), PhaseIndex(PhaseIndex) {}

  std::vector<DevNode> block(const Block &B, KernelRole Role) {
    std::vector<DevNode> Out;
    for (const BlockItem &It : B.Items) {
      switch (It.K) {
      case BlockItem::Kind::ScalarDecl:
        Out.push_back(DevNode::decl(std::string("const ") +
                                        ir::scalarTypeSpelling(It.Decl->Type),
                                    It.Decl->Name, ir::printScalar(It.Decl->Init)));
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
    if (PLs.size() == 1 && ir::isIntLiteral(PLs[0]->Begin, "0")) {
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
      ir::ScalarExprPtr Trip = ir::isIntLiteral(PL.Begin, "0")
                                   ? PL.End
                                   : ir::ScalarExpr::binary("-", PL.End, PL.Begin);
      ir::ScalarExprPtr V = ir::ScalarExpr::var(Unit);
      if (Stride)
        V = ir::ScalarExpr::binary("/", V, Stride);
      if (I > 0)
        V = ir::ScalarExpr::binary("%", V, Trip);
      if (!ir::isIntLiteral(PL.Begin, "0"))
        V = ir::ScalarExpr::binary("+", PL.Begin, V);
      Recover.insert(Recover.begin(),
                     DevNode::decl("const uint32_t", PL.Var, ir::printScalar(V)));
      Stride = Stride ? ir::ScalarExpr::binary("*", Trip, Stride) : Trip;
    }
    L.Body = std::move(Recover);
    for (DevNode &N : Body)
      L.Body.push_back(std::move(N));
    return L;
  }

private:
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

bool runSplit(Program &P, Diagnoser &) {
  for (KernelRole R : {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer})
    P.kernel(R);
  for (unsigned I = 0; I < P.Phases.size(); ++I) {
    const Phase &Ph = P.Phases[I];
    Splitter S(P, Ph, I);
    for (DeviceKernel &K : P.Kernels) {
      std::vector<DevNode> Body = S.block(Ph.Body, K.Role);
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
