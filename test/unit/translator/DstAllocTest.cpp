//===- DstAllocTest.cpp - Evaluating tile expressions in DST --------------===//
#include "TestSupport.h"

#include "gtest/gtest.h"

#include <functional>

namespace tilesplit::test {
namespace {

using Vec = std::vector<std::string>;
using ir::BinaryOp;
using ir::ScalarExpr;
using ir::UnaryOp;

std::shared_ptr<DfgExpr> node(DfgExpr::Kind K, unsigned Id = 0) {
  auto E = std::make_shared<DfgExpr>();
  E->K = K;
  E->Id = Id;
  return E;
}
DfgExprPtr site(unsigned Id) { return node(DfgExpr::Kind::Site, Id); }
DfgExprPtr mid(unsigned Id) { return node(DfgExpr::Kind::Intermediate, Id); }
DfgExprPtr matmulOf(DfgExprPtr X, DfgExprPtr Y) {
  auto E = node(DfgExpr::Kind::Matmul);
  E->Operands = {std::move(X), std::move(Y)};
  return E;
}
DfgExprPtr bin(BinaryOp Op, DfgExprPtr L, DfgExprPtr R) {
  auto E = std::make_shared<DfgExpr>();
  E->K = DfgExpr::Kind::Binary;
  E->BOp = Op;
  E->Operands = {std::move(L), std::move(R)};
  return E;
}
DfgExprPtr un(UnaryOp Op, DfgExprPtr X) {
  auto E = std::make_shared<DfgExpr>();
  E->K = DfgExpr::Kind::Unary;
  E->UOp = Op;
  E->Operands = {std::move(X)};
  return E;
}
DfgExprPtr scalar(BinaryOp Op, DfgExprPtr X, ir::ScalarExprPtr S, bool Left = false) {
  auto E = std::make_shared<DfgExpr>();
  E->K = DfgExpr::Kind::ScalarBinary;
  E->BOp = Op;
  E->Operands = {std::move(X)};
  E->Scalar = std::move(S);
  E->ScalarOnLeft = Left;
  return E;
}
DfgExprPtr reduce(ir::ReduceOp Op, ir::TileDim Dim, DfgExprPtr X) {
  auto E = node(DfgExpr::Kind::Reduce);
  E->ROp = Op;
  E->Dim = Dim;
  E->Operands = {std::move(X)};
  return E;
}
DfgExprPtr bcast(ir::TileDim Dim, DfgExprPtr X) {
  auto E = node(DfgExpr::Kind::Broadcast);
  E->Dim = Dim;
  E->Operands = {std::move(X)};
  return E;
}
DfgExprPtr fill(ir::ScalarExprPtr S) {
  auto E = node(DfgExpr::Kind::Fill);
  E->Scalar = std::move(S);
  return E;
}

/// Balanced tree of 2^Depth leaves made by \p Leaf, joined with add.
DfgExprPtr balanced(unsigned Depth, const std::function<DfgExprPtr()> &Leaf) {
  if (Depth == 0)
    return Leaf();
  return bin(BinaryOp::Add, balanced(Depth - 1, Leaf), balanced(Depth - 1, Leaf));
}

/// A program with input CBs cb_a (c_0) and cb_b (c_1), an intermediate cb_t
/// (c_24), the scaler cb_scaler (c_25), read sites 0 (a) and 1 (b), and
/// intermediate 0 (t).
class TranslatorDstAllocSlots : public ::testing::Test {
protected:
  TranslatorDstAllocSlots() {
    using CB = CircularBuffer;
    auto F = ir::DataFormat::Float16_b;
    P.Cbs = {{CB::Kind::Input, 0, "cb_a", F, 2, 2048, "a"},
             {CB::Kind::Input, 1, "cb_b", F, 2, 2048, "b"},
             {CB::Kind::Output, 16, "cb_out", F, 2, 2048, "out"},
             {CB::Kind::Intermediate, 24, "cb_t", F, 2, 2048, ""},
             {CB::Kind::Intermediate, 25, "cb_scaler", F, 1, 2048, ""}};
    P.ScalerCb = 25;
    ReadSite A;
    A.Id = 0;
    A.Tensor = "a";
    A.Cb = 0;
    ReadSite B = A;
    B.Id = 1;
    B.Tensor = "b";
    B.Cb = 1;
    Ph.Sites = {A, B};
    IntermediateTile T;
    T.Id = 0;
    T.Name = "t";
    T.Cb = 24;
    Ph.Intermediates = {T};
  }

