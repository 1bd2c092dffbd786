//===- FrontendTest.cpp - AST -> tile IR, pragmas and their diagnostics ---===//
#include "TestSupport.h"

#include "gtest/gtest.h"

namespace tilesplit::test {
namespace {

using ir::Stmt;
using ir::TileExpr;

std::string idx(const ir::TileAccess &A) { return ir::printScalar(A.Index); }

TEST(TranslatorFrontend, FindsKernelsByPragmaInSourceOrder) {
  auto R = translate(withHeader(R"(
float twice(float x) { return 2 * x; }
void second_in_name(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
void helper(Tensor<bf16> a) {
  for (uint32_t i = 0; i < 3; ++i) {}
}
void another(Tensor<float> x) {
#pragma tt tile_loop
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    x.tile(i) = exp(x.tile(i));
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  ASSERT_EQ(R.Kernels.size(), 2u);
  EXPECT_EQ(R.kernel(0).Name, "second_in_name");
  EXPECT_EQ(R.kernel(1).Name, "another");
  EXPECT_NE(R.kernel(0).File.find("kernel.cpp"), std::string::npos) << R.kernel(0).File;
  EXPECT_EQ(R.Errors, 0u);
  EXPECT_EQ(R.Warnings, 0u);
}

TEST(TranslatorFrontend, NoPragmaIsAWarningAndNoKernel) {
  auto R = translate(withHeader(R"(
void plain(Tensor<bf16> a) {
  for (uint32_t i = 0; i < a.num_tiles(); ++i) a.tile(i) = zeros();
}
)"));
  EXPECT_TRUE(R.Kernels.empty());
  EXPECT_TRUE(R.hasDiag("no-kernels")) << R.Diags;
  EXPECT_EQ(R.Errors, 0u);
  EXPECT_EQ(R.Warnings, 1u);
}

TEST(TranslatorFrontend, KernelPragmaSetsOptions) {
  auto R = translate(withHeader(R"(
#pragma tt kernel grid(4, 2) math_fidelity(LoFi) fp32_dest_acc approx
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
void plain(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  ASSERT_EQ(R.Kernels.size(), 2u);
  const ir::KernelOptions &O = R.kernel(0).Options;
  ASSERT_TRUE(O.Grid.has_value());
  EXPECT_EQ(O.Grid->first, 4u);
  EXPECT_EQ(O.Grid->second, 2u);
  EXPECT_EQ(O.Fidelity, ir::MathFidelity::LoFi);
  EXPECT_TRUE(O.Fp32DestAcc);
  EXPECT_TRUE(O.Approx);
  // The pragma binds to the next function only.
  const ir::KernelOptions &D = R.kernel(1).Options;
  EXPECT_FALSE(D.Grid.has_value());
  EXPECT_EQ(D.Fidelity, ir::MathFidelity::HiFi4);
  EXPECT_FALSE(D.Fp32DestAcc);
  EXPECT_FALSE(D.Approx);
}

TEST(TranslatorFrontend, ParametersBecomeTensorsAndScalarsInOrder) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, float alpha, Tensor<float> out, uint32_t n, int32_t off,
       const Tensor<bf16> &c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < n; ++i)
    out.tile(i) = a.tile(i);
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const ir::Kernel &K = R.kernel();
  ASSERT_EQ(K.Tensors.size(), 3u);
  EXPECT_EQ(K.Tensors[0].Name, "a");
  EXPECT_EQ(K.Tensors[0].Format, ir::DataFormat::Float16_b);
  EXPECT_EQ(K.Tensors[1].Name, "out");
  EXPECT_EQ(K.Tensors[1].Format, ir::DataFormat::Float32);
  EXPECT_EQ(K.Tensors[2].Name, "c");
  EXPECT_EQ(K.Tensors[2].Format, ir::DataFormat::Float16_b);
  ASSERT_EQ(K.Scalars.size(), 3u);
  EXPECT_EQ(K.Scalars[0].Name, "alpha");
  EXPECT_EQ(K.Scalars[0].Type, ir::ScalarType::F32);
  EXPECT_EQ(K.Scalars[1].Name, "n");
  EXPECT_EQ(K.Scalars[1].Type, ir::ScalarType::U32);
  EXPECT_EQ(K.Scalars[2].Name, "off");
  EXPECT_EQ(K.Scalars[2].Type, ir::ScalarType::I32);
  ASSERT_EQ(K.Params.size(), 6u);
  const std::pair<bool, unsigned> Expected[] = {{true, 0},  {false, 0}, {true, 1},
                                                {false, 1}, {false, 2}, {true, 2}};
  for (size_t I = 0; I < 6; ++I) {
    EXPECT_EQ(K.Params[I].IsTensor, Expected[I].first) << I;
    EXPECT_EQ(K.Params[I].Index, Expected[I].second) << I;
  }
  EXPECT_NE(K.findTensor("c"), nullptr);
  EXPECT_EQ(K.findTensor("alpha"), nullptr);
  EXPECT_NE(K.findScalar("off"), nullptr);
}

TEST(TranslatorFrontend, UnsupportedParameterType) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> out, double scale) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = zeros();
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.Kernels.empty());
  EXPECT_TRUE(R.hasDiag("unsupported-parameter")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel parameter 'scale' has unsupported type 'double'"),
            std::string::npos)
      << R.Diags;
  EXPECT_EQ(R.Errors, 1u);
}

TEST(TranslatorFrontend, LoopsKeepKindBoundsAndBuffers) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
  const uint32_t Mt = a.tile_rows();
#pragma tt tile_loop parallel buffers(3)
  for (uint32_t m = 1; m < Mt; ++m) {
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < a.tile_cols(); ++k) {
#pragma tt tile_loop buffers(5)
      for (uint32_t j = k; j != 4; j += 1)
        out.tile(m, j) = a.tile(m, k);
    }
  }
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const ir::Kernel &K = R.kernel();
  ASSERT_EQ(K.Loops.size(), 1u);
  const ir::Loop &M = *K.Loops[0];
  EXPECT_EQ(M.Kind, ir::LoopKind::Parallel);
  EXPECT_EQ(M.Var, "m");
  EXPECT_EQ(ir::printScalar(M.Begin), "1");
  EXPECT_EQ(ir::printScalar(M.End), "Mt");
  EXPECT_EQ(M.Buffers, 3u);
  EXPECT_TRUE(M.BuffersExplicit);
  EXPECT_EQ(M.Src.Line, 7u);
  EXPECT_EQ(M.Src.Text, "for (uint32_t m = 1; m < Mt; ++m)");
  ASSERT_EQ(M.Body.size(), 1u);
  ASSERT_EQ(M.Body[0].K, Stmt::Kind::Loop);
  const ir::Loop &Kl = *M.Body[0].L;
  EXPECT_EQ(Kl.Kind, ir::LoopKind::Reduce);
  EXPECT_EQ(Kl.Var, "k");
  EXPECT_EQ(ir::printScalar(Kl.Begin), "0");
  EXPECT_EQ(ir::printScalar(Kl.End), "a_tile_cols");
  EXPECT_EQ(Kl.Buffers, 2u);
  EXPECT_FALSE(Kl.BuffersExplicit);
  ASSERT_EQ(Kl.Body.size(), 1u);
  const ir::Loop &J = *Kl.Body[0].L;
  EXPECT_EQ(J.Kind, ir::LoopKind::Sequential);
  EXPECT_EQ(ir::printScalar(J.Begin), "k");
  EXPECT_EQ(ir::printScalar(J.End), "4");
  EXPECT_EQ(J.Buffers, 5u);
  ASSERT_EQ(J.Body.size(), 1u);
  EXPECT_EQ(J.Body[0].K, Stmt::Kind::StoreTensor);
}

TEST(TranslatorFrontend, TileRowColIsPageIdRowTimesTileColsPlusCol) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < C.tile_rows(); ++m)
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < C.tile_cols(); ++n)
      C.tile(m, n) = A.tile(m, 0) + B.tile(0, n) + A.tile(m + 1, n * 2) + B.tile(m * 3 + n);
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Stmt &S = R.kernel().Loops[0]->Body[0].L->Body[0];
  ASSERT_EQ(S.K, Stmt::Kind::StoreTensor);
  EXPECT_EQ(S.Target.Tensor, "C");
  EXPECT_EQ(idx(S.Target), "m * C_tile_cols + n");
  EXPECT_EQ(S.Target.Spelling, "C.tile(m, n)");
  // ((A(m,0) + B(0,n)) + A(m+1, 2n)) + B(3m+n)
  const TileExpr &Top = *S.Value;
  ASSERT_EQ(Top.K, TileExpr::Kind::Binary);
  const TileExpr &L2 = *Top.Operands[0];
  const TileExpr &L1 = *L2.Operands[0];
  EXPECT_EQ(L1.Operands[0]->Access.Tensor, "A");
  EXPECT_EQ(idx(L1.Operands[0]->Access), "m * A_tile_cols"); // + 0 folded
  EXPECT_EQ(idx(L1.Operands[1]->Access), "n");               // 0 * B_tile_cols folded
  EXPECT_EQ(idx(L2.Operands[1]->Access), "(m + 1) * A_tile_cols + n * 2");
  EXPECT_EQ(L2.Operands[1]->Access.Spelling, "A.tile(m + 1, n * 2)");
  EXPECT_EQ(idx(Top.Operands[1]->Access), "m * 3 + n"); // a page id as written
}

