"""What every fixture family shares: deterministic random tensors, the output tree, the index."""
import json
import os
import re

import torch

LENGTHS = [5, 2, 4]          # a padded batch of 3 whose longest sentence is not first (enforce_sorted=False)


def gen(seed):
    """A private generator, so a fixture's values do not depend on which fixtures ran before it."""
    return torch.Generator().manual_seed(seed)


def randn(g, *shape, scale=1.0):
    return torch.randn(*shape, generator=g) * scale


def uniform(g, *shape, low=-1.0, high=1.0):
    return torch.rand(*shape, generator=g) * (high - low) + low


def leaf(t):
    """A float32 leaf that records its gradient."""
    return t.detach().to(torch.float32).clone().requires_grad_(True)


def backward_weighted(out, r, **inputs):
    """Backpropagates sum(out * r) and returns {"grad.<name>": gradient} for every input that got one."""
    (out * r).sum().backward()
    return {"grad." + k: v.grad.detach().clone() for k, v in inputs.items() if v.grad is not None}


def _one_line(m):
    return "[" + ", ".join(x.strip() for x in m.group(0)[1:-1].split(",") if x.strip()) + "]"


class Output:
    """The fixture tree under `root`: safetensors written by the reference writer, plus index.json."""

    def __init__(self, root, ref):
        self.root, self.ref = root, ref
        self.files = {}      # relative path -> description and tensor shapes
        self.models = {}     # bundle name -> how it was made

    def path(self, rel):
        p = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def tensors(self, rel, tensors, doc, **info):
        clean = {}
        for name, t in tensors.items():
            if not isinstance(t, torch.Tensor):
                t = torch.tensor(t)
            clean[name] = t.detach().to(torch.float32).contiguous()
        self.ref.write_safetensors(self.path(rel), clean)
        self.describe(rel, doc, tensors={k: list(v.shape) for k, v in clean.items()}, **info)

    def text(self, rel, text, doc, **info):
        with open(self.path(rel), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        self.describe(rel, doc, **info)

    def describe(self, rel, doc, **info):
        self.files[rel] = {"doc": doc, **info}

    def write_index(self):
        text = json.dumps({"files": self.files, "models": self.models}, indent=2, ensure_ascii=False)
        text = re.sub(r"\[[-\d.,\s]*\]", _one_line, text)   # shapes on one line
        with open(self.path("index.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text + "\n")
