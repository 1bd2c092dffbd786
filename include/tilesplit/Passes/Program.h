//===- Program.h - What the passes build, stage by stage -------------------===//
//
// The pipeline (lib/<Stage>/, one pass each; docs/architecture.md):
//
//   Frontend      AST -> ir::Kernel
//   Metadata      tensors' formats, page sizes, roles           -> Program::Tensors
//   Partition     parallel loops -> linear units per phase      -> Program::Phases
//   Dataflow      tile dataflow graph: read sites, compute
//                 nodes, tile locals in DST or in a CB, writes  -> Phase::Body
//   MemorySpace   circular buffers for every streamed tile      -> Program::Cbs
//   Split         reader / compute / writer bodies              -> Program::Kernels
//   DstAlloc      DST slots for each compute node               (in Split's compute ops)
//   Protocol      CB reserve/push/wait/pop, NOC, barriers, DST acquire..release
//   ComputeInit   engine inits, re-issued when the op changes
//   Bind          runtime / compile-time argument layout        -> DeviceKernel::Args
//   Emit          C++ through the API table, clang-formatted
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_PASSES_PROGRAM_H
#define TILESPLIT_PASSES_PROGRAM_H

#include "tilesplit/IR/TileIR.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tilesplit {

//===----------------------------------------------------------------------===//
// Metadata
//===----------------------------------------------------------------------===//

struct TensorInfo {
  std::string Name;
  ir::DataFormat Format;
  unsigned PageBytes;
  bool Read = false;
  bool Written = false;
};

//===----------------------------------------------------------------------===//
// Dataflow graph
//===----------------------------------------------------------------------===//

/// A distinct tile read `T.tile(index)` within a phase: streamed by the reader
/// into one CB, waited for by the compute node that first uses it and popped
/// by the one that uses it last.
struct ReadSite {
  unsigned Id;
  std::string Tensor;
  ir::ScalarExprPtr Index;
  std::string Spelling;
  unsigned Buffers = 2; // from the innermost tile loop that streams it
  clang::SourceLocation BuffersLoc; // that loop's `buffers(N)` clause, if given
  clang::SourceLocation Loc;        // of the first read
  int Cb = -1;          // MemorySpace
};

/// A tile local that lives in an intermediate CB because it is used more than
/// once (a DST value cannot be read twice after it is packed).
struct IntermediateTile {
  unsigned Id;
  std::string Name;
  unsigned Buffers = 2;
  clang::SourceLocation BuffersLoc; // as ReadSite's
  clang::SourceLocation Loc;        // of the statement that defines it
  bool Computed = false; // an operand packed for the FPU, not a tile local
  int Cb = -1; // MemorySpace
};

/// An operand tree evaluated in DST. Leaves name read sites or intermediates.
struct DfgExpr;
using DfgExprPtr = std::shared_ptr<const DfgExpr>;
struct DfgExpr {
  enum class Kind {
    Site, Intermediate, // a tile in a CB
    Accumulator,        // the accumulator, already in DST slot 0
    Binary, ScalarBinary, Unary, Fill, Matmul,
    Reduce,    // a reduction within the tile: ROp over Dim
    Broadcast, // only as the right operand of a binary op between CB tiles
    Transpose
  } K;
  unsigned Id = 0; // Site or Intermediate id
  ir::BinaryOp BOp = ir::BinaryOp::Add;
  ir::UnaryOp UOp = ir::UnaryOp::Exp;
  ir::ReduceOp ROp = ir::ReduceOp::Sum;
  ir::TileDim Dim = ir::TileDim::Row;
  std::vector<DfgExprPtr> Operands;
  ir::ScalarExprPtr Scalar;
  bool ScalarOnLeft = false;
  /// Operations on the longest path down to a leaf (a leaf is 0). Dataflow keeps
  /// it within ir::MaxNestingDepth, which the recursive walks of later passes
  /// rely on.
  unsigned Depth = 0;
};

/// One tile computed in DST and packed: into a tensor's output CB (then written
/// to DRAM by the writer) or into an intermediate CB. An accumulation splits
/// this in two: each iteration of a reduce loop adds a step into DST slot 0
/// (AccumulateStep, no pack), and the store after the loop finishes it
/// (Epilogue: its value reads the accumulator; DST was acquired before the loop).
struct ComputeNode {
  enum class Role { Full, AccumulateStep, Epilogue } R = Role::Full;
  DfgExprPtr Value;
  bool ToTensor = true;
  std::string Tensor;       // ToTensor
  ir::ScalarExprPtr Index;  // ToTensor: the page id
  std::string Spelling;     // ToTensor: the target as written, "C.tile(m, n)"
  unsigned Intermediate = 0; // !ToTensor
  std::vector<unsigned> WaitSites, PopSites; // first / last use here
  ir::SourceRef Src;
};

