#!/usr/bin/env bash
# Document pairing measured where the answer is known (local evaluation material in ../shared, never committed):
# MAC-dev's six chapter pairs are split into twelve files with shuffled random names, the seed pages (comparable
# documents on one topic, not translations) are added as distractors, `cleanalign run` pairs the batch, and every
# reported pair is checked against the truth. Target: every true pair found, no false pair.
#
#   scripts/eval_pairing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
bin="$PWD/target/release/cleanalign"
mac="$shared/align/mac-dev"
mkdir -p "$work/raw"
: > "$work/truth.tsv"
for zh in "$mac"/zh/[0-9][0-9][0-9]; do
  n=$(basename "$zh")
  a=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
  b=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
  cp "$zh" "$work/raw/$a.txt"
  cp "$mac/en/$n" "$work/raw/$b.txt"
  printf '%s\t%s\n' "$a" "$b" >> "$work/truth.tsv"
done
for s in "$shared"/seeds/*.txt; do
  cp "$s" "$work/raw/seed_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n').txt"
done
echo "$(ls "$work/raw" | wc -l) documents: $(wc -l < "$work/truth.tsv") true pairs + $(ls "$shared"/seeds/*.txt | wc -l) seed distractors"
/usr/bin/time -f "run: %e s wall, %U s user" "$bin" run --raw "$work/raw" --out "$work/out" --quiet 2>&1 | tail -1 || true
python3 - "$work/truth.tsv" "$work/out/report.json" <<'PY'
import json, sys
truth = {}
for line in open(sys.argv[1]):
    a, b = line.split()
    truth[a] = b; truth[b] = a
stem = lambda d: d.rsplit("/", 1)[-1].split(".")[0]
pairs = json.load(open(sys.argv[2]))["document_pairs"]
found = wrong = 0
for p in pairs:
    s, t = stem(p["src_doc"]), stem(p["tgt_doc"])
    ok = truth.get(s) == t
    found += ok; wrong += not ok
    print(f"  {'TRUE ' if ok else 'FALSE'} {s} {t} confidence {p['score']:.3f}")
print(f"true pairs found {found}/{len(truth)//2}, false pairs {wrong}")
PY
