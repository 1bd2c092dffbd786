//===- DataflowTest.cpp - Read sites, compute nodes, tile locals ----------===//
#include "TestSupport.h"

#include "gtest/gtest.h"

namespace tilesplit::test {
namespace {

std::vector<unsigned> ids(std::vector<unsigned> V) { return V; }

/// The compute nodes of a block, in order.
std::vector<const ComputeNode *> nodes(const Block &B) {
  std::vector<const ComputeNode *> Out;
  for (const BlockItem &It : B.Items)
    if (It.K == BlockItem::Kind::Compute)
      Out.push_back(&It.Node);
  return Out;
}

/// A DFG expression as text: s0, i0, (x + y), exp(x), (x * <scalar>), fill.
std::string show(const DfgExprPtr &E) {
  switch (E->K) {
  case DfgExpr::Kind::Site: return "s" + std::to_string(E->Id);
  case DfgExpr::Kind::Intermediate: return "i" + std::to_string(E->Id);
  case DfgExpr::Kind::Binary:
    return "(" + show(E->Operands[0]) + " " + ir::binaryOpSymbol(E->BOp) + " " +
           show(E->Operands[1]) + ")";
  case DfgExpr::Kind::ScalarBinary:
    return "(" + show(E->Operands[0]) + " " + ir::binaryOpSymbol(E->BOp) + " " +
           ir::printScalar(E->Scalar) + ")";
  case DfgExpr::Kind::Unary:
    return std::string(ir::unaryOpName(E->UOp)) + "(" + show(E->Operands[0]) + ")";
  case DfgExpr::Kind::Fill: return "fill(" + ir::printScalar(E->Scalar) + ")";
  case DfgExpr::Kind::Accumulator: return "acc";
  case DfgExpr::Kind::Matmul:
    return "matmul(" + show(E->Operands[0]) + ", " + show(E->Operands[1]) + ")";
  case DfgExpr::Kind::Reduce:
    return ir::reduceName(E->ROp, E->Dim) + "(" + show(E->Operands[0]) + ")";
  case DfgExpr::Kind::Broadcast:
    return ir::broadcastName(E->Dim) + "(" + show(E->Operands[0]) + ")";
  case DfgExpr::Kind::Transpose: return "transpose(" + show(E->Operands[0]) + ")";
  }
  return "?";
}

TEST(TranslatorDataflow, FpuOperandsAreMaterialisedIntoCbs) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = bcast_col(row_sum(exp(a.tile(i)))) * relu(b.tile(i));
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  auto N = nodes(Ph.Body);
  // exp(a) for the reduction, row_sum(...) for the broadcast, relu(b) for the
  // other side of the FPU op (the broadcast moved to the right), then the store.
  ASSERT_EQ(N.size(), 4u);
  EXPECT_EQ(show(N[0]->Value), "exp(s0)");
  EXPECT_EQ(show(N[1]->Value), "row_sum(i0)");
  EXPECT_EQ(show(N[2]->Value), "relu(s1)");
  EXPECT_EQ(show(N[3]->Value), "(i2 * bcast_col(i1))");
  for (unsigned I = 0; I < 3; ++I) {
    EXPECT_FALSE(N[I]->ToTensor);
    EXPECT_EQ(N[I]->Intermediate, I);
  }
  ASSERT_EQ(Ph.Intermediates.size(), 3u);
  EXPECT_EQ(Ph.Intermediates[0].Name, "exp");
  EXPECT_EQ(Ph.Intermediates[1].Name, "tmp");
  EXPECT_EQ(Ph.Intermediates[2].Name, "relu");
  EXPECT_EQ(Ph.Body.EndPops, (std::vector<unsigned>{0, 1, 2}));
}

TEST(TranslatorDataflow, ReducingTheAccumulatorEndsTheAccumulation) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> x, Tensor<bf16> t) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
    Tile sum = zeros();
#pragma tt tile_loop reduce
    for (uint32_t c = 0; c < x.tile_cols(); ++c)
      sum += x.tile(r, c);
    Tile inv = recip(row_sum(sum));
    t.tile(r, 0) = inv * inv;
  }
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  auto N = nodes(R.program().Phases[0].Body);
  ASSERT_EQ(N.size(), 3u);
  // The accumulator packed into cb_sum ends it; inv is a full node of its own.
  EXPECT_EQ(N[0]->R, ComputeNode::Role::Epilogue);
  EXPECT_EQ(show(N[0]->Value), "acc");
  EXPECT_EQ(R.program().Phases[0].Intermediates[0].Name, "sum");
  EXPECT_EQ(N[1]->R, ComputeNode::Role::Full);
  EXPECT_EQ(show(N[1]->Value), "recip(row_sum(i0))");
  EXPECT_EQ(R.program().Phases[0].Intermediates[1].Name, "inv");
  EXPECT_EQ(show(N[2]->Value), "(i1 * i1)");
}

