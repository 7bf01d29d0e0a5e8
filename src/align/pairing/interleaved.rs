//! A page that carries both languages, aligned with itself: its Chinese sentences against its English
//! sentences, in page order, with the same aligner as a document pair.
//!
//! Imports only the aligner, its bead and its config.

use super::super::aligner::Aligner;
use super::super::bead::Bead;
use super::super::config::AlignConfig;
use crate::text::Lang;

/// Share of a document's classified sentences the smaller language must hold for it to count as an
/// interleaved bilingual page (a Chinese page with one English slogan is not one).
const INTERLEAVED_MIN_SHARE: f64 = 0.25;

/// Which language a sentence is written in, for interleaved pages: Chinese when Han characters make up at
/// least a third of its letters, English when it has no Han at all and at least 8 Latin letters.
fn sentence_lang(s: &str) -> Option<Lang> {
    let han = s.chars().filter(|&c| crate::text::is_han(c)).count();
    let latin = s.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if han > 0 && 3 * han >= han + latin {
        Some(Lang::Zh)
    } else if han == 0 && latin >= 8 {
        Some(Lang::En)
    } else {
        None
    }
}

/// A page alternating Chinese passages and their English translations: the indices of its Chinese and
/// of its English sentences, when both languages hold at least INTERLEAVED_MIN_SHARE of the classified
/// sentences, at least `min_sentences` each, and the languages alternate at least twice (a page with one
/// English block is a page with a summary, not an interleaved translation). Sentences of neither
/// language (numbers, headings in other scripts) are left out.
pub fn interleaved_sides(
    sentences: &[String],
    min_sentences: usize,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let mut switches = 0usize;
    let mut last = None;
    for (i, s) in sentences.iter().enumerate() {
        let Some(lang) = sentence_lang(s) else {
            continue;
        };
        if last.is_some_and(|l| l != lang) {
            switches += 1;
        }
        last = Some(lang);
        if lang == Lang::Zh {
            zh.push(i);
        } else {
            en.push(i);
        }
    }
    let total = (zh.len() + en.len()) as f64;
    let small = zh.len().min(en.len());
    (small >= min_sentences.max(1)
        && small as f64 >= INTERLEAVED_MIN_SHARE * total
        && switches >= 3)
        .then_some((zh, en))
}

/// Align the Chinese and the English sentences of one interleaved page (see [`interleaved_sides`]) when
/// they pass the same coverage test as a document pair. Bead indices refer to the page's own sentences;
/// the second value is the pairing confidence.
pub(super) fn align_interleaved(
    aligner: &Aligner,
    sentences: &[String],
) -> Option<(Vec<Bead>, f64)> {
    let cfg = aligner.config();
    let (zh_idx, en_idx) = interleaved_sides(sentences, cfg.pair_min_sentences)?;
    let pick = |idx: &[usize]| -> Vec<String> {
        idx.iter()
            .filter_map(|&i| sentences.get(i).cloned())
            .collect()
    };
    let (zh, en) = (pick(&zh_idx), pick(&en_idx));
    let beads = aligner.align(&zh, &en, "zh", "en");
    let score = coverage(cfg, &beads, zh.len(), en.len());
    if score < cfg.pair_min_coverage {
        return None;
    }
    let remap = |v: &[usize], idx: &[usize]| -> Vec<usize> {
        v.iter().filter_map(|&k| idx.get(k).copied()).collect()
    };
    let beads = beads
        .into_iter()
        .map(|b| Bead {
            src: remap(&b.src, &zh_idx),
            tgt: remap(&b.tgt, &en_idx),
            score: b.score,
            evidence: b.evidence,
        })
        .collect();
    Some((beads, score))
}

/// The smaller of the two sides' shares of sentences sitting in beads scoring `pair_bead_score` or more.
fn coverage(cfg: &AlignConfig, beads: &[Bead], ns: usize, nt: usize) -> f64 {
    let mut good_s = 0usize;
    let mut good_t = 0usize;
    for b in beads {
        if !b.src.is_empty() && !b.tgt.is_empty() && b.evidence >= cfg.pair_bead_score {
            good_s += b.src.len();
            good_t += b.tgt.len();
        }
    }
    let cov_s = good_s as f64 / ns.max(1) as f64;
    let cov_t = good_t as f64 / nt.max(1) as f64;
    cov_s.min(cov_t)
}
