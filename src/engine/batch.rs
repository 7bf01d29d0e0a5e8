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
//!
//! Each pass works on any run of the batch's documents: `phases.rs` runs [`scan_pass`] and [`clean_pass`] per
//! shard (the line counts summed between them) and the alignment of `corpus.rs` across shards;
//! [`run_batch`] is the three passes over documents in memory (library users, tests).

use super::corpus::{align_batch, align_doc, AlignDoc, Aligned};
use super::inputs::{read_file, Format, Loaded, RecordCursor, Source};
use super::output::{CorpusRow, DocSink, InputFailure, MemorySink};
use super::plan::duplicate_ids;
use super::progress::{progress_bar, ProgressMode};
use crate::doc::Document;
use crate::pipeline::Pipeline;
use crate::stages::boilerplate::line_key;
use crate::stages::decode::InputError;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
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

impl BatchOutcome {
    pub(super) fn set_aligned(&mut self, aligned: Aligned) {
        self.corpus = aligned.rows;
        self.doc_pairs = aligned.pairs;
        self.ambiguous_docs = aligned.ambiguous;
        self.beads_below_min_score = aligned.below_min_score;
    }
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

/// In how many documents each line occurs (by [`line_key`]): the batch statistics of pass 1.
pub type LineCounts = HashMap<u64, u32>;

/// What pass 1 found in a run of documents.
#[derive(Debug, Default)]
pub struct Scanned {
    pub doc_freq: LineCounts,
    /// Documents that loaded (the batch size the boilerplate thresholds are relative to).
    pub loaded: u32,
    /// Per document: why it could not be loaded, if it could not.
    pub failed: Vec<Option<InputError>>,
}

/// What pass 2 produced besides the documents given to the sink.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub tally: Tally,
    pub failures: Vec<InputFailure>,
    pub(super) align_docs: Vec<AlignDoc>,
}

/// Pass 1 over `sources`: load each document (but those marked `duplicate`, which fail) and count the
/// distinct line keys of each.
pub fn scan_pass(
    pipeline: &Pipeline,
    sources: &[Source],
    duplicate: &[bool],
    progress: ProgressMode,
) -> Scanned {
    let is_duplicate = |i: usize| duplicate.get(i).copied().unwrap_or(false);
    let pb = progress_bar(progress, sources.len(), "scan");
    let mut scanned = Scanned {
        failed: vec![None; sources.len()],
        ..Scanned::default()
    };
    let mut cursor = RecordCursor::new(&pipeline.config().input);
    for start in (0..sources.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(sources.len());
        let fetched = fetch_records(&mut cursor, sources, start..end, is_duplicate);
        let keys: Vec<Result<Vec<u64>, InputError>> = (start..end)
            .zip(fetched)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(i, fetched)| {
                let result = if is_duplicate(i) {
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
                    scanned.loaded += 1;
                    for key in keys {
                        *scanned.doc_freq.entry(key).or_default() += 1;
                    }
                }
                Err(e) => scanned.failed[i] = Some(e),
            }
        }
    }
    pb.finish_and_clear();
    scanned
}

/// Pass 2 over `sources`: clean every document that did not fail in pass 1 with the batch's line counts
/// (`doc_freq` over `loaded` documents), and give it, or its failure, to `sink` in order.
pub fn clean_pass(
    pipeline: &Pipeline,
    sources: &[Source],
    mut failed: Vec<Option<InputError>>,
    (doc_freq, loaded): (&LineCounts, u32),
    sink: &mut dyn DocSink,
    progress: ProgressMode,
) -> std::io::Result<Cleaned> {
    let is_failed =
        |failed: &[Option<InputError>], i: usize| failed.get(i).is_some_and(Option::is_some);
    let pb = progress_bar(progress, sources.len(), "clean");
    let mut out = Cleaned::default();
    let mut cursor = RecordCursor::new(&pipeline.config().input);
    for start in (0..sources.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(sources.len());
        let fetched = fetch_records(&mut cursor, sources, start..end, |i| is_failed(&failed, i));
        type CleanedDoc = (Document, Option<AlignDoc>);
        let cleaned: Vec<Option<Result<CleanedDoc, InputError>>> = (start..end)
            .zip(fetched)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(i, fetched)| {
                let result = (!is_failed(&failed, i)).then(|| {
                    load(pipeline, &sources[i], fetched).map(|mut doc| {
                        let freq: Vec<u32> = doc
                            .lines
                            .iter()
                            .map(|l| doc_freq.get(&line_key(&l.text)).copied().unwrap_or(1))
                            .collect();
                        pipeline.clean(&mut doc, &freq, loaded);
                        let for_alignment = align_doc(pipeline.aligner(), &doc);
                        (doc, for_alignment)
                    })
                });
                pb.inc(1);
                result
            })
            .collect();
        for (i, result) in (start..end).zip(cleaned) {
            let error = match result {
                Some(Ok((doc, for_alignment))) => {
                    out.tally.add(&doc);
                    out.align_docs.extend(for_alignment);
                    sink.document(doc)?;
                    continue;
                }
                // The file changed or vanished between the passes.
                Some(Err(e)) => e,
                None => failed
                    .get_mut(i)
                    .and_then(Option::take)
                    .unwrap_or(InputError::Io("unknown failure".into())),
            };
            let label = sources[i].label();
            sink.failure(sources[i].id(), &label, &error)?;
            out.failures.push(InputFailure {
                file: label,
                error: error.to_string(),
            });
        }
    }
    pb.finish_and_clear();
    Ok(out)
}

/// Run the three passes over `sources` in memory, giving every cleaned document (or failure) to `sink` in
/// order. The output folder of `cleanalign run` is written by the same passes split into phases
/// (`phases.rs`).
pub fn run_batch(
    pipeline: &Pipeline,
    sources: &[Source],
    sink: &mut dyn DocSink,
    progress: ProgressMode,
) -> std::io::Result<BatchOutcome> {
    let mut outcome = BatchOutcome::default();
    let duplicate = duplicate_ids(sources.iter().map(Source::id));
    // The dictionary takes about half a second to load; on a machine with spare cores that happens
    // while the batch is being cleaned instead of before alignment starts.
    if let Some(aligner) = pipeline.aligner() {
        aligner.warm_up_in_background();
    }
    let started = Instant::now();
    let scanned = scan_pass(pipeline, sources, &duplicate, progress);
    outcome
        .timings_ms
        .insert("scan", started.elapsed().as_millis());
    let started = Instant::now();
    let cleaned = clean_pass(
        pipeline,
        sources,
        scanned.failed,
        (&scanned.doc_freq, scanned.loaded),
        sink,
        progress,
    )?;
    outcome.tally = cleaned.tally;
    outcome.failures = cleaned.failures;
    outcome
        .timings_ms
        .insert("clean", started.elapsed().as_millis());
    let started = Instant::now();
    if let Some(aligner) = pipeline.aligner() {
        let aligned = align_batch(aligner, cleaned.align_docs, progress);
        outcome.set_aligned(aligned);
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
