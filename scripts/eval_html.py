#!/usr/bin/env python3
"""Main-content extraction from raw HTML (local evaluation material in ../shared, never committed).

ScrapingHub AEB: the 181 pages' HTML (`html/*.html.gz`, as they come) go into one `cleanalign run` batch; each
cleaned document, minus its title line (the gold bodies exclude titles), is scored with ScrapingHub's shingle
F1. The pages are split by a fixed rule into a tune half and a report half (the first hex digit of
sha256(page key) even: tune), scored separately; the report half is the figure that counts.

  scripts/eval_html.py                    both halves, from the HTML files
  scripts/eval_html.py --warc             the same pages packed as response records in one .warc.gz (needs
                                          warcio: pip install warcio); each document is found by its url
  scripts/eval_html.py --trafilatura PY   also score trafilatura (PY: a python with trafilatura installed)
  scripts/eval_html.py --cjk              trafilatura's CJK pages: must-keep / must-drop snippets from HTML
  scripts/eval_html.py --zh DIR           a local Chinese set (DIR/pages/<key>.html, DIR/gold.json with hand-made
                                          gold bodies; see DIR/README.md): shingle F1 over single Han characters
                                          (score_shingles.py --cjk-chars), same split rule, scripts kept as they are

Set CLEANALIGN_BIN to a built binary to skip the release build; --keep DIR keeps the run's folders.
"""
import argparse
import csv
import gzip
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
shared = pathlib.Path(os.environ.get("SHARED", root.parent / "shared"))
aeb = shared / "boilerplate/scrapinghub-aeb"
cjk = shared / "boilerplate/trafilatura-eval-cjk"
scorer = shared / "tools/score_shingles.py"


def half(key):
    return "tune" if int(hashlib.sha256(key.encode()).hexdigest()[0], 16) % 2 == 0 else "report"


def binary():
    b = os.environ.get("CLEANALIGN_BIN")
    if not b:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
        b = str(root / "target/release/cleanalign")
    return b


def run(raw, out, config=None):
    cmd = [binary(), "run", "--raw", str(raw), "--out", str(out), "--quiet"]
    if config:
        cmd[2:2] = ["--config", str(config)]
    subprocess.run(cmd, check=False)


def cleaned_bodies(out):
    """doc id -> cleaned text without its title line."""
    meta = {row["doc"]: row for row in csv.DictReader(open(out / "metadata.csv", encoding="utf-8"))}
    bodies = {}
    for doc, row in meta.items():
        path = out / "docs" / f"{doc}.txt"
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines and row["title"] and lines[0] == row["title"]:
            lines = lines[1:]
        bodies[doc] = ("\n".join(lines), row)
    return bodies


def score(gold, preds, tmp, label, cjk_chars=False):
    results = {}
    for part in ("tune", "report", "all"):
        keys = [k for k in gold if part in ("all", half(k))]
        g = {k: gold[k] for k in keys}
        p = {k: {"articleBody": preds.get(k, "")} for k in keys}
        (tmp / "gold.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
        (tmp / f"{label}-{part}.json").write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, str(scorer), str(tmp / "gold.json"), str(tmp / f"{label}-{part}.json")]
        if cjk_chars:
            cmd.append("--cjk-chars")
        res = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        f1, p_, r_ = res.split()[1:4]
        results[part] = (float(f1), float(p_), float(r_), len(keys))
    for part, (f1, p_, r_, n) in results.items():
        print(f"{label:<14} {part:<7} n={n:<4} F1 {f1:.3f}  P {p_:.3f}  R {r_:.3f}")
    return results


def trafilatura_preds(python, html_dir, tmp):
    code = r'''
import gzip, json, sys, pathlib, time, trafilatura
out = {}
files = sorted(pathlib.Path(sys.argv[1]).glob("*.html.gz"))
pages = [(f.name.split(".")[0], gzip.decompress(f.read_bytes())) for f in files]
t = time.perf_counter()
for key, html in pages:
    out[key] = trafilatura.extract(html) or ""
sys.stderr.write(f"trafilatura: {len(pages)} pages in {time.perf_counter() - t:.2f} s\n")
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
'''
    subprocess.run([python, "-c", code, str(html_dir), str(tmp / "traf.json")], check=True)
    return json.loads((tmp / "traf.json").read_text(encoding="utf-8"))


def make_warc(tmp, python):
    """Pack the AEB pages as response records in one .warc.gz with warcio; return the page key of each url."""
    code = r'''
import gzip, io, json, sys, pathlib
from warcio.warcwriter import WARCWriter
from warcio.statusandheaders import StatusAndHeaders
files = sorted(pathlib.Path(sys.argv[1]).glob("*.html.gz"))
urls = {}
with open(sys.argv[2], "wb") as fh:
    writer = WARCWriter(fh, gzip=True)
    writer.write_record(writer.create_warcinfo_record("aeb.warc.gz", {"software": "eval_html.py"}))
    for f in files:
        key = f.name.split(".")[0]
        url = f"https://aeb.example/{key}"
        body = gzip.decompress(f.read_bytes())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
        urls[url] = key
json.dump(urls, open(sys.argv[3], "w"))
'''
    raw = tmp / "raw-warc"
    raw.mkdir()
    subprocess.run([python, "-c", code, str(aeb / "html"), str(raw / "aeb.warc.gz"), str(tmp / "urls.json")],
                   check=True)
    return raw, json.loads((tmp / "urls.json").read_text())


