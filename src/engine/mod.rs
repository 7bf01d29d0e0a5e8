//! The engine: runs a [`Pipeline`] over a whole batch of inputs and writes the output folder.
//!
//! What lives where:
//! * `inputs/`: which files of the raw folder (at any depth) are read, the documents they hold (a file, or
//!   the records of a WARC or JSONL file), and how each document's bytes are fetched;
//! * `batch.rs`: the passes over a batch (statistics, cleaning, alignment), in chunks, in input order;
//! * `corpus.rs`: document pairs and bilingual pages aligned into corpus rows;
//! * `output/`: the sinks that write `docs/`, `rejected.jsonl`, `metadata.csv` and the corpus files;
//! * `report.rs`: `report.json`, and `report.html` drawn by `report_html.rs` with the charts of `svg.rs`;
//! * `progress.rs`: progress on stderr (a bar, or JSON lines).
//!
//! The engine imports the pipeline, the stages and the bottom layers; nothing below it imports the engine.

pub mod batch;
mod corpus;
pub mod inputs;
pub mod output;
pub mod progress;
mod report;
mod report_html;
mod svg;

pub use batch::{process_bytes, run_batch};

use crate::pipeline::Pipeline;
use output::{CorpusOptions, FileSink, InputFailure};
use progress::ProgressMode;
use report::Report;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Summary returned by [`run`].
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    pub inputs: usize,
    pub documents: usize,
    pub failed: Vec<InputFailure>,
    pub skipped: Vec<String>,
    pub corpus_rows: usize,
    pub out_dir: PathBuf,
}

/// Why a run could not finish at all (per-file problems are [`InputFailure`]s, not this).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot read the input folder {path}: {source}")]
    InputDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write to the output folder {path}: {source}")]
    Output {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// Run the batch over `raw_dir` and write every output file into `out_dir`.
pub fn run(
    pipeline: &Pipeline,
    raw_dir: &Path,
    out_dir: &Path,
    progress: ProgressMode,
) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    let (inputs, mut skipped) =
        inputs::list_inputs(&pipeline.config().input, raw_dir).map_err(|source| {
            RunError::InputDir {
                path: raw_dir.to_path_buf(),
                source,
            }
        })?;
    let out_err = |source| RunError::Output {
        path: out_dir.to_path_buf(),
        source,
    };
    let mut sink = FileSink::create(out_dir).map_err(out_err)?;
    let sources = inputs::documents(&pipeline.config().input, &inputs, &mut skipped);
    let mut outcome = run_batch(pipeline, &sources, &mut sink, progress).map_err(out_err)?;
    let write_started = Instant::now();
    let corpus_options = CorpusOptions::from_config(pipeline.config());
    let digests = sink
        .finish(&outcome.corpus, &corpus_options)
        .map_err(out_err)?;
    outcome
        .timings_ms
        .insert("write", write_started.elapsed().as_millis());
    let report = Report::new(
        pipeline,
        &outcome,
        inputs.len(),
        &skipped,
        started.elapsed().as_secs_f64(),
        &corpus_options,
        &digests,
    );
    report.write(out_dir).map_err(out_err)?;
    Ok(RunSummary {
        inputs: inputs.len(),
        documents: outcome.tally.documents,
        failed: outcome.failures,
        skipped,
        corpus_rows: outcome.corpus.len(),
        out_dir: out_dir.to_path_buf(),
    })
}

/// Build a rayon pool with `jobs` threads (0: one per core) and run `f` in it.
pub fn with_jobs<T: Send>(jobs: usize, f: impl FnOnce() -> T + Send) -> Result<T, RunError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;
    Ok(pool.install(f))
}
