#!/usr/bin/env python3
"""Removal rates on clean text: documents with no chrome at all go through `cleanalign run`, and every line it
removes (or cuts a span from) is damage. Local evaluation material only (../shared and /work/eval are never
committed).

Corpora, each split into a tune half and a report half (the report half is the figure that counts; tune on the
tune half only):
- `own`: the project's own clean-document set (/work/eval/pairing: support conversations, product pages, news,
  zh + en); halves `tune/` and `heldout/` as built there. Seed pages are left out of the counts.
- `wmt21`: WMT21 en-zh news documents (/work/eval/pairing/wmt21-tune, wmt21-heldout), seeds left out.
- `bible`: the Chinese Union Version and the KJV (../shared/align/bible-zh-en), one sentence per line, cut into
  documents of 20 lines; a document's half is the parity of sha1 of its name.
- `mac-dev`: six novel chapters zh + en (../shared/align/mac-dev), literary text, cut the same way.
- `own-sentences`: news, e-commerce and customer-service sentences written for the mt evaluation
  (/work/eval/mt/own), 6 to a document; a sentence's half is the parity of sha1 of its text.

Each corpus half is one batch, as a user would run it (cross-document repetition is judged within it), with the
binary's built-in defaults (run from an empty directory, so no ./pipeline.toml is read) unless --config is given.

Usage: scripts/eval_clean_text.py [--bin BIN] [--half tune|report|both] [--corpus NAME ...] [--config FILE]
                                  [--show N] [--json]
--show N prints up to N removed lines per corpus half. Without --bin: $CLEANALIGN_BIN, then target/release.
"""
import argparse
import collections
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
if not SHARED.is_dir():
    SHARED = pathlib.Path("/work/shared")
EVAL = pathlib.Path(os.environ.get("CLEANALIGN_EVAL", "/work/eval"))
LINES_PER_DOC = 20
CORPORA = ["own", "wmt21", "bible", "mac-dev", "own-sentences"]
# Reasons that say a line is spam or an advert: on clean text each of these is a false positive of item 2.
SPAM_REASONS = {"spam-seo", "spam-porn", "spam-gambling", "ad"}


def sha1_parity(text):
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 2


