//===- OutputTest.cpp - Every file of a run, or none ---------------------===//
//
// OutputSet's promises that the lit tests (test/lit/driver/output-*.test,
// interrupted-run.test) cannot reach from the command line: a rename that
// fails after others succeeded puts back what they replaced.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Driver/Output.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <string>
#include <vector>

#include <unistd.h>

namespace tilesplit {
namespace {

namespace fs = llvm::sys::fs;

class OutputSetTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> D;
    ASSERT_FALSE(fs::createUniqueDirectory("tilesplit-output-test", D));
    Dir = std::string(D);
  }
  void TearDown() override { fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Rel) const { return Dir + "/" + Rel.str(); }

  void write(llvm::StringRef Rel, llvm::StringRef Text) const {
    std::error_code EC;
    llvm::raw_fd_ostream OS(path(Rel), EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }

  std::string read(llvm::StringRef Rel) const {
    auto Buf = llvm::MemoryBuffer::getFile(path(Rel));
    return Buf ? (*Buf)->getBuffer().str() : "<missing>";
  }

  /// Every entry under Dir, hidden ones included, relative and sorted.
  std::vector<std::string> entries() const {
    std::vector<std::string> Names;
    std::error_code EC;
    for (fs::recursive_directory_iterator I(Dir, EC), E; I != E && !EC; I.increment(EC))
      Names.push_back(I->path().substr(Dir.size() + 1));
    std::sort(Names.begin(), Names.end());
    return Names;
  }

  std::string Dir;
};

TEST_F(OutputSetTest, WritesEveryFileAndCreatesDirectories) {
  OutputSet Out(path("out"));
  Out.add(path("out/k/a.cpp"), "a");
  Out.add(path("out/k/b.cpp"), "b");
  Out.add(path("deps/k.d"), "d");
  ASSERT_FALSE(llvm::errorToBool(Out.commit()));
  EXPECT_EQ(read("out/k/a.cpp"), "a");
  EXPECT_EQ(read("out/k/b.cpp"), "b");
  EXPECT_EQ(read("deps/k.d"), "d");
  EXPECT_EQ(entries(), (std::vector<std::string>{"deps", "deps/k.d", "out", "out/k",
                                                 "out/k/a.cpp", "out/k/b.cpp"}));
}

TEST_F(OutputSetTest, FailedRenamePutsBackWhatEarlierOnesReplaced) {
  ASSERT_FALSE(fs::create_directories(path("out/k")));
  write("out/k/a.cpp", "old a");
  OutputSet Out(path("out"));
  Out.add(path("out/k/a.cpp"), "new a");  // replaces a file
  Out.add(path("out/new/b.cpp"), "new b"); // a new file in a new directory
  Out.add(path("out/k/c.cpp"), "new c");  // its rename fails
  // Once the first file is renamed, c.cpp's destination becomes a directory:
  // a failure that no check before publishing could have seen.
  Out.OnStage = [&](OutputStage S) {
    if (S == OutputStage::Publishing) {
      ASSERT_EQ(read("out/k/a.cpp"), "new a");
      ASSERT_FALSE(fs::create_directory(path("out/k/c.cpp")));
    }
  };
  llvm::Error E = Out.commit();
  ASSERT_TRUE(static_cast<bool>(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find("cannot write '" + path("out/k/c.cpp") + "'"), std::string::npos)
      << Message;
  EXPECT_EQ(read("out/k/a.cpp"), "old a");
  // b.cpp and its directory are gone; c.cpp is the directory made above.
  EXPECT_EQ(entries(),
            (std::vector<std::string>{"out", "out/k", "out/k/a.cpp", "out/k/c.cpp"}));
}

TEST_F(OutputSetTest, DirectoryDestinationChangesNothing) {
  ASSERT_FALSE(fs::create_directories(path("out/k/b.cpp")));
  write("out/k/a.cpp", "old a");
  OutputSet Out(path("out"));
  Out.add(path("out/k/a.cpp"), "new a");
  Out.add(path("out/k/b.cpp"), "new b");
  llvm::Error E = Out.commit();
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_EQ(llvm::toString(std::move(E)),
            "cannot write '" + path("out/k/b.cpp") + "': it is a directory");
  EXPECT_EQ(read("out/k/a.cpp"), "old a");
  EXPECT_EQ(entries(), (std::vector<std::string>{"out", "out/k", "out/k/a.cpp", "out/k/b.cpp"}));
}

TEST_F(OutputSetTest, SameFileTwiceIsRefused) {
  OutputSet Out(path("out"));
  Out.add(path("out/k/a.cpp"), "1");
  Out.add(path("out/x/../k/a.cpp"), "2");
  llvm::Error E = Out.commit();
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("they are the same file"), std::string::npos);
  EXPECT_TRUE(entries().empty());
}

TEST_F(OutputSetTest, SameDestination) {
  ASSERT_FALSE(fs::create_directories(path("real/k")));
  ASSERT_FALSE(fs::create_link(path("real"), path("link")));
  EXPECT_TRUE(OutputSet::sameDestination(path("real/k/a"), path("link/k/a")));
  EXPECT_TRUE(OutputSet::sameDestination(path("real/k/a"), path("real/./k/../k/a")));
  EXPECT_TRUE(OutputSet::sameDestination(path("new/x/../a"), path("new/a")));
  EXPECT_FALSE(OutputSet::sameDestination(path("real/k/a"), path("real/k/b")));
  // A link as the file itself is replaced by a rename, not written through.
  write("real/k/a", "x");
  ASSERT_FALSE(fs::create_link(path("real/k/a"), path("real/k/alias")));
  EXPECT_FALSE(OutputSet::sameDestination(path("real/k/a"), path("real/k/alias")));
}

TEST_F(OutputSetTest, RemovesOnlyStaleStaging) {
  std::string Mine =
      std::string(OutputSet::StagingPrefix) + std::to_string(::getpid()) + "-mine";
  ASSERT_FALSE(fs::create_directories(path(Mine)));
  ASSERT_FALSE(fs::create_directories(path(".tilesplit-staging-1-unlocked")));
  write(".tilesplit-staging-1-unlocked/lock", "");
  ASSERT_FALSE(fs::create_directories(path(".tilesplit-staging-1-nolock")));
  ASSERT_FALSE(fs::create_directories(path("other")));
  OutputSet::removeStaleStaging(Dir);
  std::vector<std::string> Kept{Mine, ".tilesplit-staging-1-nolock", "other"};
  std::sort(Kept.begin(), Kept.end());
  EXPECT_EQ(entries(), Kept);
}

// A run killed between two renames left its journal: the next run's cleanup
// renames into place what the dead run had not, then removes its directory.
TEST_F(OutputSetTest, FinishesADeadRunsPublication) {
  ASSERT_FALSE(fs::create_directories(path("out/k")));
  write("out/k/a.cpp", "new a"); // renamed before the run died
  write("out/k/b.cpp", "old b");
  const std::string Staging = "out/.tilesplit-staging-1-dead";
  ASSERT_FALSE(fs::create_directories(path(Staging)));
  write(Staging + "/lock", ""); // unlocked: its run is gone
  write(Staging + "/1-b.cpp", "new b");
  write(Staging + "/1.previous", "old b");
  write(Staging + "/publish",
        "0-a.cpp\t" + path("out/k/a.cpp") + "\n1-b.cpp\t" + path("out/k/b.cpp") + "\n");
  OutputSet::removeStaleStaging(path("out"));
  EXPECT_EQ(read("out/k/a.cpp"), "new a");
  EXPECT_EQ(read("out/k/b.cpp"), "new b");
  EXPECT_EQ(entries(), (std::vector<std::string>{"out", "out/k", "out/k/a.cpp", "out/k/b.cpp"}));
}

// Without a journal the dead run had published nothing: its files are dropped.
TEST_F(OutputSetTest, DropsADeadRunsStagedFilesWithoutJournal) {
  ASSERT_FALSE(fs::create_directories(path("out/k")));
  write("out/k/b.cpp", "old b");
  const std::string Staging = "out/.tilesplit-staging-1-dead";
  ASSERT_FALSE(fs::create_directories(path(Staging)));
  write(Staging + "/lock", "");
  write(Staging + "/0-b.cpp", "new b");
  OutputSet::removeStaleStaging(path("out"));
  EXPECT_EQ(read("out/k/b.cpp"), "old b");
  EXPECT_EQ(entries(), (std::vector<std::string>{"out", "out/k", "out/k/b.cpp"}));
}

} // namespace
} // namespace tilesplit