def eval_aeb(args, tmp):
    gold = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    if args.warc:
        raw, urls = make_warc(tmp, args.warc_python)
        run(raw, tmp / "out")
        bodies = cleaned_bodies(tmp / "out")
        preds = {urls[row["url"]]: text for text, row in bodies.values() if row.get("url") in urls}
        print(f"WARC: {len(bodies)} documents, {len(preds)} found by url, of {len(urls)} records")
        score(gold, preds, tmp, "cleanalign-warc")
    else:
        raw = tmp / "raw"
        shutil.copytree(aeb / "html", raw)
        run(raw, tmp / "out")
        preds = {doc: text for doc, (text, _) in cleaned_bodies(tmp / "out").items()}
        score(gold, preds, tmp, "cleanalign")
    if args.trafilatura:
        score(gold, trafilatura_preds(args.trafilatura, aeb / "html", tmp), tmp, "trafilatura")


WIDTH = str.maketrans("（）：；，！？", "():;,!?")


def norm(text):
    return re.sub(r"\s+", "", text).translate(WIDTH)


def trafilatura_cjk(python, tmp):
    code = r'''
import json, sys, pathlib, trafilatura
out = {p.name: trafilatura.extract(p.read_bytes()) or "" for p in sorted(pathlib.Path(sys.argv[1]).glob("*.html"))}
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
'''
    subprocess.run([python, "-c", code, str(cjk / "html"), str(tmp / "traf-cjk.json")], check=True)
    return json.loads((tmp / "traf-cjk.json").read_text(encoding="utf-8"))


def eval_cjk(args, tmp):
    (tmp / "keep-script.toml").write_text('[script]\ntarget = "none"\n', encoding="utf-8")
    run(cjk / "html", tmp / "out", tmp / "keep-script.toml")
    ours = {}
    for p in (tmp / "out" / "docs").glob("*.txt"):
        ours[p.stem + ".html"] = p.read_text(encoding="utf-8")
    systems = [("cleanalign", ours)]
    if args.trafilatura:
        systems.append(("trafilatura", trafilatura_cjk(args.trafilatura, tmp)))
    for label, texts in systems:
        snippet_check(args, label, texts)


def snippet_check(args, label, texts):
    cases = json.loads((cjk / "evaldata-cjk.json").read_text(encoding="utf-8"))
    kept = keep_total = dropped = drop_total = 0
    for entry in cases.values():
        name = entry["file"]
        text = norm(texts.get(name, ""))
        for snippet in entry["with"]:
            hit = norm(snippet) in text
            kept += hit
            keep_total += 1
            if args.verbose and not hit:
                print(f"  keep FAIL {name}: {snippet}")
        for snippet in entry["without"]:
            hit = norm(snippet) not in text
            dropped += hit
            drop_total += 1
            if args.verbose and not hit:
                print(f"  drop FAIL {name}: {snippet}")
    print(f"{label}: CJK pages from HTML: must-keep {kept}/{keep_total} kept, "
          f"must-drop {dropped}/{drop_total} dropped")


def eval_zh(args, tmp):
    """Chinese pages with gold bodies, kept outside the repo (third-party pages); the same half() rule."""
    zh = pathlib.Path(args.zh)
    gold = {k: {"articleBody": v["articleBody"]} for k, v in
            json.loads((zh / "gold.json").read_text(encoding="utf-8")).items()}
    raw = tmp / "raw-zh"
    raw.mkdir()
    for key in gold:
        shutil.copy(zh / "pages" / f"{key}.html", raw / f"{key}.html")
    (tmp / "keep-script.toml").write_text('[script]\ntarget = "none"\n', encoding="utf-8")
    run(raw, tmp / "out", tmp / "keep-script.toml")
    preds = {doc: text for doc, (text, _) in cleaned_bodies(tmp / "out").items()}
    missing = sorted(set(gold) - set(preds))
    if missing:
        print(f"no document for {len(missing)} pages: {' '.join(missing)}")
    score(gold, preds, tmp, "cleanalign", cjk_chars=True)
    if args.trafilatura:
        code = r'''
import json, sys, pathlib, trafilatura
out = {p.stem: trafilatura.extract(p.read_bytes()) or "" for p in sorted(pathlib.Path(sys.argv[1]).glob("*.html"))}
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
'''
        subprocess.run([args.trafilatura, "-c", code, str(raw), str(tmp / "traf-zh.json")], check=True)
        traf = json.loads((tmp / "traf-zh.json").read_text(encoding="utf-8"))
        score(gold, traf, tmp, "trafilatura", cjk_chars=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--warc", action="store_true")
    ap.add_argument("--warc-python", default=sys.executable, help="a python with warcio installed")
    ap.add_argument("--trafilatura", metavar="PYTHON")
    ap.add_argument("--cjk", action="store_true")
    ap.add_argument("--zh", metavar="DIR")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keep", metavar="DIR")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(args.keep) if args.keep else pathlib.Path(t)
        if args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
        if args.cjk:
            eval_cjk(args, tmp)
        elif args.zh:
            eval_zh(args, tmp)
        else:
            eval_aeb(args, tmp)


if __name__ == "__main__":
    main()
