// MeshDevice, buffers and the command queue. Every command executes when enqueued.
#include <cstring>
#include <stdexcept>

#include <tt-metalium/distributed.hpp>

#include "device_state.hpp"
#include "launch.hpp"
#include "tilesplit_emu/noc_addr.h"

namespace tt::tt_metal {

Buffer::Buffer(std::shared_ptr<tilesplit::emu::DeviceState> device, DeviceAddr address, DeviceAddr size,
               DeviceAddr page_size, BufferType type)
    : device_(std::move(device)), address_(address), size_(size), page_size_(page_size), type_(type) {}

DeviceAddr Buffer::aligned_page_size() const {
  const auto& arch = device_->arch();
  const DeviceAddr a = is_dram() ? arch.dram_alignment : arch.l1_alignment;
  return (page_size_ + a - 1) / a * a;
}

namespace {
// Host pointer to page `page` of an interleaved buffer (same mapping as the kernels' TensorAccessor).
std::uint8_t* page_ptr(const Buffer& b, std::uint32_t page) {
  auto& dev = *b.emu_device();
  const auto& arch = dev.arch();
  if (b.is_dram()) {
    return dev.dram_bank(page % arch.num_dram_banks) + b.address() + (page / arch.num_dram_banks) * b.aligned_page_size();
  }
  const std::uint32_t n = dev.num_cores();
  const std::uint32_t bank = page % n;
  return dev.l1(bank % arch.grid_x, bank / arch.grid_x) + b.address() + (page / n) * b.aligned_page_size();
}

void copy_pages(const Buffer& b, std::uint8_t* host, std::size_t bytes, bool to_device) {
  const std::size_t ps = b.page_size();
  for (std::uint32_t page = 0; std::size_t{page} * ps < bytes; ++page) {
    const std::size_t off = std::size_t{page} * ps;
    const std::size_t n = std::min(ps, bytes - off);
    if (to_device) {
      std::memcpy(page_ptr(b, page), host + off, n);
    } else {
      std::memcpy(host + off, page_ptr(b, page), n);
    }
  }
}
}  // namespace

}  // namespace tt::tt_metal

