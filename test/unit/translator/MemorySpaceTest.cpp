//===- MemorySpaceTest.cpp - Circular buffers and their L1 budget ---------===//
#include "TestSupport.h"

#include "gtest/gtest.h"

namespace tilesplit::test {
namespace {

std::string cbSummary(const CircularBuffer &C) {
  const char *Kind = C.K == CircularBuffer::Kind::Input    ? "in"
                     : C.K == CircularBuffer::Kind::Output ? "out"
                                                           : "mid";
  return std::string(Kind) + " c_" + std::to_string(C.Index) + " " + C.Name + " pages=" +
         std::to_string(C.Pages) + " bytes=" + std::to_string(C.PageBytes) + " tensor=" +
         C.Tensor;
}

std::vector<std::string> cbs(const Program &P) {
  std::vector<std::string> Out;
  for (const CircularBuffer &C : P.Cbs)
    Out.push_back(cbSummary(C));
  return Out;
}

TEST(TranslatorMemorySpace, InputsOutputsAndIntermediatesTakeTheirRanges) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> y, Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> x) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i) {
    Tile t = a.tile(i) + b.tile(i);
    Tile u = exp(a.tile(i + 1));
    x.tile(i) = t * t;
    y.tile(i) = u + u + t;
  }
}
)"),
                     Stage::MemorySpace);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Program &P = R.program();
  // Outputs follow the parameter order (y before x) although x is stored first.
  EXPECT_EQ(cbs(P), (std::vector<std::string>{
                        "in c_0 cb_a pages=2 bytes=2048 tensor=a",
                        "in c_1 cb_b pages=2 bytes=2048 tensor=b",
                        "in c_2 cb_a_1 pages=2 bytes=2048 tensor=a",
                        "out c_16 cb_y pages=2 bytes=2048 tensor=y",
                        "out c_17 cb_x pages=2 bytes=2048 tensor=x",
                        "mid c_24 cb_t pages=2 bytes=2048 tensor=",
                        "mid c_25 cb_u pages=2 bytes=2048 tensor=",
                    }));
  const Phase &Ph = P.Phases[0];
  EXPECT_EQ(Ph.Sites[0].Cb, 0);
  EXPECT_EQ(Ph.Sites[1].Cb, 1);
  EXPECT_EQ(Ph.Sites[2].Cb, 2);
  EXPECT_EQ(Ph.Intermediates[0].Cb, 24);
  EXPECT_EQ(Ph.Intermediates[1].Cb, 25);
  EXPECT_EQ(P.cb(17).Name, "cb_x");
}

TEST(TranslatorMemorySpace, OutputCbOfNodes) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> o1, Tensor<bf16> o2) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < o1.num_tiles(); ++i) {
    Tile t = exp(a.tile(i));
    o2.tile(i) = t + t;
    o1.tile(i) = t;
  }
}
)"),
                     Stage::MemorySpace);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Program &P = R.program();
  const Phase &Ph = P.Phases[0];
  std::vector<unsigned> Out;
  for (const BlockItem &It : Ph.Body.Items)
    Out.push_back(outputCbOf(P, Ph, It.Node));
  EXPECT_EQ(Out, (std::vector<unsigned>{24, 17, 16}));
}

TEST(TranslatorMemorySpace, PagesComeFromBuffersOfTheStreamingLoop) {
  auto R = translate(withHeader(R"(
void k(Tensor<float> a, Tensor<float> out, Tensor<float> edge) {
#pragma tt tile_loop parallel buffers(4)
  for (uint32_t m = 0; m < out.tile_rows(); ++m) {
    Tile first = exp(a.tile(m, 0));
    edge.tile(m, 0) = first;
#pragma tt tile_loop buffers(3)
    for (uint32_t n = 0; n < out.tile_cols(); ++n) {
      out.tile(m, n) = a.tile(m, n) + first;
    }
  }
}
)"),
                     Stage::MemorySpace);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_EQ(cbs(R.program()), (std::vector<std::string>{
                                  "in c_0 cb_a pages=4 bytes=4096 tensor=a",
                                  "in c_1 cb_a_1 pages=3 bytes=4096 tensor=a",
                                  "out c_16 cb_out pages=3 bytes=4096 tensor=out",
                                  "out c_17 cb_edge pages=4 bytes=4096 tensor=edge",
                                  "mid c_24 cb_first pages=4 bytes=4096 tensor=",
                              }));
}

std::string manyInputs(unsigned N) {
  std::string Sum = "a.tile(i)";
  for (unsigned I = 1; I < N; ++I)
    Sum += " + a.tile(i + " + std::to_string(I) + ")";
  return withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = )" + Sum + R"(;
}
)");
}

