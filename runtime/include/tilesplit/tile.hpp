// <tilesplit/tile.hpp> -- the types and operations of annotated tile kernels.
//
// An annotated kernel file is ordinary C++17. Compiled against this header and run on the CPU it is
// the reference implementation that generated TT-Metalium kernels are checked against, so every
// operation below has exactly one documented result:
//   - arithmetic is IEEE-754 binary32 (float), one rounding per operation, no fused multiply-add
//     inside the header (do not compile the reference with -ffast-math or -ffp-contract=fast);
//   - reading a Tensor<bf16> tile widens each element exactly to float; writing one rounds each
//     element to bf16, round-to-nearest-even;
//   - NaN, infinities, subnormals and -0 follow Tenstorrent hardware (the special-values section below): every
//     operation reads a subnormal or -0 as +0 and writes one as +0, arithmetic NaNs are one quiet
//     NaN, and a NaN stored to a Tensor<bf16> becomes an infinity of its sign.
// Full reference: docs/language-reference.md.
#ifndef TILESPLIT_TILE_HPP
#define TILESPLIT_TILE_HPP

// `#pragma tt ...` lines are for the translator; to the C++ compiler they are unknown pragmas.
// Clang: the pragma below silences -Wunknown-pragmas for the rest of the translation unit.
// GCC: `#pragma GCC diagnostic` cannot silence -Wunknown-pragmas in C++ (GCC bug 53431: the C++
// front end lexes the whole file before it applies diagnostic pragmas; with g++ 12 the line below
// has no effect). Compile annotated files with g++ -Wno-unknown-pragmas. The GCC line stays for any
// GCC that does apply it; it is harmless where it does not.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wunknown-pragmas"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunknown-pragmas"
#endif

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace tilesplit {

// ---------------------------------------------------------------------------------------------
// bf16
// ---------------------------------------------------------------------------------------------

// 16-bit brain float: the top 16 bits of an IEEE binary32 (1 sign, 8 exponent, 7 mantissa bits).
struct bf16 {
  uint16_t raw = 0;  // the bit pattern; bf16{} is +0

  bf16() = default;
  // Rounds f to nearest bf16, ties to even; overflow gives +-inf; NaN gives a quiet NaN.
  bf16(float f) : raw(round(f)) {}  // NOLINT(google-explicit-constructor): implicit on purpose

  // The bf16 whose bit pattern is b (no rounding; any pattern, including NaNs, is kept as is).
  static bf16 from_bits(uint16_t b) {
    bf16 h;
    h.raw = b;
    return h;
  }
  // The bit pattern.
  uint16_t bits() const { return raw; }
  // Exact widening: the float whose top 16 bits are bits() and whose low 16 bits are 0.
  float to_float() const {
    const uint32_t u = uint32_t(raw) << 16;
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
  }
  // Same as to_float().
  operator float() const { return to_float(); }  // NOLINT(google-explicit-constructor)

 private:
  static uint16_t round(float f) {
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    if ((u & 0x7fffffffu) > 0x7f800000u)  // NaN: keep sign and top payload bits, force quiet
      return uint16_t((u >> 16) | 0x0040u);
    u += 0x7fffu + ((u >> 16) & 1u);  // round to nearest, ties to even (carry may reach inf)
    return uint16_t(u >> 16);
  }
};

// ---------------------------------------------------------------------------------------------
// Special values: NaN, infinities, subnormals and -0 as Tenstorrent hardware treats them
// ---------------------------------------------------------------------------------------------
//
// The one place where the reference decides them; the emulator applies the same rules
// (emu/src/numerics.hpp), and docs/emulator.md#special-values has the table with its sources.
// Hardware facts (Wormhole B0; tt-isa-documentation FloatBitPatterns.md, SFPMAD.md and
// Packers/FormatConversion.md, and ttsim's model of them):
//   - the FPU reads a subnormal as zero and never writes one; copies into DST flush subnormals and
//     -0 to +0; SFPU arithmetic reads subnormals as zero and writes subnormal and -0 results as +0;
//   - the SFPU follows IEEE-754 for NaN and infinities but does not specify a NaN's sign or
//     payload; the FPU never writes a NaN (it reads exponent 255 as an ordinary exponent: not
//     modelled, see the docs);
//   - the packer's rounding to bf16 turns a NaN into an infinity of the same sign, and subnormals
//     and -0 into +0; packing to float32 keeps every bit.
namespace detail {
inline uint32_t bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
inline float from_bits(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}
// The quiet NaN every arithmetic operation returns for a NaN result.
inline float nan_value() { return from_bits(0x7fc00000u); }
// An operand as an operation reads it: a subnormal or a zero (either sign) is +0, anything else
// (NaN and infinities included) keeps its bits.
inline float operand(float x) { return (bits(x) & 0x7f800000u) == 0 ? 0.0f : x; }
// An arithmetic result as an operation writes it: a NaN is nan_value(), a subnormal or -0 is +0.
inline float result(float r) {
  const uint32_t u = bits(r);
  if ((u & 0x7fffffffu) > 0x7f800000u) return nan_value();
  return (u & 0x7f800000u) == 0 ? 0.0f : r;
}
// x's place in the SFPU's and FPU max's sign-magnitude total order:
// -NaN < -inf < ... < -0 < +0 < ... < +inf < +NaN (larger payloads further out).
inline int64_t order(float x) {
  const uint32_t u = bits(x);
  return (u & 0x80000000u) ? -int64_t(u & 0x7fffffffu) - 1 : int64_t(u);
}
// The larger of a and b in order() (b on a tie): what the max reduction keeps.
inline float hw_max(float a, float b) { return order(b) >= order(a) ? b : a; }
// The elementwise arithmetic of tiles and scalars, and matmul's and the sums' steps.
inline float add(float a, float b) { return result(operand(a) + operand(b)); }
inline float sub(float a, float b) { return result(operand(a) - operand(b)); }
inline float mul(float a, float b) { return result(operand(a) * operand(b)); }
// An element as a tile store (the packer) writes it to a Tensor<T>: to bf16, rounded to nearest
// even, a NaN becomes the infinity of its sign and a subnormal or -0 becomes +0 (the packer's
// rounding conversion; tt-llk never sets its raw mode for bf16); to float, the bits, a subnormal
// or -0 as +0 (operations never write one).
template <class T> T store(float x);
template <> inline bf16 store<bf16>(float x) {
  const uint32_t u = bits(x);
  if ((u & 0x7fffffffu) > 0x7f800000u) return bf16::from_bits(uint16_t(((u >> 16) & 0x8000u) | 0x7f80u));
  return bf16(operand(x));
}
template <> inline float store<float>(float x) { return operand(x); }
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Tile
// ---------------------------------------------------------------------------------------------

inline constexpr uint32_t tile_dim = 32;                     // rows (and columns) of a tile
inline constexpr uint32_t tile_elems = tile_dim * tile_dim;  // elements of a tile (1024)

// A 32x32 value of floats, row-major. A default-constructed Tile is all +0.
struct Tile {
  float v[tile_dim][tile_dim] = {};

  // Element (r, c), unchecked.
  float& operator()(uint32_t r, uint32_t c) { return v[r][c]; }
  float operator()(uint32_t r, uint32_t c) const { return v[r][c]; }
  // Element (r, c); throws std::out_of_range unless r < 32 and c < 32.
  float& at(uint32_t r, uint32_t c) { return v[check(r, c)][c]; }
  float at(uint32_t r, uint32_t c) const { return v[check(r, c)][c]; }

  // Elementwise this = this op o (float arithmetic; special values: detail::result).
  Tile& operator+=(const Tile& o) { return zip(o, detail::add); }
  Tile& operator-=(const Tile& o) { return zip(o, detail::sub); }
  Tile& operator*=(const Tile& o) { return zip(o, detail::mul); }
  // Elementwise this = this op s.
  Tile& operator+=(float s) { return each([s](float a) { return detail::add(a, s); }); }
  Tile& operator-=(float s) { return each([s](float a) { return detail::sub(a, s); }); }
  Tile& operator*=(float s) { return each([s](float a) { return detail::mul(a, s); }); }

 private:
  static uint32_t check(uint32_t r, uint32_t c) {
    if (r >= tile_dim || c >= tile_dim)
      throw std::out_of_range("tilesplit::Tile::at(" + std::to_string(r) + ", " +
                              std::to_string(c) + "): a tile is 32x32");
    return r;
  }
  template <class F> Tile& each(F f) {
    for (auto& row : v)
      for (float& x : row) x = f(x);
    return *this;
  }
  template <class F> Tile& zip(const Tile& o, F f) {
    for (uint32_t r = 0; r < tile_dim; ++r)
      for (uint32_t c = 0; c < tile_dim; ++c) v[r][c] = f(v[r][c], o.v[r][c]);
    return *this;
  }
};

namespace detail {
// out(r, c) = f(x) for every element x of t, read as an operand (subnormals and -0 as +0).
template <class F> Tile map(const Tile& t, F f) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r)
    for (uint32_t c = 0; c < tile_dim; ++c) out.v[r][c] = f(operand(t.v[r][c]));
  return out;
}
}  // namespace detail

