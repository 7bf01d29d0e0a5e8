//! The engine: runs a [`Pipeline`] over a whole batch of inputs and writes the output folder.
//!
//! What lives where:
//! * `inputs/`: which files of the raw folder (at any depth) are read, the documents they hold (a file, or
//!   the records of a WARC or JSONL file), and how each document's bytes are fetched;
//! * `batch.rs`: the passes over a batch (statistics, cleaning, alignment), in chunks, in input order;
//! * `plan.rs`: the batch split into shards (`plan.json`); `phases.rs`: the passes as phases of workers and
//!   merges over shards, with their parts and completion markers on disk; `leftovers.rs`: temporary files of
//!   a killed run removed;
//! * `corpus.rs`: document pairs and bilingual pages aligned into corpus rows;
//! * `output/`: the sinks that write `docs/`, `rejected.jsonl`, `metadata.csv` and the corpus files;
//! * `report.rs`: `report.json`, and `report.html` drawn by `report_html.rs` with the charts of `svg.rs`;
//! * `progress.rs`: progress on stderr (a bar, or JSON lines).
//!
//! The engine imports the pipeline, the stages and the bottom layers; nothing below it imports the engine.

pub mod batch;
mod corpus;
pub mod inputs;
mod leftovers;
pub mod output;
pub mod phases;
pub mod plan;
pub mod progress;
mod report;
mod report_html;
mod svg;

pub use batch::{process_bytes, run_batch};

use crate::pipeline::Pipeline;
use output::InputFailure;
use phases::{Done, Phase};
use plan::Plan;
use progress::ProgressMode;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Summary returned by [`run`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunSummary {
    pub inputs: usize,
    pub documents: usize,
    pub failed: Vec<InputFailure>,
    pub skipped: Vec<String>,
    pub corpus_rows: usize,
    pub out_dir: PathBuf,
}

/// Why a run, or a phase of one, could not finish at all (per-file problems are [`InputFailure`]s, not this).
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
    #[error("no plan.json in {}: run `cleanalign plan --out {}` first", .0.display(), .0.display())]
    NoPlan(PathBuf),
    #[error("{} is damaged or was not written by this version: {message}", .path.display())]
    Damaged { path: PathBuf, message: String },
    #[error("the plan has shards 0 to {} for the {phase} phase; there is no shard {shard}", .shards.saturating_sub(1))]
    ShardOutOfRange {
        phase: &'static str,
        shard: usize,
        shards: usize,
    },
    #[error("the {phase} phase is not merged yet: run `cleanalign merge --out {} --phase {phase}` after all its workers", .out.display())]
    NotMerged { phase: &'static str, out: PathBuf },
    #[error("{phase}: {} of {shards} shards have not finished (no completion marker): shard {}", .missing.len(), shard_list(.missing))]
    MissingShards {
        phase: &'static str,
        missing: Vec<usize>,
        shards: usize,
    },
    #[error("{what} was made by {found}, but the plan is for {expected}: make a new plan and run every phase again")]
    Mismatch {
        what: String,
        found: String,
        expected: String,
    },
    #[error("the inputs changed since the plan was made: {0}")]
    InputsChanged(String),
}

/// `0, 3, 5`, or the first ten and a count of the rest.
fn shard_list(shards: &[usize]) -> String {
    let mut list: Vec<String> = shards.iter().take(10).map(|s| s.to_string()).collect();
    if shards.len() > 10 {
        list.push(format!("and {} more", shards.len() - 10));
    }
    list.join(", ")
}

/// Run the batch over `raw_dir` and write every output file into `out_dir`: the phases of [`phases`] in one
/// process, in as many shards as the input needs (see [`plan::RUN_SHARD_BYTES`]). After a killed run into the
/// same folder, the shards it finished are not redone when the inputs and configuration are unchanged.
pub fn run(
    pipeline: &Pipeline,
    raw_dir: &Path,
    out_dir: &Path,
    progress: ProgressMode,
) -> Result<RunSummary, RunError> {
    run_in_shards(pipeline, raw_dir, out_dir, progress, None)
}

/// [`run`] with `shards` scan and clean shards (`None`: as many as the input needs). The output is the same
/// for any number.
pub fn run_in_shards(
    pipeline: &Pipeline,
    raw_dir: &Path,
    out_dir: &Path,
    progress: ProgressMode,
    shards: Option<usize>,
) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    leftovers::remove(out_dir).map_err(|source| RunError::Output {
        path: out_dir.to_path_buf(),
        source,
    })?;
    // The dictionary takes about half a second to load; on a machine with spare cores that happens
    // while the batch is being cleaned instead of before alignment starts.
    if let Some(aligner) = pipeline.aligner() {
        aligner.warm_up_in_background();
    }
    let plan = Plan::build(pipeline, raw_dir, shards, Some(1))?;
    phases::adopt_plan(out_dir, &plan)?;
    let mut summary = None;
    for phase in Phase::ALL {
        for shard in 0..phase.shards(&plan) {
            phases::worker(pipeline, &plan, out_dir, phase, shard, progress)?;
        }
        if let Done::Outputs(s) = phases::merge(pipeline, &plan, out_dir, phase, Some(started))? {
            summary = Some(s);
        }
    }
    phases::clear_work(out_dir)?;
    summary.ok_or_else(|| RunError::Damaged {
        path: out_dir.join(phases::WORK_DIR),
        message: "the align phase was already merged, but the output folder was not written".into(),
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
