#!/usr/bin/env bash
# Outputs of the binary over every visible corpus, for `diff -r` before and after a refactor or a speed-up
# (local evaluation material in ../shared, never committed). Timings are stripped from report.json so that two
# snapshots of the same behaviour are byte-identical.
#
#   scripts/snapshot_outputs.sh OUT_DIR          (CLEANALIGN_BIN=path skips the release build)
#   diff -r before/ after/                       (empty when behaviour is unchanged)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/snapshot_outputs.sh OUT_DIR}"
shared="${SHARED:-../shared}"
bin="${CLEANALIGN_BIN:-}"
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=./target/release/cleanalign
fi
bin="$(realpath "$bin")"
inputs="${SNAPSHOT_INPUTS:-/tmp/cleanalign-snapshot-inputs}"
mkdir -p "$out"
out="$(realpath "$out")"

# The inputs are laid out once, under fixed names, so that doc ids are the same in every snapshot.
if [ ! -f "$inputs/.complete" ]; then
  rm -rf "$inputs"
  mkdir -p "$inputs"
  cp -r raw "$inputs/raw"
  python3 - "$shared" "$inputs" <<'PY'
import json, pathlib, sys
shared, inputs = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def put(corpus, name, text):
    d = inputs / corpus
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
pages = json.loads((shared / "boilerplate/scrapinghub-aeb/output/html-text.json").read_text())["output"]
for key, item in pages.items():
    put("aeb", f"{key}.txt", item.get("articleBody") or "")
for p in sorted((shared / "boilerplate/trafilatura-eval-cjk/plaintext").glob("*.txt")):
    put("cjk", p.name, p.read_text(encoding="utf-8"))
for n, line in enumerate(open(shared / "boilerplate/chinesewebtext-cc-zh/2021-43_cleared1.jsonl", encoding="utf-8")):
    put("cc-zh", f"{n:03}.txt", json.loads(line)["raw_content"])
for side in ("zh", "en"):
    for p in sorted((shared / "align/mac-dev" / side).iterdir()):
        put("mac-dev", f"{p.name}_{side}.txt", p.read_text(encoding="utf-8"))
for lang in ("de", "fr"):
    put("textberg", f"dev_{lang}.txt", (shared / f"align/textberg-dev/dev.{lang}").read_text(encoding="utf-8"))
for side in ("zh", "en"):
    for p in sorted((shared / "align/wmt21-docs" / side).iterdir()):
        put("wmt21", f"{p.stem}_{side}.txt", p.read_text(encoding="utf-8"))
for p in sorted((shared / "align/interleaved/pages").iterdir()):
    put("interleaved", p.stem + ".txt", p.read_text(encoding="utf-8"))
PY
  touch "$inputs/.complete"
fi

strip_timings() {
  python3 - "$1" <<'PY'
import json, sys
path = sys.argv[1]
report = json.load(open(path, encoding="utf-8"))
for key in ("timings_ms", "seconds_total", "throughput_mb_per_s"):
    report.pop(key, None)
json.dump(report, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
PY
}

for corpus in raw aeb cjk cc-zh mac-dev textberg wmt21 interleaved; do
  rm -rf "$out/run-$corpus"
  status=0
  "$bin" run --raw "$inputs/$corpus" --out "$out/run-$corpus" --quiet 2> "$out/run-$corpus.stderr" || status=$?
  sed -i "s#$out/#OUT/#g" "$out/run-$corpus.stderr"
  echo "$status" > "$out/run-$corpus.status"
  for f in report.json; do [ -f "$out/run-$corpus/$f" ] && strip_timings "$out/run-$corpus/$f"; done
  rm -f "$out/run-$corpus/report.html"
  echo "run $corpus: exit $status"
done

# `align` on the literary and de-fr sets, `fix` (every stage, and each variant) on the dirty text corpora.
mkdir -p "$out/align" "$out/fix"
mac="$shared/align/mac-dev"
for zh in "$mac"/zh/[0-9][0-9][0-9]; do
  n=$(basename "$zh")
  "$bin" align "$zh" "$mac/en/$n" > "$out/align/mac-$n.txt"
done
"$bin" align "$shared/align/textberg-dev/dev.de" "$shared/align/textberg-dev/dev.fr" --src-lang de --tgt-lang fr \
  > "$out/align/textberg.txt"
for corpus in raw cjk cc-zh aeb; do
  cat "$inputs/$corpus"/*.txt > "$out/fix/$corpus.in"
  for to in zh-Hans zh-TW none; do
    "$bin" fix --to "$to" "$out/fix/$corpus.in" > "$out/fix/$corpus.$to.txt"
  done
  rm "$out/fix/$corpus.in"
done
"$bin" fix "$shared"/mojibake/ftfy-cases/* > "$out/fix/ftfy-cases.txt" 2>/dev/null || true
echo "snapshot in $out"
