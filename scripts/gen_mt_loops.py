#!/usr/bin/env python3
"""Machine-translation loops injected into clean sentences, the way the mt stage is judged.

    scripts/gen_mt_loops.py inject --lang en|zh --n N --seed S [--shape protocol|hard|wide] IN OUT_PREFIX
    scripts/gen_mt_loops.py sets [--shared DIR] [--own DIR] [--out DIR]

`inject` is the generator: it reads IN (one sentence per line) and writes OUT_PREFIX.src (looped),
OUT_PREFIX.ref (original) and OUT_PREFIX.meta.tsv (shape of each loop).

`sets` builds the evaluation sets from the visible sources in --shared (default ../shared next to the
repository; local evaluation material, never committed) and our own sentences in --own (default
tests/fixtures/mt: own_en.txt, own_zh.txt), under --out (default target/mt-loops):
  pool/{en,zh}.{tune,heldout}.txt (+ .src.txt, the source of each line; stats.json)
  sets/{tune,heldout}/{en,zh}.{loop,hard,wide}.{src,ref,meta.tsv}, {en,zh}.clean.{src,ref}, *.origin.txt
Pools: English 8-60 words from the Bible (KJV), MAC-dev, WMT21 news and ScrapingHub article bodies;
Chinese 10-80 characters from the Bible (CUV), MAC-dev, WMT21 and ChineseWebText; no line that already
holds a back-to-back repeat. Halves: sha1 of the sentence, even = tune, odd = heldout. Sets of 400 mix
every own sentence of the half, 100 news, 100 web, 60 literary and the Bible. Deterministic: the same
sources give byte-identical files. Score them with scripts/eval_mt_loops.py.

The generator:
Inject one machine-translation loop into each sentence.

Reads IN (one sentence per line), takes N of its lines (all of them, in order, when N equals the line
count; otherwise a seeded sample kept in input order) and writes, line-aligned:

    OUT_PREFIX.src       the sentence with one loop injected
    OUT_PREFIX.ref       the original sentence (what a perfect repair returns)
    OUT_PREFIX.meta.tsv  one row per line describing the loop (header line first)

The protocol (issue "loops of other shapes"), --shape protocol (the default):

* English: the sentence is split at single spaces into tokens ("words" with their attached punctuation:
  `market,`, `Friday.`, `"We`, a free-standing `—`). A span of 2-4 consecutive tokens at a uniformly random
  position is written 2 or 3 times in all, the copies joined by " " or by ", ". The span can begin or end at
  punctuation, so seams look like `market,, rising market,` or `on Friday., said on Friday.`; it can be the
  sentence's last tokens, after its full stop (`on Friday. on Friday.`).
* Chinese: a span of 3-5 characters at a uniformly random position, not aligned to words. It may hold
  punctuation (`，`), digits, Latin letters or a space (`0 人`). Half the time the 3-5 are counted over all
  characters, half the time over non-punctuation characters only (so `但是没，有人` is a span of 5 plus its
  comma). The span is written 2 or 3 times, directly or joined by `，`: `上海交通大交通大学`,
  `共 30 人0 人0 人参加`, `请问是请问是请问是，`, `但是没，有人，但是没，有人`.

--shape hard keeps the protocol's limits but draws, for about two lines in three, a span that touches the
difficult seams: ending or starting at punctuation, the sentence's last tokens after its full stop, or for
Chinese a span holding punctuation, a digit or a Latin letter.

--shape wide goes beyond the protocol, to test generalisation to what real NMT output does (half the lines
"hard" protocol shapes, half of these):
  long      a span of 5-8 words (6-12 characters)
  many      4-6 copies of a protocol-size span
  clause    the last clause (after the last comma, before the final stop) repeated 2-3 times joined by ", "
            (Chinese "，"), e.g. `we will keep working, keep working, keep working.`
  tail      the final 2-6 tokens (after the full stop) repeated, as a decoder that does not stop does
  joiner    a protocol-size span joined by "; ", " - ", " ... " (Chinese "、", " ", "……")

Every loop is exact: the extra copies are the only difference, so the only correct repair returns the
original line.
"""
import argparse
import glob
import hashlib
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Set by `sets` from --shared and --own.
ALIGN = SCRAPINGHUB = CCZH = OWN = None


