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

unsigned need(const DfgExprPtr &E) {
  switch (E->K) {
  case DfgExpr::Kind::Site:
  case DfgExpr::Kind::Intermediate:
  case DfgExpr::Kind::Fill:
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

  void eval(const DfgExprPtr &E, unsigned Slot) {
    switch (E->K) {
    case DfgExpr::Kind::Site:
    case DfgExpr::Kind::Intermediate:
      Out.push_back(DevNode::call(DevOp::CopyTile, {cbName(E), "0", slot(Slot)}));
      return;
    case DfgExpr::Kind::Fill: {
      DevNode N = DevNode::call(DevOp::Fill, {slot(Slot), E->Scalar->Text});
      Out.push_back(N);
      return;
    }
    case DfgExpr::Kind::Unary: {
      eval(E->Operands[0], Slot);
      DevNode N = DevNode::call(DevOp::Unary, {slot(Slot)});
      N.UOp = E->UOp;
      Out.push_back(N);
      return;
    }
    case DfgExpr::Kind::ScalarBinary: {
      eval(E->Operands[0], Slot);
      DevNode N = DevNode::call(DevOp::ScalarOp, {slot(Slot), scalarBits(E->Scalar)});
      N.BOp = E->BOp;
      // s - t is the reverse subtraction of t and s.
      N.Var = (E->ScalarOnLeft && E->BOp == ir::BinaryOp::Sub) ? "rsub" : "";
      Out.push_back(N);
      return;
    }
    case DfgExpr::Kind::Binary: {
      const DfgExprPtr &L = E->Operands[0], &R = E->Operands[1];
      DevNode N;
      if (isCbLeaf(L) && isCbLeaf(R)) {
        N = DevNode::call(DevOp::BinaryTiles,
                          {cbName(L), cbName(R), "0", "0", slot(Slot)});
      } else {
        unsigned LSlot = Slot, RSlot = Slot + 1;
        if (need(R) > need(L))
          std::swap(LSlot, RSlot);
        if (LSlot < RSlot) {
          eval(L, LSlot);
          eval(R, RSlot);
        } else {
          eval(R, RSlot);
          eval(L, LSlot);
        }
        N = DevNode::call(DevOp::SfpuBinary, {slot(LSlot), slot(RSlot), slot(Slot)});
      }
      N.BOp = E->BOp;
      Out.push_back(N);
      return;
    }
    }
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
  unsigned Needed = need(N.Value);
  if (Needed > Capacity) {
    D.report(N.Src.Loc, diag::DstCapacity) << Needed << Capacity;
    return false;
  }
  DstEvaluator E(P, Ph, Out);
  E.eval(N.Value, 0);
  ResultSlot = 0;
  return true;
}

} // namespace tilesplit
