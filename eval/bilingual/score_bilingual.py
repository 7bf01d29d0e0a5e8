#!/usr/bin/env python3
"""Run `cleanalign run` on a folder of bilingual pages and score the pairs it finds inside each page.

Usage:
  score_bilingual.py PAGES_DIR GOLD.tsv [--bin PATH] [--kinds body,heading,aside,phrase,term]
                     [--threshold 0.8] [--contain 0.8] [--separate] [--pred PRED.tsv] [--keep DIR]
                     [--show-misses] [--json] [--no-fold]

PAGES_DIR  the pages (any extension). They are copied to a temporary raw/ folder as `<stem>.txt` (the default
           pipeline.toml skips `*.md` and `README*`), and doc ids are mapped back to the original file names.
GOLD.tsv   gold_spans.tsv format (page, zh_lines, en_lines, kind, note, zh, en) or plain gold.tsv (page, zh, en;
           every row is then kind `body`). Line ranges, when present, drive the "gold lines removed" figures.
--bin      the cleanalign binary (default: $CLEANALIGN_BIN, else `cleanalign` on PATH).
--separate run each page in a batch of its own (default: all pages of PAGES_DIR in one batch).
--pred     score this PRED.tsv (`page<TAB>zh<TAB>en`) instead of running the binary (no rejected.jsonl figures).
--keep     keep raw/, out/ and PRED.tsv in this folder.
--json     print one JSON object instead of the text report.

Chinese is folded to Simplified characters on both sides before any comparison (see FOLD below).

Two scores:
1. Pair P/R/F1, exactly the shared scorer (/work/shared/align/interleaved/score_pairs.py, imported): a corpus
   row is a predicted pair; it matches a gold pair of the same page when difflib's ratio of the normalised
   texts reaches --threshold on both sides; one-to-one, greedy. Gold rows of a kind outside --kinds (e.g. the
   neutral kind `label`) absorb predictions without counting them right or wrong.
2. Paragraph-pair criterion (the issue's target): a row is CORRECT when its zh lies inside the zh of one gold
   pair and its en inside the en of the SAME gold pair ("inside": at least --contain of the row's normalised
   characters are matched in that gold side by difflib blocks of >= 2 Han / >= 3 Latin characters), so sentence
   rows inside a paragraph pair count. A row inside a gold pair of an uncounted kind is NEUTRAL; any other row
   is WRONG. Among the wrong rows, MERGED ones (column `mrg`) are covered on both sides by the same two or more
   gold pairs: a bead that joined neighbouring pairs (right text, wrong granularity). A gold pair is FOUND when at least one correct row falls in it; its COVERAGE per side is the share
   of its characters matched by its correct rows. `rows correct` = correct / (correct + wrong).
"""
import argparse, csv, difflib, importlib.util, json, os, re, shutil, subprocess, sys, tempfile
from collections import Counter, defaultdict

