#!/usr/bin/env python3
"""tilesplit used the way a project uses it: from CMake, through a compilation database, in clangd.

Every check works on a fresh copy of examples/cmake-project in its own directory and fails with a
message naming what went wrong.

  package-build-tree  find_package(tilesplit) from the build tree, Ninja: kernels are generated,
                      the generated host program builds against the emulator and runs, a touched
                      source or header re-translates (the header through tilesplit's depfile), a
                      second build does nothing
  package-install     the same from a `cmake --install` prefix that was then moved, with Unix
                      Makefiles and g++; the resource directory found next to an installed tool
  compdb              -p with the project's compile_commands.json: flags only from the database,
                      several sources, -j with a relative -o, --extra-arg / --extra-arg-before,
                      a file the database does not list, --depfile
  compdb-gcc          a database written for g++: Clang's builtin headers (<stddef.h>) still come
                      from Clang's resource directory, GCC-only warning flags are not reported,
                      options Clang does not know are dropped
  clangd              clangd-19 --check reports no error on the project's kernels with its
                      database, and does report errors without it
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

KERNELS = ["scaled_relu", "residual_relu"]
GENERATED = ["reader.cpp", "compute.cpp", "writer.cpp", "host.cpp", "manifest.json"]


class CheckFailed(Exception):
    pass


def fail(msg):
    raise CheckFailed(msg)


def run(cmd, cwd=None, env=None, expect_ok=True):
    """Runs cmd, returns its combined stdout and stderr; fails unless its status is as expected."""
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if (p.returncode == 0) != expect_ok:
        fail("%s %s with status %d:\n%s" % (" ".join(cmd), "failed" if expect_ok else "succeeded",
                                            p.returncode, p.stdout))
    return p.stdout


def expect(cond, msg, output=""):
    if not cond:
        fail(msg + ("\n--- output ---\n" + output if output else ""))


class Example:
    """A copy of examples/cmake-project under work/src, configured into work/build."""

    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.src = os.path.join(work, "src")
        self.build = os.path.join(work, "build")
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(os.path.join(args.source_dir, "examples", "cmake-project"), self.src)

    def configure(self, prefix, generator="Ninja", cxx=None, extra=()):
        cmd = ["cmake", "-S", self.src, "-B", self.build, "-G", generator,
               "-DCMAKE_PREFIX_PATH=" + prefix, "-DCMAKE_CXX_COMPILER=" + (cxx or self.args.cxx)]
        run(cmd + list(extra))

    def build_step(self):
        return run(["cmake", "--build", self.build])

    def kernel_file(self, kernel, name):
        return os.path.join(self.build, "kernels", kernel, name)

    def mtimes(self):
        return {(k, f): os.stat(self.kernel_file(k, f)).st_mtime_ns for k in KERNELS
                for f in GENERATED}

    def compile_commands(self):
        with open(os.path.join(self.build, "compile_commands.json")) as f:
            return json.load(f)


def touch_later(path):
    # Make's timestamps may be whole seconds: wait until a touch is strictly newer.
    time.sleep(1.1)
    os.utime(path, None)


def check_rebuilds(ex, ninja):
    """The build's reaction to no change, to a touched source and to an edited header."""
    def no_op(when):
        before = ex.mtimes()
        out = ex.build_step()
        expect("tilesplit: translating" not in out, "a build %s translated again" % when, out)
        if ninja:
            expect("ninja: no work to do" in out, "a build %s was not a no-op" % when, out)
        expect(ex.mtimes() == before, "a build %s rewrote generated files" % when, out)

    no_op("right after the first")

    before = ex.mtimes()
    touch_later(os.path.join(ex.src, "kernels", "scaled_relu.cpp"))
    out = ex.build_step()
    expect("translating scaled_relu" in out, "touching scaled_relu.cpp did not re-translate it", out)
    expect("translating residual_relu" not in out,
           "touching scaled_relu.cpp re-translated residual_relu too", out)
    after = ex.mtimes()
    expect(after[("scaled_relu", "compute.cpp")] > before[("scaled_relu", "compute.cpp")],
           "scaled_relu/compute.cpp was not rewritten", out)
    expect(after[("residual_relu", "compute.cpp")] == before[("residual_relu", "compute.cpp")],
           "residual_relu/compute.cpp was rewritten", out)
    no_op("after re-translating one source")

    # Only the depfile tells the build that the kernels include activation.h.
    header = os.path.join(ex.src, "include", "activation.h")
    with open(header) as f:
        text = f.read()
    time.sleep(1.1)
    with open(header, "w") as f:
        f.write(text.replace("#define OUTPUT_SCALE KERNEL_SCALE", "#define OUTPUT_SCALE 0.25f"))
    out = ex.build_step()
    for k in KERNELS:
        expect("translating " + k in out, "editing activation.h did not re-translate " + k, out)
        with open(ex.kernel_file(k, "compute.cpp")) as f:
            expect("0x3e800000u" in f.read(), k + "/compute.cpp does not use the edited header")
    no_op("after editing the header")


