// Data movement: CB ring wrap-around, DRAM interleaving (page -> bank), L1 buffers, NOC reads and
// writes between cores.
#include "emu_test_util.hpp"

namespace emu_test {
namespace {

std::vector<std::uint32_t> iota_words(std::size_t n, std::uint32_t start) {
  std::vector<std::uint32_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = start + static_cast<std::uint32_t>(i);
  return v;
}

// DRAM -> c_0 -> DRAM through a CB of `pages` pages: the ring wraps many times.
void copy_through_cb(std::uint32_t pages, std::uint32_t n_tiles, bool flushed = false) {
  Device d;
  auto in = d.dram(n_tiles), out = d.dram(n_tiles);
  const auto data = iota_words(n_tiles * 512, 7);
  EnqueueWriteMeshBuffer(d.cq(), in, data, false);
  Program p = CreateProgram();
  const CoreCoord core{0, 0};
  CreateCircularBuffer(p, core, CircularBufferConfig(pages * kTileBytes, {{tt::CBIndex::c_0, tt::DataFormat::Float16_b}})
                                    .set_page_size(tt::CBIndex::c_0, kTileBytes));
  std::vector<std::uint32_t> rct, wct;
  TensorAccessorArgs(*in).append_to(rct);
  TensorAccessorArgs(*out).append_to(wct);
  auto r = CreateKernel(p, kernel("reader_unary.cpp"), core, ReaderDataMovementConfig(rct));
  auto w = CreateKernel(p, kernel(flushed ? "dm_cb_passthrough_flushed.cpp" : "dm_cb_passthrough.cpp"), core,
                        WriterDataMovementConfig(wct));
  SetRuntimeArgs(p, r, core, {static_cast<std::uint32_t>(in->address()), 0, n_tiles});
  SetRuntimeArgs(p, w, core, {static_cast<std::uint32_t>(out->address()), 0, n_tiles});
  run_program(d, std::move(p));
  std::vector<std::uint32_t> result;
  EnqueueReadMeshBuffer(d.cq(), result, out, true);
  EXPECT_EQ(result, data);
  const auto& s = tilesplit::emu::last_run_stats();
  EXPECT_EQ(s.totals.cb_pushes, n_tiles);
  EXPECT_EQ(s.totals.cb_pops, n_tiles);
  EXPECT_EQ(s.totals.noc_read_bytes, n_tiles * kTileBytes);
  EXPECT_EQ(s.totals.read_barriers, n_tiles);
  // Flushes are counted apart from barriers: a flush waits only until the write has left L1.
  EXPECT_EQ(s.totals.write_barriers, flushed ? 1u : n_tiles);
  EXPECT_EQ(s.totals.writes_flushed, flushed ? n_tiles : 0u);
}

TEST(Dataflow, CbRingWrapAround) { copy_through_cb(3, 20); }
TEST(Dataflow, CbSinglePage) { copy_through_cb(1, 5); }
TEST(Dataflow, WritesFlushedCountedApart) { copy_through_cb(2, 6, true); }

// A kernel computes each page's bank and offset itself and reads it straight from the bank.
void bank_probe(const char* arch, std::uint32_t expect_banks) {
  setenv("TILESPLIT_EMU_ARCH", arch, 1);
  Device d;
  unsetenv("TILESPLIT_EMU_ARCH");
  EXPECT_EQ(d.dev->num_dram_channels(), expect_banks);
  const std::uint32_t n = 2 * expect_banks + 3, page = 64;  // page size = DRAM alignment multiple
  auto in = d.dram(n, page), out = d.dram(n, page);
  auto scratch = MeshBuffer::create(ReplicatedBufferConfig{.size = page},
                                    DeviceLocalBufferConfig{.page_size = page, .buffer_type = BufferType::L1}, d.dev.get());
  const auto data = iota_words(n * page / 4, 100);
  EnqueueWriteMeshBuffer(d.cq(), in, data, false);
  Program p = CreateProgram();
  std::vector<std::uint32_t> ct;
  TensorAccessorArgs(*out).append_to(ct);
  auto k = CreateKernel(p, kernel("dm_bank_probe.cpp"), CoreCoord{0, 0}, WriterDataMovementConfig(ct));
  SetRuntimeArgs(p, k, CoreCoord{0, 0},
                 {static_cast<std::uint32_t>(in->address()), static_cast<std::uint32_t>(out->address()),
                  static_cast<std::uint32_t>(scratch->address()), n, page});
  run_program(d, std::move(p));
  std::vector<std::uint32_t> result;
  EnqueueReadMeshBuffer(d.cq(), result, out, true);
  EXPECT_EQ(result, data);
}

TEST(Dataflow, DramInterleavingWormhole) { bank_probe("wormhole_b0", 12); }
TEST(Dataflow, DramInterleavingBlackhole) { bank_probe("blackhole", 8); }

TEST(Dataflow, LoopbackThroughL1Buffer) {
  Device d;
  const std::uint32_t n = 10;
  auto in = d.dram(n), out = d.dram(n);
  auto l1 = MeshBuffer::create(ReplicatedBufferConfig{.size = kTileBytes},
                               DeviceLocalBufferConfig{.page_size = kTileBytes, .buffer_type = BufferType::L1}, d.dev.get());
  const auto data = iota_words(n * 512, 1);
  EnqueueWriteMeshBuffer(d.cq(), in, data, false);
  Program p = CreateProgram();
  std::vector<std::uint32_t> ct;
  TensorAccessorArgs(*in->get_backing_buffer()).append_to(ct);
  TensorAccessorArgs(*out->get_backing_buffer()).append_to(ct);
  auto k = CreateKernel(p, kernel("dm_loopback_l1.cpp"), CoreCoord{0, 0},
                        DataMovementConfig{.processor = DataMovementProcessor::RISCV_0, .noc = NOC::RISCV_0_default,
                                           .compile_args = ct});
  SetRuntimeArgs(p, k, CoreCoord{0, 0},
                 {static_cast<std::uint32_t>(l1->address()), static_cast<std::uint32_t>(in->address()),
                  static_cast<std::uint32_t>(out->address()), n});
  run_program(d, std::move(p));
  std::vector<std::uint32_t> result;
  EnqueueReadMeshBuffer(d.cq(), result, out, true);
  EXPECT_EQ(result, data);
}

TEST(Dataflow, RemoteCoreL1) {
  Device d;
  auto out = d.dram(1, 64);
  Program p = CreateProgram();
  auto k = CreateKernel(p, kernel("dm_remote_core.cpp"), CoreCoord{0, 0}, WriterDataMovementConfig());
  const CoreCoord target = d.dev->worker_core_from_logical_core({2, 1});
  SetRuntimeArgs(p, k, CoreCoord{0, 0},
                 {static_cast<std::uint32_t>(target.x), static_cast<std::uint32_t>(target.y), 0x20000,
                  static_cast<std::uint32_t>(out->address())});
  run_program(d, std::move(p));
  std::vector<std::uint32_t> result;
  EnqueueReadMeshBuffer(d.cq(), result, out, true);
  EXPECT_EQ(result[0], 0xC0FFEEu);
}

TEST(Dataflow, LogicalCoordinatesAreNotNocCoordinates) {
  Device d;
  auto out = d.dram(1, 64);
  Program p = CreateProgram();
  auto k = CreateKernel(p, kernel("dm_remote_core.cpp"), CoreCoord{0, 0}, WriterDataMovementConfig());
  SetRuntimeArgs(p, k, CoreCoord{0, 0}, {2, 1, 0x20000, static_cast<std::uint32_t>(out->address())});
  expect_error([&] { run_program(d, std::move(p)); }, {"core (0,0) dm_remote_core.cpp:", "no worker core at NOC (2,1)"});
}

// Core (0,0) multicasts 1 KiB to the cores of logical rectangle (1,1)-(3,2), giving the corners
// in the order `reversed` says, on `noc`; each receiver stores what it got to DRAM.
void run_multicast(NOC noc, bool reversed) {
  Device d;
  const CoreRange receivers({1, 1}, {3, 2});
  const std::uint32_t n = static_cast<std::uint32_t>(receivers.size());
  auto out = d.dram(n, 1024);
  Program p = CreateProgram();
  const std::uint32_t sem = CreateSemaphore(p, CoreRangeSet(std::vector<CoreRange>{CoreRange({0, 0}), receivers}), 0);
  const std::uint32_t scratch = 0x20000;
  auto sender = CreateKernel(p, kernel("dm_multicast_sender.cpp"), CoreCoord{0, 0},
                             DataMovementConfig{.processor = DataMovementProcessor::RISCV_0, .noc = noc});
  auto receiver = CreateKernel(p, kernel("dm_multicast_receiver.cpp"), receivers,
                               DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, .noc = NOC::NOC_0});
  CoreCoord start = d.dev->worker_core_from_logical_core(receivers.start_coord);
  CoreCoord end = d.dev->worker_core_from_logical_core(receivers.end_coord);
  if (reversed) std::swap(start, end);
  SetRuntimeArgs(p, sender, CoreCoord{0, 0},
                 {static_cast<std::uint32_t>(start.x), static_cast<std::uint32_t>(start.y),
                  static_cast<std::uint32_t>(end.x), static_cast<std::uint32_t>(end.y), n, sem, scratch});
  std::uint32_t page = 0;
  for (const CoreCoord& c : receivers)
    SetRuntimeArgs(p, receiver, c, {sem, scratch, static_cast<std::uint32_t>(out->address()), page++});
  run_program(d, std::move(p));
  std::vector<std::uint32_t> result;
  EnqueueReadMeshBuffer(d.cq(), result, out, true);
  ASSERT_EQ(result.size(), n * 256);
  for (std::size_t i = 0; i < result.size(); ++i) ASSERT_EQ(result[i], 0x5EED0000u + i % 256) << i;
}

// The semaphore multicast completes the data multicast before it (NOC order), and the receivers'
// reads are ordered by it even when the sender's later barrier meets that write again: before the
// race detector kept a write's first completion, about every other run reported a false race.
TEST(Dataflow, MulticastOnNoc0FromTheSmallerCorner) {
  for (int i = 0; i < 8; ++i) run_multicast(NOC::NOC_0, false);
}
TEST(Dataflow, MulticastOnNoc1FromTheLargerCorner) {
  for (int i = 0; i < 8; ++i) run_multicast(NOC::NOC_1, true);
}

TEST(Dataflow, MulticastRectangleAgainstTheNocsDirection) {
  // tt-metal's watcher rejects a rectangle whose corners are in the other NOC's order.
  const std::string site = "core (0,0) dm_multicast_sender.cpp:" + std::to_string(line_of("dm_multicast_sender.cpp", "// MCAST")) + ": ";
  expect_error([] { run_multicast(NOC::NOC_0, true); },
               {site + "noc_async_write_multicast on NOC 0 to the rectangle NOC (21,20)-(19,19), which runs the "
                       "wrong way for that NOC: on NOC 0 it starts at the smaller coordinates, on NOC 1 at the "
                       "larger ones (swap the corners)"});
  expect_error([] { run_multicast(NOC::NOC_1, false); },
               {site + "noc_async_write_multicast on NOC 1 to the rectangle NOC (19,19)-(21,20)"});
}

}  // namespace
}  // namespace emu_test
