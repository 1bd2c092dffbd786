// Moving harness tensors in and out of the user's Tensor<T> for the reference.
#pragma once

#include "harness.hpp"

#include <tilesplit/tile.hpp>

namespace tilesplit_run {

template <typename T> tilesplit::Tensor<T> to_tensor(const TensorData &d) {
  tilesplit::Tensor<T> t(d.rows, d.cols);
  for (uint32_t r = 0; r < d.rows; ++r)
    for (uint32_t c = 0; c < d.cols; ++c)
      t.at(r, c) = T(d.values[size_t(r) * d.cols + c]);
  return t;
}

template <typename T> void from_tensor(const tilesplit::Tensor<T> &t, TensorData &d) {
  for (uint32_t r = 0; r < d.rows; ++r)
    for (uint32_t c = 0; c < d.cols; ++c)
      d.values[size_t(r) * d.cols + c] = static_cast<float>(t.at(r, c));
}

} // namespace tilesplit_run
