//! Pass 3 of a batch: documents that translate each other are paired and aligned into corpus rows, and a page
//! that alternates Chinese and English passages is aligned with itself.
//!
//! Split so that shards can share the work: what a cleaned document leaves for alignment ([`AlignDoc`], its
//! page already aligned with itself), the pairing tasks of one shard, and the assembly of every shard's
//! measurements into corpus rows. `align_batch` is the three in one go.

use super::output::{CorpusRow, RowKind};
use super::progress::{progress_bar, ProgressMode};
use crate::align::pairing::{DocForPairing, MeasuredPair, PageUnit, PairTask};
use crate::align::Aligner;
use crate::doc::Document;
use crate::stages::bilingual::{is_term, page_units, BilingualUnit};
use crate::text::Lang;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// What alignment keeps of a cleaned document: what pairing reads, and the page aligned with itself when it
/// holds both languages. Written to a clean shard's part, read back by the align phase.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct AlignDoc {
    /// Its id, language, sentences and url, as pairing reads them.
    pub(super) doc: DocForPairing,
    /// For a page holding both Chinese and English whose pairs translate: its rows aligned with itself, used
    /// when the document ends up in no pair.
    pub(super) page: Option<PageAligned>,
}

/// A page aligned with itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct PageAligned {
    rows: Vec<CorpusRow>,
    /// Beads left out for scoring below `min_bead_score`.
    below: usize,
    /// The page's confidence.
    score: f64,
}

/// What pass 3 produced.
#[derive(Debug, Default)]
pub(super) struct Aligned {
    /// Corpus rows, numbered from 1 in pair order.
    pub(super) rows: Vec<CorpusRow>,
    /// Paired documents: (source id, target id, pairing score); a bilingual page appears with itself.
    pub(super) pairs: Vec<(String, String, f64)>,
    /// Documents left unpaired because two partners scored alike: (id, [(partner id, score)]).
    pub(super) ambiguous: Vec<(String, Vec<(String, f64)>)>,
    /// Aligned beads left out for scoring below `min_bead_score`.
    pub(super) below_min_score: usize,
}

/// What alignment keeps of `doc` (during the clean pass, one document at a time): `None` for a document
/// that is neither Chinese nor English or has no sentences.
pub(super) fn align_doc(aligner: Option<&Aligner>, doc: &Document) -> Option<AlignDoc> {
    if !matches!(doc.lang, Lang::Zh | Lang::En) || doc.sentences.is_empty() {
        return None;
    }
    let page = aligner.and_then(|aligner| {
        let lines: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        let units = page_units(&lines);
        if units.is_empty() {
            return None;
        }
        let ((rows, below), score) = page_rows(aligner, &doc.id, &units)?;
        Some(PageAligned { rows, below, score })
    });
    Some(AlignDoc {
        doc: DocForPairing {
            id: doc.id.clone(),
            lang: doc.lang.code().to_string(),
            sentences: doc.sentences.clone(),
            url: doc.meta.fields.get("url").cloned(),
        },
        page,
    })
}

/// The pairing tasks of shard `shard` of `shards`: a contiguous run of all the batch's tasks, so that the
/// shards' measurements put end to end are in task order.
pub(super) fn shard_tasks(
    aligner: &Aligner,
    docs: &[DocForPairing],
    shard: usize,
    shards: usize,
) -> Vec<PairTask> {
    let tasks = aligner.pair_tasks(docs);
    let range = super::plan::shard_range(tasks.len(), shard, shards);
    tasks
        .get(range)
        .map(<[PairTask]>::to_vec)
        .unwrap_or_default()
}

/// Pair documents and align them in one go (a batch in memory).
pub(super) fn align_batch(
    aligner: &Aligner,
    docs: Vec<AlignDoc>,
    progress: ProgressMode,
) -> Aligned {
    let for_pairing: Vec<DocForPairing> = docs.iter().map(|d| d.doc.clone()).collect();
    // Pairing aligns every candidate pair, which is nearly all of this pass's work; it reports as one step.
    let pb = progress_bar(progress, 1, "align");
    let measured = aligner.measure_pairs(&for_pairing, &aligner.pair_tasks(&for_pairing));
    pb.inc(1);
    pb.finish_and_clear();
    assemble(aligner, docs, measured)
}

/// From every measured pair (in task order): decide the pairs, turn each pair's alignment into corpus rows,
/// then add the rows of each bilingual page that is in no pair.
pub(super) fn assemble(
    aligner: &Aligner,
    docs: Vec<AlignDoc>,
    measured: Vec<MeasuredPair>,
) -> Aligned {
    let mut pages = Vec::with_capacity(docs.len());
    let mut for_pairing = Vec::with_capacity(docs.len());
    for d in docs {
        pages.push(d.page);
        for_pairing.push(d.doc);
    }
    let pairing = aligner.decide_pairs(&for_pairing, measured);
    let lang_of = |i: usize| {
        for_pairing
            .get(i)
            .and_then(|d| Lang::from_code(&d.lang))
            .unwrap_or(Lang::Other)
    };
    let per_pair: Vec<(Vec<CorpusRow>, usize)> = pairing
        .pairs
        .par_iter()
        .filter_map(|pair| {
            let src = for_pairing.get(pair.src)?;
            let tgt = for_pairing.get(pair.tgt)?;
            Some(bead_rows(
                aligner,
                (src, lang_of(pair.src)),
                (tgt, lang_of(pair.tgt)),
                &pair.beads,
            ))
        })
        .collect();
    let paired: std::collections::BTreeSet<usize> =
        pairing.pairs.iter().flat_map(|p| [p.src, p.tgt]).collect();
    let interleaved: Vec<(usize, PageAligned)> = pages
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !paired.contains(i))
        .filter_map(|(i, page)| Some((i, page?)))
        .collect();
    let mut out = Aligned::default();
    for (r, n) in per_pair.into_iter().chain(
        interleaved
            .iter()
            .map(|(_, page)| (page.rows.clone(), page.below)),
    ) {
        out.rows.extend(r);
        out.below_min_score += n;
    }
    for (i, row) in out.rows.iter_mut().enumerate() {
        row.id = i + 1;
    }
    let id = |i: usize| for_pairing.get(i).map(|d| d.id.clone());
    out.pairs = pairing
        .pairs
        .iter()
        .filter_map(|p| Some((id(p.src)?, id(p.tgt)?, p.score)))
        .chain(
            interleaved
                .iter()
                .filter_map(|(i, page)| Some((id(*i)?, id(*i)?, page.score))),
        )
        .collect();
    out.ambiguous = pairing
        .ambiguous
        .iter()
        .filter_map(|a| {
            let partners = a
                .partners
                .iter()
                .filter_map(|&(p, score)| Some((id(p)?, score)))
                .collect();
            Some((id(a.doc)?, partners))
        })
        .collect();
    out
}

