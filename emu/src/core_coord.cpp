// CoreRange / CoreRangeSet helpers and split_work_to_cores, following tt-metal's semantics.
#include <algorithm>
#include <stdexcept>

#include <tt-metalium/core_coord.hpp>
#include <tt-metalium/work_split.hpp>

namespace tt::tt_metal {

CoreRange::CoreRange(const CoreCoord& start, const CoreCoord& end) : start_coord(start), end_coord(end) {
  if (end.x < start.x || end.y < start.y) {
    throw std::invalid_argument("CoreRange: end " + end.str() + " is before start " + start.str());
  }
}

CoreRangeSet::CoreRangeSet(const std::vector<CoreRange>& rs) : ranges_(rs) {
  for (std::size_t i = 0; i < ranges_.size(); ++i) {
    for (std::size_t j = i + 1; j < ranges_.size(); ++j) {
      if (ranges_[i].intersects(ranges_[j])) {
        throw std::invalid_argument("CoreRangeSet: ranges " + ranges_[i].str() + " and " + ranges_[j].str() +
                                    " overlap");
      }
    }
  }
}

std::uint32_t CoreRangeSet::num_cores() const {
  std::uint32_t n = 0;
  for (const auto& r : ranges_) n += static_cast<std::uint32_t>(r.size());
  return n;
}

bool CoreRangeSet::contains(const CoreCoord& c) const {
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const CoreRange& r) { return r.contains(c); });
}

bool CoreRangeSet::intersects(const CoreRange& r) const {
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const CoreRange& x) { return x.intersects(r); });
}

CoreRangeSet CoreRangeSet::merge(const CoreRangeSet& other) const {
  std::vector<CoreRange> all = ranges_;
  for (const auto& r : other.ranges_) {
    if (!intersects(r)) all.push_back(r);
  }
  // Coalesce ranges that share a full edge, until nothing changes.
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 0; i < all.size() && !changed; ++i) {
      for (std::size_t j = 0; j < all.size() && !changed; ++j) {
        if (i == j) continue;
        const CoreRange& a = all[i];
        const CoreRange& b = all[j];
        const bool vertical = a.start_coord.x == b.start_coord.x && a.end_coord.x == b.end_coord.x &&
                              a.end_coord.y + 1 == b.start_coord.y;
        const bool horizontal = a.start_coord.y == b.start_coord.y && a.end_coord.y == b.end_coord.y &&
                                a.end_coord.x + 1 == b.start_coord.x;
        if (vertical || horizontal) {
          all[i] = CoreRange(a.start_coord, b.end_coord);
          all.erase(all.begin() + static_cast<std::ptrdiff_t>(j));
          changed = true;
        }
      }
    }
  }
  return CoreRangeSet(all);
}

CoreRange CoreRangeSet::bounding_box() const {
  if (ranges_.empty()) throw std::invalid_argument("CoreRangeSet::bounding_box of an empty set");
  CoreCoord lo = ranges_[0].start_coord, hi = ranges_[0].end_coord;
  for (const auto& r : ranges_) {
    lo = {std::min(lo.x, r.start_coord.x), std::min(lo.y, r.start_coord.y)};
    hi = {std::max(hi.x, r.end_coord.x), std::max(hi.y, r.end_coord.y)};
  }
  return CoreRange(lo, hi);
}

std::string CoreRangeSet::str() const {
  std::string s = "{";
  for (std::size_t i = 0; i < ranges_.size(); ++i) s += (i ? ", " : "") + ranges_[i].str();
  return s + "}";
}

std::vector<CoreCoord> corerange_to_cores(const CoreRangeSet& crs, std::optional<std::uint32_t> max_cores,
                                          bool row_wise) {
  std::vector<CoreCoord> out;
  const std::uint32_t limit = max_cores.value_or(crs.num_cores());
  for (const auto& r : crs.ranges()) {
    if (row_wise) {
      for (std::size_t y = r.start_coord.y; y <= r.end_coord.y; ++y)
        for (std::size_t x = r.start_coord.x; x <= r.end_coord.x; ++x)
          if (out.size() < limit) out.push_back({x, y});
    } else {
      for (std::size_t x = r.start_coord.x; x <= r.end_coord.x; ++x)
        for (std::size_t y = r.start_coord.y; y <= r.end_coord.y; ++y)
          if (out.size() < limit) out.push_back({x, y});
    }
  }
  return out;
}

std::vector<CoreCoord> grid_to_cores(std::uint32_t num_cores, std::uint32_t grid_size_x, std::uint32_t grid_size_y,
                                     bool row_wise) {
  if (num_cores > grid_size_x * grid_size_y) throw std::invalid_argument("grid_to_cores: more cores than the grid has");
  std::vector<CoreCoord> out;
  for (std::uint32_t i = 0; i < num_cores; ++i) {
    out.push_back(row_wise ? CoreCoord{i % grid_size_x, i / grid_size_x} : CoreCoord{i / grid_size_y, i % grid_size_y});
  }
  return out;
}

