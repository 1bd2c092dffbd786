//===- ComputeInitTest.cpp - Hardware start-up and engine inits -----------===//
#include "TestSupport.h"

#include "gtest/gtest.h"

#include <algorithm>

namespace tilesplit::test {
namespace {

using Vec = std::vector<std::string>;

Vec computeBody(const Translation &R, const std::string &Profile = "2026-08") {
  return renderBody(R.program().kernel(KernelRole::Compute).Body, Profile);
}

const char *Eltwise = R"(
void eltwise(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = relu(a.tile(i) + b.tile(i)) * alpha;
}
)";

const char *Exp = R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = exp(a.tile(i));
}
)";

TEST(TranslatorComputeInit, EltwiseFollowsTheInitModel) {
  auto R = translate(withHeader(Eltwise), Stage::ComputeInit);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  // The FPU does only add: configured once before the loop. The SFPU switches
  // between relu and the scalar op: both inits are re-issued every iteration.
  EXPECT_EQ(computeBody(R),
            (Vec{"compute_kernel_hw_startup(cb_a, cb_b, cb_out);",
                 "add_init(cb_a, cb_b);",
                 "for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {",
                 "  cb_wait_front(cb_a, 1);",
                 "  cb_wait_front(cb_b, 1);",
                 "  tile_regs_acquire();",
                 "  add_tiles(cb_a, cb_b, 0, 0, 0);",
                 "  relu_tile_init();",
                 "  relu_tile(0);",
                 "  binop_with_scalar_tile_init();",
                 "  mul_unary_tile(0, alpha);",
                 "  tile_regs_commit();",
                 "  tile_regs_wait();",
                 "  cb_reserve_back(cb_out, 1);",
                 "  pack_tile(0, cb_out);",
                 "  cb_push_back(cb_out, 1);",
                 "  cb_pop_front(cb_a, 1);",
                 "  cb_pop_front(cb_b, 1);",
                 "  tile_regs_release();",
                 "}"}));
  // The older profile: binary_op_init_common configures no op, so add still needs its init.
  auto O = translate(withHeader(Eltwise), Stage::ComputeInit, Target(), "2026-02");
  ASSERT_TRUE(O.PassesOk) << O.Diags;
  Vec Old = computeBody(O, "2026-02");
  ASSERT_GE(Old.size(), 3u);
  EXPECT_EQ(Old[0], "binary_op_init_common(cb_a, cb_b, cb_out);");
  EXPECT_EQ(Old[1], "add_tiles_init(cb_a, cb_b);");
  EXPECT_EQ(Old[2], "for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {");
}

TEST(TranslatorComputeInit, HoistedBeforeALoopWithOneOpPerEngine) {
  auto R = translate(withHeader(Exp), Stage::ComputeInit);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_EQ(computeBody(R),
            (Vec{"compute_kernel_hw_startup(cb_a, cb_out);",
                 "copy_init(cb_a);",
                 "exp_tile_init();",
                 "for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {",
                 "  cb_wait_front(cb_a, 1);",
                 "  tile_regs_acquire();",
                 "  copy_tile(cb_a, 0, 0);",
                 "  exp_tile(0);",
                 "  tile_regs_commit();",
                 "  tile_regs_wait();",
                 "  cb_reserve_back(cb_out, 1);",
                 "  pack_tile(0, cb_out);",
                 "  cb_push_back(cb_out, 1);",
                 "  cb_pop_front(cb_a, 1);",
                 "  tile_regs_release();",
                 "}"}));
  // 2026-02's init_sfpu(cb_a, ...) leaves copy from cb_a configured: no copy init at all.
  auto O = translate(withHeader(Exp), Stage::ComputeInit, Target(), "2026-02");
  ASSERT_TRUE(O.PassesOk) << O.Diags;
  Vec Old = computeBody(O, "2026-02");
  ASSERT_GE(Old.size(), 3u);
  EXPECT_EQ(Old[0], "init_sfpu(cb_a, cb_out);");
  EXPECT_EQ(Old[1], "exp_tile_init();");
  EXPECT_EQ(Old[2], "for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {");
  EXPECT_EQ(std::count_if(Old.begin(), Old.end(),
                          [](const std::string &S) { return S.find("copy_tile_init") != std::string::npos; }),
            0);
}

