// Where pack_tile writes, as tt-llk's packer does: the CB's write pointer plus one page per
// pack_tile since the last cb_push_back (output_tile_index ignored), or plus output_tile_index
// with pack_tile<true>; packing and pushing free pages without a reservation is allowed (tt-metal's
// add_2_integers_in_compute does it); packing past the CB's end or into pages not yet popped fails.
// Also: DST_ACCUM_MODE is what tt-metal generates, a constexpr bool.
#include <filesystem>

#include "emu_test_util.hpp"

namespace emu_test {
namespace {

// Runs `compute` over n tiles of a single input (reader_unary) with the given compute args and
// returns the output tensor; in[i] holds tile i's values.
std::vector<float> run_unary(const std::string& compute, std::uint32_t n, std::vector<std::uint32_t> args,
                             std::vector<float>& in) {
  Device d;
  auto a = d.dram(n), c = d.dram(n);
  in = random_floats(n * 1024, -4, 4, 7);
  for (float& x : in) x = bf16_round(x);
  EnqueueWriteMeshBuffer(d.cq(), a, to_bf16(in), false);
  StreamSpec s;
  s.reader = "reader_unary.cpp";
  s.compute = compute;
  s.inputs = {a};
  s.output = c;
  s.n_tiles = n;
  s.cb_pages = 4;
  s.compute_args = [&](std::uint32_t, std::uint32_t) { return args; };
  run_stream(d, s);
  std::vector<bfloat16> out;
  EnqueueReadMeshBuffer(d.cq(), out, c, true);
  return to_float(out);
}

TEST(Pack, SeveralTilesIntoOneReservation) {
  // Block size 2 (ttnn's unary kernels): both tiles land on their own page, in order.
  std::vector<float> in;
  const auto out = run_unary("compute_pack_block.cpp", 6, {6, 2}, in);
  for (std::size_t i = 0; i < in.size(); ++i) ASSERT_EQ(out[i], -in[i]) << "at " << i;
}

TEST(Pack, OutOfOrderOutputUsesTheIndex) {
  std::vector<float> in;
  const auto out = run_unary("compute_pack_out_of_order.cpp", 4, {4}, in);
  for (std::size_t t = 0; t < 4; ++t) {
    const std::size_t from = t ^ 1;  // pairs swapped
    for (std::size_t i = 0; i < 1024; ++i) ASSERT_EQ(out[t * 1024 + i], in[from * 1024 + i]) << "tile " << t;
  }
}

void check_unreserved_add(ApiProfile profile, const std::string& compute) {
  Device d(profile);
  auto a = d.dram(1), b = d.dram(1), c = d.dram(1);
  const auto va = random_floats(1024, -4, 4, 8), vb = random_floats(1024, -4, 4, 9);
  EnqueueWriteMeshBuffer(d.cq(), a, to_bf16(va), false);
  EnqueueWriteMeshBuffer(d.cq(), b, to_bf16(vb), false);
  StreamSpec s;
  s.compute = compute;
  s.inputs = {a, b};
  s.output = c;
  s.n_tiles = 1;
  s.compute_args = [](std::uint32_t, std::uint32_t n) { return std::vector<std::uint32_t>{n}; };
  run_stream(d, s);
  std::vector<bfloat16> out;
  EnqueueReadMeshBuffer(d.cq(), out, c, true);
  for (std::size_t i = 0; i < 1024; ++i) ASSERT_EQ(out[i].to_float(), bf16_round(bf16_round(va[i]) + bf16_round(vb[i])));
}

TEST(Pack, PackAndPushWithoutReserve) { check_unreserved_add(ApiProfile::v2026_08, "compute_pack_unreserved.cpp"); }

TEST(Pack, TtMetalAdd2IntegersInComputeUnmodified) {
  // tt-metal's own compute kernel of that example, as shipped (2026-02 API), with our reader and
  // writer (the example's dataflow kernels are the data-movement side's business).
  const std::string file = std::string(EMU_TEST_TT_METAL_EXAMPLES) +
                           "/add_2_integers_in_compute/kernels/compute/add_2_tiles.cpp";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no tt-metal examples at " << EMU_TEST_TT_METAL_EXAMPLES;
  check_unreserved_add(ApiProfile::v2026_02, file);
}

float dst_accum_mode_seen(bool fp32) {
  Device d;
  auto a = d.dram(1), c = d.dram(1);
  StreamSpec s;
  s.reader = "reader_unary.cpp";
  s.compute = "compute_dst_accum_mode.cpp";
  s.inputs = {a};
  s.output = c;
  s.compute_config.fp32_dest_acc_en = fp32;
  run_stream(d, s);
  std::vector<bfloat16> out;
  EnqueueReadMeshBuffer(d.cq(), out, c, true);
  return out[0].to_float();
}

TEST(KernelConfig, DstAccumModeIsAConstexprBool) {
  EXPECT_EQ(dst_accum_mode_seen(true), 2.0f);
  EXPECT_EQ(dst_accum_mode_seen(false), 3.0f);
}

void run_broken_pack(const std::string& compute, const std::string& writer, std::uint32_t n) {
  Device d;
  auto a = d.dram(n), c = d.dram(n);
  StreamSpec s;
  s.reader = "reader_unary.cpp";
  s.writer = writer;
  s.compute = "broken/" + compute;
  s.inputs = {a};
  s.output = c;
  s.n_tiles = n;
  s.cb_pages = 2;
  run_stream(d, s);
}

std::string at(const std::string& broken_kernel) {
  return "core (0,0) " + broken_kernel + ":" + std::to_string(line_of("broken/" + broken_kernel)) + ": ";
}

TEST(Pack, PastTheEndOfTheCb) {
  expect_error([] { run_broken_pack("pack_past_reservation_end.cpp", "writer_unary.cpp", 3); },
               {at("pack_past_reservation_end.cpp") +
                "cb c_16: pack_tile to page 2 (pack_tile number 3 since the last cb_push_back) past the end of the "
                "CB: the write pointer is at page 0 of 2"});
}

TEST(Pack, IntoPagesNotYetPopped) {
  expect_error([] { run_broken_pack("pack_into_unpopped.cpp", "writer_idle.cpp", 3); },
               {at("pack_into_unpopped.cpp") +
                "cb c_16: pack_tile to page 0 (pack_tile number 1 since the last cb_push_back) but only 0 page(s) "
                "reserved and 0 free: it holds data not yet popped (missing cb_reserve_back?)"});
}

}  // namespace
}  // namespace emu_test