// A tile of +0.
inline Tile zeros() { return Tile{}; }
// A tile with every element x (a subnormal x gives +0).
inline Tile fill(float x) { return detail::map(Tile{}, [x](float) { return detail::operand(x); }); }

// Elementwise a op b.
inline Tile operator+(const Tile& a, const Tile& b) { return Tile(a) += b; }
inline Tile operator-(const Tile& a, const Tile& b) { return Tile(a) -= b; }
inline Tile operator*(const Tile& a, const Tile& b) { return Tile(a) *= b; }
// Elementwise with a scalar: t op s and s op t, per element.
inline Tile operator+(const Tile& t, float s) { return Tile(t) += s; }
inline Tile operator+(float s, const Tile& t) {
  return detail::map(t, [s](float x) { return detail::add(s, x); });
}
inline Tile operator-(const Tile& t, float s) { return Tile(t) -= s; }
inline Tile operator-(float s, const Tile& t) {
  return detail::map(t, [s](float x) { return detail::sub(s, x); });
}
inline Tile operator*(const Tile& t, float s) { return Tile(t) *= s; }
inline Tile operator*(float s, const Tile& t) {
  return detail::map(t, [s](float x) { return detail::mul(s, x); });
}
// Elementwise -x: flips the sign bit, also of a NaN; -(+0) is +0 (as every zero result).
// (tt-llk: negative_tile flips the sign with SFPMOV.)
inline Tile operator-(const Tile& t) {
  return detail::map(t, [](float x) { return x == 0.0f ? 0.0f : -x; });
}

