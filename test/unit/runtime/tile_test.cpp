// Tile: elementwise arithmetic, unary functions, matmul, reductions, broadcasts, transpose.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include <tilesplit/tile.hpp>

using tilesplit::Tile;
namespace ts = tilesplit;

namespace {

constexpr uint32_t N = 32;

Tile random_tile(uint32_t seed, float lo = -4.0f, float hi = 4.0f) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(lo, hi);
  Tile t;
  for (uint32_t r = 0; r < N; ++r)
    for (uint32_t c = 0; c < N; ++c) t(r, c) = dist(rng);
  return t;
}

// Bitwise equality, except that any NaN matches any NaN.
::testing::AssertionResult same(float got, float want) {
  if (std::isnan(got) && std::isnan(want)) return ::testing::AssertionSuccess();
  uint32_t g, w;
  std::memcpy(&g, &got, 4);
  std::memcpy(&w, &want, 4);
  if (g == w) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << got << " (0x" << std::hex << g << "), want "
                                       << want << " (0x" << w << ")";
}

// Every element of `got` is want(r, c).
void expect_tile(const Tile& got, const std::function<float(uint32_t, uint32_t)>& want) {
  int failures = 0;
  for (uint32_t r = 0; r < N && failures < 5; ++r)
    for (uint32_t c = 0; c < N && failures < 5; ++c) {
      const auto ok = same(got(r, c), want(r, c));
      if (!ok) ++failures;
      EXPECT_TRUE(ok) << "at (" << r << ", " << c << ")";
    }
}

// Values that exercise the special cases of the unary functions.
std::vector<float> special_values() {
  const float inf = std::numeric_limits<float>::infinity();
  std::vector<float> v = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, -0.5f, 2.0f, -2.0f, 3.0f, -3.0f,
                          10.0f, -10.0f, 88.0f, 89.0f, -104.0f, 1e-30f, -1e-30f, 1e30f, -1e30f,
                          std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::min(),
                          std::numeric_limits<float>::max(), inf, -inf,
                          std::numeric_limits<float>::quiet_NaN()};
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dist(-20.0f, 20.0f);
  while (v.size() < N * N) v.push_back(dist(rng));
  return v;
}

Tile tile_of(const std::vector<float>& v) {
  Tile t;
  for (uint32_t i = 0; i < N * N; ++i) t(i / N, i % N) = v[i];
  return t;
}

}  // namespace

TEST(Tile, ConstructionAndAccess) {
  Tile t;
  expect_tile(t, [](uint32_t, uint32_t) { return 0.0f; });
  expect_tile(ts::zeros(), [](uint32_t, uint32_t) { return 0.0f; });
  expect_tile(ts::fill(2.5f), [](uint32_t, uint32_t) { return 2.5f; });
  expect_tile(ts::fill(-0.0f), [](uint32_t, uint32_t) { return 0.0f; });  // -0 is +0
  t(3, 4) = 7.0f;
  EXPECT_EQ(t.at(3, 4), 7.0f);
  EXPECT_EQ(t.v[3][4], 7.0f);  // row-major storage
  t.at(31, 31) = 1.0f;
  EXPECT_EQ(t(31, 31), 1.0f);
  const Tile& ct = t;
  EXPECT_EQ(ct(3, 4), 7.0f);
  EXPECT_EQ(ct.at(31, 31), 1.0f);
  EXPECT_THROW(t.at(32, 0), std::out_of_range);
  EXPECT_THROW(t.at(0, 32), std::out_of_range);
  EXPECT_THROW(ct.at(100, 100), std::out_of_range);
  static_assert(sizeof(Tile) == 32 * 32 * sizeof(float), "a tile is exactly 1024 floats");
}

TEST(Tile, BinaryOps) {
  const Tile a = random_tile(1), b = random_tile(2);
  expect_tile(a + b, [&](uint32_t r, uint32_t c) { return a(r, c) + b(r, c); });
  expect_tile(a - b, [&](uint32_t r, uint32_t c) { return a(r, c) - b(r, c); });
  expect_tile(a * b, [&](uint32_t r, uint32_t c) { return a(r, c) * b(r, c); });
  expect_tile(-a, [&](uint32_t r, uint32_t c) { return -a(r, c); });
  expect_tile(-ts::zeros(), [](uint32_t, uint32_t) { return 0.0f; });  // zero results are +0
}

