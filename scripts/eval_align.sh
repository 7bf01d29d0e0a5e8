#!/usr/bin/env bash
# Sentence alignment through the real CLI, scored with the standard strict/lax F1 (local evaluation material in
# ../shared, never committed): MAC-dev (zh-en, with CC-CEDICT) and Text+Berg dev (de-fr, no dictionary).
#
#   scripts/eval_align.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
bin=./target/release/cleanalign
mac="$shared/align/mac-dev"
start=$(date +%s.%N)
for zh in "$mac"/zh/[0-9][0-9][0-9]; do
  n=$(basename "$zh")
  "$bin" align "$zh" "$mac/en/$n" --src-lang zh --tgt-lang en > "$work/$n.align"
done
end=$(date +%s.%N)
echo "MAC-dev (zh-en), $(echo "$end - $start" | bc -l | cut -c1-5)s:"
python3 "$shared/tools/align_score.py" -t "$work"/[0-9][0-9][0-9].align -g "$mac"/gold/[0-9][0-9][0-9].align
tb="$shared/align/textberg-dev"
"$bin" align "$tb/dev.de" "$tb/dev.fr" --src-lang de --tgt-lang fr > "$work/dev.align"
echo "Text+Berg dev (de-fr):"
python3 "$shared/tools/align_score.py" -t "$work/dev.align" -g "$tb/dev.defr"
