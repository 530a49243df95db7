"""Whole models through the reference CLI: export a bundle, decode a committed source file greedily and with
beam search, and dump loss, log-probs and parameter gradients on a committed batch of pairs."""
import contextlib
import io
import itertools
import json
import math
import os
import sys
import tempfile

import torch

CELLS = ["rnn_tanh", "rnn_relu", "gru", "lstm"]
ATTENTIONS = ["none", "bahdanau", "luong_dot", "luong_general", "luong_concat"]
BASE = {"embedding_size": 6, "hidden_size": 8, "layers": 1, "attention_size": 0, "dropout": 0.0,
        "tie_output": False, "tokenizer": "char"}
INIT_SCALE = 0.5
BEAMS = [("beam3", 3, 1.0), ("beam5", 5, 0.6)]

# lengths 1..12 in code points; Z, !, 7 and the i-diaeresis are not in the default vocab (-> <unk>)
SRC = ["a", "hi", "cat", "dogs", "hello", "banana", "the cat", "xyzzy", "q", "abc abc", "Zebra!", "na\u00efve",
       "7 dogs", "summer", "ab", "sequence", "quick fox", "mississippi", "helloworldxy", "a  b c", "zz", ""]
PAIRS = [("hello", "olleh"), ("ab", "ba"), ("cat dog!", "!god tac"), ("q", "q")]
WORD_SRC = ["the cat", "a big red dog runs", "the dog sat on the mat", "cat", "the  zebra sat", " a mat ",
            "red red red", "on a big mat the cat sat", ""]
WORD_PAIRS = [("the cat sat", "le chat assis"), ("a dog", "un chien"), ("the big red cat runs on a mat",
              "le grand chat rouge court sur un tapis"), ("zebra", "zebre")]
WORD_SRC_VOCAB = ["the", "cat", "dog", "sat", "on", "a", "mat", "big", "red", "runs"]
WORD_TGT_VOCAB = ["le", "chat", "chien", "assis", "sur", "un", "tapis", "grand", "rouge", "court", "la", "petit"]


def configs():
    """(name, config overrides, export options); what the reference rejects is left out and listed in REJECTED."""
    out = []
    for cell, att, bidi in itertools.product(CELLS, ATTENTIONS, (False, True)):
        if att == "luong_dot" and bidi:
            continue
        out.append((f"{cell}-{att}-{'bi' if bidi else 'uni'}", {"cell": cell, "attention": att, "bidirectional": bidi}, {}))
    out += [
        ("x-gru-bahdanau-bi-layers2", {"cell": "gru", "attention": "bahdanau", "bidirectional": True, "layers": 2}, {}),
        ("x-lstm-luong_general-bi-layers2-dropout", {"cell": "lstm", "attention": "luong_general", "bidirectional": True,
                                                     "layers": 2, "dropout": 0.3}, {}),
        ("x-rnn_relu-none-uni-layers2", {"cell": "rnn_relu", "attention": "none", "bidirectional": False, "layers": 2}, {}),
        ("x-gru-luong_dot-uni-tied", {"cell": "gru", "attention": "luong_dot", "bidirectional": False,
                                      "embedding_size": 8, "tie_output": True}, {}),
        ("x-lstm-bahdanau-bi-tied", {"cell": "lstm", "attention": "bahdanau", "bidirectional": True,
                                     "embedding_size": 8, "tie_output": True}, {}),
        ("x-rnn_tanh-bahdanau-bi-attsize5", {"cell": "rnn_tanh", "attention": "bahdanau", "bidirectional": True,
                                             "attention_size": 5}, {}),
        ("x-lstm-luong_concat-uni-attsize5", {"cell": "lstm", "attention": "luong_concat", "bidirectional": False,
                                              "attention_size": 5}, {}),
        ("x-gru-luong_general-bi-whitespace", {"cell": "gru", "attention": "luong_general", "bidirectional": True,
                                               "tokenizer": "whitespace"}, {"words": True}),
        ("x-gru-bahdanau-bi-defaultinit", {"cell": "gru", "attention": "bahdanau", "bidirectional": True},
         {"init_scale": 0.0}),
    ]
    return out


REJECTED = [
    ("luong_dot with bidirectional=true", {"cell": "gru", "attention": "luong_dot", "bidirectional": True}),
    ("tie_output with embedding_size != hidden_size", {"cell": "gru", "attention": "none", "bidirectional": False,
                                                       "tie_output": True}),
    ("unknown cell", {"cell": "transformer", "attention": "none", "bidirectional": False}),
    ("unknown attention", {"cell": "gru", "attention": "multihead", "bidirectional": False}),
    ("unknown config key", {"cell": "gru", "attention": "none", "bidirectional": False, "heads": 4}),
]


