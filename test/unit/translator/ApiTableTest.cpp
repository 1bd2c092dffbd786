//===- ApiTableTest.cpp - API profiles, headers and formatting ------------===//
#include "TestSupport.h"

#include "tilesplit/Emit/ApiTable.h"
#include "tilesplit/Emit/Emit.h"

#include "llvm/Support/Error.h"

#include "gtest/gtest.h"

namespace tilesplit::test {
namespace {

using Vec = std::vector<std::string>;

const ApiProfile &profile(const char *Name) {
  const ApiProfile *P = findApiProfile(Name);
  EXPECT_NE(P, nullptr) << Name;
  return *P;
}

DevNode call(DevOp Op, Vec Args, ir::BinaryOp B = ir::BinaryOp::Add,
             ir::UnaryOp U = ir::UnaryOp::Exp) {
  DevNode N = DevNode::call(Op, std::move(Args));
  N.BOp = B;
  N.UOp = U;
  return N;
}

/// A hardware start-up for a kernel whose first op is \p Kind ("binary", "unary", "matmul").
DevNode startup(const char *Kind, Vec Args) {
  DevNode N = DevNode::call(DevOp::HwStartup, std::move(Args));
  N.Var = Kind;
  return N;
}

TEST(TranslatorApiTable, Profiles) {
  ASSERT_EQ(apiProfiles().size(), 2u);
  EXPECT_STREQ(apiProfiles().front().Name, "2026-08"); // the default
  EXPECT_STREQ(apiProfiles()[1].Name, "2026-02");
  EXPECT_EQ(findApiProfile("2025-11"), nullptr);
  EXPECT_STREQ(profile("2026-08").ComputeDir, "api/compute/");
  EXPECT_STREQ(profile("2026-02").ComputeDir, "compute_kernel_api/");
  EXPECT_EQ(profile("2026-08").AccessorCompileArgs, 2u);
  EXPECT_EQ(profile("2026-02").AccessorCompileArgs, 1u);
}

TEST(TranslatorApiTable, SpellingsOfProfile202608) {
  const ApiProfile &A = profile("2026-08");
  EXPECT_EQ(spellCall(startup("binary", {"cb_a", "cb_b", "cb_out"}), A),
            "compute_kernel_hw_startup(cb_a, cb_b, cb_out)");
  EXPECT_EQ(spellCall(startup("unary", {"cb_a", "cb_out"}), A),
            "compute_kernel_hw_startup(cb_a, cb_out)");
  EXPECT_EQ(spellCall(call(DevOp::BinaryInit, {"cb_a", "cb_b"}), A), "add_init(cb_a, cb_b)");
  EXPECT_EQ(spellCall(call(DevOp::BinaryInit, {"cb_a", "cb_b"}, ir::BinaryOp::Sub), A),
            "sub_init(cb_a, cb_b)");
  EXPECT_EQ(spellCall(call(DevOp::BinaryInit, {"cb_a", "cb_b"}, ir::BinaryOp::Mul), A),
            "mul_init(cb_a, cb_b)");
  EXPECT_EQ(spellCall(call(DevOp::CopyInit, {"cb_a"}), A), "copy_init(cb_a)");
  EXPECT_EQ(spellCall(startup("matmul", {"cb_A", "cb_B", "cb_C"}), A),
            "compute_kernel_hw_startup<SrcOrder::Reverse>(cb_A, cb_B, cb_C)");
  EXPECT_EQ(spellCall(call(DevOp::MatmulInit, {"cb_A", "cb_B"}), A), "matmul_init(cb_A, cb_B)");
  EXPECT_TRUE(A.Inits.UnaryStartupConfiguresCopy == false &&
              A.Inits.MatmulStartupConfiguresMatmul == false);
}

TEST(TranslatorApiTable, SpellingsOfProfile202602) {
  const ApiProfile &A = profile("2026-02");
  EXPECT_EQ(spellCall(startup("binary", {"cb_a", "cb_b", "cb_out"}), A),
            "binary_op_init_common(cb_a, cb_b, cb_out)");
  EXPECT_EQ(spellCall(startup("unary", {"cb_a", "cb_out"}), A), "init_sfpu(cb_a, cb_out)");
  EXPECT_EQ(spellCall(call(DevOp::BinaryInit, {"cb_a", "cb_b"}), A), "add_tiles_init(cb_a, cb_b)");
  EXPECT_EQ(spellCall(call(DevOp::BinaryInit, {"cb_a", "cb_b"}, ir::BinaryOp::Sub), A),
            "sub_tiles_init(cb_a, cb_b)");
  EXPECT_EQ(spellCall(call(DevOp::BinaryInit, {"cb_a", "cb_b"}, ir::BinaryOp::Mul), A),
            "mul_tiles_init(cb_a, cb_b)");
  EXPECT_EQ(spellCall(call(DevOp::CopyInit, {"cb_a"}), A), "copy_tile_init(cb_a)");
  EXPECT_EQ(spellCall(startup("matmul", {"cb_A", "cb_B", "cb_C"}), A), "mm_init(cb_A, cb_B, cb_C)");
  EXPECT_EQ(spellCall(call(DevOp::MatmulInit, {"cb_A", "cb_B"}), A), "mm_init_short(cb_A, cb_B)");
  EXPECT_TRUE(A.Inits.UnaryStartupConfiguresCopy);
  EXPECT_TRUE(A.Inits.MatmulStartupConfiguresMatmul);
}

TEST(TranslatorApiTable, SpellingsSharedByBothProfiles) {
  for (const ApiProfile &A : apiProfiles()) {
    EXPECT_EQ(spellCall(call(DevOp::BinaryTiles, {"cb_a", "cb_b", "0", "0", "0"},
                             ir::BinaryOp::Mul),
                        A),
              "mul_tiles(cb_a, cb_b, 0, 0, 0)");
    EXPECT_EQ(spellCall(call(DevOp::SfpuBinaryInit, {}, ir::BinaryOp::Sub), A),
              "sub_binary_tile_init()");
    EXPECT_EQ(spellCall(call(DevOp::SfpuBinary, {"1", "0", "0"}, ir::BinaryOp::Sub), A),
              "sub_binary_tile(1, 0, 0)");
    EXPECT_EQ(spellCall(call(DevOp::Unary, {"0"}, ir::BinaryOp::Add, ir::UnaryOp::Neg), A),
              "negative_tile(0)");
    EXPECT_EQ(spellCall(call(DevOp::UnaryInit, {}, ir::BinaryOp::Add, ir::UnaryOp::Recip), A),
              "recip_tile_init()");
    EXPECT_EQ(spellCall(call(DevOp::ScalarInit, {}), A), "binop_with_scalar_tile_init()");
    DevNode RSub = call(DevOp::ScalarOp, {"0", "0x3f800000u"}, ir::BinaryOp::Sub);
    RSub.Var = "rsub";
    EXPECT_EQ(spellCall(RSub, A), "rsub_unary_tile(0, 0x3f800000u)");
    EXPECT_EQ(spellCall(call(DevOp::ScalarOp, {"0", "alpha"}, ir::BinaryOp::Mul), A),
              "mul_unary_tile(0, alpha)");
    EXPECT_EQ(spellCall(call(DevOp::CopyTile, {"cb_a", "0", "2"}), A), "copy_tile(cb_a, 0, 2)");
    EXPECT_EQ(spellCall(call(DevOp::MatmulTiles, {"cb_A", "cb_B", "0", "0", "0"}), A),
              "matmul_tiles(cb_A, cb_B, 0, 0, 0)");
    EXPECT_EQ(spellCall(call(DevOp::PackTile, {"0", "cb_out"}), A), "pack_tile(0, cb_out)");
    EXPECT_EQ(spellCall(call(DevOp::NocReadPage, {"i", "a", "get_write_ptr(cb_a)"}), A),
              "noc_async_read_page(i, a, get_write_ptr(cb_a))");
    EXPECT_EQ(spellCall(call(DevOp::WritesFlushed, {}), A), "noc_async_writes_flushed()");
    EXPECT_EQ(spellCall(call(DevOp::WriteBarrier, {}), A), "noc_async_write_barrier()");
    EXPECT_EQ(spellCall(call(DevOp::FillInit, {}), A), "fill_tile_init()");
    EXPECT_EQ(headerFor(call(DevOp::NocReadPage, {}), A), "");
    EXPECT_EQ(headerFor(call(DevOp::CbWaitFront, {}), A), "");
  }
}

TEST(TranslatorApiTable, HeadersForComputeOps) {
  const ApiProfile &New = profile("2026-08"), &Old = profile("2026-02");
  auto H = [](DevOp Op, const ApiProfile &A, Vec Args = {}, ir::UnaryOp U = ir::UnaryOp::Exp) {
    return headerFor(call(Op, std::move(Args), ir::BinaryOp::Add, U), A);
  };
  EXPECT_EQ(headerFor(startup("binary", {"a", "b", "o"}), New), "api/compute/compute_kernel_hw_startup.h");
  EXPECT_EQ(headerFor(startup("unary", {"a", "o"}), New), "api/compute/compute_kernel_hw_startup.h");
  EXPECT_EQ(headerFor(startup("matmul", {"a", "b", "o"}), New), "api/compute/compute_kernel_hw_startup.h");
  EXPECT_EQ(headerFor(startup("binary", {"a", "b", "o"}), Old),
            "compute_kernel_api/eltwise_binary.h");
  EXPECT_EQ(headerFor(startup("unary", {"a", "o"}), Old),
            "compute_kernel_api/eltwise_unary/eltwise_unary.h");
  EXPECT_EQ(headerFor(startup("matmul", {"a", "b", "o"}), Old), "compute_kernel_api/matmul.h");
  EXPECT_EQ(H(DevOp::MatmulTiles, New), "api/compute/matmul.h");
  EXPECT_EQ(H(DevOp::MatmulInit, Old), "compute_kernel_api/matmul.h");
  EXPECT_EQ(H(DevOp::CopyInit, New), "api/compute/tile_move_copy.h");
  EXPECT_EQ(H(DevOp::CopyTile, Old), "compute_kernel_api/tile_move_copy.h");
  EXPECT_EQ(H(DevOp::BinaryTiles, New), "api/compute/eltwise_binary.h");
  EXPECT_EQ(H(DevOp::SfpuBinary, Old), "compute_kernel_api/eltwise_binary_sfpu.h");
  EXPECT_EQ(H(DevOp::ScalarOp, New), "api/compute/eltwise_unary/binop_with_scalar.h");
  EXPECT_EQ(H(DevOp::Fill, Old), "compute_kernel_api/eltwise_unary/fill.h");
  EXPECT_EQ(H(DevOp::PackTile, New), "api/compute/common.h");
  EXPECT_EQ(H(DevOp::TileRegsAcquire, Old), "compute_kernel_api/common.h");
}

TEST(TranslatorApiTable, UnaryHeadersMonolithOrEltwiseUnary) {
  const ApiProfile &New = profile("2026-08"), &Old = profile("2026-02");
  struct Case {
    ir::UnaryOp Op;
    const char *NewHeader, *OldHeader;
  } Cases[] = {
      {ir::UnaryOp::Exp, "api/compute/eltwise_unary/exp.h", "compute_kernel_api/eltwise_unary/exp.h"},
      {ir::UnaryOp::Relu, "api/compute/eltwise_unary/relu.h",
       "compute_kernel_api/eltwise_unary/relu.h"},
      {ir::UnaryOp::Sqrt, "api/compute/eltwise_unary/sqrt.h",
       "compute_kernel_api/eltwise_unary/sqrt.h"},
      {ir::UnaryOp::Neg, "api/compute/eltwise_unary/negative.h",
       "compute_kernel_api/eltwise_unary/negative.h"},
      {ir::UnaryOp::Log, "api/compute/compute_kernel_api.h", "compute_kernel_api.h"},
      {ir::UnaryOp::Sigmoid, "api/compute/compute_kernel_api.h", "compute_kernel_api.h"},
      {ir::UnaryOp::Tanh, "api/compute/compute_kernel_api.h", "compute_kernel_api.h"},
      {ir::UnaryOp::Abs, "api/compute/compute_kernel_api.h", "compute_kernel_api.h"},
      {ir::UnaryOp::Square, "api/compute/compute_kernel_api.h", "compute_kernel_api.h"},
  };
  for (const Case &C : Cases) {
    for (DevOp Op : {DevOp::Unary, DevOp::UnaryInit}) {
      DevNode N = call(Op, {"0"}, ir::BinaryOp::Add, C.Op);
      EXPECT_EQ(headerFor(N, New), C.NewHeader) << ir::unaryOpName(C.Op);
      EXPECT_EQ(headerFor(N, Old), C.OldHeader) << ir::unaryOpName(C.Op);
    }
  }
}

Vec includes(const std::string &Code) {
  Vec Out;
  size_t Pos = 0;
  while ((Pos = Code.find("#include ", Pos)) != std::string::npos) {
    size_t End = Code.find('\n', Pos);
    Out.push_back(Code.substr(Pos, End - Pos));
    Pos = End;
  }
  return Out;
}

TEST(TranslatorApiTable, ComputeKernelIncludesPerProfile) {
  const char *Src = R"(
void k(Tensor<bf16> a, Tensor<bf16> out) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = sigmoid(exp(a.tile(i)));
}
)";
  auto R = translate(withHeader(Src), Stage::Bind);
  ASSERT_TRUE(R.PassesOk) << R.Diags;
  const Program &P = R.program();
  auto O = translate(withHeader(Src), Stage::Bind, Target(), "2026-02");
  ASSERT_TRUE(O.PassesOk) << O.Diags;
  EXPECT_EQ(includes(emitDeviceKernel(P, P.kernel(KernelRole::Compute), profile("2026-08"))),
            (Vec{"#include <cstdint>", "#include \"api/compute/common.h\"",
                 "#include \"api/compute/compute_kernel_api.h\"",
                 "#include \"api/compute/compute_kernel_hw_startup.h\"",
                 "#include \"api/compute/eltwise_unary/exp.h\"",
                 "#include \"api/compute/tile_move_copy.h\""}));
  EXPECT_EQ(includes(emitDeviceKernel(O.program(), O.program().kernel(KernelRole::Compute),
                                      profile("2026-02"))),
            (Vec{"#include <cstdint>", "#include \"compute_kernel_api.h\"",
                 "#include \"compute_kernel_api/common.h\"",
                 "#include \"compute_kernel_api/eltwise_unary/eltwise_unary.h\"",
                 "#include \"compute_kernel_api/eltwise_unary/exp.h\"",
                 "#include \"compute_kernel_api/tile_move_copy.h\""}));
  // Data movement is the same in both.
  for (const ApiProfile &A : apiProfiles())
    EXPECT_EQ(includes(emitDeviceKernel(P, P.kernel(KernelRole::Reader), A)),
              (Vec{"#include <cstdint>", "#include \"api/dataflow/dataflow_api.h\""}));
}

