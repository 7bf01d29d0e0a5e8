//! A page that carries both languages, aligned with itself: its Chinese sentences against its English
//! sentences, in page order, with the same aligner as a document pair (paragraphs alternating with their
//! translations, or one block after the other, are both monotone), and each pair found on one line (a
//! bilingual heading, a glossary entry) checked on its own.
//!
//! A bead or a line pair is kept only on the aligner's translation evidence (`pair_bead_score`), never on
//! the page's layout: a study-notes page interleaves translations with notes, a product page may quote one
//! English slogan, and only what translates goes to the corpus.
//!
//! Imports only the aligner and its config, and the bottom layer `crate::text`.

use super::super::aligner::Aligner;
use super::super::config::AlignConfig;

/// One unit of a bilingual page, as the page gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageUnit<'a> {
    Zh(&'a str),
    En(&'a str),
    /// A Chinese text and its English translation found on one line.
    Pair(&'a str, &'a str),
}

/// One pair of a page: indices into its units (a line pair is one unit on both sides) and its translation
/// evidence in [0, 1]. The evidence, not the bead's boundary margin: a page's units are whole paragraphs,
/// and merging a paragraph with its neighbour always adds evidence, so the margin says little there.
#[derive(Debug, Clone, PartialEq)]
pub struct PageBead {
    pub zh: Vec<usize>,
    pub en: Vec<usize>,
    pub score: f64,
}

/// Line pairs and beads kept on the page needed before it counts as a bilingual page at all.
const MIN_PAGE_PAIRS: usize = 2;

/// A block of line pairs is a glossary (`水厂：waterworks` / `调蓄池：detention tank` / …) when it has at least
/// this many pairs, nearly all of plausible lengths...
const GLOSSARY_MIN_PAIRS: usize = 3;
/// ...and at least this share of them carries the full translation evidence. Its other pairs then need
/// only not to contradict each other ([`GLOSSARY_MIN_EVIDENCE`], about what unrelated text scores): the
/// dictionary knows few of a field's terms, and a glossary's layout says they are pairs. Grammar notes and
/// data tables in two columns do not pass: their halves are of unrelated lengths, or do not translate.
const GLOSSARY_MIN_STRONG_SHARE: f64 = 0.3;
const GLOSSARY_MIN_EVIDENCE: f64 = 0.25;

/// Whether a block of consecutive line pairs `(unit, (evidence, score, plausible length))` is a glossary.
fn is_glossary(block: &[(usize, (f64, f64, bool))], strong: f64) -> bool {
    let n = block.len();
    let plausible = block.iter().filter(|(_, m)| m.2).count();
    let strong_pairs = block.iter().filter(|(_, m)| m.2 && m.0 >= strong).count();
    n >= GLOSSARY_MIN_PAIRS
        && plausible * 10 >= n * 9
        && strong_pairs as f64 >= GLOSSARY_MIN_STRONG_SHARE * n as f64
}

/// Cost, in nats, of leaving a paragraph of a page unaligned (a document pair's `null_penalty` is 12). Pages
/// hold much that is not translated (study notes under each paragraph, captions in one language), and the
/// aligner should leave it out rather than merge it into the next bead; measured on our tune pages.
const PAGE_NULL_PENALTY: f64 = 3.0;

/// Cost, in nats, of each unit beyond two in a bead of a page (a document pair's `merge_penalty` is 4).
/// A page's units are paragraphs, and two neighbouring paragraphs on one topic share enough words by
/// chance to make merging them look better than it is; a 2-1 bead (two short paragraphs translated as one)
/// still pays.
const PAGE_MERGE_PENALTY: f64 = 8.0;

/// Bounds on a kept pair's English length over the length expected from its Chinese (Han characters
/// times `pair_zh_en_char_ratio`, other characters one for one). A study note explaining a phrase in a
/// long Chinese sentence (`*accused of*：过去分词短语，修饰……`) shares words with it without translating it;
/// translated paragraphs, headings and terms measured on our pages stay well inside.
const PAGE_MIN_RATIO: f64 = 0.55;
const PAGE_MAX_RATIO: f64 = 4.0;

/// Whether `en` has a plausible length for a translation of `zh`.
fn plausible_length(aligner: &Aligner, zh: &str, en: &str) -> bool {
    let r0 = aligner.config().pair_zh_en_char_ratio;
    let expected: f64 = zh
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if crate::text::is_han(c) { r0 } else { 1.0 })
        .sum();
    let actual = en.chars().filter(|c| !c.is_whitespace()).count() as f64;
    expected > 0.0 && (PAGE_MIN_RATIO..=PAGE_MAX_RATIO).contains(&(actual / expected))
}

