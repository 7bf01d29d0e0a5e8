//! How well two documents explain each other: the score of a candidate pair.
//!
//! The two documents are aligned sentence by sentence, and each side's share of text that sits in beads with
//! translation evidence is measured; the pair's score is the smaller share (so a document that explains only
//! part of the other, such as a truncated copy or a short conversation inside a longer one, scores low),
//! times a length-agreement factor.
//! - A bead counts by its evidence in nats (the aligner's own scale: about 0 for unrelated sentences, 1 for
//!   a perfect length match with no shared word), mapped linearly to [0, 1] and full at [`STRONG_EVIDENCE`],
//!   so length alone never explains much. A bead of more than two sentences counts a little less for each
//!   extra sentence ([`MERGE_DISCOUNT`]): in unrelated text the aligner explains sentences it cannot match by
//!   merging them with ones it can.
//! - A sentence weighs its visible characters divided by the number of documents of its language that hold
//!   the same sentence: the lines shared by thirty support conversations from one template say little about
//!   which two of them translate each other, the lines that differ say everything.
//! - Length: English runs about `pair_zh_en_char_ratio` characters per Han character (characters of Chinese
//!   text that are not Han, such as Latin names and digits, count one for one); other pairs about 1. The
//!   ratio of the batch is measured on its confident pairs when there are enough of them (literary English
//!   runs longer than news English), the configured one is the prior. Within `pair_length_tolerance` (a log
//!   ratio) the factor is 1; beyond, it falls as a Gaussian of spread [`LENGTH_SPREAD`]: a truncated copy
//!   explains all of itself, but is too short.
//!
//! Imports only the aligner, its bead and the sentence scale below it.

use std::collections::{BTreeMap, HashMap};

use super::super::aligner::Aligner;
use super::super::bead::Bead;
use super::super::sentence::{uncalibrate, PreparedSide};
use super::DocForPairing;
use crate::text::{is_han, Lang};

/// Evidence, in nats, at which a bead counts fully.
pub(super) const STRONG_EVIDENCE: f64 = 4.0;
/// Factor per sentence beyond two in a bead.
pub(super) const MERGE_DISCOUNT: f64 = 0.75;
/// Spread (in log length ratio) of the length factor beyond the tolerance.
pub(super) const LENGTH_SPREAD: f64 = 0.15;

/// A candidate pair's score (before the length factor, its coverage) and the alignment it was measured on
/// (kept so that an accepted pair is not aligned a second time for the corpus).
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub score: f64,
    pub beads: Vec<Bead>,
}

/// Each sentence's weight, per document: its visible characters divided by the number of documents of the
/// same language that hold the same sentence (compared lower-cased, without white space).
pub(super) fn sentence_weights(docs: &[DocForPairing]) -> Vec<Vec<f64>> {
    let key = |s: &str| {
        let folded: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        xxhash_rust::xxh3::xxh3_64(folded.as_bytes())
    };
    let keys: Vec<Vec<u64>> = docs
        .iter()
        .map(|d| d.sentences.iter().map(|s| key(s)).collect())
        .collect();
    // Documents per (language, sentence): counted once per document, so a line repeated inside one page is
    // not mistaken for one shared across pages.
    let mut df: BTreeMap<&str, HashMap<u64, u32>> = BTreeMap::new();
    for (doc, ks) in docs.iter().zip(&keys) {
        let mut own: Vec<u64> = ks.clone();
        own.sort_unstable();
        own.dedup();
        let counts = df.entry(doc.lang.as_str()).or_default();
        for k in own {
            *counts.entry(k).or_default() += 1;
        }
    }
    docs.iter()
        .zip(&keys)
        .map(|(doc, ks)| {
            let counts = df.get(doc.lang.as_str());
            doc.sentences
                .iter()
                .zip(ks)
                .map(|(s, k)| {
                    let n = counts.and_then(|c| c.get(k)).copied().unwrap_or(1).max(1);
                    visible(s) as f64 / n as f64
                })
                .collect()
        })
        .collect()
}

fn visible(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// A document's length in the units the length model compares: Han characters, and every other visible
/// character (Latin names and digits inside Chinese text are written the same in the translation).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Length {
    pub(super) han: f64,
    pub(super) other: f64,
}

impl Length {
    pub(super) fn of(doc: &DocForPairing) -> Length {
        let mut len = Length::default();
        for c in doc.sentences.iter().flat_map(|s| s.chars()) {
            if is_han(c) {
                len.han += 1.0;
            } else if !c.is_whitespace() {
                len.other += 1.0;
            }
        }
        len
    }

    fn visible(&self) -> f64 {
        self.han + self.other
    }
}

/// Whether a pair is Chinese against another language (the source is Chinese, see `oriented`).
pub(super) fn zh_to_other(src: &DocForPairing, tgt: &DocForPairing) -> bool {
    Lang::from_code(&src.lang) == Some(Lang::Zh) && Lang::from_code(&tgt.lang) != Some(Lang::Zh)
}

/// How long a translation of `src` is expected to be, and how long `tgt` is.
fn expected_and_actual(zh_ratio: f64, src: Length, tgt: Length, zh_pair: bool) -> (f64, f64) {
    let expected = if zh_pair {
        zh_ratio * src.han + src.other
    } else {
        src.visible()
    };
    (expected, tgt.visible())
}