TEST(TranslatorFrontend, TileLocalsAndCompoundAssignments) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    Tile t = a.tile(i);
    t += b.tile(i);
    t = t * 2;
    t = 1.0f - t;
    out.tile(i) = -t;
    out.tile(i) *= b.tile(i);
  }
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const ir::StmtList &B = R.kernel().Loops[0]->Body;
  ASSERT_EQ(B.size(), 6u);
  const char *Printed[] = {"a.tile(i)", "(t + b.tile(i))", "(t * 2.0f)", "(1.0f - t)", "neg(t)",
                           "(out.tile(i) * b.tile(i))"};
  for (size_t I = 0; I < 6; ++I)
    EXPECT_EQ(ir::printTile(B[I].Value), Printed[I]) << I;
  for (size_t I = 0; I < 4; ++I) {
    EXPECT_EQ(B[I].K, Stmt::Kind::DefineLocal) << I;
    EXPECT_EQ(B[I].Name, "t") << I;
  }
  EXPECT_EQ(B[1].Value->Operands[0]->K, TileExpr::Kind::Local);
  EXPECT_EQ(B[2].Value->K, TileExpr::Kind::ScalarBinary);
  EXPECT_FALSE(B[2].Value->ScalarOnLeft);
  EXPECT_EQ(B[2].Value->Scalar->K, ir::ScalarExpr::Kind::FloatLiteral);
  EXPECT_TRUE(B[3].Value->ScalarOnLeft);
  EXPECT_EQ(B[3].Value->BOp, ir::BinaryOp::Sub);
  EXPECT_EQ(B[4].K, Stmt::Kind::StoreTensor);
  EXPECT_EQ(B[4].Value->UOp, ir::UnaryOp::Neg);
  EXPECT_EQ(B[5].K, Stmt::Kind::StoreTensor);
  EXPECT_EQ(B[5].Value->Operands[0]->K, TileExpr::Kind::Read);
  EXPECT_EQ(B[1].Src.Text, "t += b.tile(i);");
}

