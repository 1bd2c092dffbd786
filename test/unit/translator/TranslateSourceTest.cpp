//===- TranslateSourceTest.cpp - The in-memory entry point -----------------===//
//
// translateSource() is what the fuzzer drives; these tests pin down what it
// promises (the same outputs as the tool, diagnostics to the given stream) and
// run every input of fuzz/regressions through it, in every build.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Driver/Translate.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <string>
#include <vector>

namespace tilesplit {
namespace {

std::vector<std::string> compilerArgs() {
  return {"-std=c++17", "-isystem", TILESPLIT_TEST_RUNTIME_INCLUDE, "-resource-dir",
          TILESPLIT_TEST_CLANG_RESOURCE_DIR, "-Wno-unknown-pragmas"};
}

TranslateOptions defaultOptions() {
  TranslateOptions Opts;
  Opts.Emit.Api = findApiProfile("2026-08");
  Opts.Emit.T = *Target::forArch("wormhole_b0");
  return Opts;
}

std::string readFile(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  EXPECT_TRUE(static_cast<bool>(Buf)) << Path;
  return Buf ? (*Buf)->getBuffer().str() : "";
}

std::vector<std::string> fileNames(const TranslatedKernel &K) {
  std::vector<std::string> Names;
  for (const EmittedFile &F : K.Files)
    Names.push_back(F.Name);
  std::sort(Names.begin(), Names.end());
  return Names;
}

TEST(TranslateSource, ExampleInMemory) {
  std::string Code = readFile(TILESPLIT_TEST_SOURCE_DIR "/examples/eltwise.cpp");
  std::string Diags;
  llvm::raw_string_ostream OS(Diags);
  SourceTranslation R =
      translateSource(Code, "eltwise.cpp", compilerArgs(), defaultOptions(), &OS);
  ASSERT_TRUE(R.Ok) << OS.str();
  ASSERT_EQ(R.Kernels.size(), 1u);
  EXPECT_EQ(R.Kernels[0].Name, "eltwise");
  EXPECT_EQ(fileNames(R.Kernels[0]),
            (std::vector<std::string>{"compute.cpp", "host.cpp", "manifest.json", "reader.cpp",
                                      "writer.cpp"}));
  EXPECT_EQ(OS.str(), "");
}

TEST(TranslateSource, DiagnosticsGoToTheStream) {
  std::string Diags;
  llvm::raw_string_ostream OS(Diags);
  SourceTranslation R = translateSource(R"(#include <tilesplit/tile.hpp>
using namespace tilesplit;
void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel bufers(2)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}
)",
                                        "bad.cpp", compilerArgs(), defaultOptions(), &OS);
  EXPECT_FALSE(R.Ok);
  EXPECT_TRUE(R.Kernels.empty());
  EXPECT_NE(OS.str().find("bad.cpp:4:31: error: unknown clause 'bufers'"), std::string::npos)
      << OS.str();
}

TEST(TranslateSource, ClangErrorsFail) {
  SourceTranslation R = translateSource("int f( {", "broken.cpp", compilerArgs(),
                                        defaultOptions(), nullptr);
  EXPECT_FALSE(R.Ok);
}

// Inputs that once crashed the translator must now translate or be diagnosed.
TEST(TranslateSource, FuzzRegressionsDoNotCrash) {
  std::error_code EC;
  unsigned Count = 0;
  for (llvm::sys::fs::directory_iterator It(TILESPLIT_TEST_SOURCE_DIR "/fuzz/regressions", EC),
       End;
       It != End && !EC; It.increment(EC)) {
    if (llvm::sys::path::extension(It->path()) != ".cpp")
      continue;
    SCOPED_TRACE(It->path());
    translateSource(readFile(It->path()), "input.cpp", compilerArgs(), defaultOptions(),
                    nullptr);
    ++Count;
  }
  EXPECT_FALSE(EC) << EC.message();
  RecordProperty("inputs", Count);
}

// The deep-* regressions nest past the limit, so each is rejected with the
// diagnostic that names it, not by a pass that happens to fail later.
TEST(TranslateSource, DeepRegressionsAreTooDeep) {
  std::error_code EC;
  unsigned Count = 0;
  for (llvm::sys::fs::directory_iterator It(TILESPLIT_TEST_SOURCE_DIR "/fuzz/regressions", EC),
       End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (!Name.starts_with("deep-") || !Name.ends_with(".cpp"))
      continue;
    SCOPED_TRACE(It->path());
    std::string Diags;
    llvm::raw_string_ostream OS(Diags);
    SourceTranslation R = translateSource(readFile(It->path()), "input.cpp", compilerArgs(),
                                          defaultOptions(), &OS);
    EXPECT_FALSE(R.Ok);
    EXPECT_NE(OS.str().find("[tilesplit-expression-too-deep]"), std::string::npos) << OS.str();
    ++Count;
  }
  EXPECT_FALSE(EC) << EC.message();
  EXPECT_GE(Count, 5u);
}

} // namespace
} // namespace tilesplit