def check_first_build(ex, out):
    for k in KERNELS:
        for f in GENERATED:
            expect(os.path.isfile(ex.kernel_file(k, f)), "%s/%s was not generated" % (k, f), out)
    with open(ex.kernel_file("scaled_relu", "compute.cpp")) as f:
        compute = f.read()
    # The scale comes from -DKERNEL_SCALE=0.5f (FLAGS_FROM); 0.5f is 0x3f000000.
    expect("mul_unary_tile(0, 0x3f000000u)" in compute,
           "scaled_relu/compute.cpp lacks the * 0.5f: flags not passed")


def package_build_tree(args):
    ex = Example(args, os.path.join(args.work, "package-build-tree"))
    ex.configure(args.tilesplit_build)
    out = ex.build_step()
    check_first_build(ex, out)

    # The build tree's package has the emulator: the generated host program ran against it.
    host = os.path.join(ex.build, "scaled_relu_host")
    expect(os.path.isfile(host), "scaled_relu_host was not built (no tilesplit::emu?)", out)
    env = dict(os.environ, TILESPLIT_EMU_CACHE=os.path.join(args.tilesplit_build, "emu-cache"))
    res = run([host, os.path.join(ex.build, "kernels", "scaled_relu")], env=env)
    # Inputs are 1.0: relu(1) * 0.5.
    expect("y[0] = 0.500000" in res, "the host program computed the wrong value", res)

    # The rule depends on the tilesplit binary itself.
    inputs = run(["ninja", "-C", ex.build, "-t", "query",
                  ex.kernel_file("scaled_relu", "host.cpp")])
    tool = os.path.realpath(os.path.join(args.tilesplit_build, "bin", "tilesplit"))
    expect(tool in inputs, "the translation rule does not depend on " + tool, inputs)
    check_rebuilds(ex, ninja=True)


def package_install(args):
    work = os.path.join(args.work, "package-install")
    ex = Example(args, work)
    staged = os.path.join(work, "staged")
    prefix = os.path.join(work, "prefix")
    run(["cmake", "--install", args.tilesplit_build, "--prefix", staged])
    # The package must not remember where it was installed or built.
    shutil.move(staged, prefix)
    for name in os.listdir(os.path.join(prefix, "lib", "cmake", "tilesplit")):
        with open(os.path.join(prefix, "lib", "cmake", "tilesplit", name)) as f:
            text = f.read()
        for path in (staged, args.tilesplit_build, args.source_dir):
            expect(path not in text, "installed %s names %s" % (name, path))

    ex.configure(prefix, generator="Unix Makefiles", cxx=args.gcc)
    out = ex.build_step()
    check_first_build(ex, out)
    expect(not os.path.exists(os.path.join(ex.build, "scaled_relu_host")),
           "an installed package has no emulator, yet the host program was built", out)
    with open(os.path.join(ex.build, "CMakeFiles", "device_kernels.dir", "build.make")) as f:
        rules = f.read()
    expect(os.path.join(prefix, "bin", "tilesplit") + " " in rules,
           "the rule does not run the installed tilesplit", rules)
    check_rebuilds(ex, ninja=False)

    # An installed tool prefers a resource directory next to it (tilesplit installed into
    # Clang's prefix) to the one it was built with.
    real = run([os.path.join(prefix, "bin", "tilesplit"), "--print-resource-dir"]).strip()
    local = os.path.join(prefix, "lib", "clang", args.clang_major)
    os.makedirs(os.path.dirname(local))
    os.symlink(real, local)
    printed = run([os.path.join(prefix, "bin", "tilesplit"), "--print-resource-dir"]).strip()
    expect(printed == local, "expected the resource directory %s, got %s" % (local, printed))


