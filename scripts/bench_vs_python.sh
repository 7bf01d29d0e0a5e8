#!/usr/bin/env bash
# Whole run, one thread: `cleanalign run --jobs 1` against the Python peer stack (scripts/python_peer_stack.py:
# ftfy.fix_text per line + OpenCC t2s + a C4-style line filter + cross-document line dedup, one process) on the
# same corpus in the same run. The two are run in turn (Rust, Python, Rust, Python, ...) after one warm-up run
# of each; the best (lowest) wall time of each is quoted as MB/s of input, with the ratio Rust/Python in speed.
# CPU time (user + sys) is shown too: on a loaded machine it is the steadier figure.
#
#   scripts/bench_vs_python.sh [PYTHON]
#
# PYTHON: an interpreter that already has ftfy and opencc (or opencc-python-reimplemented). Without it a venv is
# made (once) in target/bench-venv with ftfy and opencc from PyPI.
#
# Environment:
#   CLEANALIGN_BIN  a cleanalign binary to time instead of building target/release/cleanalign
#   SHARED          the local evaluation material [default: ../shared beside the checkout]
#   REPEATS         counted runs of each command [default: 3]
#   KEEP_WORK       set to 1 to keep the temporary folder (corpus and both outputs) and print its path
#   FTFY_SPEC, OPENCC_SPEC   pip requirement specifiers for the venv [default: ftfy==6.3.1, opencc==1.4.2]
#
# Corpus (about 2.1 MB of visible text, written as UTF-8 .txt files): the ScrapingHub article-extraction
# benchmark's html-text dumps (field articleBody), the Common Crawl zh documents of ChineseWebText
# 2021-43_cleared1.jsonl (field raw_content), trafilatura's CJK plaintext pages and the seed pages.
# Uses only bash, python3 and coreutils.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
shared="${SHARED:-$root/../shared}"
repeats="${REPEATS:-3}"
python_arg="${1:-}"

for f in boilerplate/scrapinghub-aeb/output/html-text.json boilerplate/chinesewebtext-cc-zh/2021-43_cleared1.jsonl \
         boilerplate/trafilatura-eval-cjk/plaintext seeds; do
  if [ ! -e "$shared/$f" ]; then
    echo "error: $shared/$f not found (set SHARED to the folder holding the evaluation material)" >&2
    exit 2
  fi
done

# --- the binary -------------------------------------------------------------------------------------------
if [ -n "${CLEANALIGN_BIN:-}" ]; then
  bin="$CLEANALIGN_BIN"
else
  echo "building the release binary..." >&2
  cargo build --release --quiet --bin cleanalign
  bin="$root/target/release/cleanalign"
fi
[ -x "$bin" ] || { echo "error: $bin is not an executable" >&2; exit 2; }

# --- the Python peer ---------------------------------------------------------------------------------------
if [ -n "$python_arg" ]; then
  py="$python_arg"
else
  venv="$root/target/bench-venv"
  py="$venv/bin/python"
  if ! "$py" -c 'import ftfy, opencc' 2>/dev/null; then
    echo "making $venv with ftfy and opencc..." >&2
    python3 -m venv "$venv"
    "$py" -m pip install --quiet --disable-pip-version-check "${FTFY_SPEC:-ftfy==6.3.1}"
    if ! "$py" -m pip install --quiet --disable-pip-version-check "${OPENCC_SPEC:-opencc==1.4.2}"; then
      echo "warning: the opencc package (C++) did not install; using opencc-python-reimplemented (pure Python)" >&2
      "$py" -m pip install --quiet --disable-pip-version-check opencc-python-reimplemented
    fi
  fi
fi
"$py" -c 'import ftfy, opencc' || { echo "error: $py cannot import ftfy and opencc" >&2; exit 2; }
peer="$root/scripts/python_peer_stack.py"

# --- the corpus --------------------------------------------------------------------------------------------
work="$(mktemp -d)"
if [ "${KEEP_WORK:-0}" = 1 ]; then
  echo "work folder kept: $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/raw"
python3 - "$shared" "$work/raw" <<'PY'
import json, pathlib, shutil, sys
shared, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
aeb = json.loads((shared / "boilerplate/scrapinghub-aeb/output/html-text.json").read_text(encoding="utf-8"))["output"]
for key, item in sorted(aeb.items()):
    body = item.get("articleBody") or ""
    if body:
        (out / f"aeb_{key[:16]}.txt").write_text(body, encoding="utf-8"); n += 1