// Unary functions, elementwise, in float. Functions of the C library are its float versions
// (std::exp(float) is expf, and so on). Each reads its operand as detail::operand() and, where it
// computes, writes detail::result(); the special cases that differ from the C library are the
// hardware's (docs/emulator.md#special-values).
// e^x. A NaN acts as an infinity of its sign: exp(+NaN) = +inf, exp(-NaN) = +0 (tt-metal
// ckernel_sfpu_exp.h clamps x/ln2 + 127 to [0, 255] with a sign-magnitude min/max).
inline Tile exp(const Tile& t) {
  return detail::map(t, [](float x) {
    if (std::isnan(x)) return std::signbit(x) ? 0.0f : INFINITY;
    return detail::result(std::exp(x));
  });
}
// Natural logarithm: log(0) = -inf, log(+inf) = +inf, log(x < 0) = NaN, log(NaN) = NaN.
inline Tile log(const Tile& t) {
  return detail::map(t, [](float x) { return detail::result(std::log(x)); });
}
// Square root: sqrt(x < 0) = NaN (also -inf), sqrt(+inf) = +inf.
inline Tile sqrt(const Tile& t) {
  return detail::map(t, [](float x) { return detail::result(std::sqrt(x)); });
}
// 1.0f / std::sqrt(x): rsqrt(0) = +inf, rsqrt(+inf) = +0, rsqrt(x < 0) = NaN.
inline Tile rsqrt(const Tile& t) {
  return detail::map(t, [](float x) { return detail::result(1.0f / std::sqrt(x)); });
}
// 1.0f / x: recip(0) = +inf, recip(±inf) = +0, and recip(NaN) = +0 (tt-llk ckernel_sfpu_recip.h
// scales by a power of two taken from the exponent, which is 0 for exponent 255).
inline Tile recip(const Tile& t) {
  return detail::map(t, [](float x) { return std::isnan(x) ? 0.0f : detail::result(1.0f / x); });
}
// max(x, +0) in the sign-magnitude order: x unless its sign bit is set, else +0. So relu(+NaN) is
// that NaN, relu(-NaN) = +0 and relu(-inf) = +0 (tt-llk ckernel_sfpu_relu.h: SFPSWAP with 0).
inline Tile relu(const Tile& t) {
  return detail::map(t, [](float x) { return std::signbit(x) ? 0.0f : x; });
}
// Exact (erf) GELU: 0.5f * x * (1.0f + std::erf(x / s)), where s is sqrt(2) rounded to float
// (1.41421354f). Not the tanh approximation. gelu(+inf) = +inf, gelu(-inf) = +0; a NaN acts as an
// infinity of its sign, but gelu(+NaN) is NaN (tt-metal ckernel_sfpu_gelu.h, exact path: x >= 3
// returns x, x < -5.5 returns 0).
inline Tile gelu(const Tile& t) {
  return detail::map(t, [](float x) {
    if (std::isnan(x)) return std::signbit(x) ? 0.0f : detail::nan_value();
    if (x == -INFINITY) return 0.0f;
    return detail::result(0.5f * x * (1.0f + std::erf(x / 1.41421356237309505f)));
  });
}
// 1.0f / (1.0f + std::exp(-x)): sigmoid(+inf) = 1, sigmoid(-inf) = +0; a NaN acts as an infinity of
// its sign (tt-metal ckernel_sfpu_sigmoid.h: recip(1 + exp(-x)) with exp's and recip's rules).
inline Tile sigmoid(const Tile& t) {
  return detail::map(t, [](float x) {
    if (std::isnan(x)) return std::signbit(x) ? 0.0f : 1.0f;
    return detail::result(1.0f / (1.0f + std::exp(-x)));
  });
}
// Hyperbolic tangent: tanh(±inf) = ±1, tanh(NaN) = NaN.
inline Tile tanh(const Tile& t) {
  return detail::map(t, [](float x) { return detail::result(std::tanh(x)); });
}
// |x|: clears the sign bit, except of a NaN, which is kept as it is (SFPABS leaves -NaN).
inline Tile abs(const Tile& t) {
  return detail::map(t, [](float x) { return std::isnan(x) ? x : std::fabs(x); });
}
// x * x.
inline Tile square(const Tile& t) {
  return detail::map(t, [](float x) { return detail::mul(x, x); });
}
// -x (same as unary minus).
inline Tile neg(const Tile& t) { return -t; }