TEST(TranslatorFrontend, UnaryFunctionsFillAndZeros) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = sigmoid(gelu(a.tile(i))) * fill(-2.0f) + zeros() + rsqrt(a.tile(i)) * alpha;
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_EQ(ir::printTile(R.kernel().Loops[0]->Body[0].Value),
            "(((sigmoid(gelu(a.tile(i))) * fill(-2.0f)) + fill(0.0f)) + (rsqrt(a.tile(i)) * alpha))");
}

TEST(TranslatorFrontend, ScalarLocalsAtKernelLevelAndInLoops) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out, int32_t shift) {
  const uint32_t Nt = a.tile_cols();
  const uint32_t Half = Nt / 2;
  int32_t s = -shift;
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < Half; ++i) {
    const uint32_t j = (i + 1) % Nt;
    out.tile(i) = a.tile(j);
  }
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const ir::Kernel &K = R.kernel();
  ASSERT_EQ(K.Locals.size(), 3u);
  EXPECT_EQ(K.Locals[0].Name, "Nt");
  EXPECT_EQ(ir::printScalar(K.Locals[0].Init), "a_tile_cols");
  EXPECT_EQ(K.Locals[1].Name, "Half");
  EXPECT_EQ(ir::printScalar(K.Locals[1].Init), "Nt / 2");
  EXPECT_EQ(K.Locals[2].Name, "s");
  EXPECT_EQ(K.Locals[2].Type, ir::ScalarType::I32);
  EXPECT_EQ(ir::printScalar(K.Locals[2].Init), "-shift");
  EXPECT_NE(K.findLocal("Half"), nullptr);
  const ir::StmtList &B = K.Loops[0]->Body;
  ASSERT_EQ(B.size(), 2u);
  EXPECT_EQ(B[0].K, Stmt::Kind::ScalarDecl);
  EXPECT_EQ(B[0].Name, "j");
  EXPECT_EQ(ir::printScalar(B[0].Init), "(i + 1) % Nt");
  EXPECT_EQ(idx(B[1].Value->Access), "j");
}