  /// Runs allocateDst on \p E; the calls it produced, spelled for 2026-08.
  bool run(DfgExprPtr E, unsigned Capacity = 8,
           ComputeNode::Role Role = ComputeNode::Role::Full) {
    ComputeNode N;
    N.R = Role;
    N.Value = std::move(E);
    N.Tensor = "out";
    Out.clear();
    Result = 99;
    return allocateDst(N, P, Ph, "cb_out", Dst = DstState{Capacity}, D, Out, Result);
  }
  /// run() for one tile of a DST block of \p Tiles tiles whose slot variable is in_block.
  bool runInBlock(DfgExprPtr E, unsigned Tiles, ComputeNode::Role Role, unsigned Capacity = 8) {
    ComputeNode N;
    N.R = Role;
    N.Value = std::move(E);
    N.Tensor = "out";
    N.Src.Line = 12;
    Out.clear();
    Result = 99;
    Dst = DstState{Capacity};
    Dst.BlockSlot = "in_block";
    Dst.BlockTiles = Tiles;
    return allocateDst(N, P, Ph, "cb_out", Dst, D, Out, Result);
  }
  Vec calls() const { return renderCalls(Out); }
  std::vector<unsigned> slots() const { return dstSlotsUsed(Out); }

  Program P;
  Phase Ph;
  StandaloneDiags Diags;
  Diagnoser D{Diags.engine()};
  std::vector<DevNode> Out;
  unsigned Result = 99; // the slot allocateDst says to pack
  DstState Dst{8};
};

std::vector<unsigned> upTo(unsigned N) {
  std::vector<unsigned> V;
  for (unsigned I = 0; I < N; ++I)
    V.push_back(I);
  return V;
}

TEST_F(TranslatorDstAllocSlots, FpuPathForTwoCbOperands) {
  ASSERT_TRUE(run(bin(BinaryOp::Add, site(0), site(1))));
  EXPECT_EQ(calls(), (Vec{"add_tiles(cb_a, cb_b, 0, 0, 0);"}));
  EXPECT_EQ(Result, 0u);
  ASSERT_TRUE(run(bin(BinaryOp::Mul, mid(0), site(0))));
  EXPECT_EQ(calls(), (Vec{"mul_tiles(cb_t, cb_a, 0, 0, 0);"}));
  ASSERT_TRUE(run(bin(BinaryOp::Sub, site(1), site(1))));
  EXPECT_EQ(calls(), (Vec{"sub_tiles(cb_b, cb_b, 0, 0, 0);"}));
}

TEST_F(TranslatorDstAllocSlots, LeafIsCopiedIntoDst) {
  ASSERT_TRUE(run(site(1)));
  EXPECT_EQ(calls(), (Vec{"copy_tile(cb_b, 0, 0);"}));
  ASSERT_TRUE(run(un(UnaryOp::Exp, mid(0))));
  EXPECT_EQ(calls(), (Vec{"copy_tile(cb_t, 0, 0);", "exp_tile(0);"}));
}

TEST_F(TranslatorDstAllocSlots, SfpuPathWhenAnOperandIsComputed) {
  ASSERT_TRUE(run(bin(BinaryOp::Add, site(0), un(UnaryOp::Exp, site(1)))));
  EXPECT_EQ(calls(), (Vec{"copy_tile(cb_a, 0, 0);", "copy_tile(cb_b, 0, 1);", "exp_tile(1);",
                          "add_binary_tile(0, 1, 0);"}));
  EXPECT_EQ(slots(), upTo(2));
}

TEST_F(TranslatorDstAllocSlots, SethiUllmanEvaluatesTheDeeperOperandFirst) {
  // exp(a) - (exp(a) + exp(b)): the right side needs two slots, so it goes
  // first into slot 0; the left lands in slot 1, and sub keeps the order
  // (slot 1 - slot 0) and leaves the result in the left operand's slot.
  auto Right = bin(BinaryOp::Add, un(UnaryOp::Exp, site(0)), un(UnaryOp::Exp, site(1)));
  ASSERT_TRUE(run(bin(BinaryOp::Sub, un(UnaryOp::Exp, site(0)), Right)));
  EXPECT_EQ(calls(), (Vec{"copy_tile(cb_a, 0, 0);", "exp_tile(0);", "copy_tile(cb_b, 0, 1);",
                          "exp_tile(1);", "add_binary_tile(0, 1, 0);", "copy_tile(cb_a, 0, 1);",
                          "exp_tile(1);", "sub_binary_tile(1, 0, 1);"}));
  EXPECT_EQ(Result, 1u);
  EXPECT_EQ(slots(), upTo(2));
  // With the deeper side on the left, everything stays in slot 0.
  ASSERT_TRUE(run(bin(BinaryOp::Sub, Right, un(UnaryOp::Exp, site(0)))));
  EXPECT_EQ(calls().back(), "sub_binary_tile(0, 1, 0);");
  EXPECT_EQ(Result, 0u);
}

TEST_F(TranslatorDstAllocSlots, BalancedTreeOfSfpuOpsNeedsLog2Slots) {
  // 2^k computed leaves: k + 1 slots (one more than the tree's depth).
  for (unsigned K = 0; K <= 7; ++K) {
    ASSERT_TRUE(run(balanced(K, [] { return un(UnaryOp::Exp, site(0)); }))) << K;
    EXPECT_EQ(slots(), upTo(K + 1)) << K;
  }
  // 2^k CB leaves: the bottom level runs on the FPU, k slots.
  for (unsigned K = 1; K <= 8; ++K) {
    ASSERT_TRUE(run(balanced(K, [] { return site(1); }))) << K;
    EXPECT_EQ(slots(), upTo(K)) << K;
  }
}

TEST_F(TranslatorDstAllocSlots, LeftDeepChainNeedsTwoSlots) {
  DfgExprPtr E = un(UnaryOp::Exp, site(0));
  for (unsigned I = 0; I < 20; ++I)
    E = bin(I % 2 ? BinaryOp::Mul : BinaryOp::Add, E, un(UnaryOp::Relu, site(1)));
  ASSERT_TRUE(run(E));
  EXPECT_EQ(slots(), upTo(2));
}

TEST_F(TranslatorDstAllocSlots, CapacityIsEightTilesOrFourWithFp32DestAcc) {
  auto Leaf = [] { return un(UnaryOp::Exp, site(0)); };
  EXPECT_TRUE(run(balanced(7, Leaf), 8)); // 8 slots
  EXPECT_FALSE(run(balanced(8, Leaf), 8)); // 9 slots
  EXPECT_TRUE(Out.empty());
  EXPECT_NE(Diags.text().find("error: expression needs 9 DST tiles; the limit is 8 "
                              "[tilesplit-dst-capacity]"),
            std::string::npos)
      << Diags.text();
  EXPECT_TRUE(run(balanced(3, Leaf), 4));
  EXPECT_FALSE(run(balanced(4, Leaf), 4));
  EXPECT_NE(Diags.text().find("expression needs 5 DST tiles; the limit is 4"), std::string::npos)
      << Diags.text();
  EXPECT_EQ(Diags.errors(), 2u);
}

TEST_F(TranslatorDstAllocSlots, ScalarOperandsTravelAsFloatBits) {
  ASSERT_TRUE(run(scalar(BinaryOp::Mul, site(0), ScalarExpr::floatLit("0.5f"))));
  EXPECT_EQ(calls(), (Vec{"copy_tile(cb_a, 0, 0);", "mul_unary_tile(0, 0x3f000000u);"}));
  ASSERT_TRUE(run(scalar(BinaryOp::Add, site(0),
                         ScalarExpr::negate(ScalarExpr::floatLit("2.0f")))));
  EXPECT_EQ(calls().back(), "add_unary_tile(0, 0xc0000000u);");
  ASSERT_TRUE(run(scalar(BinaryOp::Mul, site(0), ScalarExpr::floatLit("1e-5f"))));
  EXPECT_EQ(calls().back(), "mul_unary_tile(0, 0x3727c5acu);");
  ASSERT_TRUE(run(scalar(BinaryOp::Mul, site(0), ScalarExpr::floatLit("2.0"))));
  EXPECT_EQ(calls().back(), "mul_unary_tile(0, 0x40000000u);");
  // A float parameter is already its bits; negating flips the sign bit.
  auto Alpha = ScalarExpr::var("alpha", ir::ScalarType::F32);
  ASSERT_TRUE(run(scalar(BinaryOp::Mul, site(0), Alpha)));
  EXPECT_EQ(calls().back(), "mul_unary_tile(0, alpha);");
  ASSERT_TRUE(run(scalar(BinaryOp::Mul, site(0), ScalarExpr::negate(Alpha))));
  EXPECT_EQ(calls().back(), "mul_unary_tile(0, (alpha ^ 0x80000000u));");
}

TEST_F(TranslatorDstAllocSlots, ScalarOnTheLeftOfSubtractionIsRsub) {
  auto One = ScalarExpr::floatLit("1.0f");
  ASSERT_TRUE(run(scalar(BinaryOp::Sub, site(0), One, /*Left=*/true)));
  EXPECT_EQ(calls().back(), "rsub_unary_tile(0, 0x3f800000u);");
  ASSERT_TRUE(run(scalar(BinaryOp::Sub, site(0), One, /*Left=*/false)));
  EXPECT_EQ(calls().back(), "sub_unary_tile(0, 0x3f800000u);");
  // Addition and multiplication commute.
  ASSERT_TRUE(run(scalar(BinaryOp::Add, site(0), One, /*Left=*/true)));
  EXPECT_EQ(calls().back(), "add_unary_tile(0, 0x3f800000u);");
  ASSERT_TRUE(run(scalar(BinaryOp::Mul, site(0), One, /*Left=*/true)));
  EXPECT_EQ(calls().back(), "mul_unary_tile(0, 0x3f800000u);");
}

TEST_F(TranslatorDstAllocSlots, FillWritesItsSlot) {
  ASSERT_TRUE(run(bin(BinaryOp::Mul, site(0), fill(ScalarExpr::floatLit("0.0f")))));
  EXPECT_EQ(calls(), (Vec{"copy_tile(cb_a, 0, 0);", "fill_tile(1, 0.0f);",
                          "mul_binary_tile(0, 1, 0);"}));
}

// fill(-1.0f): the frontend gives Negate(1.0f); the fill value must not be lost.
TEST_F(TranslatorDstAllocSlots, FillWithNegativeLiteralKeepsItsValue) {
  ASSERT_TRUE(run(fill(ScalarExpr::negate(ScalarExpr::floatLit("1.0f")))));
  EXPECT_EQ(calls(), (Vec{"fill_tile(0, -1.0f);"}));
}

using ir::ReduceOp;
using ir::TileDim;

TEST_F(TranslatorDstAllocSlots, ReductionsRunFirstIntoUntouchedSlots) {
  // exp(a) + row_max(b): the reduction goes to slot 0 before anything else
  // touches DST, the rest works above it.
  ASSERT_TRUE(run(bin(BinaryOp::Add, un(UnaryOp::Exp, site(0)),
                      reduce(ReduceOp::Max, TileDim::Row, site(1)))));
  EXPECT_EQ(calls(), (Vec{"reduce_tile<PoolType::MAX, ReduceDim::REDUCE_ROW>(cb_b, cb_scaler, "
                          "0, 0, 0);",
                          "copy_tile(cb_a, 0, 1);", "exp_tile(1);",
                          "add_binary_tile(1, 0, 1);"}));
  EXPECT_EQ(Result, 1u);
  // Two reductions: slots 0 and 1, in operand order.
  ASSERT_TRUE(run(bin(BinaryOp::Mul, reduce(ReduceOp::Sum, TileDim::Col, site(0)),
                      reduce(ReduceOp::Sum, TileDim::Scalar, mid(0)))));
  EXPECT_EQ(calls(), (Vec{"reduce_tile<PoolType::SUM, ReduceDim::REDUCE_COL>(cb_a, cb_scaler, "
                          "0, 0, 0);",
                          "reduce_tile<PoolType::SUM, ReduceDim::REDUCE_SCALAR>(cb_t, "
                          "cb_scaler, 0, 0, 1);",
                          "mul_binary_tile(0, 1, 0);"}));
}

TEST_F(TranslatorDstAllocSlots, SummingStepReducesIntoTheAccumulator) {
  ASSERT_TRUE(run(reduce(ReduceOp::Sum, TileDim::Row, site(0)), 8,
                  ComputeNode::Role::AccumulateStep));
  EXPECT_EQ(calls(), (Vec{"reduce_tile<PoolType::SUM, ReduceDim::REDUCE_ROW>(cb_a, cb_scaler, "
                          "0, 0, 0);"}));
}

TEST_F(TranslatorDstAllocSlots, StepZeroFillsItsScratchSlotForASum) {
  // The previous iteration left its value in slot 1.
  ASSERT_TRUE(run(un(UnaryOp::Exp, reduce(ReduceOp::Sum, TileDim::Col, site(0))), 8,
                  ComputeNode::Role::AccumulateStep));
  EXPECT_EQ(calls(), (Vec{"fill_tile(1, 0.0f);",
                          "reduce_tile<PoolType::SUM, ReduceDim::REDUCE_COL>(cb_a, cb_scaler, "
                          "0, 0, 1);",
                          "exp_tile(1);", "add_binary_tile(0, 1, 0);"}));
}

TEST_F(TranslatorDstAllocSlots, MaxInAStepIsRejected) {
  EXPECT_FALSE(run(reduce(ReduceOp::Max, TileDim::Row, site(0)), 8,
                   ComputeNode::Role::AccumulateStep));
  EXPECT_TRUE(Out.empty());
  EXPECT_NE(Diags.text().find("'row_max' inside an accumulation needs a DST slot of its own"),
            std::string::npos)
      << Diags.text();
}

TEST_F(TranslatorDstAllocSlots, BroadcastRunsOnTheFpuFromCbs) {
  ASSERT_TRUE(run(bin(BinaryOp::Mul, site(0), bcast(TileDim::Col, mid(0)))));
  EXPECT_EQ(calls(), (Vec{"mul_tiles_bcast<BroadcastType::COL>(cb_a, cb_t, 0, 0, 0);"}));
  // b - a with b broadcast: b broadcast into DST, then DST - a (not -(a - b), whose NaN differs).
  ASSERT_TRUE(run(bin(BinaryOp::Sub, bcast(TileDim::Row, site(1)), site(0))));
  EXPECT_EQ(calls(), (Vec{"unary_bcast<BroadcastType::ROW>(cb_b, 0, 0);",
                          "sub_reuse_dest_tiles<EltwiseBinaryReuseDestType::DEST_TO_SRCA>(cb_a, 0, 0);"}));
  // On its own, a broadcast has no FPU op.
  EXPECT_FALSE(run(bcast(TileDim::Scalar, site(0))));
  EXPECT_NE(Diags.text().find("a broadcast is an operand of +, - or * with another tile"),
            std::string::npos)
      << Diags.text();
}

//===--- Through the pipeline ------------------------------------------------===//

std::string balancedSource(unsigned Depth) {
  std::function<std::string(unsigned)> Tree = [&](unsigned D) -> std::string {
    return D == 0 ? "a.tile(i)" : "(" + Tree(D - 1) + " + " + Tree(D - 1) + ")";
  };
  return R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = )" +
         Tree(Depth) + ";\n}\n";
}

TEST(TranslatorDstAlloc, Fp32DestAccHalvesTheCapacity) {
  // 32 CB leaves: the FPU adds pairs, then five SFPU levels need 5 slots.
  auto R = translate(withHeader(balancedSource(5)), Stage::Protocol);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_EQ(dstSlotsUsed(R.program().kernel(KernelRole::Compute).Body), upTo(5));

  auto F = translate(withHeader("#pragma tt kernel fp32_dest_acc\n" + balancedSource(5)),
                     Stage::Protocol);
  EXPECT_FALSE(F.PassesOk);
  EXPECT_TRUE(F.hasDiag("dst-capacity")) << F.Diags;
  EXPECT_NE(F.Diags.find("kernel.cpp:8:5: error: expression needs 5 DST tiles; the limit is 4"),
            std::string::npos)
      << F.Diags;

  Target T;
  T.Fp32DestAcc = true;
  auto G = translate(withHeader(balancedSource(5)), Stage::Protocol, T);
  EXPECT_TRUE(G.hasDiag("dst-capacity")) << G.Diags;
  auto H = translate(withHeader(balancedSource(4)), Stage::Protocol, T);
  EXPECT_TRUE(H.PassesOk) << H.Diags;
}

TEST(TranslatorDstAlloc, ScalarSubtractionFromSource) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out, Tensor<bf16> out2, float beta) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    out.tile(i) = 1.0f - a.tile(i);
    out2.tile(i) = a.tile(i) * -beta - 0.5f;
  }
}
)"),
                     Stage::Protocol);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  Vec C = renderCalls(R.program().kernel(KernelRole::Compute).Body);
  Vec Math;
  for (const std::string &S : C)
    if (S.find("_unary_tile(") != std::string::npos)
      Math.push_back(S);
  EXPECT_EQ(Math, (Vec{"rsub_unary_tile(0, 0x3f800000u);",
                       "mul_unary_tile(0, (beta ^ 0x80000000u));",
                       "sub_unary_tile(0, 0x3f000000u);"}));
}