path = shared / "boilerplate/chinesewebtext-cc-zh/2021-43_cleared1.jsonl"
for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
    text = json.loads(line).get("raw_content") or ""
    if text:
        (out / f"cc_{i:04d}.txt").write_text(text, encoding="utf-8"); n += 1
for p in sorted((shared / "boilerplate/trafilatura-eval-cjk/plaintext").iterdir()):
    if p.is_file():
        shutil.copyfile(p, out / f"traf_{p.name}"); n += 1
for p in sorted((shared / "seeds").iterdir()):
    if p.is_file():
        shutil.copyfile(p, out / f"seed_{p.name}"); n += 1
PY
files=$(find "$work/raw" -type f | wc -l)
bytes=$(cat "$work"/raw/* | wc -c)

rust_cmd=("$bin" run --raw "$work/raw" --out "$work/out-rust" --jobs 1 --quiet)
py_cmd=("$py" "$peer" "$work/raw" "$work/out-py")
[ -f "$root/pipeline.toml" ] && rust_cmd+=(--config "$root/pipeline.toml")

echo "corpus: $files files, $bytes bytes"
echo "rust:   ${rust_cmd[*]}"
echo "python: ${py_cmd[*]}"
"$py" -c 'import sys, ftfy, opencc; print("python:", sys.version.split()[0], "ftfy", ftfy.__version__, "opencc", getattr(opencc, "__version__", "(python-reimplemented)"))'

# One timed run: prints "WALL CPU" in seconds (bash's `time`: wall, user + sys of the command and children).
# cleanalign exits 1 when some inputs failed (listed in report.json): the run still counts.
timed() {
  local tf status
  tf="$(mktemp)"
  set +e
  { TIMEFORMAT='%3R %3U %3S'; time "$@" >"$work/last.out" 2>"$work/last.err"; } 2>"$tf"
  status=$?
  set -e
  if [ "$status" -gt 1 ]; then
    echo "error: '$*' exited with $status:" >&2
    tail -5 "$work/last.err" >&2
    rm -f "$tf"
    exit 1
  fi
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$tf"
  rm -f "$tf"
}

echo "warm-up (not counted)..."
timed "${rust_cmd[@]}" >/dev/null
timed "${py_cmd[@]}" >/dev/null
cp "$work/last.err" "$work/py.err"

rust_times=(); py_times=()
for i in $(seq "$repeats"); do
  rm -rf "$work/out-rust" "$work/out-py"
  r=$(timed "${rust_cmd[@]}")
  p=$(timed "${py_cmd[@]}")
  rust_times+=("$r"); py_times+=("$p")
  awk -v b="$bytes" -v i="$i" -v r="$r" -v p="$p" 'BEGIN {
    split(r, R, " "); split(p, P, " ");
    printf "run %d: cleanalign %.3fs wall (%.3fs cpu) = %.2f MB/s; python %.3fs wall (%.3fs cpu) = %.2f MB/s; ratio %.2fx\n",
      i, R[1], R[2], b / 1e6 / R[1], P[1], P[2], b / 1e6 / P[1], P[1] / R[1] }'
done

printf '%s\n' "${rust_times[@]}" >"$work/rust.times"
printf '%s\n' "${py_times[@]}" >"$work/py.times"
awk -v b="$bytes" -v n="$repeats" '
  FNR == 1 { f++ }
  f == 1 { if (rw == "" || $1 < rw) rw = $1; if (rc == "" || $2 < rc) rc = $2 }
  f == 2 { if (pw == "" || $1 < pw) pw = $1; if (pc == "" || $2 < pc) pc = $2 }
  END {
    printf "best of %d, wall: cleanalign %.3fs = %.2f MB/s; python peer stack %.3fs = %.2f MB/s; ratio %.2fx\n",
      n, rw, b / 1e6 / rw, pw, b / 1e6 / pw, pw / rw
    printf "best of %d, cpu:  cleanalign %.3fs = %.2f MB/s; python peer stack %.3fs = %.2f MB/s; ratio %.2fx\n",
      n, rc, b / 1e6 / rc, pc, b / 1e6 / pc, pc / rc
  }' "$work/rust.times" "$work/py.times"

# What each side kept, so a reader can see the two did comparable work.
cat "$work/py.err"
if [ -f "$work/out-rust/report.json" ]; then
  python3 - "$work/out-rust/report.json" <<'PY' || true
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
def n(v):
    return len(v) if isinstance(v, (list, dict)) else v
print("cleanalign: documents", n(r.get("documents")), "failed", n(r.get("failed")),
      "pairs", n(r.get("document_pairs")), "corpus rows", r.get("corpus_rows"), "timings_ms", r.get("timings_ms"))
PY
fi