TEST(TranslatorDataflow, ReadSitesDeduplicatedWithinABlock) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, Tensor<bf16> out2) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    out.tile(i) = a.tile(i) * a.tile(i) + b.tile(i);
    out2.tile(i) = a.tile(i) + a.tile(i + 1);
  }
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  ASSERT_EQ(Ph.Sites.size(), 3u);
  EXPECT_EQ(Ph.Sites[0].Tensor, "a");
  EXPECT_EQ(ir::printScalar(Ph.Sites[0].Index), "i");
  EXPECT_EQ(Ph.Sites[1].Tensor, "b");
  EXPECT_EQ(Ph.Sites[2].Tensor, "a");
  EXPECT_EQ(ir::printScalar(Ph.Sites[2].Index), "i + 1");
  EXPECT_EQ(Ph.Sites[2].Spelling, "a.tile(i + 1)");
  auto N = nodes(Ph.Body);
  ASSERT_EQ(N.size(), 2u);
  EXPECT_EQ(show(N[0]->Value), "((s0 * s0) + s1)");
  EXPECT_EQ(show(N[1]->Value), "(s0 + s2)");
  EXPECT_TRUE(N[0]->ToTensor);
  EXPECT_EQ(N[0]->Tensor, "out");
  EXPECT_EQ(N[1]->Tensor, "out2");
  EXPECT_EQ(ir::printScalar(N[1]->Index), "i");
}

TEST(TranslatorDataflow, WaitAtFirstUsePopAtLastUse) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c, Tensor<bf16> o1, Tensor<bf16> o2,
       Tensor<bf16> o3) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < o1.num_tiles(); ++i) {
    o1.tile(i) = a.tile(i) + b.tile(i);
    o2.tile(i) = exp(c.tile(i));
    o3.tile(i) = a.tile(i) * c.tile(i);
  }
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  auto N = nodes(R.program().Phases[0].Body);
  ASSERT_EQ(N.size(), 3u);
  // Sites: a = 0, b = 1, c = 2.
  EXPECT_EQ(N[0]->WaitSites, ids({0, 1}));
  EXPECT_EQ(N[0]->PopSites, ids({1}));
  EXPECT_EQ(N[1]->WaitSites, ids({2}));
  EXPECT_TRUE(N[1]->PopSites.empty());
  EXPECT_TRUE(N[2]->WaitSites.empty());
  EXPECT_EQ(N[2]->PopSites, ids({0, 2}));
}

TEST(TranslatorDataflow, NestedLoopBlockHasItsOwnSitesWithItsBuffers) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel buffers(3)
  for (uint32_t m = 0; m < out.tile_rows(); ++m) {
    out.tile(m, 0) = a.tile(m, 0);
#pragma tt tile_loop buffers(6)
    for (uint32_t n = 1; n < out.tile_cols(); ++n)
      out.tile(m, n) = a.tile(m, 0) * a.tile(m, n);
  }
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  ASSERT_EQ(Ph.Sites.size(), 3u);
  EXPECT_EQ(Ph.Sites[0].Buffers, 3u);
  EXPECT_EQ(Ph.Sites[1].Buffers, 6u); // a.tile(m, 0) again, streamed per inner iteration
  EXPECT_EQ(ir::printScalar(Ph.Sites[1].Index), "m * a_tile_cols");
  EXPECT_EQ(Ph.Sites[2].Buffers, 6u);
  ASSERT_EQ(Ph.Body.Items.size(), 2u);
  EXPECT_EQ(Ph.Body.Items[0].K, BlockItem::Kind::Compute);
  ASSERT_EQ(Ph.Body.Items[1].K, BlockItem::Kind::Loop);
  EXPECT_EQ(Ph.Body.Items[1].L->Var, "n");
  auto Inner = nodes(*Ph.Body.Items[1].Body);
  ASSERT_EQ(Inner.size(), 1u);
  EXPECT_EQ(show(Inner[0]->Value), "(s1 * s2)");
  EXPECT_EQ(Inner[0]->WaitSites, ids({1, 2}));
  EXPECT_EQ(Inner[0]->PopSites, ids({1, 2}));
}

