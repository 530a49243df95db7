"""Primitive ops, forward and backward: inputs, output `out`, weights `R`, and grad.<input> of sum(out * R)."""
import torch
import torch.nn.functional as F

from .common import LENGTHS, backward_weighted, gen, leaf, randn

PAD = 0


def generate(out, ref):
    _linear(out)
    _embedding(out)
    _pointwise(out)
    _softmaxes(out)
    _concat(out)
    _losses(out, ref)


def _save(out, name, doc, tensors, seed, **info):
    out.tensors(f"ops/{name}.safetensors", tensors, doc, seed=seed, **info)


def _linear(out):
    for name, shape, seed in (("linear", (3, 5), 101), ("linear3d", (3, 4, 5), 102)):
        g = gen(seed)
        x, w, b = leaf(randn(g, *shape)), leaf(randn(g, 6, 5)), leaf(randn(g, 6))
        y = F.linear(x, w, b)                               # x . W^T + b
        r = randn(g, *y.shape)
        _save(out, name, "out = x . weight^T + bias (nn.Linear layout: weight [out, in])",
              {"x": x, "weight": w, "bias": b, "out": y, "R": r, **backward_weighted(y, r, x=x, weight=w, bias=b)}, seed)


def _embedding(out):
    g = gen(103)
    w = leaf(randn(g, 10, 4))                               # row 0 (PAD) is NOT zero: lookups return it as is
    idx = torch.tensor([[4, 0, 7, 4, 9], [0, 2, 2, 0, 0], [1, 3, 0, 8, 4]])   # repeats accumulate; 0 gets no gradient
    y = F.embedding(idx, w, padding_idx=PAD)
    r = randn(g, *y.shape)
    _save(out, "embedding", "out = weight[indices] with padding_idx=0: row 0 is looked up like any row but its "
          "gradient stays zero; repeated indices accumulate. indices stored as float32.",
          {"indices": idx, "weight": w, "out": y, "R": r, **backward_weighted(y, r, weight=w)}, 103)


def _pointwise(out):
    specials = torch.tensor([0.0, -0.0, 20.0, -20.0, 1e-4, -1e-4, 0.5])   # exact zeros pin relu'(0) = 0
    for i, (name, fn) in enumerate((("tanh", torch.tanh), ("sigmoid", torch.sigmoid), ("relu", torch.relu))):
        g = gen(110 + i)
        x = leaf(torch.cat([specials.unsqueeze(0), randn(g, 2, 7, scale=2.0)]))
        y = fn(x)
        r = randn(g, *y.shape)
        _save(out, name, f"out = {name}(x); row 0 holds special values (0, -0, +-20, +-1e-4)",
              {"x": x, "out": y, "R": r, **backward_weighted(y, r, x=x)}, 110 + i)


def _softmaxes(out):
    for i, (name, fn) in enumerate((("softmax", torch.softmax), ("log_softmax", torch.log_softmax))):
        g = gen(120 + i)
        x = randn(g, 3, 7, scale=3.0)
        x[2, 3] = 100.0                                      # needs the max-subtraction to stay finite
        x = leaf(x)
        y = fn(x, dim=-1)
        r = randn(g, *y.shape)
        _save(out, name, f"out = {name}(x, dim=-1); x[2,3] = 100 tests stability",
              {"x": x, "out": y, "R": r, **backward_weighted(y, r, x=x)}, 120 + i)
    g = gen(122)
    scores = leaf(randn(g, 3, 5, scale=2.0))
    mask = torch.arange(5).unsqueeze(0) < torch.tensor(LENGTHS).unsqueeze(1)
    y = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=1)
    r = randn(g, *y.shape)
    _save(out, "masked_softmax", "out = softmax(scores.masked_fill(~mask, -inf), dim=1), mask[b,s] = s < lengths[b]; "
          "masked outputs and their score gradients are exactly 0",
          {"scores": scores, "lengths": torch.tensor(LENGTHS), "mask": mask, "out": y, "R": r,
           **backward_weighted(y, r, scores=scores)}, 122)


def _concat(out):
    for name, sa, sb, dim, seed in (("concat_last", (3, 4), (3, 5), 1, 130), ("concat_mid", (2, 3, 4), (2, 2, 4), 1, 131),
                                    ("concat_3d_last", (2, 3, 4), (2, 3, 2), 2, 132)):
        g = gen(seed)
        a, b = leaf(randn(g, *sa)), leaf(randn(g, *sb))
        y = torch.cat([a, b], dim=dim)
        r = randn(g, *y.shape)
        _save(out, name, f"out = cat([a, b], dim={dim})",
              {"a": a, "b": b, "out": y, "R": r, **backward_weighted(y, r, a=a, b=b)}, seed, dim=dim)


def _losses(out, ref):
    g = gen(140)
    logits0 = randn(g, 3, 4, 7, scale=2.0)
    target = torch.tensor([[5, 3, 6, 0], [2, 3, 0, 0], [6, 1, 4, 3]])   # PAD (0) positions are ignored
    for eps, name in ((0.0, "loss"), (0.1, "loss_smoothed")):
        logits = leaf(logits0)
        logp = torch.log_softmax(logits, dim=-1)
        logp.retain_grad()
        loss = ref.loss_fn(logp, target, eps)
        r = torch.tensor(0.75)                               # a scalar R: grads are 0.75 * dloss
        grads = backward_weighted(loss, r, logits=logits)
        grads["grad.logp"] = logp.grad.detach().clone()
        ce_logits = leaf(logits0)
        ce = F.cross_entropy(ce_logits.reshape(-1, 7), target.reshape(-1), ignore_index=PAD, label_smoothing=eps)
        ce_grads = backward_weighted(ce, r, logits=ce_logits)
        if not torch.allclose(ce, loss, atol=1e-6) or not torch.allclose(ce_grads["grad.logits"], grads["grad.logits"], atol=1e-6):
            raise AssertionError(f"reference loss_fn and F.cross_entropy disagree at label_smoothing={eps}")
        _save(out, name, f"out = loss_fn(log_softmax(logits), target, label_smoothing={eps}) of the reference: mean over "
              "non-PAD targets; with smoothing (1-eps)*nll + eps*mean_v(-logp) over ALL V classes (PAD included). "
              "grad.logp is d(R*out)/dlogp; grad.logits goes through log_softmax too. ce_out / ce_grad.logits: "
              "F.cross_entropy(logits, ignore_index=0, label_smoothing) as a cross-check (equal within 1e-6).",
              {"logits": logits, "target": target, "logp": logp, "out": loss, "R": r, **grads,
               "ce_out": ce, "ce_grad.logits": ce_grads["grad.logits"]}, 140, label_smoothing=eps, ignore_index=PAD)
