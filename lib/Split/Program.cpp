//===- Program.cpp - Program and device-node helpers ----------------------===//
#include "tilesplit/Passes/Program.h"

#include <cassert>

namespace tilesplit {

const TensorInfo &Program::tensor(const std::string &Name) const {
  for (const TensorInfo &T : Tensors)
    if (T.Name == Name)
      return T;
  assert(false && "unknown tensor");
  return Tensors.front();
}

const CircularBuffer &Program::cb(unsigned Index) const {
  for (const CircularBuffer &C : Cbs)
    if (C.Index == Index)
      return C;
  assert(false && "unknown CB");
  return Cbs.front();
}

DeviceKernel &Program::kernel(KernelRole R) {
  for (DeviceKernel &K : Kernels)
    if (K.Role == R)
      return K;
  Kernels.push_back(DeviceKernel{R, {}, {}, {}, {}, {}, {}, {}});
  return Kernels.back();
}

const DeviceKernel &Program::kernel(KernelRole R) const {
  return const_cast<Program *>(this)->kernel(R);
}

const char *roleName(KernelRole R) {
  switch (R) {
  case KernelRole::Reader: return "reader";
  case KernelRole::Compute: return "compute";
  case KernelRole::Writer: return "writer";
  }
  return "?";
}

DevNode DevNode::call(DevOp Op, std::vector<std::string> Args) {
  DevNode N;
  N.K = Kind::Call;
  N.Op = Op;
  N.Args = std::move(Args);
  return N;
}

DevNode DevNode::comment(std::string Text) {
  DevNode N;
  N.K = Kind::Comment;
  N.Text = std::move(Text);
  return N;
}

DevNode DevNode::decl(std::string Type, std::string Name, std::string Init) {
  DevNode N;
  N.K = Kind::Decl;
  N.Type = std::move(Type);
  N.Var = std::move(Name);
  N.Init = std::move(Init);
  return N;
}

DevNode DevNode::loop(std::string Var, std::string Begin, std::string End) {
  DevNode N;
  N.K = Kind::Loop;
  N.Var = std::move(Var);
  N.Begin = std::move(Begin);
  N.End = std::move(End);
  return N;
}

} // namespace tilesplit
