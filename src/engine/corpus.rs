//! Pass 3 of a batch: documents that translate each other are paired and aligned into corpus rows, and a page
//! that alternates Chinese and English passages is aligned with itself.

use super::output::{CorpusRow, RowKind};
use super::progress::{progress_bar, ProgressMode};
use crate::align::pairing::{DocForPairing, PageUnit};
use crate::align::Aligner;
use crate::stages::bilingual::{is_term, BilingualUnit};
use crate::text::Lang;
use rayon::prelude::*;

/// What alignment keeps of a cleaned document.
pub(super) struct AlignDoc {
    /// Its id, language, sentences and url, as pairing reads them.
    pub(super) doc: DocForPairing,
    pub(super) lang: Lang,
    /// For a page holding both Chinese and English: its units in page order (sentences of either language,
    /// pairs found on one line), from which it is aligned with itself; else empty.
    pub(super) page: Vec<BilingualUnit>,
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

/// Pair documents and turn each pair's alignment into corpus rows, then align the two languages of each
/// interleaved bilingual page that is in no pair.
pub(super) fn align_batch(
    aligner: &Aligner,
    docs: Vec<AlignDoc>,
    progress: ProgressMode,
) -> Aligned {
    let mut langs = Vec::with_capacity(docs.len());
    let mut pages = Vec::with_capacity(docs.len());
    let mut for_pairing = Vec::with_capacity(docs.len());
    for d in docs {
        langs.push(d.lang);
        pages.push(d.page);
        for_pairing.push(d.doc);
    }
    // Pairing aligns every candidate pair, which is nearly all of this pass's work; it reports as one step.
    let pb = progress_bar(progress, 1, "align");
    let pairing = aligner.pair_documents(&for_pairing);
    pb.inc(1);
    pb.finish_and_clear();
    let lang_of = |i: usize| langs.get(i).copied().unwrap_or(Lang::Other);
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
    let interleaved: Vec<(usize, f64, (Vec<CorpusRow>, usize))> = pages
        .par_iter()
        .enumerate()
        .filter(|(i, page)| !paired.contains(i) && !page.is_empty())
        .filter_map(|(i, page)| {
            let id = &for_pairing.get(i)?.id;
            let (rows, score) = page_rows(aligner, id, page)?;
            Some((i, score, rows))
        })
        .collect();
    let mut out = Aligned::default();
    for (r, n) in per_pair
        .into_iter()
        .chain(interleaved.iter().map(|x| x.2.clone()))
    {
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
                .filter_map(|&(i, score, _)| Some((id(i)?, id(i)?, score))),
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
