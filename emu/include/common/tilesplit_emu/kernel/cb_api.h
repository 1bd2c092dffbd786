// Circular-buffer API, shared by data-movement and compute kernels (tt-metal declares it in
// dataflow_api.h and in the compute cb_api.h with the same meaning).
#pragma once

#include <cstdint>

#include "tilesplit_emu/kernel/config.h"

FORCE_INLINE void cb_reserve_back(std::uint32_t cb, std::uint32_t num_pages, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::cb_reserve_back(cb, num_pages, line);
}
FORCE_INLINE void cb_push_back(std::uint32_t cb, std::uint32_t num_pages, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::cb_push_back(cb, num_pages, line);
}
FORCE_INLINE void cb_wait_front(std::uint32_t cb, std::uint32_t num_pages, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::cb_wait_front(cb, num_pages, line);
}
FORCE_INLINE void cb_pop_front(std::uint32_t cb, std::uint32_t num_pages, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::cb_pop_front(cb, num_pages, line);
}
FORCE_INLINE bool cb_pages_available_at_front(std::uint32_t cb, std::uint32_t num_pages,
                                              std::uint32_t line = __builtin_LINE()) {
  return tilesplit::emu::dev::cb_pages_available_at_front(cb, num_pages, line);
}
FORCE_INLINE bool cb_pages_reservable_at_back(std::uint32_t cb, std::uint32_t num_pages,
                                              std::uint32_t line = __builtin_LINE()) {
  return tilesplit::emu::dev::cb_pages_reservable_at_back(cb, num_pages, line);
}
FORCE_INLINE std::uint32_t get_write_ptr(std::uint32_t cb, std::uint32_t line = __builtin_LINE()) {
  return tilesplit::emu::dev::cb_write_ptr(cb, line);
}
FORCE_INLINE std::uint32_t get_read_ptr(std::uint32_t cb, std::uint32_t line = __builtin_LINE()) {
  return tilesplit::emu::dev::cb_read_ptr(cb, line);
}