def cli(ref, argv, stdin_text=""):
    """Runs the reference's main() in this process (same code path as the command line, without paying
    torch's start-up for each of a few hundred calls); returns what it printed."""
    saved = sys.argv, sys.stdin
    sys.argv, sys.stdin = ["seq2seq_ref.py"] + argv, io.StringIO(stdin_text)
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            ref.main()
    finally:
        sys.argv, sys.stdin = saved
    return buf.getvalue()


def generate(out, ref):
    root = os.path.join(out.root, "models")
    os.makedirs(root, exist_ok=True)
    inputs = {"src.txt": "".join(s + "\n" for s in SRC),
              "pairs.tsv": "".join(f"{s}\t{t}\n" for s, t in PAIRS),
              "words_src.txt": "".join(s + "\n" for s in WORD_SRC),
              "words_pairs.tsv": "".join(f"{s}\t{t}\n" for s, t in WORD_PAIRS),
              "words.src.vocab": "".join(t + "\n" for t in ref.SPECIALS + WORD_SRC_VOCAB),
              "words.tgt.vocab": "".join(t + "\n" for t in ref.SPECIALS + WORD_TGT_VOCAB)}
    for name, text in inputs.items():
        out.text(f"models/{name}", text, "input of the model fixtures (see models in index.json)")
    out.models["_rejected"] = _rejections(ref)
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, overrides, opts) in enumerate(configs()):
            _bundle(out, ref, root, tmp, name, {**BASE, **overrides}, seed=1000 + i,
                    init_scale=opts.get("init_scale", INIT_SCALE), words=opts.get("words", False))


def _rejections(ref):
    found = {}
    for what, overrides in REJECTED:
        try:
            ref.Seq2Seq(ref.Config(**{**BASE, **overrides}), 31, 31)
        except (ValueError, TypeError) as e:
            found[what] = f"{type(e).__name__}: {e}"
            continue
        raise AssertionError(f"the reference now accepts {what}: update the fixture list")
    return found


def _bundle(out, ref, root, tmp, name, cfg, seed, init_scale, words):
    d = os.path.join(root, name)
    cfg_path = os.path.join(tmp, name + ".json")
    with open(cfg_path, "w", encoding="utf-8") as f:
        json.dump(cfg, f)
    argv = ["export", "--config", cfg_path, "--seed", str(seed), "--init-scale", str(init_scale), "--out", d]
    if words:
        argv += ["--src-vocab", os.path.join(root, "words.src.vocab"), "--tgt-vocab", os.path.join(root, "words.tgt.vocab")]
    cli(ref, argv)
    src_file, pairs_file = ("words_src.txt", "words_pairs.tsv") if words else ("src.txt", "pairs.tsv")
    with open(os.path.join(root, src_file), encoding="utf-8") as f:
        src_text = f.read()
    commands = {"export": "seq2seq_ref.py " + " ".join(argv).replace(tmp, "TMP").replace(root, "models")}
    rel = f"models/{name}"
    greedy_out = cli(ref, ["greedy", "--model", d], src_text)
    out.text(f"{rel}/greedy.txt", greedy_out, "greedy output: detokenized hypothesis TAB total log-prob (%.6f)")
    commands["greedy.txt"] = f"seq2seq_ref.py greedy --model {rel} < models/{src_file}"
    for fname, k, alpha in BEAMS:
        text = cli(ref, ["beam", "--model", d, "--beam", str(k), "--alpha", str(alpha)], src_text)
        out.text(f"{rel}/{fname}.txt", text, f"beam {k}, alpha {alpha}: best hypothesis TAB its raw log-prob")
        commands[f"{fname}.txt"] = f"seq2seq_ref.py beam --model {rel} --beam {k} --alpha {alpha} < models/{src_file}"
    losses = {}
    for fname, eps in (("grads", 0.0), ("grads_smoothed", 0.1)):
        p = os.path.join(d, fname + ".safetensors")
        printed = cli(ref, ["fixture", "--model", d, "--pairs", os.path.join(root, pairs_file),
                            "--label-smoothing", str(eps), "--out", p])
        losses[fname] = float(printed.split()[1])
        state = ref.read_safetensors(p)
        out.describe(f"{rel}/{fname}.safetensors", f"fixture command on models/{pairs_file}, label smoothing {eps}: "
                     "loss [1], logp [B,T,V] (teacher forcing, every position incl. PAD steps), grad.<named_parameters>",
                     tensors={k: list(v.shape) for k, v in state.items()})
        commands[f"{fname}.safetensors"] = (f"seq2seq_ref.py fixture --model {rel} --pairs models/{pairs_file} "
                                            f"--label-smoothing {eps} --out {rel}/{fname}.safetensors")
    weights = ref.read_safetensors(os.path.join(d, "weights.safetensors"))
    out.describe(f"{rel}/weights.safetensors", "bundle weights: Seq2Seq.state_dict()",
                 tensors={k: list(v.shape) for k, v in weights.items()})
    margins = _margins(ref, d, src_text, greedy_out)
    with open(os.path.join(d, "margins.json"), "w", encoding="utf-8") as f:
        json.dump(margins, f, indent=1)
        f.write("\n")
    out.describe(f"{rel}/margins.json", "per source line, the smallest log-prob gap that decided the output "
                 "(greedy: top1 - top2 at any step; beams: the cut between kept and dropped candidates and the final "
                 "ranking). A gap below ~1e-4 means float32 rounding may legitimately change the output.")
    out.models[name] = {"config": cfg, "seed": seed, "init_scale": init_scale, "src": f"models/{src_file}",
                        "pairs": f"models/{pairs_file}", "loss": losses, "commands": commands,
                        "min_margin": {k: min(x for x in v if x is not None) for k, v in margins.items()}}