/// Corpus rows of a page aligned with itself (sentence indices refer to its units), the number of beads left
/// out for scoring below `min_bead_score`, and the page's confidence; `None` when too little of it
/// translates.
fn page_rows(
    aligner: &Aligner,
    id: &str,
    page: &[BilingualUnit],
) -> Option<((Vec<CorpusRow>, usize), f64)> {
    let units: Vec<PageUnit> = page
        .iter()
        .map(|u| match u {
            BilingualUnit::Sentence { text, lang } if *lang == Lang::Zh => PageUnit::Zh(text),
            BilingualUnit::Sentence { text, .. } => PageUnit::En(text),
            BilingualUnit::Pair(p) => PageUnit::Pair(&p.zh, &p.en),
        })
        .collect();
    let (beads, score) = aligner.align_page(&units)?;
    let side = |ids: &[usize], zh: bool| -> String {
        let texts: Vec<&str> = ids
            .iter()
            .filter_map(|&i| match units.get(i)? {
                PageUnit::Zh(t) | PageUnit::En(t) => Some(*t),
                PageUnit::Pair(z, e) => Some(if zh { *z } else { *e }),
            })
            .collect();
        texts.join(if zh { "" } else { " " })
    };
    let ids = |v: &[usize]| {
        v.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut below = 0;
    let mut rows = Vec::new();
    for b in beads {
        if b.score < aligner.min_bead_score() {
            below += 1;
            continue;
        }
        let (zh, en) = (side(&b.zh, true), side(&b.en, false));
        let heading = match b.zh.as_slice() {
            [i] => matches!(page.get(*i), Some(BilingualUnit::Pair(p)) if p.heading),
            _ => false,
        };
        let term = b.zh.len() == 1 && b.en.len() == 1 && !heading && is_term(&zh, &en);
        rows.push(CorpusRow {
            id: 0,
            src_doc: id.to_string(),
            tgt_doc: id.to_string(),
            src_lang: Lang::Zh.code().to_string(),
            tgt_lang: Lang::En.code().to_string(),
            src_text: zh,
            tgt_text: en,
            bead: format!("{}-{}", b.zh.len(), b.en.len()),
            score: format!("{:.4}", b.score.clamp(0.0, 1.0)),
            kind: if term {
                RowKind::Term
            } else {
                RowKind::Sentence
            },
            src_sentences: ids(&b.zh),
            tgt_sentences: ids(&b.en),
        });
    }
    Some(((rows, below), score))
}

/// Corpus rows of one aligned pair (for an interleaved page, `src` and `tgt` are the same document read
/// as Chinese and as English), and the number of beads below `min_bead_score` left out.
fn bead_rows(
    aligner: &Aligner,
    (src, src_lang): (&DocForPairing, Lang),
    (tgt, tgt_lang): (&DocForPairing, Lang),
    beads: &[crate::align::Bead],
) -> (Vec<CorpusRow>, usize) {
    let join = |doc: &DocForPairing, lang: Lang, ids: &[usize]| {
        let sep = if lang == Lang::Zh { "" } else { " " };
        ids.iter()
            .filter_map(|&i| doc.sentences.get(i).map(String::as_str))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let ids = |ids: &[usize]| {
        ids.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Null beads are not pairs, and beads the aligner is unsure of stay out of the corpus (counted).
    let aligned: Vec<&crate::align::Bead> = beads
        .iter()
        .filter(|b| !b.src.is_empty() && !b.tgt.is_empty())
        .collect();
    let kept: Vec<&crate::align::Bead> = aligned
        .iter()
        .copied()
        .filter(|b| b.score >= aligner.min_bead_score())
        .collect();
    let below = aligned.len() - kept.len();
    let rows = kept
        .into_iter()
        .map(|b| CorpusRow {
            id: 0,
            src_doc: src.id.clone(),
            tgt_doc: tgt.id.clone(),
            src_lang: src_lang.code().to_string(),
            tgt_lang: tgt_lang.code().to_string(),
            src_text: join(src, src_lang, &b.src),
            tgt_text: join(tgt, tgt_lang, &b.tgt),
            bead: format!("{}-{}", b.src.len(), b.tgt.len()),
            score: format!("{:.4}", b.score.clamp(0.0, 1.0)),
            kind: RowKind::Sentence,
            src_sentences: ids(&b.src),
            tgt_sentences: ids(&b.tgt),
        })
        .collect();
    (rows, below)
}