CoreRangeSet num_cores_to_corerangeset(const CoreCoord start_core, std::uint32_t target_num_cores,
                                       const CoreCoord grid_size, bool row_wise) {
  // Up to three ranges: the rest of the start column (row), full columns (rows), a partial last one.
  const std::size_t nx = grid_size.x, ny = grid_size.y;
  if (start_core.x >= nx || start_core.y >= ny) throw std::invalid_argument("num_cores_to_corerangeset: bad start core");
  std::vector<CoreRange> ranges;
  std::size_t left = target_num_cores;
  if (row_wise) {
    std::size_t x = start_core.x, y = start_core.y;
    if (x != 0 && left > 0) {
      const std::size_t n = std::min(left, nx - x);
      ranges.emplace_back(CoreCoord{x, y}, CoreCoord{x + n - 1, y});
      left -= n;
      ++y;
    }
    const std::size_t full = left / nx;
    if (full > 0) {
      ranges.emplace_back(CoreCoord{0, y}, CoreCoord{nx - 1, y + full - 1});
      y += full;
      left -= full * nx;
    }
    if (left > 0) ranges.emplace_back(CoreCoord{0, y}, CoreCoord{left - 1, y});
    if (y >= ny && left > 0) throw std::invalid_argument("num_cores_to_corerangeset: not enough cores in the grid");
  } else {
    std::size_t x = start_core.x, y = start_core.y;
    if (y != 0 && left > 0) {
      const std::size_t n = std::min(left, ny - y);
      ranges.emplace_back(CoreCoord{x, y}, CoreCoord{x, y + n - 1});
      left -= n;
      ++x;
    }
    const std::size_t full = left / ny;
    if (full > 0) {
      ranges.emplace_back(CoreCoord{x, 0}, CoreCoord{x + full - 1, ny - 1});
      x += full;
      left -= full * ny;
    }
    if (left > 0) ranges.emplace_back(CoreCoord{x, 0}, CoreCoord{x, left - 1});
    if (x >= nx && left > 0) throw std::invalid_argument("num_cores_to_corerangeset: not enough cores in the grid");
  }
  for (const auto& r : ranges) {
    if (r.end_coord.x >= nx || r.end_coord.y >= ny) {
      throw std::invalid_argument("num_cores_to_corerangeset: not enough cores in the grid");
    }
  }
  return CoreRangeSet(ranges);
}

CoreRangeSet num_cores_to_corerangeset(std::uint32_t target_num_cores, const CoreCoord grid_size, bool row_wise) {
  return num_cores_to_corerangeset(CoreCoord{0, 0}, target_num_cores, grid_size, row_wise);
}

std::tuple<std::uint32_t, CoreRangeSet, CoreRangeSet, CoreRangeSet, std::uint32_t, std::uint32_t> split_work_to_cores(
    const CoreCoord grid_size, const std::uint32_t units, const bool row_wise) {
  if (units == 0) return {0, CoreRangeSet(), CoreRangeSet(), CoreRangeSet(), 0, 0};
  const std::uint32_t max_cores = static_cast<std::uint32_t>(grid_size.x * grid_size.y);
  const std::uint32_t target = std::min(units, max_cores);
  const CoreRangeSet all = units >= max_cores ? CoreRangeSet(CoreRange({0, 0}, {grid_size.x - 1, grid_size.y - 1}))
                                              : num_cores_to_corerangeset(target, grid_size, row_wise);
  const std::uint32_t per_core = units / target;
  const std::uint32_t extra = units % target;
  if (extra == 0) return {target, all, all, CoreRangeSet(), per_core, 0};
  // The first `extra` cores (in traversal order) get one more unit; group 2 continues right after them.
  const CoreRangeSet g1 = num_cores_to_corerangeset(extra, grid_size, row_wise);
  const std::vector<CoreCoord> order = corerange_to_cores(all, std::nullopt, row_wise);
  const CoreCoord g2_start = order[extra];
  const CoreRangeSet g2 = num_cores_to_corerangeset(g2_start, target - extra, grid_size, row_wise);
  return {target, all, g1, g2, per_core + 1, per_core};
}

std::tuple<std::uint32_t, CoreRangeSet, CoreRangeSet, CoreRangeSet, std::uint32_t, std::uint32_t> split_work_to_cores(
    const CoreRangeSet& core_grid, const std::uint32_t units, const bool row_wise) {
  // Supported for a single rectangle starting at (0,0), the common case.
  if (core_grid.ranges().size() != 1 || core_grid.ranges()[0].start_coord != CoreCoord{0, 0}) {
    throw std::invalid_argument("emu: split_work_to_cores(CoreRangeSet) supports one range starting at (0,0)");
  }
  return split_work_to_cores(core_grid.ranges()[0].grid_size(), units, row_wise);
}

}  // namespace tt::tt_metal
