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

class DeviceSession;

// One kernel as the generated glue presents it to the harness.
struct KernelGlue {
  const char *name;
  // The kernel's parameters in order, with their formats (sizes and values unset).
  std::vector<TensorData> (*tensor_parameters)();
  std::vector<ScalarData> (*scalar_parameters)();
  // From the reference glue: runs the annotated kernel on the CPU, in place on
  // the tensors.
  void (*run_reference)(std::vector<TensorData> &tensors, const std::vector<ScalarData> &scalars);
  // From the device glue: runs the generated host program on the emulator; the
  // session holds one DRAM buffer per tensor (already holding its values).
  void (*run_device)(DeviceSession &session, const std::vector<TensorData> &tensors,
                     const std::vector<ScalarData> &scalars);
};

// Every kernel the glue was generated for (one, or a --batch's kernels).
const std::vector<KernelGlue> &kernel_glue();

} // namespace tilesplit_run