TEST(TranslatorDataflow, SingleUseLocalIsFoldedIntoItsUse) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    Tile t = a.tile(i) + b.tile(i);
    Tile u = exp(t) * alpha;
    Tile unused = b.tile(i);
    out.tile(i) = relu(u);
  }
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  EXPECT_TRUE(Ph.Intermediates.empty());
  auto N = nodes(Ph.Body);
  ASSERT_EQ(N.size(), 1u);
  EXPECT_EQ(show(N[0]->Value), "relu((exp((s0 + s1)) * alpha))");
  EXPECT_TRUE(Ph.Body.EndPops.empty());
}

TEST(TranslatorDataflow, MultiUseLocalGoesThroughAnIntermediate) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, Tensor<bf16> out2) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    Tile t = a.tile(i) + b.tile(i);
    out.tile(i) = t * t;
    out2.tile(i) = exp(t);
  }
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  ASSERT_EQ(Ph.Intermediates.size(), 1u);
  EXPECT_EQ(Ph.Intermediates[0].Name, "t");
  EXPECT_EQ(Ph.Intermediates[0].Buffers, 2u);
  auto N = nodes(Ph.Body);
  ASSERT_EQ(N.size(), 3u);
  EXPECT_FALSE(N[0]->ToTensor);
  EXPECT_EQ(N[0]->Intermediate, 0u);
  EXPECT_EQ(show(N[0]->Value), "(s0 + s1)");
  EXPECT_EQ(N[0]->WaitSites, ids({0, 1}));
  EXPECT_EQ(N[0]->PopSites, ids({0, 1}));
  EXPECT_EQ(show(N[1]->Value), "(i0 * i0)");
  EXPECT_EQ(show(N[2]->Value), "exp(i0)");
  // Intermediates are not read sites: nobody waits for or pops them per node.
  EXPECT_TRUE(N[1]->WaitSites.empty());
  EXPECT_TRUE(N[2]->PopSites.empty());
  EXPECT_EQ(Ph.Body.EndPops, ids({0}));
}

TEST(TranslatorDataflow, LocalUsedOnceInANestedLoopIsAnIntermediate) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < out.tile_rows(); ++m) {
    Tile row = exp(a.tile(m, 0));
#pragma tt tile_loop buffers(4)
    for (uint32_t n = 0; n < out.tile_cols(); ++n)
      out.tile(m, n) = row + a.tile(m, n);
  }
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  ASSERT_EQ(Ph.Intermediates.size(), 1u);
  EXPECT_EQ(Ph.Intermediates[0].Name, "row");
  EXPECT_EQ(Ph.Body.EndPops, ids({0}));
  auto Inner = nodes(*Ph.Body.Items[1].Body);
  ASSERT_EQ(Inner.size(), 1u);
  EXPECT_EQ(show(Inner[0]->Value), "(i0 + s1)");
  EXPECT_TRUE(Ph.Body.Items[1].Body->EndPops.empty());
}

TEST(TranslatorDataflow, RedefinedLocalUsesTheLatestValue) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    Tile t = a.tile(i);
    t = exp(t);
    t = t * 2.0f;
    out.tile(i) = t;
  }
}
)"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  auto N = nodes(R.program().Phases[0].Body);
  ASSERT_EQ(N.size(), 1u);
  EXPECT_EQ(show(N[0]->Value), "(exp(s0) * 2.0f)");
  EXPECT_TRUE(R.program().Phases[0].Intermediates.empty());
}

TEST(TranslatorDataflow, LoopCarriedTileValueIsRejected) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < out.tile_rows(); ++m) {
    Tile acc = zeros();
#pragma tt tile_loop
    for (uint32_t k = 0; k < a.tile_cols(); ++k)
      acc = acc * a.tile(m, k);
    out.tile(m, 0) = acc;
  }
}
)"),
                     Stage::Dataflow);
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("unsupported-statement")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:10:7: error: unsupported statement in a tile loop: tile "
                         "'acc' is updated across loop iterations"),
            std::string::npos)
      << R.Diags;
}


//===--- Accumulation in reduce loops --------------------------------------===//

std::string matmulKernel(const std::string &Init, const std::string &Update,
                         const std::string &Store) {
  return withHeader(R"(
void mm(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> D, Tensor<bf16> C) {
  const uint32_t Kt = A.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < C.tile_cols(); ++n) {
      Tile acc = )" + Init + R"(;
#pragma tt tile_loop reduce buffers(4)
      for (uint32_t k = 0; k < Kt; ++k) {
        )" + Update + R"(
      }
      )" + Store + R"(
    }
}
)");
}

