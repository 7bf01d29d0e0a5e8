"""The Python half of scripts/check_outputs.sh: corpus.jsonl through Hugging Face `datasets`, compared with
corpus.csv row by row, and report.html as Chromium rendered it (DOM and screenshot).

Usage: check_outputs.py OUT_DIR SCREENSHOT.png DOM.html
"""

import csv
import sys
from pathlib import Path

import datasets
from PIL import Image

# The colours report.html draws each chart with (src/engine/report_html.rs, src/engine/svg.rs).
CHART_COLOURS = {
    "chart-lines (kept)": (0x59, 0xA1, 0x4F),
    "chart-stages (changed)": (0x4E, 0x79, 0xA7),
    "chart-reasons": (0xF2, 0x8E, 0x2B),
    "chart-scores (histogram)": (0x76, 0xB7, 0xB2),
}
MIN_PIXELS = 40


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    out, shot, dom = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    with open(out / "corpus.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        fail("corpus.csv has no rows")

    ds = datasets.load_dataset("json", data_files=str(out / "corpus.jsonl"), split="train")
    print(f"datasets {datasets.__version__}: {ds.num_rows} rows, columns {ds.column_names}")
    print(f"features: {ds.features}")
    if "translation" not in ds.column_names:
        fail("no translation column")
    if ds.num_rows != len(rows):
        fail(f"{ds.num_rows} JSONL records for {len(rows)} CSV rows")
    for i, (record, row) in enumerate(zip(ds, rows)):
        t = record["translation"]
        if t["zh"] != row["src_text"] or t["en"] != row["tgt_text"]:
            fail(f"row {i + 1}: translation differs from corpus.csv")
        if abs(record["score"] - float(row["score"])) > 1e-9 or record["bead"] != row["bead"]:
            fail(f"row {i + 1}: score or bead differs from corpus.csv")
    moses = [
        (out / "corpus.zh").read_text(encoding="utf-8").split("\n")[:-1],
        (out / "corpus.en").read_text(encoding="utf-8").split("\n")[:-1],
    ]
    if moses[0] != [r["src_text"] for r in rows] or moses[1] != [r["tgt_text"] for r in rows]:
        fail("corpus.zh / corpus.en differ from corpus.csv")
    print(f"corpus.jsonl, corpus.zh, corpus.en: {len(rows)} rows, each equal to corpus.csv")

    text = dom.read_text(encoding="utf-8")
    for chart in ["chart-lines", "chart-stages", "chart-reasons", "chart-scores"]:
        at = text.find(f'id="{chart}"')
        if at < 0 or "<svg" not in text[at : at + 400]:
            fail(f"rendered DOM lacks {chart} with its SVG")
    print("rendered DOM: 4 charts, each an inline SVG")

    image = Image.open(shot).convert("RGB")
    counts = {colour: n for n, colour in image.getcolors(image.width * image.height)}
    print(f"screenshot {shot.name}: {image.width}x{image.height}")
    for name, colour in CHART_COLOURS.items():
        print(f"  {name}: {counts.get(colour, 0)} pixels")
        if counts.get(colour, 0) < MIN_PIXELS:
            fail(f"the screenshot does not show {name}")


if __name__ == "__main__":
    main()