def pairing_set(folder):
    """Non-seed documents of an /work/eval/pairing set: {name: text}."""
    folder = EVAL / "pairing" / folder
    docs = {}
    with open(folder / "kinds.tsv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            if row["kind"] != "seed":
                docs[row["name"]] = (folder / "raw" / row["name"]).read_text(encoding="utf-8")
    return docs


def chunked(name, lines, half):
    """Sentence-per-line text cut into documents of LINES_PER_DOC lines; those of `half` ("tune" = even parity)."""
    docs = {}
    for i in range(0, len(lines), LINES_PER_DOC):
        doc = f"{name}-{i // LINES_PER_DOC:04d}.txt"
        if sha1_parity(doc) == (0 if half == "tune" else 1):
            docs[doc] = "\n".join(lines[i:i + LINES_PER_DOC]) + "\n"
    return docs


def read_lines(path):
    return [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def load(corpus, half):
    if corpus == "own":
        return pairing_set("tune" if half == "tune" else "heldout")
    if corpus == "wmt21":
        return pairing_set("wmt21-tune" if half == "tune" else "wmt21-heldout")
    if corpus == "bible":
        base = SHARED / "align" / "bible-zh-en"
        docs = chunked("bible-zh", read_lines(base / "001.zh"), half)
        docs.update(chunked("bible-en", read_lines(base / "001.en"), half))
        return docs
    if corpus == "mac-dev":
        base = SHARED / "align" / "mac-dev"
        docs = {}
        for lang in ("zh", "en"):
            for p in sorted((base / lang).iterdir()):
                if p.name.isdigit():
                    docs.update(chunked(f"mac-{lang}-{p.name}", read_lines(p), half))
        return docs
    if corpus == "own-sentences":
        docs = {}
        for lang in ("zh", "en"):
            lines = [l for l in read_lines(EVAL / "mt" / "own" / f"{lang}.txt")
                     if sha1_parity(l) == (0 if half == "tune" else 1)]
            for i in range(0, len(lines), 6):
                docs[f"own-{lang}-{i // 6:03d}.txt"] = "\n".join(lines[i:i + 6]) + "\n"
        return docs
    raise SystemExit(f"unknown corpus {corpus}")


def find_bin(arg):
    for cand in (arg, os.environ.get("CLEANALIGN_BIN"), str(ROOT / "target" / "release" / "cleanalign")):
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    sys.exit("eval_clean_text: no binary; build with `cargo build --release` or pass --bin")


def measure(binary, docs, config):
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="eval-clean-text-"))
    try:
        raw = tmp / "raw"
        raw.mkdir()
        for name, text in docs.items():
            (raw / name).write_text(text, encoding="utf-8")
        cwd = tmp / "cwd"
        cwd.mkdir()
        cmd = [binary, "run", "--raw", str(raw), "--out", str(tmp / "out"), "--quiet"]
        if config:
            cmd[2:2] = ["--config", os.path.abspath(config)]
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            sys.stderr.write(p.stderr)
            sys.exit(f"eval_clean_text: cleanalign exited {p.returncode}")
        rows = [json.loads(l) for l in open(tmp / "out" / "rejected.jsonl", encoding="utf-8") if l.strip()]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines_in = sum(1 for t in docs.values() for l in t.splitlines() if l.strip())
    removed = {(r["doc"], r["line"]) for r in rows}
    by_reason = collections.Counter(f'{r["stage"]}/{r["reason"]}' for r in rows)
    spam = [r for r in rows if r["reason"] in SPAM_REASONS]
    return {
        "documents": len(docs),
        "lines_in": lines_in,
        "lines_removed": len(removed),
        "rate": round(len(removed) / lines_in, 4) if lines_in else 0.0,
        "spam_or_ad_rows": len(spam),
        "by_reason": dict(by_reason.most_common()),
        "removed": sorted(rows, key=lambda r: (r["doc"], r["line"])),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin")
    ap.add_argument("--half", choices=["tune", "report", "both"], default="both")
    ap.add_argument("--corpus", nargs="*", choices=CORPORA, default=CORPORA)
    ap.add_argument("--config")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    binary = find_bin(a.bin)
    halves = ["tune", "report"] if a.half == "both" else [a.half]
    results = {}
    for half in halves:
        total_in = total_rm = total_spam = 0
        for corpus in a.corpus:
            r = measure(binary, load(corpus, half), a.config)
            results[f"{corpus}/{half}"] = r
            total_in += r["lines_in"]
            total_rm += r["lines_removed"]
            total_spam += r["spam_or_ad_rows"]
            if not a.json:
                reasons = ", ".join(f"{k} {v}" for k, v in r["by_reason"].items()) or "-"
                print(f"{corpus:<14} {half:<6} {r['documents']:>4} docs {r['lines_in']:>6} lines  "
                      f"removed {r['lines_removed']:>4} ({100 * r['rate']:.2f}%)  spam/ad {r['spam_or_ad_rows']}"
                      f"  [{reasons}]")
                for row in r["removed"][:a.show]:
                    print(f"    {row['doc']}:{row['line']} {row['stage']}/{row['reason']}: {row['text'][:150]}")
        results[f"all/{half}"] = {"lines_in": total_in, "lines_removed": total_rm,
                                  "rate": round(total_rm / total_in, 4) if total_in else 0.0,
                                  "spam_or_ad_rows": total_spam}
        if not a.json:
            print(f"{'all':<14} {half:<6} {'':>9} {total_in:>6} lines  removed {total_rm:>4} "
                  f"({100 * total_rm / max(total_in, 1):.2f}%)  spam/ad {total_spam}")
    if a.json:
        for r in results.values():
            r.pop("removed", None)
        print(json.dumps({"binary": binary, "results": results}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