struct Block;
/// An item of a phase body, in program order.
struct BlockItem {
  enum class Kind {
    Loop,
    Compute,
    ScalarDecl,
    AccumulatorBegin, // DST acquired and the accumulator initialised
  } K;
  const ir::Loop *L = nullptr; // Loop
  DfgExprPtr AccInit;          // AccumulatorBegin: nullptr for zeros()
  ir::SourceRef AccSrc;        // AccumulatorBegin
  std::shared_ptr<Block> Body; // Loop
  ComputeNode Node;            // Compute
  const ir::Stmt *Decl = nullptr; // ScalarDecl
};
struct Block {
  std::vector<BlockItem> Items;
  /// Intermediates defined in this block, popped when it ends.
  std::vector<unsigned> EndPops;
};

/// One top-level tile loop nest.
struct Phase {
  std::shared_ptr<ir::Loop> Root;
  /// The perfectly nested `parallel` loops, outermost first, linearised into
  /// units of work split across cores. May be empty (one unit).
  std::vector<const ir::Loop *> ParallelLoops;
  /// With `block(N)` on parallel loops, a unit is a block of iterations, up to
  /// blockTiles() of them, whose accumulators share one DST acquire:
  /// accumulator i of the block in slot i.
  unsigned blockTiles() const {
    unsigned N = 1;
    for (const ir::Loop *L : ParallelLoops)
      N *= L->Block;
    return N;
  }
  bool blocked() const { return blockTiles() > 1; }
  clang::SourceLocation blockLoc() const { // the first block clause
    for (const ir::Loop *L : ParallelLoops)
      if (L->Block > 1)
        return L->BlockLoc;
    return {};
  }
  /// A blocked parallel loop and the kernels' names for its block's first
  /// iteration and iteration count (named by Split; see Passes/Blocks.h).
  struct BlockedLoop {
    std::string Var, First, Count;
  };
  std::vector<BlockedLoop> BlockedLoops; // outermost first
  std::string BlockTilesName;            // the block's tile count
  std::string InBlockName;               // a tile's place in the block, and its DST slot
  ir::ScalarExprPtr Units; // the number of units
  Block Body;              // inside the parallel loops (Dataflow)
  std::vector<ReadSite> Sites;
  std::vector<IntermediateTile> Intermediates;
};

//===----------------------------------------------------------------------===//
// Circular buffers
//===----------------------------------------------------------------------===//

struct CircularBuffer {
  enum class Kind { Input, Output, Intermediate } K;
  unsigned Index;   // c_<Index>
  std::string Name; // cb_<tensor or local>
  ir::DataFormat Format;
  unsigned Pages;
  unsigned PageBytes;
  std::string Tensor; // Input / Output
};

//===----------------------------------------------------------------------===//
// Device kernels
//===----------------------------------------------------------------------===//

/// Device API operations. Their C++ spelling (which differs between tt-metal
/// releases) lives only in the API table (Emit/ApiTable.h).
enum class DevOp {
  // Circular buffers (both sides).
  CbReserveBack, CbPushBack, CbWaitFront, CbPopFront,
  // NOC.
  NocReadPage, NocWritePage, ReadBarrier, WritesFlushed, WriteBarrier,
  // Compute engine.
  HwStartup, TileRegsAcquire, TileRegsCommit, TileRegsWait, TileRegsRelease,
  CopyInit, CopyTile, BinaryInit, BinaryTiles, SfpuBinaryInit, SfpuBinary,
  UnaryInit, Unary, ScalarInit, ScalarOp, FillInit, Fill, PackTile,
  MatmulInit, MatmulTiles,
  ReduceInit, ReduceTile, ReduceUninit, // ROp, Dim; Init: the CB packed into
  BcastInit, BcastTiles,                // BOp, Dim; Init: the CB packed into
  UnaryBcastInit, UnaryBcast,           // Dim; Init: the CB packed into
  ReuseDestInit, ReuseDestTiles,        // BOp: DST = DST op CB (DEST_TO_SRCA)
  TransposeInit, TransposeTile,
  // Placeholders that Split leaves and Protocol expands into the calls above.
  ReadTiles, ComputeTile, WriteTile, AccumulatorBegin,
  // In a DST block, per tile: the accumulator's initial value, and the pack of
  // the tile's result after the block's commit.
  AccumulatorInit, PackBlockTile,
};

