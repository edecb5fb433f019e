#!/usr/bin/env python3
"""Near-duplicate detection: crosscheck vs datasketch MinHashLSH on the same corpus.

1. Runs the Rust benchmark (`crosscheck bench dedup`, or the crate's release
   `bench` example), which generates a corpus with planted near-copies at known
   Jaccard levels, trimmed and re-led copies, writes it (JSONL + truth), times
   crosscheck's deduper on it and prints its figures as JSON.
2. Reads the same corpus and runs datasketch MinHash + MinHashLSH with the same
   num_perm and threshold, streaming like crosscheck (query, then insert), with
   the same word 5-shingles, and keeps candidates whose estimated Jaccard
   reaches the threshold (as crosscheck's MinHash-only mode does).
3. Scores both against the truth with the same definitions and prints the
   speed ratio.

Timing: wall and CPU time of the working thread (crosscheck: median of three
runs; datasketch: one run, process CPU time). The ratio is given for both.

Usage: python3 bench/dedup_vs_datasketch.py [--docs 100000] [--perm 128] [--threshold 0.8]
           [--rust "target-cluster/release/examples/bench dedup"] [--corpus /tmp/dedup_corpus.jsonl]
Needs: pip install datasketch
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import time

from datasketch import MinHash, MinHashLSH

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
K = 5  # words per shingle, as crosscheck_cluster::tables::SHINGLE_WORDS


def default_rust():
    ex = os.path.join(ROOT, "target-cluster", "release", "examples", "bench")
    if os.path.exists(ex):
        return [ex, "dedup"]
    for cand in (os.path.join(ROOT, "target", "release", "crosscheck"), "crosscheck"):
        if cand == "crosscheck" or os.path.exists(cand):
            return [cand, "bench", "dedup"]


def shingles(text):
    words = WORD.findall(text.lower())
    if not words:
        return []
    if len(words) < K:
        return [" ".join(words).encode()]
    return [" ".join(words[i:i + K]).encode() for i in range(len(words) - K + 1)]


def score(found, truth, threshold, docs):
    pos = {(t["a"], t["b"]) for t in truth if t["jaccard"] >= threshold}
    allp = {(t["a"], t["b"]) for t in truth}
    tp_j = len(found & pos)
    tp_c = len(found & allp)
    n = max(len(found), 1)
    def prf(p, r):
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    by_kind = {}
    for t in truth:
        k = t["kind"]
        if k == "near":
            k = "near@%.2f" % docs[t["b"]]["target"]
        f, tot = by_kind.get(k, (0, 0))
        by_kind[k] = (f + ((t["a"], t["b"]) in found), tot + 1)
    return (prf(tp_j / n if found else 1.0, tp_j / max(len(pos), 1)),
            prf(tp_c / n if found else 1.0, tp_c / max(len(allp), 1)), by_kind)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--perm", type=int, default=128)
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--rust", help="command running crosscheck's dedup benchmark")
    ap.add_argument("--corpus", default="/tmp/crosscheck_dedup_corpus.jsonl")
    a = ap.parse_args()

    rust = shlex.split(a.rust) if a.rust else default_rust()
    cmd = rust + ["--docs", str(a.docs), "--perm", str(a.perm), "--threshold", str(a.threshold),
                  "--corpus", a.corpus, "--json"]
    print("running:", " ".join(cmd), file=sys.stderr)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rs = json.loads(out[out.index("{"):])

    docs = [json.loads(l) for l in open(a.corpus)]
    truth = [json.loads(l) for l in open(a.corpus + ".truth.jsonl")]

    print("datasketch: %d docs, num_perm %d, threshold %.2f" % (len(docs), a.perm, a.threshold), file=sys.stderr)
    texts = [d["text"] for d in docs]
    t0 = time.perf_counter()
    c0 = time.process_time()
    lsh = MinHashLSH(threshold=a.threshold, num_perm=a.perm)
    sigs = []
    found = set()
    for i, text in enumerate(texts):
        m = MinHash(num_perm=a.perm)
        m.update_batch(shingles(text))
        for c in lsh.query(m):
            if sigs[c].jaccard(m) >= a.threshold:
                found.add((min(c, i), max(c, i)))
        lsh.insert(i, m)
        sigs.append(m)
    secs = time.perf_counter() - t0
    cpu = time.process_time() - c0
    jt, ct, by_kind = score(found, truth, a.threshold, docs)

    rows = [("datasketch MinHashLSH", secs, cpu, len(docs) / secs, len(found), jt, ct)]
    for m in rs["modes"]:
        rows.append(("crosscheck " + m["mode"], m["seconds"], m.get("cpu_seconds"), m["docs_per_sec"],
                     m["pairs_found"], m["jaccard_task"], m["copy_task"]))
    print("\ncorpus: %d docs, %d planted copies, %d truth pairs (%d with J >= %.2f); LSH %d bands x %d rows"
          % (rs["docs"], rs["planted_copies"], rs["truth_pairs"], rs["positive_pairs"], a.threshold,
             rs["bands"], rs["rows"]))
    print("%-52s %8s %8s %9s %7s %7s %7s %7s %7s"
          % ("tool", "wall s", "cpu s", "docs/s", "pairs", "J-P", "J-R", "copy-P", "copy-R"))
    for name, s, c_s, dps, n, j, c in rows:
        print("%-52s %8.2f %8s %9.0f %7d %7.4f %7.4f %7.4f %7.4f"
              % (name, s, "-" if c_s is None else "%.2f" % c_s, dps, n, j["precision"], j["recall"],
                 c["precision"], c["recall"]))
    print("\nrecall by planted kind: datasketch vs crosscheck (minhash-lsh / +containment)")
    for k in sorted(by_kind):
        f, t = by_kind[k]
        r0 = rs["modes"][0]["recall_by_kind"].get(k, [0, t])
        r1 = rs["modes"][1]["recall_by_kind"].get(k, [0, t])
        print("  %-12s %6d  datasketch %.3f  crosscheck %.3f / %.3f" % (k, t, f / t, r0[0] / t, r1[0] / t))
    base = rs["modes"][0]
    print("\nspeed ratio (MinHash-LSH, one thread each): crosscheck %.1fx faster than datasketch in CPU time,"
          " %.1fx in wall time" % (cpu / base["cpu_seconds"] if base.get("cpu_seconds") else float("nan"),
                                   secs / base["seconds"]))
    print("  J>=threshold recall: crosscheck %.4f vs datasketch %.4f; precision %.4f vs %.4f"
          % (base["jaccard_task"]["recall"], jt["recall"], base["jaccard_task"]["precision"], jt["precision"]))
    full = rs["modes"][1]
    print("with sentence-containment verification: %.1fx faster (CPU), copy recall %.4f (datasketch %.4f),"
          " copy precision %.4f (datasketch %.4f)"
          % (cpu / full["cpu_seconds"] if full.get("cpu_seconds") else float("nan"),
             full["copy_task"]["recall"], ct["recall"], full["copy_task"]["precision"], ct["precision"]))
    print("(rust runs: median of 3; datasketch: one run. Wall time depends on other load on the machine;"
          " CPU time of the working thread does not.)")


if __name__ == "__main__":
    main()
