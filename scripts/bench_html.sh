#!/usr/bin/env bash
# HTML extraction speed against trafilatura, on the same pages in the same run, one core each: ScrapingHub's
# 181 pages by default (local evaluation material in ../shared, never committed). Both sides read the pages
# into memory first and time extraction only (cleanalign: charset decoding + DOM walk + main content;
# trafilatura: `extract`, whose input is the same bytes). Best of 5 rounds for each.
#
#   scripts/bench_html.sh [PYTHON_WITH_TRAFILATURA] [DIR]
#   (default python: /work/eval/html-venv/bin/python; pip install trafilatura lxml_html_clean)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-/work/eval/html-venv/bin/python}"
dir="${2:-${SHARED:-../shared}/boilerplate/scrapinghub-aeb/html}"
cargo build --release --quiet --example bench_html
ours=$(taskset -c 0 ./target/release/examples/bench_html "$dir" 5)
echo "$ours"
theirs=$(taskset -c 0 "$python" - "$dir" <<'PY'
import gzip, pathlib, sys, time
import trafilatura
pages = []
for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    if p.name.endswith(".gz"):
        pages.append(gzip.decompress(p.read_bytes()))
    elif p.suffix in (".html", ".htm"):
        pages.append(p.read_bytes())
best = float("inf")
for _ in range(5):
    t = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    best = min(best, time.perf_counter() - t)
print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages in {best:.3f} s (best of 5): {len(pages) / best:.1f} pages/s")
PY
)
echo "$theirs"
python3 - "$ours" "$theirs" <<'PY'
import re, sys
rate = lambda s: float(re.search(r"([\d.]+) pages/s", s).group(1))
print(f"speed ratio: {rate(sys.argv[1]) / rate(sys.argv[2]):.1f}x trafilatura's pages per second")
PY
