//===- Target.h - The hardware a program is generated for -----------------===//
#ifndef TILESPLIT_PASSES_TARGET_H
#define TILESPLIT_PASSES_TARGET_H

#include <optional>
#include <string>

namespace tilesplit {

struct Target {
  std::string Arch = "wormhole_b0";
  unsigned GridX = 8, GridY = 8;
  unsigned L1Bytes = 1464 * 1024;
  /// L1 below this offset holds firmware, runtime args and CB configuration.
  unsigned L1ReservedBytes = 128 * 1024;
  unsigned NumCbs = 32;
  unsigned DramBanks = 12;
  bool Fp32DestAcc = false;

  /// DST tiles available per acquire in half-sync mode.
  unsigned dstCapacity() const { return Fp32DestAcc ? 4 : 8; }
  unsigned l1Budget() const { return L1Bytes - L1ReservedBytes; }

  /// wormhole_b0 or blackhole; nullopt for an unknown name.
  static std::optional<Target> forArch(const std::string &Name);
};

} // namespace tilesplit

#endif
