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

#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <optional>
#include <set>

namespace tilesplit {
namespace {

/// tt-metal's convention for CB indices: inputs from c_0, outputs from c_16,
/// intermediates from c_24. Nothing else gives an index a meaning, so a kind
/// whose range is full takes any index left free (a layernorm's nine
/// intermediates use c_3.. once c_24..c_31 are taken).
constexpr unsigned FirstInput = 0, FirstOutput = 16, FirstIntermediate = 24;

class CbIndices {
public:
  explicit CbIndices(unsigned Count) : Used(Count, false) {}

  /// The first free index in [First, End), else the first free one anywhere.
  std::optional<unsigned> take(unsigned First, unsigned End) {
    for (unsigned I = First; I < End && I < Used.size(); ++I)
      if (!Used[I])
        return Used[I] = true, I;
    for (unsigned I = 0; I < Used.size(); ++I)
      if (!Used[I])
        return Used[I] = true, I;
    return std::nullopt;
  }

private:
  std::vector<bool> Used;
};

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

/// An output CB's pages: the most `buffers(N)` of the loops that store its
/// tensor, the clause that asked for them and the first store.
struct StorePages {
  unsigned Pages = 0;
  clang::SourceLocation BuffersLoc, Loc;
};

void collectStoreBuffers(const Block &B, const ir::Loop &L,
                         std::map<std::string, StorePages> &Out) {
  for (const BlockItem &It : B.Items) {
    if (It.K == BlockItem::Kind::Loop)
      collectStoreBuffers(*It.Body, *It.L, Out);
    if (It.K == BlockItem::Kind::Compute && It.Node.ToTensor &&
        It.Node.R != ComputeNode::Role::AccumulateStep) {
      StorePages &S = Out[It.Node.Tensor];
      if (S.Loc.isInvalid())
        S.Loc = It.Node.Src.Loc;
      if (L.Buffers > S.Pages) {
        S.Pages = L.Buffers;
        S.BuffersLoc = L.BuffersLoc;
      }
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
  CbIndices Indices(T.NumCbs);
  // For the L1-budget error, parallel to P.Cbs: the `buffers(N)` clause that
  // asked for each CB's pages, if any, and what the CB holds (the role and the
  // argument of the note).
  struct Origin {
    clang::SourceLocation BuffersLoc;
    unsigned Role; // input, output, tile local, computed tile, scaler
    std::string What;
  };
  std::vector<Origin> Origins;

  // Too many CBs: reported at the first tile that does not get one, with the
  // counts of the whole kernel (every phase's CBs coexist).
  bool Reduces = std::any_of(P.Phases.begin(), P.Phases.end(),
                             [](const Phase &Ph) { return reduces(Ph.Body); });
  unsigned Inputs = 0, Outputs = 0, Intermediates = Reduces;
  std::vector<std::map<std::string, StorePages>> Stores(P.Phases.size());
  for (size_t I = 0; I < P.Phases.size(); ++I) {
    const Phase &Ph = P.Phases[I];
    collectStoreBuffers(Ph.Body,
                        Ph.ParallelLoops.empty() ? *Ph.Root : *Ph.ParallelLoops.back(),
                        Stores[I]);
    Inputs += Ph.Sites.size();
    Outputs += Stores[I].size();
    Intermediates += Ph.Intermediates.size();
  }
  auto TooMany = [&](clang::SourceLocation Loc) {
    D.report(Loc.isValid() ? Loc : K.Loc, diag::CbCount)
        << Inputs + Outputs + Intermediates << Inputs << Outputs << Intermediates << T.NumCbs;
    return false;
  };

  for (Phase &Ph : P.Phases) {
    for (ReadSite &S : Ph.Sites) {
      std::optional<unsigned> Index = Indices.take(FirstInput, FirstOutput);
      if (!Index)
        return TooMany(S.Loc);
      // A DST block reads all its tiles of a site at once.
      unsigned Pages = S.Buffers * maxBlockTilesOf(Ph, S);
      S.Cb = Alloc.add(CircularBuffer::Kind::Input, *Index,
                       Alloc.uniqueName(S.Tensor), P.tensor(S.Tensor).Format, Pages,
                       S.Tensor);
      Origins.push_back({S.BuffersLoc, 0, S.Tensor});
    }
  }
  for (size_t PI = 0; PI < P.Phases.size(); ++PI) {
    Phase &Ph = P.Phases[PI];
    // Outputs in parameter order, so CB numbers follow the signature.
    for (const TensorInfo &TI : P.Tensors) {
      auto It = Stores[PI].find(TI.Name);
      if (It == Stores[PI].end())
        continue;
      std::optional<unsigned> Index = Indices.take(FirstOutput, FirstIntermediate);
      if (!Index)
        return TooMany(It->second.Loc);
      Alloc.add(CircularBuffer::Kind::Output, *Index, Alloc.uniqueName(TI.Name),
                TI.Format, It->second.Pages, TI.Name);
      Origins.push_back({It->second.BuffersLoc, 1, TI.Name});
    }
    for (IntermediateTile &I : Ph.Intermediates) {
      std::optional<unsigned> Index = Indices.take(FirstIntermediate, T.NumCbs);
      if (!Index)
        return TooMany(I.Loc);
      I.Cb = Alloc.add(CircularBuffer::Kind::Intermediate, *Index,
                       Alloc.uniqueName(I.Name), K.Tensors.front().Format,
                       I.Buffers, "");
      if (I.Computed)
        Origins.push_back({I.BuffersLoc, 3,
                           std::to_string(D.engine().getSourceManager().getExpansionLineNumber(
                               I.Loc))});
      else
        Origins.push_back({I.BuffersLoc, 2, I.Name});
    }
  }

  // One scaler tile serves every reduction (all scale by one).
  if (Reduces) {
    std::optional<unsigned> Index = Indices.take(FirstIntermediate, T.NumCbs);
    if (!Index)
      return TooMany(K.Loc);
    P.ScalerCb = Alloc.add(CircularBuffer::Kind::Intermediate, *Index,
                           Alloc.uniqueName("scaler"), K.Tensors.front().Format, 1, "");
    Origins.push_back({{}, 4, ""});
  }

  uint64_t Bytes = 0;
  for (const CircularBuffer &C : P.Cbs)
    Bytes += uint64_t(C.Pages) * C.PageBytes;
  if (Bytes <= T.l1Budget())
    return true;
  // Reported at the clause whose CBs take the most bytes, with each CB's share.
  std::vector<std::pair<clang::SourceLocation, uint64_t>> ByClause;
  for (size_t I = 0; I < P.Cbs.size(); ++I) {
    clang::SourceLocation L = Origins[I].BuffersLoc;
    if (L.isInvalid())
      continue;
    auto It = std::find_if(ByClause.begin(), ByClause.end(),
                           [&](const auto &E) { return E.first == L; });
    if (It == ByClause.end())
      It = ByClause.insert(ByClause.end(), {L, 0});
    It->second += uint64_t(P.Cbs[I].Pages) * P.Cbs[I].PageBytes;
  }
  clang::SourceLocation Loc = K.Loc;
  uint64_t Most = 0;
  for (const auto &[L, B] : ByClause)
    if (B > Most) {
      Loc = L;
      Most = B;
    }
  D.report(Loc, diag::L1Budget) << std::to_string(Bytes) << std::to_string(T.l1Budget());
  for (size_t I = 0; I < P.Cbs.size(); ++I) {
    const CircularBuffer &C = P.Cbs[I];
    D.report(clang::SourceLocation(), diag::NoteCbBytes)
        << C.Name << Origins[I].Role << Origins[I].What << C.Pages << C.PageBytes
        << std::to_string(uint64_t(C.Pages) * C.PageBytes);
  }
  return false;
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
