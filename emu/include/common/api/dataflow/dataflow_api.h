// Data-movement kernel API (tt-metal: api/dataflow/dataflow_api.h), on the emulator.
//
// NOC semantics, chosen for strictness: an async read lands (its bytes are copied) only at
// noc_async_read_barrier(); an async write copies its source only at noc_async_write_barrier() (or
// noc_async_writes_flushed()). So a kernel that forgets a barrier sees stale data here too, and the
// emulator reports a CB pushed or popped while transfers on it are still in flight.
#pragma once

#include <cstddef>
#include <cstdint>

#include "api/compile_time_args.h"
#include "api/tensor/tensor_accessor.h"
#include "api/tensor/tensor_accessor_args.h"
#include "tilesplit_emu/kernel/args.h"
#include "tilesplit_emu/kernel/cb_api.h"
#include "tilesplit_emu/kernel/config.h"

constexpr std::uint32_t NOC_MAX_BURST_SIZE = 8192;
constexpr std::uint32_t NOC_UNICAST_WRITE_VC = 1;
constexpr std::uint32_t NOC_MULTICAST_WRITE_VC = 4;

enum class ProgrammableCoreType : std::uint8_t { TENSIX = 0, ACTIVE_ETH = 1, IDLE_ETH = 2 };

// ---- addresses -------------------------------------------------------------------------------------
FORCE_INLINE std::uint64_t get_noc_addr(std::uint32_t noc_x, std::uint32_t noc_y, std::uint32_t addr,
                                        std::uint8_t noc = noc_index) {
  (void)noc;
  return tilesplit::emu::encode_worker_noc_addr(noc_x, noc_y, addr);
}
FORCE_INLINE std::uint64_t get_noc_addr(std::uint32_t addr, std::uint8_t noc = noc_index) {
  (void)noc;
  return tilesplit::emu::encode_worker_noc_addr(tilesplit::emu::dev::my_noc_x(), tilesplit::emu::dev::my_noc_y(),
                                                addr);
}
template <bool DRAM>
FORCE_INLINE std::uint64_t get_noc_addr_from_bank_id(std::uint32_t bank_id, std::uint32_t bank_address_offset,
                                                     std::uint8_t noc = noc_index) {
  (void)noc;
  if constexpr (DRAM) {
    return tilesplit::emu::encode_dram_noc_addr(bank_id, bank_address_offset);
  } else {
    return tilesplit::emu::encode_worker_noc_addr(bank_id % TILESPLIT_EMU_GRID_X + tilesplit::emu::kWorkerNocOffset,
                                                  bank_id / TILESPLIT_EMU_GRID_X + tilesplit::emu::kWorkerNocOffset,
                                                  bank_address_offset);
  }
}

// ---- legacy interleaved address generators (deprecated in tt-metal in favour of TensorAccessor) ----
template <bool DRAM>
struct InterleavedAddrGen {
  std::uint32_t bank_base_address;
  std::uint32_t page_size;
  std::uint64_t get_noc_addr(std::uint32_t id, std::uint32_t offset = 0, std::uint8_t noc = noc_index) const {
    (void)noc;
    return tilesplit_emu_detail::interleaved_page_noc_addr(
        DRAM, bank_base_address, tilesplit_emu_detail::align_up(page_size, DRAM ? DRAM_ALIGNMENT : L1_ALIGNMENT), id,
        offset);
  }
  std::uint32_t tilesplit_emu_page_bytes() const { return page_size; }
};

template <bool DRAM, std::uint32_t tile_hw = 1024>
struct InterleavedAddrGenFast {
  std::uint32_t bank_base_address;
  std::uint32_t page_size;
  DataFormat data_format;
  std::uint64_t get_noc_addr(std::uint32_t id, std::uint32_t offset = 0, std::uint8_t noc = noc_index) const {
    (void)noc;
    return tilesplit_emu_detail::interleaved_page_noc_addr(
        DRAM, bank_base_address, tilesplit_emu_detail::align_up(page_size, DRAM ? DRAM_ALIGNMENT : L1_ALIGNMENT), id,
        offset);
  }
  std::uint32_t tilesplit_emu_page_bytes() const { return page_size; }
};

