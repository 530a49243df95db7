#!/usr/bin/env python3
"""Writes the CMUdict sample that `seq2seq4j demo` trains on, into the CLI's resources.

The sample is taken deterministically from the project's CMUdict split (../shared/data/cmudict,
see its README.md): the files list words in sorted order, each word's pronunciations on
consecutive lines. Words are numbered 0, 1, 2, ... in file order; the training sample keeps every
word whose number is a multiple of --train-every, the dev sample every word whose number is a
multiple of --dev-every, each with ALL its pronunciations. The two splits of the source data share
no word, and this script checks that again on its output.

The committed files were made from the repository root with

    python3 tools/make_demo_data.py

(the defaults: --data ../shared/data/cmudict --train-every 11 --dev-every 12). Python 3.8+, standard
library only. Running it again on the same data rewrites identical files.
"""

import argparse
import hashlib
import os
import sys
import tempfile

OUT = "seq2seq4j-cli/src/main/resources/io/github/seq2seq4j/cli/demo"


def read_words(path):
    """The (word, [pronunciation lines]) groups of a TSV file, in file order."""
    groups = []
    seen = set()
    with open(path, encoding="utf-8", newline="\n") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0] or not parts[1]:
                sys.exit(f"{path}:{n}: expected 'source<TAB>target', got {line!r}")
            if groups and groups[-1][0] == parts[0]:
                groups[-1][1].append(line)
            elif parts[0] in seen:
                sys.exit(f"{path}:{n}: the lines of {parts[0]!r} are not consecutive")
            else:
                seen.add(parts[0])
                groups.append((parts[0], [line]))
    return groups


def every(groups, step):
    return [g for i, g in enumerate(groups) if i % step == 0]


def write_atomic(path, data):
    """Writes bytes through a temporary sibling and a rename, so no half-written file is left."""
    d = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(dir=d, prefix="." + os.path.basename(path) + ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; these are ordinary source files
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def tsv(groups):
    return "".join(line + "\n" for _, lines in groups for line in lines).encode("utf-8")


def readme(args, train, dev, train_total, dev_total):
    def lines(gs):
        return sum(len(ls) for _, ls in gs)

    return f"""# The CMUdict sample of `seq2seq4j demo`

English spelling -> ARPAbet pronunciation pairs taken from the **CMU Pronouncing Dictionary**
(Copyright (C) 1993-2015 Carnegie Mellon University; its licence is in `LICENSE` beside this file
and travels with every copy of these pairs). The dictionary is the work of Carnegie Mellon
University and the many volunteers who extended it: http://www.speech.cs.cmu.edu/cgi-bin/cmudict
and https://github.com/cmusphinx/cmudict.

| file | what | words | lines |
| --- | --- | --- | --- |
| `train.tsv` | one word in {args.train_every} of the project's CMUdict training split | {len(train):,} of {train_total:,} | {lines(train):,} |
| `dev.tsv` | one word in {args.dev_every} of its dev split (none is in train.tsv) | {len(dev):,} of {dev_total:,} | {lines(dev):,} |

Format (as in the full data): UTF-8, one pair per line, `letters<TAB>phonemes`, letters and
phonemes separated by single spaces, stress digits removed (39 phonemes), all pronunciations of a
word on consecutive lines. Words are numbered 0, 1, 2, ... in the sorted source file; a word is kept
when its number is a multiple of the step, with all its pronunciations.

The source data is the project's split of CMUdict (`../shared/data/cmudict/`, described in its
README.md: the npm package cmu-pronouncing-dictionary 3.0.0, identical to cmusphinx/cmudict at
commit 98e7624e053bec3ab9d90bbd0312b056f58fa8cd; letters-only words, stress removed, split by a hash
of the word). These files were written, from the repository root, by

    python3 tools/make_demo_data.py --train-every {args.train_every} --dev-every {args.dev_every}

with `--data DIR` added when the CMUdict directory is not `../shared/data/cmudict`.

`SHA256SUMS` holds the checksums of the data files (`sha256sum -c SHA256SUMS`). `demo.yaml` is the
training configuration the demo uses (paths relative to it).
""".encode("utf-8")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", default="../shared/data/cmudict", help="directory with train.tsv, dev.tsv, LICENSE")
    p.add_argument("--out", default=OUT, help="where to write the sample (default: %(default)s)")
    p.add_argument("--train-every", type=int, default=11, help="keep every Nth training word")
    p.add_argument("--dev-every", type=int, default=12, help="keep every Nth dev word")
    args = p.parse_args()
    if args.train_every < 1 or args.dev_every < 1:
        sys.exit("--train-every and --dev-every must be >= 1")

    train_all = read_words(os.path.join(args.data, "train.tsv"))
    dev_all = read_words(os.path.join(args.data, "dev.tsv"))
    train = every(train_all, args.train_every)
    dev = every(dev_all, args.dev_every)
    overlap = {w for w, _ in train} & {w for w, _ in dev}
    if overlap:
        sys.exit(f"dev words also in the training sample: {sorted(overlap)[:10]}")

    os.makedirs(args.out, exist_ok=True)
    files = {"train.tsv": tsv(train), "dev.tsv": tsv(dev)}
    for name, data in files.items():
        write_atomic(os.path.join(args.out, name), data)
    with open(os.path.join(args.data, "LICENSE"), "rb") as f:
        write_atomic(os.path.join(args.out, "LICENSE"), f.read())
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in files.items())
    write_atomic(os.path.join(args.out, "SHA256SUMS"), sums.encode("ascii"))
    write_atomic(os.path.join(args.out, "README.md"), readme(args, train, dev, len(train_all), len(dev_all)))
    for name, gs in (("train", train), ("dev", dev)):
        print(f"{name}: {len(gs)} words, {sum(len(ls) for _, ls in gs)} lines")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
