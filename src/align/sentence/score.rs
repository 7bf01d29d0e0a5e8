//! Bead scoring: the evidence that source sentences `i0..i1` and target sentences `j0..j1` translate
//! each other (per-token log-likelihood ratios against chance, both measured on this document pair,
//! plus a length term), its calibration into [0, 1], and the final score of a bead, which also weighs
//! its margin over rival bead shapes. [`Params`] travel with the scorer because the penalties are part
//! of what a bead is worth.
//!
//! Imports only `super::evidence`, `super::band` (the bead shapes), `super::learn` (which beads are
//! confident) and `crate::align::Bead`.

use super::band::{shapes, Band};
use super::evidence::{pair_hits, PairHits, Sent};
use super::learn::LEARN_MIN_BEAD_SCORE;
use crate::align::bead::Bead;

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
pub(super) struct Scorer<'p> {
    src: Vec<Sent>,
    tgt: Vec<Sent>,
    /// Target characters per source character over the whole pair.
    ratio: f64,
    /// Spread of log length ratios of this pair's translations (LEN_SIGMA until measured).
    pub(super) len_sigma: f64,
    pub(super) params: &'p Params,
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
    /// Rows of `llr` worth building: one more than the most content tokens a bead of this pair can hold on
    /// either side (at most LLR_TABLE), so no bead is capped that the full table would not cap.
    llr_rows: usize,
    /// Recall has been re-estimated from a first pass.
    pub(super) refined: bool,
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

    pub(super) fn fill_pairs(&mut self, band: &Band) {
        let n = self.src.len();
        let m = self.tgt.len();
        let k = self.params.max_bead_size;
        // A narrower band around the path of a wider one mostly holds cells already measured.
        let old_lo = std::mem::replace(&mut self.pair_lo, Vec::with_capacity(n));
        let old_pairs = std::mem::replace(&mut self.pairs, Vec::with_capacity(n));
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
            let known = match (old_lo.get(i), old_pairs.get(i)) {
                (Some(&olo), Some(old)) => olo..olo + old.len(),
                _ => 0..0,
            };
            let row: Vec<PairHits> = match self.src.get(i) {
                Some(s) => (lo..hi)
                    .map(|j| {
                        let old = known.contains(&j).then(|| {
                            old_pairs
                                .get(i)
                                .and_then(|row| row.get(j - known.start))
                                .copied()
                        });
                        match (old.flatten(), self.tgt.get(j)) {
                            (Some(h), _) => h,
                            (None, Some(t)) => pair_hits(s, t),
                            (None, None) => PairHits::default(),
                        }
                    })
                    .collect(),
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
    pub(super) fn refine_recall(&mut self, beads: &[Bead]) -> bool {
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
    pub(super) fn measured_len_sigma(&self, beads: &[Bead]) -> f64 {
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
        self.llr = (0..self.llr_rows)
            .map(|k| {
                let (a, b) = entry(self.q_src, k as f64, self.recall_src);
                let (c, d) = entry(self.q_tgt, k as f64, self.recall_tgt);
                [a, b, c, d]
            })
            .collect();
    }

    /// Evidence value of the bead made of source `i0..i1` and target `j0..j1` (both non-empty): lexical gain
    /// over chance (-1..1) plus a length log-probability term; about 0 for unrelated sentences.
    pub(super) fn score(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f64 {
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

/// The evidence value (in nats, about 0 for unrelated sentences) that [`calibrate`] maps to `p`.
pub fn uncalibrate(p: f64) -> f64 {
    let p = p.clamp(1e-9, 1.0 - 1e-9);
    CAL_MID + (p / (1.0 - p)).ln() / CAL_SLOPE
}
const CAL_MID: f64 = 2.0;

/// Replace each aligned bead's score by one that also asks how clearly it beat its rivals. A bead's own
/// evidence says whether its sentences are translations; whether its boundaries are right shows in the
/// margin over the best other bead shape starting or ending at the same corner (net of the merge penalty).
/// The score is the smaller of the evidence's map and a logistic map of half the margin: on MAC-dev this
/// separates exactly right beads from wrong ones better than the evidence alone. Null beads keep 0.
pub(super) fn rescore_by_margin(sc: &Scorer, beads: &mut [Bead], max_bead: usize) {
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
    pub(super) fn new(src: Vec<Sent>, tgt: Vec<Sent>, params: &'p Params) -> Scorer<'p> {
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
            llr_rows: LLR_TABLE,
            refined: false,
            pair_lo: Vec::new(),
            pairs: Vec::new(),
        };
        let most_tokens = |side: &[Sent]| -> usize {
            side.windows(params.max_bead_size.clamp(1, side.len().max(1)))
                .map(|w| w.iter().map(|s| s.ntok as usize).sum::<usize>())
                .max()
                .unwrap_or(0)
        };
        let most = most_tokens(&scorer.src).max(most_tokens(&scorer.tgt));
        scorer.llr_rows = most.saturating_add(1).min(LLR_TABLE);
        (scorer.q_src, scorer.q_tgt) = chance_rates(&scorer);
        scorer.build_llr();
        scorer
    }
}

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
