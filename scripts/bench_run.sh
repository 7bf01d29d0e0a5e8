#!/usr/bin/env bash
# Whole-run benchmark: builds a larger corpus from ../shared (local evaluation material, never committed) and
# the bundled samples, then times `cleanalign run` on it. It reports MB/s of input and, as a baseline measured in
# the same run on the same files, the time of `cat` over them, so the ratio is comparable across noisy machines.
#
#   scripts/bench_run.sh [REPEATS=3] [JOBS=0]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
jobs="${2:-0}"
shared="${SHARED:-../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/raw"

python3 - "$shared" "$work/raw" <<'PY'
import json, sys, pathlib, shutil
shared, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
aeb = json.loads((shared / "boilerplate/scrapinghub-aeb/output/html-text.json").read_text())["output"]
for key, item in sorted(aeb.items()):
    (out / f"aeb_{key[:16]}.txt").write_text(item.get("articleBody") or "", encoding="utf-8"); n += 1
for name in ["2021-43_cleared1.jsonl", "fasttext_dirty.jsonl", "fasttext_clean.jsonl"]:
    for i, line in enumerate((shared / "boilerplate/chinesewebtext-cc-zh" / name).read_text().splitlines()):
        rec = json.loads(line)
        text = rec.get("raw_content") or rec.get("text") or ""
        (out / f"cc_{name.split('.')[0]}_{i:04d}.txt").write_text(text, encoding="utf-8"); n += 1
for p in sorted((shared / "boilerplate/trafilatura-eval-cjk/plaintext").glob("*.txt")):
    shutil.copy(p, out / f"traf_{p.name}"); n += 1
# The seed pages twenty times (comparable, never pairs: they exercise pairing's rejection), the parallel
# sample once (copies of one translation would all pair with each other and dominate the timing).
for p in sorted(pathlib.Path("raw").glob("*.txt")):
    copies = 20 if p.name[:3].isdigit() else 1
    for rep in range(copies):
        shutil.copy(p, out / f"rep{rep:02d}_{p.name}"); n += 1
print(f"corpus: {n} files", file=sys.stderr)
PY

cargo build --release --quiet
bytes=$(cat "$work"/raw/* | wc -c)
echo "corpus: $(ls "$work/raw" | wc -l) files, $bytes bytes"

best_run=""; best_cat=""
for i in $(seq "$repeats"); do
  start=$(date +%s.%N); cat "$work"/raw/* > /dev/null; end=$(date +%s.%N)
  t_cat=$(echo "$end - $start" | bc -l)
  start=$(date +%s.%N)
  ./target/release/cleanalign run --raw "$work/raw" --out "$work/out" --jobs "$jobs" --quiet 2>/dev/null || true
  end=$(date +%s.%N)
  t_run=$(echo "$end - $start" | bc -l)
  echo "run $i: cleanalign ${t_run}s, cat ${t_cat}s"
  if [ -z "$best_run" ] || [ "$(echo "$t_run < $best_run" | bc -l)" = 1 ]; then best_run=$t_run; fi
  if [ -z "$best_cat" ] || [ "$(echo "$t_cat < $best_cat" | bc -l)" = 1 ]; then best_cat=$t_cat; fi
done
mbps=$(echo "$bytes / 1000000 / $best_run" | bc -l)
printf 'best of %s: cleanalign %.3fs = %.2f MB/s of input; cat %.4fs; ratio cleanalign/cat = %.0fx\n' \
  "$repeats" "$best_run" "$mbps" "$best_cat" "$(echo "$best_run / $best_cat" | bc -l)"
python3 -c "import json,sys; r=json.load(open('$work/out/report.json')); print('report: docs', r['documents'], 'failed', len(r['failed']), 'pairs', len(r['document_pairs']), 'rows', r['corpus_rows'], 'timings_ms', r['timings_ms'])"
