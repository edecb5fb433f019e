#!/usr/bin/env python3
"""crosscheck, trafilatura and rs-trafilatura side by side on one benchmark folder.

usage: bench/side_by_side.py DIR [--truth FILE] [--scorer score.py] [--only NAME,...] [--keep OUT_DIR]

DIR is one of the folders of ../shared/bench: `extraction-wcxb/dev`, `extraction-multilingual`,
`extraction` (pages in DIR/html/<id>.html.gz). The truth file is DIR/ground-truth.json, else
DIR/evaldata.json; the set's own scorer is DIR/score.py or DIR/../score.py.

Each extractor runs on one thread over the same pages and writes PRED.json ({id: {articleBody,
title, author, date}}):
  * crosscheck:      `crosscheck bench extract DIR --truth T --out PRED` (its single-thread pages/s);
  * trafilatura:     `trafilatura.extract(html, url=..., with_metadata=True, output_format="json")`,
                     timed here (needs `pip install trafilatura lxml_html_clean`);
  * rs-trafilatura:  the `rs-trafilatura-runner` binary of crosscheck-bench (`--features peers`).
Each prediction is scored with the set's own score.py (body F1, P, R) and with crosscheck's one
metadata scorer (`crosscheck bench extract DIR --score PRED --json`: date exact day, title exact and
token F1, author set/any match; the normalisation is documented in
crates/crosscheck-bench/src/metadata_score.rs). The truth's `url` goes to every extractor.
Prints one table. Binaries: $CROSSCHECK (default target/release/crosscheck, or
$CARGO_TARGET_DIR/release/crosscheck), $RS_TRAFILATURA_RUNNER likewise; a missing one is a
column left out with a note, never a silent zero.
"""
import argparse, gzip, json, os, pathlib, re, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def binary(env, name):
    if os.environ.get(env):
        return pathlib.Path(os.environ[env])
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / name


def truth_of(d, given):
    if given:
        return pathlib.Path(given)
    for name in ("ground-truth.json", "evaldata.json"):
        if (d / name).is_file():
            return d / name
    sys.exit(f"no ground-truth.json or evaldata.json in {d}")


def scorer_of(d, given):
    if given:
        return pathlib.Path(given)
    for p in (d / "score.py", d.parent / "score.py"):
        if p.is_file():
            return p
    sys.exit(f"no score.py in {d} or {d.parent}")


