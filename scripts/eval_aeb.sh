#!/usr/bin/env bash
# Boilerplate removal on ScrapingHub AEB (local evaluation material in ../shared, never committed):
# each page's whole-page text dump becomes one input of a single `cleanalign run` batch; the cleaned document,
# minus its title line (the gold bodies exclude titles), is scored with ScrapingHub's shingle F1.
#
#   scripts/eval_aeb.sh            (CLEANALIGN_BIN=path skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
aeb="$shared/boilerplate/scrapinghub-aeb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/raw"
python3 - "$aeb/output/html-text.json" "$work/raw" <<'PY'
import json, sys, pathlib
pages = json.loads(pathlib.Path(sys.argv[1]).read_text())["output"]
for key, item in pages.items():
    (pathlib.Path(sys.argv[2]) / f"{key}.txt").write_text(item.get("articleBody") or "", encoding="utf-8")
PY
bin="${CLEANALIGN_BIN:-}"
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin=./target/release/cleanalign
fi
"$bin" run --raw "$work/raw" --out "$work/out" --quiet ${CLEANALIGN_CONFIG:+--config "$CLEANALIGN_CONFIG"} || true
python3 - "$work/out" "$work/preds.json" <<'PY'
import csv, json, sys, pathlib
out = pathlib.Path(sys.argv[1])
titles = {row["doc"]: row["title"] for row in csv.DictReader(open(out / "metadata.csv", encoding="utf-8"))}
preds = {}
for doc in sorted((out / "docs").glob("*.txt")):
    lines = doc.read_text(encoding="utf-8").splitlines()
    if lines and titles.get(doc.stem) and lines[0] == titles[doc.stem]:
        lines = lines[1:]
    preds[doc.stem] = {"articleBody": "\n".join(lines)}
json.dump(preds, open(sys.argv[2], "w"), ensure_ascii=False)
PY
python3 "$shared/tools/score_shingles.py" "$aeb/ground-truth.json" "$work/preds.json"
