#!/usr/bin/env python3
"""Turns bench/compare.sh's runs.jsonl into the results section of docs/performance.md.

Usage: report.py RUNS.jsonl OUT.md MACHINE JDKS TORCH_VERSION ELAPSED_S JAVA_OPTS REFERENCE

Everything above the line '<!-- results -->' in OUT.md is kept (the hand-written analysis);
everything below it is replaced by the tables generated here.
"""
import json
import os
import statistics
import sys

MARK = "<!-- results -->"
METRICS = [
    ("train_target_tokens_per_s", "train tok/s"),
    ("greedy_batch_sentences_per_s", "greedy batch sent/s"),
    ("greedy_single_sentences_per_s", "greedy single sent/s"),
    ("beam5_single_sentences_per_s", "beam5 single sent/s"),
    ("maxrss_mb", "peak RSS MB"),
    ("cpu_s", "process CPU s"),
]


def fmt(x):
    return f"{x:.0f}" if x >= 100 else f"{x:.1f}"


def cell(values):
    med = statistics.median(values)
    return f"{fmt(med)} ({fmt(min(values))}–{fmt(max(values))})" if len(values) > 1 else fmt(med)


def main():
    runs_path, out_path, machine, jdks, torchv, elapsed, java_opts, ref = sys.argv[1:9]
    runs = [json.loads(line) for line in open(runs_path, encoding="utf-8") if line.strip()]
    groups = {}
    for r in runs:
        groups.setdefault((r["bench_config"], r["threads"]), {}).setdefault(r["bench_impl"], []).append(r)
    impls = sorted({r["bench_impl"] for r in runs}, key=lambda i: (i != "pytorch", i))
    loads = [r["load1"] for r in runs]
    cores = sorted({r["openblas_core"] for r in runs if r.get("openblas_core")})
    rounds = max(r["round"] for r in runs)
    lines = [MARK, "", f"## Results ({os.path.basename(os.path.dirname(runs_path))})", ""]
    lines += [f"- Machine: {machine}",
              f"- JDKs: {jdks.strip().rstrip(';')}; Java runs through the launcher with "
              + (f"SEQ2SEQ4J_OPTS=`{java_opts}`" if java_opts.strip() else "no SEQ2SEQ4J_OPTS") + "; "
              "the JVM's options as it reported them: "
              + "; ".join(f"`{o}`" for o in sorted({r["jvm_options"] for r in runs if r.get("jvm_options")})),
              f"- PyTorch {torchv} (Debian python3-torch with libopenblas0-openmp), reference `{os.path.basename(ref)}`"
              + (f"; OpenBLAS kernel: {', '.join(cores)}" if cores else ""),
              f"- {len(runs)} runs in {rounds} round(s), {int(elapsed) // 60} min; implementations alternate within each "
              f"round; 1-minute load average during the runs: median {statistics.median(loads):.1f}, "
              f"range {min(loads):.1f}–{max(loads):.1f} (the runs themselves and their JIT and GC threads count)",
              "- Each cell: median (min–max) over the rounds; ratios are of medians, Java / PyTorch "
              "(higher is better for throughputs, lower for RSS and CPU). Process CPU is user + system "
              "time of the whole run (start-up, JIT compilation and untimed phases included).", ""]
    for (name, threads), by_impl in sorted(groups.items()):
        any_run = next(iter(by_impl.values()))[0]
        cfg = json.dumps(any_run["config"], separators=(",", ":"))
        lines += [f"### {name}, {threads} thread{'s' if threads > 1 else ''}", "",
                  f"`{cfg}`, vocab {any_run['vocab']}, batch {any_run['batch']}, {any_run['steps']} timed steps", "",
                  "| metric | " + " | ".join(impls) + " | " + " | ".join(f"{i}/pytorch" for i in impls if i != "pytorch") + " |",
                  "|---" * (1 + len(impls) + len(impls) - 1) + "|"]
        for key, label in METRICS:
            row = [label]
            meds = {}
            for impl in impls:
                vals = [r[key] for r in by_impl.get(impl, [])]
                meds[impl] = statistics.median(vals) if vals else None
                row.append(cell(vals) if vals else "–")
            for impl in impls:
                if impl == "pytorch":
                    continue
                p, j = meds.get("pytorch"), meds.get(impl)
                row.append(f"**{j / p:.2f}×**" if p and j else "–")
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    lines += ["Commands (one run each):", ""]
    seen = set()
    for r in runs:
        key = (r["bench_impl"], r["bench_config"], r["threads"])
        if key not in seen:
            seen.add(key)
            lines.append(f"    {r['command']}")
    lines.append("")
    head = ""
    if os.path.exists(out_path):
        text = open(out_path, encoding="utf-8").read()
        head = text.split(MARK)[0] if MARK in text else text + "\n"
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(head + "\n".join(lines))


if __name__ == "__main__":
    main()