def run_crosscheck(d, truth, out):
    exe = binary("CROSSCHECK", "crosscheck")
    if not exe.is_file():
        return None, f"{exe} not built (cargo build --release --locked -p crosscheck)"
    r = subprocess.run([str(exe), "--json", "bench", "extract", str(d), "--truth", str(truth), "--out", str(out), "--threads", "1"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, f"crosscheck failed: {r.stderr.strip()[-400:]}"
    return json.loads(r.stdout)["single_thread_pages_per_s"], None


def run_trafilatura(d, truth, out):
    try:
        import trafilatura
    except ImportError as e:
        return None, f"trafilatura not importable ({e}); pip install trafilatura lxml_html_clean"
    gold = json.load(open(truth))
    pages = sorted(d.glob("html/*.html.gz"))
    raw = [(p.name[:-8], gzip.decompress(p.read_bytes())) for p in pages]
    pred = {}
    t = time.perf_counter()
    for k, h in raw:
        url = (gold.get(k) or {}).get("url")
        got = trafilatura.extract(h, url=url, with_metadata=True, output_format="json")
        m = json.loads(got) if got else {}
        pred[k] = {"articleBody": m.get("text") or "", "title": m.get("title"), "author": m.get("author"), "date": m.get("date")}
    dt = time.perf_counter() - t
    json.dump(pred, open(out, "w"))
    return len(raw) / dt, None


def run_rs_trafilatura(d, truth, out):
    exe = binary("RS_TRAFILATURA_RUNNER", "rs-trafilatura-runner")
    if not exe.is_file():
        return None, (f"{exe} not built (cargo build --release -p crosscheck-bench --features peers "
                      "--bin rs-trafilatura-runner)")
    r = subprocess.run([str(exe), str(d), str(out), "--truth", str(truth)], capture_output=True, text=True)
    if r.returncode != 0:
        return None, f"rs-trafilatura-runner failed: {r.stderr.strip()[-400:]}"
    return json.loads(r.stdout.strip().splitlines()[-1])["pages_per_s"], None


def body_scores(scorer, d, truth, pred):
    """The set's own scorer's P, R, F1 (it prints them in its own format)."""
    # WCXB's scorer takes the split folder, the others the truth file.
    arg = str(d) if "SPLIT_DIR" in scorer.read_text() else str(truth)
    r = subprocess.run([sys.executable, str(scorer), arg, str(pred)], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    first = r.stdout.strip().splitlines()[0] if r.stdout.strip() else ""
    nums = {k: float(v) for k, v in re.findall(r"\b(P|R|F1)\s+([0-9.]+)", first)}
    return nums if "F1" in nums else None


def metadata_scores(d, truth, pred):
    exe = binary("CROSSCHECK", "crosscheck")
    if not exe.is_file():
        return None
    r = subprocess.run([str(exe), "--json", "bench", "extract", str(d), "--truth", str(truth), "--score", str(pred)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None
    return json.loads(r.stdout).get("metadata")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--truth")
    ap.add_argument("--scorer")
    ap.add_argument("--only", help="comma-separated subset of crosscheck,trafilatura,rs-trafilatura")
    ap.add_argument("--keep", help="write the prediction files here")
    a = ap.parse_args()
    d = pathlib.Path(a.dir).resolve()
    truth, scorer = truth_of(d, a.truth), scorer_of(d, a.scorer)
    runners = [("crosscheck", run_crosscheck), ("trafilatura", run_trafilatura), ("rs-trafilatura", run_rs_trafilatura)]
    if a.only:
        wanted = a.only.split(",")
        runners = [r for r in runners if r[0] in wanted]
    out_dir = pathlib.Path(a.keep) if a.keep else pathlib.Path(tempfile.mkdtemp(prefix="side_by_side_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows, notes = [], []
    for name, run in runners:
        pred = out_dir / f"{name}.json"
        print(f"running {name} ...", file=sys.stderr)
        speed, why = run(d, truth, pred)
        if speed is None:
            notes.append(f"{name}: left out: {why}")
            continue
        rows.append((name, speed, body_scores(scorer, d, truth, pred), metadata_scores(d, truth, pred)))
    acc = lambda m, f: (m[f]["right"] / m[f]["truth"]) if m and m[f]["truth"] else float("nan")
    print(f"\n{d}  ({len(json.load(open(truth)))} pages; body by {scorer.relative_to(scorer.parent.parent)}, one thread each)")
    head = f"{'extractor':<16}{'F1':>7}{'P':>7}{'R':>7}{'date':>7}{'title=':>8}{'titleF1':>8}{'auth=':>7}{'auth~':>7}{'pages/s':>9}"
    print(head)
    print("-" * len(head))
    for name, speed, body, meta in rows:
        b = body or {}
        cells = [b.get("F1", float("nan")), b.get("P", float("nan")), b.get("R", float("nan")),
                 acc(meta, "date"), acc(meta, "title_exact"), (meta or {}).get("title_token_f1", float("nan")),
                 acc(meta, "author_set"), acc(meta, "author_any")]
        print(f"{name:<16}" + "".join(f"{c:>7.3f}" if i < 4 else f"{c:>8.3f}" if i < 6 else f"{c:>7.3f}" for i, c in enumerate(cells)) + f"{speed:>9.1f}")
    if rows and rows[0][3]:
        m = rows[0][3]
        print(f"(truth values: date {m['date']['truth']}, title {m['title_exact']['truth']}, author {m['author_set']['truth']}; "
              "date = exact day, title= exact normalised, auth= set match, auth~ any name)")
    for n in notes:
        print(n)
    print(f"predictions in {out_dir}")


if __name__ == "__main__":
    main()
