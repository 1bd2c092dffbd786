//===- Manifest.cpp - manifest.json: CBs, kernels, arguments, cores -------===//
#include "tilesplit/Emit/Emit.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace tilesplit {
namespace {

const char *cbKindName(CircularBuffer::Kind K) {
  switch (K) {
  case CircularBuffer::Kind::Input: return "input";
  case CircularBuffer::Kind::Output: return "output";
  case CircularBuffer::Kind::Intermediate: return "intermediate";
  }
  return "?";
}

const char *argKindName(RuntimeArg::Kind K) {
  switch (K) {
  case RuntimeArg::Kind::TensorAddress: return "tensor_address";
  case RuntimeArg::Kind::TensorDim: return "tensor_size";
  case RuntimeArg::Kind::Scalar: return "scalar";
  case RuntimeArg::Kind::UnitBegin: return "unit_begin";
  case RuntimeArg::Kind::UnitCount: return "unit_count";
  }
  return "?";
}

bool accumulates(const Block &B) {
  for (const BlockItem &It : B.Items)
    if (It.K == BlockItem::Kind::AccumulatorBegin ||
        (It.K == BlockItem::Kind::Loop && accumulates(*It.Body)))
      return true;
  return false;
}

} // namespace

std::string emitManifest(const Program &P, const EmitOptions &O) {
  const ir::Kernel &K = *P.Source;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("kernel", K.Name);
    // With its namespaces, as the CPU reference calls it: "ops::scale".
    J.attribute("qualified_name", K.QualifiedName);
    J.attribute("source", llvm::sys::path::filename(K.File));
    J.attribute("tt_metal_api", O.Api->Name);
    J.attribute("arch", O.T.Arch);
    // Whether a reduce loop accumulates in DST (bf16 sums lose more precision).
    J.attribute("accumulates", accumulates(P.Phases.front().Body));
    J.attributeArray("parameters", [&] {
      for (const ir::Param &Pa : K.Params)
        J.object([&] {
          if (Pa.IsTensor) {
            const TensorInfo &T = P.Tensors[Pa.Index];
            J.attribute("name", T.Name);
            J.attribute("kind", "tensor");
            J.attribute("format", ir::formatName(T.Format));
            J.attribute("page_bytes", T.PageBytes);
            J.attribute("read", T.Read);
            J.attribute("written", T.Written);
          } else {
            J.attribute("name", K.Scalars[Pa.Index].Name);
            J.attribute("kind", "scalar");
            J.attribute("type", ir::scalarTypeSpelling(K.Scalars[Pa.Index].Type));
          }
        });
    });
    J.attributeArray("circular_buffers", [&] {
      for (const CircularBuffer &C : P.Cbs)
        J.object([&] {
          J.attribute("index", C.Index);
          J.attribute("name", C.Name);
          J.attribute("kind", cbKindName(C.K));
          if (!C.Tensor.empty())
            J.attribute("tensor", C.Tensor);
          J.attribute("format", ir::formatName(C.Format));
          J.attribute("pages", C.Pages);
          J.attribute("page_bytes", C.PageBytes);
        });
    });
    J.attributeArray("kernels", [&] {
      for (const DeviceKernel &DK : P.Kernels) {
        if (DK.Body.empty())
          continue;
        J.object([&] {
          J.attribute("role", roleName(DK.Role));
          J.attribute("file", std::string(roleName(DK.Role)) + ".cpp");
          if (DK.Role == KernelRole::Compute) {
            J.attribute("math_fidelity", ir::mathFidelityName(K.Options.Fidelity));
            J.attribute("fp32_dest_acc_en", P.Fp32DestAcc);
            J.attribute("math_approx_mode", K.Options.Approx);
            J.attributeObject("defines", [&] {
              for (const auto &[Name, Value] : kernelDefines(DK))
                J.attribute(Name, Value);
            });
          } else {
            J.attribute("processor",
                        DK.Role == KernelRole::Reader ? "RISCV_1" : "RISCV_0");
            J.attribute("noc", DK.Role == KernelRole::Reader ? 0 : 1);
          }
          J.attributeArray("compile_time_args", [&] {
            for (const std::string &T : DK.Accessors)
              J.object([&] {
                J.attribute("kind", "tensor_accessor_args");
                J.attribute("tensor", T);
                J.attribute("count", O.Api->AccessorCompileArgs);
              });
          });
          J.attributeArray("runtime_args", [&] {
            for (size_t I = 0; I < DK.Args.size(); ++I)
              J.object([&] {
                const RuntimeArg &A = DK.Args[I];
                J.attribute("index", I);
                J.attribute("name", A.Name);
                J.attribute("kind", argKindName(A.K));
                if (!A.Tensor.empty())
                  J.attribute("tensor", A.Tensor);
              });
          });
        });
      }
    });
    J.attributeObject("cores", [&] {
      if (K.Options.Grid)
        J.attribute("grid", llvm::json::Array{K.Options.Grid->first,
                                              K.Options.Grid->second});
      else
        J.attribute("grid", "device");
      J.attribute("units", ir::printScalar(P.Phases.front().Units));
      J.attribute("split", "split_work_to_cores");
    });
  });
  OS << "\n";
  return OS.str();
}

} // namespace tilesplit
