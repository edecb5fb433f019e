#!/usr/bin/env bash
# Install what the tests need on a fresh machine, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-test-deps.sh
cargo test --workspace --locked
