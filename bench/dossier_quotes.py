#!/usr/bin/env python3
"""Quote predictions from crosscheck dossiers, in the shape the quote scorers of shared/bench/quotes-* read:
PRED {stem: [{quote, speaker}]}. Usage: dossier_quotes.py OUT_DIR_OF_ANALYZE PRED.json (scare quotes left out).
A stopgap until a `quotes` verb prints the quote layer directly."""
import json, os, sys, glob
out_dir, pred_path = sys.argv[1], sys.argv[2]
pred = {}
for f in glob.glob(os.path.join(out_dir, 'story-*.json')):
    d = json.load(open(f))
    paths = {a['id']: a['path'] for a in d['articles']}
    texts = {a['id']: a['text'] for a in d['articles']}
    for g in d.get('quotes', []):
        for m in g['members']:
            if m.get('scare_quote'):
                continue
            c = m['cite']
            stem = os.path.splitext(os.path.basename(paths[c['article']]))[0]
            pred.setdefault(stem, []).append({'quote': c['text'], 'speaker': m.get('speaker')})
json.dump(pred, open(pred_path, 'w'))
print(sum(len(v) for v in pred.values()), 'quotes in', len(pred), 'docs', file=sys.stderr)
