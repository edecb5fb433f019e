#!/usr/bin/env bash
# Install what the tests need on a fresh machine, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-test-deps.sh
# A throw-away PostgreSQL server for crosscheck-store's PostgreSQL tests (they
# fail under CI without CROSSCHECK_TEST_PG); stopped and removed on exit.
if [ -z "${CROSSCHECK_TEST_PG:-}" ]; then
  eval "$(./scripts/test-postgres.sh start)"
  trap './scripts/test-postgres.sh stop "$CROSSCHECK_PG_DIR"' EXIT
fi
cargo test --workspace --locked