//===--- Pragma binding and other errors -----------------------------------===//

TEST(TranslatorFrontend, PragmaNotFollowedByFor) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  const uint32_t n = out.num_tiles();
  for (uint32_t i = 0; i < n; ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("pragma-not-before-for")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:5:1: error: '#pragma tt tile_loop' must be followed by a "
                         "'for' statement"),
            std::string::npos)
      << R.Diags;
}

TEST(TranslatorFrontend, PragmaOutsideFunction) {
  auto R = translate(withHeader(R"(
#pragma tt tile_loop
void k(Tensor<bf16> out) {}
)"));
  EXPECT_TRUE(R.hasDiag("pragma-outside-function")) << R.Diags;
  EXPECT_TRUE(R.Kernels.empty());
}

TEST(TranslatorFrontend, UnknownClauseWithFixIt) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel bufers(4)
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("unknown-clause")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:5:31: error: unknown clause 'bufers' in '#pragma tt "
                         "tile_loop' [tilesplit-unknown-clause]"),
            std::string::npos)
      << R.Diags;
  // The fix-it replaces the misspelt word (columns 31..37) with the clause.
  EXPECT_NE(R.Diags.find(":{5:31-5:37}:\"buffers\""), std::string::npos) << R.Diags;
}

TEST(TranslatorFrontend, UnknownKernelClauseFixItAndNoFixItWhenFar) {
  auto R = translate(withHeader(R"(
#pragma tt kernel gird(2, 2)
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_TRUE(R.hasDiag("unknown-clause")) << R.Diags;
  EXPECT_NE(R.Diags.find("unknown clause 'gird' in '#pragma tt kernel'"), std::string::npos);
  EXPECT_NE(R.Diags.find(":\"grid\""), std::string::npos) << R.Diags;

  auto Far = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel unroll(4)
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_TRUE(Far.hasDiag("unknown-clause")) << Far.Diags;
  EXPECT_EQ(Far.Diags.find("fix-it:"), std::string::npos) << Far.Diags;
}

TEST(TranslatorFrontend, BadClauseArguments) {
  struct Case {
    const char *Pragma, *Message;
  } Cases[] = {
      {"tile_loop buffers(0)", "invalid argument to clause 'buffers': '0' is not a positive integer"},
      {"tile_loop buffers(two)",
       "invalid argument to clause 'buffers': 'two' is not a positive integer"},
      {"tile_loop buffers", "invalid argument to clause 'buffers': expected '('"},
      {"tile_loop buffers(2, 3)", "invalid argument to clause 'buffers': expected 1 argument"},
      {"kernel grid(4)", "invalid argument to clause 'grid': expected 2 arguments"},
      {"kernel math_fidelity(HiFi5)", "invalid argument to clause 'math_fidelity': 'HiFi5' is "
                                      "not one of LoFi, HiFi2, HiFi3, HiFi4"},
  };
  for (const Case &C : Cases) {
    std::string Src = std::string("#pragma tt ") + C.Pragma + "\n" + R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)";
    // A tile_loop pragma before the function would be outside it: put it on the loop.
    if (std::string(C.Pragma).rfind("tile_loop", 0) == 0)
      Src = std::string(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt )") + C.Pragma + R"(
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)";
    auto R = translate(withHeader(Src));
    EXPECT_FALSE(R.PassesOk) << C.Pragma;
    EXPECT_TRUE(R.hasDiag("bad-clause-argument")) << C.Pragma << "\n" << R.Diags;
    EXPECT_NE(R.Diags.find(C.Message), std::string::npos) << C.Pragma << "\n" << R.Diags;
  }
}

TEST(TranslatorFrontend, DuplicateClause) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel buffers(2) buffers(3)
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_TRUE(R.hasDiag("duplicate-clause")) << R.Diags;
  EXPECT_NE(R.Diags.find("clause 'buffers' given more than once"), std::string::npos);
}