namespace tt::tt_metal::distributed {

namespace {
[[noreturn]] void host_error(const std::string& msg) { throw std::runtime_error("emu error: " + msg); }

void raise_pending(MeshCommandQueue& cq) {
  if (!cq.pending_error.empty()) {
    std::string e;
    e.swap(cq.pending_error);
    throw std::runtime_error(e);
  }
}
}  // namespace

MeshDevice::MeshDevice(int device_id, std::shared_ptr<tilesplit::emu::DeviceState> state)
    : device_id_(device_id), state_(std::move(state)), cq_(std::make_unique<MeshCommandQueue>(this)) {}

MeshDevice::~MeshDevice() = default;

std::shared_ptr<MeshDevice> MeshDevice::create_unit_mesh(int device_id, std::size_t, std::size_t, std::size_t) {
  if (device_id != 0) host_error("create_unit_mesh: the emulator has one device, id 0");
  auto state = std::make_shared<tilesplit::emu::DeviceState>(tilesplit::emu::arch_from_env());
  (void)tilesplit::emu::api_profile();  // fix the profile now (env is read once)
  return std::make_shared<MeshDevice>(device_id, std::move(state));
}

MeshCommandQueue& MeshDevice::mesh_command_queue(std::optional<std::uint8_t> cq_id) {
  if (cq_id && *cq_id != 0) host_error("mesh_command_queue: the emulator has one command queue (id 0)");
  return *cq_;
}

CoreCoord MeshDevice::compute_with_storage_grid_size() const {
  return {state_->arch().grid_x, state_->arch().grid_y};
}

CoreCoord MeshDevice::worker_core_from_logical_core(const CoreCoord& c) const {
  return {c.x + tilesplit::emu::kWorkerNocOffset, c.y + tilesplit::emu::kWorkerNocOffset};
}

std::uint32_t MeshDevice::num_dram_channels() const { return state_->arch().num_dram_banks; }
std::uint32_t MeshDevice::l1_size_per_core() const { return state_->arch().l1_size; }
std::uint32_t MeshDevice::dram_size_per_channel() const {
  return static_cast<std::uint32_t>(state_->arch().dram_bank_size);
}

bool MeshDevice::close() {
  open_ = false;
  return true;
}

std::shared_ptr<MeshBuffer> MeshBuffer::create(const MeshBufferConfig& mesh_buffer_config,
                                               const DeviceLocalBufferConfig& local, MeshDevice* mesh_device,
                                               std::optional<DeviceAddr> address) {
  if (mesh_device == nullptr) host_error("MeshBuffer::create: no device");
  if (address) host_error("MeshBuffer::create: buffers at a given address are not emulated");
  const DeviceAddr size = std::get<ReplicatedBufferConfig>(mesh_buffer_config).size;
  if (local.page_size == 0 || size == 0 || size % local.page_size != 0) {
    host_error("MeshBuffer::create: size " + std::to_string(size) + " must be a positive multiple of the page size " +
               std::to_string(local.page_size));
  }
  auto& state = mesh_device->emu_state();
  const auto& arch = state->arch();
  const std::uint64_t pages = size / local.page_size;
  std::uint32_t base = 0;
  if (local.buffer_type == BufferType::DRAM) {
    const DeviceAddr aligned = (local.page_size + arch.dram_alignment - 1) / arch.dram_alignment * arch.dram_alignment;
    const std::uint64_t per_bank = (pages + arch.num_dram_banks - 1) / arch.num_dram_banks * aligned;
    base = state->allocate_dram(per_bank);
    state->record_dram_buffer({base, per_bank, static_cast<std::uint32_t>(aligned)});
  } else if (local.buffer_type == BufferType::L1) {
    const DeviceAddr aligned = (local.page_size + arch.l1_alignment - 1) / arch.l1_alignment * arch.l1_alignment;
    base = state->allocate_l1((pages + state->num_cores() - 1) / state->num_cores() * aligned);
  } else {
    host_error("MeshBuffer::create: only DRAM and L1 buffers are emulated");
  }
  auto buffer = std::make_shared<Buffer>(state, base, size, local.page_size, local.buffer_type);
  return std::make_shared<MeshBuffer>(mesh_device, std::move(buffer), local);
}

void EnqueueMeshWorkload(MeshCommandQueue& cq, MeshWorkload& workload, bool blocking) {
  raise_pending(cq);
  std::string errors;
  for (auto& [range, program] : workload.get_programs()) {
    (void)range;
    for (const auto& e : tilesplit::emu::run_program(*cq.device()->emu_state(), program)) {
      errors += (errors.empty() ? "" : "\n") + e;
    }
    if (!errors.empty()) break;
  }
  if (errors.empty()) return;
  if (blocking) throw std::runtime_error(errors);
  cq.pending_error = errors;
}

void Finish(MeshCommandQueue& cq) { raise_pending(cq); }

namespace detail {

void write_mesh_buffer(MeshCommandQueue& cq, MeshBuffer& buffer, const void* src, std::size_t bytes) {
  (void)cq;
  if (bytes > buffer.size()) {
    host_error("EnqueueWriteMeshBuffer: " + std::to_string(bytes) + " bytes into a buffer of " +
               std::to_string(buffer.size()));
  }
  copy_pages(*buffer.get_backing_buffer(), static_cast<std::uint8_t*>(const_cast<void*>(src)), bytes, true);
}

void read_mesh_buffer(MeshCommandQueue& cq, MeshBuffer& buffer, void* dst, std::size_t bytes, bool blocking) {
  if (blocking) raise_pending(cq);
  copy_pages(*buffer.get_backing_buffer(), static_cast<std::uint8_t*>(dst), std::min<std::size_t>(bytes, buffer.size()),
             false);
}

}  // namespace detail

}  // namespace tt::tt_metal::distributed
