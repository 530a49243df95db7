#!/usr/bin/python3
"""Turns the JSON of MatmulBenchmark runs (java -jar benchmarks.jar MatmulBenchmark -rf json -rff F)
into GFLOP/s = 2mnk / time per call: the median of the measurement iterations and their min-max.

Usage: python3 tools/jmh_gflops.py results.json [more.json ...]
"""
import json
import statistics
import sys


def rows(path):
    with open(path) as f:
        for run in json.load(f):
            params = run["params"]
            m, k, n = (int(x) for x in params["shape"].split("x"))
            unit = run["primaryMetric"]["scoreUnit"]
            scale = {"us/op": 1e-6, "ms/op": 1e-3, "ns/op": 1e-9, "s/op": 1.0}[unit]
            times = [t for fork in run["primaryMetric"]["rawData"] for t in fork]
            rates = sorted(2.0 * m * n * k / (t * scale) / 1e9 for t in times)
            yield int(params["threads"]), params["shape"], params["layout"], rates


def main():
    print(f"{'file':>14} {'threads':>7} {'shape':>16} {'layout':>6} {'GFLOP/s':>8} {'min':>7} {'max':>7}")
    for path in sys.argv[1:]:
        name = path.rsplit("/", 1)[-1].removesuffix(".json")
        for threads, shape, layout, rates in sorted(rows(path)):
            print(f"{name:>14} {threads:>7} {shape:>16} {layout:>6} {statistics.median(rates):8.1f} "
                  f"{rates[0]:7.1f} {rates[-1]:7.1f}")


if __name__ == "__main__":
    main()
