#!/usr/bin/env python3
"""Spam removal on ChineseWebText's Common Crawl sample (local evaluation material in ../shared, never committed).

Each document's `raw_content` becomes one input of a single `cleanalign run` batch. The script prints:
- how many raw lines were removed, by stage and reason (from rejected.jsonl);
- surviving lines that still look like spam (a gambling/porn term, or a chain of 5+ short items) for review;
- a fixed-seed sample of 50 removed lines for a false-positive spot check (by hand).

Usage: scripts/eval_cc_spam.py [--sample N] [--seed S]
Set CLEANALIGN_BIN to a built binary to skip the release build.
"""
import collections
import json
import os
import pathlib
import random
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
data = root.parent / "shared" / "boilerplate" / "chinesewebtext-cc-zh" / "2021-43_cleared1.jsonl"
args = sys.argv[1:]
sample_n = int(args[args.index("--sample") + 1]) if "--sample" in args else 50
seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 4
binary = os.environ.get("CLEANALIGN_BIN")
if not binary:
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
    binary = str(root / "target/release/cleanalign")

# Words that, in a surviving line, deserve a look (review aid only, not a score).
SUSPECT = re.compile(r"现金网|威尼斯人|娱乐城|百家乐|太阳城|申博|棋牌|电玩城|开奖|返水|体育官网|娱乐平台|彩金|博彩|真人|yabo|毛片|无码")
ITEM_SEP = re.compile(r"[,，、|｜/]|\s+")

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    raw = tmp / "raw"
    raw.mkdir()
    raw_lines = 0
    for i, line in enumerate(open(data, encoding="utf-8")):
        doc = json.loads(line)
        text = doc["raw_content"]
        raw_lines += sum(1 for l in text.split("\n") if l.strip())
        (raw / f"cc{i:03d}.txt").write_text(text, encoding="utf-8")
    subprocess.run([binary, "run", "--raw", str(raw), "--out", str(tmp / "out"), "--quiet"], check=False)
    rejects = [json.loads(l) for l in open(tmp / "out" / "rejected.jsonl", encoding="utf-8")]
    # Whole removed lines (spans cut out of kept lines are counted separately).
    kept_text = {p.stem: p.read_text(encoding="utf-8") for p in (tmp / "out" / "docs").glob("*.txt")}
    by_reason = collections.Counter((r["stage"], r["reason"]) for r in rejects)
    print(f"{len(kept_text)} documents, {raw_lines} non-blank raw lines, {len(rejects)} rejected rows")
    for (stage, reason), n in sorted(by_reason.items(), key=lambda kv: -kv[1]):
        print(f"  {n:5d}  {stage}/{reason}")
    spam_rows = sum(n for (stage, _), n in by_reason.items() if stage == "spam" or _.startswith("spam"))
    print(f"spam rows (lines or spans): {spam_rows}")
    print("\nsurviving lines worth a look:")
    survivors = 0
    for name, text in sorted(kept_text.items()):
        for line in text.splitlines():
            items = [x for x in ITEM_SEP.split(line) if x]
            chain = len(items) >= 5 and max(len(x) for x in items) <= 12 and not re.search(r"[。！？]", line)
            if SUSPECT.search(line) or chain:
                survivors += 1
                print(f"  {name}: {line[:120]}")
    print(f"{survivors} surviving lines flagged for review")
    removed = [r for r in rejects if r["reason"] != "metadata:date" and r["stage"] in ("boilerplate", "spam")]
    random.Random(seed).shuffle(removed)
    print(f"\nsample of {sample_n} removed rows (seed {seed}) for the false-positive spot check:")
    for r in removed[:sample_n]:
        print(f"  [{r['stage']}/{r['reason']}] {r['text'][:110]}")