def _margins(ref, d, src_text, greedy_out):
    model, cfg, src_v, tgt_v = ref.load_bundle(d)
    result = {"greedy": []}
    result.update({fname: [] for fname, _, _ in BEAMS})
    for line in src_text.split("\n")[:-1]:              # as `for line in sys.stdin` splits
        ids = ref.encode_line(line, cfg, src_v)
        if not ids:
            for v in result.values():
                v.append(math.inf)
            continue
        toks, score, gap = _greedy_gap(ref, model, ids)
        if (toks, score) != ref.greedy(model, ids):
            raise AssertionError("instrumented greedy diverged from the reference")
        result["greedy"].append(gap)
        for fname, k, alpha in BEAMS:
            best, gap = _beam_gap(ref, model, ids, k, alpha)
            if best != ref.beam_search(model, ids, k, alpha)[0][:2]:
                raise AssertionError("instrumented beam search diverged from the reference")
            result[fname].append(gap)
    return {k: [round(x, 7) if math.isfinite(x) else None for x in v] for k, v in result.items()}


@torch.no_grad()
def _greedy_gap(ref, model, ids, max_ratio=2.0, max_extra=10):
    """ref.greedy, also tracking the smallest top1 - top2 log-prob gap."""
    enc_out, state, keys, mask = model.prepare(torch.tensor([ids]), torch.tensor([len(ids)]))
    feed, y, toks, score, gap = model.init_feed(enc_out), torch.tensor([ref.BOS]), [], 0.0, math.inf
    for _ in range(int(math.ceil(max_ratio * len(ids))) + max_extra):
        logp, state, feed, _ = model.step(y, state, feed, enc_out, keys, mask)
        top = torch.topk(logp[0], 2)
        gap = min(gap, float(top.values[0] - top.values[1]))
        tok = int(logp[0].argmax())
        score += float(logp[0, tok])
        if tok == ref.EOS:
            break
        toks.append(tok)
        y = torch.tensor([tok])
    return toks, score, gap


@torch.no_grad()
def _beam_gap(ref, model, ids, beam, alpha, max_ratio=2.0, max_extra=10):
    """ref.beam_search, also tracking how close the kept/dropped cut and the final ranking came to a tie."""
    enc_out, state, keys, mask = model.prepare(torch.tensor([ids]), torch.tensor([len(ids)]))
    live, finished, gap = [([], 0.0, state, model.init_feed(enc_out))], [], math.inf
    for _ in range(int(math.ceil(max_ratio * len(ids))) + max_extra):
        cands, everything = [], []
        for toks, total, st, feed in live:
            y = torch.tensor([toks[-1] if toks else ref.BOS])
            logp, st2, feed2, _ = model.step(y, st, feed, enc_out, keys, mask)
            everything += (logp[0].double() + total).tolist()
            top = torch.topk(logp[0], beam)
            cands += [(toks + [t], total + v, st2, feed2) for v, t in zip(top.values.tolist(), top.indices.tolist())]
        everything.sort(reverse=True)
        if len(everything) > beam:
            gap = min(gap, everything[beam - 1] - everything[beam])
        cands.sort(key=lambda c: -c[1])
        live = []
        for c in cands[:beam]:
            (finished if c[0][-1] == ref.EOS else live).append(c)
        if len(finished) >= beam or not live:
            break
    finished += live if len(finished) < beam else []
    lp = lambda n: ((5.0 + n) / 6.0) ** alpha
    ranked = sorted(((t[:-1] if t and t[-1] == ref.EOS else t, s, s / lp(len(t))) for t, s, _, _ in finished),
                    key=lambda r: -r[2])
    if len(ranked) > 1:
        gap = min(gap, ranked[0][2] - ranked[1][2])
    return ranked[0][:2], gap