template <bool DRAM>
struct InterleavedPow2AddrGenFast {
  std::uint32_t bank_base_address;
  std::uint32_t log_base_2_of_page_size;
  std::uint64_t get_noc_addr(std::uint32_t id, std::uint32_t offset = 0, std::uint8_t noc = noc_index) const {
    (void)noc;
    return tilesplit_emu_detail::interleaved_page_noc_addr(DRAM, bank_base_address, 1u << log_base_2_of_page_size, id,
                                                           offset);
  }
  std::uint32_t tilesplit_emu_page_bytes() const { return 1u << log_base_2_of_page_size; }
};

template <typename AddrGen>
FORCE_INLINE std::uint64_t get_noc_addr(const std::uint32_t id, const AddrGen& addrgen, std::uint32_t offset = 0,
                                        std::uint8_t noc = noc_index) {
  return addrgen.get_noc_addr(id, offset, noc);
}

// ---- transfers ---------------------------------------------------------------------------------------
template <std::uint32_t max_page_size = NOC_MAX_BURST_SIZE + 1, bool enable_noc_tracing = true>
FORCE_INLINE void noc_async_read(std::uint64_t src_noc_addr, std::uint32_t dst_local_l1_addr, std::uint32_t size,
                                 std::uint8_t noc = noc_index, std::uint32_t read_req_vc = NOC_UNICAST_WRITE_VC,
                                 std::uint32_t line = __builtin_LINE()) {
  (void)read_req_vc;
  tilesplit::emu::dev::noc_read(src_noc_addr, dst_local_l1_addr, size, noc, line);
}

template <std::uint32_t max_page_size = NOC_MAX_BURST_SIZE + 1, bool enable_noc_tracing = true, bool posted = false>
FORCE_INLINE void noc_async_write(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr, std::uint32_t size,
                                  std::uint8_t noc = noc_index, std::uint32_t vc = NOC_UNICAST_WRITE_VC,
                                  std::uint32_t line = __builtin_LINE()) {
  (void)vc;
  tilesplit::emu::dev::noc_write(src_local_l1_addr, dst_noc_addr, size, noc, line);
}

template <typename AddrGen, bool enable_noc_tracing = true>
FORCE_INLINE void noc_async_read_page(const std::uint32_t id, const AddrGen& addrgen, std::uint32_t dst_local_l1_addr,
                                      std::uint32_t offset = 0, std::uint8_t noc = noc_index,
                                      std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::noc_read(addrgen.get_noc_addr(id, offset, noc), dst_local_l1_addr,
                                addrgen.tilesplit_emu_page_bytes(), noc, line);
}

template <typename AddrGen, bool enable_noc_tracing = true, bool posted = false>
FORCE_INLINE void noc_async_write_page(const std::uint32_t id, const AddrGen& addrgen, std::uint32_t src_local_l1_addr,
                                       std::uint32_t size = 0, std::uint32_t offset = 0, std::uint8_t noc = noc_index,
                                       std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::noc_write(src_local_l1_addr, addrgen.get_noc_addr(id, offset, noc),
                                 size == 0 ? addrgen.tilesplit_emu_page_bytes() : size, noc, line);
}

template <typename AddrGen>
[[deprecated("Use <typename AddrGen> noc_async_read_page instead.")]] FORCE_INLINE void noc_async_read_tile(
    const std::uint32_t id, const AddrGen& addrgen, std::uint32_t dst_local_l1_addr, std::uint32_t offset = 0,
    std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::noc_read(addrgen.get_noc_addr(id, offset, noc), dst_local_l1_addr,
                                addrgen.tilesplit_emu_page_bytes(), noc, line);
}

template <typename AddrGen>
[[deprecated("Use <typename AddrGen> noc_async_write_page instead.")]] FORCE_INLINE void noc_async_write_tile(
    const std::uint32_t id, const AddrGen& addrgen, std::uint32_t src_local_l1_addr, std::uint8_t noc = noc_index,
    std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::noc_write(src_local_l1_addr, addrgen.get_noc_addr(id, 0, noc),
                                 addrgen.tilesplit_emu_page_bytes(), noc, line);
}

