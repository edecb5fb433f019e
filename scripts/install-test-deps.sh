#!/usr/bin/env bash
# Everything the test suite needs beyond the Rust toolchain: Debian packages and
# Python packages (peer baselines, export checks). Idempotent: skips what is
# already installed. One package per line, with the reason beside it.
set -euo pipefail
APT_PACKAGES=(
  pkg-config
  chromium  # headless browser of scripts/browser-test.sh (web UI test, driven by playwright-core from npm)
  postgresql  # crosscheck-store's PostgreSQL backend tests (scripts/test-postgres.sh)
)
PIP_PACKAGES=(
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ${#PIP_PACKAGES[@]} -gt 0 ]; then
  python3 -m pip install -q --disable-pip-version-check "${PIP_PACKAGES[@]}"
fi
