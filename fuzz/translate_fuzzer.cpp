//===- translate_fuzzer.cpp - libFuzzer target over the whole translator ---===//
//
// One input is the text of an annotated source file. It goes through
// everything `tilesplit` runs, in memory: Clang's parse with the `#pragma tt`
// handler, lowering to tile IR, every pass, the emitters and clang-format.
// Diagnostics are the expected answer to bad input; a crash, a sanitizer report,
// an uncaught exception or a broken manifest is a bug.
//
// The options (API profile, architecture, fp32 DST, --grid) come from a hash of
// the input, so each input always runs the same way and reproduces alone.
//
// <tilesplit/tile.hpp> and the standard headers under it are parsed once, into
// a precompiled header made at start-up; an input that includes the header
// then costs only its own parse (about ten times faster).
//
//   tilesplit-fuzz CORPUS_DIR SEED_DIR...     fuzz (see bench/fuzz.sh)
//   tilesplit-fuzz FILE...                    run these inputs once
//   TILESPLIT_FUZZ_VERBOSE=1 tilesplit-fuzz FILE   ... and print the diagnostics
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Driver/Translate.h"

#include "clang/Basic/FileManager.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace tilesplit;

namespace {

std::vector<std::string> CompilerArgs;
bool Verbose = false;

/// What every parse gets: the user header's directory, Clang's builtin headers,
/// and limits that keep Clang's own work per input small (template and
/// constexpr evaluation are Clang's business, not what is being fuzzed).
std::vector<std::string> baseArgs() {
  return {"-std=c++17",
          "-isystem",
          TILESPLIT_FUZZ_RUNTIME_INCLUDE,
          "-resource-dir",
          TILESPLIT_FUZZ_RESOURCE_DIR,
          "-Wno-unknown-pragmas",
          "-ferror-limit=10",
          "-ftemplate-depth=64",
          "-fconstexpr-depth=64",
          "-fconstexpr-steps=100000",
          "-fbracket-depth=128"};
}

/// Precompiles <tilesplit/tile.hpp> into \p Out with baseArgs().
bool buildPch(const std::string &Out) {
  llvm::SmallString<256> Header(TILESPLIT_FUZZ_RUNTIME_INCLUDE);
  llvm::sys::path::append(Header, "tilesplit", "tile.hpp");
  std::vector<std::string> Cmd = {"tilesplit-fuzz", "-x", "c++-header"};
  for (const std::string &A : baseArgs())
    Cmd.push_back(A);
  Cmd.insert(Cmd.end(), {"-o", Out, std::string(Header)});
  auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(),
                                                              llvm::vfs::getRealFileSystem());
  clang::tooling::ToolInvocation Invocation(Cmd, std::make_unique<clang::GeneratePCHAction>(),
                                            Files.get());
  return Invocation.run();
}

uint64_t fnv1a(const uint8_t *Data, size_t Size) {
  uint64_t H = 1469598103934665603ull;
  for (size_t I = 0; I < Size; ++I)
    H = (H ^ Data[I]) * 1099511628211ull;
  return H;
}

TranslateOptions optionsFor(uint64_t Hash) {
  TranslateOptions Opts;
  Opts.Emit.Api = findApiProfile(Hash & 1 ? "2026-02" : "2026-08");
  Opts.Emit.T = *Target::forArch(Hash & 2 ? "blackhole" : "wormhole_b0");
  Opts.Emit.T.Fp32DestAcc = Hash & 4;
  switch ((Hash >> 3) & 3) {
  case 1:
    Opts.DefaultGrid = std::make_pair(1u, 1u);
    break;
  case 2:
    Opts.DefaultGrid = std::make_pair(3u, 2u);
    break;
  default:
    break; // the device's grid
  }
  return Opts;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *Argc, char ***Argv) {
  Verbose = std::getenv("TILESPLIT_FUZZ_VERBOSE") != nullptr;
  CompilerArgs = baseArgs();
  llvm::SmallString<128> Pch;
  if (llvm::sys::fs::createTemporaryFile("tilesplit-fuzz", "pch", Pch) ||
      !buildPch(std::string(Pch))) {
    llvm::errs() << "tilesplit-fuzz: cannot precompile <tilesplit/tile.hpp>\n";
    std::abort();
  }
  // Removed at exit; the open file keeps it readable meanwhile.
  static llvm::FileRemover RemovePch(Pch);
  CompilerArgs.insert(CompilerArgs.end(), {"-include-pch", std::string(Pch)});
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Code(reinterpret_cast<const char *>(Data), Size);
  TranslateOptions Opts = optionsFor(fnv1a(Data, Size));
  if (Verbose)
    llvm::errs() << "tilesplit-fuzz: --tt-metal-api=" << Opts.Emit.Api->Name << " --arch="
                 << Opts.Emit.T.Arch << (Opts.Emit.T.Fp32DestAcc ? " --fp32-dest-acc" : "")
                 << (Opts.DefaultGrid ? " --grid=" + std::to_string(Opts.DefaultGrid->first) +
                                            "x" + std::to_string(Opts.DefaultGrid->second)
                                      : std::string())
                 << "\n";
  SourceTranslation R =
      translateSource(Code, "input.cpp", CompilerArgs, Opts, Verbose ? &llvm::errs() : nullptr);
  if (!R.Ok)
    return 0;
  // What a successful translation promises: every kernel has a host program and
  // a manifest that is JSON.
  for (const TranslatedKernel &K : R.Kernels) {
    bool HasHost = false, HasManifest = false;
    for (const EmittedFile &F : K.Files) {
      HasHost |= F.Name == "host.cpp" && !F.Contents.empty();
      if (F.Name == "manifest.json") {
        HasManifest = true;
        if (llvm::Expected<llvm::json::Value> V = llvm::json::parse(F.Contents); !V) {
          llvm::errs() << "tilesplit-fuzz: kernel '" << K.Name << "': manifest.json is not JSON: "
                       << llvm::toString(V.takeError()) << "\n"
                       << F.Contents << "\n";
          std::abort();
        }
      }
    }
    if (!HasHost || !HasManifest) {
      llvm::errs() << "tilesplit-fuzz: kernel '" << K.Name << "' lacks host.cpp or manifest.json\n";
      std::abort();
    }
  }
  return 0;
}
