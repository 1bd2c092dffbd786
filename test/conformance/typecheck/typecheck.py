#!/usr/bin/env python3
"""Type-checks tilesplit's output against a real tt-metal tree, as tt-metal's JIT build compiles it.

usage: typecheck.py --tree DIR --tilesplit BIN [--allow-rejected] [--host-main] SOURCE...

Every kernel of every SOURCE is translated for the 2026-02 profile (the tree's API), then:
  - reader.cpp as NCRISC and writer.cpp as BRISC (the processors host.cpp assigns them), each
    included by the firmware wrapper (hw/firmware/src/tt-1xx/{brisck,ncrisck}.cc), which includes
    the dataflow API before the kernel;
  - compute.cpp once per TRISC (UNPACK, MATH, PACK): trisck.cc with a chlkc_<role>.cpp and the
    descriptor headers that jit_build/genfiles.cpp writes, filled in from manifest.json (each CB's
    data format, the math fidelity, fp32 DST accumulation, approx mode) and with the
    ComputeConfig defines the host program passes (defines_generated.h);
  - every host.cpp (TILESPLIT_NO_MAIN), as x86-64 C++20 against the host API and the third-party
    headers the tree pins, several to a translation unit; with --host-main the first one also
    alone, with its main.
All compile for wormhole_b0 with clang++-19 -fsyntax-only; any diagnostic of severity error fails.

DIR is a reference folder laid out as ../shared/tt-metal-2026-02: tree/ (the sources) and check/
(compute_prelude.h declares the SFPI compiler's builtins, which only the RISC-V toolchain knows;
dm_prelude.h the packer/unpacker descriptor arrays a data-movement build sees; sysinc/ the libc
headers an i386 build of them wants). Exits 77 (CTest's skip) when DIR has no tree.

A SOURCE that tilesplit rejects is an error unless --allow-rejected (lit inputs that exist to be
rejected); each is listed, so nothing is skipped silently.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
ARCH, FAMILY = "wormhole_b0", "wormhole"
NUM_CBS = 32  # NUM_CIRCULAR_BUFFERS on Wormhole
# tt-metal's DataFormat (hw/inc/internal/tt-1xx/wormhole/wormhole_b0_defines/tensix_types.h).
DATA_FORMATS = {"Float32": 0, "Float16_b": 5}
# MathFidelity (tt_metal/api/tt-metalium/base_types.hpp).
FIDELITIES = {"LoFi": 0, "HiFi2": 2, "HiFi3": 3, "HiFi4": 4}
TRISCS = {"unpack": 0, "math": 1, "pack": 2}

DEVICE_INCLUDES = [
    ".", "tt_metal", "tt_metal/include", "tt_metal/hw/inc", "tt_metal/hostdevcommon/api",
    "tt_metal/hw/inc/debug", "tt_metal/api", f"tt_metal/hw/ckernels/{ARCH}/metal/common",
    f"tt_metal/hw/ckernels/{ARCH}/metal/llk_io", "tt_metal/hw/inc/internal/tt-1xx",
    f"tt_metal/hw/inc/internal/tt-1xx/{FAMILY}",
    f"tt_metal/hw/inc/internal/tt-1xx/{FAMILY}/{ARCH}_defines",
    f"tt_metal/hw/inc/internal/tt-1xx/{FAMILY}/noc",
    f"tt_metal/third_party/tt_llk/tt_llk_{ARCH}/common/inc",
    f"tt_metal/third_party/tt_llk/tt_llk_{ARCH}/llk_lib",
    "tt_metal/hw/firmware/src/tt-1xx",
]
COMPUTE_INCLUDES = [
    f"tt_metal/hw/ckernels/{ARCH}/metal/llk_api",
    f"tt_metal/hw/ckernels/{ARCH}/metal/llk_api/llk_sfpu", "runtime/sfpi/include",
]
# What tt-metal's JIT build defines for every kernel on a Wormhole device (jit_build/build.cpp,
# hal): the firmware and kernel build flags, NOC 0 in dedicated mode, the device's bank counts.
DEVICE_DEFINES = [
    "TENSIX_FIRMWARE", "LOCAL_MEM_EN=0", "KERNEL_BUILD", "NOC_INDEX=0", "NOC_MODE=0",
    "DATA_FORMATS_DEFINED=1", "ARCH_WORMHOLE", "NUM_DRAM_BANKS=12", "NUM_L1_BANKS=64",
    "IS_NOT_POW2_NUM_DRAM_BANKS=1", "LOG_BASE_2_OF_NUM_L1_BANKS=6", "PCIE_NOC_X=0",
    "PCIE_NOC_Y=3", "DISPATCH_MESSAGE_ADDR=0", "ROUTING_FW_ENABLED",
]
DEVICE_FLAGS = [
    "--target=i386-linux-gnu", "-fsyntax-only", "-std=c++17", "-fno-exceptions",
    "-Wno-unknown-pragmas", "-Wno-deprecated-declarations", "-Wno-unknown-attributes",
    "-Wno-ignored-attributes",
]
HOST_DEPS = ["umd/device/api", "reflect", "enchantum/enchantum/include", "tt-logger/include",
             "fmt/include", "spdlog/include"]


class Checker:
    def __init__(self, ref):
        self.ref = ref
        self.tree = os.path.join(ref, "tree")
        self.check = os.path.join(ref, "check")

    def system_includes(self, compute):
        dirs = [os.path.join(self.check, "sysinc")] if compute else []
        dirs += ["/usr/include/c++/12", "/usr/include/x86_64-linux-gnu/c++/12/32",
                 "/usr/include/x86_64-linux-gnu/c++/12"]
        return ["-nostdinc++"] + [a for d in dirs for a in ("-isystem", d)]

    def run(self, args, cwd):
        p = subprocess.run(["clang++-19"] + args, cwd=cwd, capture_output=True, text=True)
        errors = [line for line in p.stdout.splitlines() + p.stderr.splitlines()
                  if "error:" in line]
        if p.returncode != 0 and not errors:
            errors = [f"clang++-19 exited with {p.returncode}"]
        return errors

    # Generated kernels take their TensorAccessor arguments at compile time; any values, as many
    # as a kernel could index, type-check (the tree's own check scripts pass twos as well).
    COMPILE_TIME_ARGS = ",".join(["2"] * 64)

    def dataflow(self, path, processor):
        with tempfile.TemporaryDirectory() as gen:
            with open(os.path.join(gen, "kernel_includes.hpp"), "w") as f:
                f.write(f'#include "{path}"\n')
            index = 0 if processor == "brisc" else 1
            args = DEVICE_FLAGS + self.system_includes(False)
            args += [f"-I{d}" for d in DEVICE_INCLUDES] + [f"-I{gen}"]
            args += [f"-D{d}" for d in DEVICE_DEFINES]
            args += [f"-DKERNEL_COMPILE_TIME_ARGS={self.COMPILE_TIME_ARGS}",
                     f"-DCOMPILE_FOR_{processor.upper()}", f"-DPROCESSOR_INDEX={index}",
                     "-include", os.path.join(self.check, "dm_prelude.h"),
                     f"tt_metal/hw/firmware/src/tt-1xx/{processor}k.cc"]
            return self.run(args, self.tree)

    def descriptors(self, gen, manifest, kernel):
        formats, page_bytes = [255] * NUM_CBS, [2048] * NUM_CBS
        for cb in manifest["circular_buffers"]:
            formats[cb["index"]] = DATA_FORMATS[cb["format"]]
            page_bytes[cb["index"]] = cb["page_bytes"]

        def array(ctype, name, values):
            return f"constexpr {ctype} {name}[{NUM_CBS}] = {{{', '.join(map(str, values))}}};\n"

        def write(name, text):
            with open(os.path.join(gen, name), "w") as f:
                f.write("#pragma once\n" + text)

        for side, ctype in (("unpack", "std::int32_t"), ("pack", "unsigned char")):
            write(f"chlkc_{side}_data_format.h",
                  array(ctype, f"{side}_src_format", formats) +
                  array(ctype, f"{side}_dst_format", formats))
            write(f"chlkc_{side}_tile_dims.h",
                  array("uint8_t", f"{side}_tile_num_faces", [4] * NUM_CBS) +
                  array("uint8_t", f"{side}_partial_face", [0] * NUM_CBS) +
                  array("uint8_t", f"{side}_tile_face_r_dim", [16] * NUM_CBS) +
                  array("uint8_t", f"{side}_narrow_tile", [0] * NUM_CBS) +
                  array("uint8_t", f"{side}_tile_r_dim", [32] * NUM_CBS) +
                  array("uint8_t", f"{side}_tile_c_dim", [32] * NUM_CBS) +
                  array("uint16_t", f"{side}_tile_size", page_bytes))
        flag = lambda b: "true" if b else "false"
        write("chlkc_dst_accum_mode.h",
              f"constexpr bool DST_ACCUM_MODE = {flag(kernel['fp32_dest_acc_en'])};\n")
        write("chlkc_dst_sync_mode.h", "#define DST_SYNC_MODE DstSync::SyncHalf\n")
        write("chlkc_math_fidelity.h",
              f"constexpr std::int32_t MATH_FIDELITY = {FIDELITIES[kernel['math_fidelity']]};\n")
        write("chlkc_math_approx_mode.h",
              f"constexpr bool APPROX = {flag(kernel['math_approx_mode'])};\n")
        write("defines_generated.h", "".join(
            f"#define {name} {value}\n" for name, value in kernel.get("defines", {}).items()))

    def compute(self, path, role, manifest, kernel):
        with tempfile.TemporaryDirectory() as gen:
            self.descriptors(gen, manifest, kernel)
            # jit_build/genfiles.cpp: a kernel_main kernel becomes <role>_main in chlkc_<role>.
            with open(path) as f:
                source = f.read()
            start = source.index("void kernel_main()")
            body = source[start:].replace("kernel_main", f"{role}_main", 1)
            with open(os.path.join(gen, f"chlkc_{role}.cpp"), "w") as f:
                f.write(f'#define TRISC_{role.upper()}\n#include "defines_generated.h"\n'
                        f'#line 1 "{path}"\n{source[:start]}namespace chlkc_{role} {{\n'
                        f"{body}\n}}  // namespace chlkc_{role}\n")
            n = TRISCS[role]
            args = DEVICE_FLAGS + self.system_includes(True)
            args += [f"-I{d}" for d in DEVICE_INCLUDES + COMPUTE_INCLUDES] + [f"-I{gen}"]
            args += [f"-D{d}" for d in DEVICE_DEFINES]
            args += [f"-DKERNEL_COMPILE_TIME_ARGS={self.COMPILE_TIME_ARGS}",
                     f"-DUCK_CHLKC_{role.upper()}", f"-DNAMESPACE=chlkc_{role}",
                     f"-DCOMPILE_FOR_TRISC={n}", f"-DPROCESSOR_INDEX={2 + n}",
                     "-include", os.path.join(self.check, "compute_prelude.h"),
                     "tt_metal/hw/firmware/src/tt-1xx/trisck.cc"]
            return self.run(args, self.tree)

    def host(self, paths, with_main):
        deps = os.path.join(self.tree, "host-deps")
        # spdlog 1.13 (the tree's) predates fmt 11, whose basic_format_string is in fmt/xchar.h.
        args = ["-fsyntax-only", "-std=c++20", "-DFMT_HEADER_ONLY", "-DSPDLOG_FMT_EXTERNAL",
                "-include", "fmt/xchar.h", "-Itt_metal/api", "-Itt_metal", "-I.", "-Itt_stl",
                "-Itt_metal/hostdevcommon/api"] + [f"-I{deps}/{d}" for d in HOST_DEPS]
        if not with_main:
            args.append("-DTILESPLIT_NO_MAIN")
        with tempfile.TemporaryDirectory() as gen:
            tu = os.path.join(gen, "hosts.cpp")
            with open(tu, "w") as f:
                f.writelines(f'#include "{p}"\n' for p in paths)
            return self.run(args + [tu], self.tree)


def translate(tilesplit, source, out):
    p = subprocess.run([tilesplit, source, "-o", out, "--tt-metal-api=2026-02"],
                       capture_output=True, text=True)
    return p.returncode == 0, p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", required=True)
    ap.add_argument("--tilesplit", required=True)
    ap.add_argument("--allow-rejected", action="store_true")
    ap.add_argument("--host-main", action="store_true",
                    help="also check the first host.cpp with its main (slow: once is enough)")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("sources", nargs="+")
    opts = ap.parse_args()
    if not opts.tree or not os.path.isdir(os.path.join(opts.tree, "tree")):
        print(f"skipped: no tt-metal tree at '{opts.tree}' (set TILESPLIT_TT_METAL_TREE)")
        return SKIP
    if shutil.which("clang++-19") is None:
        print("error: clang++-19 not found", file=sys.stderr)
        return 1

    checker = Checker(os.path.abspath(opts.tree))
    failures, rejected, jobs = [], [], []
    work = tempfile.mkdtemp(prefix="tilesplit-typecheck-")
    try:
        hosts = {}
        for i, source in enumerate(opts.sources):
            out = os.path.join(work, str(i))
            ok, stderr = translate(opts.tilesplit, source, out)
            if not ok or not os.path.isdir(out):
                rejected.append((source, stderr if not ok else "no kernel in it\n"))
                continue
            hosts[source] = []
            for name in sorted(os.listdir(out)):
                kdir = os.path.join(out, name)
                with open(os.path.join(kdir, "manifest.json")) as f:
                    manifest = json.load(f)
                hosts[source].append(os.path.join(kdir, "host.cpp"))
                for k in manifest["kernels"]:
                    path = os.path.join(kdir, k["file"])
                    label = f"{source}: {name}/{k['file']}"
                    if k["role"] == "compute":
                        for role in TRISCS:
                            jobs.append((f"{label} as {role.upper()}", checker.compute,
                                         (path, role, manifest, k)))
                    else:
                        processor = "ncrisc" if k["processor"] == "RISCV_1" else "brisc"
                        jobs.append((f"{label} as {processor.upper()}", checker.dataflow,
                                     (path, processor)))
        # Host programs are slow to parse (the host API's headers): all of them go in as few
        # translation units as their namespaces (one per kernel name) allow.
        units = []
        for path in (p for paths in hosts.values() for p in paths):
            name = os.path.basename(os.path.dirname(path))
            unit = next((u for u in units if name not in u), None)
            if unit is None:
                unit = {}
                units.append(unit)
            unit[name] = path
        for unit in units:
            jobs.append((f"host.cpp of {', '.join(sorted(unit))}", checker.host,
                         (list(unit.values()), False)))
        if units and opts.host_main:
            name, path = next(iter(units[0].items()))
            jobs.append((f"{name}/host.cpp with its main", checker.host, ([path], True)))
        with concurrent.futures.ThreadPoolExecutor(max_workers=opts.j) as pool:
            results = pool.map(lambda job: (job[0], job[1](*job[2])), jobs)
            for label, errors in results:
                if errors:
                    failures.append(label)
                    print(f"FAIL {label}")
                    for line in errors[:20]:
                        print(f"  {line}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for source, stderr in rejected:
        print(f"{'note' if opts.allow_rejected else 'FAIL'}: tilesplit translated nothing of {source}")
        if not opts.allow_rejected:
            print(stderr)
    print(f"{len(jobs) - len(failures)} of {len(jobs)} checks passed "
          f"({len(hosts)} sources translated, {len(rejected)} rejected)")
    if failures or (rejected and not opts.allow_rejected) or not jobs:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