// ---- barriers ----------------------------------------------------------------------------------------
FORCE_INLINE void noc_async_read_barrier(std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  (void)noc;
  tilesplit::emu::dev::noc_read_barrier(line);
}
FORCE_INLINE void noc_async_write_barrier(std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  (void)noc;
  tilesplit::emu::dev::noc_write_barrier(line);
}
FORCE_INLINE void noc_async_writes_flushed(std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  (void)noc;
  tilesplit::emu::dev::noc_writes_flushed(line);
}
FORCE_INLINE void noc_async_atomic_barrier(std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  (void)noc;
  tilesplit::emu::dev::noc_atomic_barrier(line);
}
FORCE_INLINE void noc_async_full_barrier(std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  (void)noc;
  tilesplit::emu::dev::noc_read_barrier(line);
  tilesplit::emu::dev::noc_write_barrier(line);
  tilesplit::emu::dev::noc_atomic_barrier(line);
}

// ---- where this kernel runs ---------------------------------------------------------------------------
inline std::uint8_t get_absolute_logical_x() { return static_cast<std::uint8_t>(tilesplit::emu::dev::my_logical_x()); }
inline std::uint8_t get_absolute_logical_y() { return static_cast<std::uint8_t>(tilesplit::emu::dev::my_logical_y()); }
// Relative to the sub-device's origin: the emulated device is one sub-device at (0,0).
inline std::uint8_t get_relative_logical_x() { return get_absolute_logical_x(); }
inline std::uint8_t get_relative_logical_y() { return get_absolute_logical_y(); }

// ---- multicast ---------------------------------------------------------------------------------------
// The rectangle from (x_start, y_start) to (x_end, y_end) in NOC coordinates and an L1 address. The
// corners go in the direction of the NOC that sends to it: on NOC 0 the start has the smaller
// coordinates, on NOC 1 the larger (a multicast in the wrong order is an error, as under tt-metal's
// watcher).
FORCE_INLINE std::uint64_t get_noc_multicast_addr(std::uint32_t noc_x_start, std::uint32_t noc_y_start,
                                                  std::uint32_t noc_x_end, std::uint32_t noc_y_end, std::uint32_t addr,
                                                  std::uint8_t noc = noc_index) {
  (void)noc;
  return tilesplit::emu::encode_multicast_noc_addr(noc_x_start, noc_y_start, noc_x_end, noc_y_end, addr);
}

template <std::uint32_t max_page_size = NOC_MAX_BURST_SIZE + 1>
inline void noc_async_write_multicast(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr_multicast,
                                      std::uint32_t size, std::uint32_t num_dests, bool linked = false,
                                      std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  (void)linked;
  tilesplit::emu::dev::noc_write_multicast(src_local_l1_addr, dst_noc_addr_multicast, size, num_dests, false, noc,
                                           line);
}
template <bool enable_noc_tracing = true>
FORCE_INLINE void noc_async_write_multicast_one_packet(std::uint32_t src_local_l1_addr,
                                                       std::uint64_t dst_noc_addr_multicast, std::uint32_t size,
                                                       std::uint32_t num_dests, bool linked = false,
                                                       std::uint8_t noc = noc_index,
                                                       std::uint32_t line = __builtin_LINE()) {
  (void)linked;
  tilesplit::emu::dev::noc_write_multicast(src_local_l1_addr, dst_noc_addr_multicast, size, num_dests, false, noc,
                                           line);
}
// The sender is one of the destinations.
inline void noc_async_write_multicast_loopback_src(std::uint32_t src_local_l1_addr,
                                                   std::uint64_t dst_noc_addr_multicast, std::uint32_t size,
                                                   std::uint32_t num_dests, bool linked = false,
                                                   std::uint8_t noc = noc_index,
                                                   std::uint32_t line = __builtin_LINE()) {
  (void)linked;
  tilesplit::emu::dev::noc_write_multicast(src_local_l1_addr, dst_noc_addr_multicast, size, num_dests, true, noc, line);
}

