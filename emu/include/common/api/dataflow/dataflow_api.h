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
  (void)noc;
  (void)read_req_vc;
  tilesplit::emu::dev::noc_read(src_noc_addr, dst_local_l1_addr, size, line);
}

template <std::uint32_t max_page_size = NOC_MAX_BURST_SIZE + 1, bool enable_noc_tracing = true, bool posted = false>
FORCE_INLINE void noc_async_write(std::uint32_t src_local_l1_addr, std::uint64_t dst_noc_addr, std::uint32_t size,
                                  std::uint8_t noc = noc_index, std::uint32_t vc = NOC_UNICAST_WRITE_VC,
                                  std::uint32_t line = __builtin_LINE()) {
  (void)noc;
  (void)vc;
  tilesplit::emu::dev::noc_write(src_local_l1_addr, dst_noc_addr, size, line);
}

template <typename AddrGen, bool enable_noc_tracing = true>
FORCE_INLINE void noc_async_read_page(const std::uint32_t id, const AddrGen& addrgen, std::uint32_t dst_local_l1_addr,
                                      std::uint32_t offset = 0, std::uint8_t noc = noc_index,
                                      std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::noc_read(addrgen.get_noc_addr(id, offset, noc), dst_local_l1_addr,
                                addrgen.tilesplit_emu_page_bytes(), line);
}

template <typename AddrGen, bool enable_noc_tracing = true, bool posted = false>
FORCE_INLINE void noc_async_write_page(const std::uint32_t id, const AddrGen& addrgen, std::uint32_t src_local_l1_addr,
                                       std::uint32_t size = 0, std::uint32_t offset = 0, std::uint8_t noc = noc_index,
                                       std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::noc_write(src_local_l1_addr, addrgen.get_noc_addr(id, offset, noc),
                                 size == 0 ? addrgen.tilesplit_emu_page_bytes() : size, line);
}

template <typename AddrGen>
[[deprecated("Use <typename AddrGen> noc_async_read_page instead.")]] FORCE_INLINE void noc_async_read_tile(
    const std::uint32_t id, const AddrGen& addrgen, std::uint32_t dst_local_l1_addr, std::uint32_t offset = 0,
    std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::noc_read(addrgen.get_noc_addr(id, offset, noc), dst_local_l1_addr,
                                addrgen.tilesplit_emu_page_bytes(), line);
}

template <typename AddrGen>
[[deprecated("Use <typename AddrGen> noc_async_write_page instead.")]] FORCE_INLINE void noc_async_write_tile(
    const std::uint32_t id, const AddrGen& addrgen, std::uint32_t src_local_l1_addr, std::uint8_t noc = noc_index,
    std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::noc_write(src_local_l1_addr, addrgen.get_noc_addr(id, 0, noc),
                                 addrgen.tilesplit_emu_page_bytes(), line);
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
  (void)line;
}
FORCE_INLINE void noc_async_full_barrier(std::uint8_t noc = noc_index, std::uint32_t line = __builtin_LINE()) {
  (void)noc;
  tilesplit::emu::dev::noc_read_barrier(line);
  tilesplit::emu::dev::noc_write_barrier(line);
}
