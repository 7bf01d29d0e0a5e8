//! Pass 3 of a batch: documents that translate each other are paired and aligned into corpus rows, and a page
//! that alternates Chinese and English passages is aligned with itself.

use super::output::{CorpusRow, RowKind};
use super::progress::{progress_bar, ProgressMode};
use crate::align::{pairing::DocForPairing, Aligner};
use crate::text::Lang;
use rayon::prelude::*;

/// What alignment keeps of a cleaned document.
pub(super) struct AlignDoc {
    /// Its id, language, sentences and url, as pairing reads them.
    pub(super) doc: DocForPairing,
    pub(super) lang: Lang,
    /// For a page holding both Chinese and English lines: the sentences of every line in page order, each
    /// segmented by its own language (an interleaved bilingual page is aligned from these); else empty.
    pub(super) mixed: Vec<String>,
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
    let mut mixed = Vec::with_capacity(docs.len());
    let mut for_pairing = Vec::with_capacity(docs.len());
    for d in docs {
        langs.push(d.lang);
        mixed.push(d.mixed);
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
    let interleaved: Vec<(usize, f64, (Vec<CorpusRow>, usize))> = mixed
        .par_iter()
        .enumerate()
        .filter(|(i, _)| !paired.contains(i))
        .filter_map(|(i, page_sentences)| {
            let (beads, score) = aligner.align_interleaved(page_sentences)?;
            // Rows read the page's mixed sentences, so provenance indices refer to them.
            let page = DocForPairing {
                id: for_pairing.get(i)?.id.clone(),
                sentences: page_sentences.clone(),
                ..DocForPairing::default()
            };
            Some((
                i,
                score,
                bead_rows(aligner, (&page, Lang::Zh), (&page, Lang::En), &beads),
            ))
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

/// Every line's sentences in page order when the document has both Chinese and English lines.
pub(super) fn mixed_sentences(doc: &crate::doc::Document) -> Vec<String> {
    let has = |lang: Lang| doc.lines.iter().any(|l| l.lang == lang);
    if !(has(Lang::Zh) && has(Lang::En)) {
        return Vec::new();
    }
    doc.lines
        .iter()
        .flat_map(|l| {
            crate::stages::segment::split_sentences(&l.text, l.lang)
                .into_iter()
                .filter_map(|r| l.text.get(r).map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect()
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