# ----------------------------------------------------------------------------------------------------------
# Sentence pools

def half_of(sentence: str) -> str:
    """Stable split: sha1 of the UTF-8 sentence, even -> tune, odd -> heldout."""
    return "tune" if int(hashlib.sha1(sentence.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "heldout"


def norm_space(s: str) -> str:
    s = s.replace("\u00a0", " ").replace("\u3000", " ")
    return re.sub(r"\s+", " ", s).strip()


def has_bad_chars(s: str) -> bool:
    for c in s:
        cat = unicodedata.category(c)
        if cat in ("Cc", "Cf", "Co", "Cs") or c == "\ufffd":
            return True
    return False


# ----------------------------------------------------------------------------------------------------------
# English

ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "lt",
    "col", "capt", "sgt", "mt", "ft", "fig", "e.g", "i.e", "u.s", "u.k", "a.m", "p.m", "va", "calif", "ariz",
    "mass", "wash", "fla", "tenn", "ky", "pa", "n.y", "d.c",
}
FUNCTION_WORDS = set(
    "the of and to a in is was that for it with as on be by at this are from or an have has had not but were "
    "which they their he she his her we you i will would can could been there its who what when said".split()
)

SENT_END = re.compile(r"([.!?]+[\"”’')\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")


def split_en(text: str):
    """Split an English paragraph into sentences at . ! ? before a capital or digit, not after a known
    abbreviation or a single capital letter (an initial)."""
    out = []
    start = 0
    for m in SENT_END.finditer(text):
        before = text[start:m.start(1)]
        last = re.split(r"\s+", before.strip())[-1] if before.strip() else ""
        lw = last.lower().strip("(\"“‘'")
        if m.group(1).startswith(".") and (lw in ABBREV or re.fullmatch(r"[a-z]", lw) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", lw)):
            continue
        out.append(text[start:m.end(1)])
        start = m.end()
    out.append(text[start:])
    return [norm_space(s) for s in out if s.strip()]


def words_norm(s: str):
    return [w for w in (re.sub(r"[^\w'’-]", "", t).lower().strip("'’-") for t in s.split()) if w]


def has_repeat_en(s: str, max_n: int = 8) -> bool:
    """Any back-to-back repeated run of 1..max_n words, ignoring case and punctuation."""
    w = words_norm(s)
    for n in range(1, max_n + 1):
        for i in range(0, len(w) - 2 * n + 1):
            if w[i:i + n] == w[i + n:i + 2 * n]:
                return True
    return False


def ok_en(s: str, src: str = "") -> bool:
    if has_bad_chars(s):
        return False
    toks = s.split()
    if not (8 <= len(toks) <= 60):
        return False
    if any(is_han(c) for c in s):
        return False
    if re.search(r"https?://|www\.|@\w|\|", s):
        return False
    letters = sum(c.isalpha() for c in s)
    if letters < 0.6 * len(s.replace(" ", "")):
        return False
    if not re.match(r"[\"“‘(]?[A-Z0-9]", s):
        return False
    if not re.search(r"[.!?][\"”’')]*$", s):
        return False
    if sum(1 for c in s if c.isupper()) > 0.3 * letters:
        return False
    w = words_norm(s)
    if not w or sum(x in FUNCTION_WORDS for x in w) * 8 < len(w):
        return False
    if any(ord(c) > 0x024F and not unicodedata.category(c).startswith("P") and c not in "€£¥°–—…" for c in s):
        return False
    if has_repeat_en(s):
        return False
    return True


def english_page(text: str) -> bool:
    w = words_norm(text[:20000])
    if len(w) < 50:
        return False
    ascii_letters = sum(c.isascii() and c.isalpha() for c in text)
    letters = sum(c.isalpha() for c in text)
    return letters > 0 and ascii_letters / letters > 0.97 and sum(x in FUNCTION_WORDS for x in w) / len(w) > 0.25


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [norm_space(l) for l in f if l.strip()]


def english_sources():
    for p in sorted(glob.glob(f"{ALIGN}/bible-zh-en/*.en")):
        for l in read_lines(p):
            yield "bible", l
    for p in sorted(glob.glob(f"{ALIGN}/mac-dev/en/*")):
        if p.endswith(".tok"):
            continue
        for l in read_lines(p):
            yield "macdev", l
    for p in sorted(glob.glob(f"{ALIGN}/wmt21-docs/en/*.txt")):
        for l in read_lines(p):
            for s in split_en(l):
                yield "wmt21", s
    data = json.load(open(SCRAPINGHUB, encoding="utf-8"))
    data = data.get("output", data)
    for key in sorted(data):
        body = data[key].get("articleBody") or ""
        if not english_page(body):
            continue
        for para in body.split("\n"):
            for s in split_en(norm_space(para)):
                yield "scrapinghub", s
    for l in read_lines(os.path.join(OWN, "own_en.txt")):
        yield "own", l


# ----------------------------------------------------------------------------------------------------------
# Chinese

ZH_SPLIT = re.compile(r"(?<=[。！？])(?![”’」』）\)])|(?<=[。！？][”’」』）\)])|(?<=[!?])(?=\s*[\u4e00-\u9fff])")
SPAM = re.compile(
    "威尼斯人|现金网|乐虎|娱乐|彩票|博彩|棋牌|开户|注册送|官网|登录器|赌|老虎机|真人|体育投注|网址|下载|彩金|百家乐|六合|pk10|快3|时时彩"
    "|版权所有|备案|ICP|上一篇|下一篇|关注|点击|扫码|微信号",
    re.I,
)


def split_zh(text: str):
    out = []
    for para in text.split("\n"):
        for s in ZH_SPLIT.split(para):
            s = norm_space(s)
            if s:
                out.append(s)
    return out


def has_repeat_zh(s: str, max_n: int = 16) -> bool:
    """Any back-to-back repeated unit of 2..max_n characters, or one character three times in a row.
    A single doubled character (常常, 看看) is ordinary Chinese and stays."""
    n_chars = len(s)
    trivial = lambda u: all(c.isdigit() or c.isspace() or unicodedata.category(c).startswith("P") for c in u)
    for n in range(2, max_n + 1):
        for i in range(0, n_chars - 2 * n + 1):
            if s[i:i + n] == s[i + n:i + 2 * n] and not trivial(s[i:i + n]):
                return True
    return any(not trivial(m.group(1)) for m in re.finditer(r"(.)\1\1", s))


def ok_zh(s: str, src: str = "") -> bool:
    if has_bad_chars(s):
        return False
    n = len(s)
    if not (10 <= n <= 80):
        return False
    han = sum(is_han(c) for c in s)
    if han < 0.5 * n:
        return False
    if src == "cc" and SPAM.search(s):
        return False
    if re.search(r"https?://|www\.|\|", s):
        return False
    # a sentence, not a heading or a menu: it ends in sentence punctuation (or a closing quote after it)
    if not re.search(r"[。！？…][”’」』）)]?$|[。！？][”’」』]$", s):
        return False
    if has_repeat_zh(s):
        return False
    return True


def chinese_sources():
    for p in sorted(glob.glob(f"{ALIGN}/bible-zh-en/*.zh")):
        for l in read_lines(p):
            yield "bible", l
    for p in sorted(glob.glob(f"{ALIGN}/mac-dev/zh/*")):
        if p.endswith(".tok") or p.endswith(".trans"):
            continue
        for l in read_lines(p):
            for s in split_zh(l):
                yield "macdev", s
    for p in sorted(glob.glob(f"{ALIGN}/wmt21-docs/zh/*.txt")):
        for l in read_lines(p):
            for s in split_zh(l):
                yield "wmt21", s
    with open(CCZH, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if SPAM.search(d.get("title", "")):
                # spam-injected pages: keep only lines without spam words (the filter below does that)
                pass
            for s in split_zh(d.get("raw_content", "")):
                yield "cc", s
    for l in read_lines(os.path.join(OWN, "own_zh.txt")):
        yield "own", l


# ----------------------------------------------------------------------------------------------------------
# Loop injection

def is_punct(c: str) -> bool:
    return unicodedata.category(c).startswith("P") or unicodedata.category(c).startswith("S")


def is_han(c: str) -> bool:
    o = ord(c)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


def is_latin(c: str) -> bool:
    return c.isascii() and c.isalpha()


# ----------------------------------------------------------------------------------------------------------
# English


def en_flags(toks, i, k):
    span = toks[i:i + k]
    flags = []
    if not span[0][:1].isalnum():
        flags.append("starts_punct")
    if not span[-1][-1:].isalnum():
        flags.append("ends_punct")
    if any(not t[-1:].isalnum() for t in span[:-1]):
        flags.append("inner_punct")
    if i == 0:
        flags.append("line_start")
    if i + k == len(toks):
        flags.append("line_end")
        if span[-1][-1:] in ".!?\"”’')":
            flags.append("after_final_stop")
    if any(t[:1].isupper() for t in span):
        flags.append("capital")
    if any(any(c.isdigit() for c in t) for t in span):
        flags.append("digit")
    return flags


def en_inject(toks, i, k, copies, joiner):
    span = " ".join(toks[i:i + k])
    return " ".join(toks[:i] + [joiner.join([span] * copies)] + toks[i + k:]), span


def en_hard_positions(toks, k):
    """Start positions whose span of k tokens touches punctuation or the end of the line."""
    out = []
    for i in range(0, len(toks) - k + 1):
        span = toks[i:i + k]
        if (not span[-1][-1:].isalnum()) or (not span[0][:1].isalnum()) or i + k == len(toks):
            out.append(i)
    return out


def gen_en(s, rng, shape):
    toks = s.split(" ")
    if shape == "wide" and rng.random() < 0.5:
        kind = rng.choice(["long", "many", "clause", "tail", "joiner"])
    elif shape in ("hard", "wide"):
        kind = "hard"
    else:
        kind = "protocol"
    copies = rng.choice([2, 3])
    joiner = rng.choice([" ", ", "])
    k = rng.randint(2, min(4, len(toks)))
    if kind == "protocol":
        i = rng.randint(0, len(toks) - k)
    elif kind == "hard":
        cand = en_hard_positions(toks, k)
        i = rng.choice(cand) if cand and rng.random() < 0.67 else rng.randint(0, len(toks) - k)
    elif kind == "long":
        k = rng.randint(5, min(8, len(toks)))
        i = rng.randint(0, len(toks) - k)
    elif kind == "many":
        copies = rng.randint(4, 6)
        i = rng.randint(0, len(toks) - k)
    elif kind == "joiner":
        joiner = rng.choice(["; ", " - ", " ... "])
        i = rng.randint(0, len(toks) - k)
    elif kind == "clause":
        # the last clause: tokens after the last token ending in a comma, up to the end (with its stop)
        last_comma = max((j for j, t in enumerate(toks[:-1]) if t.endswith(",")), default=-1)
        start = last_comma + 1
        if last_comma < 0 or len(toks) - start > 10 or len(toks) - start < 2:
            start = max(0, len(toks) - rng.randint(3, 6))
        # repeat the clause without its final stop, so the stop closes the last copy
        last = toks[-1]
        stop = last[len(last.rstrip(".!?\"”’')")):]
        body = toks[start:-1] + ([last[: len(last) - len(stop)]] if len(last) > len(stop) else [])
        span = " ".join(body)
        looped = " ".join(toks[:start] + [", ".join([span] * copies)]) + stop
        return looped, {"kind": kind, "k": len(body), "copies": copies, "joiner": ", ", "start": start,
                        "span": span, "flags": ["line_end", "clause"]}
    elif kind == "tail":
        k = rng.randint(2, min(6, len(toks)))
        i = len(toks) - k
    looped, span = en_inject(toks, i, k, copies, joiner)
    return looped, {"kind": kind, "k": k, "copies": copies, "joiner": joiner, "start": i, "span": span,
                    "flags": en_flags(toks, i, k)}


# ----------------------------------------------------------------------------------------------------------
# Chinese


def zh_span_end(chars, i, n, count_punct):
    """End index of a span starting at i that holds n counted characters (all characters, or only
    non-punctuation ones), or None when the line is too short."""
    j = i
    counted = 0
    while j < len(chars) and counted < n:
        if count_punct or not is_punct(chars[j]):
            counted += 1
        j += 1
    return j if counted == n else None


def zh_flags(chars, i, j):
    span = chars[i:j]
    flags = []
    if any(is_punct(c) for c in span):
        flags.append("punct")
    if any(c in "，," for c in span):
        flags.append("comma")
    if any(c.isdigit() for c in span):
        flags.append("digit")
    if any(is_latin(c) for c in span):
        flags.append("latin")
    if any(c.isspace() for c in span):
        flags.append("space")
    if is_punct(span[0]):
        flags.append("starts_punct")
    if is_punct(span[-1]):
        flags.append("ends_punct")
    if i == 0:
        flags.append("line_start")
    if j == len(chars):
        flags.append("line_end")
    elif is_punct(chars[j]):
        flags.append("before_punct")
    if i > 0 and is_punct(chars[i - 1]):
        flags.append("after_punct")
    if all(is_han(c) for c in span):
        flags.append("all_han")
    return flags


def zh_hard(chars, i, j):
    span = chars[i:j]
    return (any(is_punct(c) or c.isdigit() or is_latin(c) or c.isspace() for c in span)
            or j == len(chars) or (j < len(chars) and is_punct(chars[j])) or i == 0)


def gen_zh(s, rng, shape):
    chars = list(s)
    if shape == "wide" and rng.random() < 0.5:
        kind = rng.choice(["long", "many", "clause", "tail", "joiner"])
    elif shape in ("hard", "wide"):
        kind = "hard"
    else:
        kind = "protocol"
    copies = rng.choice([2, 3])
    joiner = rng.choice(["", "，"])
    count_punct = rng.random() < 0.5
    n = rng.randint(3, 5)
    if kind == "clause":
        # the last clause between the last "，" and the final stop, repeated and joined by "，"
        body_end = len(chars)
        while body_end > 0 and is_punct(chars[body_end - 1]):
            body_end -= 1
        last_comma = max((k for k in range(body_end) if chars[k] in "，,；"), default=-1)
        start = last_comma + 1
        if last_comma < 0 or body_end - start > 14 or body_end - start < 2:
            start = max(0, body_end - rng.randint(3, 8))
        span = "".join(chars[start:body_end])
        looped = "".join(chars[:start]) + "，".join([span] * copies) + "".join(chars[body_end:])
        return looped, {"kind": kind, "k": len(span), "copies": copies, "joiner": "，", "start": start,
                        "span": span, "flags": ["line_end", "clause"]}
    if kind == "long":
        n = rng.randint(6, 12)
        count_punct = True
    elif kind == "many":
        copies = rng.randint(4, 6)
    elif kind == "joiner":
        joiner = rng.choice(["、", " ", "……"])
    for _ in range(200):
        if kind == "tail":
            j = len(chars)
            n = rng.randint(2, 6)
            i = j - n
            if i < 0:
                continue
        else:
            i = rng.randint(0, len(chars) - 1)
            j = zh_span_end(chars, i, n, count_punct)
            if j is None:
                continue
            if kind == "hard" and rng.random() < 0.67 and not zh_hard(chars, i, j):
                continue
        span = "".join(chars[i:j])
        if span.isspace():
            continue
        looped = "".join(chars[:i]) + joiner.join([span] * copies) + "".join(chars[j:])
        return looped, {"kind": kind, "k": j - i, "copies": copies, "joiner": joiner, "start": i, "span": span,
                        "flags": zh_flags(chars, i, j) + ([] if count_punct else ["count_nonpunct"])}
    raise ValueError(f"no span found in {s!r}")


def inject(lang, n, seed, shape, input_path, out_prefix):
    """Inject one loop into each of N lines of INPUT (all of them, in order, when N is the line count)."""
    with open(input_path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    if n > len(lines):
        sys.exit(f"--n {n} but {input_path} has only {len(lines)} lines")
    rng = random.Random(seed)
    idx = list(range(len(lines))) if n == len(lines) else sorted(rng.sample(range(len(lines)), n))
    gen = gen_en if lang == "en" else gen_zh
    with open(out_prefix + ".src", "w", encoding="utf-8") as fs, \
            open(out_prefix + ".ref", "w", encoding="utf-8") as fr, \
            open(out_prefix + ".meta.tsv", "w", encoding="utf-8") as fm:
        fm.write("line\tkind\tk\tcopies\tjoiner\tstart\tflags\tspan\n")
        for k, ix in enumerate(idx, 1):
            s = lines[ix]
            looped, m = gen(s, rng, shape)
            assert looped != s
            fs.write(looped + "\n")
            fr.write(s + "\n")
            fm.write(f"{k}\t{m['kind']}\t{m['k']}\t{m['copies']}\t{m['joiner']!r}\t{m['start']}\t"
                     f"{','.join(m['flags'])}\t{m['span']!r}\n")


# ----------------------------------------------------------------------------------------------------------
# Evaluation sets

# per set of 400: own (all, ~75) + these, the Bible filling the rest
QUOTA_400 = {"en": [("wmt21", 100), ("scrapinghub", 100), ("macdev", 60)],
             "zh": [("wmt21", 100), ("cc", 100), ("macdev", 60)]}
SEEDS = {("tune", "en"): 11, ("tune", "zh"): 12, ("heldout", "en"): 21, ("heldout", "zh"): 22}


def load(pool, lang, half):
    with open(f"{pool}/{lang}.{half}.txt", encoding="utf-8") as f, \
            open(f"{pool}/{lang}.{half}.src.txt", encoding="utf-8") as g:
        rows = [(s.rstrip("\n"), o.strip()) for s, o in zip(f, g)]
    by = {}
    for s, o in rows:
        by.setdefault(o, []).append(s)
    return by


def take(by, used, rng, lang, n, own_n=None):
    """n sentences: own first (own_n of them, default all), then the quotas scaled to n, Bible last."""
    own = list(by.get("own", []))
    rng.shuffle(own)
    own = own[: own_n if own_n is not None else len(own)]
    out = [(s, "own") for s in own]
    scale = n / 400
    for src, q in QUOTA_400[lang]:
        avail = [s for s in by.get(src, []) if s not in used]
        k = min(len(avail), round(q * scale))
        pick = rng.sample(avail, k)
        used.update(pick)
        out += [(s, src) for s in pick]
    avail = [s for s in by.get("bible", []) if s not in used]
    pick = rng.sample(avail, n - len(out))
    used.update(pick)
    out += [(s, "bible") for s in pick]
    rng.shuffle(out)
    return out


def write(path, rows):
    with open(path + ".in.txt", "w", encoding="utf-8") as f, open(path + ".origin.txt", "w") as g:
        for s, o in rows:
            f.write(s + "\n")
            g.write(o + "\n")


def gen(lang, n, seed, shape, prefix):
    inject(lang, n, seed, shape, prefix + ".in.txt", prefix)
    os.remove(prefix + ".in.txt")


def build_pools(out):
    """The sentence pools, split into halves (see the module header)."""
    os.makedirs(out, exist_ok=True)
    stats = {}
    for lang, gen, ok in (("en", english_sources, ok_en), ("zh", chinese_sources, ok_zh)):
        seen = {}
        raw = Counter()
        for src, s in gen():
            raw[src] += 1
            if s in seen or not ok(s, src):
                continue
            seen[s] = src
        halves = {"tune": [], "heldout": []}
        for s, src in seen.items():
            halves[half_of(s)].append((s, src))
        stats[lang] = {"raw": dict(raw)}
        for h, rows in halves.items():
            with open(f"{out}/{lang}.{h}.txt", "w", encoding="utf-8") as f, \
                    open(f"{out}/{lang}.{h}.src.txt", "w", encoding="utf-8") as g:
                for s, src in rows:
                    f.write(s + "\n")
                    g.write(src + "\n")
            stats[lang][h] = dict(Counter(src for _, src in rows))
            stats[lang][h]["total"] = len(rows)
    with open(f"{out}/stats.json", "w") as f:
        json.dump(stats, f, indent=1, ensure_ascii=False)
    return stats


def build_sets(pool, sets):
    """The loop, hard, wide and clean sets of each half (see the module header)."""
    for half in ("tune", "heldout"):
        d = os.path.join(sets, half)
        os.makedirs(d, exist_ok=True)
        for lang in ("en", "zh"):
            seed = SEEDS[(half, lang)]
            rng = random.Random(seed)
            by = load(pool, lang, half)
            used = set()
            loop = take(by, used, rng, lang, 400)
            clean = take(by, used, rng, lang, 400)
            hard = take(by, used, rng, lang, 200, own_n=40)
            wide = take(by, used, rng, lang, 200, own_n=40)
            p = os.path.join(d, f"{lang}.loop")
            write(p, loop)
            gen(lang, 400, seed * 100 + 1, "protocol", p)
            p = os.path.join(d, f"{lang}.hard")
            write(p, hard)
            gen(lang, 200, seed * 100 + 2, "hard", p)
            p = os.path.join(d, f"{lang}.wide")
            write(p, wide)
            gen(lang, 200, seed * 100 + 3, "wide", p)
            p = os.path.join(d, f"{lang}.clean")
            write(p, clean)
            os.rename(p + ".in.txt", p + ".src")
            with open(p + ".src", encoding="utf-8") as f, open(p + ".ref", "w", encoding="utf-8") as g:
                g.write(f.read())
            print(half, lang, "loop", len(loop), "clean", len(clean), "hard", len(hard), "wide", len(wide))


def main():
    global ALIGN, SCRAPINGHUB, CCZH, OWN
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    inj = sub.add_parser("inject", help="inject one loop into each of N sentences")
    inj.add_argument("--lang", choices=["en", "zh"], required=True)
    inj.add_argument("--n", type=int, required=True)
    inj.add_argument("--seed", type=int, required=True)
    inj.add_argument("--shape", choices=["protocol", "hard", "wide"], default="protocol")
    inj.add_argument("input")
    inj.add_argument("out_prefix")
    st = sub.add_parser("sets", help="build the pools and the evaluation sets")
    st.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    st.add_argument("--own", default=os.path.join(ROOT, "tests", "fixtures", "mt"))
    st.add_argument("--out", default=os.path.join(ROOT, "target", "mt-loops"))
    args = ap.parse_args()
    if args.command == "inject":
        inject(args.lang, args.n, args.seed, args.shape, args.input, args.out_prefix)
        return
    ALIGN = os.path.join(args.shared, "align")
    SCRAPINGHUB = os.path.join(args.shared, "boilerplate", "scrapinghub-aeb", "output", "html-text.json")
    CCZH = os.path.join(args.shared, "boilerplate", "chinesewebtext-cc-zh", "2021-43_cleared1.jsonl")
    OWN = args.own
    pool = os.path.join(args.out, "pool")
    json.dump(build_pools(pool), sys.stdout, indent=1, ensure_ascii=False)
    print()
    build_sets(pool, os.path.join(args.out, "sets"))


if __name__ == "__main__":
    main()
