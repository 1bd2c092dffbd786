//===- DstAlloc.cpp - Evaluating a tile expression in DST -----------------===//
//
// Leaves are unpacked into DST with copy_tile; a binary op whose operands are
// both CB tiles runs on the FPU straight from the CBs; any other binary op
// combines two DST slots on the SFPU. Operands are evaluated in Sethi-Ullman
// order (the subtree needing more slots first), so an expression needs as few
// slots as possible; the count is checked against the DST capacity.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Passes.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Format.h"

#include <cstring>

namespace tilesplit {
namespace {

bool isCbLeaf(const DfgExprPtr &E) {
  return E->K == DfgExpr::Kind::Site || E->K == DfgExpr::Kind::Intermediate;
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
    return 1;
  case DfgExpr::Kind::Unary:
  case DfgExpr::Kind::ScalarBinary:
    return need(E->Operands[0]);
  case DfgExpr::Kind::Binary: {
    if (isCbLeaf(E->Operands[0]) && isCbLeaf(E->Operands[1]))
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
  DstEvaluator(const Program &P, const Phase &Ph, std::vector<DevNode> &Out)
      : P(P), Ph(Ph), Out(Out) {}

  /// Emits the math for \p E using slots from \p Free up; returns the slot
  /// holding the value.
  unsigned eval(const DfgExprPtr &E, unsigned Free) {
    switch (E->K) {
    case DfgExpr::Kind::Accumulator:
      return 0;
    case DfgExpr::Kind::Site:
    case DfgExpr::Kind::Intermediate:
      Out.push_back(DevNode::call(DevOp::CopyTile, {cbName(E), "0", slot(Free)}));
      return Free;
    case DfgExpr::Kind::Fill:
      Out.push_back(DevNode::call(DevOp::Fill, {slot(Free), ir::printScalar(E->Scalar)}));
      return Free;
    case DfgExpr::Kind::Matmul:
      Out.push_back(DevNode::call(DevOp::MatmulTiles, {cbName(E->Operands[0]),
                                                       cbName(E->Operands[1]), "0", "0",
                                                       slot(Free)}));
      return Free;
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
      if (isCbLeaf(L) && isCbLeaf(R)) {
        DevNode N = DevNode::call(DevOp::BinaryTiles,
                                  {cbName(L), cbName(R), "0", "0", slot(Free)});
        N.BOp = E->BOp;
        Out.push_back(N);
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
      Out.push_back(N);
      return LS;
    }
    }
    return Free;
  }

  /// acc += E: a matmul accumulates into slot 0 itself; anything else is
  /// computed from slot 1 and added to slot 0.
  void accumulate(const DfgExprPtr &E) {
    if (E->K == DfgExpr::Kind::Matmul) {
      eval(E, 0);
      return;
    }
    unsigned S = eval(E, 1);
    DevNode N = DevNode::call(DevOp::SfpuBinary, {"0", slot(S), "0"});
    N.BOp = ir::BinaryOp::Add;
    Out.push_back(N);
  }

private:
  static std::string slot(unsigned S) { return std::to_string(S); }

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
};

} // namespace

bool allocateDst(const ComputeNode &N, const Program &P, const Phase &Ph,
                 unsigned Capacity, Diagnoser &D, std::vector<DevNode> &Out,
                 unsigned &ResultSlot) {
  bool Step = N.R == ComputeNode::Role::AccumulateStep;
  if (const DfgExpr *M = nestedMatmul(N.Value, /*Root=*/true)) {
    (void)M;
    D.report(N.Src.Loc, diag::UnsupportedExpr)
        << "matmul of two tiles must be a whole expression, or accumulated with "
           "'acc += matmul(...)' in a reduce loop";
    return false;
  }
  unsigned Needed = need(N.Value);
  if (N.R == ComputeNode::Role::Epilogue || (Step && N.Value->K != DfgExpr::Kind::Matmul))
    Needed += 1; // the accumulator's slot
  if (Needed > Capacity) {
    D.report(N.Src.Loc, diag::DstCapacity) << Needed << Capacity;
    return false;
  }
  DstEvaluator E(P, Ph, Out);
  if (Step) {
    E.accumulate(N.Value);
    ResultSlot = 0;
  } else {
    ResultSlot = E.eval(N.Value, N.R == ComputeNode::Role::Epilogue ? 1 : 0);
  }
  return true;
}

void initAccumulator(const DfgExprPtr &Init, const Program &P, const Phase &Ph,
                     std::vector<DevNode> &Out) {
  if (!Init)
    return; // zeros(): DST is zero after tile_regs_acquire
  DstEvaluator E(P, Ph, Out);
  E.eval(Init, 0);
}

} // namespace tilesplit
