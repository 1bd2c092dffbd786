// <tilesplit/tile.hpp> -- the types and operations of annotated tile kernels.
//
// An annotated kernel file is ordinary C++17. Compiled against this header and run on the CPU it is
// the reference implementation that generated TT-Metalium kernels are checked against, so every
// operation below has exactly one documented result:
//   - arithmetic is IEEE-754 binary32 (float), one rounding per operation, no fused multiply-add
//     inside the header (do not compile the reference with -ffast-math or -ffp-contract=fast);
//   - reading a Tensor<bf16> tile widens each element exactly to float; writing one rounds each
//     element to bf16, round-to-nearest-even.
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

  // Elementwise this = this op o (float arithmetic).
  Tile& operator+=(const Tile& o) { return zip(o, [](float a, float b) { return a + b; }); }
  Tile& operator-=(const Tile& o) { return zip(o, [](float a, float b) { return a - b; }); }
  Tile& operator*=(const Tile& o) { return zip(o, [](float a, float b) { return a * b; }); }
  // Elementwise this = this op s.
  Tile& operator+=(float s) { return each([s](float a) { return a + s; }); }
  Tile& operator-=(float s) { return each([s](float a) { return a - s; }); }
  Tile& operator*=(float s) { return each([s](float a) { return a * s; }); }

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
template <class F> Tile map(const Tile& t, F f) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r)
    for (uint32_t c = 0; c < tile_dim; ++c) out.v[r][c] = f(t.v[r][c]);
  return out;
}
template <class F> Tile map2(const Tile& a, const Tile& b, F f) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r)
    for (uint32_t c = 0; c < tile_dim; ++c) out.v[r][c] = f(a.v[r][c], b.v[r][c]);
  return out;
}
}  // namespace detail

// A tile of +0.
inline Tile zeros() { return Tile{}; }
// A tile with every element x.
inline Tile fill(float x) { return detail::map(Tile{}, [x](float) { return x; }); }

// Elementwise a op b.
inline Tile operator+(const Tile& a, const Tile& b) { return Tile(a) += b; }
inline Tile operator-(const Tile& a, const Tile& b) { return Tile(a) -= b; }
inline Tile operator*(const Tile& a, const Tile& b) { return Tile(a) *= b; }
// Elementwise with a scalar: t op s and s op t, per element.
inline Tile operator+(const Tile& t, float s) { return Tile(t) += s; }
inline Tile operator+(float s, const Tile& t) {
  return detail::map(t, [s](float x) { return s + x; });
}
inline Tile operator-(const Tile& t, float s) { return Tile(t) -= s; }
inline Tile operator-(float s, const Tile& t) {
  return detail::map(t, [s](float x) { return s - x; });
}
inline Tile operator*(const Tile& t, float s) { return Tile(t) *= s; }
inline Tile operator*(float s, const Tile& t) {
  return detail::map(t, [s](float x) { return s * x; });
}
// Elementwise -x (flips the sign bit; -0 for +0).
inline Tile operator-(const Tile& t) { return detail::map(t, [](float x) { return -x; }); }

// Unary functions, elementwise, in float. Functions of the C library are its float versions
// (std::exp(float) is expf, and so on).
// e^x.
inline Tile exp(const Tile& t) { return detail::map(t, [](float x) { return std::exp(x); }); }
// Natural logarithm (log(0) = -inf, log(x < 0) = NaN).
inline Tile log(const Tile& t) { return detail::map(t, [](float x) { return std::log(x); }); }
// Square root (sqrt(x < 0) = NaN).
inline Tile sqrt(const Tile& t) { return detail::map(t, [](float x) { return std::sqrt(x); }); }
// 1.0f / std::sqrt(x).
inline Tile rsqrt(const Tile& t) {
  return detail::map(t, [](float x) { return 1.0f / std::sqrt(x); });
}
// 1.0f / x.
inline Tile recip(const Tile& t) { return detail::map(t, [](float x) { return 1.0f / x; }); }
// max(x, 0): x if x > 0, NaN if x is NaN, else +0.
inline Tile relu(const Tile& t) {
  return detail::map(t, [](float x) { return (x > 0.0f || std::isnan(x)) ? x : 0.0f; });
}
// Exact (erf) GELU: 0.5f * x * (1.0f + std::erf(x / s)), where s is sqrt(2) rounded to float
// (1.41421354f). Not the tanh approximation.
inline Tile gelu(const Tile& t) {
  return detail::map(t, [](float x) {
    return 0.5f * x * (1.0f + std::erf(x / 1.41421356237309505f));
  });
}
// 1.0f / (1.0f + std::exp(-x)).
inline Tile sigmoid(const Tile& t) {
  return detail::map(t, [](float x) { return 1.0f / (1.0f + std::exp(-x)); });
}
// Hyperbolic tangent.
inline Tile tanh(const Tile& t) { return detail::map(t, [](float x) { return std::tanh(x); }); }
// |x| (clears the sign bit).
inline Tile abs(const Tile& t) { return detail::map(t, [](float x) { return std::fabs(x); }); }
// x * x.
inline Tile square(const Tile& t) { return detail::map(t, [](float x) { return x * x; }); }
// -x (same as unary minus).
inline Tile neg(const Tile& t) { return -t; }

