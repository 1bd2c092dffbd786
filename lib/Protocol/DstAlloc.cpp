//===- DstAlloc.cpp - Evaluating a tile expression in DST -----------------===//
//
// Leaves are unpacked into DST with copy_tile; a binary op whose operands are
// both CB tiles runs on the FPU straight from the CBs; any other binary op
// combines two DST slots on the SFPU. Reductions, transposes and binary ops
// with a broadcast operand run on the FPU from CBs too (Dataflow put their
// operands there). Operands are evaluated in Sethi-Ullman order (the subtree
// needing more slots first), so an expression needs as few slots as possible;
// the count is checked against the DST capacity.
//
// reduce_tile accumulates into its slot and leaves the rest of the tile as it
// was, so a reduction needs a slot untouched since tile_regs_acquire (all
// zeros). The reductions of an expression therefore run first, into the lowest
// untouched slots, and the rest of the expression works above them. Where no
// untouched slot exists (an accumulation step, which runs again and again in
// one acquire), a sum's slot is zero-filled first; a max cannot be.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Blocks.h"
#include "tilesplit/Passes/Passes.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Format.h"

#include <bitset>
#include <map>
#include <cstring>

namespace tilesplit {
namespace {

bool isCbLeaf(const DfgExprPtr &E) {
  return E->K == DfgExpr::Kind::Site || E->K == DfgExpr::Kind::Intermediate;
}

bool isBroadcast(const DfgExprPtr &E) { return E->K == DfgExpr::Kind::Broadcast; }

/// A binary op the FPU runs from CBs: both operands CB tiles, or one a CB tile
/// and the other a broadcast of one.
bool onFpu(const DfgExpr &E) {
  const DfgExprPtr &L = E.Operands[0], &R = E.Operands[1];
  return (isCbLeaf(L) || isBroadcast(L)) && (isCbLeaf(R) || isBroadcast(R));
}

/// DST slots \p E needs beyond the accumulator's (which is already in slot 0).
unsigned need(const DfgExprPtr &E) {
  switch (E->K) {
  case DfgExpr::Kind::Accumulator:
    return 0;
  case DfgExpr::Kind::Site:
  case DfgExpr::Kind::Intermediate:
  case DfgExpr::Kind::Fill:
  case DfgExpr::Kind::Matmul:
  case DfgExpr::Kind::Transpose:
  case DfgExpr::Kind::Broadcast:
    return 1;
  case DfgExpr::Kind::Reduce:
    return 0; // computed first, in a slot of its own (DstEvaluator::reduceFirst)
  case DfgExpr::Kind::Unary:
  case DfgExpr::Kind::ScalarBinary:
    return need(E->Operands[0]);
  case DfgExpr::Kind::Binary: {
    if (onFpu(*E))
      return 1;
    unsigned L = need(E->Operands[0]), R = need(E->Operands[1]);
    return L == R ? L + 1 : std::max(L, R);
  }
  }
  return 1;
}

/// A matmul accumulates into its DST slot, so it must land in a slot known to
/// be zero (slot 0 right after acquire) or be an accumulation step.
const DfgExpr *nestedMatmul(const DfgExprPtr &E, bool Root) {
  if (E->K == DfgExpr::Kind::Matmul &&
      (!Root || !isCbLeaf(E->Operands[0]) || !isCbLeaf(E->Operands[1])))
    return E.get();
  for (const DfgExprPtr &O : E->Operands)
    if (const DfgExpr *M = nestedMatmul(O, false))
      return M;
  return nullptr;
}

/// A broadcast outside a binary op, which the FPU cannot run on its own.
const DfgExpr *strayBroadcast(const DfgExprPtr &E, bool InBinary) {
  if (isBroadcast(E) && !InBinary)
    return E.get();
  for (const DfgExprPtr &O : E->Operands)
    if (const DfgExpr *B = strayBroadcast(O, E->K == DfgExpr::Kind::Binary))
      return B;
  return nullptr;
}

/// The IEEE-754 bits of a float literal such as "0.5f", as C++ hex text.
std::string floatBitsLiteral(const std::string &Text, bool Negate) {
  std::string Digits = Text;
  while (!Digits.empty() && (Digits.back() == 'f' || Digits.back() == 'F'))
    Digits.pop_back();
  llvm::APFloat V(llvm::APFloat::IEEEsingle());
  // The frontend only accepts literals Clang parsed, so conversion succeeds.
  llvm::Expected<llvm::APFloat::opStatus> Status =
      V.convertFromString(Digits, llvm::APFloat::rmNearestTiesToEven);
  if (!Status)
    llvm::consumeError(Status.takeError());
  if (Negate)
    V.changeSign();
  uint32_t Bits = static_cast<uint32_t>(V.bitcastToAPInt().getZExtValue());
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::format_hex(Bits, 10) << "u";
  return OS.str();
}

class DstEvaluator {
public:
  DstEvaluator(const Program &P, const Phase &Ph, const DstState &S, std::vector<DevNode> &Out)
      : P(P), Ph(Ph), Out(Out), BlockSlot(S.BlockSlot), BlockShift(S.BlockTiles - 1) {}

