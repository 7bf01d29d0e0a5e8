#!/usr/bin/env python3
"""Score `cleanalign fix --stages mojibake` on the CJK mojibake set (tests/fixtures/mojibake/cjk_cases.jsonl).

Per kind: how many cases are repaired exactly, and the recovered-character rate: characters of the original line
found in order in the output (difflib matching blocks) over the original's length. The same rate for the
untouched mojibake is shown as the floor. With --ftfy PYTHON (a Python with ftfy installed) ftfy.fix_text is
scored on the same cases for comparison.

Usage: scripts/eval_cjk_mojibake.py [--debug] [--ftfy /path/to/python] [--verbose KIND...]
"""
import collections
import difflib
import json
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
cases = [json.loads(l) for l in (root / "tests/fixtures/mojibake/cjk_cases.jsonl").read_text("utf-8").split("\n") if l]
profile = "debug" if "--debug" in sys.argv else "release"
build = ["cargo", "build", "--quiet", "--bin", "cleanalign"] + ([] if profile == "debug" else ["--release"])
subprocess.run(build, cwd=root, check=True)
binary = root / "target" / profile / "cleanalign"


def run_filter(cmd, lines):
    out = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    got = out.split("\n")[: len(lines)]
    assert len(got) == len(lines), "the filter must be line-preserving"
    return got


def recovered(original, text):
    blocks = difflib.SequenceMatcher(None, original, text, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks)


# The C1 controls that UTF-8-as-Latin-1 produces include U+0085 (NEL), which Python's splitlines() and some
# tools treat as a line break; the filter splits on LF only, so lines are joined and split on "\n" here.
inputs = [c["mojibake"] for c in cases]
systems = {"cleanalign": run_filter([str(binary), "fix", "--stages", "mojibake", "--to", "none"], inputs)}
if "--ftfy" in sys.argv:
    python = sys.argv[sys.argv.index("--ftfy") + 1]
    script = ("import sys, ftfy\n"
              "data = sys.stdin.read().split('\\n')[:-1]\n"
              "sys.stdout.write(''.join(ftfy.fix_text(l) + '\\n' for l in data))\n")
    systems["ftfy"] = run_filter([python, "-c", script], inputs)

for name, outputs in systems.items():
    print(f"== {name}")
    per_kind = collections.defaultdict(lambda: [0, 0, 0, 0, 0])  # cases, exact, chars, recovered, floor
    for case, out in zip(cases, outputs):
        k = per_kind[case["kind"]]
        k[0] += 1
        k[1] += out == case["original"]
        if "--verbose" in sys.argv and out != case["original"] and case["kind"] in sys.argv:
            print(f"  {case['kind']}: {case['mojibake']!r}\n    -> {out!r}\n  want {case['original']!r}")
        k[2] += len(case["original"])
        k[3] += recovered(case["original"], out)
        k[4] += recovered(case["original"], case["mojibake"])
    totals = {True: [0, 0, 0, 0, 0], False: [0, 0, 0, 0, 0]}
    for kind in sorted(per_kind):
        n, exact, chars, rec, floor = per_kind[kind]
        lossless = next(c["lossless"] for c in cases if c["kind"] == kind)
        for i, v in enumerate(per_kind[kind]):
            totals[lossless][i] += v
        print(f"{kind:22} {'lossless' if lossless else 'lossy':8} exact {exact:3}/{n:<3} "
              f"recovered chars {rec / chars:6.1%} (untouched mojibake {floor / chars:6.1%})")
    for lossless, (n, exact, chars, rec, floor) in totals.items():
        print(f"ALL {'lossless' if lossless else 'lossy':8} exact {exact}/{n} ({exact / max(n, 1):.1%}), "
              f"recovered chars {rec / max(chars, 1):.1%} (untouched {floor / max(chars, 1):.1%})")