def tilesplit(args, *argv, cwd=None, expect_ok=True):
    return run([os.path.join(args.tilesplit_build, "bin", "tilesplit")] + list(argv), cwd=cwd,
               expect_ok=expect_ok)


def compdb(args):
    work = os.path.join(args.work, "compdb")
    ex = Example(args, work)
    ex.configure(args.tilesplit_build)
    sources = [os.path.join(ex.src, "kernels", k + ".cpp") for k in KERNELS]
    scaled = sources[0]

    # The kernel needs -I include and -DKERNEL_SCALE=0.5f, which only the database has.
    out = tilesplit(args, scaled, "-o", "no-db", cwd=work, expect_ok=False)
    expect("'activation.h' file not found" in out, "without -p the include should be missing", out)

    help_text = tilesplit(args, "--help")
    for opt in ("-p ", "--extra-arg=", "--extra-arg-before=", "-j ", "--resource-dir=",
                "--depfile=", "--depfile-target="):
        expect(opt in help_text, "--help does not list " + opt, help_text)

    # Several sources, in parallel, relative -o: the outputs land in the current directory, not
    # in the database's (each file's ClangTool works in the database directory). Repeated,
    # because a race shows only sometimes.
    for attempt in range(4):
        shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
        out = tilesplit(args, "-p", ex.build, *sources, "-j", "2", "-o", "out",
                        "--depfile", "out.d", cwd=work)
        for k in KERNELS:
            expect(os.path.isfile(os.path.join(work, "out", k, "compute.cpp")),
                   "attempt %d: -j 2 did not write out/%s" % (attempt, k), out)
        expect(not os.path.exists(os.path.join(ex.build, "out")),
               "attempt %d: outputs were written into the database's directory" % attempt)
    with open(os.path.join(work, "out", "scaled_relu", "compute.cpp")) as f:
        expect("0x3f000000u" in f.read(), "-p did not apply the database's -D")

    # The depfile names, as absolute paths, the files written and everything read.
    with open(os.path.join(work, "out.d")) as f:
        depfile = f.read()
    for path in [os.path.join(work, "out", k, g) for k in KERNELS for g in GENERATED] + \
            sources + [os.path.join(ex.src, "include", "activation.h")]:
        expect(path in depfile, "the depfile does not name " + path, depfile)
    expect(re.search(r"/tilesplit/tile\.hpp", depfile), "the depfile lacks tile.hpp", depfile)

    # --extra-arg comes after the database's flags, --extra-arg-before before them.
    out = tilesplit(args, "-p", ex.build, scaled, "-o", "after", "--extra-arg=-UKERNEL_SCALE",
                    cwd=work, expect_ok=False)
    expect("KERNEL_SCALE is not defined" in out, "--extra-arg=-U did not undefine", out)
    tilesplit(args, "-p", ex.build, scaled, "-o", "before",
              "--extra-arg-before=-UKERNEL_SCALE", cwd=work)

    # A file the database does not list borrows the flags of its nearest neighbour.
    new = os.path.join(ex.src, "kernels", "new_kernel.cpp")
    with open(scaled) as f:
        text = f.read()
    with open(new, "w") as f:
        f.write(text.replace("void scaled_relu(", "void new_kernel("))
    tilesplit(args, "-p", ex.build, new, "-o", "new", cwd=work)
    expect(os.path.isfile(os.path.join(work, "new", "new_kernel", "compute.cpp")),
           "a source missing from the database was not translated")


