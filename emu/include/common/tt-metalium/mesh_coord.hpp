// Mesh shapes and coordinate ranges (tt-metal: tt-metalium/mesh_coord.hpp). The emulator's meshes are
// 1x1 (a unit mesh).
#pragma once

#include <cstdint>
#include <vector>

namespace tt::tt_metal::distributed {

class MeshShape {
 public:
  MeshShape(std::uint32_t rows, std::uint32_t cols) : dims_{rows, cols} {}
  std::size_t dims() const { return dims_.size(); }
  std::uint32_t operator[](std::size_t i) const { return dims_[i]; }
  std::size_t mesh_size() const { return std::size_t{dims_[0]} * dims_[1]; }
  friend bool operator==(const MeshShape& a, const MeshShape& b) { return a.dims_ == b.dims_; }

 private:
  std::vector<std::uint32_t> dims_;
};

class MeshCoordinate {
 public:
  MeshCoordinate(std::uint32_t row, std::uint32_t col) : coords_{row, col} {}
  std::uint32_t operator[](std::size_t i) const { return coords_[i]; }

 private:
  std::vector<std::uint32_t> coords_;
};

class MeshCoordinateRange {
 public:
  explicit MeshCoordinateRange(const MeshShape& shape) : shape_(shape) {}
  const MeshShape& shape() const { return shape_; }

 private:
  MeshShape shape_;
};

}  // namespace tt::tt_metal::distributed