TEST(TranslatorComputeInit, ReissuedInsideALoopThatAlternatesOps) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> o1, Tensor<bf16> o2) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < o1.num_tiles(); ++i) {
    o1.tile(i) = exp(a.tile(i));
    o2.tile(i) = log(b.tile(i));
  }
}
)"),
                     Stage::ComputeInit);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_EQ(computeBody(R),
            (Vec{"compute_kernel_hw_startup(cb_a, cb_o1);",
                 "for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {",
                 "  cb_wait_front(cb_a, 1);",
                 "  tile_regs_acquire();",
                 "  copy_init(cb_a);",
                 "  copy_tile(cb_a, 0, 0);",
                 "  exp_tile_init();",
                 "  exp_tile(0);",
                 "  tile_regs_commit();",
                 "  tile_regs_wait();",
                 "  cb_reserve_back(cb_o1, 1);",
                 "  pack_tile(0, cb_o1);",
                 "  cb_push_back(cb_o1, 1);",
                 "  cb_pop_front(cb_a, 1);",
                 "  tile_regs_release();",
                 "  cb_wait_front(cb_b, 1);",
                 "  tile_regs_acquire();",
                 "  copy_init(cb_b);",
                 "  copy_tile(cb_b, 0, 0);",
                 "  log_tile_init();",
                 "  log_tile(0);",
                 "  tile_regs_commit();",
                 "  tile_regs_wait();",
                 "  cb_reserve_back(cb_o2, 1);",
                 "  pack_tile(0, cb_o2);",
                 "  cb_push_back(cb_o2, 1);",
                 "  cb_pop_front(cb_b, 1);",
                 "  tile_regs_release();",
                 "}"}));
}

TEST(TranslatorComputeInit, InnerLoopWithOneOpGetsItsInitHoistedInsideTheOuterLoop) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, Tensor<bf16> edge) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < out.tile_rows(); ++m) {
    edge.tile(m, 0) = exp(a.tile(m, 0));
#pragma tt tile_loop
    for (uint32_t n = 0; n < out.tile_cols(); ++n)
      out.tile(m, n) = a.tile(m, n) + b.tile(m, n);
  }
}
)"),
                     Stage::ComputeInit);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  Vec Inits;
  for (const std::string &S : computeBody(R))
    if (S.find("init") != std::string::npos || S.find("startup") != std::string::npos ||
        S.find("for (") != std::string::npos || S == "}" || S == "  }" ||
        S.find("copy_tile(") != std::string::npos || S.find("add_tiles(") != std::string::npos)
      Inits.push_back(S);
  EXPECT_EQ(Inits, (Vec{"compute_kernel_hw_startup(cb_a, cb_edge);",
                        "exp_tile_init();",
                        "for (uint32_t m = unit_begin; m < unit_begin + unit_count; ++m) {",
                        "  copy_init(cb_a);",
                        "  copy_tile(cb_a, 0, 0);",
                        "  add_init(cb_a_1, cb_b);",
                        "  for (uint32_t n = 0; n < out_tile_cols; ++n) {",
                        "    add_tiles(cb_a_1, cb_b, 0, 0, 0);",
                        "  }",
                        "}"}));
}

