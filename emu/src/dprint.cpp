// The host side of DPRINT: which cores and RISCs print (TT_METAL_DPRINT_CORES, _RISCVS), where to
// (stdout, or TT_METAL_DPRINT_FILE), and the "<device>:(x=X,y=Y):<RISC>: " prefix (unless
// TT_METAL_DPRINT_PREPEND_DEVICE_CORE_RISC=0).
#include "dprint.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <utility>

#include "run.hpp"

namespace tilesplit::emu {

namespace {

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != 0) ? v : nullptr;
}

struct DprintSettings {
  bool all_cores = false;
  std::set<std::pair<unsigned, unsigned>> cores;  // logical
  std::set<std::string> riscs;                    // empty: all
  bool prefix = true;
  FILE* out = stdout;
};

// TT_METAL_DPRINT_CORES: "all" (or "worker"), or logical cores "x,y" / "(x,y),(x,y)" / "(x,y)-(x,y)".
DprintSettings read_settings() {
  DprintSettings s;
  const std::string cores = env("TT_METAL_DPRINT_CORES") ? env("TT_METAL_DPRINT_CORES") : "";
  if (cores == "all" || cores == "worker") {
    s.all_cores = true;
  } else {
    const std::regex range(R"(\(\s*(\d+)\s*,\s*(\d+)\s*\)\s*-\s*\(\s*(\d+)\s*,\s*(\d+)\s*\))");
    const std::regex one(R"(\(?\s*(\d+)\s*,\s*(\d+)\s*\)?)");
    std::string rest = cores;
    std::smatch m;
    while (std::regex_search(rest, m, range)) {
      for (unsigned y = std::stoul(m[2]); y <= std::stoul(m[4]); ++y)
        for (unsigned x = std::stoul(m[1]); x <= std::stoul(m[3]); ++x) s.cores.insert({x, y});
      rest = m.prefix().str() + " " + m.suffix().str();
    }
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), one); it != std::sregex_iterator(); ++it) {
      s.cores.insert({static_cast<unsigned>(std::stoul((*it)[1])), static_cast<unsigned>(std::stoul((*it)[2]))});
    }
  }
  // TT_METAL_DPRINT_RISCVS: BR, NC, TR0, TR1, TR2, TR*, separated by ',' or '+'.
  if (const char* riscs = env("TT_METAL_DPRINT_RISCVS")) {
    const std::string v = riscs;
    const std::regex name(R"(BR|NC|TR\*|TR[0-2])");
    for (auto it = std::sregex_iterator(v.begin(), v.end(), name); it != std::sregex_iterator(); ++it) {
      if (it->str() == "TR*") {
        s.riscs.insert({"TR0", "TR1", "TR2"});
      } else {
        s.riscs.insert(it->str());
      }
    }
  }
  if (const char* p = env("TT_METAL_DPRINT_PREPEND_DEVICE_CORE_RISC")) s.prefix = std::string(p) != "0";
  if (const char* file = env("TT_METAL_DPRINT_FILE")) {
    if (FILE* f = std::fopen(file, "a")) s.out = f;
  }
  return s;
}

const DprintSettings& settings() {
  static const DprintSettings s = read_settings();
  return s;
}

std::mutex g_print_mu;

}  // namespace

bool dprint_enabled() { return env("TT_METAL_DPRINT_CORES") != nullptr; }

namespace dev {

void dprint_line(const char* text, const char* risc) {
  KernelThread& t = current_thread();
  const DprintSettings& s = settings();
  if (!s.all_cores && s.cores.count({t.core->x, t.core->y}) == 0) return;
  // A compute kernel's plain DPRINT runs on each of the three TRISCs.
  std::vector<std::string> riscs;
  if (risc != nullptr) {
    riscs.push_back(risc);
  } else if (t.role == Role::compute) {
    riscs = {"TR0", "TR1", "TR2"};
  } else {
    riscs.push_back(t.role == Role::brisc ? "BR" : "NC");
  }
  std::lock_guard<std::mutex> lock(g_print_mu);
  for (const std::string& r : riscs) {
    if (!s.riscs.empty() && s.riscs.count(r) == 0) continue;
    if (s.prefix) std::fprintf(s.out, "0:(x=%u,y=%u):%s: ", t.core->x, t.core->y, r.c_str());
    std::fputs(text, s.out);
  }
  std::fflush(s.out);
}

}  // namespace dev
}  // namespace tilesplit::emu
