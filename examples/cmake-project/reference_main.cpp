// Runs the annotated kernels on the CPU: the reference the generated kernels are checked against.
#include <tilesplit/tile.hpp>

#include <cstdio>

using namespace tilesplit;

void scaled_relu(Tensor<bf16> x, Tensor<bf16> y);
void residual_relu(Tensor<bf16> x, Tensor<bf16> residual, Tensor<bf16> out);

int main() {
  Tensor<bf16> x(64, 64), y(64, 64), out(64, 64);
  for (uint32_t r = 0; r < x.rows(); ++r)
    for (uint32_t c = 0; c < x.cols(); ++c)
      x.at(r, c) = float(int(r) - int(c));
  scaled_relu(x, y);
  residual_relu(x, y, out);
  std::printf("y(10,2) = %g, out(10,2) = %g\n", float(y.at(10, 2)), float(out.at(10, 2)));
  return 0;
}
