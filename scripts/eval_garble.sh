#!/usr/bin/env bash
# Garbled-MT detection: recall on injected loops/stutters and false-positive rate on clean sentences.
# Usage: scripts/eval_garble.sh [SHARED_DIR] [SEED]   (default ../shared, seed 5)
# Runs on the committed fixture (tests/fixtures/mt, our own text) and, when present, on the MAC-dev
# sentences (never committed).
set -euo pipefail
shared="${1:-../shared}"
seed="${2:-5}"
cargo build --release --quiet --example eval_garble
eval=target/release/examples/eval_garble
echo "== committed fixture (tests/fixtures/mt/clean_{en,zh}.txt)"
"$eval" --seed "$seed" tests/fixtures/mt/clean_en.txt tests/fixtures/mt/clean_zh.txt
mac="$shared/align/mac-dev"
if [ -d "$mac" ]; then
  echo "== MAC-dev sentences (en 001-006, zh 001-006)"
  "$eval" --seed "$seed" "$mac"/en/00[1-6] "$mac"/zh/00[1-6]
fi