  /// Emits the math for \p E using slots from \p Free up; returns the slot
  /// holding the value.
  unsigned eval(const DfgExprPtr &E, unsigned Free) {
    switch (E->K) {
    case DfgExpr::Kind::Accumulator:
      return 0;
    case DfgExpr::Kind::Site:
    case DfgExpr::Kind::Intermediate:
      Out.push_back(write(DevNode::call(DevOp::CopyTile, {cbName(E), cbTile(E), slot(Free)}), Free));
      return Free;
    case DfgExpr::Kind::Fill:
      Out.push_back(write(DevNode::call(DevOp::Fill, {slot(Free), ir::printScalar(E->Scalar)}), Free));
      return Free;
    case DfgExpr::Kind::Matmul:
      Out.push_back(write(DevNode::call(DevOp::MatmulTiles,
                                        {cbName(E->Operands[0]), cbName(E->Operands[1]),
                                         cbTile(E->Operands[0]), cbTile(E->Operands[1]),
                                         slot(Free)}),
                          Free));
      return Free;
    case DfgExpr::Kind::Reduce: {
      auto It = Reduced.find(E.get());
      if (It != Reduced.end())
        return It->second;
      reduce(*E, Free);
      return Free;
    }
    case DfgExpr::Kind::Transpose:
      Out.push_back(write(
          DevNode::call(DevOp::TransposeTile,
                        {cbName(E->Operands[0]), cbTile(E->Operands[0]), slot(Free)}),
          Free));
      return Free;
    case DfgExpr::Kind::Broadcast:
      return Free; // only inside a binary op (allocateDst checks)
    case DfgExpr::Kind::Unary: {
      unsigned S = eval(E->Operands[0], Free);
      DevNode N = DevNode::call(DevOp::Unary, {slot(S)});
      N.UOp = E->UOp;
      Out.push_back(N);
      return S;
    }
    case DfgExpr::Kind::ScalarBinary: {
      unsigned S = eval(E->Operands[0], Free);
      DevNode N = DevNode::call(DevOp::ScalarOp, {slot(S), scalarBits(E->Scalar)});
      N.BOp = E->BOp;
      // s - t is the reverse subtraction of t and s.
      N.Var = (E->ScalarOnLeft && E->BOp == ir::BinaryOp::Sub) ? "rsub" : "";
      Out.push_back(N);
      return S;
    }
    case DfgExpr::Kind::Binary: {
      const DfgExprPtr &L = E->Operands[0], &R = E->Operands[1];
      if (isBroadcast(L) || isBroadcast(R))
        return broadcast(*E, Free);
      if (isCbLeaf(L) && isCbLeaf(R)) {
        DevNode N = DevNode::call(DevOp::BinaryTiles,
                                  {cbName(L), cbName(R), cbTile(L), cbTile(R), slot(Free)});
        N.BOp = E->BOp;
        Out.push_back(write(N, Free));
        return Free;
      }
      // The operand needing more slots first; the other in what is left.
      unsigned LS, RS;
      if (need(L) >= need(R)) {
        LS = eval(L, Free);
        RS = eval(R, LS == Free ? Free + 1 : Free);
      } else {
        RS = eval(R, Free);
        LS = eval(L, RS == Free ? Free + 1 : Free);
      }
      DevNode N = DevNode::call(DevOp::SfpuBinary, {slot(LS), slot(RS), slot(LS)});
      N.BOp = E->BOp;
      Out.push_back(write(N, LS));
      return LS;
    }
    }
    return Free;
  }

