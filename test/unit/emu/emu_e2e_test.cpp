// End to end: hand-written reader/compute/writer programs (eltwise binary, SFPU exp, matmul) on one
// and several cores, for both API profiles, and kernels built for the wrong profile failing to compile.
#include "emu_test_util.hpp"

namespace emu_test {
namespace {

struct E2E : ::testing::TestWithParam<ApiProfile> {
  std::string suffix() const { return GetParam() == ApiProfile::v2026_02 ? "_2026_02.cpp" : "_2026_08.cpp"; }
};

void check_eltwise_add(ApiProfile profile, const std::string& compute, CoreCoord grid, std::uint32_t n_tiles) {
  Device d(profile);
  auto a = d.dram(n_tiles), b = d.dram(n_tiles), c = d.dram(n_tiles);
  const auto va = random_floats(n_tiles * 1024, -4, 4, 1), vb = random_floats(n_tiles * 1024, -4, 4, 2);
  EnqueueWriteMeshBuffer(d.cq(), a, to_bf16(va), false);
  EnqueueWriteMeshBuffer(d.cq(), b, to_bf16(vb), false);
  StreamSpec s;
  s.compute = compute;
  s.inputs = {a, b};
  s.output = c;
  s.n_tiles = n_tiles;
  s.grid = grid;
  run_stream(d, s);
  std::vector<bfloat16> out;
  EnqueueReadMeshBuffer(d.cq(), out, c, true);
  ASSERT_EQ(out.size(), va.size());
  for (std::size_t i = 0; i < va.size(); ++i) {
    ASSERT_EQ(out[i].to_float(), bf16_round(bf16_round(va[i]) + bf16_round(vb[i]))) << "at " << i;
  }
}

TEST_P(E2E, EltwiseAddOneCore) { check_eltwise_add(GetParam(), "compute_add" + suffix(), {1, 1}, 8); }

TEST_P(E2E, EltwiseAddManyCores) {
  // 37 tiles over a 4x3 grid: uneven split (group 1 gets 4 tiles, group 2 gets 3).
  check_eltwise_add(GetParam(), "compute_add" + suffix(), {4, 3}, 37);
  const auto& stats = tilesplit::emu::last_run_stats();
  EXPECT_EQ(stats.num_cores, 12u);
  EXPECT_EQ(stats.num_threads, 36u);
  EXPECT_EQ(stats.totals.fpu_tiles, 37u);
  EXPECT_EQ(stats.totals.noc_reads, 74u);
  EXPECT_EQ(stats.totals.noc_writes, 37u);
  EXPECT_EQ(stats.totals.packed_tiles, 37u);
  EXPECT_FALSE(stats.failed);
}

TEST_P(E2E, SfpuExp) {
  Device d(GetParam());
  const std::uint32_t n = 4;
  auto in = d.dram(n), out = d.dram(n);
  const auto v = random_floats(n * 1024, -3, 3, 3);
  EnqueueWriteMeshBuffer(d.cq(), in, to_bf16(v), false);
  StreamSpec s;
  s.reader = "reader_unary.cpp";
  s.compute = "compute_exp" + suffix();
  s.inputs = {in};
  s.output = out;
  s.n_tiles = n;
  run_stream(d, s);
  std::vector<bfloat16> r;
  EnqueueReadMeshBuffer(d.cq(), r, out, true);
  for (std::size_t i = 0; i < v.size(); ++i) {
    ASSERT_EQ(r[i].to_float(), bf16_round(std::exp(bf16_round(v[i])))) << "at " << i;
  }
}

void check_matmul(ApiProfile profile, const std::string& compute, CoreCoord grid, bool fp32_acc) {
  Device d(profile);
  const std::uint32_t Mt = 2, Kt = 3, Nt = 2, M = Mt * 32, K = Kt * 32, N = Nt * 32;
  const auto va = random_floats(M * K, -1, 1, 4), vb = random_floats(K * N, -1, 1, 5);
  auto a = d.dram(Mt * Kt), b = d.dram(Kt * Nt), c = d.dram(Mt * Nt);
  EnqueueWriteMeshBuffer(d.cq(), a, tilize_nfaces(to_bf16(va), M, K), false);
  EnqueueWriteMeshBuffer(d.cq(), b, tilize_nfaces(to_bf16(vb), K, N), false);
  Program p2 = CreateProgram();
  {
    auto [num_cores, all, g1, g2, n1, n2] = split_work_to_cores(grid, Mt * Nt);
    for (std::uint8_t cb : {0, 1, 16}) {
      CreateCircularBuffer(p2, all, CircularBufferConfig(2 * kTileBytes, {{cb, tt::DataFormat::Float16_b}}).set_page_size(cb, kTileBytes));
    }
    std::vector<std::uint32_t> rct, wct;
    TensorAccessorArgs(*a).append_to(rct);
    TensorAccessorArgs(*b).append_to(rct);
    TensorAccessorArgs(*c).append_to(wct);
    auto reader = CreateKernel(p2, kernel("reader_matmul.cpp"), all, ReaderDataMovementConfig(rct));
    auto writer = CreateKernel(p2, kernel("writer_unary.cpp"), all, WriterDataMovementConfig(wct));
    auto comp = CreateKernel(p2, kernel(compute), all, ComputeConfig{.math_fidelity = MathFidelity::HiFi4, .fp32_dest_acc_en = fp32_acc});
    std::uint32_t start = 0;
    for (auto [group, n] : {std::pair{g1, n1}, std::pair{g2, n2}}) {
      for (const auto& core : corerange_to_cores(group)) {
        SetRuntimeArgs(p2, reader, core, {static_cast<std::uint32_t>(a->address()), static_cast<std::uint32_t>(b->address()), Mt, Kt, Nt, start, n});
        SetRuntimeArgs(p2, writer, core, {static_cast<std::uint32_t>(c->address()), start, n});
        SetRuntimeArgs(p2, comp, core, {n, Kt});
        start += n;
      }
    }
  }
  run_program(d, std::move(p2));
  std::vector<bfloat16> tiled;
  EnqueueReadMeshBuffer(d.cq(), tiled, c, true);
  const auto result = to_float(untilize_nfaces(tiled, M, N));
  double max_err = 0;
  for (std::uint32_t i = 0; i < M; ++i) {
    for (std::uint32_t j = 0; j < N; ++j) {
      double ref = 0;
      for (std::uint32_t k = 0; k < K; ++k) ref += double(bf16_round(va[i * K + k])) * bf16_round(vb[k * N + j]);
      max_err = std::max(max_err, std::fabs(ref - result[i * N + j]));
    }
  }
  // bf16 output (and bf16 DST between K tiles without fp32 accumulation).
  EXPECT_LT(max_err, fp32_acc ? 0.05 : 0.1);
}

TEST_P(E2E, MatmulOneCore) { check_matmul(GetParam(), "compute_matmul" + suffix(), {1, 1}, false); }
TEST_P(E2E, MatmulManyCoresFp32) { check_matmul(GetParam(), "compute_matmul" + suffix(), {2, 2}, true); }

INSTANTIATE_TEST_SUITE_P(Profiles, E2E, ::testing::Values(ApiProfile::v2026_08, ApiProfile::v2026_02),
                         [](const auto& info) {
                           return std::string(info.param == ApiProfile::v2026_02 ? "v2026_02" : "v2026_08");
                         });

// A compute kernel written for one profile does not compile under the other: the error names the
// kernel, the profile and carries the compiler's diagnostics.
TEST(E2EProfiles, OldKernelFailsUnderNewProfile) {
  expect_error([] { check_eltwise_add(ApiProfile::v2026_08, "compute_add_2026_02.cpp", {1, 1}, 1); },
               {"compute_add_2026_02.cpp failed to compile (API profile 2026-08", "compute_kernel_api/common.h"});
}

TEST(E2EProfiles, NewKernelFailsUnderOldProfile) {
  expect_error([] { check_eltwise_add(ApiProfile::v2026_02, "compute_add_2026_08.cpp", {1, 1}, 1); },
               {"compute_add_2026_08.cpp failed to compile (API profile 2026-02", "api/compute/common.h"});
}

// The kernels of docs/generated-code.md, unchanged: out = relu(a + b) * alpha, over 4x2 cores.
TEST(E2EGenerated, DocExampleKernels) {
  Device d;
  const std::uint32_t n = 20;
  const float alpha = 0.5f;
  std::uint32_t alpha_bits;
  std::memcpy(&alpha_bits, &alpha, 4);
  auto a = d.dram(n), b = d.dram(n), out = d.dram(n);
  const auto va = random_floats(n * 1024, -4, 4, 21), vb = random_floats(n * 1024, -4, 4, 22);
  EnqueueWriteMeshBuffer(d.cq(), a, to_bf16(va), false);
  EnqueueWriteMeshBuffer(d.cq(), b, to_bf16(vb), false);
  StreamSpec s;
  s.reader = "generated/reader.cpp";
  s.compute = "generated/compute.cpp";
  s.writer = "generated/writer.cpp";
  s.inputs = {a, b};
  s.output = out;
  s.n_tiles = n;
  s.grid = {4, 2};
  s.compute_args = [&](std::uint32_t start, std::uint32_t count) { return std::vector<std::uint32_t>{alpha_bits, start, count}; };
  run_stream(d, s);
  std::vector<bfloat16> r;
  EnqueueReadMeshBuffer(d.cq(), r, out, true);
  for (std::size_t i = 0; i < va.size(); ++i) {
    const float sum = bf16_round(bf16_round(va[i]) + bf16_round(vb[i]));
    ASSERT_EQ(r[i].to_float(), bf16_round((sum > 0 ? sum : 0.0f) * alpha)) << "at " << i;
  }
}

// The largest grid: Blackhole's 13x10 workers, 390 kernel threads.
TEST(E2EGrid, BlackholeFullGrid) {
  setenv("TILESPLIT_EMU_ARCH", "blackhole", 1);
  check_eltwise_add(ApiProfile::v2026_08, "compute_add_2026_08.cpp", {13, 10}, 300);
  unsetenv("TILESPLIT_EMU_ARCH");
  EXPECT_EQ(tilesplit::emu::last_run_stats().num_threads, 390u);
}

TEST(E2EProfiles, TensorAccessorArgsCountPerProfile) {
  for (auto [profile, count] : {std::pair{ApiProfile::v2026_02, 1u}, std::pair{ApiProfile::v2026_08, 2u}}) {
    Device d(profile);
    auto buf = d.dram(2);
    const auto args = TensorAccessorArgs(*buf).get_compile_time_args();
    ASSERT_EQ(args.size(), count);
    EXPECT_EQ(args[0], 2u);  // IsDram
    if (count == 2) EXPECT_EQ(args[1], kTileBytes);
  }
}

}  // namespace
}  // namespace emu_test