def compdb_gcc(args):
    work = os.path.join(args.work, "compdb-gcc")
    ex = Example(args, work)
    # GCC-only flags, as a real GCC project's would have: warnings Clang does not know, and an
    # option its driver does not know at all.
    ex.configure(args.tilesplit_build, cxx=args.gcc,
                 extra=["-DCMAKE_CXX_FLAGS=-Wduplicated-cond -Wno-maybe-uninitialized "
                        "-fconserve-stack"])
    commands = ex.compile_commands()
    expect(all(os.path.basename(c["command"].split()[0]).startswith("g++") for c in commands),
           "the database was not written for g++: " + json.dumps(commands))

    # <stddef.h> is one of Clang's builtin headers: found only in Clang's resource directory,
    # whatever compiler the database names. offsetof is Clang's __builtin_offsetof there.
    std = os.path.join(ex.src, "kernels", "with_std.cpp")
    with open(std, "w") as f:
        f.write("""#include <stddef.h>
#include <cstdint>
#include <tilesplit/tile.hpp>
#include "activation.h"
using namespace tilesplit;
struct Pair { std::int32_t a, b; };
static_assert(offsetof(Pair, b) == sizeof(std::int32_t), "offsetof");
void with_std(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = relu(a.tile(i)) * OUTPUT_SCALE;
}
""")
    sources = [os.path.join(ex.src, "kernels", k + ".cpp") for k in KERNELS] + [std]
    out = tilesplit(args, "-p", ex.build, *sources, "-o", "out", cwd=work)
    expect("unknown warning option" not in out, "GCC-only warning flags were reported", out)
    expect("-fconserve-stack" in commands[0]["command"], "the database lacks -fconserve-stack")
    for k in KERNELS + ["with_std"]:
        expect(os.path.isfile(os.path.join(work, "out", k, "compute.cpp")), k + " not translated",
               out)

    resource = tilesplit(args, "--print-resource-dir").strip()
    expect(os.path.isfile(os.path.join(resource, "include", "stddef.h")),
           "--print-resource-dir printed %r, which has no include/stddef.h" % resource)
    empty = os.path.join(work, "empty")
    os.makedirs(empty)
    out = tilesplit(args, "-p", ex.build, std, "-o", "bad", "--resource-dir=" + empty, cwd=work,
                    expect_ok=False)
    expect("is not a Clang resource directory" in out, "a bad --resource-dir was accepted", out)


CLANGD_DIAG = re.compile(r"^E\[[^\]]*\] \[([^\]]*)\] Line (\d+): (.*)$", re.M)


def clangd_errors(args, path, db_dir, work):
    """The error diagnostics clangd --check reports for path, and its summary line."""
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_CACHE_HOME=os.path.join(work, "cache"))
    p = subprocess.run([args.clangd, "--check=" + path, "--compile-commands-dir=" + db_dir,
                        "--enable-config=0"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    summary = re.search(r"All checks completed, (\d+) errors", p.stdout)
    if not summary:
        fail("clangd --check=%s did not complete (status %d):\n%s" % (path, p.returncode,
                                                                      p.stdout))
    return CLANGD_DIAG.findall(p.stdout), int(summary.group(1)), p.returncode, p.stdout


def clangd(args):
    work = os.path.join(args.work, "clangd")
    ex = Example(args, work)
    ex.configure(args.tilesplit_build)
    files = [os.path.join(ex.src, "kernels", k + ".cpp") for k in KERNELS] + \
        [os.path.join(ex.src, "include", "activation.h")]
    for path in files:
        diags, count, status, out = clangd_errors(args, path, ex.build, work)
        expect(not diags and count == 0 and status == 0,
               "clangd reports errors in %s with the project's database: %s" % (path, diags), out)

    # The check can fail: without the database the include and the definition are missing.
    nodb = os.path.join(work, "no-database")
    os.makedirs(nodb)
    diags, count, status, out = clangd_errors(args, files[0], nodb, work)
    expect(any(code == "pp_file_not_found" for code, _, _ in diags) and count > 0 and status != 0,
           "clangd found no error without the database", out)


CHECKS = {
    "package-build-tree": package_build_tree,
    "package-install": package_install,
    "compdb": compdb,
    "compdb-gcc": compdb_gcc,
    "clangd": clangd,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("check", choices=sorted(CHECKS))
    ap.add_argument("--source-dir", required=True, help="tilesplit's source tree")
    ap.add_argument("--tilesplit-build", required=True, help="tilesplit's build tree")
    ap.add_argument("--work", required=True, help="scratch directory")
    ap.add_argument("--cxx", default="clang++-19", help="C++ compiler for the example")
    ap.add_argument("--gcc", default="g++", help="GCC for the GCC checks")
    ap.add_argument("--clangd", default="clangd-19")
    ap.add_argument("--clang-major", default="19")
    args = ap.parse_args()
    for attr in ("source_dir", "tilesplit_build", "work"):
        setattr(args, attr, os.path.realpath(getattr(args, attr)))
    try:
        CHECKS[args.check](args)
    except CheckFailed as e:
        print("FAIL %s: %s" % (args.check, e))
        return 1
    print("PASS " + args.check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
