// The interface between tilesplit-run's prebuilt harness and the two small glue
// files it generates for each kernel: one calls the annotated kernel on the CPU
// (the reference), one calls the generated host program on the emulator.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tilesplit_run {

// One tensor parameter: row-major values (already representable in its format).
struct TensorData {
  std::string name;
  uint32_t rows = 0, cols = 0; // elements, multiples of 32
  bool float32 = false;        // Tensor<float>; else Tensor<bf16>
  bool written = false;
  std::vector<float> values;
};

struct ScalarData {
  std::string name;
  std::string type; // "float", "uint32_t", "int32_t"
  double value = 0;
};

// Implemented by the generated reference glue: runs the annotated kernel on
// the CPU, in place on the tensors.
void run_reference(std::vector<TensorData> &tensors, const std::vector<ScalarData> &scalars);

// Device side, implemented by the harness against the emulator: the generated
// device glue gets one DRAM buffer per tensor (already holding its values).
class DeviceSession;
void run_device(DeviceSession &session, const std::vector<TensorData> &tensors,
                const std::vector<ScalarData> &scalars);

} // namespace tilesplit_run
