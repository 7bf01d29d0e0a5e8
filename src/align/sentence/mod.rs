//! Monotone m-n sentence alignment of one document pair: a banded dynamic program over beads.
//!
//! What it does: given the sentences of a source and a target document, it returns beads (groups of
//! consecutive sentences, 0..=4 per side) that cover every sentence of both sides exactly once, in order.
//! Each bead is scored in [0, 1] from three kinds of evidence:
//! - **length agreement**, normalised by this document pair's own character ratio (Chinese needs about a
//!   quarter of the characters English does, German and French are close to 1: the ratio is measured, never
//!   assumed);
//! - **lexical evidence**: which content tokens on each side have a counterpart on the other side. For zh<->en a
//!   counterpart is a CC-CEDICT gloss lemma, or a romanised name: the toneless pinyin of 1-3 Chinese characters
//!   equal to a capitalised English word ("Wang Miao", "Bao-yu"); for other pairs (or with the lexicon off) it
//!   is an identical token or a shared 5-letter prefix (cognates such as *expédition*/*Expedition*);
//! - **anchors**: numbers and Latin words (inside Chinese text too) that occur on both sides, and question
//!   marks, exclamation marks and ellipses (`？`/`?`): a sentence's mood usually survives translation, and
//!   in dialogue it tells where a 1-2 bead ends (MAC-dev 0.865 -> 0.872);
//! - **associations learned from the pair itself**: after a first alignment, words that co-occur in at least
//!   two confident beads with a Dice coefficient of 0.5 or more (names, terms, and for pairs without a
//!   dictionary, frequent word translations) become counterparts, and the spread of length ratios is
//!   measured on those beads; a second alignment uses both.
//!
//! Evidence is additive, in nats: every content token contributes the log-likelihood ratio of "this bead
//! is a translation" against "these sentences are unrelated" for being matched or not (the chance of a
//! match in unrelated text is measured on far-off sentence pairs of the same documents, and grows with the
//! size of the other side, so bigger beads gain nothing from extra chance hits), weighted by LEX_WEIGHT, plus
//! a length term. The dynamic program maximises total evidence minus `merge_penalty` per sentence beyond two
//! in a bead and `null_penalty` per unaligned sentence (a run of unaligned sentences costs `null_penalty`
//! once plus `null_run_penalty` per further sentence, so an untranslated block goes unaligned as a whole).
//! Each scorer measures how many tokens of this document pair's beads find counterparts (the lexicon's
//! recall on this text); if that differs from the assumption, its pass re-runs with the measured value, so a
//! pair with no usable lexical evidence falls back to length. Each bead carries two values in [0, 1]:
//! `evidence`, a logistic map of its own evidence (used for learning and for document pairing), and `score`,
//! the smaller of that and a logistic map of half its margin over the best rival bead shape at the
//! same corner, so a bead whose boundaries were a close call scores low. On MAC-dev beads scoring 0.5
//! or more are 92% exactly right and the rest 81% (89% / 76% with the evidence alone); it is not a
//! probability.
//!
//! Speed: a coarse pass with beads of at most two sentences per side searches a band around the diagonal
//! (widened while the best path touches its edge); the fine passes try every bead shape only within
//! FINE_BAND sentences of the coarse path. Time and memory are O((n + m) × band) rather than O(n × m).
//! Sentence-pair evidence is computed once per cell of the band, and the per-token log-likelihood ratios
//! come from a table, so scoring a bead needs no exp or ln.
//!
//! What it never does: it never reorders sentences (crossing alignments cannot be expressed) and never
//! splits a sentence. Limits: a bead has at most `max_bead_size` sentences per side; in sentences with more
//! than 64 content tokens, tokens beyond the 64th share evidence bits, so their lexical score is slightly low.

mod band;
mod evidence;
mod learn;

pub(crate) use self::evidence::signature;
pub use self::evidence::Model;

use std::collections::HashMap;

use self::band::{shapes, touches_edge, Band};
use self::evidence::{index, pair_hits, prepare, Interner, PairHits, Sent};
use self::learn::{learn_associations, LEARN_MIN_BEAD_SCORE};
use super::Bead;

