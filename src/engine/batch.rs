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

use super::corpus::{align_batch, AlignDoc};
use super::inputs::{read_file, Format, Loaded, RecordCursor, Source};
use super::output::{CorpusRow, DocSink, InputFailure, MemorySink};
use super::progress::{progress_bar, ProgressMode};
use crate::align::pairing::DocForPairing;
use crate::doc::Document;
use crate::pipeline::Pipeline;
use crate::stages::bilingual::page_units;
use crate::stages::boilerplate::line_key;
use crate::stages::decode::InputError;
use crate::text::Lang;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;

/// Documents processed together in one parallel step.
pub const CHUNK: usize = 256;

/// Counts over the whole batch, for `report.json`.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Tally {
    pub documents: usize,
    pub bytes_in: u64,
    pub raw_lines: usize,
    pub blank_lines: usize,
    pub kept_lines: usize,
    pub rejected_rows: usize,
    pub changed_lines: BTreeMap<String, usize>,
    pub removed_by_reason: BTreeMap<String, usize>,
    pub removed_by_stage: BTreeMap<String, usize>,
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
            add_to(&mut self.changed_lines, stage, *n);
        }
        for r in &doc.rejects {
            add_to(&mut self.removed_by_reason, &r.reason, 1);
            add_to(&mut self.removed_by_stage, r.stage, 1);
        }
    }

    /// Add the counts of another part of the batch.
    pub fn absorb(&mut self, other: &Tally) {
        self.documents += other.documents;
        self.bytes_in += other.bytes_in;
        self.raw_lines += other.raw_lines;
        self.blank_lines += other.blank_lines;
        self.kept_lines += other.kept_lines;
        self.rejected_rows += other.rejected_rows;
        for (mine, theirs) in [
            (&mut self.changed_lines, &other.changed_lines),
            (&mut self.removed_by_reason, &other.removed_by_reason),
            (&mut self.removed_by_stage, &other.removed_by_stage),
        ] {
            for (key, n) in theirs {
                add_to(mine, key, *n);
            }
        }
    }
}

