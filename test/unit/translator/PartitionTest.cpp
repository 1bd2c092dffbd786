//===- PartitionTest.cpp - Parallel loops into units of work --------------===//
#include "TestSupport.h"

#include "gtest/gtest.h"

namespace tilesplit::test {
namespace {

TEST(TranslatorPartition, OneParallelLoop) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"),
                     Stage::Partition);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  ASSERT_EQ(R.program().Phases.size(), 1u);
  const Phase &Ph = R.program().Phases[0];
  ASSERT_EQ(Ph.ParallelLoops.size(), 1u);
  EXPECT_EQ(Ph.ParallelLoops[0]->Var, "i");
  EXPECT_EQ(Ph.ParallelLoops[0], Ph.Root.get());
  EXPECT_EQ(ir::printScalar(Ph.Units), "out_num_tiles");
}

TEST(TranslatorPartition, TwoNestedParallelLoopsMultiply) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> C) {
  const uint32_t Mt = C.tile_rows();
  const uint32_t Nt = C.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < Nt; ++n)
      C.tile(m, n) = A.tile(m, n);
}
)"),
                     Stage::Partition);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  ASSERT_EQ(Ph.ParallelLoops.size(), 2u);
  EXPECT_EQ(Ph.ParallelLoops[0]->Var, "m");
  EXPECT_EQ(Ph.ParallelLoops[1]->Var, "n");
  EXPECT_EQ(ir::printScalar(Ph.Units), "Mt * Nt");
}

TEST(TranslatorPartition, ParallelLoopsStopAtTheFirstOtherKind) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> C) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop
    for (uint32_t n = 0; n < C.tile_cols(); ++n)
      C.tile(m, n) = A.tile(m, n);
}
)"),
                     Stage::Partition);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  ASSERT_EQ(Ph.ParallelLoops.size(), 1u);
  EXPECT_EQ(ir::printScalar(Ph.Units), "C_tile_rows");
}

TEST(TranslatorPartition, NonZeroBeginsCountTripsAndRecoverIndices) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> C) {
  const uint32_t Mt = C.tile_rows();
  const uint32_t Nt = C.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 1; m < Mt; ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 2; n < Nt; ++n)
      C.tile(m, n) = A.tile(m, n);
}
)"),
                     Stage::Bind);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Phase &Ph = R.program().Phases[0];
  EXPECT_EQ(ir::printScalar(Ph.Units), "(Mt - 1) * (Nt - 2)");
  // Every kernel walks units and recovers m and n row-major.
  auto Reader = renderBody(R.program().kernel(KernelRole::Reader).Body);
  ASSERT_GE(Reader.size(), 3u);
  EXPECT_EQ(Reader[0], "for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {");
  EXPECT_EQ(Reader[1], "  const uint32_t m = 1 + unit / (Nt - 2);");
  EXPECT_EQ(Reader[2], "  const uint32_t n = 2 + unit % (Nt - 2);");
}

TEST(TranslatorPartition, SingleParallelLoopWithNonZeroBegin) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 3; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"),
                     Stage::Bind);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_EQ(ir::printScalar(R.program().Phases[0].Units), "out_num_tiles - 3");
  auto W = renderBody(R.program().kernel(KernelRole::Writer).Body);
  ASSERT_GE(W.size(), 2u);
  EXPECT_EQ(W[0], "for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {");
  EXPECT_EQ(W[1], "  const uint32_t i = 3 + unit;");
}

TEST(TranslatorPartition, SequentialRootIsOneUnit) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"),
                     Stage::Partition);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_TRUE(R.program().Phases[0].ParallelLoops.empty());
  EXPECT_EQ(ir::printScalar(R.program().Phases[0].Units), "1");
}

TEST(TranslatorPartition, DependentInnerBoundIsAnError) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> C) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < m + 1; ++n)
      C.tile(m, n) = A.tile(m, n);
}
)"),
                     Stage::Partition);
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("dependent-parallel-bound")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:8:5: error: the bounds of nested 'parallel' loops cannot "
                         "depend on the outer loop variable 'm'"),
            std::string::npos)
      << R.Diags;

  auto B = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> C) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = m; n < C.tile_cols(); ++n)
      C.tile(m, n) = A.tile(m, n);
}
)"),
                     Stage::Partition);
  EXPECT_TRUE(B.hasDiag("dependent-parallel-bound")) << B.Diags;
}

TEST(TranslatorPartition, ParallelInsideSequentialOrReduceIsAnError) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> C) {
#pragma tt tile_loop
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < C.tile_cols(); ++n)
      C.tile(m, n) = A.tile(m, n);
}
)"),
                     Stage::Partition);
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("parallel-inside-reduce")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:7:1: error: a 'parallel' tile loop cannot be nested inside "
                         "a 'sequential' tile loop"),
            std::string::npos)
      << R.Diags;

  auto D = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> C) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < 2; ++k)
#pragma tt tile_loop parallel
      for (uint32_t n = 0; n < C.tile_cols(); ++n)
        C.tile(m, n) = A.tile(m, n);
}
)"),
                     Stage::Partition);
  EXPECT_FALSE(D.PassesOk);
  EXPECT_NE(D.Diags.find("a 'parallel' tile loop cannot be nested inside a 'reduce' tile loop"),
            std::string::npos)
      << D.Diags;
}

TEST(TranslatorPartition, SecondTopLevelLoopNestIsAnError) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = exp(a.tile(i));
}
)"),
                     Stage::Partition);
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("unsupported-statement")) << R.Diags;
  EXPECT_NE(R.Diags.find("a kernel holds one top-level tile loop nest"), std::string::npos);
}


// The linearised loop's own variable must not clash with the user's: a user
// loop variable named `unit` would be redeclared inside `for (uint32_t unit ...)`.
TEST(TranslatorPartition, UnitLoopVariableDoesNotClashWithUserNames) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t unit = 0; unit < out.tile_rows(); ++unit)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < out.tile_cols(); ++n)
      out.tile(unit, n) = a.tile(unit, n);
}
)"),
                     Stage::Bind);
  if (!R.PassesOk) { // rejecting the name with a diagnostic is fine too
    EXPECT_GT(R.Errors, 0u) << R.Diags;
    return;
  }
  for (KernelRole Role : {KernelRole::Reader, KernelRole::Writer}) {
    const std::vector<DevNode> &Body = R.program().kernel(Role).Body;
    for (const DevNode &L : Body) {
      if (L.K != DevNode::Kind::Loop)
        continue;
      for (const DevNode &D : L.Body)
        EXPECT_FALSE(D.K == DevNode::Kind::Decl && D.Var == L.Var)
            << roleName(Role) << ": '" << D.Var << "' redeclared inside the loop over it";
    }
  }
}

} // namespace
} // namespace tilesplit::test