/// Tunable constants of the aligner (the user-facing subset lives in `AlignConfig`).
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Most sentences on one side of a bead.
    pub max_bead_size: usize,
    /// Nats charged per unaligned sentence.
    pub null_penalty: f64,
    /// Nats charged per further sentence of a run of unaligned sentences.
    pub null_run_penalty: f64,
    /// Nats charged per sentence beyond two in a bead.
    pub merge_penalty: f64,
    /// Smallest and largest first half-width of the band.
    pub min_band: usize,
    pub max_band: usize,
}

/// Everything the bead scorer needs for one document pair.
struct Scorer<'p> {
    src: Vec<Sent>,
    tgt: Vec<Sent>,
    /// Target characters per source character over the whole pair.
    ratio: f64,
    /// Spread of log length ratios of this pair's translations (LEN_SIGMA until measured).
    len_sigma: f64,
    params: &'p Params,
    /// Chance that one source token finds a counterpart in one target token (and the reverse), estimated on
    /// sentence pairs that are surely not translations.
    q_src: f64,
    q_tgt: f64,
    /// Share of a translation's tokens that find their counterpart through the lexicon (or as identical
    /// tokens), per side.
    recall_src: f64,
    recall_tgt: f64,
    /// Per-token log-likelihood ratios for a matched / unmatched token, indexed by the number of content
    /// tokens on the other side of the bead (capped at LLR_TABLE - 1): `(src matched, src unmatched,
    /// tgt matched, tgt unmatched)`. Rebuilt whenever recall changes, so scoring needs no exp or ln.
    llr: Vec<[f64; 4]>,
    /// Recall has been re-estimated from a first pass.
    refined: bool,
    /// Cached sentence-pair hits: row i holds target sentences `pair_lo[i]..pair_lo[i]+pairs[i].len()`.
    pair_lo: Vec<usize>,
    pairs: Vec<Vec<PairHits>>,
}

/// Width of the length-ratio distribution (log space), measured on human translations: about 0.25.
const LEN_SIGMA: f64 = 0.26;
/// Confident beads are partly confident because their lengths agree, so their spread understates that of
/// all translations; the measured spread is widened by this factor.
const SIGMA_SELECTION: f64 = 1.25;
/// Bounds of the spread measured per document pair.
const LEN_SIGMA_MIN: f64 = 0.12;
const LEN_SIGMA_MAX: f64 = 0.4;
/// Characters (in target units) added to both lengths so very short sentences are not over-penalised.
const LEN_SMOOTH: f64 = 10.0;
/// Typical chance hit rate of one token against one token of an unrelated zh-en sentence with CC-CEDICT
/// (measured on literary text: about 0.006), used as a prior.
const CHANCE_PRIOR: f64 = 0.006;
const CHANCE_PRIOR_PAIRS: f64 = 2000.0;
/// Assumed share of tokens of a true translation that find their counterpart (refined per document).
const DEFAULT_RECALL: f64 = 0.4;

