"""Files written by the reference's write_safetensors for the Java reader/writer tests (byte-for-byte parity)."""
import torch

from .common import gen, randn


def generate(out, ref):
    g = gen(500)
    special = torch.tensor([0.0, -0.0, float("inf"), float("-inf"), 1e-45, -3.4028235e38, 3.4028235e38, 1.17549435e-38,
                            1.0 / 3.0, -2.5])
    tensors = {
        "scalar": torch.tensor(2.5),
        "vector": randn(g, 5),
        "matrix": randn(g, 2, 3),
        "empty": torch.zeros(0, 3),
        "cube": randn(g, 2, 3, 4),
        "special": special,
        "na\u00efve.weight": randn(g, 2, 2),            # json.dumps writes \u00ef: non-ASCII names are escaped
        "emoji\U0001F600": randn(g, 1),                  # written as a surrogate pair \ud83d\ude00
        'quote"back\\slash\ttab': randn(g, 3),           # \" \\ \t escapes in the header
        "encoder.weight_ih_l0_reverse": randn(g, 6, 2),
    }
    out.tensors("io/reference_writer.safetensors", tensors,
                "write_safetensors on awkward tensors: a scalar (shape []), an empty [0,3], special floats (+-0, +-inf, "
                "subnormal, extremes), names needing JSON escapes (non-ASCII, astral, quote, backslash, tab)")
    out.tensors("io/nan.safetensors", {"nan": torch.tensor([float("nan"), 1.0])},
                "a NaN (numpy's canonical quiet NaN bits 0x7fc00000) followed by 1.0")
    out.tensors("io/empty_map.safetensors", {}, "no tensors at all: header '{}' padded to 8 bytes")
    generate_json(out, ref)


def _bits(t):
    return [f"{b & 0xffffffff:08x}" for b in t.contiguous().view(torch.int32).reshape(-1).tolist()]


def generate_json(out, ref):
    """Expected values of reference_writer.safetensors as float32 bit patterns, and Python's JSON output."""
    import json
    import math
    import random
    import struct
    tensors = ref.read_safetensors(out.path("io/reference_writer.safetensors"))
    listing = {name: {"shape": list(t.shape), "bits": _bits(t)} for name, t in tensors.items()}
    out.text("io/reference_writer.json", json.dumps(listing) + "\n",
             "names (in file order), shapes and float32 bits (hex) of reference_writer.safetensors")
    rnd = random.Random(501)
    floats = [0.1, 0.2 + 0.1, 1e16, 1e15, 1e-5, 1e-4, 123456789012345680.0, 5e-324, 2.2250738585072014e-308,
              1.7976931348623157e308, 100.0, 1.5, -2.5, 1e22, 1e23, 9007199254740993.0, 0.3, 2.0 ** -1074 * 3,
              float(struct.unpack("<f", struct.pack("<f", 0.1))[0])]
    floats += [2.0 ** k for k in range(-1074, 1024, 7)]                 # powers of two: asymmetric rounding gaps
    floats += [struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0] for _ in range(400)]
    floats += [round(rnd.uniform(-1000, 1000), rnd.randint(0, 8)) for _ in range(200)]
    floats += [float(struct.unpack("<f", struct.pack("<I", rnd.getrandbits(32)))[0]) for _ in range(200)]
    rows = [[struct.pack(">d", x).hex(), repr(x)] for x in floats if math.isfinite(x)]
    out.text("io/python_float_repr.json", "[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n",
             "[big-endian hex bits of a double, Python repr of it] for the JSON writer's number formatting")
    sample = {"format": "seq2seq4j-model/1", "cell": "gru", "dims": [8, 16, [], {}], "nested": {"a": [1, 2.5, None],
              "b": {"deep": [True, False]}}, "text": "caf\u00e9 \U0001F600 \"q\" \\ \t\n\x01\x7f", "float": 0.1,
              "big": 12345678901234567890, "neg": -0.0, "exp": 1e-07, "empty": "", "list_of_lists": [[1], [2, 3]]}
    out.text("io/python_pretty.json", json.dumps(sample, indent=2), "json.dumps(sample, indent=2) (as config.json)")
    out.text("io/python_compact.json", json.dumps(sample, separators=(",", ":")),
             "json.dumps(sample, separators=(',', ':')) (as safetensors headers)")
