#!/usr/bin/env bash
# The Python package (run by .ci/run): built from this repository and installed into a fresh venv with one
# `pip install` (maturin and datatrove come from PyPI), then
#   1. python/tests/test_package.py: fix, Pipeline.clean, align and LineCounts on small inputs, each against
#      what the `cleanalign` binary does with the same input;
#   2. python/tests/check_datatrove.py: pipeline_steps under datatrove's LocalPipelineExecutor with 3 tasks on
#      JSONL input, whose documents must equal `cleanalign run`'s docs/ byte for byte.
# Also checks that the binding crate passes clippy and that the wheel is abi3 (one wheel for CPython >= 3.9).
#
# Usage: scripts/check_python.sh   (PYTHON=python3.x to pick the interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"

echo "== cargo clippy -p cleanalign-python (the binding crate)"
cargo clippy -p cleanalign-python --all-targets --quiet -- -D warnings

cargo build --release --quiet
export CLEANALIGN_BIN="$PWD/target/release/cleanalign"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
started=$(date +%s)
echo "== pip install '.[datatrove]' into a fresh venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check '.[datatrove]'
echo "pip install: $(($(date +%s) - started)) s"
native=$("$work/venv/bin/python" -c 'import cleanalign._native as n; print(n.__file__)')
case "$native" in
  *.abi3.so) echo "extension module: $(basename "$native") (abi3)" ;;
  *) echo "FAIL: the extension module is not abi3: $native"; exit 1 ;;
esac

status=0
echo "== python/tests/test_package.py"
"$work/venv/bin/python" python/tests/test_package.py || status=1
echo "== python/tests/check_datatrove.py (LocalPipelineExecutor, 3 tasks, JSONL)"
"$work/venv/bin/python" python/tests/check_datatrove.py || status=1
exit "$status"