TEST(Tile, ScalarOpsBothSides) {
  const Tile t = random_tile(3);
  const float s = 1.7f;
  expect_tile(t + s, [&](uint32_t r, uint32_t c) { return t(r, c) + s; });
  expect_tile(s + t, [&](uint32_t r, uint32_t c) { return s + t(r, c); });
  expect_tile(t - s, [&](uint32_t r, uint32_t c) { return t(r, c) - s; });
  expect_tile(s - t, [&](uint32_t r, uint32_t c) { return s - t(r, c); });
  expect_tile(t * s, [&](uint32_t r, uint32_t c) { return t(r, c) * s; });
  expect_tile(s * t, [&](uint32_t r, uint32_t c) { return s * t(r, c); });
  expect_tile(1.0f - t, [&](uint32_t r, uint32_t c) { return 1.0f - t(r, c); });
  expect_tile(t * 2, [&](uint32_t r, uint32_t c) { return t(r, c) * 2.0f; });  // int promotes
}

TEST(Tile, CompoundAssignment) {
  const Tile a = random_tile(4), b = random_tile(5);
  Tile x = a;
  x += b;
  expect_tile(x, [&](uint32_t r, uint32_t c) { return a(r, c) + b(r, c); });
  x = a;
  x -= b;
  expect_tile(x, [&](uint32_t r, uint32_t c) { return a(r, c) - b(r, c); });
  x = a;
  x *= b;
  expect_tile(x, [&](uint32_t r, uint32_t c) { return a(r, c) * b(r, c); });
  x = a;
  x += 0.25f;
  expect_tile(x, [&](uint32_t r, uint32_t c) { return a(r, c) + 0.25f; });
  x = a;
  x -= 0.25f;
  expect_tile(x, [&](uint32_t r, uint32_t c) { return a(r, c) - 0.25f; });
  x = a;
  x *= 3.0f;
  expect_tile(x, [&](uint32_t r, uint32_t c) { return a(r, c) * 3.0f; });
  x = a;
  x += x;  // aliasing
  expect_tile(x, [&](uint32_t r, uint32_t c) { return a(r, c) + a(r, c); });
}

TEST(Tile, UnaryOpsMatchCmath) {
  // The C library's results on normal floats, its special cases too (log(0) is checked through
  // 1e-30 and below; NaN, infinities, subnormals and zeros: special_values_test.cpp).
  std::vector<float> values = special_values();
  for (float& x : values)
    if (!std::isnormal(x)) x = 0.75f;
  const Tile t = tile_of(values);
  struct Case {
    const char* name;
    Tile (*op)(const Tile&);
    float (*ref)(float);
  };
  const Case cases[] = {
      {"exp", ts::exp, [](float x) { return std::exp(x); }},
      {"log", ts::log, [](float x) { return std::log(x); }},
      {"sqrt", ts::sqrt, [](float x) { return std::sqrt(x); }},
      {"rsqrt", ts::rsqrt, [](float x) { return 1.0f / std::sqrt(x); }},
      {"recip", ts::recip, [](float x) { return 1.0f / x; }},
      {"relu", ts::relu, [](float x) { return std::isnan(x) ? x : x > 0.0f ? x : 0.0f; }},
      {"gelu", ts::gelu,
       [](float x) { return 0.5f * x * (1.0f + std::erf(x / std::sqrt(2.0f))); }},
      {"sigmoid", ts::sigmoid, [](float x) { return 1.0f / (1.0f + std::exp(-x)); }},
      {"tanh", ts::tanh, [](float x) { return std::tanh(x); }},
      {"abs", ts::abs, [](float x) { return std::fabs(x); }},
      {"square", ts::square, [](float x) { return x * x; }},
      {"neg", ts::neg, [](float x) { return -x; }},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.name);
    const Tile got = k.op(t);
    expect_tile(got, [&](uint32_t r, uint32_t c) {
      const float want = k.ref(t(r, c));
      return std::isnormal(want) || !std::isfinite(want) ? want : 0.0f;  // zero results are +0
    });
  }
}

