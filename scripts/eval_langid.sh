#!/usr/bin/env bash
# Language ID on short zh/en/mixed lines: ours vs whatlang vs lingua (accuracy and a rough speed check).
# Usage: scripts/eval_langid.sh [SHARED_DIR]   (default ../shared). Speed reference:
#   cargo bench --features langid-eval --bench langid
set -euo pipefail
shared="${1:-../shared}"
cargo build --release --quiet --features langid-eval --example eval_langid
mac="$shared/align/mac-dev"
if [ -d "$mac" ]; then
  target/release/examples/eval_langid "$mac"
else
  target/release/examples/eval_langid
fi
