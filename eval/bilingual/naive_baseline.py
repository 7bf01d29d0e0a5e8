#!/usr/bin/env python3
"""Reference extractor from the shared README: pair adjacent non-empty lines that switch language
(zh = a line with >= 5 Han characters, en = a line with no Han character and at least 3 Latin words of 2+ letters).
On the shared six pages it gives P 0.606 R 0.591 F1 0.599 (the README's reference: 0.610 / 0.591 / 0.601).
Usage: naive_baseline.py PAGES_DIR > PRED.tsv   (then: score_bilingual.py PAGES_DIR GOLD --pred PRED.tsv)"""
import os, re, sys

HAN = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff]')
WORD = re.compile(r'[A-Za-z]{2,}')


def lang(line):
    if len(HAN.findall(line)) >= 5:
        return 'zh'
    if not HAN.search(line) and len(WORD.findall(line)) >= 3:
        return 'en'
    return None


def pairs(text):
    lines = [l.strip() for l in text.replace('\r\n', '\n').split('\n') if l.strip()]
    out, i = [], 0
    while i + 1 < len(lines):
        a, b = lang(lines[i]), lang(lines[i + 1])
        if a and b and a != b:
            zh, en = (lines[i], lines[i + 1]) if a == 'zh' else (lines[i + 1], lines[i])
            out.append((zh, en))
            i += 2
        else:
            i += 1
    return out


def main():
    d = sys.argv[1]
    print('page\tzh\ten')
    for f in sorted(os.listdir(d)):
        with open(os.path.join(d, f), encoding='utf-8', errors='replace') as fh:
            for zh, en in pairs(fh.read()):
                print(f"{f}\t{zh.replace(chr(9), ' ')}\t{en.replace(chr(9), ' ')}")


if __name__ == '__main__':
    main()
