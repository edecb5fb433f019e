#!/usr/bin/env bash
# Everything the test suite needs beyond the Rust toolchain: Debian packages and
# Python packages (peer baselines, export checks). Idempotent: skips what is
# already installed. One package per line, with the reason beside it.
set -euo pipefail
APT_PACKAGES=(
  pkg-config
  chromium    # headless browser: dossier HTML check (crosscheck-report tests/html.rs) and web UI test (scripts/browser-test.sh)
  postgresql  # crosscheck-store's PostgreSQL backend tests (scripts/test-postgres.sh)
)
PIP_PACKAGES=(
  pandas         # crosscheck-incidents tests/exports.rs: the CSV export loads in pandas
  pyarrow        # crosscheck-incidents tests/exports.rs: the Parquet export loads in pyarrow
  tokenizers     # crosscheck-embed tests/reference.rs: the oracle's tokenizer (scripts/reference_embeddings.py)
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
# The embedding model itself (also installed by run.sh).
"$(dirname "$0")/install-model.sh"
