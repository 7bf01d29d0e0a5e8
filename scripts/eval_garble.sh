#!/usr/bin/env bash
# Garbled-MT detection: recall on injected loops/stutters and false-positive rate on clean sentences.
# Usage: scripts/eval_garble.sh [SHARED_DIR] [SEED]   (default ../shared, seed 5)
# Runs on the committed fixture (tests/fixtures/mt, our own text) and, when present, on local evaluation
# material that is never committed:
#   - MAC-dev sentences (modern fiction translated from Chinese; the headline figure);
#   - the Bible (King James and Chinese Union versions, one sentence per line): archaic English full of
#     legitimate repetition ("the hands are the hands of Esau", "his father, his father would die");
#   - ChineseWebText (real Chinese web pages, one line per line, with their navigation and product lists).
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
bible="$shared/align/bible-zh-en"
if [ -f "$bible/001.en" ]; then
  echo "== Bible sentences (KJV 001.en, CUV 001.zh)"
  "$eval" --seed "$seed" "$bible/001.en" "$bible/001.zh"
fi
cc="$shared/boilerplate/chinesewebtext-cc-zh"
if [ -d "$cc" ]; then
  echo "== ChineseWebText lines (2021-43_cleared1 raw_content, fasttext_clean text)"
  lines="$(mktemp)"
  trap 'rm -f "$lines"' EXIT
  python3 - "$cc" "$lines" <<'PY'
import json, pathlib, sys
src, out = pathlib.Path(sys.argv[1]), open(sys.argv[2], "w", encoding="utf-8")
for name in ["2021-43_cleared1.jsonl", "fasttext_clean.jsonl"]:
    for row in (src / name).read_text(encoding="utf-8").splitlines():
        doc = json.loads(row)
        for line in (doc.get("raw_content") or doc.get("text") or "").split("\n"):
            if line.strip():
                out.write(line.strip() + "\n")
PY
  "$eval" --seed "$seed" "$lines"
fi