TEST(TranslatorComputeInit, StartupUsesTheFirstOpsOperandsAndTheFirstOutputCb) {
  // The first op packs into an intermediate; the start-up names the output CB.
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    Tile t = b.tile(i) * a.tile(i);
    out.tile(i) = t + t;
  }
}
)"),
                     Stage::ComputeInit);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  Vec C = renderCalls(R.program().kernel(KernelRole::Compute).Body);
  ASSERT_FALSE(C.empty());
  EXPECT_EQ(C[0], "compute_kernel_hw_startup(cb_b, cb_a, cb_out);");
  EXPECT_EQ(std::count(C.begin(), C.end(), "compute_kernel_hw_startup(cb_b, cb_a, cb_out);"), 1);
}


TEST(TranslatorComputeInit, AccumulationHoldsDstAcrossTheReduceLoop) {
  const char *Src = R"(
void mm(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> D, Tensor<bf16> C) {
  const uint32_t Kt = A.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < C.tile_cols(); ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = relu(acc + D.tile(m, n));
    }
}
)";
  // Through Bind, which drops the unused recovery of m and n.
  auto R = translate(withHeader(Src), Stage::Bind);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_EQ(computeBody(R),
            (Vec{"compute_kernel_hw_startup<SrcOrder::Reverse>(cb_A, cb_B, cb_C);",
                 "for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {",
                 "  tile_regs_acquire();",
                 "  matmul_init(cb_A, cb_B);",
                 "  for (uint32_t k = 0; k < Kt; ++k) {",
                 "    cb_wait_front(cb_A, 1);",
                 "    cb_wait_front(cb_B, 1);",
                 "    matmul_tiles(cb_A, cb_B, 0, 0, 0);",
                 "    cb_pop_front(cb_A, 1);",
                 "    cb_pop_front(cb_B, 1);",
                 "  }",
                 "  cb_wait_front(cb_D, 1);",
                 "  copy_init(cb_D);",
                 "  copy_tile(cb_D, 0, 1);",
                 "  add_binary_tile_init();",
                 "  add_binary_tile(0, 1, 0);",
                 "  relu_tile_init();",
                 "  relu_tile(0);",
                 "  tile_regs_commit();",
                 "  tile_regs_wait();",
                 "  cb_reserve_back(cb_C, 1);",
                 "  pack_tile(0, cb_C);",
                 "  cb_push_back(cb_C, 1);",
                 "  cb_pop_front(cb_D, 1);",
                 "  tile_regs_release();",
                 "}"}));
  // 2026-02: mm_init configures matmul, but each unit's copy of D changes the
  // FPU's configuration, so the short init is still issued per unit.
  auto O = translate(withHeader(Src), Stage::Bind, Target(), "2026-02");
  ASSERT_TRUE(O.PassesOk) << O.Diags;
  Vec Old = computeBody(O, "2026-02");
  ASSERT_GE(Old.size(), 4u);
  EXPECT_EQ(Old[0], "mm_init(cb_A, cb_B, cb_C);");
  EXPECT_EQ(Old[3], "  mm_init_short(cb_A, cb_B);");
}

TEST(TranslatorComputeInit, MatmulOnlyKernelNeedsNoInitIn202602) {
  const char *Src = R"(
void mm(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < C.tile_cols(); ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < A.tile_cols(); ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
}
)";
  auto O = translate(withHeader(Src), Stage::ComputeInit, Target(), "2026-02");
  ASSERT_TRUE(O.PassesOk) << O.Diags;
  Vec Inits;
  for (const std::string &S : renderCalls(O.program().kernel(KernelRole::Compute).Body, "2026-02"))
    if (S.find("init") != std::string::npos)
      Inits.push_back(S);
  EXPECT_EQ(Inits, (Vec{"mm_init(cb_A, cb_B, cb_C);"}));
  auto N = translate(withHeader(Src), Stage::ComputeInit);
  Inits.clear();
  for (const std::string &S : renderCalls(N.program().kernel(KernelRole::Compute).Body))
    if (S.find("init") != std::string::npos)
      Inits.push_back(S);
  EXPECT_EQ(Inits, (Vec{"matmul_init(cb_A, cb_B);"}));
}

} // namespace
} // namespace tilesplit::test
