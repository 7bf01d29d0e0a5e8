//! The batch engine: how a run walks its inputs without holding the corpus in memory.
//!
//! * **Pass 1 — statistics.** Every input is decoded and repaired, and only the hashes of its lines are kept,
//!   to count in how many documents each line occurs (CCNet-style boilerplate evidence).
//! * **Pass 2 — cleaning.** Every input is decoded and repaired again (cheaper than keeping every document in
//!   memory between the passes), cleaned with those counts, and handed to a [`DocSink`] in input order. Only
//!   what alignment needs — the sentences of Chinese and English documents — is kept.
//! * **Pass 3 — alignment.** Documents that translate each other are paired and aligned into corpus rows.
//!
//! Inputs are processed in chunks of [`CHUNK`] documents, in parallel inside a chunk and collected in order, so
//! memory is bounded by the chunk and the output never depends on the number of threads.

use crate::align::{pairing::DocForPairing, Aligner};
use crate::doc::Document;
use crate::engine::output::{CorpusRow, InputFailure};
use crate::pipeline::{progress_bar, Input, Pipeline};
use crate::stages::boilerplate::line_key;
use crate::stages::decode::InputError;
use crate::text::Lang;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;

/// Documents processed together in one parallel step.
pub const CHUNK: usize = 256;

/// Where an input's bytes come from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    File(&'a Input),
    Bytes { id: &'a str, bytes: &'a [u8] },
}

impl Source<'_> {
    pub fn id(&self) -> &str {
        match self {
            Source::File(input) => &input.id,
            Source::Bytes { id, .. } => id,
        }
    }

    /// How the input is named in error messages: its path, or its id.
    pub fn label(&self) -> String {
        match self {
            Source::File(input) => input.path.display().to_string(),
            Source::Bytes { id, .. } => id.to_string(),
        }
    }
}

/// Receives the results of pass 2, in input order.
pub trait DocSink {
    fn document(&mut self, doc: Document) -> std::io::Result<()>;
    fn failure(&mut self, id: &str, label: &str, error: &InputError) -> std::io::Result<()>;
}

/// Counts over the whole batch, for `report.json`.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Tally {
    pub documents: usize,
    pub bytes_in: u64,
    pub raw_lines: usize,
    pub blank_lines: usize,
    pub kept_lines: usize,
    pub rejected_rows: usize,
    pub changed_lines: BTreeMap<&'static str, usize>,
    pub removed_by_reason: BTreeMap<String, usize>,
    pub removed_by_stage: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn add(&mut self, doc: &Document) {
        self.documents += 1;
        self.bytes_in += doc.bytes;
        self.raw_lines += doc.stats.raw_lines;
        self.blank_lines += doc.stats.blank_lines;
        self.kept_lines += doc.lines.len();
        self.rejected_rows += doc.rejects.len();
        for (stage, n) in &doc.stats.changed {
            *self.changed_lines.entry(stage).or_default() += n;
        }
        for r in &doc.rejects {
            *self.removed_by_reason.entry(r.reason.clone()).or_default() += 1;
            *self.removed_by_stage.entry(r.stage).or_default() += 1;
        }
    }
}

/// What a batch produced besides the documents themselves.
#[derive(Debug, Default)]
pub struct BatchOutcome {
    pub failures: Vec<InputFailure>,
    pub corpus: Vec<CorpusRow>,
    /// Paired documents: (zh id, en id, pairing score).
    pub doc_pairs: Vec<(String, String, f64)>,
    /// Aligned beads left out of the corpus for scoring below `align.min_bead_score`.
    pub beads_below_min_score: usize,
    pub tally: Tally,
    pub timings_ms: BTreeMap<&'static str, u128>,
}

/// What alignment keeps of a cleaned document.
struct AlignDoc {
    id: String,
    lang: Lang,
    sentences: Vec<String>,
    /// For a page holding both Chinese and English lines: the sentences of every line in page order, each
    /// segmented by its own language (an interleaved bilingual page is aligned from these); else empty.
    mixed: Vec<String>,
}

impl Pipeline {
    /// Read and prepare (decode and repair) one input.
    fn load(&self, source: Source) -> Result<Document, InputError> {
        match source {
            Source::File(input) => {
                let bytes = self.read_input(input)?;
                self.prepare(&input.id, input.path.clone(), &bytes)
            }
            Source::Bytes { id, bytes } => self.prepare(id, id.into(), bytes),
        }
    }

