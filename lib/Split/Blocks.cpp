//===- Blocks.cpp - The tiles of a DST block and the input tiles they share ===//
#include "tilesplit/Passes/Blocks.h"

namespace tilesplit {

std::vector<const Phase::BlockedLoop *> blockedLoopsOf(const Phase &Ph, const ReadSite &S) {
  std::vector<const Phase::BlockedLoop *> Out;
  for (const Phase::BlockedLoop &B : Ph.BlockedLoops)
    if (ir::scalarUsesVar(S.Index, B.Var))
      Out.push_back(&B);
  return Out;
}

unsigned maxBlockTilesOf(const Phase &Ph, const ReadSite &S) {
  // From the parallel loops themselves: MemorySpace asks before Split names
  // the blocked loops.
  unsigned N = 1;
  for (const ir::Loop *L : Ph.ParallelLoops)
    if (ir::scalarUsesVar(S.Index, L->Var))
      N *= L->Block;
  return N;
}

std::string blockTileCountOf(const Phase &Ph, const ReadSite &S) {
  std::vector<const Phase::BlockedLoop *> Loops = blockedLoopsOf(Ph, S);
  if (Loops.size() == Ph.BlockedLoops.size())
    return Ph.BlockTilesName;
  std::string Count;
  for (const Phase::BlockedLoop *B : Loops)
    Count += (Count.empty() ? "" : " * ") + B->Count;
  return Count.empty() ? "1" : Count;
}

std::string blockTileIndexOf(const Phase &Ph, const ReadSite &S) {
  std::vector<const Phase::BlockedLoop *> Loops = blockedLoopsOf(Ph, S);
  if (Loops.empty())
    return "0";
  if (Loops.size() == Ph.BlockedLoops.size())
    return Ph.InBlockName; // the site varies with every tile of the block
  if (Loops.size() == 1)
    return Loops[0]->Var + " - " + Loops[0]->First;
  // Row-major over the site's own loops: ((m - m_first) * n_count + (n - n_first)) ...
  std::string Index;
  for (const Phase::BlockedLoop *B : Loops) {
    std::string Offset = "(" + B->Var + " - " + B->First + ")";
    Index = Index.empty() ? Offset : Index + " * " + B->Count + " + " + Offset;
    if (B != Loops.back() && B != Loops.front())
      Index = "(" + Index + ")";
  }
  return Index;
}

DevNode blockTileLoop(const Phase &Ph, const std::vector<const Phase::BlockedLoop *> &Loops,
                      const std::string &Count, std::vector<DevNode> Body) {
  const std::string &Tile = Ph.InBlockName;
  DevNode L = DevNode::loop(Tile, "0", Count);
  std::string Stride;
  std::vector<DevNode> Recover;
  for (size_t I = Loops.size(); I-- > 0;) {
    const Phase::BlockedLoop &B = *Loops[I];
    std::string V = Tile;
    if (!Stride.empty())
      V = "(" + V + " / " + Stride + ")";
    if (I > 0)
      V += " % " + B.Count;
    Recover.insert(Recover.begin(), DevNode::decl("const uint32_t", B.Var, B.First + " + " + V));
    Stride = Stride.empty() ? B.Count : Stride + " * " + B.Count;
  }
  L.Body = std::move(Recover);
  for (DevNode &N : Body)
    L.Body.push_back(std::move(N));
  return L;
}

} // namespace tilesplit