TEST(TranslatorMemorySpace, InputsTakeFreeIndicesOnceTheirsAreFull) {
  // c_0..c_15 by convention, then the first free index (c_17: c_16 is the output's).
  auto Ok = translate(manyInputs(17), Stage::MemorySpace);
  ASSERT_TRUE(Ok.PassesOk) << Ok.Diags;
  EXPECT_EQ(Ok.program().Phases[0].Sites[15].Cb, 15);
  EXPECT_EQ(Ok.program().Phases[0].Sites.back().Cb, 16);

  // 31 reads and the output fill a Wormhole core's 32; one more does not fit.
  ASSERT_TRUE(translate(manyInputs(31), Stage::MemorySpace).PassesOk);
  auto R = translate(manyInputs(32), Stage::MemorySpace);
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("cb-count")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel needs 33 circular buffers (32 input, 1 output, 0 "
                         "intermediate); at most 32 are available"),
            std::string::npos)
      << R.Diags;
}

std::string manyIntermediates(unsigned N) {
  std::string Body, Sum = "zeros()";
  for (unsigned I = 0; I < N; ++I) {
    std::string T = "t" + std::to_string(I);
    Body += "    Tile " + T + " = exp(a.tile(i + " + std::to_string(I) + "));\n";
    Sum += " + " + T + " * " + T;
  }
  return withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
)" + Body + "    out.tile(i) = " + Sum + ";\n  }\n}\n");
}

TEST(TranslatorMemorySpace, IntermediatesTakeFreeIndicesOnceTheirsAreFull) {
  auto Ok = translate(manyIntermediates(8), Stage::MemorySpace);
  ASSERT_TRUE(Ok.PassesOk) << Ok.Diags;
  EXPECT_EQ(Ok.program().Phases[0].Intermediates.back().Cb, 31);

  // The ninth takes the first free index: inputs hold c_0..c_8, the output c_16.
  auto Nine = translate(manyIntermediates(9), Stage::MemorySpace);
  ASSERT_TRUE(Nine.PassesOk) << Nine.Diags;
  EXPECT_EQ(Nine.program().Phases[0].Intermediates.back().Cb, 9);

  // Blackhole has 64: the ninth stays in the intermediates' range.
  auto BH = translate(manyIntermediates(9), Stage::MemorySpace, *Target::forArch("blackhole"));
  ASSERT_TRUE(BH.PassesOk) << BH.Diags;
  EXPECT_EQ(BH.program().Phases[0].Intermediates.back().Cb, 32);
}

std::string buffered(unsigned N) {
  return withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out) {
#pragma tt tile_loop parallel buffers()" + std::to_string(N) + R"()
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i) + b.tile(i);
}
)");
}

TEST(TranslatorMemorySpace, L1BudgetOnWormholeAndBlackhole) {
  // Three CBs of N bf16 pages: 3 * N * 2048 bytes against (1464 - 128) KiB on wormhole.
  EXPECT_EQ(Target().l1Budget(), 1368064u);
  auto Fits = translate(buffered(222), Stage::MemorySpace);
  EXPECT_TRUE(Fits.PassesOk) << Fits.Diags;

  auto Over = translate(buffered(223), Stage::MemorySpace);
  EXPECT_FALSE(Over.PassesOk);
  EXPECT_TRUE(Over.hasDiag("l1-budget")) << Over.Diags;
  EXPECT_NE(Over.Diags.find("circular buffers need 1370112 bytes of L1 per core; the budget is "
                            "1368064 bytes"),
            std::string::npos)
      << Over.Diags;

  auto Far = translate(buffered(512), Stage::MemorySpace);
  EXPECT_NE(Far.Diags.find("circular buffers need 3145728 bytes"), std::string::npos)
      << Far.Diags;

  // Blackhole has 1536 KiB of L1.
  auto BH = translate(buffered(223), Stage::MemorySpace, *Target::forArch("blackhole"));
  EXPECT_TRUE(BH.PassesOk) << BH.Diags;
}

TEST(TranslatorMemorySpace, TargetsByArch) {
  auto W = Target::forArch("wormhole_b0");
  ASSERT_TRUE(W.has_value());
  EXPECT_EQ(W->NumCbs, 32u);
  EXPECT_EQ(W->dstCapacity(), 8u);
  auto B = Target::forArch("blackhole");
  ASSERT_TRUE(B.has_value());
  EXPECT_EQ(B->Arch, "blackhole");
  EXPECT_EQ(B->NumCbs, 64u);
  EXPECT_EQ(B->l1Budget(), (1536u - 128u) * 1024u);
  EXPECT_FALSE(Target::forArch("grayskull").has_value());
  Target F;
  F.Fp32DestAcc = true;
  EXPECT_EQ(F.dstCapacity(), 4u);
}

} // namespace
} // namespace tilesplit::test