    /// Run the three passes over `sources`, giving every cleaned document (or failure) to `sink` in order.
    pub fn run_batch(
        &self,
        sources: &[Source],
        sink: &mut dyn DocSink,
        progress: bool,
    ) -> std::io::Result<BatchOutcome> {
        let mut outcome = BatchOutcome::default();
        // Two inputs with one stem would write one docs/<stem>.txt: the first one wins, the others fail.
        let mut seen = HashSet::new();
        let duplicate: Vec<bool> = sources
            .iter()
            .map(|s| !seen.insert(s.id().to_string()))
            .collect();

        // The dictionary takes about half a second to load; on a machine with spare cores that happens
        // while the batch is being cleaned instead of before alignment starts.
        if let Some(aligner) = self.aligner() {
            aligner.warm_up_in_background();
        }

        // Pass 1: statistics.
        let started = Instant::now();
        let pb = progress_bar(progress, sources.len(), "scan");
        let mut failed: Vec<Option<InputError>> = vec![None; sources.len()];
        let mut doc_freq: HashMap<u64, u32> = HashMap::new();
        let mut loaded = 0u32;
        for start in (0..sources.len()).step_by(CHUNK) {
            let end = (start + CHUNK).min(sources.len());
            let keys: Vec<Result<Vec<u64>, InputError>> = (start..end)
                .into_par_iter()
                .map(|i| {
                    let result = if duplicate[i] {
                        Err(InputError::DuplicateStem(sources[i].id().to_string()))
                    } else {
                        self.load(sources[i]).map(|doc| {
                            let mut keys: Vec<u64> =
                                doc.lines.iter().map(|l| line_key(&l.text)).collect();
                            keys.sort_unstable();
                            keys.dedup();
                            keys
                        })
                    };
                    pb.inc(1);
                    result
                })
                .collect();
            for (i, result) in (start..end).zip(keys) {
                match result {
                    Ok(keys) => {
                        loaded += 1;
                        for key in keys {
                            *doc_freq.entry(key).or_default() += 1;
                        }
                    }
                    Err(e) => failed[i] = Some(e),
                }
            }
        }
        pb.finish_and_clear();
        outcome
            .timings_ms
            .insert("scan", started.elapsed().as_millis());

        // Pass 2: cleaning.
        let started = Instant::now();
        let pb = progress_bar(progress, sources.len(), "clean");
        let mut align_docs = Vec::new();
        for start in (0..sources.len()).step_by(CHUNK) {
            let end = (start + CHUNK).min(sources.len());
            let cleaned: Vec<Option<Result<Document, InputError>>> = (start..end)
                .into_par_iter()
                .map(|i| {
                    let result = failed[i].is_none().then(|| {
                        self.load(sources[i]).map(|mut doc| {
                            let freq: Vec<u32> = doc
                                .lines
                                .iter()
                                .map(|l| doc_freq.get(&line_key(&l.text)).copied().unwrap_or(1))
                                .collect();
                            self.clean(&mut doc, &freq, loaded);
                            doc
                        })
                    });
                    pb.inc(1);
                    result
                })
                .collect();
            for (i, result) in (start..end).zip(cleaned) {
                let error = match result {
                    Some(Ok(doc)) => {
                        outcome.tally.add(&doc);
                        if matches!(doc.lang, Lang::Zh | Lang::En) && !doc.sentences.is_empty() {
                            align_docs.push(AlignDoc {
                                id: doc.id.clone(),
                                lang: doc.lang,
                                sentences: doc.sentences.clone(),
                                mixed: mixed_sentences(&doc),
                            });
                        }
                        sink.document(doc)?;
                        continue;
                    }
                    // The file changed or vanished between the passes.
                    Some(Err(e)) => e,
                    None => failed[i]
                        .take()
                        .unwrap_or(InputError::Io("unknown failure".into())),
                };
                let label = sources[i].label();
                sink.failure(sources[i].id(), &label, &error)?;
                outcome.failures.push(InputFailure {
                    file: label,
                    error: error.to_string(),
                });
            }
        }
        pb.finish_and_clear();
        outcome
            .timings_ms
            .insert("clean", started.elapsed().as_millis());

        // Pass 3: alignment.
        let started = Instant::now();
        if let Some(aligner) = self.aligner() {
            let (corpus, pairs, below) = align_batch(aligner, &align_docs, progress);
            outcome.corpus = corpus;
            outcome.doc_pairs = pairs;
            outcome.beads_below_min_score = below;
        }
        outcome
            .timings_ms
            .insert("align", started.elapsed().as_millis());
        Ok(outcome)
    }

    /// Process documents given as bytes, in memory (tests, library users): the cleaned documents, the inputs
    /// that failed, and the corpus rows.
    pub fn process_bytes(
        &self,
        inputs: &[(String, Vec<u8>)],
    ) -> (Vec<Document>, Vec<(String, InputError)>, Vec<CorpusRow>) {
        let sources: Vec<Source> = inputs
            .iter()
            .map(|(id, bytes)| Source::Bytes { id, bytes })
            .collect();
        let mut sink = MemorySink::default();
        match self.run_batch(&sources, &mut sink, false) {
            Ok(outcome) => (sink.docs, sink.failures, outcome.corpus),
            // The memory sink never fails; keep what was collected.
            Err(_) => (sink.docs, sink.failures, Vec::new()),
        }
    }
}

/// Collects documents in memory.
#[derive(Default)]
pub struct MemorySink {
    pub docs: Vec<Document>,
    pub failures: Vec<(String, InputError)>,
}

impl DocSink for MemorySink {
    fn document(&mut self, doc: Document) -> std::io::Result<()> {
        self.docs.push(doc);
        Ok(())
    }

    fn failure(&mut self, id: &str, _label: &str, error: &InputError) -> std::io::Result<()> {
        self.failures.push((id.to_string(), error.clone()));
        Ok(())
    }
}

/// Pair documents and align each pair into corpus rows (ids numbered from 1 in pair order), then align the
/// two languages of each interleaved bilingual page that is in no pair. Also returns the number of beads
/// left out for scoring below `min_bead_score`.
fn align_batch(
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
fn mixed_sentences(doc: &crate::doc::Document) -> Vec<String> {
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
