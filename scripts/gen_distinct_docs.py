#!/usr/bin/env python3
"""Generate a large raw folder of distinct documents from the visible corpora, for memory benchmarks.

    scripts/gen_distinct_docs.py OUT_DIR MEGABYTES [--seed N]

Sources (local evaluation material in ../shared, never committed, plus the bundled raw/): ScrapingHub AEB
article bodies (English), ChineseWebText Common Crawl pages (Chinese, with their spam and chrome), trafilatura's
CJK pages, the seed pages, and the MAC-dev and WMT21 document pairs. Each generated document is one source
document mutated so that no two are alike: in every line of 40 characters or more, about one word in ten (one
Han character in ten) is replaced by another of the same language drawn from the sources, and digits are
redrawn. Shorter lines (menus, share buttons, footers) are kept as they are, so lines repeated across the
batch stay repeated, as in a real crawl. The document pairs are written once each, unmutated, so the batch
holds real translations too; they are not copied further, because mutated copies of one translation would all
be translations of each other and alignment of thousands of near-duplicate pairs would be all the run measures.
Files go 1,000 to a folder (g0000/, g0001/, ...).
"""
import argparse
import json
import pathlib
import random
import re
import sys

HAN = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")


def sources(shared: pathlib.Path, raw: pathlib.Path):
    docs = []
    aeb = json.loads((shared / "boilerplate/scrapinghub-aeb/output/html-text.json").read_text())["output"]
    for key, item in sorted(aeb.items()):
        docs.append(item.get("articleBody") or "")
    for name in ["2021-43_cleared1.jsonl", "fasttext_dirty.jsonl", "fasttext_clean.jsonl"]:
        for line in (shared / "boilerplate/chinesewebtext-cc-zh" / name).read_text().splitlines():
            rec = json.loads(line)
            docs.append(rec.get("raw_content") or rec.get("text") or "")
    for p in sorted((shared / "boilerplate/trafilatura-eval-cjk/plaintext").glob("*.txt")):
        docs.append(p.read_text(encoding="utf-8"))
    for p in sorted(raw.glob("*.txt")):
        docs.append(p.read_text(encoding="utf-8", errors="replace"))
    pairs = []
    for corpus in ("mac-dev", "wmt21-docs"):
        base = shared / "align" / corpus
        for zh in sorted((base / "zh").iterdir()):
            en = base / "en" / zh.name
            if en.exists():
                pairs.append((zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")))
    return [d for d in docs if d.strip()], pairs


def mutate(text: str, rng: random.Random, han_pool: str, word_pool: list) -> str:
    out = []
    for line in text.splitlines():
        if len(line) >= 40:
            line = HAN.sub(lambda m: rng.choice(han_pool) if rng.random() < 0.1 else m.group(0), line)
            line = WORD.sub(lambda m: rng.choice(word_pool) if rng.random() < 0.1 else m.group(0), line)
            line = re.sub(r"\d", lambda m: str(rng.randrange(10)), line)
        out.append(line)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("megabytes", type=float)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parent.parent / ".." / "shared"))
    args = ap.parse_args()
    repo = pathlib.Path(__file__).resolve().parent.parent
    docs, pairs = sources(pathlib.Path(args.shared), repo / "raw")
    texts = docs
    pooled = texts + [side for pair in pairs for side in pair]
    han_pool = "".join(HAN.findall("".join(pooled)))
    word_pool = WORD.findall(" ".join(pooled))
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    target = int(args.megabytes * 1_000_000)
    written, n = 0, 0

    def put(text: str):
        nonlocal written, n
        folder = out / f"g{n // 1000:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"d{n:07d}.txt").write_bytes(data)
        written += len(data)
        n += 1

    for zh, en in pairs:
        put(zh)
        put(en)
    while written < target:
        put(mutate(texts[n % len(texts)], rng, han_pool, word_pool))
    print(f"{n} documents, {written / 1e6:.1f} MB in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