/// Align a page with itself. `None` unless at least [`MIN_PAGE_PAIRS`] of its pairs carry translation
/// evidence; otherwise the kept pairs in page order and the page's confidence (the share of its text, in
/// characters, that they hold).
pub fn align_page(aligner: &Aligner, units: &[PageUnit]) -> Option<(Vec<PageBead>, f64)> {
    let min_evidence = aligner.config().pair_bead_score;
    let (mut zh_idx, mut en_idx) = (Vec::new(), Vec::new());
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for (i, u) in units.iter().enumerate() {
        match *u {
            PageUnit::Zh(t) => {
                zh_idx.push(i);
                zh.push(t.to_string());
            }
            PageUnit::En(t) => {
                en_idx.push(i);
                en.push(t.to_string());
            }
            PageUnit::Pair(..) => {}
        }
    }
    let mut kept: Vec<PageBead> = Vec::new();
    if !zh.is_empty() && !en.is_empty() {
        let remap = |v: &[usize], idx: &[usize]| -> Vec<usize> {
            v.iter().filter_map(|&k| idx.get(k).copied()).collect()
        };
        let joined = |texts: &[String], ids: &[usize]| -> String {
            ids.iter()
                .filter_map(|&k| texts.get(k).map(String::as_str))
                .collect()
        };
        let cfg = aligner.config();
        let page_aligner = AlignConfig {
            null_penalty: PAGE_NULL_PENALTY.min(cfg.null_penalty),
            null_run_penalty: cfg.null_run_penalty.min(PAGE_NULL_PENALTY),
            merge_penalty: PAGE_MERGE_PENALTY.max(cfg.merge_penalty),
            ..cfg.clone()
        }
        .build()
        .ok();
        let page_aligner = page_aligner.as_ref().unwrap_or(aligner);
        for b in page_aligner.align(&zh, &en, "zh", "en") {
            if !b.src.is_empty()
                && !b.tgt.is_empty()
                && b.evidence >= min_evidence
                && plausible_length(aligner, &joined(&zh, &b.src), &joined(&en, &b.tgt))
            {
                kept.push(PageBead {
                    zh: remap(&b.src, &zh_idx),
                    en: remap(&b.tgt, &en_idx),
                    score: b.evidence,
                });
            }
        }
    }
    // Line pairs: each measured on its own, then judged with the block of line pairs it stands in.
    let measured: Vec<Option<(f64, f64, bool)>> = units
        .iter()
        .map(|u| match *u {
            PageUnit::Pair(z, e) => {
                let beads = aligner.align(&[z.to_string()], &[e.to_string()], "zh", "en");
                let bead = beads
                    .first()
                    .filter(|b| b.src.len() == 1 && b.tgt.len() == 1)?;
                Some((bead.evidence, bead.score, plausible_length(aligner, z, e)))
            }
            _ => None,
        })
        .collect();
    let mut i = 0;
    while i < units.len() {
        if measured[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < units.len() && measured[i].is_some() {
            i += 1;
        }
        let block: Vec<(usize, (f64, f64, bool))> =
            (start..i).filter_map(|k| Some((k, measured[k]?))).collect();
        let threshold = if is_glossary(&block, min_evidence) {
            GLOSSARY_MIN_EVIDENCE
        } else {
            min_evidence
        };
        for (k, (evidence, _, plausible)) in block {
            if evidence >= threshold && plausible {
                kept.push(PageBead {
                    zh: vec![k],
                    en: vec![k],
                    score: evidence,
                });
            }
        }
    }
    if kept.len() < MIN_PAGE_PAIRS {
        return None;
    }
    kept.sort_by_key(|b| (b.zh.first().copied(), b.en.first().copied()));
    let len = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    let unit_len = |u: &PageUnit| match *u {
        PageUnit::Zh(t) | PageUnit::En(t) => len(t),
        PageUnit::Pair(z, e) => len(z) + len(e),
    };
    let total: usize = units.iter().map(unit_len).sum();
    let mut covered = 0usize;
    for b in &kept {
        let mut ids: Vec<usize> = b.zh.iter().chain(&b.en).copied().collect();
        ids.dedup();
        covered += ids
            .iter()
            .filter_map(|&i| units.get(i))
            .map(unit_len)
            .sum::<usize>();
    }
    Some((kept, covered as f64 / total.max(1) as f64))
}