TEST(TranslatorApiTable, FormatCppWithLlvmAndGoogleStyles) {
  const std::string Code = "class A{public:int f(int x){if(x){return 1;}return 0;}};\n";
  auto L = formatCpp(Code, "LLVM", "");
  ASSERT_TRUE(static_cast<bool>(L)) << llvm::toString(L.takeError());
  EXPECT_EQ(*L, "class A {\n"
                "public:\n"
                "  int f(int x) {\n"
                "    if (x) {\n"
                "      return 1;\n"
                "    }\n"
                "    return 0;\n"
                "  }\n"
                "};\n");
  auto G = formatCpp(Code, "Google", "");
  ASSERT_TRUE(static_cast<bool>(G)) << llvm::toString(G.takeError());
  EXPECT_EQ(*G, "class A {\n"
                " public:\n"
                "  int f(int x) {\n"
                "    if (x) {\n"
                "      return 1;\n"
                "    }\n"
                "    return 0;\n"
                "  }\n"
                "};\n");
  auto Bad = formatCpp(Code, "NoSuchStyle", "");
  EXPECT_FALSE(static_cast<bool>(Bad));
  llvm::consumeError(Bad.takeError());
}

TEST(TranslatorApiTable, FormatCppWrapsAtEightyColumns) {
  std::string Long = "void f() { int x = some_function_name(argument_one, argument_two, "
                     "argument_three, argument_four); }\n";
  auto L = formatCpp(Long, "LLVM", "");
  ASSERT_TRUE(static_cast<bool>(L)) << llvm::toString(L.takeError());
  EXPECT_EQ(*L, "void f() {\n"
                "  int x = some_function_name(argument_one, argument_two, argument_three,\n"
                "                             argument_four);\n"
                "}\n");
}

} // namespace
} // namespace tilesplit::test
