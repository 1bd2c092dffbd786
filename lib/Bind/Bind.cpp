//===- Bind.cpp - Runtime arguments and locals of each kernel -------------===//
//
// A kernel gets exactly the runtime arguments its code names: the addresses of
// the tensors it accesses, the tensor sizes and scalars its expressions use,
// and its core's range of units. Kernel-level scalar locals (`const uint32_t
// Mt = A.tile_rows();`) are re-declared in each kernel that uses them, and
// declarations nothing uses are dropped.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Passes.h"

#include <cctype>
#include <iterator>
#include <set>

namespace tilesplit {
namespace {

void addIdentifiers(const std::string &Text, std::set<std::string> &Out) {
  for (size_t I = 0; I < Text.size();) {
    if (std::isalpha(static_cast<unsigned char>(Text[I])) || Text[I] == '_') {
      size_t J = I;
      while (J < Text.size() &&
             (std::isalnum(static_cast<unsigned char>(Text[J])) || Text[J] == '_'))
        ++J;
      Out.insert(Text.substr(I, J - I));
      I = J;
    } else if (std::isdigit(static_cast<unsigned char>(Text[I]))) {
      while (I < Text.size() && std::isalnum(static_cast<unsigned char>(Text[I])))
        ++I; // a number such as 0x40000000u is not a name
    } else {
      ++I;
    }
  }
}

/// Identifiers read by \p N and its body (declared names are not reads).
void collectUses(const DevNode &N, std::set<std::string> &Out) {
  for (const std::string &A : N.Args)
    addIdentifiers(A, Out);
  addIdentifiers(N.Begin, Out);
  addIdentifiers(N.End, Out);
  addIdentifiers(N.Init, Out);
  for (const DevNode &C : N.Body)
    collectUses(C, Out);
}

/// Drops the declarations that nothing after them in their scope reads (an
/// unused local is a warning, and kernels are compiled with -Werror), inner
/// scopes first, so a declaration read only by dropped ones goes too.
void pruneDecls(std::vector<DevNode> &Nodes) {
  for (DevNode &N : Nodes)
    pruneDecls(N.Body);
  std::set<std::string> ReadLater;
  std::vector<DevNode> Kept;
  for (auto It = Nodes.rbegin(); It != Nodes.rend(); ++It) {
    if (It->K == DevNode::Kind::Decl && !ReadLater.count(It->Var))
      continue;
    collectUses(*It, ReadLater);
    Kept.push_back(std::move(*It));
  }
  Nodes.assign(std::make_move_iterator(Kept.rbegin()), std::make_move_iterator(Kept.rend()));
}

} // namespace

bool runBind(Program &P, Diagnoser &) {
  const ir::Kernel &Src = *P.Source;
  for (DeviceKernel &K : P.Kernels) {
    pruneDecls(K.Body);
    std::set<std::string> Used;
    for (const DevNode &N : K.Body)
      collectUses(N, Used);

    // Kernel-level locals, innermost dependency last: walk them backwards so
    // a local used only by another used local is kept too.
    for (auto It = Src.Locals.rbegin(); It != Src.Locals.rend(); ++It)
      if (Used.count(It->Name))
        addIdentifiers(ir::printScalar(It->Init), Used);
    for (const ir::Stmt &L : Src.Locals)
      if (Used.count(L.Name))
        K.Locals.push_back(&L);

    for (const TensorInfo &T : P.Tensors)
      if (std::find(K.Accessors.begin(), K.Accessors.end(), T.Name) != K.Accessors.end())
        K.Args.push_back({RuntimeArg::Kind::TensorAddress, T.Name + "_addr", T.Name});
    for (const TensorInfo &T : P.Tensors)
      for (ir::TensorDim Dim : {ir::TensorDim::TileRows, ir::TensorDim::TileCols,
                                ir::TensorDim::NumTiles}) {
        std::string Name = T.Name + "_" + ir::tensorDimSuffix(Dim);
        if (Used.count(Name))
          K.Args.push_back({RuntimeArg::Kind::TensorDim, Name, T.Name, Dim});
      }
    for (const ir::ScalarParam &S : Src.Scalars)
      if (Used.count(S.Name)) {
        RuntimeArg A{RuntimeArg::Kind::Scalar, S.Name, {}};
        A.Type = S.Type;
        K.Args.push_back(A);
      }
    for (unsigned Ph = 0; Ph < P.Phases.size(); ++Ph) {
      std::string Suffix = Ph ? "_" + std::to_string(Ph) : "";
      if (Used.count("unit_begin" + Suffix)) {
        RuntimeArg A{RuntimeArg::Kind::UnitBegin, "unit_begin" + Suffix, {}};
        A.Phase = Ph;
        K.Args.push_back(A);
      }
      if (Used.count("unit_count" + Suffix)) {
        RuntimeArg A{RuntimeArg::Kind::UnitCount, "unit_count" + Suffix, {}};
        A.Phase = Ph;
        K.Args.push_back(A);
      }
    }
    for (const CircularBuffer &C : P.Cbs)
      if (Used.count(C.Name))
        K.UsedCbs.push_back(C.Index);
  }
  return true;
}

bool runPipeline(Program &P, const Target &T, const InitModel &M, Diagnoser &D) {
  P.Fp32DestAcc = T.Fp32DestAcc;
  return runMetadata(P, D) && runLegality(P, D) && runPartition(P, D) && runDataflow(P, D) &&
         runMemorySpace(P, T, D) && runSplit(P, D) && runProtocol(P, T, D) &&
         runComputeInit(P, M, D) && runBind(P, D);
}

} // namespace tilesplit
