// Row-major <-> tile layout on the host (tt-metal: tt-metalium/tilize_utils.hpp). A tiled matrix is a
// row-major sequence of 32x32 tiles, each made of four 16x16 faces (top-left, top-right, bottom-left,
// bottom-right), each face row-major.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace tilesplit::emu::detail {
// Index within a tile of element (r, c), 0 <= r, c < 32, in the face layout.
constexpr std::size_t tile_element_index(std::size_t r, std::size_t c) {
  return ((r / 16) * 2 + (c / 16)) * 256 + (r % 16) * 16 + (c % 16);
}
inline void check_tile_multiple(std::size_t size, std::uint32_t m, std::uint32_t n) {
  if (m % 32 != 0 || n % 32 != 0 || size != std::size_t{m} * n) {
    throw std::invalid_argument("tilize/untilize: the matrix must be m x n with m and n multiples of 32");
  }
}
}  // namespace tilesplit::emu::detail

// `input` is an m x n row-major matrix; the result is in tile layout.
template <typename T>
std::vector<T> tilize_nfaces(const std::vector<T>& input, std::uint32_t m, std::uint32_t n) {
  tilesplit::emu::detail::check_tile_multiple(input.size(), m, n);
  std::vector<T> out(input.size());
  const std::size_t tiles_per_row = n / 32;
  for (std::size_t r = 0; r < m; ++r) {
    for (std::size_t c = 0; c < n; ++c) {
      const std::size_t tile = (r / 32) * tiles_per_row + c / 32;
      out[tile * 1024 + tilesplit::emu::detail::tile_element_index(r % 32, c % 32)] = input[r * n + c];
    }
  }
  return out;
}

// Inverse of tilize_nfaces.
template <typename T>
std::vector<T> untilize_nfaces(const std::vector<T>& input, std::uint32_t m, std::uint32_t n) {
  tilesplit::emu::detail::check_tile_multiple(input.size(), m, n);
  std::vector<T> out(input.size());
  const std::size_t tiles_per_row = n / 32;
  for (std::size_t r = 0; r < m; ++r) {
    for (std::size_t c = 0; c < n; ++c) {
      const std::size_t tile = (r / 32) * tiles_per_row + c / 32;
      out[r * n + c] = input[tile * 1024 + tilesplit::emu::detail::tile_element_index(r % 32, c % 32)];
    }
  }
  return out;
}
