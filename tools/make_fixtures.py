#!/usr/bin/env python3
"""Regenerates every golden fixture of seq2seq4j from the PyTorch reference, in one command:

    tools/make_fixtures.sh            (= /usr/bin/python3 tools/make_fixtures.py)

Output: seq2seq4j-core/src/test/resources/fixtures/ (replaced as a whole), with index.json (every file, what it
holds, tensor shapes), README.md (naming conventions) and PROVENANCE.json (torch version, seeds, command, date).
The reference is <repo>/../shared/reference/seq2seq_ref.py unless SEQ2SEQ4J_REFERENCE names the file (or its
directory). Every fixture uses its own fixed seed and torch runs on one thread, so a rerun gives identical tensors.
"""
import datetime
import hashlib
import importlib.util
import os
import platform
import shutil
import subprocess
import sys

import torch

TOOLS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TOOLS)
FIXTURES = os.path.join(REPO, "seq2seq4j-core", "src", "test", "resources", "fixtures")
sys.path.insert(0, TOOLS)

from fixturegen import attention, common, io_files, models, ops, optim, rnn  # noqa: E402

FAMILIES = [("ops", ops), ("rnn", rnn), ("attention", attention), ("optim", optim), ("io", io_files),
            ("models", models)]


def reference_path():
    p = os.environ.get("SEQ2SEQ4J_REFERENCE") or os.path.join(REPO, "..", "shared", "reference")
    if os.path.isdir(p):
        p = os.path.join(p, "seq2seq_ref.py")
    if not os.path.isfile(p):
        sys.exit(f"make_fixtures: reference not found at {p}; set SEQ2SEQ4J_REFERENCE to seq2seq_ref.py")
    return os.path.abspath(p)


def load_reference(path):
    spec = importlib.util.spec_from_file_location("seq2seq_ref", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def git_head():
    try:
        return subprocess.run(["git", "-C", REPO, "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main():
    ref_path = reference_path()
    ref = load_reference(ref_path)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    staging = FIXTURES + ".tmp"                   # built aside, swapped in at the end: never a half-written tree
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    out = common.Output(staging, ref)
    for name, family in FAMILIES:
        print(f"make_fixtures: {name}", file=sys.stderr, flush=True)
        family.generate(out, ref)
    out.write_index()
    shutil.copyfile(os.path.join(TOOLS, "fixtures_README.md"), os.path.join(staging, "README.md"))
    with open(ref_path, "rb") as f:
        ref_sha = hashlib.sha256(f.read()).hexdigest()
    provenance = {
        "command": "tools/make_fixtures.sh",
        "date": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
        "python": platform.python_version(), "torch": torch.__version__, "numpy": __import__("numpy").__version__,
        "torch_threads": torch.get_num_threads(), "platform": platform.platform(),
        "reference": {"path": os.path.relpath(ref_path, REPO), "sha256": ref_sha},
        "repo_head_when_generated": git_head(),
        "seeds": "each fixture's seed is in index.json (files.*.seed, models.*.seed); families use disjoint ranges: "
                 "ops 101-140, rnn 200-232, attention 300-303, optim 400-410, io 500, models 1000+",
    }
    import json
    with open(os.path.join(staging, "PROVENANCE.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(provenance, f, indent=2)
        f.write("\n")
    shutil.rmtree(FIXTURES, ignore_errors=True)
    os.replace(staging, FIXTURES)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(FIXTURES) for f in fs)
    print(f"make_fixtures: {len(out.files)} files, {size / 1e6:.2f} MB in {os.path.relpath(FIXTURES, REPO)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
