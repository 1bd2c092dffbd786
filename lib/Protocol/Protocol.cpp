//===- Protocol.cpp - CB protocol, NOC transfers, barriers, DST sync ------===//
//
// Producer side: reserve -> write -> push. Consumer side: wait -> read -> pop.
// The reader reserves every CB a node needs, issues all reads, waits once on
// the read barrier, then pushes them (tt-metal's eltwise_binary reader). The
// writer waits, writes, and waits only until the write has left L1
// (noc_async_writes_flushed) before popping the page it was the source of; the
// acknowledgements are awaited once, by a write barrier that ends the kernel
// (tt-metal's writer_unary_interleaved_start_id). Compute: wait inputs,
// acquire DST, math, commit, wait, reserve, pack, push, pop inputs, release.
//
// In a DST block (Split/Blocks.cpp) the reader reads, per step, each input
// tile the block's tiles share once, into consecutive pages of a full block's
// reservation; the compute kernel's per-tile math uses the tile's own DST slot.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Blocks.h"
#include "tilesplit/Passes/Passes.h"

#include <algorithm>

namespace tilesplit {
namespace {

bool hasCall(const std::vector<DevNode> &Nodes) {
  for (const DevNode &N : Nodes)
    if (N.K == DevNode::Kind::Call || (N.K == DevNode::Kind::Loop && hasCall(N.Body)))
      return true;
  return false;
}

class ProtocolLowering {
public:
  ProtocolLowering(Program &P, const Target &T, Diagnoser &D, DeviceKernel &K)
      : P(P), T(T), D(D), K(K) {}

  bool lower(std::vector<DevNode> &Nodes) {
    std::vector<DevNode> Out;
    for (DevNode &N : Nodes) {
      if (N.K == DevNode::Kind::Loop && !lower(N.Body))
        return false;
      // A DST block's per-tile epilogue loop has nothing to do when the
      // accumulator is stored as it is.
      if (N.K == DevNode::Kind::Loop && !hasCall(N.Body))
        continue;
      if (N.K != DevNode::Kind::Call) {
        Out.push_back(std::move(N));
        continue;
      }
      switch (N.Op) {
      case DevOp::ReadTiles:
        readTiles(N, Out);
        break;
      case DevOp::WriteTile:
        writeTile(N, Out);
        break;
      case DevOp::ComputeTile:
        enterBlock(N);
        if (!computeTile(N, Out))
          return false;
        break;
      case DevOp::AccumulatorBegin:
      case DevOp::AccumulatorInit:
        enterBlock(N);
        if (N.Op == DevOp::AccumulatorBegin)
          Out.push_back(DevNode::call(DevOp::TileRegsAcquire, {}));
        if (!initAccumulator(N.Item->AccInit, N.Item->AccSrc, P, P.Phases[N.Phase], Dst, D,
                             Out))
          return false;
        break;
      case DevOp::PackBlockTile: {
        std::string OutCb = P.cb(outputCbOf(P, P.Phases[N.Phase], *N.Node)).Name;
        Out.push_back(DevNode::call(DevOp::CbReserveBack, {OutCb, "1"}));
        Out.push_back(DevNode::call(DevOp::PackTile, {N.BlockSlot, OutCb}));
        Out.push_back(DevNode::call(DevOp::CbPushBack, {OutCb, "1"}));
        break;
      }
      default:
        Out.push_back(std::move(N));
      }
    }
    Nodes = std::move(Out);
    return true;
  }

private:
  /// DST slots are per tile of the block for a placeholder in a DST block.
  void enterBlock(const DevNode &N) {
    const Phase &Ph = P.Phases[N.Phase];
    Dst.BlockSlot = N.BlockSlot;
    Dst.BlockTiles = N.BlockSlot.empty() ? 1 : Ph.blockTiles();
    Dst.BlockLoc = Ph.blockLoc();
  }

  void useAccessor(const std::string &Tensor) {
    if (std::find(K.Accessors.begin(), K.Accessors.end(), Tensor) == K.Accessors.end())
      K.Accessors.push_back(Tensor);
  }

