#!/usr/bin/python3
"""PyTorch/OpenBLAS reference for seq2seq4j's MatmulBenchmark: same shapes, layouts and threads.

Usage: /usr/bin/python3 tools/bench_matmul_torch.py [--threads 1,2] [--repeats 7] [--seconds 0.3]
                                                    [--cpu-time]

For each shape m x k x n, layout (NN = A.B, NT = A.B^T with B stored [n,k], TN = A^T.B with A
stored [k,m]) and thread count, times `torch.matmul(a, b, out=c)` on transposed views (no copies,
so BLAS sees the transpose flags) and prints GFLOP/s = 2mnk / time: the median of the repeats and
their min-max spread. With --cpu-time (single thread only) the calling thread's CPU time is used
instead of wall time, like seq2seq4j's MatmulCpuTime, so that time spent descheduled on a shared
machine does not count.
"""
import argparse
import statistics
import time

import torch

SHAPES = [(64, 512, 768), (64, 256, 768), (1280, 256, 8000), (1024, 1024, 1024), (64, 128, 384)]
LAYOUTS = ["NN", "NT", "TN"]


def uniform(rows, cols, gen):
    return torch.rand(rows, cols, generator=gen) * 2 - 1


def operands(m, k, n, layout, gen):
    # transposed operands are views of row-major storage, as in the Java benchmark
    a = uniform(k, m, gen).t() if layout[0] == "T" else uniform(m, k, gen)
    b = uniform(n, k, gen).t() if layout[1] == "T" else uniform(k, n, gen)
    return a, b


def measure(m, k, n, layout, repeats, seconds, clock=time.perf_counter):
    gen = torch.Generator().manual_seed(42)
    a, b = operands(m, k, n, layout, gen)
    c = torch.empty(m, n)
    flop = 2.0 * m * n * k
    for _ in range(5):
        torch.matmul(a, b, out=c)
    calls = max(1, int(seconds / max(1e-7, _time_one(a, b, c))))
    rates = []
    for _ in range(repeats):
        t0 = clock()
        for _ in range(calls):
            torch.matmul(a, b, out=c)
        rates.append(flop * calls / (clock() - t0) / 1e9)
    return statistics.median(rates), min(rates), max(rates)


def _time_one(a, b, c):
    t0 = time.perf_counter()
    torch.matmul(a, b, out=c)
    return time.perf_counter() - t0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.3, help="target duration of one repeat")
    parser.add_argument("--cpu-time", action="store_true", help="time with this thread's CPU time (1 thread)")
    args = parser.parse_args()
    clock = time.thread_time if args.cpu_time else time.perf_counter
    if args.cpu_time:
        args.threads = "1"
    print(f"# torch {torch.__version__}, BLAS: {blas_name()}")
    print(f"{'threads':>7} {'shape':>16} {'layout':>6} {'GFLOP/s':>8} {'min':>7} {'max':>7}")
    for threads in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(threads)
        for m, k, n in SHAPES:
            for layout in LAYOUTS:
                med, lo, hi = measure(m, k, n, layout, args.repeats, args.seconds, clock)
                print(f"{threads:>7} {f'{m}x{k}x{n}':>16} {layout:>6} {med:8.1f} {lo:7.1f} {hi:7.1f}", flush=True)


def blas_name():
    """The BLAS library actually mapped into this process (Debian's torch links libblas.so.3,
    which the alternatives system points at OpenBLAS)."""
    torch.matmul(torch.ones(2, 2), torch.ones(2, 2))
    with open("/proc/self/maps") as maps:
        libs = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    return ", ".join(libs) or "unknown"


if __name__ == "__main__":
    main()