TEST(TranslatorFrontend, UnknownAndMissingDirective) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_lop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("unknown-directive")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:5:12: error: unknown directive 'tile_lop' in '#pragma tt'; "
                         "expected 'tile_loop' or 'kernel'"),
            std::string::npos)
      << R.Diags;

  auto M = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_TRUE(M.hasDiag("missing-directive")) << M.Diags;
}

TEST(TranslatorFrontend, UnannotatedNestedForWithFixIt) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < out.tile_rows(); ++m)
    for (uint32_t n = 0; n < out.tile_cols(); ++n)
      out.tile(m, n) = a.tile(m, n);
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("unannotated-loop")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:7:5: error: loop inside a tile loop needs '#pragma tt "
                         "tile_loop'"),
            std::string::npos)
      << R.Diags;
  // The pragma goes on a line of its own, and the loop keeps its indentation.
  EXPECT_NE(R.Diags.find(":{7:5-7:5}:\"#pragma tt tile_loop\\n    \""), std::string::npos)
      << R.Diags;
}

TEST(TranslatorFrontend, TileReadOutsideLoop) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
  a.tile(0) * 2.0f;
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("tile-access-outside-loop")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:5:5: error: tile read outside any tile loop"),
            std::string::npos)
      << R.Diags;
}

// The diagnostic has %select{read|write}: a store outside any loop is a write.
TEST(TranslatorFrontend, TileWriteOutsideLoopSaysWrite) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
  out.tile(0) = fill(1.0f);
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("tile-access-outside-loop")) << R.Diags;
  EXPECT_NE(R.Diags.find("error: tile write outside any tile loop"), std::string::npos)
      << R.Diags;
}

TEST(TranslatorFrontend, UnsupportedCallsInLoop) {
  auto R = translate(withHeader(R"(
extern "C" int printf(const char *, ...);
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    printf("%u\n", i);
    out.tile(i) = a.tile(i);
  }
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("unsupported-call")) << R.Diags;
  EXPECT_NE(R.Diags.find("call to 'printf' is not supported inside a tile loop"),
            std::string::npos)
      << R.Diags;

  auto U = translate(withHeader(R"(
Tile mine(const Tile &t) { return t; }
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = mine(a.tile(i));
}
)"));
  EXPECT_TRUE(U.hasDiag("unsupported-call")) << U.Diags;
  EXPECT_NE(U.Diags.find("call to 'mine' is not supported"), std::string::npos) << U.Diags;
}

TEST(TranslatorFrontend, UnmappableLoopShapes) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); i += 2)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_TRUE(R.hasDiag("unmappable-loop")) << R.Diags;
  EXPECT_NE(R.Diags.find("cannot map this tile loop: the increment must be '++i'"),
            std::string::npos)
      << R.Diags;

  auto C = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i <= out.num_tiles(); ++i)
    out.tile(i) = a.tile(i);
}
)"));
  EXPECT_NE(C.Diags.find("cannot map this tile loop: the condition must be 'i < end'"),
            std::string::npos)
      << C.Diags;
}

TEST(TranslatorFrontend, ScalarOperandMustBeFloatParamOrLiteral) {
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out, uint32_t n) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i) * n;
}
)"));
  EXPECT_TRUE(R.hasDiag("unsupported-scalar-operand")) << R.Diags;
}

TEST(TranslatorFrontend, UnknownVariableInIndex) {
  auto R = translate(withHeader(R"(
uint32_t global_offset = 3;
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = a.tile(i + global_offset);
}
)"));
  EXPECT_TRUE(R.hasDiag("unknown-variable")) << R.Diags;
  EXPECT_NE(R.Diags.find("'global_offset' is not a loop variable, scalar parameter or scalar "
                         "local of the kernel"),
            std::string::npos);
}

TEST(TranslatorFrontend, FillOfAParameterIsRejected) {
  // fill_tile takes the value itself; a float parameter only reaches the
  // compute kernel as its bits.
  auto R = translate(withHeader(R"(
void k(Tensor<bf16> a, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = fill(alpha) * a.tile(i);
}
)"));
  EXPECT_FALSE(R.PassesOk);
  EXPECT_TRUE(R.hasDiag("unsupported-expression")) << R.Diags;
  EXPECT_NE(R.Diags.find("kernel.cpp:7:24"), std::string::npos) << R.Diags;
}

} // namespace
} // namespace tilesplit::test
