// Host side: core ranges, split_work_to_cores, device queries, and the host-side checks.
#include "emu_test_util.hpp"

namespace emu_test {
namespace {

std::vector<CoreCoord> cores(const CoreRangeSet& s, bool row_wise = false) { return corerange_to_cores(s, std::nullopt, row_wise); }

TEST(Host, CoreRangeIteration) {
  const CoreRange r({1, 2}, {2, 3});
  std::vector<CoreCoord> seen(r.begin(), r.end());
  EXPECT_EQ(seen, (std::vector<CoreCoord>{{1, 2}, {2, 2}, {1, 3}, {2, 3}}));
  EXPECT_EQ(r.size(), 4u);
  EXPECT_EQ(CoreRangeSet(std::vector<CoreRange>{r, CoreRange({0, 0}, {0, 0})}).num_cores(), 5u);
  EXPECT_THROW(CoreRangeSet(std::vector<CoreRange>{r, CoreRange({2, 3}, {4, 4})}), std::invalid_argument);
}

TEST(Host, SplitWorkEven) {
  auto [n, all, g1, g2, u1, u2] = split_work_to_cores(CoreCoord{8, 8}, 128);
  EXPECT_EQ(n, 64u);
  EXPECT_EQ(all, CoreRangeSet(CoreRange({0, 0}, {7, 7})));
  EXPECT_EQ(g1, all);
  EXPECT_TRUE(g2.empty());
  EXPECT_EQ(u1, 2u);
  EXPECT_EQ(u2, 0u);
}

TEST(Host, SplitWorkFewerUnitsThanCores) {
  // 11 units on 8x8: 11 cores, column-major (one full column of 8, then 3 of the next).
  auto [n, all, g1, g2, u1, u2] = split_work_to_cores(CoreCoord{8, 8}, 11);
  EXPECT_EQ(n, 11u);
  EXPECT_EQ(all.num_cores(), 11u);
  const auto c = cores(all);
  EXPECT_EQ(c[7], (CoreCoord{0, 7}));
  EXPECT_EQ(c[8], (CoreCoord{1, 0}));
  EXPECT_EQ(c[10], (CoreCoord{1, 2}));
  EXPECT_EQ(g1, all);
  EXPECT_EQ(u1, 1u);
  EXPECT_TRUE(g2.empty());
}

TEST(Host, SplitWorkUnevenColumnWise) {
  // 100 units on 8x8: the first 36 cores (column-major) take 2 units, the other 28 take 1.
  auto [n, all, g1, g2, u1, u2] = split_work_to_cores(CoreCoord{8, 8}, 100);
  EXPECT_EQ(n, 64u);
  EXPECT_EQ(u1, 2u);
  EXPECT_EQ(u2, 1u);
  EXPECT_EQ(g1.num_cores(), 36u);
  EXPECT_EQ(g2.num_cores(), 28u);
  EXPECT_TRUE(g1.contains({3, 7}));
  EXPECT_TRUE(g1.contains({4, 3}));
  EXPECT_FALSE(g1.contains({4, 4}));
  EXPECT_TRUE(g2.contains({4, 4}));
  EXPECT_TRUE(g2.contains({7, 7}));
  EXPECT_EQ(g1.num_cores() * u1 + g2.num_cores() * u2, 100u);
  // Walking group 1 then group 2 visits the grid in column-major order.
  auto order = cores(g1);
  const auto rest = cores(g2);
  order.insert(order.end(), rest.begin(), rest.end());
  EXPECT_EQ(order, grid_to_cores(64, 8, 8, false));
}

TEST(Host, SplitWorkUnevenRowWise) {
  auto [n, all, g1, g2, u1, u2] = split_work_to_cores(CoreCoord{4, 3}, 14, true);
  EXPECT_EQ(n, 12u);
  EXPECT_EQ(g1.num_cores(), 2u);
  EXPECT_TRUE(g1.contains({0, 0}));
  EXPECT_TRUE(g1.contains({1, 0}));
  EXPECT_EQ(u1, 2u);
  EXPECT_EQ(u2, 1u);
  auto order = cores(g1, true);
  const auto rest = cores(g2, true);
  order.insert(order.end(), rest.begin(), rest.end());
  EXPECT_EQ(order, grid_to_cores(12, 4, 3, true));
}

TEST(Host, SplitWorkZero) {
  auto [n, all, g1, g2, u1, u2] = split_work_to_cores(CoreCoord{8, 8}, 0);
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(all.empty());
}

TEST(Host, DeviceQueriesAndGridOverride) {
  {
    Device d;
    EXPECT_EQ(d.dev->compute_with_storage_grid_size(), (CoreCoord{8, 8}));
    EXPECT_EQ(d.dev->l1_size_per_core(), 1464u * 1024);
    EXPECT_EQ(d.dev->num_dram_channels(), 12u);
    EXPECT_EQ(d.dev->worker_core_from_logical_core({1, 2}), (CoreCoord{19, 20}));
  }
  setenv("TILESPLIT_EMU_ARCH", "blackhole", 1);
  {
    Device d;
    EXPECT_EQ(d.dev->compute_with_storage_grid_size(), (CoreCoord{13, 10}));
    EXPECT_EQ(d.dev->l1_size_per_core(), 1536u * 1024);
  }
  setenv("TILESPLIT_EMU_GRID", "3x2", 1);
  {
    Device d;
    EXPECT_EQ(d.dev->compute_with_storage_grid_size(), (CoreCoord{3, 2}));
  }
  unsetenv("TILESPLIT_EMU_GRID");
  unsetenv("TILESPLIT_EMU_ARCH");
}

TEST(Host, CbIndexBeyondArchCount) {
  Device d;  // wormhole: 32 CBs
  Program p = CreateProgram();
  expect_error([&] {
    CreateCircularBuffer(p, CoreCoord{0, 0}, CircularBufferConfig(kTileBytes, {{40, tt::DataFormat::Float16_b}}).set_page_size(40, kTileBytes));
  }, {"CB index 40 (c_40) but wormhole_b0 has 32 CBs per core"});
}

TEST(Host, CbsExceedL1) {
  Device d;
  StreamSpec s;
  s.compute = "compute_add_2026_08.cpp";
  s.inputs = {d.dram(1), d.dram(1)};
  s.output = d.dram(1);
  s.cb_pages = 300;  // 3 CBs x 300 x 2 KiB = 1.8 MB > 1464 KiB
  expect_error([&] { run_stream(d, s); }, {"circular buffers on core (0,0) need", "bytes of L1, more than the"});
}

TEST(Host, TooManyRuntimeArgs) {
  Device d;
  Program p = CreateProgram();
  auto k = CreateKernel(p, kernel("reader_unary.cpp"), CoreCoord{0, 0}, ReaderDataMovementConfig());
  expect_error([&] { SetRuntimeArgs(p, k, CoreCoord{0, 0}, std::vector<std::uint32_t>(342, 1)); },
               {"342 runtime args, more than the maximum of 341"});
  SetRuntimeArgs(p, k, CoreCoord{0, 0}, std::vector<std::uint32_t>(341, 1));
}

TEST(Host, TwoKernelsOnOneRisc) {
  Device d;
  Program p = CreateProgram();
  CreateKernel(p, kernel("reader_unary.cpp"), CoreRange({0, 0}, {1, 1}), ReaderDataMovementConfig());
  expect_error([&] { CreateKernel(p, kernel("reader_binary.cpp"), CoreCoord{1, 1}, ReaderDataMovementConfig()); },
               {"core (1,1) already has a ncrisc kernel (reader_unary.cpp)"});
  CreateKernel(p, kernel("writer_unary.cpp"), CoreCoord{1, 1}, WriterDataMovementConfig());  // other RISC: fine
}

TEST(Host, KernelFileMissing) {
  Device d;
  Program p = CreateProgram();
  expect_error([&] { CreateKernel(p, "/nonexistent/k.cpp", CoreCoord{0, 0}, ReaderDataMovementConfig()); },
               {"kernel file '/nonexistent/k.cpp' not found"});
}

TEST(Host, StatsTable) {
  Device d;
  StreamSpec s;
  s.compute = "compute_add_2026_08.cpp";
  s.inputs = {d.dram(3), d.dram(3)};
  s.output = d.dram(3);
  s.n_tiles = 3;
  run_stream(d, s);
  const std::string table = tilesplit::emu::format_stats(tilesplit::emu::last_run_stats());
  EXPECT_NE(table.find("compute_add_2026_08.cpp"), std::string::npos) << table;
  EXPECT_NE(table.find("reader_binary.cpp"), std::string::npos);
  EXPECT_NE(table.find("total"), std::string::npos);
  EXPECT_NE(table.find("run ok"), std::string::npos);
}

}  // namespace
}  // namespace emu_test
