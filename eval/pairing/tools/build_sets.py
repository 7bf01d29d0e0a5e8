#!/usr/bin/env python3
"""Build the document-pairing evaluation sets from the own-written sources in src/.

  .venv/bin/python tools/build_sets.py          # needs the `opencc` PyPI package (zh-Hant variants)

Writes tune/ and heldout/ (own-written corpus) and wmt21-tune/ and wmt21-heldout/ (local-only WMT21
documents), each with raw/ (meaningless file names), truth.tsv and kinds.tsv. Everything is decided by
fixed rules and fixed seeds, so running it twice gives byte-identical sets.
"""
import glob
import hashlib
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, ".."))
SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared"))
SEEDS_DIR = os.path.join(SHARED, "seeds")
WMT_DIR = os.path.join(SHARED, "align/wmt21-docs")
SEED_LANG = {"000": "zh", "001": "zh", "002": "en", "003": "zh", "004": "en"}
HANT_SHARE = 0.15
N_TRUNC_PER_HALF = 4


def h(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def kind_of(doc_id):
    if doc_id.startswith("news"):
        return "news"
    if doc_id.startswith("product"):
        return "product"
    if doc_id.startswith("sup"):
        return "support"
    if doc_id.startswith("cmp"):
        return "comparable"
    if doc_id.startswith("single"):
        return "single"
    raise ValueError(doc_id)


def parse_sources():
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "src", "*.txt"))):
        cur, side = None, None
        for raw in open(path, encoding="utf-8"):
            line = raw.rstrip("\n").strip()
            if not line or line.startswith("//"):
                continue
            if line.startswith("@@"):
                parts = line[2:].split()
                cur = {"id": parts[0], "group": parts[0], "en": [], "zh": [], "file": os.path.basename(path)}
                for p in parts[1:]:
                    k, v = p.split("=", 1)
                    cur[k] = v
                cur["kind"] = kind_of(cur["id"])
                docs.append(cur)
                side = None
            elif line in ("#en", "#zh"):
                side = line[1:]
            else:
                assert cur is not None and side is not None, (path, line)
                cur[side].append(line)
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for d in docs:
        if d["kind"] != "single":
            assert d["en"] and d["zh"], d["id"]
        else:
            assert bool(d["en"]) != bool(d["zh"]), d["id"]
    # look-alike invariant: short == last three lines of long, on both sides
    for d in docs:
        if d["id"].endswith("short"):
            lg = next(x for x in docs if x["id"] == d["id"].replace("short", "long"))
            for s in ("en", "zh"):
                assert len(lg[s]) == 6 and d[s] == lg[s][3:], (d["id"], s)
    return docs


