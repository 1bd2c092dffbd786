// Each strictness check fires on a deliberately broken kernel (kernels/broken/), and the error names
// the core, the kernel file and line of the offending call (marked "// BUG"), and the CB.
#include "emu_test_util.hpp"

namespace emu_test {
namespace {

std::string at(const std::string& broken_kernel) {
  const std::string file = "broken/" + broken_kernel;
  return "core (0,0) " + broken_kernel + ":" + std::to_string(line_of(file)) + ": ";
}

// Reader (into c_0) and writer (from c_0), no compute; either may be a broken one.
void run_dm(const std::string& reader, const std::string& writer, std::uint32_t n = 3) {
  Device d;
  auto in = d.dram(n), out = d.dram(n);
  Program p = CreateProgram();
  const CoreCoord core{0, 0};
  CreateCircularBuffer(p, core, CircularBufferConfig(2 * kTileBytes, {{tt::CBIndex::c_0, tt::DataFormat::Float16_b}})
                                    .set_page_size(tt::CBIndex::c_0, kTileBytes));
  std::vector<std::uint32_t> rct, wct;
  TensorAccessorArgs(*in).append_to(rct);
  TensorAccessorArgs(*out).append_to(wct);
  auto r = CreateKernel(p, kernel(reader), core, ReaderDataMovementConfig(rct));
  auto w = CreateKernel(p, kernel(writer), core, WriterDataMovementConfig(wct));
  SetRuntimeArgs(p, r, core, {static_cast<std::uint32_t>(in->address()), 0, n});
  SetRuntimeArgs(p, w, core, {static_cast<std::uint32_t>(out->address()), 0, n});
  run_program(d, std::move(p));
}

// reader_binary + a (broken) compute kernel + writer_unary on core (0,0).
void run_compute(const std::string& compute, std::vector<std::uint32_t> extra_args = {}, bool fp32 = false,
                 ApiProfile profile = ApiProfile::v2026_08, std::uint32_t n = 2, bool blocking = true) {
  Device d(profile);
  StreamSpec s;
  s.compute = "broken/" + compute;
  s.inputs = {d.dram(n), d.dram(n)};
  s.output = d.dram(n);
  s.n_tiles = n;
  s.compute_config.fp32_dest_acc_en = fp32;
  s.compute_args = [&](std::uint32_t, std::uint32_t count) {
    std::vector<std::uint32_t> a{count};
    a.insert(a.end(), extra_args.begin(), extra_args.end());
    return a;
  };
  run_program(d, make_stream_program(s), blocking);
}

TEST(Checks, MissingReadBarrier) {
  expect_error([] { run_dm("broken/missing_read_barrier.cpp", "dm_cb_passthrough.cpp"); },
               {"emu error: " + at("missing_read_barrier.cpp") +
                "cb c_0: cb_push_back with 1 NOC read(s) into it not yet completed (missing noc_async_read_barrier?)"});
}

TEST(Checks, ReadPendingAtKernelEnd) {
  expect_error([] { run_dm("broken/read_pending_at_end.cpp", "dm_cb_passthrough.cpp", 1); },
               {at("read_pending_at_end.cpp") + "kernel ended with 1 NOC read(s) not completed"});
}

TEST(Checks, ReadIntoPagesNotReserved) {
  expect_error([] { run_dm("broken/read_without_reserve.cpp", "dm_cb_passthrough.cpp"); },
               {"emu error: " + at("read_without_reserve.cpp") +
                "cb c_0: noc_async_read into CB pages that were not reserved (missing cb_reserve_back?)"});
}

TEST(Checks, ReadPastTheEndOfAWrappingReservation) {
  expect_error([] { run_dm("broken/read_past_cb_end.cpp", "dm_cb_passthrough.cpp"); },
               {"emu error: " + at("read_past_cb_end.cpp") +
                "cb c_0: noc_async_read past the end of the CB: the 2 page(s) reserved from page 1 of 2 wrap "
                "around it (make the CB a whole number of the pages reserved at once)"});
}

TEST(Checks, PushWithoutReserve) {
  expect_error([] { run_dm("broken/push_without_reserve.cpp", "dm_cb_passthrough.cpp"); },
               {"emu error: " + at("push_without_reserve.cpp") + "cb c_0: cb_push_back of 1 page(s) without cb_reserve_back"});
}

TEST(Checks, ReserveBeyondCapacity) {
  expect_error([] { run_dm("broken/reserve_beyond_capacity.cpp", "dm_cb_passthrough.cpp"); },
               {at("reserve_beyond_capacity.cpp") + "cb c_0: cb_reserve_back of 3 page(s) exceeds the CB's capacity of 2 page(s)"});
}

TEST(Checks, PopBeyondWait) {
  expect_error([] { run_dm("reader_unary.cpp", "broken/pop_beyond_wait.cpp"); },
               {at("pop_beyond_wait.cpp") + "cb c_0: cb_pop_front of 2 page(s) but only 1 waited for"});
}

TEST(Checks, PopBeforeWriteBarrier) {
  expect_error([] { run_dm("reader_unary.cpp", "broken/pop_before_write_barrier.cpp"); },
               {at("pop_before_write_barrier.cpp") +
                "cb c_0: cb_pop_front of pages that are the source of 1 NOC write(s) not yet completed (missing "
                "noc_async_write_barrier?)"});
}

TEST(Checks, WritePendingAtKernelEnd) {
  expect_error([] { run_dm("reader_unary.cpp", "broken/write_pending_at_end.cpp", 1); },
               {at("write_pending_at_end.cpp") + "kernel ended with 1 NOC write(s) not completed"});
}

TEST(Checks, WriteFromPagesNotWaitedFor) {
  expect_error([] { run_dm("reader_unary.cpp", "broken/write_without_wait.cpp"); },
               {at("write_without_wait.cpp") + "cb c_0: noc_async_write from CB pages that were not waited for"});
}

TEST(Checks, DstOutsideAcquire) {
  expect_error([] { run_compute("dst_outside_acquire.cpp"); },
               {at("dst_outside_acquire.cpp") + "add_tiles: DST used outside tile_regs_acquire/tile_regs_commit"});
}

TEST(Checks, DstIndexPastCapacity) {
  expect_error([] { run_compute("dst_index_past_capacity.cpp", {8}); },
               {at("dst_index_past_capacity.cpp") + "copy_tile: DST index 8 out of range: DST holds 8 tiles"});
  run_compute("dst_index_past_capacity.cpp", {7});  // the last valid slot is fine
}

TEST(Checks, DstIndexPastFp32Capacity) {
  expect_error([] { run_compute("dst_index_past_capacity.cpp", {4}, true); },
               {at("dst_index_past_capacity.cpp") + "copy_tile: DST index 4 out of range: DST holds 4 tiles"});
  run_compute("dst_index_past_capacity.cpp", {3}, true);
}

TEST(Checks, PackOutsideWait) {
  expect_error([] { run_compute("pack_outside_wait.cpp"); },
               {at("pack_outside_wait.cpp") + "pack_tile outside tile_regs_wait/tile_regs_release (DST is committed)"});
}

TEST(Checks, DstNotReleasedAtKernelEnd) {
  expect_error([] { run_compute("dst_not_released.cpp", {}, false, ApiProfile::v2026_08, 1); },
               {at("dst_not_released.cpp") + "kernel ended with DST waited for here but not released"});
}

TEST(Checks, DstAcquiredTwice) {
  // dst_not_released with 2 tiles: the second acquire finds DST still held.
  expect_error([] { run_compute("dst_not_released.cpp", {}, false, ApiProfile::v2026_08, 2); },
               {"tile_regs_acquire while DST is waited for packing (since line " +
                std::to_string(line_of("broken/dst_not_released.cpp")) + ") (missing tile_regs_release?)"});
}

TEST(Checks, ReleaseDstAfterTileRegsReleaseWarns) {
  // tt-metal's vecadd_multi_core compute kernel ends each tile so: it works on hardware (math and
  // pack pass an empty DST section in step), so it runs, with one warning for all cores.
  Device d(ApiProfile::v2026_02);
  const std::uint32_t n = 5;
  const auto a = random_floats(n * 1024, -2, 2, 1), b = random_floats(n * 1024, -2, 2, 2);
  StreamSpec s;
  s.compute = "compute_add_release_dst_after_release.cpp";
  s.inputs = {d.dram(n), d.dram(n)};
  s.output = d.dram(n);
  s.n_tiles = n;
  s.grid = {3, 1};
  EnqueueWriteMeshBuffer(d.cq(), s.inputs[0], to_bf16(a), true);
  EnqueueWriteMeshBuffer(d.cq(), s.inputs[1], to_bf16(b), true);
  run_stream(d, s);
  std::vector<bfloat16> out;
  EnqueueReadMeshBuffer(d.cq(), out, s.output, true);
  for (std::size_t i = 0; i < out.size(); ++i)
    ASSERT_EQ(out[i].to_float(), bf16_round(bf16_round(a[i]) + bf16_round(b[i]))) << i;
  const auto& warnings = tilesplit::emu::last_run_stats().warnings;
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "emu warning: core (0,0) compute_add_release_dst_after_release.cpp:" +
                             std::to_string(line_of("compute_add_release_dst_after_release.cpp", "// WARN")) +
                             ": release_dst while DST is not acquired: math and pack each pass one empty DST "
                             "section (it works on hardware, but the call releases nothing; remove it, or pair "
                             "it with acquire_dst) (also on 2 other cores)");
}

TEST(Checks, ReleaseDstWhilePacking) {
  expect_error([] { run_compute("release_dst_while_packing.cpp", {}, false, ApiProfile::v2026_02); },
               {at("release_dst_while_packing.cpp") + "release_dst while DST is waited for packing (since line " +
                std::to_string(line_of("broken/release_dst_while_packing.cpp", "// WAIT")) +
                ") (missing acquire_dst?)"});
}

TEST(Checks, OpWithoutInit) {
  expect_error([] { run_compute("op_without_init.cpp"); },
               {at("op_without_init.cpp") +
                "add_tiles(c_0, c_1) without its init: needs add_init(c_0, c_1) (no FPU op init since the start-up)"});
}

TEST(Checks, OpWithoutInitProfile2026_02) {
  expect_error([] { run_compute("op_without_init_2026_02.cpp", {}, false, ApiProfile::v2026_02); },
               {at("op_without_init_2026_02.cpp") + "add_tiles(c_0, c_1) without its init: needs add_tiles_init(c_0, c_1)"});
}

TEST(Checks, OpAfterAnotherOpsInit) {
  const int init_line = line_of("broken/op_after_other_init.cpp", "// INIT");
  expect_error([] { run_compute("op_after_other_init.cpp"); },
               {at("op_after_other_init.cpp") + "add_tiles(c_0, c_1) without its init: needs add_init(c_0, c_1) since the "
                "last FPU init, which was copy_init(c_0) at line " + std::to_string(init_line)});
}

TEST(Checks, SfpuOpAfterAnotherSfpuInit) {
  const int init_line = line_of("broken/sfpu_after_other_init.cpp", "// INIT");
  expect_error([] { run_compute("sfpu_after_other_init.cpp"); },
               {at("sfpu_after_other_init.cpp") + "exp_tile without exp_tile_init() since the last SFPU init, which was "
                "relu_tile_init() at line " + std::to_string(init_line)});
}

TEST(Checks, ApproximateSfpuModesAreNotEmulated) {
  expect_error([] { run_compute("exp_approx.cpp"); },
               {at("exp_approx.cpp") + "exp_tile_init<approx = true>: the approximate exp is not emulated"});
}

TEST(Checks, MissingHwStartup) {
  expect_error([] { run_compute("missing_hw_startup.cpp"); },
               {at("missing_hw_startup.cpp") + "add_init before the hardware start-up"});
}

TEST(Checks, Deadlock) {
  // Blocking or not, the failure surfaces (here at Finish).
  expect_error([] { run_compute("deadlock.cpp", {}, false, ApiProfile::v2026_08, 4, false); },
               {"emu error: deadlock: every running kernel is blocked on a circular buffer",
                at("deadlock.cpp") + "cb c_0: cb_wait_front waits for 2 page(s), 1 available",
                "core (0,0) writer_unary.cpp:", "cb c_16: cb_wait_front waits for 1 page(s), 0 available",
                "(already finished: core (0,0) reader_binary.cpp)"});
  EXPECT_TRUE(tilesplit::emu::last_run_stats().failed);
}

TEST(Checks, RuntimeArgsMissingOnACore) {
  Device d;
  auto in = d.dram(2), out = d.dram(2);
  Program p = CreateProgram();
  const CoreRange cores({0, 0}, {1, 0});
  CreateCircularBuffer(p, cores, CircularBufferConfig(2 * kTileBytes, {{tt::CBIndex::c_0, tt::DataFormat::Float16_b}})
                                     .set_page_size(tt::CBIndex::c_0, kTileBytes));
  std::vector<std::uint32_t> rct, wct;
  TensorAccessorArgs(*in).append_to(rct);
  TensorAccessorArgs(*out).append_to(wct);
  auto r = CreateKernel(p, kernel("reader_unary.cpp"), cores, ReaderDataMovementConfig(rct));
  auto w = CreateKernel(p, kernel("dm_cb_passthrough.cpp"), cores, WriterDataMovementConfig(wct));
  for (std::uint32_t x = 0; x < 2; ++x) SetRuntimeArgs(p, w, CoreCoord{x, 0}, {static_cast<std::uint32_t>(out->address()), x, 1});
  SetRuntimeArgs(p, r, CoreCoord{0, 0}, {static_cast<std::uint32_t>(in->address()), 0, 1});  // not on (1,0)
  expect_error([&] { run_program(d, std::move(p)); },
               {"core (1,0) reader_unary.cpp:", "get_arg_val(0): no runtime args were set for this kernel on this core"});
}

}  // namespace
}  // namespace emu_test
