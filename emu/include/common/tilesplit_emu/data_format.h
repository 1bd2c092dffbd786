// Data formats shared by host code and kernels (tt-metal: tt_backend_api_types.hpp on the host,
// tensix_types.h on the device). Values match tt-metal so they can travel through compile-time args.
#pragma once

#include <cstdint>

namespace tt {

enum class DataFormat : std::uint8_t {
  Float32 = 0,
  Float16 = 1,
  Bfp8 = 2,
  Bfp4 = 3,
  Tf32 = 4,
  Float16_b = 5,
  Bfp8_b = 6,
  Bfp4_b = 7,
  Int32 = 8,
  UInt16 = 9,
  Lf8 = 10,
  Bfp2 = 11,
  Int8 = 14,
  Bfp2_b = 15,
  UInt32 = 24,
  Fp8_e4m3 = 0x1A,
  UInt8 = 30,
  RawUInt8 = 0xf0,
  RawUInt16 = 0xf1,
  RawUInt32 = 0xf2,
  Invalid = 0xff,
};

// Bytes of one 32x32 tile in the given format (0 for formats without a tile size).
constexpr std::uint32_t tile_size(DataFormat f) {
  switch (f) {
    case DataFormat::Float32:
    case DataFormat::Int32:
    case DataFormat::UInt32:
    case DataFormat::Tf32: return 4096;
    case DataFormat::Float16:
    case DataFormat::Float16_b:
    case DataFormat::UInt16: return 2048;
    case DataFormat::Bfp8:
    case DataFormat::Bfp8_b: return 1088;
    case DataFormat::Bfp4:
    case DataFormat::Bfp4_b: return 576;
    case DataFormat::Bfp2:
    case DataFormat::Bfp2_b: return 320;
    case DataFormat::Int8:
    case DataFormat::UInt8:
    case DataFormat::Lf8:
    case DataFormat::Fp8_e4m3: return 1024;
    default: return 0;
  }
}

}  // namespace tt
