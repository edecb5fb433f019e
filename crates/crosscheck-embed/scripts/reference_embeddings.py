#!/usr/bin/env python3
"""Independent numpy reference implementation of sentence-transformers/all-MiniLM-L6-v2.

Test oracle for the Rust embedder (crates/crosscheck-embed/src/bert.rs). No torch, no safetensors/transformers
packages: weights are parsed from model.safetensors with plain numpy, the
tokenizer is the HF `tokenizers` library reading tokenizer.json.

Usage:
    echo '["A man is eating food.", "The new movie is awesome."]' \
        | python3 reference_embeddings.py --model-dir DIR [--max-len 256] [--dtype float64|float32]

Output (stdout): JSON list of {"text", "ids", "embedding"} objects, one per input
sentence, where ids include [CLS]/[SEP] and embedding is the L2-normalised
mean-pooled 384-d vector.

Pipeline (sentence-transformers modules.json: Transformer -> Pooling(mean) -> Normalize):
  tokenize (truncate to max-len tokens incl. [CLS]/[SEP], no padding)
  -> BERT encoder (word + position + token_type[0] embeddings, LayerNorm,
     N x [MHA, dense+residual+LN, dense+GELU(erf), dense+residual+LN])
  -> mean over tokens -> L2 normalise.
"""

import argparse
import json
import math
import os
import struct
import sys

import numpy as np

_ST_DTYPES = {
    "F64": np.float64,
    "F32": np.float32,
    "F16": np.float16,
    "I64": np.int64,
    "I32": np.int32,
    "I16": np.int16,
    "I8": np.int8,
    "U8": np.uint8,
    "BOOL": np.bool_,
}


def load_safetensors(path):
    """Parse a .safetensors file: u64-LE header length, JSON header, raw data."""
    with open(path, "rb") as f:
        (hlen,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(hlen).decode("utf-8"))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        raw = data[start:end]
        dt = info["dtype"]
        shape = tuple(info["shape"])
        if dt == "BF16":
            u16 = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
            arr = u16.view(np.float32)
        else:
            arr = np.frombuffer(raw, dtype=np.dtype(_ST_DTYPES[dt]).newbyteorder("<"))
        tensors[name] = arr.reshape(shape)
    return tensors


class Weights:
    """Tensor lookup tolerant of an optional 'bert.' (or other) prefix."""

    def __init__(self, tensors, dtype):
        self.t = tensors
        self.dtype = dtype
        self.prefix = ""
        if "embeddings.word_embeddings.weight" not in tensors:
            for k in tensors:
                if k.endswith("embeddings.word_embeddings.weight"):
                    self.prefix = k[: -len("embeddings.word_embeddings.weight")]
                    break
            else:
                raise KeyError("no embeddings.word_embeddings.weight tensor found")

    def __getitem__(self, name):
        return np.asarray(self.t[self.prefix + name], dtype=self.dtype)


_erf = np.vectorize(math.erf, otypes=[np.float64])


def gelu_erf(x):
    # exact GELU: 0.5 * x * (1 + erf(x / sqrt(2)))
    return (0.5 * x * (1.0 + _erf(x.astype(np.float64) / math.sqrt(2.0)))).astype(x.dtype)


def layer_norm(x, w, b, eps):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)  # biased variance, like torch
    return (x - mean) / np.sqrt(var + eps) * w + b


def linear(x, W, prefix):
    # torch Linear: y = x @ W^T + b, W shape [out, in]
    return x @ W[prefix + ".weight"].T + W[prefix + ".bias"]


