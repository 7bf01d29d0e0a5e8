#!/usr/bin/env python3
"""Build sets/{interleaved-tune,interleaved-report,own-tune,own-report}/: pages/ (symlinks), gold_spans.tsv
and gold.tsv (the gold rows of those pages; gold.tsv leaves out `label` and `not-translation` rows).

Split rules (fixed, written down in README.md):
* interleaved (/work/shared/align/interleaved, six pages of six kinds): pages sorted by file name, even
  positions (0, 2, 4) -> tune, odd positions (1, 3, 5) -> report. Tune: angular-services, chinadaily-notes,
  jiyu-examples. Report: catti-notes, economist-notes, nyt-excerpts.
* own pages: the `half` each page's builder declares (own/pages.tsv); gov-news-digest.md (the hidden page's
  shape) is in the report half, its sibling eco-newsletter.md in the tune half.
"""
import csv, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(os.environ.get('SHARED', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared')), 'align/interleaved')


def rows(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


def write_set(name, pages_src, pages, spans):
    d = os.path.join(HERE, 'sets', name)
    pd = os.path.join(d, 'pages')
    os.makedirs(pd, exist_ok=True)
    for f in os.listdir(pd):
        os.unlink(os.path.join(pd, f))
    for pg in pages:
        os.symlink(os.path.relpath(os.path.join(pages_src, pg), pd), os.path.join(pd, pg))
    hdr = spans[0]
    sel = [r for r in spans[1:] if r and r[0] in pages]
    with open(os.path.join(d, 'gold_spans.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join('\t'.join(r) for r in [hdr] + sel) + '\n')
    k, z, e = hdr.index('kind'), hdr.index('zh'), hdr.index('en')
    with open(os.path.join(d, 'gold.tsv'), 'w', encoding='utf-8') as f:
        f.write('page\tzh\ten\n')
        for r in sel:
            if r[k] not in ('label', 'not-translation'):
                f.write(f'{r[0]}\t{r[z]}\t{r[e]}\n')
    print(f'{name}: {len(pages)} pages, {sum(1 for r in sel if r[k] not in ("label", "not-translation"))} gold rows')


def main():
    inter = sorted(os.listdir(os.path.join(SHARED, 'pages')))
    spans = rows(os.path.join(SHARED, 'gold_spans.tsv'))
    write_set('interleaved-tune', os.path.join(SHARED, 'pages'), inter[0::2], spans)
    write_set('interleaved-report', os.path.join(SHARED, 'pages'), inter[1::2], spans)
    meta = rows(os.path.join(HERE, 'own', 'pages.tsv'))
    own_spans = rows(os.path.join(HERE, 'own', 'gold_spans.tsv'))
    for half in ('tune', 'report'):
        pages = sorted(r[0] for r in meta[1:] if r and r[1] == half)
        write_set(f'own-{half}', os.path.join(HERE, 'own', 'pages'), pages, own_spans)


if __name__ == '__main__':
    main()
