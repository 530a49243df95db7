#!/usr/bin/python3
"""Merges matmul results into one markdown table: GFLOP/s median (min-max) per shape, layout and
thread count, one column per source, plus each Java column as a percentage of the first torch column.

Sources are JMH JSON files from MatmulBenchmark (-rf json) or text tables printed by
tools/bench_matmul_torch.py and io.github.seq2seq4j.bench.MatmulCpuTime:

  python3 tools/bench_table.py torch=torch_a.txt jdk17=j17.json jdk25=j25.json plain-java=scalar.json
"""
import json
import re
import statistics
import sys

SHAPE_ORDER = ["64x512x768", "64x256x768", "1280x256x8000", "1024x1024x1024", "64x128x384"]


def from_json(path):
    out = {}
    with open(path) as f:
        for run in json.load(f):
            p = run["params"]
            m, k, n = (int(x) for x in p["shape"].split("x"))
            scale = {"us/op": 1e-6, "ms/op": 1e-3, "ns/op": 1e-9, "s/op": 1.0}[run["primaryMetric"]["scoreUnit"]]
            rates = sorted(2.0 * m * n * k / (t * scale) / 1e9 for fork in run["primaryMetric"]["rawData"] for t in fork)
            out[(int(p["threads"]), p["shape"], p["layout"])] = (statistics.median(rates), rates[0], rates[-1])
    return out


def from_text(path):
    out = {}
    row = re.compile(r"^\s*(\d+)\s+(\d+x\d+x\d+)\s+(NN|NT|TN)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$")
    with open(path) as f:
        for line in f:
            m = row.match(line)
            if m:
                out[(int(m.group(1)), m.group(2), m.group(3))] = tuple(float(m.group(i)) for i in (4, 5, 6))
    return out


def main():
    columns = []
    for arg in sys.argv[1:]:
        name, path = arg.split("=", 1)
        columns.append((name, from_json(path) if path.endswith(".json") else from_text(path)))
    reference = next((data for name, data in columns if name.startswith("torch")), None)
    keys = sorted({k for _, data in columns for k in data},
                  key=lambda k: (k[0], SHAPE_ORDER.index(k[1]) if k[1] in SHAPE_ORDER else 99, k[1], k[2]))
    header = "| threads | m×k×n | layout | " + " | ".join(name for name, _ in columns) + " |"
    print(header)
    print("|" + "---|" * (3 + len(columns)))
    for key in keys:
        cells = []
        for name, data in columns:
            if key not in data:
                cells.append("")
                continue
            med, lo, hi = data[key]
            cell = f"{med:.1f} ({lo:.0f}–{hi:.0f})"
            if reference is not None and not name.startswith("torch") and key in reference:
                cell += f" **{100 * med / reference[key][0]:.0f}%**"
            cells.append(cell)
        print(f"| {key[0]} | {key[1]} | {key[2]} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
