#!/usr/bin/env bash
# Does the bead score separate good beads from bad ones? Aligns MAC-dev (local evaluation material in ../shared,
# never committed) and prints, per score band, the share of non-null beads that match a gold bead exactly.
#
#   scripts/eval_calibration.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
mac="$shared/align/mac-dev"
for zh in "$mac"/zh/[0-9][0-9][0-9]; do
  n=$(basename "$zh")
  ./target/release/cleanalign align "$zh" "$mac/en/$n" --src-lang zh --tgt-lang en > "$work/$n.align"
done
python3 - "$work" "$mac/gold" <<'PY'
import ast, os, sys
work, gold = sys.argv[1], sys.argv[2]
def beads(path):
    for line in open(path):
        f = [x.strip() for x in line.strip().split(":") if x.strip()]
        if len(f) >= 2:
            yield (tuple(ast.literal_eval(f[0])), tuple(ast.literal_eval(f[1]))), (float(f[2]) if len(f) > 2 else None)
edges = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.01]
tot = [0] * 6; ok = [0] * 6
for name in sorted(os.listdir(work)):
    g = {b for b, _ in beads(os.path.join(gold, name))}
    for b, s in beads(os.path.join(work, name)):
        if b[0] and b[1]:
            k = max(i for i in range(6) if s >= edges[i]); tot[k] += 1; ok[k] += b in g
for i in range(6):
    print(f"score [{edges[i]:.1f}, {min(edges[i+1], 1):.1f}): {tot[i]:4} beads, {ok[i] / max(1, tot[i]):.2f} exactly right")
lo, hi = (sum(ok[:3]), sum(tot[:3])), (sum(ok[3:]), sum(tot[3:]))
print(f"below 0.5: {lo[1]} beads, {lo[0] / max(1, lo[1]):.2f} right; 0.5 and above: {hi[1]} beads, {hi[0] / max(1, hi[1]):.2f} right")
PY