// Matrix product: out(i, j) = sum over k = 0, 1, ..., 31 of x(i, k) * y(k, j), accumulated in one
// float starting from +0 in increasing k; each product and each sum rounded to float (no FMA), as
// detail::mul and detail::add (subnormals are +0, a NaN is the quiet NaN).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC push_options
#pragma GCC optimize("fp-contract=off")
#endif
inline Tile matmul(const Tile& x, const Tile& y) {
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
  Tile out;
  for (uint32_t i = 0; i < tile_dim; ++i)
    for (uint32_t j = 0; j < tile_dim; ++j) {
      float acc = 0.0f;
      for (uint32_t k = 0; k < tile_dim; ++k) acc = detail::add(acc, detail::mul(x.v[i][k], y.v[k][j]));
      out.v[i][j] = acc;
    }
  return out;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC pop_options
#endif

// Reductions within a tile. The result lands where tt-metal's reduce puts it; every other element
// of the returned tile is +0. Sums start from +0 and add in increasing index order, in float, as
// detail::add. Maxima return the largest element in the hardware's sign-magnitude order
// (detail::order: -NaN < -inf < ... < +inf < +NaN, subnormals and -0 read as +0), so a +NaN always
// wins and a -NaN only when every element is one (ttsim GMPOOL: the FPU's max pool).
namespace detail {
inline float max_step(float m, float x) { return hw_max(m, operand(x)); }
}  // namespace detail

// out(r, 0) = t(r, 0) + t(r, 1) + ... + t(r, 31).
inline Tile row_sum(const Tile& t) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r) {
    float s = 0.0f;
    for (uint32_t c = 0; c < tile_dim; ++c) s = detail::add(s, t.v[r][c]);
    out.v[r][0] = s;
  }
  return out;
}
// out(r, 0) = max over c of t(r, c).
inline Tile row_max(const Tile& t) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r) {
    float m = detail::operand(t.v[r][0]);
    for (uint32_t c = 1; c < tile_dim; ++c) m = detail::max_step(m, t.v[r][c]);
    out.v[r][0] = m;
  }
  return out;
}
// out(0, c) = t(0, c) + t(1, c) + ... + t(31, c).
inline Tile col_sum(const Tile& t) {
  Tile out;
  for (uint32_t c = 0; c < tile_dim; ++c) {
    float s = 0.0f;
    for (uint32_t r = 0; r < tile_dim; ++r) s = detail::add(s, t.v[r][c]);
    out.v[0][c] = s;
  }
  return out;
}
// out(0, c) = max over r of t(r, c).
inline Tile col_max(const Tile& t) {
  Tile out;
  for (uint32_t c = 0; c < tile_dim; ++c) {
    float m = detail::operand(t.v[0][c]);
    for (uint32_t r = 1; r < tile_dim; ++r) m = detail::max_step(m, t.v[r][c]);
    out.v[0][c] = m;
  }
  return out;
}
// out(0, 0) = sum of all 1024 elements, one accumulator, row-major order.
inline Tile tile_sum(const Tile& t) {
  Tile out;
  float s = 0.0f;
  for (const auto& row : t.v)
    for (float x : row) s = detail::add(s, x);
  out.v[0][0] = s;
  return out;
}
// out(0, 0) = max of all 1024 elements.
inline Tile tile_max(const Tile& t) {
  Tile out;
  float m = detail::operand(t.v[0][0]);
  for (const auto& row : t.v)
    for (float x : row) m = detail::max_step(m, x);
  out.v[0][0] = m;
  return out;
}

