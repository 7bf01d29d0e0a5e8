//! Pass 3 of a batch: documents that translate each other are paired and aligned into corpus rows, and a page
//! that alternates Chinese and English passages is aligned with itself.

use super::output::CorpusRow;
use super::progress::progress_bar;
use crate::align::{pairing::DocForPairing, Aligner};
use crate::text::Lang;
use rayon::prelude::*;

/// What alignment keeps of a cleaned document.
pub(super) struct AlignDoc {
    pub(super) id: String,
    pub(super) lang: Lang,
    pub(super) sentences: Vec<String>,
    /// For a page holding both Chinese and English lines: the sentences of every line in page order, each
    /// segmented by its own language (an interleaved bilingual page is aligned from these); else empty.
    pub(super) mixed: Vec<String>,
}

/// Pair documents and align each pair into corpus rows (ids numbered from 1 in pair order), then align the
/// two languages of each interleaved bilingual page that is in no pair. Also returns the number of beads
/// left out for scoring below `min_bead_score`.
pub(super) fn align_batch(
    aligner: &Aligner,
    docs: &[AlignDoc],
    progress: bool,
) -> (Vec<CorpusRow>, Vec<(String, String, f64)>, usize) {
    let for_pairing: Vec<DocForPairing> = docs
        .iter()
        .map(|d| DocForPairing {
            id: d.id.clone(),
            lang: d.lang.code().to_string(),
            sentences: d.sentences.clone(),
        })
        .collect();
    let mut pairs = aligner.pair_documents(&for_pairing);
    drop(for_pairing);
    pairs.sort_by_key(|p| (p.src, p.tgt));
    let pb = progress_bar(progress, pairs.len(), "align");
    let per_pair: Vec<(Vec<CorpusRow>, usize)> = pairs
        .par_iter()
        .filter_map(|pair| {
            let src = docs.get(pair.src)?;
            let tgt = docs.get(pair.tgt)?;
            let beads = aligner.align(
                &src.sentences,
                &tgt.sentences,
                src.lang.code(),
                tgt.lang.code(),
            );
            pb.inc(1);
            Some(bead_rows(aligner, (src, src.lang), (tgt, tgt.lang), &beads))
        })
        .collect();
    pb.finish_and_clear();
    let paired: std::collections::BTreeSet<usize> =
        pairs.iter().flat_map(|p| [p.src, p.tgt]).collect();
    let interleaved: Vec<(usize, f64, (Vec<CorpusRow>, usize))> = docs
        .par_iter()
        .enumerate()
        .filter(|(i, _)| !paired.contains(i))
        .filter_map(|(i, d)| {
            let (beads, score) = aligner.align_interleaved(&d.mixed)?;
            // Rows read the page's mixed sentences, so provenance indices refer to them.
            let page = AlignDoc {
                id: d.id.clone(),
                lang: d.lang,
                sentences: d.mixed.clone(),
                mixed: Vec::new(),
            };
            Some((
                i,
                score,
                bead_rows(aligner, (&page, Lang::Zh), (&page, Lang::En), &beads),
            ))
        })
        .collect();
    let mut below = 0usize;
    let mut rows: Vec<CorpusRow> = Vec::new();
    for (r, n) in per_pair
        .into_iter()
        .chain(interleaved.iter().map(|x| x.2.clone()))
    {
        rows.extend(r);
        below += n;
    }
    for (i, row) in rows.iter_mut().enumerate() {
        row.id = i + 1;
    }
    let pair_ids = pairs
        .iter()
        .filter_map(|p| {
            Some((
                docs.get(p.src)?.id.clone(),
                docs.get(p.tgt)?.id.clone(),
                p.score,
            ))
        })
        .chain(interleaved.iter().filter_map(|&(i, score, _)| {
            let id = docs.get(i)?.id.clone();
            Some((id.clone(), id, score))
        }))
        .collect();
    (rows, pair_ids, below)
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
    (src, src_lang): (&AlignDoc, Lang),
    (tgt, tgt_lang): (&AlignDoc, Lang),
    beads: &[crate::align::Bead],
) -> (Vec<CorpusRow>, usize) {
    let join = |doc: &AlignDoc, lang: Lang, ids: &[usize]| {
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
            src_sentences: ids(&b.src),
            tgt_sentences: ids(&b.tgt),
        })
        .collect();
    (rows, below)
}
