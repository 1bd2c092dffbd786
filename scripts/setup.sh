#!/usr/bin/env bash
# Installs everything tilesplit needs to build and test. Safe to run any number of times:
# it installs only what is missing.
set -euo pipefail

# graphviz: renders `tilesplit --dump-dfg=dot` (docs/render-dfg.sh, test/lit/dfg).
# libclang-rt-19-dev: the sanitizer and libFuzzer runtimes (only a recommendation of clang-19).
# clangd-19: the editor test checks that annotated sources give clangd no errors.
# g++ and make: the integration tests build a CMake project with GCC and Unix Makefiles.
# libc6-dev-i386, lib32stdc++-12-dev and nlohmann-json3-dev: the conformance tests type-check the
# generated kernels for tt-metal's 32-bit RISC-V cores (as i386) and its host programs (whose
# headers include nlohmann/json) against a tt-metal tree (test/conformance).
packages=(clang-19 libclang-19-dev llvm-19-dev llvm-19-tools libclang-rt-19-dev clangd-19
          ninja-build cmake make g++ googletest libgtest-dev python3 graphviz
          libc6-dev-i386 lib32stdc++-12-dev nlohmann-json3-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "setup: all dependencies present"