// ---- semaphores ------------------------------------------------------------------------------------------
// Semaphores live in L1 (CreateSemaphore on the host); their words may also be read and written
// through tt_l1_ptr pointers. The semaphore calls are the synchronisation the emulator's data-race
// check follows (docs/emulator.md).
template <ProgrammableCoreType type = ProgrammableCoreType::TENSIX>
FORCE_INLINE std::uint32_t get_semaphore(std::uint32_t semaphore_id, std::uint32_t line = __builtin_LINE()) {
  static_assert(type == ProgrammableCoreType::TENSIX, "tilesplit emu: only Tensix cores have semaphores");
  return tilesplit::emu::dev::semaphore_address(semaphore_id, line);
}

FORCE_INLINE void noc_semaphore_wait(volatile tt_l1_ptr std::uint32_t* sem_addr, std::uint32_t val,
                                     std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::semaphore_wait(tilesplit_emu::l1_offset(sem_addr), val, false, line);
}
FORCE_INLINE void noc_semaphore_wait_min(volatile tt_l1_ptr std::uint32_t* sem_addr, std::uint32_t val,
                                         std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::semaphore_wait(tilesplit_emu::l1_offset(sem_addr), val, true, line);
}
FORCE_INLINE void noc_semaphore_set(volatile tt_l1_ptr std::uint32_t* sem_addr, std::uint32_t val,
                                    std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::semaphore_set(tilesplit_emu::l1_offset(sem_addr), val, line);
}
#if TILESPLIT_EMU_L1_ADDRESS_SPACE
// A kernel may also name the word through a plain pointer (which on hardware points into L1).
FORCE_INLINE void noc_semaphore_wait(volatile std::uint32_t* sem_addr, std::uint32_t val,
                                     std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::semaphore_wait(tilesplit_emu::l1_offset(sem_addr), val, false, line);
}
FORCE_INLINE void noc_semaphore_wait_min(volatile std::uint32_t* sem_addr, std::uint32_t val,
                                         std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::semaphore_wait(tilesplit_emu::l1_offset(sem_addr), val, true, line);
}
FORCE_INLINE void noc_semaphore_set(volatile std::uint32_t* sem_addr, std::uint32_t val,
                                    std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::semaphore_set(tilesplit_emu::l1_offset(sem_addr), val, line);
}
#endif

// An atomic increment of a semaphore on any core; it takes effect at once on the emulator.
template <bool posted = false>
FORCE_INLINE void noc_semaphore_inc(std::uint64_t addr, std::uint32_t incr, std::uint8_t noc_id = noc_index,
                                    std::uint8_t vc = NOC_UNICAST_WRITE_VC, std::uint32_t line = __builtin_LINE()) {
  (void)vc;
  tilesplit::emu::dev::semaphore_inc(addr, incr, noc_id, line);
}

// The word at src_local_l1_addr, written to a semaphore of another core / of every core of a rectangle.
inline void noc_semaphore_set_remote(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr,
                                     std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::semaphore_write(src_local_l1_addr, dst_noc_addr, 1, false, false, noc, line);
}
inline void noc_semaphore_set_multicast(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr_multicast,
                                        std::uint32_t num_dests, bool linked = false, std::uint8_t noc = noc_index,
                                        std::uint32_t line = __builtin_LINE()) {
  (void)linked;
  tilesplit::emu::dev::semaphore_write(src_local_l1_addr, dst_noc_addr_multicast, num_dests, true, false, noc, line);
}
inline void noc_semaphore_set_multicast_loopback_src(std::uint32_t src_local_l1_addr,
                                                     std::uint64_t dst_noc_addr_multicast, std::uint32_t num_dests,
                                                     bool linked = false, std::uint8_t noc = noc_index,
                                                     std::uint32_t line = __builtin_LINE()) {
  (void)linked;
  tilesplit::emu::dev::semaphore_write(src_local_l1_addr, dst_noc_addr_multicast, num_dests, true, true, noc, line);
}
