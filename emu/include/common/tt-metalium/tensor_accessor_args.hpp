// Host-side TensorAccessorArgs (tt-metal: tt-metalium/tensor_accessor_args.hpp). For an interleaved
// buffer it appends the ArgConfig bitmask (IsDram = 2) and, in the 2026-08 API profile, the aligned
// page size: 1 compile-time arg for 2026-02, 2 for 2026-08.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <tt-metalium/buffer.hpp>
#include <tt-metalium/mesh_buffer.hpp>

namespace tt::tt_metal {

namespace tensor_accessor {
enum class ArgConfig : std::uint8_t {
  None = 0,
  Sharded = 1,
  IsDram = 2,
  RuntimeRank = 4,
  RuntimeNumBanks = 8,
  RuntimeTensorShape = 16,
  RuntimeShardShape = 32,
  RuntimeBankCoords = 64,
  Runtime = 4 | 8 | 16 | 32 | 64,
};
using ArgsConfig = ArgConfig;
}  // namespace tensor_accessor

class TensorAccessorArgs {
 public:
  TensorAccessorArgs() = default;
  explicit TensorAccessorArgs(const Buffer& buffer, tensor_accessor::ArgsConfig config = tensor_accessor::ArgConfig::None);
  explicit TensorAccessorArgs(const Buffer* buffer, tensor_accessor::ArgsConfig config = tensor_accessor::ArgConfig::None)
      : TensorAccessorArgs(*buffer, config) {}
  explicit TensorAccessorArgs(const std::shared_ptr<Buffer>& buffer,
                              tensor_accessor::ArgsConfig config = tensor_accessor::ArgConfig::None)
      : TensorAccessorArgs(*buffer, config) {}
  explicit TensorAccessorArgs(const distributed::MeshBuffer& buffer,
                              tensor_accessor::ArgsConfig config = tensor_accessor::ArgConfig::None)
      : TensorAccessorArgs(*buffer.get_backing_buffer(), config) {}
  explicit TensorAccessorArgs(const distributed::MeshBuffer* buffer,
                              tensor_accessor::ArgsConfig config = tensor_accessor::ArgConfig::None)
      : TensorAccessorArgs(*buffer->get_backing_buffer(), config) {}
  explicit TensorAccessorArgs(const std::shared_ptr<distributed::MeshBuffer>& buffer,
                              tensor_accessor::ArgsConfig config = tensor_accessor::ArgConfig::None)
      : TensorAccessorArgs(*buffer->get_backing_buffer(), config) {}

  static TensorAccessorArgs create_dram_interleaved();
  static TensorAccessorArgs create_l1_interleaved();

  void append_to(std::vector<std::uint32_t>& compile_time_args) const;
  void append_to(std::vector<std::uint32_t>& compile_time_args, std::vector<std::uint32_t>& common_runtime_args) const;
  std::vector<std::uint32_t> get_compile_time_args() const;
  std::vector<std::uint32_t> get_common_runtime_args() const { return {}; }

 private:
  bool is_dram_ = true;
  std::uint32_t aligned_page_size_ = 0;
};

}  // namespace tt::tt_metal
