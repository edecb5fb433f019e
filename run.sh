#!/usr/bin/env bash
# Build crosscheck (release) and run the main job on the bundled example story.
set -euo pipefail
cd "$(dirname "$0")"
cargo build --release --locked -p crosscheck
rm -f out/seeds.db
mkdir -p out
./target/release/crosscheck --db out/seeds.db analyze examples/seeds --out out/ "$@"