SHARED = os.path.join(os.environ.get('SHARED', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared')), 'align/interleaved/score_pairs.py')
DEFAULT_KINDS = 'body,heading,aside,phrase,term'


def load_shared():
    spec = importlib.util.spec_from_file_location('score_pairs', SHARED)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


SP = load_shared()
norm, ratio, read_tsv = SP.norm, SP.ratio, SP.read_tsv
csv.field_size_limit(1 << 30)

# Script fold: the pipeline writes Chinese in one script (zh-Hans by default), so a Traditional page's rows
# cannot equal its Traditional gold. Both sides of every zh comparison are folded to Simplified characters,
# character by character, with OpenCC's tables (data/opencc/, Apache-2.0). Identical texts stay identical, so
# on Simplified pages the figures are those of the shared scorer. --no-fold switches it off.
FOLD = {}


def load_fold():
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'opencc')

    def table(name):
        t = {}
        with open(os.path.join(d, name), encoding='utf-8') as f:
            for line in f:
                if line.startswith('#') or '\t' not in line:
                    continue
                k, v = line.rstrip('\n').split('\t')
                v = v.split(' ')[0]
                if len(k) == 1 and len(v) == 1:
                    t[k] = v
        return t
    ts = table('TSCharacters.txt')
    simplified = set(ts.values())
    for name in ('TWVariantsRev.txt', 'HKVariantsRev.txt'):   # regional variant -> standard Traditional
        for k, v in table(name).items():
            if k not in ts and k not in simplified:
                FOLD[ord(k)] = ts.get(v, v)
    FOLD.update({ord(k): v for k, v in ts.items()})


def nzh(s):
    t = norm(s, 'zh')
    return t.translate(FOLD) if FOLD else t


# ------------------------------------------------------------------------------------------------ gold
def read_gold(path):
    rows = read_tsv(path)
    hdr = rows[0]
    ix = {k: hdr.index(k) for k in ('page', 'zh', 'en')}
    has_kind = 'kind' in hdr
    has_lines = 'zh_lines' in hdr and 'en_lines' in hdr
    gold = defaultdict(list)
    for r in rows[1:]:
        if not r or len(r) < len(hdr):
            continue
        kind = r[hdr.index('kind')] if has_kind else 'body'
        g = dict(page=r[ix['page']], zh=r[ix['zh']], en=r[ix['en']], kind=kind,
                 note=r[hdr.index('note')] if 'note' in hdr else '')
        if has_lines:
            g['zh_lines'] = tuple(int(x) for x in r[hdr.index('zh_lines')].split('-'))
            g['en_lines'] = tuple(int(x) for x in r[hdr.index('en_lines')].split('-'))
        g['nzh'], g['nen'] = nzh(g['zh']), norm(g['en'], 'en')
        gold[g['page']].append(g)
    return gold


# ------------------------------------------------------------------------------------------------ run
def raw_name(page, used):
    stem = os.path.splitext(page)[0]
    if stem.lower().startswith('readme') or stem.startswith('.') or stem in used:
        stem = f'p{len(used):03d}_{re.sub(r"[^A-Za-z0-9_-]", "_", stem)}'
    used.add(stem)
    return stem


def run_pipeline(binary, pages_dir, pages, workdir, tag):
    raw = os.path.join(workdir, f'raw{tag}')
    out = os.path.join(workdir, f'out{tag}')
    os.makedirs(raw, exist_ok=True)
    used, id2page = set(), {}
    for pg in pages:
        stem = raw_name(pg, used)
        shutil.copyfile(os.path.join(pages_dir, pg), os.path.join(raw, stem + '.txt'))
        id2page[stem] = pg
    pr = subprocess.run([binary, 'run', '--raw', raw, '--out', out, '--quiet'], capture_output=True, text=True)
    if pr.returncode not in (0, 1):
        sys.exit(f'cleanalign failed (exit {pr.returncode}):\n{pr.stderr}')
    res = dict(rows=defaultdict(list), cross=Counter(), rejected=defaultdict(list), kept=Counter(),
               stderr=pr.stderr.strip(), exit=pr.returncode)
    with open(os.path.join(out, 'corpus.csv'), encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f):
            s, t = r['src_doc'], r['tgt_doc']
            if s == t and s in id2page:
                zh, en = (r['src_text'], r['tgt_text']) if r.get('src_lang', 'zh') != 'en' else (r['tgt_text'], r['src_text'])
                res['rows'][id2page[s]].append(dict(zh=zh, en=en, bead=r.get('bead', ''), score=r.get('score', ''),
                                                    kind=r.get('kind', '')))
            else:
                for d in (s, t):
                    if d in id2page:
                        res['cross'][id2page[d]] += 1
    rej = os.path.join(out, 'rejected.jsonl')
    if os.path.exists(rej):
        with open(rej, encoding='utf-8') as f:
            for line in f:
                j = json.loads(line)
                if j.get('doc') in id2page:
                    res['rejected'][id2page[j['doc']]].append(j)
    for stem, pg in id2page.items():
        p = os.path.join(out, 'docs', stem + '.txt')
        if os.path.exists(p):
            with open(p, encoding='utf-8') as f:
                res['kept'][pg] = sum(1 for l in f if l.strip())
    return res


# ------------------------------------------------------------------------------------------------ scoring
def shared_pair_score(G, P, kinds, threshold):
    """The shared scorer's per-page matching, verbatim in logic. G: gold dicts; P: (nzh, nen)."""
    cand = []
    for i, (pz, pe) in enumerate(P):
        for j, g in enumerate(G):
            s = min(ratio(pz, g['nzh']), ratio(pe, g['nen']))
            if s >= threshold:
                cand.append((s, i, j))
    cand.sort(reverse=True)
    used_p, used_g = set(), set()
    for s, i, j in cand:
        if i in used_p or j in used_g:
            continue
        used_p.add(i); used_g.add(j)
    counted = [g['kind'] in kinds for g in G]
    tp = sum(1 for j in used_g if counted[j])
    ign = sum(1 for j in used_g if not counted[j])
    fp = len(P) - len(used_p)
    fn = sum(1 for j, c in enumerate(counted) if c and j not in used_g)
    return tp, fp, fn, ign, used_p, used_g


def inside(row, gold, lang):
    """Share of `row` matched in `gold` (difflib blocks of >= 2 Han / >= 3 Latin chars) and the gold positions."""
    if not row or not gold:
        return 0.0, set()
    mb = 2 if lang == 'zh' else 3
    sm = difflib.SequenceMatcher(None, row, gold, autojunk=False)
    hit, pos = 0, set()
    for a, b, n in sm.get_matching_blocks():
        if n >= mb:
            hit += n
            pos.update(range(b, b + n))
    return hit / len(row), pos


def spans_pairs(pz, pe, G, contain=0.8, part=0.15):
    """A row that is not inside one gold pair but whose zh and en are both covered by the SAME two or more gold
    pairs (each contributing >= `part` of the row on both sides): a bead merged across paragraph pairs."""
    hz, he, cz, ce = 0, 0, set(), set()
    for j, g in enumerate(G):
        a, _ = inside(pz, g['nzh'], 'zh')
        b, _ = inside(pe, g['nen'], 'en')
        if a >= part:
            cz.add(j); hz += a
        if b >= part:
            ce.add(j); he += b
    return len(cz) >= 2 and cz == ce and hz >= contain and he >= contain


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_page(G, rows, kinds, threshold, contain):
    G = [g for g in G if g['kind'] != 'not-translation']
    P = [(nzh(r['zh']), norm(r['en'], 'en')) for r in rows]
    tp, fp, fn, ign, used_p, used_g = shared_pair_score(G, P, kinds, threshold)
    counted = [g['kind'] in kinds for g in G]
    verdict, where = [], []
    cover = [[set(), set()] for _ in G]
    found = [False] * len(G)
    for i, (pz, pe) in enumerate(P):
        best = None
        for j, g in enumerate(G):
            cz, posz = inside(pz, g['nzh'], 'zh')
            if cz < contain:
                continue
            ce, pose = inside(pe, g['nen'], 'en')
            if ce < contain:
                continue
            key = (counted[j], min(cz, ce), not found[j], -j)
            if best is None or key > best[0]:
                best = (key, j, posz, pose)
        if best is None:
            verdict.append('merged' if spans_pairs(pz, pe, G, contain) else 'wrong'); where.append(None)
            continue
        _, j, posz, pose = best
        where.append(j)
        if counted[j]:
            verdict.append('correct')
            found[j] = True
            cover[j][0] |= posz
            cover[j][1] |= pose
        else:
            verdict.append('neutral')
    gold_idx = [j for j in range(len(G)) if counted[j]]
    cov = []
    for j in gold_idx:
        g = G[j]
        cov.append((len(cover[j][0]) / max(1, len(g['nzh'])), len(cover[j][1]) / max(1, len(g['nen']))))
    by_kind = defaultdict(lambda: [0, 0])
    for j in gold_idx:
        by_kind[G[j]['kind']][0] += 1
        by_kind[G[j]['kind']][1] += found[j]
    return dict(tp=tp, fp=fp, fn=fn, ignored=ign, rows=len(rows),
                correct=verdict.count('correct'), neutral=verdict.count('neutral'),
                wrong=verdict.count('wrong') + verdict.count('merged'), merged=verdict.count('merged'),
                gold=len(gold_idx), found=sum(found[j] for j in gold_idx),
                cov_zh=sum(c[0] for c in cov), cov_en=sum(c[1] for c in cov),
                full=sum(1 for c in cov if c[0] >= 0.9 and c[1] >= 0.9),
                by_kind={k: v for k, v in sorted(by_kind.items())},
                _verdict=verdict, _where=where, _found=found, _counted=counted, _G=G, _used_p=used_p,
                _used_g=used_g)


def removed_gold_lines(G, rejected, kinds, raw_lines):
    """Non-blank gold lines (of counted kinds) that rejected.jsonl removed, by reason; and the number of gold
    pairs that lost a whole side (every non-blank line of its zh range, or of its en range, removed)."""
    rej = {}
    for j in rejected:
        rej.setdefault(j['line'], f"{j['stage']}:{j['reason']}")
    text = lambda l: 0 < l <= len(raw_lines) and raw_lines[l - 1].strip()
    lines, lost = set(), 0
    for g in G:
        if g['kind'] not in kinds or 'zh_lines' not in g:
            continue
        side_lost = False
        for a, b in (g['zh_lines'], g['en_lines']):
            ls = {l for l in range(a, b + 1) if text(l)}
            lines |= ls
            side_lost |= bool(ls) and all(l in rej for l in ls)
        lost += side_lost
    by_reason = Counter(rej[l] for l in lines if l in rej)
    return len(lines), sum(by_reason.values()), by_reason, lost


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('pages_dir')
    ap.add_argument('gold')
    ap.add_argument('--bin', default=os.environ.get('CLEANALIGN_BIN') or shutil.which('cleanalign'))
    ap.add_argument('--kinds', default=DEFAULT_KINDS)
    ap.add_argument('--threshold', type=float, default=0.8)
    ap.add_argument('--contain', type=float, default=0.8)
    ap.add_argument('--separate', action='store_true')
    ap.add_argument('--pred')
    ap.add_argument('--keep')
    ap.add_argument('--show-misses', action='store_true')
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--no-fold', action='store_true', help='compare Chinese without folding to Simplified')
    a = ap.parse_args()
    if not a.no_fold:
        load_fold()
    kinds = set(k for k in a.kinds.split(',') if k)
    gold = read_gold(a.gold)
    pages = sorted(f for f in os.listdir(a.pages_dir)
                   if os.path.isfile(os.path.join(a.pages_dir, f)) and f in gold)
    missing = sorted(set(gold) - set(pages))
    if missing:
        sys.exit(f'gold pages not in {a.pages_dir}: {missing}')

    workdir = a.keep or tempfile.mkdtemp(prefix='score_bilingual.')
    os.makedirs(workdir, exist_ok=True)
    if a.pred:
        res = dict(rows=defaultdict(list), cross=Counter(), rejected=defaultdict(list), kept=Counter(), stderr='',
                   exit=None)
        for r in read_tsv(a.pred):
            if len(r) >= 3 and (r[0], r[1], r[2]) != ('page', 'zh', 'en'):
                res['rows'][r[0]].append(dict(zh=r[1], en=r[2]))
    else:
        if not a.bin or not os.path.exists(a.bin):
            sys.exit('no cleanalign binary: pass --bin PATH or set CLEANALIGN_BIN')
        if a.separate:
            res = None
            for k, pg in enumerate(pages):
                r1 = run_pipeline(a.bin, a.pages_dir, [pg], workdir, f'-{k:02d}')
                if res is None:
                    res = r1
                else:
                    for key in ('rows', 'rejected'):
                        res[key].update(r1[key])
                    res['cross'].update(r1['cross']); res['kept'].update(r1['kept'])
        else:
            res = run_pipeline(a.bin, a.pages_dir, pages, workdir, '')
    pred_path = os.path.join(workdir, 'PRED.tsv')
    with open(pred_path, 'w', encoding='utf-8') as f:
        f.write('page\tzh\ten\n')
        for pg in pages:
            for r in res['rows'][pg]:
                f.write(f"{pg}\t{r['zh'].replace(chr(9), ' ').replace(chr(10), ' ')}\t"
                        f"{r['en'].replace(chr(9), ' ').replace(chr(10), ' ')}\n")

    report = dict(pages_dir=os.path.abspath(a.pages_dir), gold=os.path.abspath(a.gold), bin=a.bin,
                  kinds=sorted(kinds), threshold=a.threshold, contain=a.contain, script_fold=not a.no_fold,
                  mode='pred' if a.pred else ('separate' if a.separate else 'batch'), pages={})
    tot = Counter()
    kind_tot = defaultdict(lambda: [0, 0])
    misses = []
    for pg in pages:
        rows = res['rows'][pg]
        # the PRED.tsv text is what the shared scorer reads: use it (tabs/newlines flattened) for identity
        rows = [dict(zh=r['zh'].replace('\t', ' ').replace('\n', ' '), en=r['en'].replace('\t', ' ').replace('\n', ' '))
                for r in rows]
        s = score_page(gold[pg], rows, kinds, a.threshold, a.contain)
        with open(os.path.join(a.pages_dir, pg), 'rb') as f:
            raw_lines = [l.rstrip('\r') for l in f.read().decode('utf-8', 'replace').split('\n')]
        nl, nrm, by_reason, lost = removed_gold_lines(s['_G'], res['rejected'][pg], kinds, raw_lines)
        p, r, f1 = prf(s['tp'], s['fp'], s['fn'])
        rej_reasons = Counter(f"{j['stage']}:{j['reason']}" for j in res['rejected'][pg])
        page_rep = dict(rows=s['rows'], correct=s['correct'], neutral=s['neutral'], wrong=s['wrong'], merged=s['merged'],
                        rows_correct_share=(s['correct'] / (s['correct'] + s['wrong']) if s['correct'] + s['wrong'] else None),
                        gold=s['gold'], found=s['found'],
                        found_share=(s['found'] / s['gold'] if s['gold'] else None),
                        coverage_zh=(s['cov_zh'] / s['gold'] if s['gold'] else None),
                        coverage_en=(s['cov_en'] / s['gold'] if s['gold'] else None),
                        fully_covered=s['full'], found_by_kind=s['by_kind'],
                        pair_tp=s['tp'], pair_fp=s['fp'], pair_fn=s['fn'], pair_ignored=s['ignored'],
                        pair_P=p, pair_R=r, pair_F1=f1, cross_page_rows=res['cross'][pg],
                        raw_nonempty_lines=sum(1 for l in raw_lines if l.strip()), kept_lines=res['kept'].get(pg),
                        rejected_lines=len(res['rejected'][pg]), rejected_by_reason=dict(rej_reasons.most_common()),
                        gold_lines=nl, gold_lines_removed=nrm, gold_lines_removed_by_reason=dict(by_reason.most_common()),
                        gold_pairs_with_a_side_removed=lost)
        report['pages'][pg] = page_rep
        for k in ('rows', 'correct', 'neutral', 'wrong', 'merged', 'gold', 'found', 'cov_zh', 'cov_en', 'full', 'tp', 'fp',
                  'fn', 'ignored'):
            tot[k] += s[k]
        tot['cross'] += res['cross'][pg]
        tot['gold_lines'] += nl
        tot['gold_lines_removed'] += nrm
        tot['lost'] += lost
        for k, (n, fd) in s['by_kind'].items():
            kind_tot[k][0] += n; kind_tot[k][1] += fd
        if a.show_misses:
            G = s['_G']
            for j, g in enumerate(G):
                if s['_counted'][j] and not s['_found'][j]:
                    misses.append(f"MISS\t{pg}\t{g['kind']}\t{g.get('zh_lines', ('', ''))[0]}\t{g['zh'][:30]}\t{g['en'][:50]}")
            for i, (row, v) in enumerate(zip(rows, s['_verdict'])):
                if v in ('wrong', 'merged'):
                    misses.append(f"{v.upper()}\t{pg}\t{row['zh'][:40]}\t{row['en'][:60]}")
    P_, R_, F_ = prf(tot['tp'], tot['fp'], tot['fn'])
    report['all'] = dict(rows=tot['rows'], correct=tot['correct'], neutral=tot['neutral'], wrong=tot['wrong'],
                         merged=tot['merged'],
                         rows_correct_share=(tot['correct'] / (tot['correct'] + tot['wrong']) if tot['correct'] + tot['wrong'] else None),
                         gold=tot['gold'], found=tot['found'], found_share=tot['found'] / tot['gold'] if tot['gold'] else None,
                         coverage_zh=tot['cov_zh'] / tot['gold'] if tot['gold'] else None,
                         coverage_en=tot['cov_en'] / tot['gold'] if tot['gold'] else None,
                         fully_covered=tot['full'], found_by_kind={k: v for k, v in sorted(kind_tot.items())},
                         pair_tp=tot['tp'], pair_fp=tot['fp'], pair_fn=tot['fn'], pair_ignored=tot['ignored'],
                         pair_P=P_, pair_R=R_, pair_F1=F_, cross_page_rows=tot['cross'],
                         gold_lines=tot['gold_lines'], gold_lines_removed=tot['gold_lines_removed'],
                         gold_pairs_with_a_side_removed=tot['lost'])
    report['pred_tsv'] = pred_path if a.keep else None
    if not a.keep:
        shutil.rmtree(workdir, ignore_errors=True)

    if a.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    pct = lambda x: '   -' if x is None else f'{100 * x:4.0f}'
    print(f"# {report['pages_dir']}  gold={os.path.basename(a.gold)}  kinds={a.kinds}  mode={report['mode']}"
          + (f"  bin={a.bin}" if not a.pred else f"  pred={a.pred}"))
    hdr = ('page', 'rows', 'corr', 'neut', 'wrong', 'mrg', 'corr%', 'gold', 'found', 'fnd%', 'covZH', 'covEN', 'P', 'R',
           'F1', 'xpg', 'kept/raw', 'goldLnRm')
    print('{:<26}{:>5}{:>5}{:>5}{:>6}{:>4}{:>6}{:>5}{:>6}{:>5}{:>6}{:>6}{:>6}{:>6}{:>6}{:>4}{:>10}{:>9}'.format(*hdr))
    for pg, d in list(report['pages'].items()) + [('ALL', report['all'])]:
        kept = '' if pg == 'ALL' or d.get('kept_lines') is None else f"{d['kept_lines']}/{d['raw_nonempty_lines']}"
        print('{:<26}{:>5}{:>5}{:>5}{:>6}{:>4}{:>6}{:>5}{:>6}{:>5}{:>6}{:>6}{:>6.3f}{:>6.3f}{:>6.3f}{:>4}{:>10}{:>9}'.format(
            pg[:25], d['rows'], d['correct'], d['neutral'], d['wrong'], d['merged'], pct(d['rows_correct_share']), d['gold'],
            d['found'], pct(d['found_share']), pct(d['coverage_zh']), pct(d['coverage_en']), d['pair_P'],
            d['pair_R'], d['pair_F1'], d['cross_page_rows'], kept, '-' if a.pred else f"{d['gold_lines_removed']}/{d['gold_lines']}"))
    print('found by kind: ' + '  '.join(f'{k} {v[1]}/{v[0]}' for k, v in report['all']['found_by_kind'].items()))
    if not a.pred:
        print('removed lines by reason (all lines / gold lines):')
        for pg, d in report['pages'].items():
            allr = ', '.join(f'{k} {v}' for k, v in d['rejected_by_reason'].items()) or '-'
            gr = ', '.join(f'{k} {v}' for k, v in d['gold_lines_removed_by_reason'].items()) or '-'
            print(f'  {pg}: {allr}  ||  gold: {gr}; pairs with a side removed: {d["gold_pairs_with_a_side_removed"]}')
    for m in misses:
        print(m)


if __name__ == '__main__':
    main()
