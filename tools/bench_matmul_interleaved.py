#!/usr/bin/python3
"""Java (seq2seq4j Gemm) and PyTorch/OpenBLAS matmul, measured alternately, config by config.

On a machine shared with other jobs the load changes from minute to minute, so two benchmark runs
made one after the other are not comparable. This script keeps one JVM (MatmulProbe) and this
Python process alive and, for every shape, layout and thread count, times Java and torch seconds
apart, alternating which goes first; it repeats the whole sweep --rounds times and prints the
median (min-max) GFLOP/s of each and the median of the per-round ratios Java/torch.

Usage:
  /usr/bin/python3 tools/bench_matmul_interleaved.py --java "java --add-modules jdk.incubator.vector \
      -cp seq2seq4j-bench/target/benchmarks.jar io.github.seq2seq4j.bench.MatmulProbe" [--rounds 5]
"""
import argparse
import shlex
import statistics
import subprocess
import time

import torch

SHAPES = [(64, 512, 768), (64, 256, 768), (1280, 256, 8000), (1024, 1024, 1024), (64, 128, 384)]
LAYOUTS = ["NN", "NT", "TN"]


def torch_rate(m, k, n, layout, threads, seconds):
    torch.set_num_threads(threads)
    gen = torch.Generator().manual_seed(42)
    a = (torch.rand(k, m, generator=gen) * 2 - 1).t() if layout[0] == "T" else torch.rand(m, k, generator=gen) * 2 - 1
    b = (torch.rand(n, k, generator=gen) * 2 - 1).t() if layout[1] == "T" else torch.rand(k, n, generator=gen) * 2 - 1
    c = torch.empty(m, n)

    def timed(budget):
        calls, t0 = 0, time.perf_counter()
        while True:
            torch.matmul(a, b, out=c)
            calls += 1
            t1 = time.perf_counter()
            if t1 - t0 >= budget:
                return 2.0 * m * n * k * calls / (t1 - t0) / 1e9

    timed(seconds / 3)
    return timed(seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--java", required=True, help="command line that starts MatmulProbe")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.6, help="timed duration of one measurement")
    args = parser.parse_args()
    java = subprocess.Popen(shlex.split(args.java), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    banner = java.stdout.readline().strip()
    while not banner.startswith("ready"):
        banner = java.stdout.readline().strip()

    def java_rate(m, k, n, layout, threads):
        java.stdin.write(f"{m} {k} {n} {layout} {threads} {args.seconds}\n")
        java.stdin.flush()
        return float(java.stdout.readline())

    configs = [(t, s, l) for t in (int(x) for x in args.threads.split(",")) for s in SHAPES for l in LAYOUTS]
    results = {c: ([], [], []) for c in configs}
    with open("/proc/loadavg") as f:
        load_start = f.read().split()[:3]
    for r in range(args.rounds):
        for i, (threads, (m, k, n), layout) in enumerate(configs):
            if (r + i) % 2 == 0:
                j = java_rate(m, k, n, layout, threads)
                t = torch_rate(m, k, n, layout, threads, args.seconds)
            else:
                t = torch_rate(m, k, n, layout, threads, args.seconds)
                j = java_rate(m, k, n, layout, threads)
            jr, tr, ratio = results[(threads, (m, k, n), layout)]
            jr.append(j)
            tr.append(t)
            ratio.append(j / t)
    with open("/proc/loadavg") as f:
        load_end = f.read().split()[:3]
    java.stdin.close()
    java.wait()
    print(f"# {banner[6:]}; torch {torch.__version__}; rounds {args.rounds} x {args.seconds}s;"
          f" loadavg {' '.join(load_start)} -> {' '.join(load_end)}")
    print(f"{'threads':>7} {'shape':>16} {'layout':>6} {'java':>22} {'torch':>22} {'java/torch':>10}")
    for (threads, (m, k, n), layout), (jr, tr, ratio) in results.items():
        cell = lambda xs: f"{statistics.median(xs):6.1f} ({min(xs):5.1f}-{max(xs):5.1f})"
        print(f"{threads:>7} {f'{m}x{k}x{n}':>16} {layout:>6} {cell(jr):>22} {cell(tr):>22}"
              f" {100 * statistics.median(ratio):9.0f}%", flush=True)


if __name__ == "__main__":
    main()