  /// acc += E: a matmul accumulates into slot 0 itself; anything else is
  /// computed from slot 1 and added to slot 0.
  void accumulate(const DfgExprPtr &E) {
    // matmul_tiles and a summing reduce_tile add into their slot themselves.
    if (E->K == DfgExpr::Kind::Matmul ||
        (E->K == DfgExpr::Kind::Reduce && E->ROp == ir::ReduceOp::Sum)) {
      Dirty.reset(0);
      eval(E, 0);
      return;
    }
    unsigned S = eval(E, reduceFirst(E, 1));
    DevNode N = DevNode::call(DevOp::SfpuBinary, {slot(0), slot(S), slot(0)});
    N.BOp = ir::BinaryOp::Add;
    Out.push_back(N);
  }

  /// Emits every reduction in \p E into the slots from \p Next up, which
  /// must be untouched; eval then finds them there. Returns the next free slot.
  unsigned reduceFirst(const DfgExprPtr &E, unsigned Next) {
    for (const DfgExprPtr &O : E->Operands)
      Next = reduceFirst(O, Next);
    if (E->K == DfgExpr::Kind::Reduce) {
      reduce(*E, Next);
      Reduced[E.get()] = Next++;
    }
    return Next;
  }

  /// Marks slots [1, \p Limit) as holding values from earlier in this acquire.
  void assumeWrittenBelow(unsigned Limit) {
    for (unsigned S = 1; S < Limit && S < Dirty.size(); ++S)
      Dirty.set(S);
  }

  /// One past the highest slot written, and the first reduction that had no
  /// untouched slot to go to (a max cannot be zero-filled).
  unsigned slotsUsed() const {
    unsigned N = 0;
    for (unsigned S = 0; S < Dirty.size(); ++S)
      if (Dirty.test(S))
        N = S + 1;
    return N;
  }
  const DfgExpr *MaxOnWrittenSlot = nullptr;

  /// One past the highest slot this evaluator wrote itself (assumeWrittenBelow
  /// aside): what the expression needs.
  unsigned slotsWritten() const {
    unsigned N = 0;
    for (unsigned S = 0; S < WrittenHere.size(); ++S)
      if (WrittenHere.test(S))
        N = S + 1;
    return N;
  }

  /// The CB the node packs into: reduce and broadcast inits configure for it.
  std::string PackCb;

private:
  /// The DST slot \p S names in the emitted code: in a block, slot 0 is this
  /// tile's accumulator and the others lie above all the block's accumulators.
  std::string slot(unsigned S) const {
    if (BlockSlot.empty())
      return std::to_string(S);
    return S == 0 ? BlockSlot : std::to_string(S + BlockShift);
  }

  DevNode write(DevNode N, unsigned Slot) {
    if (Slot < Dirty.size()) {
      Dirty.set(Slot);
      WrittenHere.set(Slot);
    }
    return N;
  }

