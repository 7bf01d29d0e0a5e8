#!/usr/bin/env python3
"""Write own/pages/*, own/gold_spans.tsv, own/gold.tsv and own/pages.tsv from own/src/*.py, and check every
gold row against the page text (the gold text, normalised as the scorer does, must be found in the raw lines of
its range). Deterministic: a rebuild gives byte-identical files."""
import importlib, os, re, sys, unicodedata, html
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'src'))

MODULES = [
    # report half
    'gov_news_digest', 'lease_agreement', 'press_release_blocks', 'subtitles_talk',
    # tune half
    'eco_newsletter', 'router_faq_tw', 'museum_guide_en_first', 'water_glossary',
]


def norm(s, lang):   # identical to score_pairs.norm
    s = unicodedata.normalize('NFKC', s)
    s = html.unescape(s)
    s = re.sub(r'</?[A-Za-z][^>]*>', '', s)
    s = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', s)
    s = re.sub(r'[`*_#>\\]', '', s)
    s = re.sub(r'\s+', '', s)
    return s.lower() if lang == 'en' else s


def has_han(s):
    return any('\u4e00' <= c <= '\u9fff' or '\u3400' <= c <= '\u4dbf' for c in s)


def check(p):
    errs = []
    for zr, er, kind, note, zh, en in p.gold:
        for (a, b), txt, lang in ((zr, zh, 'zh'), (er, en, 'en')):
            raw = '\n'.join(p.lines[a - 1:b])
            if norm(txt, lang) not in norm(raw, lang):
                errs.append(f'{p.name}: {lang} {a}-{b} not found: {txt[:50]!r} in {raw[:80]!r}')
            if '\t' in txt or '\n' in txt:
                errs.append(f'{p.name}: tab/newline in gold {txt[:40]!r}')
        if not has_han(zh):
            errs.append(f'{p.name}: zh side has no Han: {zh!r}')
        if has_han(en) and kind != 'not-translation':
            errs.append(f'{p.name}: en side has Han: {en!r}')
    return errs


def main():
    out_pages = os.path.join(HERE, 'pages')
    os.makedirs(out_pages, exist_ok=True)
    spans = ['page\tzh_lines\ten_lines\tkind\tnote\tzh\ten']
    gold = ['page\tzh\ten']
    meta = ['page\thalf\tlines\tnonempty_lines\tbytes\tbody\theading\taside\tphrase\tterm\tlabel\tnot_translation\tshape']
    errs = []
    for m in MODULES:
        p = importlib.import_module(m).build()
        errs += check(p)
        data = p.text().encode('utf-8')
        with open(os.path.join(out_pages, p.name), 'wb') as f:
            f.write(data)
        c = Counter(g[2] for g in p.gold)
        for zr, er, kind, note, zh, en in p.gold:
            spans.append(f'{p.name}\t{zr[0]}-{zr[1]}\t{er[0]}-{er[1]}\t{kind}\t{note}\t{zh}\t{en}')
            if kind not in ('not-translation', 'label'):
                gold.append(f'{p.name}\t{zh}\t{en}')
        meta.append('\t'.join([p.name, p.half, str(len(p.lines)), str(sum(1 for l in p.lines if l.strip())),
                               str(len(data))] + [str(c[k]) for k in ('body', 'heading', 'aside', 'phrase', 'term',
                                                                      'label', 'not-translation')] + [p.shape]))
    for name, rows in (('gold_spans.tsv', spans), ('gold.tsv', gold), ('pages.tsv', meta)):
        with open(os.path.join(HERE, name), 'w', encoding='utf-8', newline='') as f:
            f.write('\n'.join(rows) + '\n')
    for e in errs:
        print('ERROR', e)
    print('\n'.join(meta))
    sys.exit(1 if errs else 0)


if __name__ == '__main__':
    main()
