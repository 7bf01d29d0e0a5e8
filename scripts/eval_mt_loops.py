#!/usr/bin/env python3
"""Score `cleanalign fix` on machine-translation loop sets, clean sets, legitimate-repetition fixtures and
mojibake sets.

    scripts/eval_mt_loops.py [--half tune|heldout] [--bin PATH] [--set DIR_OR_PREFIX ...] [--stages LIST]
                             [--config FILE] [--json] [--examples N] [--by-shape] [--residue CHARS]

Without --set it scores target/mt-loops/sets/HALF (built by `scripts/gen_mt_loops.py sets`; --half
defaults to heldout, the half that counts) and the committed fixtures tests/fixtures/mt/legit_{en,zh}.txt.
Without --bin it builds and uses target/release/cleanalign.

A set is
  * a prefix P with P.src and P.ref (line-aligned; P.meta.tsv and P.origin.txt are used when present), or
  * a plain text file F (*.txt) whose lines must all stay unchanged (src = ref = F), or
  * a directory: every prefix with .src/.ref and every *.txt fixture directly in it (not recursive;
    *.origin.txt and *.meta.tsv are skipped).

The binary runs as `BIN fix --stages mt --to none SRC` (`--stages mojibake` for a set whose path contains
"mojibake"; --stages overrides both) with its working directory in an empty temporary folder, so the
built-in defaults apply, not a pipeline.toml lying around (pass --config to use one).

Per set it reports, for lines where src != ref (damaged lines):
  repaired   output == ref exactly
  unchanged  output == src (nothing done)
  wrong      anything else (a partial cut, a cut in the wrong place, an unwanted extra change)
and for lines where src == ref (clean / legit lines): unchanged and changed. Examples of each failure kind
follow (--examples N per kind, default 10). --by-shape breaks damaged lines down by the columns of
P.meta.tsv (kind, span length, copies, joiner, flags) and by P.origin.txt. --json prints one JSON object
instead (with every failure, not just N).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict


def find_sets(arg):
    if os.path.isdir(arg):
        out = []
        for p in sorted(glob.glob(os.path.join(arg, "*.src"))):
            if os.path.exists(p[:-4] + ".ref"):
                out.append(p[:-4])
        for p in sorted(glob.glob(os.path.join(arg, "*.txt"))):
            if not p.endswith(".origin.txt") and not os.path.exists(p[:-4] + ".src"):
                out.append(p)
        return out
    return [arg]


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def load_set(s):
    if s.endswith(".txt") and os.path.isfile(s):
        lines = read_lines(s)
        return s, lines, lines, None, None
    src, ref = read_lines(s + ".src"), read_lines(s + ".ref")
    if len(src) != len(ref):
        sys.exit(f"{s}: {len(src)} src lines but {len(ref)} ref lines")
    meta = origin = None
    if os.path.exists(s + ".meta.tsv"):
        rows = read_lines(s + ".meta.tsv")
        head = rows[0].split("\t")
        meta = [dict(zip(head, r.split("\t"))) for r in rows[1:]]
    if os.path.exists(s + ".origin.txt"):
        origin = read_lines(s + ".origin.txt")
    return s + ".src", src, ref, meta, origin


def run_bin(binary, stages, config, src_path, n_lines):
    cmd = [os.path.abspath(binary), "fix", "--stages", stages, "--to", "none"]
    if config:
        cmd += ["--config", os.path.abspath(config)]
    cmd.append(os.path.abspath(src_path))
    with tempfile.TemporaryDirectory() as cwd:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode(errors='replace')[:2000]}")
    out = p.stdout.decode("utf-8")
    if out.endswith("\n"):
        out = out[:-1]
    lines = out.split("\n") if out else []
    if len(lines) != n_lines:
        sys.exit(f"{src_path}: {n_lines} lines in, {len(lines)} lines out: fix is not line-preserving")
    return lines, cmd


def shape_keys(m):
    keys = [f"kind={m.get('kind')}", f"k={m.get('k')}", f"copies={m.get('copies')}", f"joiner={m.get('joiner')}"]
    keys += [f"flag={f}" for f in (m.get("flags") or "").split(",") if f]
    return keys


def score(binary, s, stages_arg, config, residue=None):
    src_path, src, ref, meta, origin = load_set(s)
    stages = stages_arg or ("mojibake" if "mojibake" in os.path.abspath(s) else "mt")
    out, cmd = run_bin(binary, stages, config, src_path, len(src))
    res = {"set": s, "stages": stages, "command": " ".join(cmd), "lines": len(src),
           "damaged": 0, "repaired": 0, "unchanged": 0, "wrong": 0, "clean": 0, "clean_unchanged": 0,
           "clean_changed": 0, "failures": {"unchanged": [], "wrong": [], "clean_changed": []}}
    if residue:
        res["residue_chars"] = residue
        res["residue_in"] = sum(any(c in a for c in residue) for a in src)
        res["residue_out"] = sum(any(c in o for c in residue) for o in out)
    shapes = defaultdict(Counter)
    for i, (a, r, o) in enumerate(zip(src, ref, out)):
        ex = {"line": i + 1, "src": a, "ref": r, "out": o}
        if meta:
            ex["meta"] = meta[i]
        if origin:
            ex["origin"] = origin[i]
        if a == r:
            res["clean"] += 1
            if o == a:
                res["clean_unchanged"] += 1
            else:
                res["clean_changed"] += 1
                res["failures"]["clean_changed"].append(ex)
            continue
        res["damaged"] += 1
        if o == r:
            verdict = "repaired"
        elif o == a:
            verdict = "unchanged"
        else:
            verdict = "wrong"
        res[verdict] += 1
        if verdict != "repaired":
            res["failures"][verdict].append(ex)
        keys = ["all"]
        if meta:
            keys += shape_keys(meta[i])
        if origin:
            keys.append(f"origin={origin[i]}")
        for k in keys:
            shapes[k][verdict] += 1
            shapes[k]["n"] += 1
    res["by_shape"] = {k: dict(v) for k, v in sorted(shapes.items())}
    return res


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "-"


def print_report(res, n_examples, by_shape):
    print(f"== {res['set']}  ({res['lines']} lines; {res['command']})")
    if res["damaged"]:
        d = res["damaged"]
        print(f"   damaged {d}: repaired {res['repaired']} ({pct(res['repaired'], d)}), "
              f"unchanged {res['unchanged']} ({pct(res['unchanged'], d)}), wrong {res['wrong']} ({pct(res['wrong'], d)})")
    if "residue_chars" in res:
        print(f"   lines holding any of {res['residue_chars']}: {res['residue_in']} in, {res['residue_out']} out")
    if res["clean"]:
        c = res["clean"]
        print(f"   clean {c}: unchanged {res['clean_unchanged']}, changed {res['clean_changed']} ({pct(res['clean_changed'], c)})")
    if by_shape and res["damaged"]:
        print("   by shape (n: repaired / unchanged / wrong):")
        for k, v in res["by_shape"].items():
            print(f"     {k:28s} {v['n']:4d}: {v.get('repaired', 0):4d} ({pct(v.get('repaired', 0), v['n']):>6s}) "
                  f"/ {v.get('unchanged', 0):4d} / {v.get('wrong', 0):4d}")
    for kind, title in (("unchanged", "loop / damage left unrepaired"), ("wrong", "changed wrongly"),
                        ("clean_changed", "clean line changed")):
        ex = res["failures"][kind]
        if not ex or not n_examples:
            continue
        print(f"   -- {title}: {len(ex)} (showing {min(n_examples, len(ex))})")
        for e in ex[:n_examples]:
            tag = ""
            if "meta" in e:
                m = e["meta"]
                tag = f" [{m.get('kind')} k={m.get('k')} x{m.get('copies')} join={m.get('joiner')} {m.get('flags')}]"
            print(f"     #{e['line']}{tag}")
            if e["src"] != e["ref"]:
                print(f"       src: {e['src']}")
                print(f"       ref: {e['ref']}")
            else:
                print(f"       in : {e['src']}")
            if kind != "unchanged":
                print(f"       out: {e['out']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", help="path to the cleanalign binary (default: build target/release/cleanalign)")
    ap.add_argument("--set", action="append", help="prefix, .txt fixture or directory (repeatable)")
    ap.add_argument("--half", choices=["tune", "heldout"], default="heldout",
                    help="half scored when no --set is given (default heldout)")
    ap.add_argument("--stages", help="override the stage list (default mt, or mojibake for mojibake sets)")
    ap.add_argument("--config", help="pipeline.toml to pass with --config (default: built-in settings)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of text")
    ap.add_argument("--examples", type=int, default=10, help="examples per failure kind in the text report")
    ap.add_argument("--residue", help="also count lines whose output still holds any of these characters (e.g. ▲◎)")
    ap.add_argument("--by-shape", action="store_true", help="break damaged lines down by shape and origin")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not args.bin:
        subprocess.run(["cargo", "build", "--quiet", "--release", "--bin", "cleanalign"], cwd=root, check=True)
        args.bin = os.path.join(root, "target", "release", "cleanalign")
    if not args.set:
        sets = os.path.join(root, "target", "mt-loops", "sets", args.half)
        if not os.path.isdir(sets):
            sys.exit(f"{sets} is missing: build it with scripts/gen_mt_loops.py sets")
        args.set = [sets] + [os.path.join(root, "tests", "fixtures", "mt", f"legit_{l}.txt") for l in ("en", "zh")]
    results = []
    for a in args.set:
        for s in find_sets(a):
            results.append(score(args.bin, s, args.stages, args.config, args.residue))
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    for r in results:
        print_report(r, args.examples, args.by_shape)
    if len(results) > 1:
        t = Counter()
        for r in results:
            for k in ("damaged", "repaired", "unchanged", "wrong", "clean", "clean_changed"):
                t[k] += r[k]
        print(f"== total: damaged {t['damaged']}: repaired {t['repaired']} ({pct(t['repaired'], t['damaged'])}), "
              f"unchanged {t['unchanged']}, wrong {t['wrong']}; clean {t['clean']}: changed {t['clean_changed']}")


if __name__ == "__main__":
    main()
