"""Recurrent layers exactly as the reference's make_rnn builds them (batch_first=True), run over a padded
batch through pack_padded_sequence / pad_packed_sequence with enforce_sorted=False as Seq2Seq.encode does."""
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .common import LENGTHS, gen, leaf, randn

CELLS = ["rnn_tanh", "rnn_relu", "gru", "lstm"]
INPUT, HIDDEN = 5, 4
# (variant, layers, bidirectional, initial state given)
VARIANTS = [("uni1", 1, False, False), ("bi2", 2, True, False), ("uni1_h0", 1, False, True)]


def generate(out, ref):
    for ci, cell in enumerate(CELLS):
        for vi, (variant, layers, bidi, with_h0) in enumerate(VARIANTS):
            _one(out, ref, cell, variant, layers, bidi, with_h0, seed=200 + 10 * ci + vi)


def _one(out, ref, cell, variant, layers, bidi, with_h0, seed):
    torch.manual_seed(seed)                                  # make_rnn draws PyTorch's default init from the global RNG
    cfg = ref.Config(cell=cell, hidden_size=HIDDEN, layers=layers, bidirectional=bidi, dropout=0.0)
    rnn = ref.make_rnn(cfg, INPUT, bidi)
    g = gen(seed)
    x = leaf(randn(g, len(LENGTHS), max(LENGTHS), INPUT))    # padded positions hold random values: they must be ignored
    lengths = torch.tensor(LENGTHS)
    dirs, lstm = 2 if bidi else 1, cell == "lstm"
    h0 = leaf(randn(g, layers * dirs, len(LENGTHS), HIDDEN, scale=0.5)) if with_h0 else None
    c0 = leaf(randn(g, layers * dirs, len(LENGTHS), HIDDEN, scale=0.5)) if with_h0 and lstm else None
    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    state = None if h0 is None else ((h0, c0) if lstm else h0)
    y, final = rnn(packed, state)
    y, _ = pad_packed_sequence(y, batch_first=True, total_length=max(LENGTHS))
    h_n, c_n = final if lstm else (final, None)
    r1, r2 = randn(g, *y.shape), randn(g, *h_n.shape)
    loss = (y * r1).sum() + (h_n * r2).sum()
    tensors = {"x": x, "lengths": lengths}
    if h0 is not None:
        tensors["h0"] = h0
    if c0 is not None:
        tensors["c0"] = c0
    tensors.update({n: p for n, p in rnn.named_parameters()})
    tensors.update({"out": y, "h_n": h_n, "R1": r1, "R2": r2})
    if lstm:
        r3 = randn(g, *c_n.shape)
        loss = loss + (c_n * r3).sum()
        tensors.update({"c_n": c_n, "R3": r3})
    loss.backward()
    grads = {"grad." + n: p.grad for n, p in rnn.named_parameters()}
    grads["grad.x"] = x.grad
    if h0 is not None:
        grads["grad.h0"] = h0.grad
    if c0 is not None:
        grads["grad.c0"] = c0.grad
    tensors.update(grads)
    doc = (f"{cell}, {layers} layer(s), {'bidirectional' if bidi else 'unidirectional'}"
           f"{', initial state h0' + (' and c0' if lstm else '') if with_h0 else ''}; input {INPUT}, hidden {HIDDEN}; "
           f"x [B,S,I] with lengths {LENGTHS}; out [B,S,dirs*H] zero at pads; h_n (c_n) [layers*dirs,B,H] "
           "taken at each sentence's own last step; grads of sum(out*R1)+sum(h_n*R2)"
           f"{'+sum(c_n*R3)' if lstm else ''}")
    out.tensors(f"rnn/{cell}_{variant}.safetensors", tensors, doc, seed=seed, cell=cell, layers=layers,
                bidirectional=bidi, input_size=INPUT, hidden_size=HIDDEN, initial_state=with_h0)