def softmax(x, axis=-1):
    x = x - x.max(axis=axis, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


def bert_forward(ids, W, cfg):
    """Run the BERT encoder on one unpadded sequence; returns [seq, hidden]."""
    eps = cfg["layer_norm_eps"]
    n_heads = cfg["num_attention_heads"]
    hidden = cfg["hidden_size"]
    head_dim = hidden // n_heads
    seq = len(ids)
    ids = np.asarray(ids, dtype=np.int64)

    x = (
        W["embeddings.word_embeddings.weight"][ids]
        + W["embeddings.position_embeddings.weight"][np.arange(seq)]
        + W["embeddings.token_type_embeddings.weight"][np.zeros(seq, dtype=np.int64)]
    )
    x = layer_norm(x, W["embeddings.LayerNorm.weight"], W["embeddings.LayerNorm.bias"], eps)

    scale = 1.0 / math.sqrt(head_dim)
    for i in range(cfg["num_hidden_layers"]):
        p = "encoder.layer.%d." % i
        q = linear(x, W, p + "attention.self.query").reshape(seq, n_heads, head_dim).transpose(1, 0, 2)
        k = linear(x, W, p + "attention.self.key").reshape(seq, n_heads, head_dim).transpose(1, 0, 2)
        v = linear(x, W, p + "attention.self.value").reshape(seq, n_heads, head_dim).transpose(1, 0, 2)
        scores = (q @ k.transpose(0, 2, 1)) * x.dtype.type(scale)  # [heads, seq, seq]
        probs = softmax(scores, axis=-1)
        ctx = (probs @ v).transpose(1, 0, 2).reshape(seq, hidden)
        attn = linear(ctx, W, p + "attention.output.dense")
        x = layer_norm(attn + x, W[p + "attention.output.LayerNorm.weight"],
                       W[p + "attention.output.LayerNorm.bias"], eps)
        inter = gelu_erf(linear(x, W, p + "intermediate.dense"))
        out = linear(inter, W, p + "output.dense")
        x = layer_norm(out + x, W[p + "output.LayerNorm.weight"], W[p + "output.LayerNorm.bias"], eps)
    return x


def embed(ids, W, cfg):
    tok = bert_forward(ids, W, cfg)
    pooled = tok.mean(axis=0)  # mean pooling; all tokens attended (no padding)
    norm = np.linalg.norm(pooled)
    return pooled / max(norm, 1e-12)  # torch.nn.functional.normalize(p=2, eps=1e-12)


def load_tokenizer(model_dir, max_len):
    from tokenizers import Tokenizer

    tk = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    # tokenizer.json ships with truncation=128 and padding Fixed(128): override both.
    tk.no_padding()
    tk.no_truncation()
    tk.enable_truncation(max_length=max_len)  # counts [CLS]/[SEP]
    return tk


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--max-len", type=int, default=None,
                    help="max tokens incl. [CLS]/[SEP] (default: sentence_bert_config.json max_seq_length, else 256)")
    ap.add_argument("--dtype", choices=["float64", "float32"], default="float64",
                    help="compute precision (weights are upcast for float64)")
    args = ap.parse_args()

    with open(os.path.join(args.model_dir, "config.json")) as f:
        cfg = json.load(f)
    max_len = args.max_len
    if max_len is None:
        try:
            with open(os.path.join(args.model_dir, "sentence_bert_config.json")) as f:
                max_len = int(json.load(f)["max_seq_length"])
        except (OSError, KeyError, ValueError):
            max_len = 256
    max_len = min(max_len, cfg["max_position_embeddings"])

    sentences = json.load(sys.stdin)
    if not isinstance(sentences, list) or not all(isinstance(s, str) for s in sentences):
        sys.exit("stdin must be a JSON list of strings")

    dtype = np.float64 if args.dtype == "float64" else np.float32
    W = Weights(load_safetensors(os.path.join(args.model_dir, "model.safetensors")), dtype)
    tk = load_tokenizer(args.model_dir, max_len)

    out = []
    for s in sentences:
        ids = tk.encode(s).ids
        emb = embed(ids, W, cfg)
        out.append({"text": s, "ids": list(ids), "embedding": [float(v) for v in emb.astype(np.float32)]})
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