/// The characters of the other language per Han character that this pair implies (its non-Han characters
/// are set against each other one for one), when the Chinese side has Han text.
pub(super) fn implied_zh_ratio(src: Length, tgt: Length) -> Option<f64> {
    (src.han > 0.0).then(|| ((tgt.visible() - src.other) / src.han).max(0.0))
}

/// Coverage from which a pair is confident enough to measure the batch's length ratio on.
const CONFIDENT_COVERAGE: f64 = 0.6;
/// Confident pairs needed to measure the ratio; with fewer the configured prior stands.
const MIN_RATIO_SAMPLES: usize = 3;

/// The batch's characters of the other language per Han character: the median ratio implied by its
/// confident zh pairs (`(coverage, implied ratio)`, each document's best candidate only), when there are
/// enough of them; the configured prior otherwise. Kept within a factor of two of the prior.
pub(super) fn batch_zh_ratio(prior: f64, confident: &[(f64, f64)]) -> f64 {
    let mut ratios: Vec<f64> = confident
        .iter()
        .filter(|(cov, r)| *cov >= CONFIDENT_COVERAGE && r.is_finite() && *r > 0.0)
        .map(|&(_, r)| r)
        .collect();
    if ratios.len() < MIN_RATIO_SAMPLES {
        return prior;
    }
    ratios.sort_by(|a, b| a.total_cmp(b));
    let median = ratios[ratios.len() / 2];
    median.clamp(prior / 2.0, prior * 2.0)
}

/// The length factor in [0, 1]: 1 within `pair_length_tolerance` (a log ratio) of the expected length, then a
/// Gaussian of spread [`LENGTH_SPREAD`].
pub(super) fn length_factor(
    aligner: &Aligner,
    zh_ratio: f64,
    (src, tgt): (Length, Length),
    zh_pair: bool,
) -> f64 {
    let (expected, actual) = expected_and_actual(zh_ratio, src, tgt, zh_pair);
    if expected <= 0.0 || actual <= 0.0 {
        return 0.0;
    }
    let off = ((actual / expected).ln().abs() - aligner.config().pair_length_tolerance).max(0.0);
    (-off * off / (2.0 * LENGTH_SPREAD * LENGTH_SPREAD)).exp()
}

/// How far, as a log ratio, a length may stray from the expected one before the pair is not even aligned:
/// wide, because the expected ratio is measured on the batch only after the candidates are aligned, and a
/// genre's own ratio may be far from the prior.
const GATE_LOG_RATIO: f64 = 1.0;

/// Whether the pair `src`/`tgt` (Chinese as the source when one side is Chinese) is worth aligning: false when
/// either has fewer than `pair_min_sentences` sentences, or when their lengths are too far apart to be
/// translations of each other.
pub(super) fn worth_aligning(
    aligner: &Aligner,
    (src, src_len): (&DocForPairing, Length),
    (tgt, tgt_len): (&DocForPairing, Length),
) -> bool {
    let cfg = aligner.config();
    let count = |d: &DocForPairing| {
        d.sentences
            .iter()
            .filter(|s| !crate::text::is_blank(s))
            .count()
    };
    if count(src) < cfg.pair_min_sentences || count(tgt) < cfg.pair_min_sentences {
        return false;
    }
    let (expected, actual) = expected_and_actual(
        cfg.pair_zh_en_char_ratio,
        src_len,
        tgt_len,
        zh_to_other(src, tgt),
    );
    !(expected <= 0.0
        || actual <= 0.0
        || (actual / expected).ln().abs() > cfg.pair_length_tolerance + GATE_LOG_RATIO)
}

/// Align a pair that is [`worth_aligning`], both sides prepared, and measure how much of both it explains.
pub(super) fn measure_pair(
    aligner: &Aligner,
    (src, src_w): (&PreparedSide, &[f64]),
    (tgt, tgt_w): (&PreparedSide, &[f64]),
) -> Scored {
    let beads = aligner.align_prepared(src, tgt);
    let score = coverage(src_w, tgt_w, &beads);
    Scored { score, beads }
}

/// The smaller of the two sides' weighted shares of text explained by the beads (see the module header).
pub(super) fn coverage(src_w: &[f64], tgt_w: &[f64], beads: &[Bead]) -> f64 {
    let explained = |w: &[f64], ids: &[usize]| ids.iter().filter_map(|&i| w.get(i)).sum::<f64>();
    let (mut got_s, mut got_t) = (0.0, 0.0);
    for b in beads
        .iter()
        .filter(|b| !b.src.is_empty() && !b.tgt.is_empty())
    {
        let extra = (b.src.len() + b.tgt.len()).saturating_sub(2) as i32;
        let value = (uncalibrate(b.evidence) / STRONG_EVIDENCE).clamp(0.0, 1.0)
            * MERGE_DISCOUNT.powi(extra);
        got_s += value * explained(src_w, &b.src);
        got_t += value * explained(tgt_w, &b.tgt);
    }
    let total_s: f64 = src_w.iter().sum();
    let total_t: f64 = tgt_w.iter().sum();
    if total_s <= 0.0 || total_t <= 0.0 {
        return 0.0;
    }
    (got_s / total_s).min(got_t / total_t).clamp(0.0, 1.0)
}