TEST_F(TranslatorDstAllocSlots, BlockTileAccumulatesInItsOwnSlot) {
  ASSERT_TRUE(runInBlock(matmulOf(site(0), site(1)), 8, ComputeNode::Role::AccumulateStep));
  EXPECT_EQ(calls(), (Vec{"matmul_tiles(cb_a, cb_b, 0, 0, in_block);"}));
}

TEST_F(TranslatorDstAllocSlots, BlockEpilogueWorksPastTheBlocksSlots) {
  // 6 accumulators in slots 0-5: the bias tile goes to slot 6, the sum stays put.
  auto Acc = node(DfgExpr::Kind::Accumulator);
  ASSERT_TRUE(runInBlock(un(UnaryOp::Relu, bin(BinaryOp::Add, Acc, site(1))), 6,
                         ComputeNode::Role::Epilogue));
  EXPECT_EQ(calls(), (Vec{"copy_tile(cb_b, 0, 6);", "add_binary_tile(in_block, 6, in_block);",
                          "relu_tile(in_block);"}));
  EXPECT_EQ(Result, 0u);
}

TEST_F(TranslatorDstAllocSlots, BlockThatLeavesNoRoomIsRejected) {
  auto Acc = node(DfgExpr::Kind::Accumulator);
  EXPECT_FALSE(runInBlock(bin(BinaryOp::Add, Acc, site(1)), 8, ComputeNode::Role::Epilogue));
  EXPECT_NE(Diags.text().find("a block of 8 output tiles needs 9 DST tiles (one per tile and 1 "
                              "more for the expression on line 12); the limit is 8"),
            std::string::npos)
      << Diags.text();
  EXPECT_FALSE(runInBlock(matmulOf(site(0), site(1)), 8, ComputeNode::Role::AccumulateStep, 4));
  EXPECT_NE(Diags.text().find("a block of 8 output tiles needs 8 DST tiles; the limit is 4"),
            std::string::npos)
      << Diags.text();
}

} // namespace
} // namespace tilesplit::test
