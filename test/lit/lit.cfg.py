# lit configuration for tilesplit's output tests: translate into %t, then one
# FileCheck per generated file; diagnostics tests check stderr exactly.
import os

import lit.formats

config.name = "tilesplit"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tilesplit_obj_root, "test", "lit")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.tilesplit_tools_dir, config.environment.get("PATH", "")])
# Before %tilesplit, which is a prefix of it.
config.substitutions.append(("%tilesplit-run", os.path.join(config.tilesplit_tools_dir, "tilesplit-run")))
config.substitutions.append(("%tilesplit", os.path.join(config.tilesplit_tools_dir, "tilesplit")))
config.substitutions.append(("%examples", os.path.join(config.tilesplit_src_root, "examples")))
config.substitutions.append(("%src_root", config.tilesplit_src_root))

# Graphviz renders the --dump-dfg=dot output; scripts/setup.sh installs it.
import shutil
if shutil.which("dot"):
    config.available_features.add("dot")

# A tmpfs of the test's own, mounted in a private user and mount namespace (no root
# needed where unprivileged user namespaces are allowed, nothing visible outside): a
# full disk on demand. Mounting over /tmp here only probes that it works.
import subprocess
try:
    if subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /tmp"],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
        config.available_features.add("private-tmpfs")
except OSError:
    pass
