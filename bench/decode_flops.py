#!/usr/bin/env python3
"""Multiply-adds of the benchmark's batched greedy decoding, and the GFLOP/s a throughput implies.

The matrix products of `bench`'s greedy batch (encoder over the real source positions only, keys
projected once, then max_len + 1 decoder steps over all rows, as seq2seq_ref.py's greedy_batch
with stop_at_eos=False) give a lower bound on the work any implementation does. Dividing by a
measured time gives the arithmetic rate it sustained; a target ratio to PyTorch then says what rate
the faster side would need, to compare with the machine's GEMM peak (docs/benchmarks.md).

  bench/decode_flops.py bench/results/STAMP/runs.jsonl
"""
import json
import statistics
import sys
from collections import defaultdict

CONFIGS = {  # as bench/compare.sh: name -> (config, vocab, batch, min_len, max_len)
    "S": ({"cell": "gru", "embedding_size": 64, "hidden_size": 128, "bidirectional": True, "attention": "bahdanau"}, 40, 64, 5, 20),
    "M": ({"cell": "gru", "embedding_size": 256, "hidden_size": 512, "bidirectional": True, "attention": "bahdanau"}, 8000, 64, 10, 30),
    "L": ({"cell": "lstm", "embedding_size": 128, "hidden_size": 256, "bidirectional": True, "attention": "luong_general"}, 1000, 64, 5, 25),
}
GATES = {"gru": 3, "lstm": 4, "rnn_tanh": 1, "rnn_relu": 1}


def greedy_batch_fmas(cfg, vocab, batch, min_len, max_len):
    """Multiply-adds of the matrix products (one layer; source lengths at their expected mean)."""
    e, h = cfg["embedding_size"], cfg["hidden_size"]
    g = GATES[cfg["cell"]] * h
    dirs = 2 if cfg["bidirectional"] else 1
    d = dirs * h
    positions = batch * (min_len + max_len) / 2          # real source positions in the batch
    steps = max_len + 1
    kind = cfg["attention"]
    a = cfg.get("attention_size") or h
    encoder = dirs * positions * g * (e + h)
    keys = positions * d * (a if kind in ("bahdanau", "luong_concat") else h if kind == "luong_general" else 0)
    dec_in = {"none": e, "bahdanau": e + d}.get(kind, e + h)
    per_step = batch * g * (dec_in + h)                  # decoder cell
    if kind in ("bahdanau", "luong_concat"):
        per_step += batch * h * a                         # query projection
    if kind != "none":
        per_step += batch * max_len * (a if kind in ("bahdanau", "luong_concat") else d) / 2  # scores
        per_step += batch * max_len * d / 2              # context
    if kind.startswith("luong"):
        per_step += batch * (d + h) * h                  # combine
    per_step += batch * h * vocab                        # output layer
    return encoder + keys + steps * per_step


def main(path):
    rates = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        rates[(r["bench_config"], r["threads"], r["bench_impl"])].append(r["greedy_batch_sentences_per_s"])
    print("| config | threads | impl | GFMA per batch | batch ms (median) | GFLOP/s | 2x PyTorch needs |")
    print("|---|---|---|---|---|---|---|")
    for (name, threads, impl), sents in sorted(rates.items()):
        cfg, vocab, batch, lo, hi = CONFIGS[name]
        fmas = greedy_batch_fmas(cfg, vocab, batch, lo, hi)
        ms = 1000 * batch / statistics.median(sents)
        torch = rates.get((name, threads, "pytorch"))
        need = ""
        if torch:
            need = "%.0f GFLOP/s" % (2 * fmas / (batch / statistics.median(torch) / 2) / 1e9)
        print("| %s | %d | %s | %.2f | %.1f | %.0f | %s |" % (name, threads, impl, fmas / 1e9, ms, 2 * fmas / ms / 1e6, need))


if __name__ == "__main__":
    main(sys.argv[1])
