#!/usr/bin/env python3
"""Local clean-text check: sentences that must come out of `cleanalign fix --stages mojibake` unchanged.

Reads local evaluation material (never committed): MAC-dev zh/en sentences and the Bible zh/en lines under
../shared/align. The committed 10,000-line set lives in
tests/mojibake.rs (`cargo test --test mojibake`); this script adds real literary sentences on top.

Usage: scripts/eval_clean_mojibake.py [--debug]
"""
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
shared = root.parent / "shared"
profile = "debug" if "--debug" in sys.argv else "release"
build = ["cargo", "build", "--quiet", "--bin", "cleanalign"] + ([] if profile == "debug" else ["--release"])
subprocess.run(build, cwd=root, check=True)
binary = root / "target" / profile / "cleanalign"

sets = {}
mac = shared / "align" / "mac-dev"
for lang in ["zh", "en"]:
    lines = []
    for f in sorted((mac / lang).glob("[0-9][0-9][0-9]")):
        lines += [l for l in f.read_text(encoding="utf-8").split("\n") if l.strip()]
    sets[f"mac-dev {lang}"] = lines
    bible = shared / "align" / "bible-zh-en" / f"001.{lang}"
    if bible.exists():
        sets[f"bible {lang}"] = [l for l in bible.read_text(encoding="utf-8").split("\n") if l.strip()]
for name, lines in sets.items():
    out = subprocess.run([str(binary), "fix", "--stages", "mojibake", "--to", "none"],
                         input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    got = out.split("\n")[: len(lines)]
    changed = [(a, b) for a, b in zip(lines, got) if a != b]
    print(f"{name}: {len(lines) - len(changed)}/{len(lines)} unchanged")
    for a, b in changed[:5]:
        print(f"  {a!r}\n  -> {b!r}")
