"""Optimizers and gradient clipping: fixed params, a fixed sequence of 3 gradients, params after each step."""
import torch

from .common import gen, randn

STEPS = 3
OPTIMIZERS = [
    ("sgd_momentum", torch.optim.SGD, {"lr": 0.1, "momentum": 0.9}),
    ("adam", torch.optim.Adam, {"lr": 1e-3}),
    ("adam_weight_decay", torch.optim.Adam, {"lr": 1e-3, "weight_decay": 0.01}),
    ("adamw", torch.optim.AdamW, {"lr": 1e-3, "weight_decay": 0.01}),
]


def _problem(seed):
    g = gen(seed)
    init = {"w": randn(g, 3, 4), "b": randn(g, 4)}
    grads = [{k: randn(g, *v.shape) for k, v in init.items()} for _ in range(STEPS)]
    return init, grads


def generate(out, ref):
    init, grads = _problem(400)
    for name, cls, hp in OPTIMIZERS:
        params = {k: torch.nn.Parameter(v.clone()) for k, v in init.items()}
        opt = cls(list(params.values()), **hp, foreach=False)
        tensors = {"init." + k: v for k, v in init.items()}
        for step, g in enumerate(grads, start=1):
            for k, p in params.items():
                p.grad = g[k].clone()
                tensors[f"grad.step{step}.{k}"] = g[k]
            opt.step()
            for k, p in params.items():
                tensors[f"param.step{step}.{k}"] = p.detach().clone()
        full = {**opt.defaults}
        full = {k: v for k, v in full.items() if isinstance(v, (int, float, bool, tuple)) and v is not None}
        out.tensors(f"optim/{name}.safetensors", tensors,
                    f"torch.optim.{cls.__name__}({hp}) on params w [3,4] and b [4]: init.<p>, then for step k in 1..3 "
                    "the gradient grad.step<k>.<p> set before step() and the params param.step<k>.<p> after it",
                    seed=400, optimizer=cls.__name__, hyperparameters=full)
    _clipping(out)


def _clipping(out):
    g = gen(410)
    grads = {"w": randn(g, 3, 4), "b": randn(g, 4)}
    for name, max_norm in (("clip_norm", 1.0), ("clip_norm_noop", 100.0)):
        ps = [torch.nn.Parameter(torch.zeros_like(v)) for v in grads.values()]
        for p, v in zip(ps, grads.values()):
            p.grad = v.clone()
        total = torch.nn.utils.clip_grad_norm_(ps, max_norm)
        tensors = {**{"grad." + k: v for k, v in grads.items()},
                   **{"clipped." + k: p.grad for k, p in zip(grads, ps)}, "total_norm": total}
        out.tensors(f"optim/{name}.safetensors", tensors,
                    f"clip_grad_norm_([w, b], max_norm={max_norm}, norm_type=2): total_norm is the global L2 norm of "
                    "the grads before clipping; grads are scaled by max_norm / (total_norm + 1e-6) only when that is < 1",
                    seed=410, max_norm=max_norm, norm_type=2.0)
    ps = [torch.nn.Parameter(torch.zeros_like(v)) for v in grads.values()]
    for p, v in zip(ps, grads.values()):
        p.grad = v.clone()
    torch.nn.utils.clip_grad_value_(ps, 0.5)
    out.tensors("optim/clip_value.safetensors",
                {**{"grad." + k: v for k, v in grads.items()}, **{"clipped." + k: p.grad for k, p in zip(grads, ps)}},
                "clip_grad_value_([w, b], clip_value=0.5): each gradient element clamped to [-0.5, 0.5]",
                seed=410, clip_value=0.5)