  /// In a DST block each site's tiles for the whole block (blockTileCountOf),
  /// each read once into its own page, in blockTileIndexOf's order. The pages
  /// reserved and pushed are always a full block's (maxBlockTilesOf), so that
  /// a short block at an edge does not leave the next one wrapping around the
  /// end of the CB; the pages a short block does not fill are never read.
  void readTiles(const DevNode &N, std::vector<DevNode> &Out) {
    const Phase &Ph = P.Phases[N.Phase];
    bool Blocked = !N.BlockSlot.empty();
    auto Pages = [&](unsigned S) {
      return std::to_string(Blocked ? maxBlockTilesOf(Ph, Ph.Sites[S]) : 1);
    };
    for (unsigned S : N.Sites)
      Out.push_back(DevNode::call(DevOp::CbReserveBack, {cbOfSite(Ph, S), Pages(S)}));
    for (unsigned S : N.Sites) {
      const ReadSite &RS = Ph.Sites[S];
      useAccessor(RS.Tensor);
      std::string Cb = cbOfSite(Ph, S), Page = "get_write_ptr(" + Cb + ")";
      auto Loops = Blocked ? blockedLoopsOf(Ph, RS) : std::vector<const Phase::BlockedLoop *>{};
      if (Loops.empty()) {
        Out.push_back(
            DevNode::call(DevOp::NocReadPage, {ir::printScalar(RS.Index), RS.Tensor, Page}));
        continue;
      }
      Page += " + " + Ph.InBlockName + " * get_tile_size(" + Cb + ")";
      std::vector<DevNode> Read;
      Read.push_back(
          DevNode::call(DevOp::NocReadPage, {ir::printScalar(RS.Index), RS.Tensor, Page}));
      Out.push_back(blockTileLoop(Ph, Loops, blockTileCountOf(Ph, RS), std::move(Read)));
    }
    Out.push_back(DevNode::call(DevOp::ReadBarrier, {}));
    for (unsigned S : N.Sites)
      Out.push_back(DevNode::call(DevOp::CbPushBack, {cbOfSite(Ph, S), Pages(S)}));
  }

  void writeTile(const DevNode &N, std::vector<DevNode> &Out) {
    const ComputeNode &C = *N.Node;
    std::string Cb = P.cb(outputCbOf(P, P.Phases[N.Phase], C)).Name;
    useAccessor(C.Tensor);
    Out.push_back(DevNode::call(DevOp::CbWaitFront, {Cb, "1"}));
    Out.push_back(DevNode::call(DevOp::NocWritePage, {ir::printScalar(C.Index), C.Tensor,
                                                      "get_read_ptr(" + Cb + ")"}));
    Out.push_back(DevNode::call(DevOp::WritesFlushed, {}));
    Out.push_back(DevNode::call(DevOp::CbPopFront, {Cb, "1"}));
  }

  bool computeTile(const DevNode &N, std::vector<DevNode> &Out) {
    const Phase &Ph = P.Phases[N.Phase];
    const ComputeNode &C = *N.Node;
    // A step packs nothing, but carries the CB its accumulation ends in.
    std::string OutCb = P.cb(outputCbOf(P, Ph, C)).Name;
    // In a DST block Split waits for and pops the block's tiles around the
    // loop over the block, and puts the commit and the packs after it.
    bool Blocked = !Dst.BlockSlot.empty();
    if (!Blocked)
      for (unsigned S : C.WaitSites)
        Out.push_back(DevNode::call(DevOp::CbWaitFront, {cbOfSite(Ph, S), "1"}));
    // An accumulation acquired DST before its loop and packs after it.
    if (C.R == ComputeNode::Role::Full)
      Out.push_back(DevNode::call(DevOp::TileRegsAcquire, {}));
    unsigned Slot = 0;
    if (!allocateDst(C, P, Ph, OutCb, Dst, D, Out, Slot))
      return false;
    if (Blocked)
      return true;
    if (C.R == ComputeNode::Role::AccumulateStep) {
      for (unsigned S : C.PopSites)
        Out.push_back(DevNode::call(DevOp::CbPopFront, {cbOfSite(Ph, S), "1"}));
      return true;
    }
    Out.push_back(DevNode::call(DevOp::TileRegsCommit, {}));
    Out.push_back(DevNode::call(DevOp::TileRegsWait, {}));
    Out.push_back(DevNode::call(DevOp::CbReserveBack, {OutCb, "1"}));
    Out.push_back(DevNode::call(DevOp::PackTile, {std::to_string(Slot), OutCb}));
    Out.push_back(DevNode::call(DevOp::CbPushBack, {OutCb, "1"}));
    for (unsigned S : C.PopSites)
      Out.push_back(DevNode::call(DevOp::CbPopFront, {cbOfSite(Ph, S), "1"}));
    Out.push_back(DevNode::call(DevOp::TileRegsRelease, {}));
    // An intermediate is read back by later nodes of this compute kernel.
    if (!C.ToTensor)
      Out.push_back(DevNode::call(DevOp::CbWaitFront, {OutCb, "1"}));
    return true;
  }

