#!/usr/bin/env bash
# Sentence-boundary precision/recall of the segmenter on MAC-dev (zh, en) and Text+Berg-dev (de, fr).
# Usage: scripts/eval_segment.sh [SHARED_DIR]   (default ../shared; the gold data is never committed)
set -euo pipefail
shared="${1:-../shared}"
mac="$shared/align/mac-dev"
tb="$shared/align/textberg-dev"
cargo build --release --quiet --example eval_segment
eval=target/release/examples/eval_segment
echo "== MAC-dev zh (6 chapters)"; "$eval" zh "$mac"/zh/00[1-6]
echo "== MAC-dev en (6 chapters)"; "$eval" en "$mac"/en/00[1-6]
echo "== Text+Berg-dev de (tokenised gold, detokenised first)"; "$eval" other --detok "$tb/dev.de"
echo "== Text+Berg-dev fr (tokenised gold, detokenised first)"; "$eval" other --detok "$tb/dev.fr"
