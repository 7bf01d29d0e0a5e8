#!/usr/bin/env bash
# The Ray recipe of docs/scale-out.md, run on this machine: scripts/ray_driver.py starts a local Ray (from
# PyPI, in a venv kept in ~/.cache), runs `cleanalign plan`, each phase's shards as Ray tasks and each phase's
# `merge`, over the bundled raw/ in 3 shards; the outputs must equal `cleanalign run`'s byte for byte (every
# file but report.json and report.html, which hold timings).
#
# Usage: scripts/check_ray.sh   (CLEANALIGN_BIN=path to test another build of the binary)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CLEANALIGN_BIN:-}" ]; then
  bin="$CLEANALIGN_BIN"
else
  cargo build --release --quiet
  bin="$PWD/target/release/cleanalign"
fi
if ! "$bin" plan --help >/dev/null 2>&1; then
  echo "FAIL: $bin has no \`plan\` command (the CLI phases the Ray driver calls)"
  exit 1
fi

venv="${XDG_CACHE_HOME:-$HOME/.cache}/cleanalign-ray-venv"
if ! "$venv/bin/python" -c 'import ray' >/dev/null 2>&1; then
  echo "== pip install ray (venv $venv)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check 'ray>=2.9'
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" run --config pipeline.toml --raw raw --out "$work/run" --quiet || [ $? -eq 1 ]
started=$(date +%s)
"$venv/bin/python" scripts/ray_driver.py --raw raw --out "$work/ray" --shards 3 --config pipeline.toml \
  --binary "$bin" --num-cpus 2 || [ $? -eq 1 ]
echo "ray driver: $(($(date +%s) - started)) s"

failed=0
compared=0
while IFS= read -r -d '' file; do
  rel="${file#"$work/run/"}"
  case "$rel" in report.json | report.html) continue ;; esac
  compared=$((compared + 1))
  if ! cmp -s "$file" "$work/ray/$rel"; then
    echo "FAIL: $rel differs between run and the Ray driver"
    failed=$((failed + 1))
  fi
done < <(find "$work/run" -type f -print0)
# Files the driver wrote that run did not (besides the plan and the phases' working files, in dot-folders or
# under shards/ per the engine's layout) would be a difference too.
extra=$(cd "$work/ray" && find . -type f ! -name 'report.*' ! -name 'plan.json' ! -path './.*' ! -path '*/shards/*' \
  | sed 's|^\./||' | while read -r f; do [ -e "$work/run/$f" ] || echo "$f"; done)
if [ -n "$extra" ]; then
  echo "note: files only the Ray driver wrote (working files of the phases?):"
  echo "$extra" | head -20 | sed 's/^/  /'
fi
echo "ray: $compared output files compared with cleanalign run"
echo "ray: $((compared > 0 && failed == 0 ? 1 : 0)) passed, $((compared > 0 && failed == 0 ? 0 : 1)) failed"
[ "$compared" -gt 0 ] && [ "$failed" -eq 0 ]