/// A node of a device kernel body: a call, a loop, a declaration or a comment.
/// Operands are already C++ text in the user's names.
struct DevNode {
  enum class Kind { Call, Loop, Decl, Comment } K;
  DevOp Op = DevOp::CbReserveBack;
  ir::BinaryOp BOp = ir::BinaryOp::Add;
  ir::UnaryOp UOp = ir::UnaryOp::Exp;
  ir::ReduceOp ROp = ir::ReduceOp::Sum;
  ir::TileDim Dim = ir::TileDim::Row;
  std::vector<std::string> Args;
  // Loop: for (uint32_t Var = Begin; Var < End; ++Var) Body
  // Decl: const Type Name = Init;
  std::string Var, Begin, End, Type, Init, Text;
  std::vector<DevNode> Body;
  // Placeholders: the phase and what they stand for.
  unsigned Phase = 0;
  std::vector<unsigned> Sites; // ReadTiles
  const ComputeNode *Node = nullptr; // ComputeTile, WriteTile
  const BlockItem *Item = nullptr;   // AccumulatorBegin, AccumulatorInit
  /// Placeholders of a blocked phase, inside the loop over the block's tiles:
  /// the loop variable, which is also the tile's accumulator slot in DST.
  std::string BlockSlot;

  static DevNode call(DevOp Op, std::vector<std::string> Args);
  static DevNode comment(std::string Text);
  static DevNode decl(std::string Type, std::string Name, std::string Init);
  static DevNode loop(std::string Var, std::string Begin, std::string End);
};

enum class KernelRole { Reader, Compute, Writer };
const char *roleName(KernelRole R); // "reader"

/// One runtime argument of a device kernel.
struct RuntimeArg {
  enum class Kind { TensorAddress, TensorDim, Scalar, UnitBegin, UnitCount } K;
  std::string Name;   // as the kernel names it: a_addr, a_tile_cols, alpha
  std::string Tensor; // TensorAddress, TensorDim
  ir::TensorDim Dim = ir::TensorDim::TileRows;
  ir::ScalarType Type = ir::ScalarType::U32;
  unsigned Phase = 0; // UnitBegin, UnitCount
};

struct DeviceKernel {
  KernelRole Role;
  std::vector<DevNode> Body;
  /// What the body reads: variables (scalars, locals), "<tensor>_<dim>" names,
  /// tensors accessed through a TensorAccessor (in first-use order), CBs used.
  std::vector<std::string> UsedVars, UsedDims, Accessors;
  std::vector<unsigned> UsedCbs;
  // Bind
  std::vector<RuntimeArg> Args;
  std::vector<const ir::Stmt *> Locals; // kernel-level scalar locals to declare
  /// Compute kernel: the reduction that REDUCE_OP and REDUCE_DIM name. tt-metal's
  /// reduce.h takes its default template arguments from these two defines, so
  /// the host must pass them (ComputeConfig::defines) to any kernel that
  /// includes it, whatever its calls spell out; set by Protocol.
  std::optional<std::pair<ir::ReduceOp, ir::TileDim>> ReduceDefines;
};

//===----------------------------------------------------------------------===//
// The program for one kernel.
//===----------------------------------------------------------------------===//

struct Program {
  const ir::Kernel *Source = nullptr;
  std::vector<TensorInfo> Tensors;
  std::vector<Phase> Phases;
  std::vector<CircularBuffer> Cbs;
  std::vector<DeviceKernel> Kernels; // reader, compute, writer
  /// 32-bit DST accumulation (the pragma, the command line, or float32 data).
  bool Fp32DestAcc = false;
  /// The CB holding reduce_tile's scaler tile (all ones), filled by the compute
  /// kernel at start; -1 when the kernel reduces nothing.
  int ScalerCb = -1;

  const TensorInfo &tensor(const std::string &Name) const;
  const CircularBuffer &cb(unsigned Index) const;
  DeviceKernel &kernel(KernelRole R);
  const DeviceKernel &kernel(KernelRole R) const;
};

} // namespace tilesplit

#endif
