//===- MemorySpace.cpp - Circular buffers for every streamed tile ---------===//
//
// Inputs (read sites) take c_0 upward, outputs (one per tensor written) c_16
// upward, intermediates c_24 upward, as in tt-metal's examples. A CB's page is
// one tile of its tensor's format; its page count comes from `buffers(N)` on
// the innermost tile loop that streams it. A kernel that reduces gets one more
// intermediate, the scaler tile. The sum must fit the L1 budget.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Blocks.h"
#include "tilesplit/Passes/Passes.h"

#include <algorithm>
#include <set>

namespace tilesplit {
namespace {

constexpr unsigned FirstInput = 0, FirstOutput = 16, FirstIntermediate = 24;

class CbAllocator {
public:
  CbAllocator(Program &P) : P(P) {}

  std::string uniqueName(const std::string &Base) {
    std::string Name = "cb_" + Base;
    for (unsigned N = 1; Names.count(Name); ++N)
      Name = "cb_" + Base + "_" + std::to_string(N);
    Names.insert(Name);
    return Name;
  }

  unsigned add(CircularBuffer::Kind K, unsigned Index, std::string Name,
               ir::DataFormat F, unsigned Pages, std::string Tensor) {
    CircularBuffer C{K, Index, std::move(Name), F, Pages, ir::tileBytes(F),
                     std::move(Tensor)};
    P.Cbs.push_back(C);
    return Index;
  }

private:
  Program &P;
  std::set<std::string> Names;
};

void collectStoreBuffers(const Block &B, unsigned Buffers,
                         std::map<std::string, unsigned> &Out) {
  for (const BlockItem &It : B.Items) {
    if (It.K == BlockItem::Kind::Loop)
      collectStoreBuffers(*It.Body, It.L->Buffers, Out);
    if (It.K == BlockItem::Kind::Compute && It.Node.ToTensor &&
        It.Node.R != ComputeNode::Role::AccumulateStep) {
      unsigned &Pages = Out[It.Node.Tensor];
      Pages = std::max(Pages, Buffers);
    }
  }
}

bool reduces(const DfgExprPtr &E) {
  if (E->K == DfgExpr::Kind::Reduce)
    return true;
  return std::any_of(E->Operands.begin(), E->Operands.end(),
                     [](const DfgExprPtr &O) { return reduces(O); });
}

bool reduces(const Block &B) {
  for (const BlockItem &It : B.Items) {
    if (It.K == BlockItem::Kind::Loop && reduces(*It.Body))
      return true;
    if (It.K == BlockItem::Kind::Compute && reduces(It.Node.Value))
      return true;
  }
  return false;
}

} // namespace

bool runMemorySpace(Program &P, const Target &T, Diagnoser &D) {
  CbAllocator Alloc(P);
  const ir::Kernel &K = *P.Source;
  unsigned NextInput = FirstInput, NextOutput = FirstOutput,
           NextIntermediate = FirstIntermediate;
  auto TooMany = [&](unsigned Count, const char *Kind, unsigned Max) {
    D.report(K.Loc, diag::CbCount) << Count << Kind << Max;
    return false;
  };

  for (Phase &Ph : P.Phases) {
    for (ReadSite &S : Ph.Sites) {
      if (NextInput == FirstOutput)
        return TooMany(Ph.Sites.size(), "input", FirstOutput - FirstInput);
      // A DST block reads all its tiles of a site at once.
      unsigned Pages = S.Buffers * maxBlockTilesOf(Ph, S);
      S.Cb = Alloc.add(CircularBuffer::Kind::Input, NextInput++,
                       Alloc.uniqueName(S.Tensor), P.tensor(S.Tensor).Format, Pages,
                       S.Tensor);
    }
  }
  for (Phase &Ph : P.Phases) {
    std::map<std::string, unsigned> StorePages;
    unsigned RootBuffers = Ph.ParallelLoops.empty()
                               ? Ph.Root->Buffers
                               : Ph.ParallelLoops.back()->Buffers;
    collectStoreBuffers(Ph.Body, RootBuffers, StorePages);
    // Outputs in parameter order, so CB numbers follow the signature.
    for (const TensorInfo &TI : P.Tensors) {
      auto It = StorePages.find(TI.Name);
      if (It == StorePages.end())
        continue;
      if (NextOutput == FirstIntermediate)
        return TooMany(StorePages.size(), "output", FirstIntermediate - FirstOutput);
      Alloc.add(CircularBuffer::Kind::Output, NextOutput++, Alloc.uniqueName(TI.Name),
                TI.Format, It->second, TI.Name);
    }
    for (IntermediateTile &I : Ph.Intermediates) {
      if (NextIntermediate == T.NumCbs)
        return TooMany(Ph.Intermediates.size(), "intermediate",
                       T.NumCbs - FirstIntermediate);
      I.Cb = Alloc.add(CircularBuffer::Kind::Intermediate, NextIntermediate++,
                       Alloc.uniqueName(I.Name), K.Tensors.front().Format,
                       I.Buffers, "");
    }
  }

  // One scaler tile serves every reduction (all scale by one).
  if (std::any_of(P.Phases.begin(), P.Phases.end(),
                  [](const Phase &Ph) { return reduces(Ph.Body); })) {
    if (NextIntermediate == T.NumCbs)
      return TooMany(NextIntermediate - FirstIntermediate + 1, "intermediate",
                     T.NumCbs - FirstIntermediate);
    P.ScalerCb = Alloc.add(CircularBuffer::Kind::Intermediate, NextIntermediate++,
                           Alloc.uniqueName("scaler"), K.Tensors.front().Format, 1, "");
  }

  uint64_t Bytes = 0;
  for (const CircularBuffer &C : P.Cbs)
    Bytes += uint64_t(C.Pages) * C.PageBytes;
  if (Bytes > T.l1Budget()) {
    D.report(K.Loc, diag::L1Budget) << std::to_string(Bytes)
                                    << std::to_string(T.l1Budget());
    return false;
  }
  return true;
}

/// The output CB a compute node packs into.
unsigned outputCbOf(const Program &P, const Phase &Ph, const ComputeNode &N) {
  if (!N.ToTensor)
    return Ph.Intermediates[N.Intermediate].Cb;
  for (const CircularBuffer &C : P.Cbs)
    if (C.K == CircularBuffer::Kind::Output && C.Tensor == N.Tensor)
      return C.Index;
  return 0;
}

} // namespace tilesplit
