// Circular-buffer configuration (tt-metal: tt-metalium/circular_buffer_config.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>

#include <tt-metalium/tt_backend_api_types.hpp>

namespace tt::tt_metal {

class CircularBufferConfig {
 public:
  static constexpr std::uint32_t kMaxCbs = 64;

  CircularBufferConfig(std::uint32_t total_size) : total_size_(total_size) {}
  CircularBufferConfig(std::uint32_t total_size, const std::map<std::uint8_t, tt::DataFormat>& data_format_spec);

  CircularBufferConfig& set_page_size(std::uint8_t buffer_index, std::uint32_t page_size);
  CircularBufferConfig& set_total_size(std::uint32_t total_size) {
    total_size_ = total_size;
    return *this;
  }

  // Builder form: config.index(i).set_data_format(f).set_page_size(p).
  class Builder {
   public:
    Builder(CircularBufferConfig& c, std::uint8_t i) : config_(c), index_(i) {}
    Builder& set_data_format(tt::DataFormat f);
    Builder& set_page_size(std::uint32_t p);
    Builder& set_total_size(std::uint32_t s) {
      config_.total_size_ = s;
      return *this;
    }

   private:
    CircularBufferConfig& config_;
    std::uint8_t index_;
  };
  Builder index(std::uint8_t buffer_index) { return Builder(*this, buffer_index); }

  std::uint32_t total_size() const { return total_size_; }
  const std::array<std::optional<tt::DataFormat>, kMaxCbs>& data_formats() const { return formats_; }
  const std::array<std::optional<std::uint32_t>, kMaxCbs>& page_sizes() const { return page_sizes_; }

 private:
  std::uint32_t total_size_ = 0;
  std::array<std::optional<tt::DataFormat>, kMaxCbs> formats_{};
  std::array<std::optional<std::uint32_t>, kMaxCbs> page_sizes_{};
};

}  // namespace tt::tt_metal
