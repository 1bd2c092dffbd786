//===- IRTest.cpp - The tile IR: scalar expressions, printing, dumps ------===//
#include "TestSupport.h"

#include "tilesplit/IR/TileIR.h"

#include "gtest/gtest.h"

namespace tilesplit::test {
namespace {

using ir::ScalarExpr;
using ir::ScalarExprPtr;

ScalarExprPtr v(const char *N) { return ScalarExpr::var(N); }
ScalarExprPtr lit(const char *T) { return ScalarExpr::intLit(T); }
ScalarExprPtr bin(const char *Op, ScalarExprPtr L, ScalarExprPtr R) {
  return ScalarExpr::binary(Op, std::move(L), std::move(R));
}

TEST(TranslatorIR, PrintsLowerPrecedenceChildInParentheses) {
  EXPECT_EQ(ir::printScalar(bin("*", bin("+", v("a"), v("b")), v("c"))), "(a + b) * c");
  EXPECT_EQ(ir::printScalar(bin("*", v("c"), bin("+", v("a"), v("b")))), "c * (a + b)");
  EXPECT_EQ(ir::printScalar(bin("+", bin("*", v("a"), v("b")), v("c"))), "a * b + c");
  EXPECT_EQ(ir::printScalar(bin("<<", bin("+", v("a"), v("b")), lit("2"))), "a + b << 2");
}

TEST(TranslatorIR, PrintsRightOperandOfNonAssociativeOpInParentheses) {
  EXPECT_EQ(ir::printScalar(bin("-", v("a"), bin("-", v("b"), v("c")))), "a - (b - c)");
  EXPECT_EQ(ir::printScalar(bin("-", bin("-", v("a"), v("b")), v("c"))), "a - b - c");
  EXPECT_EQ(ir::printScalar(bin("/", v("a"), bin("*", v("b"), v("c")))), "a / (b * c)");
  EXPECT_EQ(ir::printScalar(bin("/", bin("*", v("a"), v("b")), v("c"))), "a * b / c");
  EXPECT_EQ(ir::printScalar(bin("%", v("unit"), bin("%", v("a"), v("b")))),
            "unit % (a % b)");
  // Associative and the same operator: no parentheses needed on either side.
  EXPECT_EQ(ir::printScalar(bin("+", v("a"), bin("+", v("b"), v("c")))), "a + b + c");
  EXPECT_EQ(ir::printScalar(bin("*", v("a"), bin("*", v("b"), v("c")))), "a * b * c");
  // Same precedence, different operators: a + (b - c) keeps them.
  EXPECT_EQ(ir::printScalar(bin("+", v("a"), bin("-", v("b"), v("c")))), "a + (b - c)");
}

TEST(TranslatorIR, PrintsNegationAndDims) {
  EXPECT_EQ(ir::printScalar(ScalarExpr::negate(bin("+", v("a"), v("b")))), "-(a + b)");
  EXPECT_EQ(ir::printScalar(ScalarExpr::negate(v("a"))), "-a");
  auto Id = bin("+", bin("*", v("m"), ScalarExpr::dim("A", ir::TensorDim::TileCols)), v("n"));
  EXPECT_EQ(ir::printScalar(Id), "m * A_tile_cols + n");
  ir::ScalarPrintPolicy Host;
  Host.Dims = ir::ScalarPrintPolicy::DimStyle::HostTensorField;
  EXPECT_EQ(ir::printScalar(Id, Host), "m * A.tile_cols + n");
  EXPECT_EQ(ir::printScalar(ScalarExpr::dim("out", ir::TensorDim::NumTiles), Host),
            "(out.tile_rows * out.tile_cols)");
  EXPECT_EQ(ir::printScalar(ScalarExpr::dim("out", ir::TensorDim::NumTiles)), "out_num_tiles");
}

TEST(TranslatorIR, FoldsMultiplicativeAndAdditiveIdentities) {
  auto X = v("x");
  // 0 * x and x * 0 are the literal 0.
  auto Zero = bin("*", lit("0"), X);
  ASSERT_EQ(Zero->K, ScalarExpr::Kind::IntLiteral);
  EXPECT_EQ(Zero->Text, "0");
  EXPECT_EQ(bin("*", X, lit("0u"))->Text, "0");
  // x * 1, 1 * x, x / 1, 0 + x, x + 0, x - 0 are x itself.
  EXPECT_EQ(bin("*", X, lit("1")), X);
  EXPECT_EQ(bin("*", lit("1u"), X), X);
  EXPECT_EQ(bin("/", X, lit("1")), X);
  EXPECT_EQ(bin("+", lit("0"), X), X);
  EXPECT_EQ(bin("+", X, lit("0")), X);
  EXPECT_EQ(bin("-", X, lit("0")), X);
  // 0 - x and 1 / x are not identities.
  EXPECT_EQ(ir::printScalar(bin("-", lit("0"), X)), "0 - x");
  EXPECT_EQ(ir::printScalar(bin("/", lit("1"), X)), "1 / x");
  // Folding composes: 0 * Nt + n is n.
  auto N = v("n");
  EXPECT_EQ(bin("+", bin("*", lit("0"), v("Nt")), N), N);
}

TEST(TranslatorIR, BinaryTypeIsFloatIfEitherSideIs) {
  auto F = ScalarExpr::var("alpha", ir::ScalarType::F32);
  EXPECT_EQ(bin("*", v("i"), F)->Type, ir::ScalarType::F32);
  EXPECT_EQ(bin("+", ScalarExpr::var("k", ir::ScalarType::I32), v("i"))->Type,
            ir::ScalarType::I32);
  EXPECT_EQ(ScalarExpr::floatLit("0.5f")->Type, ir::ScalarType::F32);
}

TEST(TranslatorIR, IsIntLiteralIgnoresSuffixes) {
  EXPECT_TRUE(ir::isIntLiteral(lit("0u"), "0"));
  EXPECT_TRUE(ir::isIntLiteral(lit("1UL"), "1"));
  EXPECT_FALSE(ir::isIntLiteral(lit("10"), "1"));
  EXPECT_FALSE(ir::isIntLiteral(v("x"), "x"));
  EXPECT_FALSE(ir::isIntLiteral(nullptr, "0"));
}

TEST(TranslatorIR, CollectScalarUsesInFirstUseOrderWithoutDuplicates) {
  // (n + A.tile_cols * m) * n + B.tile_rows - A.tile_cols
  auto E = bin("-",
               bin("+",
                   bin("*",
                       bin("+", v("n"),
                           bin("*", ScalarExpr::dim("A", ir::TensorDim::TileCols), v("m"))),
                       v("n")),
                   ScalarExpr::dim("B", ir::TensorDim::TileRows)),
               ScalarExpr::dim("A", ir::TensorDim::TileCols));
  std::vector<std::string> Vars, Dims;
  ir::collectScalarUses(E, Vars, Dims);
  EXPECT_EQ(Vars, (std::vector<std::string>{"n", "m"}));
  EXPECT_EQ(Dims, (std::vector<std::string>{"A_tile_cols", "B_tile_rows"}));

  // Appends to what the vectors already hold, still without duplicates.
  ir::collectScalarUses(ScalarExpr::negate(bin("+", v("k"), v("m"))), Vars, Dims);
  EXPECT_EQ(Vars, (std::vector<std::string>{"n", "m", "k"}));

  std::vector<std::string> V2, D2;
  ir::collectScalarUses(nullptr, V2, D2);
  ir::collectScalarUses(ScalarExpr::floatLit("1.0f"), V2, D2);
  EXPECT_TRUE(V2.empty());
  EXPECT_TRUE(D2.empty());

  EXPECT_TRUE(ir::scalarUsesVar(E, "m"));
  EXPECT_FALSE(ir::scalarUsesVar(E, "A"));
}

ir::TileExprPtr read(const char *Tensor, const char *Spelling) {
  auto E = std::make_shared<ir::TileExpr>();
  E->K = ir::TileExpr::Kind::Read;
  E->Access.Tensor = Tensor;
  E->Access.Index = v("i");
  E->Access.Spelling = Spelling;
  return E;
}

TEST(TranslatorIR, PrintTile) {
  auto A = read("a", "a.tile(i)"), B = read("b", "b.tile(i)");
  auto Sum = std::make_shared<ir::TileExpr>();
  Sum->K = ir::TileExpr::Kind::Binary;
  Sum->BOp = ir::BinaryOp::Add;
  Sum->Operands = {A, B};
  auto Relu = std::make_shared<ir::TileExpr>();
  Relu->K = ir::TileExpr::Kind::Unary;
  Relu->UOp = ir::UnaryOp::Relu;
  Relu->Operands = {Sum};
  auto Scaled = std::make_shared<ir::TileExpr>();
  Scaled->K = ir::TileExpr::Kind::ScalarBinary;
  Scaled->BOp = ir::BinaryOp::Mul;
  Scaled->Scalar = ScalarExpr::var("alpha", ir::ScalarType::F32);
  Scaled->Operands = {Relu};
  EXPECT_EQ(ir::printTile(Scaled), "(relu((a.tile(i) + b.tile(i))) * alpha)");

  auto RSub = std::make_shared<ir::TileExpr>(*Scaled);
  RSub->BOp = ir::BinaryOp::Sub;
  RSub->ScalarOnLeft = true;
  RSub->Scalar = ScalarExpr::floatLit("1.0f");
  RSub->Operands = {A};
  EXPECT_EQ(ir::printTile(RSub), "(1.0f - a.tile(i))");

  auto Fill = std::make_shared<ir::TileExpr>();
  Fill->K = ir::TileExpr::Kind::Fill;
  Fill->Scalar = ScalarExpr::floatLit("0.0f");
  EXPECT_EQ(ir::printTile(Fill), "fill(0.0f)");

  auto Local = std::make_shared<ir::TileExpr>();
  Local->K = ir::TileExpr::Kind::Local;
  Local->Name = "acc";
  auto Neg = std::make_shared<ir::TileExpr>();
  Neg->K = ir::TileExpr::Kind::Unary;
  Neg->UOp = ir::UnaryOp::Neg;
  Neg->Operands = {Local};
  EXPECT_EQ(ir::printTile(Neg), "neg(acc)");
}

TEST(TranslatorIR, NamesOfOpsKindsAndFormats) {
  EXPECT_STREQ(ir::binaryOpName(ir::BinaryOp::Sub), "sub");
  EXPECT_STREQ(ir::binaryOpSymbol(ir::BinaryOp::Mul), "*");
  EXPECT_STREQ(ir::unaryOpName(ir::UnaryOp::Rsqrt), "rsqrt");
  EXPECT_EQ(ir::unaryOpFromName("sigmoid"), ir::UnaryOp::Sigmoid);
  EXPECT_EQ(ir::unaryOpFromName("neg"), ir::UnaryOp::Neg);
  EXPECT_FALSE(ir::unaryOpFromName("softmax").has_value());
  EXPECT_STREQ(ir::loopKindName(ir::LoopKind::Reduce), "reduce");
  EXPECT_STREQ(ir::formatName(ir::DataFormat::Float32), "Float32");
  EXPECT_STREQ(ir::formatName(ir::DataFormat::Float16_b), "Float16_b");
  EXPECT_EQ(ir::tileBytes(ir::DataFormat::Float16_b), 2048u);
  EXPECT_EQ(ir::tileBytes(ir::DataFormat::Float32), 4096u);
  EXPECT_STREQ(ir::scalarTypeSpelling(ir::ScalarType::I32), "int32_t");
  EXPECT_STREQ(ir::tensorDimSuffix(ir::TensorDim::TileCols), "tile_cols");
  EXPECT_STREQ(ir::mathFidelityName(ir::MathFidelity::HiFi2), "HiFi2");
}

TEST(TranslatorIR, DumpKernelOfHandBuiltKernel) {
  ir::Kernel K;
  K.Name = "scale";
  K.Tensors = {{"x", ir::DataFormat::Float32, {}}, {"y", ir::DataFormat::Float32, {}}};
  K.Scalars = {{"alpha", ir::ScalarType::F32, {}}};
  K.Params = {{true, 0}, {false, 0}, {true, 1}};
  ir::Stmt Local;
  Local.K = ir::Stmt::Kind::ScalarDecl;
  Local.Name = "n";
  Local.Type = ir::ScalarType::U32;
  Local.Init = ScalarExpr::dim("x", ir::TensorDim::NumTiles);
  K.Locals.push_back(Local);
  auto L = std::make_shared<ir::Loop>();
  L->Kind = ir::LoopKind::Parallel;
  L->Var = "i";
  L->Begin = lit("0");
  L->End = v("n");
  L->Buffers = 3;
  L->Src.Line = 7;
  ir::Stmt Store;
  Store.K = ir::Stmt::Kind::StoreTensor;
  Store.Target.Tensor = "y";
  Store.Target.Index = v("i");
  auto Scaled = std::make_shared<ir::TileExpr>();
  Scaled->K = ir::TileExpr::Kind::ScalarBinary;
  Scaled->BOp = ir::BinaryOp::Mul;
  Scaled->Scalar = ScalarExpr::var("alpha", ir::ScalarType::F32);
  Scaled->Operands = {read("x", "x.tile(i)")};
  Store.Value = Scaled;
  L->Body.push_back(Store);
  K.Loops.push_back(L);
  EXPECT_EQ(ir::dumpKernel(K), "kernel scale\n"
                               "  tensor x Float32\n"
                               "  scalar alpha float\n"
                               "  tensor y Float32\n"
                               "  scalar uint32_t n = x_num_tiles\n"
                               "  loop parallel i in [0, n) buffers=3 line=7\n"
                               "    store y[i] = (x.tile(i) * alpha)\n");
}

TEST(TranslatorIR, DumpKernelFromSource) {
  auto R = translate(withHeader(R"(
void mm(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C, float alpha) {
  const uint32_t Mt = A.tile_rows();
  const uint32_t Nt = B.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m)
#pragma tt tile_loop parallel buffers(4)
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile t = A.tile(m, n) + B.tile(m, n);
      C.tile(m, n) = t * alpha;
    }
}
)"));
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  EXPECT_EQ(ir::dumpKernel(R.kernel()), "kernel mm\n"
                                        "  tensor A Float16_b\n"
                                        "  tensor B Float16_b\n"
                                        "  tensor C Float16_b\n"
                                        "  scalar alpha float\n"
                                        "  scalar uint32_t Mt = A_tile_rows\n"
                                        "  scalar uint32_t Nt = B_tile_cols\n"
                                        "  loop parallel m in [0, Mt) buffers=2 line=8\n"
                                        "    loop parallel n in [0, Nt) buffers=4 line=10\n"
                                        "      tile t = (A.tile(m, n) + B.tile(m, n))\n"
                                        "      store C[m * C_tile_cols + n] = (t * alpha)\n");
}

} // namespace
} // namespace tilesplit::test