def apply_merges(docs):
    """Break the 1:1 line-count artefact: in a fixed quarter of the news and product pairs with at least
    5 lines, the first two body lines (after the title) are joined into one paragraph, on the zh side for
    half of them and on the en side for the other half."""
    cands = sorted((d for d in docs if d["kind"] in ("news", "product") and min(len(d["en"]), len(d["zh"])) >= 5),
                   key=lambda d: h("merge:" + d["id"]))
    for i, d in enumerate(cands[: len(cands) // 4]):
        if i % 2 == 0:
            d["zh"][1:3] = [d["zh"][1] + d["zh"][2]]
        else:
            d["en"][1:3] = [d["en"][1] + " " + d["en"][2]]
        d["merged"] = "zh" if i % 2 == 0 else "en"


def apply_hant(docs):
    """Convert a fixed 15% of the Chinese sides to Traditional (half Taiwan, half Hong Kong)."""
    import opencc
    conv = {"s2twp": opencc.OpenCC("s2twp"), "s2hk": opencc.OpenCC("s2hk")}
    zh_docs = sorted((d for d in docs if d["zh"]), key=lambda d: h("hant:" + d["id"]))
    n = round(HANT_SHARE * len(zh_docs))
    for i, d in enumerate(zh_docs):
        d["script"] = "hans"
    for i, d in enumerate(zh_docs[:n]):
        cfg = "s2twp" if i % 2 == 0 else "s2hk"
        d["zh"] = [conv[cfg].convert(x) for x in d["zh"]]
        d["script"] = "hant-tw" if cfg == "s2twp" else "hant-hk"


def split_units(docs):
    """Units are groups (template family, look-alike pair, or one document). Within each kind, units in
    order of (descending number of documents, sha1 of "split:"+group) go to the half with fewer documents of that kind so
    far; ties go to tune."""
    halves = {}
    for kind in ("support", "product", "news", "comparable", "single"):
        groups = {}
        for d in docs:
            if d["kind"] == kind:
                groups.setdefault(d["group"], []).append(d)
        order = sorted(groups, key=lambda g: (-len(groups[g]), h("split:" + g)))
        count = {"tune": 0, "heldout": 0}
        for g in order:
            half = "tune" if count["tune"] <= count["heldout"] else "heldout"
            count[half] += len(groups[g])
            for d in groups[g]:
                halves[d["id"]] = half
    return halves


def pick_truncations(docs, half):
    """Per half: 4 truncated copies, from news, support, product, news (in that order of kinds), languages
    zh, en, en, zh; the source is the first unused document of that kind (ordered by a hash of its id)
    with at least 5 lines on that side; it is cut to 40-60% of its lines."""
    plan = [("news", "zh"), ("support", "en"), ("product", "en"), ("news", "zh")]
    used, out = set(), []
    for kind, lang in plan:
        cands = sorted((d for d in docs if d["half"] == half and d["kind"] == kind and not d["id"].startswith("supL")
                        and len(d[lang]) >= 5 and d["id"] not in used), key=lambda d: h("trunc:" + d["id"]))
        d = cands[0]
        used.add(d["id"])
        n = len(d[lang])
        frac = 0.4 + 0.2 * (int(h("frac:" + d["id"])[:4], 16) / 0xFFFF)
        cut = min(max(2, round(n * frac)), n - 1)
        while cut / n < 0.4:
            cut += 1
        while cut / n > 0.6:
            cut -= 1
        out.append({"id": f"trunc-{d['id']}-{lang}", "kind": "truncated", "lang": lang, "lines": d[lang][:cut],
                    "of": d["id"], "script": d.get("script", "hans") if lang == "zh" else "en"})
    return out


class Namer:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()

    def __call__(self):
        while True:
            n = "%06x" % self.rng.getrandbits(24)
            if n not in self.used:
                self.used.add(n)
                return n + ".txt"


def write_text(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def add_seeds(raw, namer, kinds):
    for p in sorted(glob.glob(os.path.join(SEEDS_DIR, "*.txt"))):
        name = namer()
        shutil.copyfile(p, os.path.join(raw, name))
        base = os.path.basename(p)
        kinds.append((name, "seed", SEED_LANG[base[:3]], "seed:" + base, "-", "-",
                      sum(1 for x in open(p, encoding="utf-8", errors="replace") if x.strip())))


def write_set(out, entries, truth, kinds, seed_namer):
    """entries: list of (name, lines)."""
    raw = os.path.join(out, "raw")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(raw)
    for name, lines in entries:
        write_text(os.path.join(raw, name), lines)
    add_seeds(raw, seed_namer, kinds)
    with open(os.path.join(out, "truth.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("zh_name\ten_name\n")
        for zh, en in sorted(truth):
            f.write(f"{zh}\t{en}\n")
    with open(os.path.join(out, "kinds.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("name\tkind\tlang\tsource_id\tgroup\tscript\tlines\n")
        for row in sorted(kinds):
            f.write("\t".join(str(x) for x in row) + "\n")


def build_own(docs):
    halves = split_units(docs)
    for d in docs:
        d["half"] = halves[d["id"]]
    for hi, half in enumerate(("tune", "heldout")):
        namer = Namer(20250611 + hi)
        entries, truth, kinds = [], [], []
        hd = [d for d in docs if d["half"] == half]
        for d in hd:
            names = {}
            for lang in ("zh", "en"):
                if d[lang]:
                    names[lang] = namer()
                    entries.append((names[lang], d[lang]))
                    kinds.append((names[lang], d["kind"], lang, d["id"], d["group"],
                                  d.get("script", "hans") if lang == "zh" else "en", len(d[lang])))
            if d["kind"] in ("news", "product", "support"):
                truth.append((names["zh"], names["en"]))
        for t in pick_truncations(docs, half):
            name = namer()
            entries.append((name, t["lines"]))
            kinds.append((name, "truncated", t["lang"], t["id"], t["of"], t["script"], len(t["lines"])))
        # entries are written in name order, so nothing about the order leaks either
        entries.sort()
        write_set(os.path.join(ROOT, half), entries, truth, kinds, namer)
        print(f"{half}: {len(truth)} true pairs, {len(entries)} own documents + 5 seeds")


def build_wmt():
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(WMT_DIR, "truth.tsv"), encoding="utf-8")][1:]
    rows.sort()
    rng = random.Random(20250612)
    rng.shuffle(rows)
    for hi, (half, part) in enumerate((("wmt21-tune", rows[:34]), ("wmt21-heldout", rows[34:]))):
        namer = Namer(20250613 + hi)
        entries, truth, kinds = [], [], []
        for zh_rel, en_rel in part:
            zn, en = namer(), namer()
            zl = open(os.path.join(WMT_DIR, zh_rel), encoding="utf-8").read().splitlines()
            el = open(os.path.join(WMT_DIR, en_rel), encoding="utf-8").read().splitlines()
            entries += [(zn, zl), (en, el)]
            truth.append((zn, en))
            docid = os.path.basename(en_rel)[:-4]
            kinds.append((zn, "wmt21", "zh", docid, docid, "hans", len(zl)))
            kinds.append((en, "wmt21", "en", docid, docid, "en", len(el)))
        entries.sort()
        write_set(os.path.join(ROOT, half), entries, truth, kinds, namer)
        print(f"{half}: {len(truth)} true pairs")


def main():
    docs = parse_sources()
    apply_merges(docs)
    apply_hant(docs)
    build_own(docs)
    if os.path.isdir(WMT_DIR):
        build_wmt()
    else:
        print("no", WMT_DIR, "- WMT21 sets not built", file=sys.stderr)


if __name__ == "__main__":
    main()