  /// reduce_tile into \p Slot; a written slot is zero-filled first for a sum.
  void reduce(const DfgExpr &E, unsigned Slot) {
    if (Slot < Dirty.size() && Dirty.test(Slot)) {
      if (E.ROp == ir::ReduceOp::Max && !MaxOnWrittenSlot)
        MaxOnWrittenSlot = &E;
      Out.push_back(DevNode::call(DevOp::Fill, {slot(Slot), "0.0f"}));
    }
    DevNode N = DevNode::call(DevOp::ReduceTile, {cbName(E.Operands[0]), ScalerCb,
                                                  cbTile(E.Operands[0]), "0", slot(Slot)});
    N.ROp = E.ROp;
    N.Dim = E.Dim;
    N.Init = PackCb;
    Out.push_back(write(N, Slot));
  }

  /// A op bcast(B) from CBs, on the FPU, which broadcasts only its second
  /// operand. With the broadcast on the left (only for -, the others were
  /// swapped), bcast(B) - A is bcast(B) broadcast into DST, then DST - A with
  /// DST as the first operand (dest reuse). Not -(A - B): that differs in the
  /// sign of a NaN result, which max, relu and exp then see.
  unsigned broadcast(const DfgExpr &E, unsigned Slot) {
    bool Reversed = isBroadcast(E.Operands[0]);
    const DfgExprPtr &A = E.Operands[Reversed ? 1 : 0], &B = E.Operands[Reversed ? 0 : 1];
    const DfgExprPtr &Broadcast = B->Operands[0];
    if (Reversed) {
      DevNode N = DevNode::call(DevOp::UnaryBcast,
                                {cbName(Broadcast), cbTile(Broadcast), slot(Slot)});
      N.Dim = B->Dim;
      N.Init = PackCb;
      Out.push_back(write(N, Slot));
      DevNode Sub = DevNode::call(DevOp::ReuseDestTiles, {cbName(A), cbTile(A), slot(Slot)});
      Sub.BOp = E.BOp;
      Out.push_back(Sub);
      return Slot;
    }
    DevNode N = DevNode::call(DevOp::BcastTiles, {cbName(A), cbName(Broadcast), cbTile(A),
                                                  cbTile(Broadcast), slot(Slot)});
    N.BOp = E.BOp;
    N.Dim = B->Dim;
    N.Init = PackCb;
    Out.push_back(write(N, Slot));
    return Slot;
  }

  /// The tile of \p E's CB to read: the front one, or in a DST block this
  /// tile's among the block's tiles of that input.
  std::string cbTile(const DfgExprPtr &E) const {
    if (BlockSlot.empty() || E->K != DfgExpr::Kind::Site)
      return "0";
    return blockTileIndexOf(Ph, Ph.Sites[E->Id]);
  }

  std::string cbName(const DfgExprPtr &E) {
    unsigned Cb = E->K == DfgExpr::Kind::Site ? Ph.Sites[E->Id].Cb
                                              : Ph.Intermediates[E->Id].Cb;
    return P.cb(Cb).Name;
  }

  /// A float parameter already travels as its bits; a literal is encoded here.
  std::string scalarBits(const ir::ScalarExprPtr &S) {
    bool Negate = S->K == ir::ScalarExpr::Kind::Negate;
    const ir::ScalarExpr &V = Negate ? *S->LHS : *S;
    if (V.K == ir::ScalarExpr::Kind::Var)
      return Negate ? "(" + V.Text + " ^ 0x80000000u)" : V.Text;
    return floatBitsLiteral(V.Text, Negate);
  }