  std::string cbOfSite(const Phase &Ph, unsigned S) { return P.cb(Ph.Sites[S].Cb).Name; }

  Program &P;
  const Target &T;
  Diagnoser &D;
  DeviceKernel &K;
  DstState Dst{T.dstCapacity()};
};

} // namespace

/// reduce_tile multiplies by a scaler tile; ours holds ones, made once by the
/// compute kernel before any work (fill_tile + pack_tile), held to the end.
static void fillScalerTile(const Program &P, DeviceKernel &Compute) {
  if (P.ScalerCb < 0)
    return;
  std::string Cb = P.cb(P.ScalerCb).Name;
  std::vector<DevNode> Fill = {
      DevNode::comment("the scaler tile reduce_tile multiplies by: all ones"),
      DevNode::call(DevOp::CbReserveBack, {Cb, "1"}),
      DevNode::call(DevOp::TileRegsAcquire, {}),
      DevNode::call(DevOp::Fill, {"0", "1.0f"}),
      DevNode::call(DevOp::TileRegsCommit, {}),
      DevNode::call(DevOp::TileRegsWait, {}),
      DevNode::call(DevOp::PackTile, {"0", Cb}),
      DevNode::call(DevOp::TileRegsRelease, {}),
      DevNode::call(DevOp::CbPushBack, {Cb, "1"}),
      DevNode::call(DevOp::CbWaitFront, {Cb, "1"}),
  };
  Compute.Body.insert(Compute.Body.begin(), Fill.begin(), Fill.end());
  Compute.Body.push_back(DevNode::call(DevOp::CbPopFront, {Cb, "1"}));
}

/// The writer frees each page once its write has left L1; a kernel must not
/// end before its writes are acknowledged, so one barrier closes the writer.
static void awaitWriteAcknowledgements(DeviceKernel &Writer) {
  Writer.Body.push_back(DevNode::comment("every write acknowledged before the kernel ends"));
  Writer.Body.push_back(DevNode::call(DevOp::WriteBarrier, {}));
}

/// The first reduction of the compute kernel names the REDUCE_OP / REDUCE_DIM
/// defines, as tt-metal's reduce programs pass them; every reduce call spells
/// its own template arguments, so the choice only has to make reduce.h parse.
static std::optional<std::pair<ir::ReduceOp, ir::TileDim>>
firstReduction(const std::vector<DevNode> &Nodes) {
  for (const DevNode &N : Nodes) {
    if (N.K == DevNode::Kind::Call &&
        (N.Op == DevOp::ReduceInit || N.Op == DevOp::ReduceTile))
      return std::make_pair(N.ROp, N.Dim);
    if (N.K == DevNode::Kind::Loop)
      if (auto R = firstReduction(N.Body))
        return R;
  }
  return std::nullopt;
}

bool runProtocol(Program &P, const Target &T, Diagnoser &D) {
  for (DeviceKernel &K : P.Kernels) {
    ProtocolLowering L(P, T, D, K);
    if (!L.lower(K.Body))
      return false;
  }
  fillScalerTile(P, P.kernel(KernelRole::Compute));
  P.kernel(KernelRole::Compute).ReduceDefines =
      firstReduction(P.kernel(KernelRole::Compute).Body);
  awaitWriteAcknowledgements(P.kernel(KernelRole::Writer));
  return true;
}

} // namespace tilesplit