// Broadcasts and the transpose move elements as they are (NaNs keep their bits), except that a
// subnormal or -0 becomes +0 (detail::operand), as on its way through the FPU.
// Broadcasts: out(r, c) = t(0, c) (row 0 to every row).
inline Tile bcast_row(const Tile& t) {
  Tile out;
  for (auto& row : out.v)
    for (uint32_t c = 0; c < tile_dim; ++c) row[c] = detail::operand(t.v[0][c]);
  return out;
}
// out(r, c) = t(r, 0) (column 0 to every column).
inline Tile bcast_col(const Tile& t) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r)
    for (float& x : out.v[r]) x = detail::operand(t.v[r][0]);
  return out;
}
// out(r, c) = t(0, 0).
inline Tile bcast_scalar(const Tile& t) { return fill(t.v[0][0]); }
// out(r, c) = t(c, r).
inline Tile transpose(const Tile& t) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r)
    for (uint32_t c = 0; c < tile_dim; ++c) out.v[r][c] = detail::operand(t.v[c][r]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tensor
// ---------------------------------------------------------------------------------------------

// A rows x cols matrix of T (bf16 or float), row-major; rows and cols are multiples of 32. A Tensor
// is a handle: copies share the elements (a kernel taking Tensor<bf16> by value writes the
// caller's tensor), and const applies to the handle, not to the elements.
template <class T> class Tensor {
  static_assert(std::is_same<T, bf16>::value || std::is_same<T, float>::value,
                "tilesplit::Tensor<T>: T must be bf16 or float");

 public:
  using value_type = T;

  // A reference to one 32x32 tile of a tensor. Reading it (conversion to Tile) widens each element
  // to float (a subnormal or -0 reads as +0); assigning a Tile writes each element converted to T
  // as the packer does (detail::store: bf16 rounds to nearest even and a NaN becomes an infinity
  // of its sign).
  // Note: `auto x = t.tile(i);` is a TileRef; write `Tile x = t.tile(i);` to take a copy.
  class TileRef {
   public:
    // The tile's current value, widened to float.
    operator Tile() const {  // NOLINT(google-explicit-constructor)
      Tile out;
      for (uint32_t r = 0; r < tile_dim; ++r)
        for (uint32_t c = 0; c < tile_dim; ++c) out.v[r][c] = detail::operand(float(*elem(r, c)));
      return out;
    }
    // Stores t, each element converted to T.
    TileRef& operator=(const Tile& t) {
      for (uint32_t r = 0; r < tile_dim; ++r)
        for (uint32_t c = 0; c < tile_dim; ++c) *elem(r, c) = detail::store<T>(t.v[r][c]);
      return *this;
    }
    // Copies the other tile's value (not the reference): same as *this = Tile(o).
    TileRef& operator=(const TileRef& o) { return *this = Tile(o); }
    // Read-modify-write: *this = Tile(*this) op t (float arithmetic, one rounding to T at the end).
    TileRef& operator+=(const Tile& t) { return *this = Tile(*this) + t; }
    TileRef& operator-=(const Tile& t) { return *this = Tile(*this) - t; }
    TileRef& operator*=(const Tile& t) { return *this = Tile(*this) * t; }
    TileRef(const TileRef&) = default;

   private:
    friend class Tensor;
    TileRef(Tensor t, uint32_t r0, uint32_t c0) : t_(std::move(t)), r0_(r0), c0_(c0) {}
    T* elem(uint32_t r, uint32_t c) const {
      return t_.data() + size_t(r0_ + r) * t_.cols() + (c0_ + c);
    }
    Tensor t_;
    uint32_t r0_, c0_;  // element coordinates of the tile's top-left corner
  };

  // An empty 0 x 0 tensor.
  Tensor() : Tensor(0, 0) {}
  // A rows x cols tensor of zeros; throws std::invalid_argument unless both are multiples of 32.
  Tensor(uint32_t rows, uint32_t cols)
      : rows_(rows), cols_(cols), data_(std::make_shared<std::vector<T>>(check(rows, cols))) {}

  uint32_t rows() const { return rows_; }                    // rows, in elements
  uint32_t cols() const { return cols_; }                    // columns, in elements
  uint32_t tile_rows() const { return rows_ / tile_dim; }    // rows / 32
  uint32_t tile_cols() const { return cols_ / tile_dim; }    // cols / 32
  uint32_t num_tiles() const { return tile_rows() * tile_cols(); }  // tile_rows() * tile_cols()

  // The tile at tile-row r, tile-column c: elements [32r, 32r+32) x [32c, 32c+32).
  // Throws std::out_of_range unless r < tile_rows() and c < tile_cols().
  TileRef tile(uint32_t r, uint32_t c) const {
    if (r >= tile_rows() || c >= tile_cols())
      throw std::out_of_range("tilesplit::Tensor::tile(" + std::to_string(r) + ", " +
                              std::to_string(c) + "): tensor has " + shape());
    return TileRef(*this, r * tile_dim, c * tile_dim);
  }
  // The tile with page id `id`, i.e. tile(id / tile_cols(), id % tile_cols()).
  // Throws std::out_of_range unless id < num_tiles().
  TileRef tile(uint32_t id) const {
    if (id >= num_tiles())
      throw std::out_of_range("tilesplit::Tensor::tile(" + std::to_string(id) + "): tensor has " +
                              shape());
    return TileRef(*this, id / tile_cols() * tile_dim, id % tile_cols() * tile_dim);
  }

  // Element (r, c); throws std::out_of_range unless r < rows() and c < cols().
  T& at(uint32_t r, uint32_t c) const {
    if (r >= rows_ || c >= cols_)
      throw std::out_of_range("tilesplit::Tensor::at(" + std::to_string(r) + ", " +
                              std::to_string(c) + "): tensor is " + std::to_string(rows_) + "x" +
                              std::to_string(cols_));
    return data()[size_t(r) * cols_ + c];
  }
  // The rows() * cols() elements, row-major (element (r, c) at index r * cols() + c).
  T* data() const { return data_->data(); }
  // rows() * cols().
  size_t size() const { return data_->size(); }

 private:
  static size_t check(uint32_t rows, uint32_t cols) {
    if (rows % tile_dim != 0 || cols % tile_dim != 0)
      throw std::invalid_argument("tilesplit::Tensor(" + std::to_string(rows) + ", " +
                                  std::to_string(cols) + "): sizes must be multiples of 32");
    return size_t(rows) * cols;
  }
  std::string shape() const {
    return std::to_string(tile_rows()) + "x" + std::to_string(tile_cols()) + " tiles";
  }

  uint32_t rows_, cols_;
  std::shared_ptr<std::vector<T>> data_;
};

}  // namespace tilesplit

#endif  // TILESPLIT_TILE_HPP
