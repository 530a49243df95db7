"""The reference's Attention module on its own: (context, weights) = attention(query, project_keys(enc_out),
enc_out, mask). `combine` is used by Seq2Seq.step, not by Attention.forward, so it is not part of these files."""
import torch

from .common import LENGTHS, gen, leaf, randn

KINDS = ["bahdanau", "luong_dot", "luong_general", "luong_concat"]
HIDDEN, ATT = 4, 5


def generate(out, ref):
    for i, kind in enumerate(KINDS):
        seed = 300 + i
        enc_dim = HIDDEN if kind == "luong_dot" else 6       # luong_dot needs enc_dim == hidden
        torch.manual_seed(seed)
        att = ref.Attention(ref.Config(attention=kind, hidden_size=HIDDEN, attention_size=ATT), enc_dim)
        g = gen(seed)
        lengths = torch.tensor(LENGTHS)
        mask = torch.arange(max(LENGTHS)).unsqueeze(0) < lengths.unsqueeze(1)
        query = leaf(randn(g, len(LENGTHS), HIDDEN))
        enc_out = leaf(randn(g, len(LENGTHS), max(LENGTHS), enc_dim) * mask.unsqueeze(2))   # zero at pads, as encode gives
        params = {n: p for n, p in att.named_parameters() if not n.startswith("combine.")}
        keys = att.project_keys(enc_out)
        context, weights = att(query, keys, enc_out, mask)
        r1, r2 = randn(g, *context.shape), randn(g, *weights.shape)
        ((context * r1).sum() + (weights * r2).sum()).backward()
        tensors = {"query": query, "enc_out": enc_out, "lengths": lengths, "mask": mask, **params,
                   "keys": keys, "context": context, "weights": weights, "R1": r1, "R2": r2,
                   "grad.query": query.grad, "grad.enc_out": enc_out.grad,
                   **{"grad." + n: p.grad for n, p in params.items()}}
        out.tensors(f"attention/{kind}.safetensors", tensors,
                    f"{kind}: query [B,H={HIDDEN}], enc_out [B,S,D={enc_dim}], mask from lengths {LENGTHS}; keys = "
                    f"project_keys(enc_out); context [B,D], weights [B,S]; grads of sum(context*R1)+sum(weights*R2)",
                    seed=seed, kind=kind, hidden_size=HIDDEN, attention_size=ATT, enc_dim=enc_dim)
