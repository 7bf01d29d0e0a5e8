#!/usr/bin/env bash
# Checks of the corpus formats and report.html that need tools outside Rust (run by .ci/run):
#   1. corpus.tmx is valid against the TMX 1.4 DTD (tests/tmx/tmx14.dtd, see tests/tmx/PROVENANCE.md): xmllint;
#   2. corpus.zh and corpus.en have one line per corpus.csv row;
#   3. corpus.jsonl loads with Hugging Face `datasets` into a `translation` column, row by row equal to corpus.csv;
#   4. report.html renders in headless Chromium, and the screenshot shows every chart.
# Installs what it needs: libxml2-utils, chromium and a CJK font from Debian; datasets and pillow from PyPI into a
# venv (kept in ~/.cache between runs). Any failure stops it with a non-zero exit.
#
# Usage: scripts/check_outputs.sh [SCREENSHOT.png]   (default: a temporary file; docs/report.png is made this way)
set -euo pipefail
cd "$(dirname "$0")/.."
shot="${1:-}"

need_apt=()
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk' || need_apt+=(fonts-wqy-microhei)
if ((${#need_apt[@]})); then
  echo "== apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

venv="${XDG_CACHE_HOME:-$HOME/.cache}/cleanalign-check-venv"
if ! "$venv/bin/python" -c 'import datasets, PIL' >/dev/null 2>&1; then
  echo "== pip install datasets pillow (venv $venv)"
  python3 -m venv "$venv" || { apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q --disable-pip-version-check 'datasets>=2.14' pillow
fi

echo "== cleanalign run on raw/ (release build)"
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/out"
target/release/cleanalign run --raw raw --out "$out" --progress json 2>"$work/stderr" || {
  cat "$work/stderr"
  echo "FAIL: cleanalign run exited non-zero"
  exit 1
}
grep -q '"phase":"align"' "$work/stderr" || { echo "FAIL: no JSON progress line for align"; exit 1; }
test -s "$out/corpus.csv"

echo "== xmllint --dtdvalid tests/tmx/tmx14.dtd corpus.tmx"
# --path resolves the file's own <!DOCTYPE tmx SYSTEM "tmx14.dtd"> to the same committed DTD; --nonet: no network.
xmllint --noout --nonet --path tests/tmx --valid --dtdvalid tests/tmx/tmx14.dtd "$out/corpus.tmx"
echo "corpus.tmx: valid ($(grep -c '<tu ' "$out/corpus.tmx") translation units)"

echo "== Moses files: equal line counts"
zh_lines=$(wc -l <"$out/corpus.zh")
en_lines=$(wc -l <"$out/corpus.en")
echo "corpus.zh: $zh_lines lines, corpus.en: $en_lines lines"
[ "$zh_lines" -eq "$en_lines" ] && [ "$zh_lines" -gt 0 ] || { echo "FAIL: line counts differ or are zero"; exit 1; }

echo "== report.html in headless Chromium"
[ -n "$shot" ] || shot="$work/report.png"
rm -f "$shot"
chrome_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/chrome")
timeout 120 chromium "${chrome_flags[@]}" --window-size=1320,1000 --screenshot="$shot" "file://$out/report.html" \
  >"$work/chrome.log" 2>&1 || { cat "$work/chrome.log"; echo "FAIL: chromium exited non-zero"; exit 1; }
timeout 120 chromium "${chrome_flags[@]}" --dump-dom "file://$out/report.html" >"$work/dom.html" 2>>"$work/chrome.log" \
  || { cat "$work/chrome.log"; echo "FAIL: chromium --dump-dom exited non-zero"; exit 1; }

echo "== datasets, corpus.csv row by row, and the screenshot"
HF_DATASETS_OFFLINE=1 HF_HUB_OFFLINE=1 HF_HOME="$work/hf" "$venv/bin/python" scripts/check_outputs.py "$out" "$shot" "$work/dom.html"
echo "check_outputs: all passed"