fn add_to(counts: &mut BTreeMap<String, usize>, key: &str, n: usize) {
    match counts.get_mut(key) {
        Some(count) => *count += n,
        None => {
            counts.insert(key.to_string(), n);
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
    /// Documents left unpaired because two partners scored alike: (id, [(partner id, score)]).
    pub ambiguous_docs: Vec<(String, Vec<(String, f64)>)>,
    /// Aligned beads left out of the corpus for scoring below `align.min_bead_score`.
    pub beads_below_min_score: usize,
    pub tally: Tally,
    pub timings_ms: BTreeMap<&'static str, u128>,
}

/// Read and prepare (decode and repair) one document; a record's content comes `fetched` by the cursor.
fn load(
    pipeline: &Pipeline,
    source: &Source,
    fetched: Option<Result<Loaded, InputError>>,
) -> Result<Document, InputError> {
    let (loaded, path) = match source {
        Source::File(input) => (
            read_file(&pipeline.config().input, input)?,
            input.path.clone(),
        ),
        Source::Record { input, .. } => (
            fetched.unwrap_or_else(|| Err(InputError::Io("record not fetched".into())))?,
            input.path.clone(),
        ),
        Source::Failed { error, .. } => return Err(error.clone()),
        Source::Bytes { id, bytes } => return pipeline.prepare(id, (*id).into(), bytes),
    };
    let id = source.id();
    let mut doc = match &loaded.format {
        Format::Text => pipeline.prepare(id, path, &loaded.bytes)?,
        Format::Html { http_charset } => {
            pipeline.prepare_html(id, path, &loaded.bytes, http_charset.as_deref())?
        }
    };
    for (field, value) in loaded.fields {
        // The container's URL is where the page was fetched from: it replaces the page's own claim.
        if field == "url" {
            doc.meta.fields.insert(field, value);
        } else if field == "title" {
            // A record's own title stands until the boilerplate stage finds the title line.
            doc.meta.title = value;
        } else {
            doc.meta.add(&field, &value);
        }
    }
    Ok(doc)
}

/// The contents of the records among `sources[range]`, read in order through `cursor` (`None` for a file,
/// or for a document already known to fail).
fn fetch_records(
    cursor: &mut RecordCursor,
    sources: &[Source],
    range: std::ops::Range<usize>,
    skip: impl Fn(usize) -> bool,
) -> Vec<Option<Result<Loaded, InputError>>> {
    range
        .map(|i| match &sources[i] {
            Source::Record { input, number, .. } if !skip(i) => Some(cursor.fetch(input, *number)),
            _ => None,
        })
        .collect()
}

/// Run the three passes over `sources`, giving every cleaned document (or failure) to `sink` in order.
pub fn run_batch(
    pipeline: &Pipeline,
    sources: &[Source],
    sink: &mut dyn DocSink,
    progress: ProgressMode,
) -> std::io::Result<BatchOutcome> {
    let mut outcome = BatchOutcome::default();
    // Two documents with one id would write one docs/<id>.txt: the first one wins, the others fail.
    let mut seen = HashSet::new();
    let duplicate: Vec<bool> = sources
        .iter()
        .map(|s| !seen.insert(s.id().to_string()))
        .collect();

    // The dictionary takes about half a second to load; on a machine with spare cores that happens
    // while the batch is being cleaned instead of before alignment starts.
    if let Some(aligner) = pipeline.aligner() {
        aligner.warm_up_in_background();
    }

    // Pass 1: statistics.
    let started = Instant::now();
    let pb = progress_bar(progress, sources.len(), "scan");
    let mut failed: Vec<Option<InputError>> = vec![None; sources.len()];
    let mut doc_freq: HashMap<u64, u32> = HashMap::new();
    let mut loaded = 0u32;
    let mut cursor = RecordCursor::new(&pipeline.config().input);
    for start in (0..sources.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(sources.len());
        let fetched = fetch_records(&mut cursor, sources, start..end, |i| duplicate[i]);
        let keys: Vec<Result<Vec<u64>, InputError>> = (start..end)
            .zip(fetched)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(i, fetched)| {
                let result = if duplicate[i] {
                    Err(InputError::DuplicateStem(sources[i].id().to_string()))
                } else {
                    load(pipeline, &sources[i], fetched).map(|doc| {
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
    let mut cursor = RecordCursor::new(&pipeline.config().input);
    for start in (0..sources.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(sources.len());
        let fetched = fetch_records(&mut cursor, sources, start..end, |i| failed[i].is_some());
        let cleaned: Vec<Option<Result<Document, InputError>>> = (start..end)
            .zip(fetched)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(i, fetched)| {
                let result = failed[i].is_none().then(|| {
                    load(pipeline, &sources[i], fetched).map(|mut doc| {
                        let freq: Vec<u32> = doc
                            .lines
                            .iter()
                            .map(|l| doc_freq.get(&line_key(&l.text)).copied().unwrap_or(1))
                            .collect();
                        pipeline.clean(&mut doc, &freq, loaded);
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
                            doc: DocForPairing {
                                id: doc.id.clone(),
                                lang: doc.lang.code().to_string(),
                                sentences: doc.sentences.clone(),
                                url: doc.meta.fields.get("url").cloned(),
                            },
                            lang: doc.lang,
                            page: page_units(
                                &doc.lines
                                    .iter()
                                    .map(|l| l.text.as_str())
                                    .collect::<Vec<_>>(),
                            ),
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
    if let Some(aligner) = pipeline.aligner() {
        let aligned = align_batch(aligner, align_docs, progress);
        outcome.corpus = aligned.rows;
        outcome.doc_pairs = aligned.pairs;
        outcome.ambiguous_docs = aligned.ambiguous;
        outcome.beads_below_min_score = aligned.below_min_score;
    }
    outcome
        .timings_ms
        .insert("align", started.elapsed().as_millis());
    Ok(outcome)
}

/// Process documents given as bytes, in memory (tests, library users): the cleaned documents, the inputs
/// that failed, and the corpus rows.
pub fn process_bytes(
    pipeline: &Pipeline,
    inputs: &[(String, Vec<u8>)],
) -> (Vec<Document>, Vec<(String, InputError)>, Vec<CorpusRow>) {
    let sources: Vec<Source> = inputs
        .iter()
        .map(|(id, bytes)| Source::Bytes { id, bytes })
        .collect();
    let mut sink = MemorySink::default();
    match run_batch(pipeline, &sources, &mut sink, ProgressMode::None) {
        Ok(outcome) => (sink.docs, sink.failures, outcome.corpus),
        // The memory sink never fails; keep what was collected.
        Err(_) => (sink.docs, sink.failures, Vec::new()),
    }
}
