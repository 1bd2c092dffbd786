//===- BindTest.cpp - Runtime arguments and locals of each kernel ---------===//
#include "TestSupport.h"

#include "gtest/gtest.h"

#include <algorithm>

namespace tilesplit::test {
namespace {

using Vec = std::vector<std::string>;

Vec argNames(const DeviceKernel &K) {
  Vec Out;
  for (const RuntimeArg &A : K.Args)
    Out.push_back(A.Name);
  return Out;
}

Vec localNames(const DeviceKernel &K) {
  Vec Out;
  for (const ir::Stmt *L : K.Locals)
    Out.push_back(L->Name);
  return Out;
}

TEST(TranslatorBind, EltwiseArgumentsPerKernel) {
  auto R = translate(withHeader(R"(
void eltwise(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha, float unused) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = relu(a.tile(i) + b.tile(i)) * alpha;
}
)"),
                     Stage::Bind);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Program &P = R.program();
  const DeviceKernel &Rd = P.kernel(KernelRole::Reader);
  const DeviceKernel &Cp = P.kernel(KernelRole::Compute);
  const DeviceKernel &Wr = P.kernel(KernelRole::Writer);
  EXPECT_EQ(argNames(Rd), (Vec{"a_addr", "b_addr", "unit_begin", "unit_count"}));
  EXPECT_EQ(argNames(Cp), (Vec{"alpha", "unit_begin", "unit_count"}));
  EXPECT_EQ(argNames(Wr), (Vec{"out_addr", "unit_begin", "unit_count"}));

  EXPECT_EQ(Rd.Args[0].K, RuntimeArg::Kind::TensorAddress);
  EXPECT_EQ(Rd.Args[1].Tensor, "b");
  EXPECT_EQ(Rd.Args[2].K, RuntimeArg::Kind::UnitBegin);
  EXPECT_EQ(Rd.Args[3].K, RuntimeArg::Kind::UnitCount);
  EXPECT_EQ(Rd.Args[3].Phase, 0u);
  EXPECT_EQ(Cp.Args[0].K, RuntimeArg::Kind::Scalar);
  EXPECT_EQ(Cp.Args[0].Type, ir::ScalarType::F32);

  EXPECT_EQ(Rd.Accessors, (Vec{"a", "b"}));
  EXPECT_EQ(Wr.Accessors, (Vec{"out"}));
  EXPECT_TRUE(Cp.Accessors.empty());
  EXPECT_EQ(Rd.UsedCbs, (std::vector<unsigned>{0, 1}));
  EXPECT_EQ(Cp.UsedCbs, (std::vector<unsigned>{0, 1, 16}));
  EXPECT_EQ(Wr.UsedCbs, (std::vector<unsigned>{16}));
  for (const DeviceKernel *K : {&Rd, &Cp, &Wr})
    EXPECT_TRUE(K->Locals.empty());
}

TEST(TranslatorBind, AddressesThenDimsThenScalarsThenUnitsInParameterOrder) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C, float beta, int32_t off, float alpha) {
  const uint32_t Mt = C.tile_rows();
  const uint32_t Nt = B.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < Nt; ++n)
      C.tile(m, n) = B.tile(m, n + off) * alpha + A.tile(n, m) * beta;
}
)"),
                     Stage::Bind);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Program &P = R.program();
  const DeviceKernel &Rd = P.kernel(KernelRole::Reader);
  const DeviceKernel &Cp = P.kernel(KernelRole::Compute);
  const DeviceKernel &Wr = P.kernel(KernelRole::Writer);
  // The reader reads B first, but addresses and sizes follow the parameters.
  EXPECT_EQ(Rd.Accessors, (Vec{"B", "A"}));
  EXPECT_EQ(argNames(Rd), (Vec{"A_addr", "B_addr", "A_tile_cols", "B_tile_cols", "off",
                               "unit_begin", "unit_count"}));
  EXPECT_EQ(Rd.Args[2].K, RuntimeArg::Kind::TensorDim);
  EXPECT_EQ(Rd.Args[2].Dim, ir::TensorDim::TileCols);
  EXPECT_EQ(Rd.Args[4].Type, ir::ScalarType::I32);
  // alpha is used before beta but comes after it in the signature.
  EXPECT_EQ(argNames(Cp), (Vec{"beta", "alpha", "unit_begin", "unit_count"}));
  // Nt (= B.tile_cols()) recovers m and n, so the writer needs B's width too.
  EXPECT_EQ(argNames(Wr), (Vec{"C_addr", "B_tile_cols", "C_tile_cols", "unit_begin",
                               "unit_count"}));
  // Mt only sizes the iteration space (host side): no kernel declares it.
  EXPECT_EQ(localNames(Rd), (Vec{"Nt"}));
  EXPECT_EQ(localNames(Cp), Vec{});
  EXPECT_EQ(localNames(Wr), (Vec{"Nt"}));
}

TEST(TranslatorBind, LocalsNeededByUsedLocalsAreKeptInSourceOrder) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
  const uint32_t Kt = a.tile_cols();
  const uint32_t Unused = 5;
  const uint32_t K2 = Kt * 2;
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    const uint32_t j = i * K2;
    out.tile(i) = a.tile(j);
  }
}
)"),
                     Stage::Bind);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Program &P = R.program();
  const DeviceKernel &Rd = P.kernel(KernelRole::Reader);
  EXPECT_EQ(localNames(Rd), (Vec{"Kt", "K2"}));
  EXPECT_EQ(argNames(Rd), (Vec{"a_addr", "a_tile_cols", "unit_begin", "unit_count"}));
  // The loop-level local j is declared in the reader only.
  auto Has = [](const Vec &Body, const std::string &Line) {
    return std::find(Body.begin(), Body.end(), Line) != Body.end();
  };
  EXPECT_TRUE(Has(renderBody(Rd.Body), "  const uint32_t j = i * K2;"));
  EXPECT_FALSE(Has(renderBody(P.kernel(KernelRole::Compute).Body), "  const uint32_t j = i * K2;"));
  EXPECT_FALSE(Has(renderBody(P.kernel(KernelRole::Writer).Body), "  const uint32_t j = i * K2;"));
  EXPECT_TRUE(P.kernel(KernelRole::Compute).Locals.empty());
  EXPECT_TRUE(P.kernel(KernelRole::Writer).Locals.empty());
  EXPECT_EQ(argNames(P.kernel(KernelRole::Writer)), (Vec{"out_addr", "unit_begin", "unit_count"}));
}

TEST(TranslatorBind, SequentialRootIsOneUnitAndReadsSizes) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop
  for (uint32_t i = 0; i < out.tile_rows(); ++i)
    out.tile(i, 0) = a.tile(i, 0);
}
)"),
                     Stage::Bind);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Program &P = R.program();
  EXPECT_EQ(argNames(P.kernel(KernelRole::Reader)),
            (Vec{"a_addr", "a_tile_cols", "out_tile_rows", "unit_begin", "unit_count"}));
  EXPECT_EQ(argNames(P.kernel(KernelRole::Compute)),
            (Vec{"out_tile_rows", "unit_begin", "unit_count"}));
}

} // namespace
} // namespace tilesplit::test