TEST(Tile, UnaryOpsKnownValues) {
  EXPECT_EQ(ts::exp(ts::zeros())(0, 0), 1.0f);
  EXPECT_EQ(ts::log(ts::fill(1.0f))(0, 0), 0.0f);
  EXPECT_EQ(ts::sqrt(ts::fill(9.0f))(5, 5), 3.0f);
  EXPECT_EQ(ts::rsqrt(ts::fill(4.0f))(1, 2), 0.5f);
  EXPECT_EQ(ts::recip(ts::fill(-8.0f))(1, 2), -0.125f);
  EXPECT_TRUE(std::isinf(ts::recip(ts::zeros())(0, 0)));
  EXPECT_EQ(ts::sigmoid(ts::zeros())(0, 0), 0.5f);
  EXPECT_EQ(ts::tanh(ts::zeros())(0, 0), 0.0f);
  EXPECT_EQ(ts::gelu(ts::zeros())(0, 0), 0.0f);
  EXPECT_NEAR(ts::gelu(ts::fill(1.0f))(0, 0), 0.8413447460685429f, 1e-6f);
  EXPECT_NEAR(ts::gelu(ts::fill(-1.0f))(0, 0), -0.15865525393145707f, 1e-6f);
  EXPECT_EQ(ts::square(ts::fill(-3.0f))(0, 0), 9.0f);
  EXPECT_EQ(ts::abs(ts::fill(-3.0f))(0, 0), 3.0f);
  // relu: negatives and -0 give +0, a NaN with its sign bit clear stays (special_values_test.cpp).
  EXPECT_TRUE(same(ts::relu(ts::fill(-0.0f))(0, 0), 0.0f));
  EXPECT_TRUE(same(ts::relu(ts::fill(-5.0f))(0, 0), 0.0f));
  EXPECT_TRUE(std::isnan(ts::relu(ts::fill(std::nanf("")))(0, 0)));
  EXPECT_TRUE(same(ts::abs(ts::fill(-0.0f))(0, 0), 0.0f));
  EXPECT_TRUE(same(ts::neg(ts::zeros())(0, 0), 0.0f));
}

TEST(Tile, MatmulMatchesNaiveReference) {
  for (uint32_t seed = 10; seed < 14; ++seed) {
    const Tile x = random_tile(seed), y = random_tile(seed + 100);
    const Tile z = ts::matmul(x, y);
    expect_tile(z, [&](uint32_t i, uint32_t j) {
      float acc = 0.0f;
      for (uint32_t k = 0; k < N; ++k) {
        volatile float p = x(i, k) * y(k, j);  // rounded product, then rounded sum
        acc = acc + p;
      }
      return acc;
    });
    // And close to the exact (double) product.
    for (uint32_t i = 0; i < N; ++i)
      for (uint32_t j = 0; j < N; ++j) {
        double exact = 0;
        for (uint32_t k = 0; k < N; ++k) exact += double(x(i, k)) * double(y(k, j));
        ASSERT_NEAR(z(i, j), exact, 1e-4);
      }
  }
}

TEST(Tile, MatmulIdentityAndShape) {
  Tile id;
  for (uint32_t i = 0; i < N; ++i) id(i, i) = 1.0f;
  const Tile x = random_tile(20);
  expect_tile(ts::matmul(x, id), [&](uint32_t r, uint32_t c) { return x(r, c); });
  expect_tile(ts::matmul(id, x), [&](uint32_t r, uint32_t c) { return x(r, c); });
  // Non-commutative: (e_0 e_1^T) picks row/column correctly.
  Tile a, b;
  a(2, 5) = 3.0f;
  b(5, 7) = 4.0f;
  expect_tile(ts::matmul(a, b), [](uint32_t r, uint32_t c) { return r == 2 && c == 7 ? 12.0f : 0.0f; });
  expect_tile(ts::matmul(b, a), [](uint32_t, uint32_t) { return 0.0f; });
}

TEST(Tile, MatmulAccumulatesInIncreasingK) {
  // Row 0 of x = [2^24, 1, 1, ..., 1, -2^24], y = all ones: in increasing k each +1 is lost against
  // 2^24 (round to even), so the float sum is 0; any other order would give a different answer.
  Tile x, y = ts::fill(1.0f);
  x(0, 0) = 16777216.0f;
  for (uint32_t k = 1; k < N - 1; ++k) x(0, k) = 1.0f;
  x(0, N - 1) = -16777216.0f;
  EXPECT_EQ(ts::matmul(x, y)(0, 0), 0.0f);
  EXPECT_EQ(ts::matmul(x, y)(0, 31), 0.0f);
}

TEST(Tile, RowReductions) {
  const Tile t = random_tile(30);
  const Tile s = ts::row_sum(t), m = ts::row_max(t);
  expect_tile(s, [&](uint32_t r, uint32_t c) {
    if (c != 0) return 0.0f;
    float acc = 0.0f;
    for (uint32_t k = 0; k < N; ++k) acc += t(r, k);
    return acc;
  });
  expect_tile(m, [&](uint32_t r, uint32_t c) {
    if (c != 0) return 0.0f;
    float best = t(r, 0);
    for (uint32_t k = 1; k < N; ++k) best = std::max(best, t(r, k));
    return best;
  });
}

