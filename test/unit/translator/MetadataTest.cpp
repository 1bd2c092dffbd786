//===- MetadataTest.cpp - Tensors' formats, page sizes and roles ----------===//
#include "TestSupport.h"

#include "gtest/gtest.h"

namespace tilesplit::test {
namespace {

TEST(TranslatorMetadata, ReadAndWrittenFlagsInParameterOrder) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> out, Tensor<bf16> a, Tensor<bf16> unused, Tensor<bf16> b, Tensor<bf16> io) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
#pragma tt tile_loop
    for (uint32_t j = 0; j < 2; ++j) {
      Tile t = exp(b.tile(j));
      out.tile(i) = a.tile(i) + t;
    }
    io.tile(i) *= a.tile(i);
  }
}
)"),
                     Stage::Metadata);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const auto &T = R.program().Tensors;
  ASSERT_EQ(T.size(), 5u);
  const char *Names[] = {"out", "a", "unused", "b", "io"};
  const bool Read[] = {false, true, false, true, true};
  const bool Written[] = {true, false, false, false, true};
  for (size_t I = 0; I < 5; ++I) {
    EXPECT_EQ(T[I].Name, Names[I]);
    EXPECT_EQ(T[I].Read, Read[I]) << Names[I];
    EXPECT_EQ(T[I].Written, Written[I]) << Names[I];
    EXPECT_EQ(T[I].Format, ir::DataFormat::Float16_b);
    EXPECT_EQ(T[I].PageBytes, 2048u);
  }
  EXPECT_TRUE(R.program().tensor("io").Read);
}

TEST(TranslatorMetadata, FloatTensorsHaveFourKilobytePages) {
  auto R = translate(withHeader(R"(
void k(Tensor<float> x, Tensor<float> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = x.tile(i);
}
)"),
                     Stage::Metadata);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  for (const TensorInfo &T : R.program().Tensors) {
    EXPECT_EQ(T.Format, ir::DataFormat::Float32);
    EXPECT_EQ(T.PageBytes, 4096u);
  }
}

TEST(TranslatorMetadata, KernelThatWritesNoTensorIsAnError) {
  auto R = translate(withHeader(R"(
void sink(Tensor<bf16> a) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i) {
    Tile t = a.tile(i);
  }
}
)"),
                     Stage::Metadata);
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("no-tensor-written")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel 'sink' writes no tensor"), std::string::npos) << R.Diags;
  EXPECT_EQ(R.Errors, 1u);
}

TEST(TranslatorMetadata, MixedFormatsAreAnError) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<float> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i) + b.tile(i);
}
)"),
                     Stage::Metadata);
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("mixed-formats")) << R.Diags;
  EXPECT_NE(R.Diags.find("tensors of different data formats (Float16_b and Float32) in one "
                         "kernel need an explicit conversion"),
            std::string::npos)
      << R.Diags;
  EXPECT_EQ(R.Errors, 1u);
}

} // namespace
} // namespace tilesplit::test
