//===- Target.cpp - Per-architecture limits --------------------------------===//
#include "tilesplit/Passes/Target.h"

namespace tilesplit {

std::optional<Target> Target::forArch(const std::string &Name) {
  Target T;
  if (Name == "wormhole_b0")
    return T;
  if (Name == "blackhole") {
    T.Arch = Name;
    T.GridX = 13;
    T.GridY = 10;
    T.L1Bytes = 1536 * 1024;
    T.NumCbs = 64;
    T.DramBanks = 8;
    return T;
  }
  return std::nullopt;
}

} // namespace tilesplit
