#!/usr/bin/env python3
"""Score cleanalign's document pairing and cleaning on one evaluation set.

    python3 score_pairing.py SET_DIR [--bin PATH] [--config FILE] [--keep DIR] [--json]

SET_DIR holds raw/ (the inputs), truth.tsv (zh_name<TAB>en_name, one row per true pair) and kinds.tsv
(name<TAB>kind<TAB>lang<TAB>source_id<TAB>group<TAB>script<TAB>lines). The script runs
`cleanalign run --raw SET_DIR/raw --out TMP --quiet` from an empty temporary working directory (so no
./pipeline.toml is picked up; pass --config to use one), then reads TMP/report.json `document_pairs`
and TMP/rejected.jsonl.

Pairing: a predicted pair is a {src_doc, tgt_doc} row with src_doc != tgt_doc (a bilingual page aligned
with itself is ignored). It counts as found when {src_doc, tgt_doc} is a true pair, in either order.
Every other predicted pair is a false pair. Cleaning: non-blank raw lines of non-seed documents, and the
rows of rejected.jsonl for those documents, per stage/reason and per kind. Only the standard library.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

SENT_EN = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)")
SENT_ZH = re.compile(r"[。！？!?]+[”’」』）)]*")
DIGIT = re.compile(r"[0-9０-９]")


def sentences(lines, lang):
    n = 0
    for line in lines:
        pat = SENT_ZH if lang == "zh" else SENT_EN
        parts = [p for p in pat.split(line) if p.strip()]
        n += max(1, len(parts))
    return n


def find_bin(arg):
    if arg:
        return arg
    if os.environ.get("CLEANALIGN_BIN"):
        return os.environ["CLEANALIGN_BIN"]
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for cand in (shutil.which("cleanalign"), os.path.join(repo, "target/release/cleanalign")):
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    sys.exit("score_pairing: no cleanalign binary; pass --bin PATH or set CLEANALIGN_BIN")


def stem(name):
    return name[:-4] if name.endswith(".txt") else name


def load_set(set_dir):
    kinds = {}
    with open(os.path.join(set_dir, "kinds.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            kinds[stem(row["name"])] = row
    truth = []
    with open(os.path.join(set_dir, "truth.tsv"), encoding="utf-8") as f:
        f.readline()
        for line in f:
            if line.strip():
                zh, en = line.rstrip("\n").split("\t")
                truth.append((stem(zh), stem(en)))
    raw = {}
    for doc in kinds:
        with open(os.path.join(set_dir, "raw", doc + ".txt"), encoding="utf-8", errors="replace") as f:
            raw[doc] = [l.rstrip("\r\n") for l in f]
    return kinds, truth, raw


def run_binary(binary, set_dir, out_dir, config):
    cmd = [binary, "run", "--raw", os.path.abspath(os.path.join(set_dir, "raw")), "--out", out_dir, "--quiet"]
    if config:
        cmd[2:2] = ["--config", os.path.abspath(config)]
    cwd = tempfile.mkdtemp(prefix="score-pairing-cwd-")
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        shutil.rmtree(cwd, ignore_errors=True)
    return cmd, p


def describe(doc, kinds, raw):
    k = kinds.get(doc, {})
    lines = [l for l in raw.get(doc, []) if l.strip()]
    lang = k.get("lang", "?")
    return {"doc": doc, "kind": k.get("kind", "?"), "lang": lang, "source_id": k.get("source_id", "?"),
            "lines": len(lines), "sentences": sentences(lines, lang),
            "has_digits": any(DIGIT.search(l) for l in lines)}


def score(set_dir, out_dir, kinds, truth, raw):
    report = json.load(open(os.path.join(out_dir, "report.json"), encoding="utf-8"))
    pred = []
    for p in report.get("document_pairs", []):
        s, t = p["src_doc"], p["tgt_doc"]
        if s == t:
            continue
        pred.append((s, t, p.get("score")))
    truth_set = {frozenset(p) for p in truth}
    found = set()
    false_pairs = []
    partner = collections.defaultdict(list)
    for s, t, sc in pred:
        partner[s].append(t)
        partner[t].append(s)
        if frozenset((s, t)) in truth_set:
            found.add(frozenset((s, t)))
        else:
            false_pairs.append({"src": describe(s, kinds, raw), "tgt": describe(t, kinds, raw), "score": sc})
    missed = []
    per_kind = collections.defaultdict(lambda: [0, 0])
    for zh, en in truth:
        kind = kinds[zh]["kind"]
        per_kind[kind][1] += 1
        if frozenset((zh, en)) in found:
            per_kind[kind][0] += 1
        else:
            missed.append({"zh": describe(zh, kinds, raw), "en": describe(en, kinds, raw),
                           "zh_paired_with": partner.get(zh, []), "en_paired_with": partner.get(en, [])})
    # cleaning
    nonseed = {d for d, k in kinds.items() if k["kind"] != "seed"}
    lines_in = {d: sum(1 for l in raw[d] if l.strip()) for d in nonseed}
    rej_rows = []
    rej_path = os.path.join(out_dir, "rejected.jsonl")
    if os.path.exists(rej_path):
        with open(rej_path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    if r.get("doc") in nonseed:
                        rej_rows.append(r)
    removed_lines = {(r["doc"], r.get("line")) for r in rej_rows}
    by_reason = collections.Counter(f'{r.get("stage")}/{r.get("reason")}' for r in rej_rows)
    kind_in = collections.Counter()
    for d in nonseed:
        kind_in[kinds[d]["kind"]] += lines_in[d]
    kind_rm = collections.Counter(kinds[d]["kind"] for d, _ in removed_lines)
    lang_in = collections.Counter()
    for d in nonseed:
        lang_in[(kinds[d]["kind"], kinds[d]["lang"])] += lines_in[d]
    lang_rm = collections.Counter((kinds[d]["kind"], kinds[d]["lang"]) for d, _ in removed_lines)
    kind_reason = collections.defaultdict(collections.Counter)
    for r in rej_rows:
        kind_reason[kinds[r["doc"]]["kind"]][f'{r.get("stage")}/{r.get("reason")}'] += 1
    # documents left with no line at all
    emptied = collections.Counter()
    for d in nonseed:
        p = os.path.join(out_dir, "docs", d + ".txt")
        kept = 0
        if os.path.exists(p):
            kept = sum(1 for l in open(p, encoding="utf-8", errors="replace") if l.strip())
        if kept == 0:
            emptied[kinds[d]["kind"]] += 1
    rng = random.Random(0)
    sample = rng.sample(rej_rows, min(15, len(rej_rows)))
    sample.sort(key=lambda r: (r["doc"], r.get("line", 0)))
    total_in = sum(lines_in.values())
    return {
        "set": os.path.basename(os.path.normpath(set_dir)),
        "version": report.get("version"),
        "true_pairs": len(truth),
        "found": len(found),
        "recall": round(len(found) / len(truth), 4) if truth else None,
        "predicted_pairs": len(pred),
        "false_pairs": len(false_pairs),
        "recall_by_kind": {k: {"found": v[0], "true": v[1], "recall": round(v[0] / v[1], 4)}
                           for k, v in sorted(per_kind.items())},
        "false_pair_list": false_pairs,
        "missed_pair_list": missed,
        "lines_in": total_in,
        "lines_removed": len(removed_lines),
        "removal_rate": round(len(removed_lines) / total_in, 4) if total_in else None,
        "removed_rows_by_reason": dict(by_reason.most_common()),
        "removal_by_kind": {k: {"lines_in": kind_in[k], "removed": kind_rm[k],
                                "rate": round(kind_rm[k] / kind_in[k], 4) if kind_in[k] else None,
                                "by_reason": dict(kind_reason[k].most_common())}
                            for k in sorted(kind_in)},
        "removal_by_kind_lang": {f"{k}/{l}": {"lines_in": lang_in[(k, l)], "removed": lang_rm[(k, l)],
                                              "rate": round(lang_rm[(k, l)] / lang_in[(k, l)], 4)}
                                 for k, l in sorted(lang_in)},
        "docs_emptied_by_kind": dict(sorted(emptied.items())),
        "sample_removed": [{"doc": r["doc"], "kind": kinds[r["doc"]]["kind"], "line": r.get("line"),
                            "stage": r.get("stage"), "reason": r.get("reason"), "text": r.get("text")}
                           for r in sample],
    }


def fmt_doc(d):
    return (f'{d["doc"]} [{d["kind"]} {d["lang"]} {d["source_id"]}, {d["lines"]} lines, {d["sentences"]} sent'
            f'{", digits" if d["has_digits"] else ", no digits"}]')


def print_text(r, cmd):
    print(f'# {r["set"]}  ({" ".join(cmd)})')
    print(f'cleanalign {r["version"]}')
    print(f'\n## Pairing\n{r["found"]} of {r["true_pairs"]} true pairs found (recall {r["recall"]:.2f}); '
          f'{r["false_pairs"]} false pairs; {r["predicted_pairs"]} pairs predicted.')
    for k, v in r["recall_by_kind"].items():
        print(f'  {k:<10} {v["found"]:>3}/{v["true"]:<3} {v["recall"]:.2f}')
    print(f'\nFalse pairs ({r["false_pairs"]}):')
    for fp in r["false_pair_list"]:
        print(f'  {fmt_doc(fp["src"])}  <->  {fmt_doc(fp["tgt"])}  score={fp["score"]}')
    print(f'\nMissed pairs ({len(r["missed_pair_list"])}):')
    for m in r["missed_pair_list"]:
        extra = ""
        if m["zh_paired_with"] or m["en_paired_with"]:
            extra = f'  (zh paired with {m["zh_paired_with"]}, en paired with {m["en_paired_with"]})'
        print(f'  {fmt_doc(m["zh"])}  <->  {fmt_doc(m["en"])}{extra}')
    n_short = sum(1 for m in r["missed_pair_list"] if max(m["zh"]["sentences"], m["en"]["sentences"]) <= 10)
    n_nodig = sum(1 for m in r["missed_pair_list"] if not (m["zh"]["has_digits"] or m["en"]["has_digits"]))
    print(f'  of the missed: {n_short} have <= 10 sentences on both sides, {n_nodig} have no digits')
    print(f'\n## Cleaning (non-seed documents)\n{r["lines_in"]} lines in, {r["lines_removed"]} removed '
          f'({100 * (r["removal_rate"] or 0):.1f}%)')
    for k, v in r["removed_rows_by_reason"].items():
        print(f'  {v:>5}  {k}')
    print('By kind:')
    for k, v in r["removal_by_kind"].items():
        reasons = ", ".join(f"{a} {b}" for a, b in list(v["by_reason"].items())[:4])
        print(f'  {k:<10} {v["removed"]:>4}/{v["lines_in"]:<5} {100 * (v["rate"] or 0):5.1f}%  {reasons}')
    print('By kind and language: ' + "; ".join(f'{k} {100 * v["rate"]:.0f}%'
                                             for k, v in r["removal_by_kind_lang"].items()))
    if r["docs_emptied_by_kind"]:
        print('Documents left with no line: ' + ", ".join(f"{k} {v}" for k, v in r["docs_emptied_by_kind"].items()))
    print(f'\nSample of removed lines ({len(r["sample_removed"])}):')
    for s in r["sample_removed"]:
        print(f'  [{s["kind"]}] {s["doc"]}:{s["line"]} {s["stage"]}/{s["reason"]}: {s["text"]}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set_dir")
    ap.add_argument("--bin", help="cleanalign binary (default: $CLEANALIGN_BIN, PATH, known build dirs)")
    ap.add_argument("--config", help="pipeline.toml to pass to cleanalign (default: built-in defaults)")
    ap.add_argument("--keep", help="write the cleanalign output here instead of a temporary folder")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    a = ap.parse_args()
    binary = find_bin(a.bin)
    kinds, truth, raw = load_set(a.set_dir)
    tmp = None
    if a.keep:
        out_dir = os.path.abspath(a.keep)
        if os.path.isdir(out_dir):
            shutil.rmtree(out_dir)
    else:
        tmp = tempfile.mkdtemp(prefix="score-pairing-")
        out_dir = os.path.join(tmp, "out")
    try:
        cmd, p = run_binary(binary, a.set_dir, out_dir, a.config)
        if p.returncode not in (0, 1) or not os.path.exists(os.path.join(out_dir, "report.json")):
            sys.stderr.write(p.stderr)
            sys.exit(f"score_pairing: cleanalign exited {p.returncode}")
        r = score(a.set_dir, out_dir, kinds, truth, raw)
        r["exit_code"] = p.returncode
        r["binary"] = binary
        if a.json:
            print(json.dumps(r, ensure_ascii=False))
        else:
            print_text(r, cmd)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
