#!/usr/bin/env bash
# Browser test of the web UI: headless Debian Chromium, driven by playwright-core
# (crates/crosscheck-server/browser-test/ui.test.mjs), against a real crosscheck
# server with an empty temporary SQLite store. Screenshots go to
# $CARGO_TARGET_DIR/browser-test/ (default target/browser-test/).
#
#   scripts/browser-test.sh          build `crosscheck`, start `crosscheck serve`
#                                    on a free 127.0.0.1 port, run the test
#   CROSSCHECK_URL=http://127.0.0.1:PORT scripts/browser-test.sh
#                                    test a server that is already running (the
#                                    Rust test crates/crosscheck-server/tests/browser.rs
#                                    starts one in-process and does this); its
#                                    store should start empty
#
# Needs node (>= 20), npm and chromium; `npm ci` installs the pinned
# playwright-core (no browser download: it drives /usr/bin/chromium).
# Exit codes: 0 passed, 1 failed, 77 skipped because a tool is missing — except
# when CI is set, where a missing tool is a failure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TEST_DIR="$ROOT/crates/crosscheck-server/browser-test"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
SHOT_DIR=${SHOT_DIR:-$TARGET/browser-test}
SEEDS_DIR=${SEEDS_DIR:-$ROOT/examples/seeds}

missing=()
command -v node >/dev/null 2>&1 || missing+=(node)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x "$CHROMIUM" ] || missing+=("chromium ($CHROMIUM)")
if [ ${#missing[@]} -gt 0 ]; then
  if [ -n "${CI:-}" ]; then
    echo "browser-test: missing ${missing[*]} (CI is set, so this fails; scripts/install-test-deps.sh installs them)" >&2
    exit 1
  fi
  echo "browser-test: SKIPPED, missing ${missing[*]} (scripts/install-test-deps.sh installs them)" >&2
  exit 77
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "browser-test: node $(node --version) is too old, playwright-core needs >= 20" >&2
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-browser-test.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "browser-test: npm ci in $TEST_DIR" >&2
(cd "$TEST_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)

url=${CROSSCHECK_URL:-}
if [ -z "$url" ]; then
  bin=${CROSSCHECK_BIN:-}
  if [ -z "$bin" ]; then
    echo "browser-test: cargo build -p crosscheck" >&2
    (cd "$ROOT" && cargo build -p crosscheck --quiet)
    bin="$TARGET/debug/crosscheck"
  fi
  # Port 0: the server picks a free port and prints the address it bound.
  "$bin" --db "$work/ui.db" serve --bind 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  for _ in $(seq 1 600); do
    url=$(grep -h -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.err" "$work/serve.out" 2>/dev/null | head -n1 || true)
    [ -n "$url" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "browser-test: crosscheck serve exited:" >&2
      cat "$work/serve.err" >&2
      exit 1
    fi
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "browser-test: crosscheck serve did not report its address within 60 s:" >&2
    cat "$work/serve.err" >&2
    exit 1
  fi
fi
echo "browser-test: testing $url with $CHROMIUM" >&2

status=0
(cd "$TEST_DIR" && CROSSCHECK_URL="$url" SEEDS_DIR="$SEEDS_DIR" SHOT_DIR="$SHOT_DIR" CHROMIUM="$CHROMIUM" node ui.test.mjs) || status=$?
if [ -n "$server_pid" ] && [ $status -ne 0 ]; then
  echo "browser-test: server log:" >&2
  tail -n 40 "$work/serve.err" >&2
fi
exit $status
