#!/usr/bin/env python3
"""Score `cleanalign fix --stages mojibake` on ftfy's own test cases (local evaluation material in ../shared).

A case passes when the output equals `fixed-encoding` (ftfy's encoding-only repair) or `fixed`, as the cases'
README defines it; for the negative cases those are the text itself (or ftfy's reading of a C1 control). Usage: scripts/eval_ftfy.py [--verbose] [--debug]
"""
import json
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
cases_dir = root.parent / "shared" / "mojibake" / "ftfy-cases"
verbose = "--verbose" in sys.argv
# --debug scores the debug build (quicker to rebuild while working); figures are the same.
profile = "debug" if "--debug" in sys.argv else "release"
binary = root / "target" / profile / "cleanalign"
build = ["cargo", "build", "--quiet", "--bin", "cleanalign"] + ([] if profile == "debug" else ["--release"])
subprocess.run(build, cwd=root, check=True)
pass_ok = pass_total = 0
for name in ["in-the-wild", "synthetic", "language-names", "negative", "known-failures"]:
    cases = json.loads((cases_dir / f"{name}.json").read_text(encoding="utf-8"))
    ok = 0
    for case in cases:
        original = case["original"]
        if "\n" in original:
            lines = original.split("\n")
        else:
            lines = [original]
        out = subprocess.run([str(binary), "fix", "--stages", "mojibake", "--to", "none"],
                             input="\n".join(lines) + "\n", capture_output=True, text=True).stdout
        out = out[:-1] if out.endswith("\n") else out
        targets = {case["fixed"], case.get("fixed-encoding", case["fixed"])}
        if out in targets:
            ok += 1
        elif verbose:
            print(f"  {name}: {original!r} -> {out!r}, want {sorted(targets)!r}")
    print(f"{name}: {ok}/{len(cases)}")
    if name != "known-failures":
        pass_ok += ok
        pass_total += len(cases)
print(f"expect=pass cases (including negatives): {pass_ok}/{pass_total}")
