//===- ParseValue.h - Checked parsing of command-line values ----*- C++ -*-===//
//
// Numbers, XxY pairs and tensor sizes as the tools take them on the command
// line. Each parser consumes all of its text (no sign where none is allowed, no
// spaces, no trailing characters) and rejects values its type cannot hold;
// none throws. Plain C++17 without LLVM: tilesplit-run's harness, which is
// built without LLVM, parses the same values again.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_SUPPORT_PARSEVALUE_H
#define TILESPLIT_SUPPORT_PARSEVALUE_H

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

namespace tilesplit {

/// A decimal integer in [0, Max], or nothing.
inline std::optional<std::uint64_t> parseUnsigned(std::string_view Text,
                                                  std::uint64_t Max = UINT64_MAX) {
  std::uint64_t V = 0;
  const char *End = Text.data() + Text.size();
  auto [Ptr, Ec] = std::from_chars(Text.data(), End, V);
  if (Ec != std::errc() || Ptr != End || V > Max)
    return std::nullopt;
  return V;
}

/// A finite decimal number ("0.5", "-2", "1e-3"), or nothing: no "inf", "nan",
/// hex floats, or values beyond double's range.
inline std::optional<double> parseNumber(std::string_view Text) {
  double V = 0;
  const char *End = Text.data() + Text.size();
  auto [Ptr, Ec] = std::from_chars(Text.data(), End, V);
  if (Ec != std::errc() || Ptr != End || !std::isfinite(V))
    return std::nullopt;
  return V;
}

/// A fraction: a finite decimal number from 0 to 1 ("0.05", "0", "1"), or nothing.
inline std::optional<double> parseFraction(std::string_view Text) {
  std::optional<double> V = parseNumber(Text);
  if (!V || *V < 0 || *V > 1)
    return std::nullopt;
  return V;
}

/// "XxY" with 1 <= X, Y <= Max, or nothing.
inline std::optional<std::pair<std::uint64_t, std::uint64_t>>
parseXxY(std::string_view Text, std::uint64_t Max) {
  size_t Sep = Text.find('x');
  if (Sep == std::string_view::npos)
    return std::nullopt;
  std::optional<std::uint64_t> X = parseUnsigned(Text.substr(0, Sep), Max);
  std::optional<std::uint64_t> Y = parseUnsigned(Text.substr(Sep + 1), Max);
  if (!X || !Y || !*X || !*Y)
    return std::nullopt;
  return std::make_pair(*X, *Y);
}

/// Why \p LoText and \p HiText are not the bounds of a
/// std::uniform_real_distribution<float> (finite floats, LO <= HI, and HI - LO
/// a float too), or nullptr when they are, with the bounds in \p Lo and \p Hi.
inline const char *checkFloatRange(std::string_view LoText, std::string_view HiText, float &Lo,
                                   float &Hi) {
  std::optional<double> L = parseNumber(LoText), H = parseNumber(HiText);
  if (!L)
    return "LO is not a finite number";
  if (!H)
    return "HI is not a finite number";
  if (std::fabs(*L) > FLT_MAX)
    return "LO is outside the range of float";
  if (std::fabs(*H) > FLT_MAX)
    return "HI is outside the range of float";
  if (*L > *H)
    return "LO is greater than HI";
  if (*H - *L > FLT_MAX)
    return "HI - LO is outside the range of float";
  Lo = float(*L);
  Hi = float(*H);
  return nullptr;
}

/// tilesplit-run's largest tensor: 2^28 elements, 1 GiB as float32 (the host
/// keeps several copies of every tensor, and the emulator one more in DRAM).
constexpr std::uint64_t MaxTensorElements = std::uint64_t(1) << 28;

/// Why \p Text is not a tensor size "ROWSxCOLS" (positive multiples of 32, at
/// most MaxTensorElements elements), or nullptr when it is one, with the size
/// in \p Rows and \p Cols.
inline const char *checkTensorSize(std::string_view Text, unsigned &Rows, unsigned &Cols) {
  auto Size = parseXxY(Text, UINT64_MAX);
  if (!Size)
    return "not ROWSxCOLS with positive ROWS and COLS";
  // Each factor is checked first, so that the product cannot overflow.
  if (Size->first > MaxTensorElements || Size->second > MaxTensorElements ||
      Size->first * Size->second > MaxTensorElements)
    return "more than 268435456 (2^28) elements";
  if (Size->first % 32 || Size->second % 32)
    return "ROWS and COLS must be multiples of 32";
  Rows = unsigned(Size->first);
  Cols = unsigned(Size->second);
  return nullptr;
}

} // namespace tilesplit

#endif // TILESPLIT_SUPPORT_PARSEVALUE_H
