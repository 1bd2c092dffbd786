#include "jit.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "config.hpp"

extern char** environ;

namespace tilesplit::emu {

namespace fs = std::filesystem;

namespace {

// 128-bit FNV-1a (two 64-bit lanes with different offsets): stable across runs and processes.
struct Hasher {
  std::uint64_t a = 0xcbf29ce484222325ull;
  std::uint64_t b = 0x84222325cbf29ce4ull;
  void add(const std::string& s) {
    for (unsigned char c : s) {
      a = (a ^ c) * 0x100000001b3ull;
      b = (b ^ c) * 0x100000001b3ull + 1;
    }
    // Separator, so ("ab","c") and ("a","bc") differ.
    a = (a ^ 0xff) * 0x100000001b3ull;
    b = (b ^ 0xfe) * 0x100000001b3ull;
  }
  std::string hex() const {
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return buf;
  }
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Digest of every emulator kernel header, so editing a header invalidates cached kernels.
const std::string& headers_digest() {
  static const std::string digest = [] {
    Hasher h;
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(emu_include_root(), ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      h.add(f.string());
      h.add(read_file(f));
    }
    return h.hex();
  }();
  return digest;
}

// Writes `text` to `path` atomically (temp file + rename), since test processes share the cache.
void write_atomic(const fs::path& path, const std::string& text) {
  static std::atomic<unsigned> counter{0};
  const fs::path tmp = path.string() + ".tmp." + std::to_string(getpid()) + "." + std::to_string(counter++);
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("emu error: cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

// Runs argv, returns (exit status, combined stdout+stderr).
std::pair<int, std::string> run_process(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return {-1, "cannot run '" + args[0] + "': " + std::strerror(rc)};
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::string out = read_file(log);
  std::error_code ec;
  fs::remove(log, ec);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string mangled_entry(const std::string& ns) {
  // void kernel_main() at global scope, or in the legacy `namespace NAMESPACE { void MAIN }` form.
  return ns.empty() ? "_Z11kernel_mainv" : "_ZN" + std::to_string(ns.size()) + ns + "11kernel_mainEv";
}

std::mutex g_loaded_mu;
std::map<std::string, KernelEntry> g_loaded;  // .so path -> entry

}  // namespace

const std::vector<std::string>& jit_flags() {
  static const std::vector<std::string> flags = {
      "-std=c++17", "-O1", "-fPIC", "-shared", "-Wall", "-Werror", "-Wno-unknown-pragmas",
      "-Wno-unused-variable", "-Wno-unused-function", "-Wno-deprecated-declarations",
      // One definition per kernel .so: keep its inline/template symbols private to it.
      "-fvisibility=hidden", "-fvisibility-inlines-hidden"};
  return flags;
}

KernelEntry jit_compile(const JitRequest& req) {
  const std::string compiler = kernel_compiler();
  const std::string root = emu_include_root();
  std::vector<std::string> includes = {root + "/common",
                                       root + (req.profile == ApiProfile::v2026_02 ? "/api-2026-02" : "/api-2026-08")};
  for (const auto& d : req.include_dirs) includes.push_back(d);

  Hasher h;
  h.add(req.source_text);
  h.add(fs::path(req.source_path).parent_path().string());  // relative includes resolve from there
  h.add(req.prelude);
  h.add(compiler);
  for (const auto& f : jit_flags()) h.add(f);
  for (const auto& i : includes) h.add(i);
  h.add(api_profile_name(req.profile));
  h.add(headers_digest());
  const std::string key = h.hex();

  const fs::path dir = kernel_cache_dir();
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path so = dir / (key + ".so");

  {
    std::lock_guard<std::mutex> lock(g_loaded_mu);
    auto it = g_loaded.find(so.string());
    if (it != g_loaded.end()) return it->second;
  }

  if (!fs::exists(so)) {
    const fs::path prelude = dir / (key + ".prelude.h");
    write_atomic(prelude, req.prelude);
    static std::atomic<unsigned> counter{0};
    const std::string uniq = std::to_string(getpid()) + "." + std::to_string(counter++);
    const fs::path tmp = dir / (key + ".so.tmp." + uniq);
    std::vector<std::string> args = {compiler};
    for (const auto& f : jit_flags()) args.push_back(f);
    for (const auto& i : includes) args.push_back("-I" + i);
    args.push_back("-include");
    args.push_back(prelude.string());
    args.push_back("-o");
    args.push_back(tmp.string());
    args.push_back(req.source_path);
    auto [status, output] = run_process(args, dir / (key + ".log." + uniq));
    if (status != 0) {
      fs::remove(tmp, ec);
      throw std::runtime_error("emu error: kernel " + req.display_name + " failed to compile (API profile " +
                               api_profile_name(req.profile) + ", " + compiler + "):\n" + output);
    }
    fs::rename(tmp, so);
  }

  void* handle = dlopen(so.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    throw std::runtime_error("emu error: cannot load kernel " + req.display_name + ": " + dlerror());
  }
  void* sym = dlsym(handle, mangled_entry("").c_str());
  if (sym == nullptr) sym = dlsym(handle, mangled_entry("tilesplit_emu_kernel_ns").c_str());
  if (sym == nullptr) {
    throw std::runtime_error("emu error: kernel " + req.display_name +
                             " has no entry point: define void kernel_main() (or, for compute kernels, "
                             "namespace NAMESPACE { void MAIN { ... } })");
  }
  auto entry = reinterpret_cast<KernelEntry>(sym);
  std::lock_guard<std::mutex> lock(g_loaded_mu);
  g_loaded[so.string()] = entry;
  return entry;
}

}  // namespace tilesplit::emu