TEST(TranslatorDataflow, AccumulationBecomesBeginStepsAndEpilogue) {
  auto R = translate(matmulKernel("zeros()", "acc += matmul(A.tile(m, k), B.tile(k, n));",
                                  "C.tile(m, n) = relu(acc + D.tile(m, n));"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  ASSERT_EQ(Ph.Body.Items.size(), 3u);
  const BlockItem &Begin = Ph.Body.Items[0];
  EXPECT_EQ(Begin.K, BlockItem::Kind::AccumulatorBegin);
  EXPECT_EQ(Begin.AccInit, nullptr); // zeros(): DST is zero after acquire
  const BlockItem &Loop = Ph.Body.Items[1];
  ASSERT_EQ(Loop.K, BlockItem::Kind::Loop);
  EXPECT_EQ(Loop.L->Var, "k");
  auto Steps = nodes(*Loop.Body);
  ASSERT_EQ(Steps.size(), 1u);
  EXPECT_EQ(Steps[0]->R, ComputeNode::Role::AccumulateStep);
  EXPECT_EQ(show(Steps[0]->Value), "matmul(s0, s1)");
  EXPECT_EQ(Steps[0]->WaitSites, ids({0, 1}));
  EXPECT_EQ(Steps[0]->PopSites, ids({0, 1}));
  const BlockItem &Epi = Ph.Body.Items[2];
  ASSERT_EQ(Epi.K, BlockItem::Kind::Compute);
  EXPECT_EQ(Epi.Node.R, ComputeNode::Role::Epilogue);
  EXPECT_EQ(Epi.Node.Tensor, "C");
  EXPECT_EQ(show(Epi.Node.Value), "relu((acc + s2))");
  EXPECT_EQ(Epi.Node.WaitSites, ids({2}));
  // A and B stream with the reduce loop's buffers, D with the parallel loop's.
  ASSERT_EQ(Ph.Sites.size(), 3u);
  EXPECT_EQ(Ph.Sites[0].Buffers, 4u);
  EXPECT_EQ(Ph.Sites[1].Buffers, 4u);
  EXPECT_EQ(Ph.Sites[2].Buffers, 2u);
  EXPECT_TRUE(Ph.Intermediates.empty());
}

TEST(TranslatorDataflow, AccumulatorFromFillKeepsItsInitialValue) {
  auto R = translate(matmulKernel("fill(0.5f)", "acc += A.tile(m, k);", "C.tile(m, n) = acc;"),
                     Stage::Dataflow);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const BlockItem &Begin = R.program().Phases[0].Body.Items[0];
  ASSERT_EQ(Begin.K, BlockItem::Kind::AccumulatorBegin);
  ASSERT_NE(Begin.AccInit, nullptr);
  EXPECT_EQ(show(Begin.AccInit), "fill(0.5f)");
}

TEST(TranslatorDataflow, AccumulationErrors) {
  struct Case {
    const char *Init, *Update, *Store, *Message;
  } Cases[] = {
      {"zeros()", "acc += A.tile(m, k); acc += B.tile(k, n);", "C.tile(m, n) = acc;",
       "a reduce loop holds one accumulation, 'acc += ...'"},
      {"zeros()", "acc += A.tile(m, k);", "C.tile(m, n) = acc * acc;",
       "the accumulator 'acc' must be used once, by the tensor store or tile definition right after its reduce loop"},
      {"A.tile(m, 0)", "acc += A.tile(m, k);", "C.tile(m, n) = acc;",
       "an accumulator starts from zeros() or fill(v)"},
      {"zeros()", "acc += matmul(A.tile(m, k), B.tile(k, n)) * 2.0f;", "C.tile(m, n) = acc;",
       "matmul of two tiles must be a whole expression"},
  };
  for (const Case &C : Cases) {
    auto R = translate(matmulKernel(C.Init, C.Update, C.Store), Stage::Protocol);
    EXPECT_FALSE(R.PassesOk) << C.Update;
    EXPECT_NE(R.Diags.find(C.Message), std::string::npos) << C.Message << "\n" << R.Diags;
  }
}

// The accumulation step may not read the accumulator; the diagnostic says so
// (rather than calling the accumulator undefined).
TEST(TranslatorDataflow, AccumulationStepReadingTheAccumulator) {
  auto R = translate(matmulKernel("zeros()", "acc += acc * A.tile(m, k);", "C.tile(m, n) = acc;"),
                     Stage::Dataflow);
  EXPECT_FALSE(R.PassesOk);
  EXPECT_NE(R.Diags.find("an accumulation step cannot read the accumulator"), std::string::npos)
      << R.Diags;
}

} // namespace
} // namespace tilesplit::test
