//===- Passes.h - The lowering passes and their contracts ------------------===//
//
// Each pass reads what earlier passes built into the Program and adds one
// thing. A pass returns false after reporting a diagnostic; the pipeline then
// stops and nothing is written.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_PASSES_PASSES_H
#define TILESPLIT_PASSES_PASSES_H

#include "tilesplit/Passes/Program.h"
#include "tilesplit/Passes/Target.h"
#include "tilesplit/Support/Diagnostics.h"

namespace tilesplit {

/// Needs: Source. Adds: Tensors (format, page size, read/written).
/// Rejects a kernel that writes no tensor or mixes data formats.
bool runMetadata(Program &P, Diagnoser &D);

/// Needs: Source. Adds nothing: proves that the split may run the kernel's
/// iterations in any order, on any core, as three concurrent kernels (no
/// iteration sees another's writes, nor its own through DRAM; no tensor passes
/// from one loop nest to another), or rejects the access it cannot prove.
bool runLegality(Program &P, Diagnoser &D);

/// Needs: Source. Adds: Phases with their parallel loops and unit count.
/// Rejects parallel loops whose bounds depend on an outer parallel variable and
/// parallel loops nested in reduce or sequential loops.
bool runPartition(Program &P, Diagnoser &D);

/// Needs: Phases. Adds: each phase's Body (blocks of compute nodes), its read
/// sites and intermediate tiles. Tile locals used once are folded into their
/// use (they stay in DST); the others go through an intermediate CB.
bool runDataflow(Program &P, Diagnoser &D);

/// Needs: Dataflow. Adds: Cbs, and the CB of every read site and
/// intermediate. Checks the CB count and the L1 budget of \p T.
bool runMemorySpace(Program &P, const Target &T, Diagnoser &D);

/// Needs: MemorySpace. Adds: Kernels (reader, compute, writer), each holding the
/// loops it needs and ReadTiles / ComputeTile / WriteTile placeholders.
bool runSplit(Program &P, Diagnoser &D);

/// Needs: Split. Replaces the placeholders with the CB protocol, NOC transfers
/// and barriers, and on the compute side DST acquire..release around the math
/// that DstAlloc produces for each node. Checks DST capacity.
bool runProtocol(Program &P, const Target &T, Diagnoser &D);

/// What a release's hardware start-up leaves configured, beyond the hardware
/// itself (tt-metal 2026-02's init_sfpu also configures copy, its mm_init also
/// configures matmul; 2026-08's compute_kernel_hw_startup configures no op).
struct InitModel {
  bool UnaryStartupConfiguresCopy = false;
  bool MatmulStartupConfiguresMatmul = false;
};

/// Needs: Protocol. Adds the hardware start-up and every engine init the
/// compute kernel needs (see docs/generated-code.md, "The init model").
bool runComputeInit(Program &P, const InitModel &M, Diagnoser &D);

/// Needs: ComputeInit. Adds each kernel's runtime arguments and the scalar
/// locals it must declare, from the names its body uses.
bool runBind(Program &P, Diagnoser &D);

/// What DST holds between the nodes of one acquire (an accumulation).
struct DstState {
  explicit DstState(unsigned Capacity) : Capacity(Capacity) {}
  unsigned Capacity; // tiles: 8, or 4 with 32-bit accumulation
  /// Slots 1 up to this may hold values from the accumulation's init or steps.
  unsigned WrittenBelow = 1;
  /// In a DST block of BlockTiles tiles: the variable naming this tile's
  /// accumulator slot, which stands for slot 0; the other slots are shifted up
  /// past the block's accumulators. Empty outside a block.
  std::string BlockSlot;
  unsigned BlockTiles = 1;
  clang::SourceLocation BlockLoc; // where a block that does not fit is reported
};

/// DST management: the math for one compute node in DST slots, operands in
/// Sethi-Ullman order so the fewest slots are live. A full node starts at slot
/// 0; an accumulation step adds into slot 0; an epilogue reads the accumulator
/// in slot 0 and works above it. \p PackCb is the CB the result is finally
/// packed into (reduce and broadcast inits configure for it). Returns false
/// with a diagnostic if more than the capacity is needed; \p ResultSlot gets
/// the slot to pack.
bool allocateDst(const ComputeNode &N, const Program &P, const Phase &Ph,
                 const std::string &PackCb, DstState &S, Diagnoser &D,
                 std::vector<DevNode> &Out, unsigned &ResultSlot);

/// The CB a compute node packs into (MemorySpace must have run).
unsigned outputCbOf(const Program &P, const Phase &Ph, const ComputeNode &N);

/// The accumulator's initial value (written at \p Src) into DST slot 0
/// (nothing for zeros()). Returns false with a diagnostic if a DST block with
/// it does not fit.
bool initAccumulator(const DfgExprPtr &Init, const ir::SourceRef &Src, const Program &P,
                     const Phase &Ph, DstState &S, Diagnoser &D, std::vector<DevNode> &Out);

/// Runs every pass in order.
bool runPipeline(Program &P, const Target &T, const InitModel &M, Diagnoser &D);

} // namespace tilesplit

#endif