TEST(Tile, ColReductions) {
  const Tile t = random_tile(31);
  expect_tile(ts::col_sum(t), [&](uint32_t r, uint32_t c) {
    if (r != 0) return 0.0f;
    float acc = 0.0f;
    for (uint32_t k = 0; k < N; ++k) acc += t(k, c);
    return acc;
  });
  expect_tile(ts::col_max(t), [&](uint32_t r, uint32_t c) {
    if (r != 0) return 0.0f;
    float best = t(0, c);
    for (uint32_t k = 1; k < N; ++k) best = std::max(best, t(k, c));
    return best;
  });
}

TEST(Tile, FullReductions) {
  const Tile t = random_tile(32);
  float acc = 0.0f, best = t(0, 0);
  for (uint32_t r = 0; r < N; ++r)
    for (uint32_t c = 0; c < N; ++c) {
      acc += t(r, c);
      best = std::max(best, t(r, c));
    }
  expect_tile(ts::tile_sum(t), [&](uint32_t r, uint32_t c) { return r == 0 && c == 0 ? acc : 0.0f; });
  expect_tile(ts::tile_max(t), [&](uint32_t r, uint32_t c) { return r == 0 && c == 0 ? best : 0.0f; });
  EXPECT_EQ(ts::tile_sum(ts::fill(1.0f))(0, 0), 1024.0f);
}

TEST(Tile, MaxReductionsOfNegativesAndNaN) {
  const Tile neg = ts::fill(-3.0f);  // the max is negative, not the 0 of the other elements
  EXPECT_EQ(ts::row_max(neg)(7, 0), -3.0f);
  EXPECT_EQ(ts::col_max(neg)(0, 7), -3.0f);
  EXPECT_EQ(ts::tile_max(neg)(0, 0), -3.0f);
  Tile t = random_tile(33);
  t(4, 9) = std::nanf("");
  EXPECT_TRUE(std::isnan(ts::row_max(t)(4, 0)));
  EXPECT_FALSE(std::isnan(ts::row_max(t)(5, 0)));
  EXPECT_TRUE(std::isnan(ts::col_max(t)(0, 9)));
  EXPECT_FALSE(std::isnan(ts::col_max(t)(0, 8)));
  EXPECT_TRUE(std::isnan(ts::tile_max(t)(0, 0)));
  t(4, 9) = 1.0f;
  t(0, 0) = std::nanf("");  // NaN first is sticky too
  EXPECT_TRUE(std::isnan(ts::tile_max(t)(0, 0)));
  EXPECT_TRUE(std::isnan(ts::row_max(t)(0, 0)));
  EXPECT_TRUE(std::isnan(ts::col_max(t)(0, 0)));
}

TEST(Tile, Broadcasts) {
  const Tile t = random_tile(40);
  expect_tile(ts::bcast_row(t), [&](uint32_t, uint32_t c) { return t(0, c); });
  expect_tile(ts::bcast_col(t), [&](uint32_t r, uint32_t) { return t(r, 0); });
  expect_tile(ts::bcast_scalar(t), [&](uint32_t, uint32_t) { return t(0, 0); });
  // Reductions compose with the matching broadcast.
  const Tile rs = ts::bcast_col(ts::row_sum(t));
  expect_tile(rs, [&](uint32_t r, uint32_t) { return ts::row_sum(t)(r, 0); });
  const Tile cs = ts::bcast_row(ts::col_sum(t));
  expect_tile(cs, [&](uint32_t, uint32_t c) { return ts::col_sum(t)(0, c); });
}

TEST(Tile, Transpose) {
  const Tile t = random_tile(50);
  expect_tile(ts::transpose(t), [&](uint32_t r, uint32_t c) { return t(c, r); });
  expect_tile(ts::transpose(ts::transpose(t)), [&](uint32_t r, uint32_t c) { return t(r, c); });
}

TEST(Tile, SoftmaxComposition) {
  const Tile x = random_tile(60);
  const Tile e = ts::exp(x - ts::bcast_col(ts::row_max(x)));
  const Tile y = e * ts::bcast_col(ts::recip(ts::row_sum(e)));
  for (uint32_t r = 0; r < N; ++r) {
    double sum = 0;
    for (uint32_t c = 0; c < N; ++c) sum += y(r, c);
    EXPECT_NEAR(sum, 1.0, 1e-5);
  }
}
