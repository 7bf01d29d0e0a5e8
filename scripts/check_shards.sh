#!/usr/bin/env bash
# A run split into shards through the CLI phases (plan, then worker per shard and merge for scan, clean and
# align, workers in reverse order, the shard from SLURM_ARRAY_TASK_ID) against one `cleanalign run` over the
# same folder: every output file must be byte-identical, and report.json equal apart from its timings.
#
#   scripts/check_shards.sh RAW_DIR [SHARDS]     (CLEANALIGN_BIN=path skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
raw="$(realpath "${1:?usage: scripts/check_shards.sh RAW_DIR [SHARDS]}")"
shards="${2:-3}"
bin="${CLEANALIGN_BIN:-}"
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=./target/release/cleanalign
fi
bin="$(realpath "$bin")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

status=0
"$bin" run --raw "$raw" --out "$work/run" --quiet || status=$?
[ "$status" -le 1 ] || exit "$status"
"$bin" plan --raw "$raw" --out "$work/shards" --shards "$shards"
for phase in scan clean align; do
  for ((i = shards - 1; i >= 0; i--)); do
    SLURM_ARRAY_TASK_ID=$i "$bin" worker --out "$work/shards" --phase "$phase" --quiet
  done
  "$bin" merge --out "$work/shards" --phase "$phase" || [ $? -eq 1 ]
done

same=1
for f in corpus.csv rejected.jsonl metadata.csv corpus.tmx corpus.jsonl corpus.zh corpus.en; do
  if [ -f "$work/run/$f" ] && ! cmp -s "$work/run/$f" "$work/shards/$f"; then
    echo "differs: $f"; same=0
  fi
done
diff -r "$work/run/docs" "$work/shards/docs" > /dev/null || { echo "differs: docs/"; same=0; }
python3 - "$work/run/report.json" "$work/shards/report.json" <<'PY' || same=0
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
for report in (a, b):
    for key in ("timings_ms", "seconds_total", "throughput_mb_per_s"):
        report.pop(key, None)
if a != b:
    print("differs: report.json (apart from timings)")
    sys.exit(1)
PY
docs=$(find "$work/run/docs" -type f | wc -l)
if [ "$same" = 1 ]; then
  echo "$shards shards = run: $docs documents, every output byte-identical (report.json apart from timings)"
else
  exit 1
fi