// Matrix product: out(i, j) = sum over k = 0, 1, ..., 31 of x(i, k) * y(k, j), accumulated in one
// float starting from +0 in increasing k; each product and each sum rounded to float (no FMA).
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
      for (uint32_t k = 0; k < tile_dim; ++k) acc += x.v[i][k] * y.v[k][j];
      out.v[i][j] = acc;
    }
  return out;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC pop_options
#endif

// Reductions within a tile. The result lands where tt-metal's reduce puts it; every other element
// of the returned tile is +0. Sums start from +0 and add in increasing index order, in float.
// Maxima return the largest element, or NaN if any element of the row/column/tile is NaN.
namespace detail {
inline float max_step(float m, float x) { return (x > m || std::isnan(x)) ? x : m; }  // sticky NaN
}  // namespace detail

// out(r, 0) = t(r, 0) + t(r, 1) + ... + t(r, 31).
inline Tile row_sum(const Tile& t) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r) {
    float s = 0.0f;
    for (uint32_t c = 0; c < tile_dim; ++c) s += t.v[r][c];
    out.v[r][0] = s;
  }
  return out;
}
// out(r, 0) = max over c of t(r, c).
inline Tile row_max(const Tile& t) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r) {
    float m = t.v[r][0];
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
    for (uint32_t r = 0; r < tile_dim; ++r) s += t.v[r][c];
    out.v[0][c] = s;
  }
  return out;
}
// out(0, c) = max over r of t(r, c).
inline Tile col_max(const Tile& t) {
  Tile out;
  for (uint32_t c = 0; c < tile_dim; ++c) {
    float m = t.v[0][c];
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
    for (float x : row) s += x;
  out.v[0][0] = s;
  return out;
}
// out(0, 0) = max of all 1024 elements.
inline Tile tile_max(const Tile& t) {
  Tile out;
  float m = t.v[0][0];
  for (const auto& row : t.v)
    for (float x : row) m = detail::max_step(m, x);
  out.v[0][0] = m;
  return out;
}

// Broadcasts: out(r, c) = t(0, c) (row 0 to every row).
inline Tile bcast_row(const Tile& t) {
  Tile out;
  for (auto& row : out.v) std::memcpy(row, t.v[0], sizeof row);
  return out;
}
// out(r, c) = t(r, 0) (column 0 to every column).
inline Tile bcast_col(const Tile& t) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r)
    for (float& x : out.v[r]) x = t.v[r][0];
  return out;
}
// out(r, c) = t(0, 0).
inline Tile bcast_scalar(const Tile& t) { return fill(t.v[0][0]); }
// out(r, c) = t(c, r).
inline Tile transpose(const Tile& t) {
  Tile out;
  for (uint32_t r = 0; r < tile_dim; ++r)
    for (uint32_t c = 0; c < tile_dim; ++c) out.v[r][c] = t.v[c][r];
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
  // to float; assigning a Tile writes each element converted to T (bf16: round to nearest even).
  // Note: `auto x = t.tile(i);` is a TileRef; write `Tile x = t.tile(i);` to take a copy.
  class TileRef {
   public:
    // The tile's current value, widened to float.
    operator Tile() const {  // NOLINT(google-explicit-constructor)
      Tile out;
      for (uint32_t r = 0; r < tile_dim; ++r)
        for (uint32_t c = 0; c < tile_dim; ++c) out.v[r][c] = float(*elem(r, c));
      return out;
    }
    // Stores t, each element converted to T.
    TileRef& operator=(const Tile& t) {
      for (uint32_t r = 0; r < tile_dim; ++r)
        for (uint32_t c = 0; c < tile_dim; ++c) *elem(r, c) = T(t.v[r][c]);
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