  const Program &P;
  const Phase &Ph;
  std::vector<DevNode> &Out;
  std::string ScalerCb = P.ScalerCb >= 0 ? P.cb(P.ScalerCb).Name : "";
  std::string BlockSlot;
  unsigned BlockShift;
  std::bitset<16> Dirty;       // slots written since tile_regs_acquire
  std::bitset<16> WrittenHere; // of those, slots this evaluator wrote
  std::map<const DfgExpr *, unsigned> Reduced; // by reduceFirst
};

/// A block's accumulators and the \p Used - 1 slots above its own that one
/// tile's expression at \p Src needs, against the capacity.
bool fitsBlock(const DstState &S, unsigned Used, const ir::SourceRef &Src, Diagnoser &D) {
  unsigned Extra = Used - 1, Total = S.BlockTiles + Extra;
  if (Total <= S.Capacity)
    return true;
  D.report(S.BlockLoc, diag::DstBlockCapacity)
      << S.BlockTiles << Total << (Extra > 0) << Extra << Src.Line << S.Capacity;
  return false;
}

} // namespace

bool allocateDst(const ComputeNode &N, const Program &P, const Phase &Ph,
                 const std::string &PackCb, DstState &S, Diagnoser &D,
                 std::vector<DevNode> &Out, unsigned &ResultSlot) {
  if (nestedMatmul(N.Value, /*Root=*/true)) {
    D.report(N.Src.Loc, diag::UnsupportedExpr)
        << "matmul of two tiles must be a whole expression, or accumulated with "
           "'acc += matmul(...)' in a reduce loop";
    return false;
  }
  if (strayBroadcast(N.Value, /*InBinary=*/false)) {
    D.report(N.Src.Loc, diag::UnsupportedExpr)
        << "a broadcast is an operand of +, - or * with another tile, e.g. "
           "'x + bcast_row(b)'";
    return false;
  }
  std::vector<DevNode> Math;
  DstEvaluator E(P, Ph, S, Math);
  bool Blocked = !S.BlockSlot.empty();
  E.PackCb = PackCb;
  switch (N.R) {
  case ComputeNode::Role::Full:
    ResultSlot = E.eval(N.Value, E.reduceFirst(N.Value, 0));
    break;
  case ComputeNode::Role::AccumulateStep:
    // Every iteration runs in the same acquire: all slots were written.
    E.assumeWrittenBelow(S.Capacity);
    E.accumulate(N.Value);
    ResultSlot = 0;
    break;
  case ComputeNode::Role::Epilogue: {
    // In a block, the tiles before this one used the slots above the
    // accumulators for their epilogues.
    E.assumeWrittenBelow(Blocked ? S.Capacity : S.WrittenBelow);
    unsigned Free = E.reduceFirst(N.Value, S.WrittenBelow);
    ResultSlot = E.eval(N.Value, Free == S.WrittenBelow ? 1 : Free);
    break;
  }
  }
  if (E.MaxOnWrittenSlot) {
    D.report(N.Src.Loc, diag::UnsupportedExpr)
        << ("'" + ir::reduceName(ir::ReduceOp::Max, E.MaxOnWrittenSlot->Dim) +
            "' inside an accumulation needs a DST slot of its own; compute it in a "
            "kernel of its own or before the accumulation");
    return false;
  }
  unsigned Used = E.slotsUsed();
  if (Blocked) {
    if (!fitsBlock(S, std::max(E.slotsWritten(), 1u), N.Src, D))
      return false;
    if (ResultSlot != 0) {
      D.report(N.Src.Loc, diag::UnsupportedBlock)
          << "in a DST block the result must be computed in the accumulator's slot; "
             "write the accumulator as the left operand";
      return false;
    }
  } else if (Used > S.Capacity) {
    D.report(N.Src.Loc, diag::DstCapacity) << Used << S.Capacity;
    return false;
  }
  if (N.R != ComputeNode::Role::Full && !Blocked)
    S.WrittenBelow = std::max(S.WrittenBelow, Used);
  Out.insert(Out.end(), Math.begin(), Math.end());
  return true;
}

bool initAccumulator(const DfgExprPtr &Init, const ir::SourceRef &Src, const Program &P,
                     const Phase &Ph, DstState &S, Diagnoser &D, std::vector<DevNode> &Out) {
  S.WrittenBelow = 1;
  if (!Init)
    return true; // zeros(): DST is zero after tile_regs_acquire
  DstEvaluator E(P, Ph, S, Out);
  E.eval(Init, 0);
  S.WrittenBelow = std::max(1u, E.slotsUsed());
  return S.BlockSlot.empty() || fitsBlock(S, S.WrittenBelow, Src, D);
}

} // namespace tilesplit
