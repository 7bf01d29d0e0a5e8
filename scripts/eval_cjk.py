#!/usr/bin/env python3
"""trafilatura's CJK pages (local evaluation material in ../shared): run `cleanalign run` on the plain-text
dumps and count the must-keep snippets found and the must-drop snippets absent in the cleaned documents
(titles included). The comparison ignores white space and punctuation width (the pipeline widens `(` to `（`
in Chinese text on purpose), and the run keeps each page's own script so that snippets compare as written.

Usage: scripts/eval_cjk.py [--verbose]
Set CLEANALIGN_BIN to a built binary to skip the release build.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

WIDTH = str.maketrans("（）：；，！？", "():;,!?")


def norm(text):
    return re.sub(r"\s+", "", text).translate(WIDTH)

root = pathlib.Path(__file__).resolve().parent.parent
data = root.parent / "shared" / "boilerplate" / "trafilatura-eval-cjk"
verbose = "--verbose" in sys.argv
binary = os.environ.get("CLEANALIGN_BIN")
if not binary:
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
    binary = str(root / "target/release/cleanalign")
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    # Keep the pages' own script so that snippets compare as written.
    (tmp / "keep-script.toml").write_text('[script]\ntarget = "none"\n', encoding="utf-8")
    subprocess.run([binary, "run", "--config", str(tmp / "keep-script.toml"),
                    "--raw", str(data / "plaintext"), "--out", str(tmp / "out"), "--quiet"], check=False)
    cases = json.loads((data / "evaldata-cjk.json").read_text(encoding="utf-8"))
    ok = total = 0
    kept = keep_total = dropped = drop_total = 0
    for entry in cases.values():
        name = entry["file"].rsplit(".", 1)[0] + ".txt"
        path = tmp / "out" / "docs" / name
        text = norm(path.read_text(encoding="utf-8")) if path.exists() else ""
        for snippet in entry["with"]:
            total += 1
            hit = norm(snippet) in text
            ok += hit
            kept += hit
            keep_total += 1
            if verbose and not hit:
                print(f"  keep FAIL {name}: {snippet}")
        for snippet in entry["without"]:
            total += 1
            hit = norm(snippet) not in text
            ok += hit
            dropped += hit
            drop_total += 1
            if verbose and not hit:
                print(f"  drop FAIL {name}: {snippet}")
    print(f"{ok}/{total} snippets pass: must-keep {kept}/{keep_total} kept, "
          f"must-drop {dropped}/{drop_total} dropped")
