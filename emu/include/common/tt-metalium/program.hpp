// A program: circular buffers, kernels and their args, for a set of cores (tt-metal:
// tt-metalium/program.hpp). Moved into a MeshWorkload to run.
#pragma once

#include <memory>

namespace tt::tt_metal {

namespace detail {
struct ProgramImpl;
}

class Program {
 public:
  Program();
  ~Program();
  Program(Program&&) noexcept;
  Program& operator=(Program&&) noexcept;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  // Emulator internals (the host API functions take `const Program&`, like tt-metal's).
  detail::ProgramImpl& impl() const { return *impl_; }

 private:
  std::unique_ptr<detail::ProgramImpl> impl_;
};

}  // namespace tt::tt_metal
