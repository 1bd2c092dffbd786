// Logical core coordinates and ranges (tt-metal: tt-metalium/core_coord.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace tt::tt_metal {

struct CoreCoord {
  std::size_t x = 0;
  std::size_t y = 0;
  constexpr CoreCoord() = default;
  constexpr CoreCoord(std::size_t x_, std::size_t y_) : x(x_), y(y_) {}
  std::string str() const { return "(x=" + std::to_string(x) + ",y=" + std::to_string(y) + ")"; }
  friend constexpr bool operator==(const CoreCoord& a, const CoreCoord& b) { return a.x == b.x && a.y == b.y; }
  friend constexpr bool operator!=(const CoreCoord& a, const CoreCoord& b) { return !(a == b); }
  // Row-major order (y, then x), as tt-metal's tt_xy_pair.
  friend constexpr bool operator<(const CoreCoord& a, const CoreCoord& b) {
    return a.y < b.y || (a.y == b.y && a.x < b.x);
  }
};

// Inclusive rectangle of cores; iterates row by row (x fastest).
class CoreRange {
 public:
  CoreCoord start_coord;
  CoreCoord end_coord;

  CoreRange(const CoreCoord& point) : start_coord(point), end_coord(point) {}
  CoreRange(const CoreCoord& start, const CoreCoord& end);

  std::size_t size() const { return (end_coord.x - start_coord.x + 1) * (end_coord.y - start_coord.y + 1); }
  CoreCoord grid_size() const { return {end_coord.x - start_coord.x + 1, end_coord.y - start_coord.y + 1}; }
  bool contains(const CoreCoord& c) const {
    return c.x >= start_coord.x && c.x <= end_coord.x && c.y >= start_coord.y && c.y <= end_coord.y;
  }
  bool intersects(const CoreRange& o) const {
    return start_coord.x <= o.end_coord.x && o.start_coord.x <= end_coord.x && start_coord.y <= o.end_coord.y &&
           o.start_coord.y <= end_coord.y;
  }
  std::string str() const { return "[" + start_coord.str() + " - " + end_coord.str() + "]"; }
  friend bool operator==(const CoreRange& a, const CoreRange& b) {
    return a.start_coord == b.start_coord && a.end_coord == b.end_coord;
  }
  friend bool operator!=(const CoreRange& a, const CoreRange& b) { return !(a == b); }
  friend bool operator<(const CoreRange& a, const CoreRange& b) {
    return a.start_coord < b.start_coord || (a.start_coord == b.start_coord && a.end_coord < b.end_coord);
  }

  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = CoreCoord;
    using difference_type = std::ptrdiff_t;
    using pointer = const CoreCoord*;
    using reference = const CoreCoord&;
    iterator(const CoreRange& r, CoreCoord c) : range_(&r), cur_(c) {}
    const CoreCoord& operator*() const { return cur_; }
    const CoreCoord* operator->() const { return &cur_; }
    iterator& operator++() {
      if (cur_.x < range_->end_coord.x) {
        ++cur_.x;
      } else {
        cur_.x = range_->start_coord.x;
        ++cur_.y;
      }
      return *this;
    }
    bool operator==(const iterator& o) const { return cur_ == o.cur_; }
    bool operator!=(const iterator& o) const { return !(cur_ == o.cur_); }

   private:
    const CoreRange* range_;
    CoreCoord cur_;
  };
  iterator begin() const { return iterator(*this, start_coord); }
  iterator end() const { return iterator(*this, CoreCoord{start_coord.x, end_coord.y + 1}); }
};

// A set of disjoint core ranges, in insertion order.
class CoreRangeSet {
 public:
  CoreRangeSet() = default;
  CoreRangeSet(const CoreRange& r) : ranges_{r} {}
  CoreRangeSet(const std::vector<CoreRange>& rs);
  template <typename It>
  CoreRangeSet(It first, It last) : CoreRangeSet(std::vector<CoreRange>(first, last)) {}

  const std::vector<CoreRange>& ranges() const { return ranges_; }
  std::size_t size() const { return ranges_.size(); }
  bool empty() const { return ranges_.empty(); }
  std::uint32_t num_cores() const;
  bool contains(const CoreCoord& c) const;
  bool intersects(const CoreRange& r) const;
  // Union with `other`; ranges that line up are coalesced.
  CoreRangeSet merge(const CoreRangeSet& other) const;
  CoreRange bounding_box() const;
  std::string str() const;
  friend bool operator==(const CoreRangeSet& a, const CoreRangeSet& b) { return a.ranges_ == b.ranges_; }

 private:
  std::vector<CoreRange> ranges_;
};

// Cores of `crs` in order: per range, column-major (y fastest) unless row_wise.
std::vector<CoreCoord> corerange_to_cores(const CoreRangeSet& crs, std::optional<std::uint32_t> max_cores = std::nullopt,
                                          bool row_wise = false);
// The first num_cores cores of a grid_size_x x grid_size_y grid, column-major unless row_wise.
std::vector<CoreCoord> grid_to_cores(std::uint32_t num_cores, std::uint32_t grid_size_x, std::uint32_t grid_size_y,
                                     bool row_wise = false);

}  // namespace tt::tt_metal

// tt-metal also has global aliases (deprecated there). They are not marked deprecated here, so host
// code with `using namespace tt::tt_metal;` builds warning-free.
using CoreCoord = tt::tt_metal::CoreCoord;
using CoreRange = tt::tt_metal::CoreRange;
using CoreRangeSet = tt::tt_metal::CoreRangeSet;