impl Scorer<'_> {
    fn hits(&self, i: usize, j: usize) -> PairHits {
        if let (Some(&lo), Some(row)) = (self.pair_lo.get(i), self.pairs.get(i)) {
            if j >= lo {
                if let Some(&h) = row.get(j - lo) {
                    return h;
                }
            }
        }
        match (self.src.get(i), self.tgt.get(j)) {
            (Some(s), Some(t)) => pair_hits(s, t),
            _ => PairHits::default(),
        }
    }

    fn fill_pairs(&mut self, band: &Band) {
        let n = self.src.len();
        let m = self.tgt.len();
        let k = self.params.max_bead_size;
        self.pair_lo = Vec::with_capacity(n);
        self.pairs = Vec::with_capacity(n);
        for i in 0..n {
            // Sentence i is used by beads ending in rows i+1 ..= i+k.
            let rows = (i + 1)..=(i + k).min(n);
            let lo = rows
                .clone()
                .filter_map(|r| band.lo.get(r))
                .min()
                .copied()
                .unwrap_or(0);
            let hi = rows
                .filter_map(|r| band.hi.get(r))
                .max()
                .copied()
                .unwrap_or(0);
            let lo = lo.saturating_sub(k).min(m);
            let hi = hi.min(m).max(lo);
            let row: Vec<PairHits> = match self.src.get(i) {
                Some(s) => self.tgt[lo..hi].iter().map(|t| pair_hits(s, t)).collect(),
                None => Vec::new(),
            };
            self.pair_lo.push(lo);
            self.pairs.push(row);
        }
    }

    /// Matched and total content tokens of the bead: (source matched, source total, target matched,
    /// target total). A token matched through several sentences of the other side counts once (capped).
    fn counts(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> (f64, f64, f64, f64) {
        let src = self.src.get(i0..i1).unwrap_or(&[]);
        let tgt = self.tgt.get(j0..j1).unwrap_or(&[]);
        let mut ns = 0.0;
        let mut ms = 0.0;
        for (a, s) in src.iter().enumerate() {
            let hit: u32 = (j0..j1).map(|j| self.hits(i0 + a, j).src as u32).sum();
            ns += s.ntok as f64;
            ms += hit.min(s.ntok) as f64;
        }
        let mut nt = 0.0;
        let mut mt = 0.0;
        for (b, t) in tgt.iter().enumerate() {
            let hit: u32 = (i0..i1).map(|i| self.hits(i, j0 + b).tgt as u32).sum();
            nt += t.ntok as f64;
            mt += hit.min(t.ntok) as f64;
        }
        (ms, ns, mt, nt)
    }

    /// Re-estimate each side's recall (share of a translation's tokens that find a counterpart) from the
    /// beads of a first pass. Without usable evidence (no dictionary for the pair, or a dictionary that
    /// covers little of this text) recall falls towards 0, and with it the weight of lexical evidence, so
    /// length decides. Returns true when the estimate moved enough to be worth a second pass.
    fn refine_recall(&mut self, beads: &[Bead]) -> bool {
        let (mut ms, mut ns, mut mt, mut nt, mut p0s, mut p0t, mut k) =
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for b in beads
            .iter()
            .filter(|b| !b.src.is_empty() && !b.tgt.is_empty())
        {
            let (Some(&i0), Some(&j0)) = (b.src.first(), b.tgt.first()) else {
                continue;
            };
            let (a, c, d, e) = self.counts(i0, i0 + b.src.len(), j0, j0 + b.tgt.len());
            ms += a;
            ns += c;
            mt += d;
            nt += e;
            p0s += 1.0 - (-self.q_src * e).exp();
            p0t += 1.0 - (-self.q_tgt * c).exp();
            k += 1.0;
        }
        if k < 5.0 || ns <= 0.0 || nt <= 0.0 {
            return false;
        }
        let est = |m: f64, n: f64, p0: f64| ((m / n - p0) / (1.0 - p0).max(1e-6)).clamp(0.02, 0.9);
        let rs = est(ms, ns, p0s / k);
        let rt = est(mt, nt, p0t / k);
        let moved = (rs - self.recall_src).abs() > 0.05 || (rt - self.recall_tgt).abs() > 0.05;
        self.recall_src = rs;
        self.recall_tgt = rt;
        self.build_llr();
        moved
    }

    /// The spread of log length ratios over this pair's confident beads (a robust estimate: 1.48 times the
    /// median absolute deviation, widened by SIGMA_SELECTION), within [LEN_SIGMA_MIN, LEN_SIGMA_MAX];
    /// LEN_SIGMA with fewer than 20 confident beads.
    /// Close translations (German-French) have a narrower spread than free literary ones (Chinese-English),
    /// and a narrower spread makes length more decisive.
    fn measured_len_sigma(&self, beads: &[Bead]) -> f64 {
        let mut devs: Vec<f64> = beads
            .iter()
            .filter(|b| {
                b.evidence >= LEARN_MIN_BEAD_SCORE && !b.src.is_empty() && !b.tgt.is_empty()
            })
            .filter_map(|b| {
                let ls: f64 = b
                    .src
                    .iter()
                    .filter_map(|&i| self.src.get(i))
                    .map(|s| s.len)
                    .sum();
                let lt: f64 = b
                    .tgt
                    .iter()
                    .filter_map(|&j| self.tgt.get(j))
                    .map(|t| t.len)
                    .sum();
                let r = ((lt + LEN_SMOOTH) / (ls * self.ratio + LEN_SMOOTH)).ln();
                r.is_finite().then_some(r)
            })
            .collect();
        if devs.len() < 20 {
            return LEN_SIGMA;
        }
        devs.sort_by(|a, b| a.total_cmp(b));
        let median = devs.get(devs.len() / 2).copied().unwrap_or(0.0);
        let mut abs: Vec<f64> = devs.iter().map(|d| (d - median).abs()).collect();
        abs.sort_by(|a, b| a.total_cmp(b));
        let mad = abs.get(abs.len() / 2).copied().unwrap_or(LEN_SIGMA);
        (SIGMA_SELECTION * 1.4826 * mad).clamp(LEN_SIGMA_MIN, LEN_SIGMA_MAX)
    }

    /// Fill `llr` from the chance rates and recalls. Row k: a source token facing k target tokens, and a
    /// target token facing k source tokens.
    fn build_llr(&mut self) {
        let entry = |q: f64, k: f64, recall: f64| -> (f64, f64) {
            let p0 = (1.0 - (-q * k).exp()).clamp(1e-3, 0.9);
            let p1 = p0 + (1.0 - p0) * recall;
            ((p1 / p0).ln(), ((1.0 - p1) / (1.0 - p0)).ln())
        };
        self.llr = (0..LLR_TABLE)
            .map(|k| {
                let (a, b) = entry(self.q_src, k as f64, self.recall_src);
                let (c, d) = entry(self.q_tgt, k as f64, self.recall_tgt);
                [a, b, c, d]
            })
            .collect();
    }

    /// Evidence value of the bead made of source `i0..i1` and target `j0..j1` (both non-empty): lexical gain
    /// over chance (-1..1) plus a length log-probability term; about 0 for unrelated sentences.
    fn score(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f64 {
        let src = self.src.get(i0..i1).unwrap_or(&[]);
        let tgt = self.tgt.get(j0..j1).unwrap_or(&[]);
        let ls: f64 = src.iter().map(|s| s.len).sum::<f64>() * self.ratio;
        let lt: f64 = tgt.iter().map(|s| s.len).sum();
        let d = ((lt + LEN_SMOOTH) / (ls + LEN_SMOOTH)).ln() / self.len_sigma;

        let (ms, ns, mt, nt) = self.counts(i0, i1, j0, j1);
        // Chance coverage grows with the size of the other side: a token has more chances to hit something
        // in three sentences than in one. Each token contributes the log-likelihood ratio of "translation"
        // against "unrelated text" for being matched or not (see `build_llr`), so evidence adds up over
        // tokens and a bigger bead earns nothing from its extra chance hits.
        let last = self.llr.len().saturating_sub(1);
        let Some(ts) = self.llr.get((nt as usize).min(last)) else {
            return 0.0;
        };
        let Some(tt) = self.llr.get((ns as usize).min(last)) else {
            return 0.0;
        };
        let lex = ms * ts[0] + (ns - ms) * ts[1] + mt * tt[2] + (nt - mt) * tt[3];
        LEX_WEIGHT * lex + LEN_WEIGHT * (1.0 - 0.5 * d * d).max(-LEN_FLOOR)
    }
}

/// Rows of the log-likelihood table; beads with more tokens on one side use the last row.
const LLR_TABLE: usize = 1024;

/// Weight of the lexical log-likelihood ratio. The ratio treats tokens as independent, but they are not
/// (a gloss lemma shared by two words, a name and its pinyin, a learned association echoing the
/// dictionary), so the raw sum overstates the evidence; scaled down it stays commensurate with length and
/// the bead penalties. Both dev sets are flat between 0.35 and 0.45 and worse outside: 0.4 is the middle.
const LEX_WEIGHT: f64 = 0.4;
/// Weight of the length term (in nats per standard deviation squared).
const LEN_WEIGHT: f64 = 1.0;
/// Length alone never costs more than this: a badly measured length must not veto lexical evidence.
const LEN_FLOOR: f64 = 12.0;

/// Map the evidence value `q` of a bead to a probability-like score in [0,1].
pub fn calibrate(q: f64) -> f64 {
    1.0 / (1.0 + (-(CAL_SLOPE * (q - CAL_MID))).exp())
}
const CAL_SLOPE: f64 = 0.5;
const CAL_MID: f64 = 2.0;

/// Align two sentence lists. See the module header.
pub fn align(src: &[String], tgt: &[String], model: Model, params: &Params) -> Vec<Bead> {
    let n = src.len();
    let m = tgt.len();
    if n == 0 || m == 0 {
        let mut out: Vec<Bead> = (0..n)
            .map(|i| Bead {
                src: vec![i],
                tgt: vec![],
                score: 0.0,
                evidence: 0.0,
            })
            .collect();
        out.extend((0..m).map(|j| Bead {
            src: vec![],
            tgt: vec![j],
            score: 0.0,
            evidence: 0.0,
        }));
        return out;
    }
    let lex = match model {
        Model::Lexicon { lex, .. } => Some(lex),
        Model::Surface => None,
    };
    let mut int = Interner::new(lex);
    let (src_zh, tgt_zh) = match model {
        Model::Lexicon { zh_is_src, .. } => (zh_is_src, !zh_is_src),
        Model::Surface => (false, false),
    };
    let src_raw = prepare(src, src_zh, model, &mut int);
    let tgt_raw = prepare(tgt, tgt_zh, model, &mut int);
    let no_learning = HashMap::new();
    let mut scorer = Scorer::new(
        index(&src_raw, &no_learning),
        index(&tgt_raw, &no_learning),
        params,
    );
    let w = params
        .min_band
        .max(n.max(m) / 20)
        .min(params.max_band)
        .max(1);
    // Coarse pass: small beads in a wide band find the path (and the recall of this document pair); the
    // fine pass tries every bead shape in a narrow band around it, so time stays linear in length.
    let k = params.max_bead_size;
    // Recall is measured on the fine pass's beads: small beads alone would understate it.
    scorer.refined = true;
    let (path, _) = solve(
        &mut scorer,
        Band::diagonal(n, m, w),
        w,
        COARSE_BEAD.min(k),
        n,
        m,
    );
    let fine = |path: &[(usize, usize)]| Band::around(path, n, m, FINE_BAND);
    scorer.refined = false;
    let (path, beads) = solve(&mut scorer, fine(&path), FINE_BAND, k, n, m);
    // Second pass: words that keep landing in the same confident beads (names, terms, and for pairs without
    // a dictionary, frequent word translations) become evidence too, and the length model uses the spread
    // of length ratios measured on those beads.
    let (learned_src, learned_tgt) = learn_associations(&src_raw, &tgt_raw, &beads);
    if learned_src.is_empty() {
        let mut beads = beads;
        rescore_by_margin(&scorer, &mut beads, k);
        return beads;
    }
    let sigma = scorer.measured_len_sigma(&beads);
    let mut scorer = Scorer::new(
        index(&src_raw, &learned_src),
        index(&tgt_raw, &learned_tgt),
        params,
    );
    scorer.len_sigma = sigma;
    let (_, mut beads) = solve(&mut scorer, fine(&path), FINE_BAND, k, n, m);
    rescore_by_margin(&scorer, &mut beads, k);
    beads
}

/// Replace each aligned bead's score by one that also asks how clearly it beat its rivals. A bead's own
/// evidence says whether its sentences are translations; whether its boundaries are right shows in the
/// margin over the best other bead shape starting or ending at the same corner (net of the merge penalty).
/// The score is the smaller of the evidence's map and a logistic map of half the margin: on MAC-dev this
/// separates exactly right beads from wrong ones better than the evidence alone. Null beads keep 0.
fn rescore_by_margin(sc: &Scorer, beads: &mut [Bead], max_bead: usize) {
    let n = sc.src.len();
    let m = sc.tgt.len();
    let pen = |a: usize, b: usize| sc.params.merge_penalty * ((a + b) as f64 - 2.0).max(0.0);
    let shapes: Vec<(usize, usize)> = shapes(max_bead.max(1))
        .into_iter()
        .filter(|&(a, b)| a > 0 && b > 0 && a <= max_bead && b <= max_bead)
        .collect();
    for bead in beads.iter_mut() {
        let (Some(&i0), Some(&j0)) = (bead.src.first(), bead.tgt.first()) else {
            continue;
        };
        let (a, b) = (bead.src.len(), bead.tgt.len());
        let (i1, j1) = (i0 + a, j0 + b);
        let q = sc.score(i0, i1, j0, j1);
        bead.evidence = calibrate(q);
        let mut rival = f64::NEG_INFINITY;
        for &(x, y) in shapes.iter().filter(|&&s| s != (a, b)) {
            if i0 + x <= n && j0 + y <= m {
                rival = rival.max(sc.score(i0, i0 + x, j0, j0 + y) - pen(x, y));
            }
            if x <= i1 && y <= j1 {
                rival = rival.max(sc.score(i1 - x, i1, j1 - y, j1) - pen(x, y));
            }
        }
        let margin = q - pen(a, b) - rival;
        // A clear margin cannot make unrelated sentences look good: the score never exceeds the evidence's.
        let by_margin = if margin.is_finite() {
            1.0 / (1.0 + (-(MARGIN_SLOPE * (MARGIN_SHARE * margin - MARGIN_MID))).exp())
        } else {
            1.0
        };
        bead.score = bead.evidence.min(by_margin);
    }
}

/// The margin counts at this share against the bead's own evidence.
const MARGIN_SHARE: f64 = 0.5;
/// Logistic map of the margin-limited evidence into [0, 1].
const MARGIN_SLOPE: f64 = 1.0;
const MARGIN_MID: f64 = -0.5;

impl<'p> Scorer<'p> {
    fn new(src: Vec<Sent>, tgt: Vec<Sent>, params: &'p Params) -> Scorer<'p> {
        let ls: f64 = src.iter().map(|s| s.len).sum();
        let lt: f64 = tgt.iter().map(|s| s.len).sum();
        let ratio = if ls > 0.0 && lt > 0.0 { lt / ls } else { 1.0 };
        let mut scorer = Scorer {
            src,
            tgt,
            ratio,
            len_sigma: LEN_SIGMA,
            params,
            q_src: 0.0,
            q_tgt: 0.0,
            recall_src: DEFAULT_RECALL,
            recall_tgt: DEFAULT_RECALL,
            llr: Vec::new(),
            refined: false,
            pair_lo: Vec::new(),
            pairs: Vec::new(),
        };
        (scorer.q_src, scorer.q_tgt) = chance_rates(&scorer);
        scorer.build_llr();
        scorer
    }
}

/// Banded search: run the program in `band` with beads of up to `max_bead` sentences per side, re-estimate
/// recall once per scorer, and widen the band around the path while the path touches its edge.
fn solve(
    scorer: &mut Scorer,
    mut band: Band,
    mut w: usize,
    max_bead: usize,
    n: usize,
    m: usize,
) -> (Vec<(usize, usize)>, Vec<Bead>) {
    loop {
        scorer.fill_pairs(&band);
        let (mut path, mut beads) = run_dp(scorer, &band, max_bead, n, m);
        if !scorer.refined {
            scorer.refined = true;
            if scorer.refine_recall(&beads) {
                (path, beads) = run_dp(scorer, &band, max_bead, n, m);
            }
        }
        let full = band.cells() >= (n + 1) * (m + 1);
        if full || !touches_edge(&band, &path, m) || w >= n.max(m) {
            return (path, beads);
        }
        w = (w * 2).min(n.max(m));
        band = Band::around(&path, n, m, w);
    }
}

/// Largest bead side of the coarse pass, which only has to find the path through a wide band.
const COARSE_BEAD: usize = 2;
/// Half-width of the band around the coarse path in which the full set of bead shapes is tried.
const FINE_BAND: usize = 8;

/// Per-token-pair chance hit rates, estimated on sentence pairs far from the diagonal (almost surely not
/// translations). A document pair sharing a topic has higher chance rates, which makes its evidence count
/// for less: comparable text must not look parallel.
fn chance_rates(sc: &Scorer) -> (f64, f64) {
    let n = sc.src.len();
    let m = sc.tgt.len();
    let (mut hs, mut ht, mut denom) = (0.0, 0.0, 0.0);
    let samples = 400.min(n * m);
    for k in 0..samples {
        // Deterministic spread of pairs: source k*7919 mod n, target about half a document away.
        let i = (k * 7919) % n;
        let j = ((i * m) / n + m / 2 + (k * 104_729) % (m / 4 + 1)) % m;
        if let (Some(s), Some(t)) = (sc.src.get(i), sc.tgt.get(j)) {
            let h = pair_hits(s, t);
            hs += h.src as f64;
            ht += h.tgt as f64;
            denom += s.ntok as f64 * t.ntok as f64;
        }
    }
    // A prior worth CHANCE_PRIOR_PAIRS token pairs keeps short documents (a few sentence pairs sampled,
    // perhaps no hit at all) from believing that any hit is decisive.
    let q = |h: f64| {
        ((h + CHANCE_PRIOR * CHANCE_PRIOR_PAIRS) / (denom + CHANCE_PRIOR_PAIRS)).clamp(1e-4, 0.5)
    };
    (q(hs), q(ht))
}

/// The banded dynamic program. Returns the path of cells and the beads along it.
fn run_dp(
    sc: &Scorer,
    band: &Band,
    max_bead: usize,
    n: usize,
    m: usize,
) -> (Vec<(usize, usize)>, Vec<Bead>) {
    let shapes = shapes(max_bead.max(1));
    // Row-major storage of the band: offset[i] is where row i starts.
    let mut offset = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for i in 0..=n {
        offset.push(total);
        total += band.hi[i] + 1 - band.lo[i].min(band.hi[i] + 1);
    }
    let idx = |i: usize, j: usize| -> Option<usize> {
        if band.contains(i, j) {
            Some(offset[i] + (j - band.lo[i]))
        } else {
            None
        }
    };
    let mut best = vec![f64::NEG_INFINITY; total];
    let mut back: Vec<u8> = vec![u8::MAX; total];
    if let Some(z) = idx(0, 0) {
        best[z] = 0.0;
    }
    let null = sc.params.null_penalty;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let Some(here) = idx(i, j) else { continue };
            for (s, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = idx(i - a, j - b) else {
                    continue;
                };
                let pb = best[prev];
                if pb == f64::NEG_INFINITY {
                    continue;
                }
                let gain = if a == 0 || b == 0 {
                    let extra = (a + b).saturating_sub(1) as f64;
                    -null - extra * sc.params.null_run_penalty
                } else {
                    let q = sc.score(i - a, i, j - b, j);
                    let size = (a + b) as f64;
                    q - sc.params.merge_penalty * (size - 2.0)
                };
                let v = pb + gain;
                if v > best[here] {
                    best[here] = v;
                    back[here] = s as u8;
                }
            }
        }
    }
    // Trace back from (n, m).
    let mut path = vec![(n, m)];
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = idx(i, j) else { break };
        let Some(&(a, b)) = shapes.get(back[here] as usize) else {
            break;
        };
        if a + b > 1 && (a == 0 || b == 0) {
            // A run of unaligned sentences is written as one null bead per sentence.
            for _ in 0..a + b {
                beads.push(Bead {
                    src: if a > 0 { vec![i - 1] } else { vec![] },
                    tgt: if b > 0 { vec![j - 1] } else { vec![] },
                    score: 0.0,
                    evidence: 0.0,
                });
                i -= a.min(1);
                j -= b.min(1);
                path.push((i, j));
            }
            continue;
        }
        // Until `rescore_by_margin` runs on the final pass, the score is the evidence alone.
        let evidence = calibrate(sc.score(i - a, i, j - b, j));
        beads.push(Bead {
            src: (i - a..i).collect(),
            tgt: (j - b..j).collect(),
            score: evidence,
            evidence,
        });
        i -= a;
        j -= b;
        path.push((i, j));
    }
    if i > 0 || j > 0 {
        // Unreachable in a connected band; kept so a defect degrades to null beads instead of a panic.
        for ii in (0..i).rev() {
            beads.push(Bead {
                src: vec![ii],
                tgt: vec![],
                score: 0.0,
                evidence: 0.0,
            });
        }
        for jj in (0..j).rev() {
            beads.push(Bead {
                src: vec![],
                tgt: vec![jj],
                score: 0.0,
                evidence: 0.0,
            });
        }
    }
    beads.reverse();
    path.reverse();
    (path, beads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::lexicon::Lexicon;
    use proptest::prelude::*;

    fn params() -> Params {
        let c = crate::align::AlignConfig::default();
        Params {
            max_bead_size: c.max_bead_size,
            null_penalty: c.null_penalty,
            null_run_penalty: c.null_run_penalty,
            merge_penalty: c.merge_penalty,
            min_band: c.min_band,
            max_band: c.max_band,
        }
    }

    fn lex_model() -> Model<'static> {
        Model::Lexicon {
            lex: Lexicon::global().expect("embedded dictionary"),
            zh_is_src: true,
        }
    }

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    fn shape(beads: &[Bead]) -> Vec<(Vec<usize>, Vec<usize>)> {
        beads
            .iter()
            .map(|b| (b.src.clone(), b.tgt.clone()))
            .collect()
    }

    const ZH: [&str; 6] = [
        "我们明天早上去北京参观博物馆。",
        "他在大学学习中文，他的老师非常喜欢他。",
        "今天的天气很好，孩子们在公园里玩。",
        "这本书讲的是一个农民和他的三个儿子的故事。",
        "会议将于2024年5月在上海举行。",
        "妈妈在厨房里做饭，爸爸在看报纸。",
    ];
    const EN: [&str; 7] = [
        "Tomorrow morning we will go to Beijing to visit the museum.",
        "He studies Chinese at the university.",
        "His teacher likes him very much.",
        "The weather is fine today, and the children are playing in the park.",
        "This book tells the story of a farmer and his three sons.",
        "The meeting will be held in Shanghai in May 2024.",
        "Mother is cooking in the kitchen, and father is reading the newspaper.",
    ];

    #[test]
    fn finds_a_one_to_two_bead() {
        let beads = align(&v(&ZH), &v(&EN), lex_model(), &params());
        let expect: Vec<(Vec<usize>, Vec<usize>)> = vec![
            (vec![0], vec![0]),
            (vec![1], vec![1, 2]),
            (vec![2], vec![3]),
            (vec![3], vec![4]),
            (vec![4], vec![5]),
            (vec![5], vec![6]),
        ];
        assert_eq!(shape(&beads), expect);
        for b in &beads {
            assert!(b.score > 0.5, "translation bead scored low: {b:?}");
        }
    }

    #[test]
    fn unrelated_sentences_score_low() {
        // Same lengths, wrong order: every bead pairs sentences that are not translations.
        let zh = v(&[ZH[5], ZH[3]]);
        let en = v(&[EN[0], EN[5]]);
        for b in align(&zh, &en, lex_model(), &params()) {
            assert!(b.score < 0.3, "unrelated bead scored high: {b:?}");
        }
    }

    #[test]
    fn untranslated_sentence_gets_a_null_bead() {
        let mut zh = v(&ZH);
        // A boilerplate line with no English counterpart, between two translated sentences.
        zh.insert(3, "本网站所有内容均为原创，未经书面许可，任何单位和个人不得以任何形式转载、摘编或者复制。".into());
        let mut p = params();
        p.null_penalty = 2.0;
        let beads = align(&zh, &v(&EN), lex_model(), &p);
        assert!(shape(&beads).contains(&(vec![3], vec![])), "{beads:?}");
        assert!(shape(&beads).contains(&(vec![4], vec![4])), "{beads:?}");
    }

    #[test]
    fn surface_model_aligns_cognates_and_numbers() {
        let de = v(&[
            "Die Expedition erreichte am 12. Mai das Basislager auf 5200 Metern.",
            "Das Wetter war schlecht.",
            "Der Gipfel wurde am 29. Mai bestiegen.",
        ]);
        let fr = v(&[
            "L'expédition atteignit le camp de base à 5200 mètres le 12 mai.",
            "Le temps était mauvais.",
            "Le sommet fut atteint le 29 mai.",
        ]);
        let beads = align(&de, &fr, Model::Surface, &params());
        assert_eq!(
            shape(&beads),
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
    }

    #[test]
    fn empty_sides() {
        let beads = align(&[], &v(&["a", "b"]), Model::Surface, &params());
        assert_eq!(shape(&beads), vec![(vec![], vec![0]), (vec![], vec![1])]);
        assert!(align(&[], &[], Model::Surface, &params()).is_empty());
    }

    #[test]
    fn long_unbalanced_documents_stay_fast_and_complete() {
        // 3000 x 40: the band must widen to reach (n, m) without a full matrix.
        let src: Vec<String> = (0..3000).map(|i| format!("zeile {i} mit text")).collect();
        let tgt: Vec<String> = (0..40).map(|i| format!("ligne {i}")).collect();
        let beads = align(&src, &tgt, Model::Surface, &params());
        check_cover(&beads, src.len(), tgt.len());
    }

    fn check_cover(beads: &[Bead], n: usize, m: usize) {
        let s: Vec<usize> = beads.iter().flat_map(|b| b.src.clone()).collect();
        let t: Vec<usize> = beads.iter().flat_map(|b| b.tgt.clone()).collect();
        assert_eq!(s, (0..n).collect::<Vec<_>>());
        assert_eq!(t, (0..m).collect::<Vec<_>>());
        for b in beads {
            assert!(!(b.src.is_empty() && b.tgt.is_empty()));
            assert!((0.0..=1.0).contains(&b.score));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn every_sentence_once_in_order(
            src in proptest::collection::vec("[a-z0-9 ]{0,30}|[数字经济合作中国发展。]{0,12}", 0..40),
            tgt in proptest::collection::vec("[a-z0-9 ]{0,40}", 0..40),
            lexicon in any::<bool>(),
        ) {
            let model = if lexicon { lex_model() } else { Model::Surface };
            let beads = align(&src, &tgt, model, &params());
            check_cover(&beads, src.len(), tgt.len());
        }
    }
}
