//! The phases of a run split into shards — `scan`, `clean`, `align` — each done by one worker per shard and
//! closed by a merge, with everything in between kept on disk under `<out>/.cleanalign/`. `cleanalign run`
//! is these phases in one process; `cleanalign worker` and `cleanalign merge` run them one at a time, as a
//! job array would.
//!
//! * **scan** (per shard): each document's distinct line keys counted; **merge**: the counts summed exactly
//!   (the boilerplate thresholds apply only after this, in `clean`).
//! * **clean** (per shard): documents cleaned with the merged counts; `docs/` files go to a staging folder
//!   shared by all shards, rejects, metadata rows and what alignment needs into the shard's part;
//!   **merge**: checks that every shard finished.
//! * **align** (per shard): documents paired across all shards, this shard's share of the pairing tasks
//!   measured; **merge**: pairs decided and every output file written, in input order.
//!
//! A worker writes a completion marker (`<phase>/<shard>.done`) after its outputs are in place, and exits at
//! once when its marker is already there; a merge refuses shards made by another version or configuration
//! and names the shards that have not finished. Imports the batch passes, the sinks and the plan.

use super::batch::{clean_pass, scan_pass, BatchOutcome, LineCounts, Tally};
use super::corpus::{assemble, shard_tasks, AlignDoc};
use super::inputs::Source;
use super::leftovers;
use super::output::digest::{DocDigestSummary, DocDigests};
use super::output::{
    atomic_write, write_outputs, AtomicFile, CorpusOptions, InputFailure, ShardSink,
};
use super::plan::Plan;
use super::progress::{progress_bar, ProgressMode};
use super::report::Report;
use super::{RunError, RunSummary};
use crate::align::pairing::{DocForPairing, MeasuredPair};
use crate::pipeline::Pipeline;
use crate::stages::decode::InputError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The folder, inside the output folder, that holds the shards' parts and markers.
pub const WORK_DIR: &str = ".cleanalign";
/// The plan, in the output folder.
pub const PLAN_FILE: &str = "plan.json";

/// A phase of a sharded run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Scan,
    Clean,
    Align,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Scan, Phase::Clean, Phase::Align];

    pub fn name(self) -> &'static str {
        match self {
            Phase::Scan => "scan",
            Phase::Clean => "clean",
            Phase::Align => "align",
        }
    }

    /// The phase whose merge must be done before this phase's workers start.
    fn previous(self) -> Option<Phase> {
        match self {
            Phase::Scan => None,
            Phase::Clean => Some(Phase::Scan),
            Phase::Align => Some(Phase::Clean),
        }
    }

    /// How many shards the phase has under `plan`.
    pub fn shards(self, plan: &Plan) -> usize {
        match self {
            Phase::Align => plan.align_shards,
            _ => plan.shards,
        }
    }
}

/// What a worker or a merge did.
#[derive(Debug)]
pub enum Done {
    /// Its marker was already there: nothing was redone.
    Already,
    /// It did its work now.
    Now,
    /// The last merge wrote the output folder.
    Outputs(RunSummary),
}

/// The completion marker of a shard or of a merge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Marker {
    version: String,
    config_hash: String,
    /// Milliseconds the work took, for report.json's timings.
    millis: u128,
}

/// What a scan shard found besides its line counts.
#[derive(Debug, Default, Serialize, Deserialize)]
struct ScanPart {
    loaded: u32,
    /// Documents that could not be loaded: (number of the document in the shard, why).
    failed: Vec<(usize, InputError)>,
}

/// What a clean shard produced besides its documents, rejects, metadata rows and alignment documents.
#[derive(Debug, Default, Serialize, Deserialize)]
struct CleanPart {
    tally: Tally,
    failures: Vec<InputFailure>,
    digests: DocDigestSummary,
}

/// The sum of every scan shard's document count.
#[derive(Debug, Default, Serialize, Deserialize)]
struct ScanTotals {
    loaded: u32,
}

/// Paths inside the work folder.
struct Work {
    dir: PathBuf,
}

impl Work {
    fn new(out_dir: &Path) -> Work {
        Work {
            dir: out_dir.join(WORK_DIR),
        }
    }

    fn part(&self, phase: Phase, shard: usize) -> PathBuf {
        self.dir.join(phase.name()).join(format!("{shard:05}"))
    }

    fn marker(&self, phase: Phase, shard: usize) -> PathBuf {
        self.dir.join(phase.name()).join(format!("{shard:05}.done"))
    }

    fn merged(&self, phase: Phase) -> PathBuf {
        self.dir.join(phase.name()).join("merged.done")
    }

    fn docs(&self) -> PathBuf {
        self.dir.join("docs")
    }

    /// What the last merge wrote, for a merge asked again.
    fn summary(&self) -> PathBuf {
        self.dir.join(Phase::Align.name()).join("summary.json")
    }
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> RunError + '_ {
    move |source| RunError::Output {
        path: path.to_path_buf(),
        source,
    }
}

fn damaged(path: &Path, message: impl std::fmt::Display) -> RunError {
    RunError::Damaged {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

fn write_json(path: &Path, value: &impl Serialize) -> Result<(), RunError> {
    let bytes = serde_json::to_vec(value).map_err(|e| damaged(path, e))?;
    atomic_write(path, &bytes).map_err(io_err(path))
}

fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T, RunError> {
    let bytes = std::fs::read(path).map_err(|e| damaged(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| damaged(path, e))
}

/// Write `items` to `path`, one JSON object per line.
fn write_lines<T: Serialize>(path: &Path, items: &[T]) -> Result<(), RunError> {
    let mut file = AtomicFile::create(path).map_err(io_err(path))?;
    for item in items {
        serde_json::to_writer(&mut file, item).map_err(|e| damaged(path, e))?;
        file.write_all(b"\n").map_err(io_err(path))?;
    }
    file.commit().map_err(io_err(path))
}

fn read_lines<T: DeserializeOwned>(path: &Path, into: &mut Vec<T>) -> Result<(), RunError> {
    let file = std::fs::File::open(path).map_err(|e| damaged(path, e))?;
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| damaged(path, e))?;
        into.push(serde_json::from_str(&line).map_err(|e| damaged(path, e))?);
    }
    Ok(())
}

/// Line counts as sorted (key, count) pairs, little-endian, 12 bytes each.
fn write_counts(path: &Path, counts: &LineCounts) -> Result<(), RunError> {
    let mut sorted: Vec<(u64, u32)> = counts.iter().map(|(&k, &n)| (k, n)).collect();
    sorted.sort_unstable();
    let mut file = AtomicFile::create(path).map_err(io_err(path))?;
    for (key, n) in sorted {
        file.write_all(&key.to_le_bytes()).map_err(io_err(path))?;
        file.write_all(&n.to_le_bytes()).map_err(io_err(path))?;
    }
    file.commit().map_err(io_err(path))
}

/// Add the counts of `path` into `counts`.
fn add_counts(path: &Path, counts: &mut LineCounts) -> Result<(), RunError> {
    let bytes = std::fs::read(path).map_err(|e| damaged(path, e))?;
    if bytes.len() % 12 != 0 {
        return Err(damaged(path, "truncated line counts"));
    }
    counts.reserve(bytes.len() / 12);
    for pair in bytes.chunks_exact(12) {
        let (key, n) = pair.split_at(8);
        let key = u64::from_le_bytes(key.try_into().unwrap_or_default());
        let n = u32::from_le_bytes(n.try_into().unwrap_or_default());
        *counts.entry(key).or_default() += n;
    }
    Ok(())
}

impl Marker {
    fn for_plan(plan: &Plan, millis: u128) -> Marker {
        Marker {
            version: plan.version.clone(),
            config_hash: plan.config_hash.clone(),
            millis,
        }
    }

    /// The marker at `path`: `None` when there is none; an error when it was made under another plan.
    fn read(path: &Path, plan: &Plan, what: &str) -> Result<Option<Marker>, RunError> {
        if !path.exists() {
            return Ok(None);
        }
        let marker: Marker = read_json(path)?;
        if marker.version != plan.version || marker.config_hash != plan.config_hash {
            return Err(RunError::Mismatch {
                what: what.to_string(),
                found: format!("{} with config {}", marker.version, marker.config_hash),
                expected: format!("{} with config {}", plan.version, plan.config_hash),
            });
        }
        Ok(Some(marker))
    }
}

/// Read the plan of the output folder.
pub fn read_plan(out_dir: &Path) -> Result<Plan, RunError> {
    let path = out_dir.join(PLAN_FILE);
    if !path.exists() {
        return Err(RunError::NoPlan(out_dir.to_path_buf()));
    }
    let plan: Plan = read_json(&path)?;
    let version = env!("CARGO_PKG_VERSION");
    if plan.version != version {
        return Err(RunError::Mismatch {
            what: path.display().to_string(),
            found: format!("cleanalign {}", plan.version),
            expected: format!("cleanalign {version} (this binary)"),
        });
    }
    Ok(plan)
}

/// Make `plan` the plan of the output folder. When the folder already has the same plan (same inputs and
/// contents, configuration, version and shards), the work done under it is kept and `true` is returned;
/// otherwise the work folder is cleared.
pub fn adopt_plan(out_dir: &Path, plan: &Plan) -> Result<bool, RunError> {
    std::fs::create_dir_all(out_dir).map_err(io_err(out_dir))?;
    let path = out_dir.join(PLAN_FILE);
    let same = path.exists() && read_json::<Plan>(&path).is_ok_and(|old| old == *plan);
    if same {
        return Ok(true);
    }
    let work = Work::new(out_dir);
    if work.dir.exists() {
        std::fs::remove_dir_all(&work.dir).map_err(io_err(&work.dir))?;
    }
    let bytes = serde_json::to_vec_pretty(plan).map_err(|e| damaged(&path, e))?;
    atomic_write(&path, &bytes).map_err(io_err(&path))?;
    Ok(false)
}

/// Remove the plan and the work folder (after `cleanalign run` has written its outputs).
pub fn clear_work(out_dir: &Path) -> Result<(), RunError> {
    let work = Work::new(out_dir);
    if work.dir.exists() {
        std::fs::remove_dir_all(&work.dir).map_err(io_err(&work.dir))?;
    }
    let plan = out_dir.join(PLAN_FILE);
    if plan.exists() {
        std::fs::remove_file(&plan).map_err(io_err(&plan))?;
    }
    Ok(())
}

/// Check that `phase` was merged (its workers' outputs are complete).
fn require_merged(work: &Work, plan: &Plan, phase: Phase, out_dir: &Path) -> Result<(), RunError> {
    let path = work.merged(phase);
    match Marker::read(&path, plan, &format!("the {} merge", phase.name()))? {
        Some(_) => Ok(()),
        None => Err(RunError::NotMerged {
            phase: phase.name(),
            out: out_dir.to_path_buf(),
        }),
    }
}

/// Run shard `shard` of `phase`. Exits at once when the shard's marker is already there.
pub fn worker(
    pipeline: &Pipeline,
    plan: &Plan,
    out_dir: &Path,
    phase: Phase,
    shard: usize,
    progress: ProgressMode,
) -> Result<Done, RunError> {
    let shards = phase.shards(plan);
    if shard >= shards {
        return Err(RunError::ShardOutOfRange {
            phase: phase.name(),
            shard,
            shards,
        });
    }
    let work = Work::new(out_dir);
    let marker = work.marker(phase, shard);
    let what = format!("{} shard {shard}", phase.name());
    if Marker::read(&marker, plan, &what)?.is_some() {
        return Ok(Done::Already);
    }
    if let Some(previous) = phase.previous() {
        require_merged(&work, plan, previous, out_dir)?;
    }
    let started = Instant::now();
    // A part left by a killed attempt of this shard is redone from scratch.
    let part = work.part(phase, shard);
    if part.exists() {
        std::fs::remove_dir_all(&part).map_err(io_err(&part))?;
    }
    std::fs::create_dir_all(&part).map_err(io_err(&part))?;
    if phase == Phase::Align {
        align_shard(pipeline, plan, &work, shard, progress)?;
    } else {
        let inputs = plan.inputs_of(shard);
        let (sources, duplicate) = plan
            .shard_documents(pipeline, &inputs, shard)
            .map_err(RunError::InputsChanged)?;
        if phase == Phase::Scan {
            scan_shard(pipeline, &sources, &duplicate, &part, progress)?;
        } else {
            clean_shard(pipeline, &sources, &work, shard, progress)?;
        }
    }
    write_json(
        &marker,
        &Marker::for_plan(plan, started.elapsed().as_millis()),
    )?;
    Ok(Done::Now)
}

/// The scan phase of one shard's documents: line counts to `counts.bin`, the rest to `part.json`.
fn scan_shard(
    pipeline: &Pipeline,
    sources: &[Source],
    duplicate: &[bool],
    part: &Path,
    progress: ProgressMode,
) -> Result<(), RunError> {
    let scanned = scan_pass(pipeline, sources, duplicate, progress);
    write_counts(&part.join("counts.bin"), &scanned.doc_freq)?;
    let failed = scanned
        .failed
        .into_iter()
        .enumerate()
        .filter_map(|(n, e)| Some((n, e?)))
        .collect();
    write_json(
        &part.join("part.json"),
        &ScanPart {
            loaded: scanned.loaded,
            failed,
        },
    )
}

/// The clean phase of shard `shard`'s documents, with the merged line counts.
fn clean_shard(
    pipeline: &Pipeline,
    sources: &[Source],
    work: &Work,
    shard: usize,
    progress: ProgressMode,
) -> Result<(), RunError> {
    let scan: ScanPart = read_json(&work.part(Phase::Scan, shard).join("part.json"))?;
    let mut failed = vec![None; sources.len()];
    for (n, error) in scan.failed {
        if let Some(slot) = failed.get_mut(n) {
            *slot = Some(error);
        }
    }
    let scan_dir = work.dir.join(Phase::Scan.name());
    let totals: ScanTotals = read_json(&scan_dir.join("totals.json"))?;
    let mut doc_freq = LineCounts::default();
    add_counts(&scan_dir.join("merged.bin"), &mut doc_freq)?;
    let part = work.part(Phase::Clean, shard);
    let docs = work.docs();
    let mut sink = ShardSink::create(&docs, &part).map_err(io_err(&part))?;
    let cleaned = clean_pass(
        pipeline,
        sources,
        failed,
        (&doc_freq, totals.loaded),
        &mut sink,
        progress,
    )
    .map_err(io_err(&docs))?;
    let digests = sink.finish().map_err(io_err(&part))?;
    write_lines(&part.join("align.jsonl"), &cleaned.align_docs)?;
    write_json(
        &part.join("part.json"),
        &CleanPart {
            tally: cleaned.tally,
            failures: cleaned.failures,
            digests,
        },
    )
}

/// Every clean shard's documents for alignment, in input order.
fn align_docs(work: &Work, plan: &Plan) -> Result<Vec<AlignDoc>, RunError> {
    let mut docs = Vec::new();
    for shard in 0..plan.shards {
        read_lines(
            &work.part(Phase::Clean, shard).join("align.jsonl"),
            &mut docs,
        )?;
    }
    Ok(docs)
}

fn align_shard(
    pipeline: &Pipeline,
    plan: &Plan,
    work: &Work,
    shard: usize,
    progress: ProgressMode,
) -> Result<(), RunError> {
    // Measuring the shard's pairs is nearly all of this phase's work; it reports as one step.
    let pb = progress_bar(progress, 1, "align");
    let measured = match pipeline.aligner() {
        Some(aligner) => {
            let docs: Vec<DocForPairing> =
                align_docs(work, plan)?.into_iter().map(|d| d.doc).collect();
            let tasks = shard_tasks(aligner, &docs, shard, plan.align_shards);
            aligner.measure_pairs(&docs, &tasks)
        }
        None => Vec::new(),
    };
    pb.inc(1);
    pb.finish_and_clear();
    write_lines(
        &work.part(Phase::Align, shard).join("measured.jsonl"),
        &measured,
    )
}

/// The barrier after `phase`'s workers: checks that every shard finished under this plan, then merges
/// (`scan`: sums the line counts; `align`: writes the output folder). `started` is when `cleanalign run`
/// started, for report.json's total time (without it, the phases' times are added up).
pub fn merge(
    pipeline: &Pipeline,
    plan: &Plan,
    out_dir: &Path,
    phase: Phase,
    started: Option<Instant>,
) -> Result<Done, RunError> {
    let work = Work::new(out_dir);
    let merged = work.merged(phase);
    if Marker::read(&merged, plan, &format!("the {} merge", phase.name()))?.is_some() {
        // The last merge is done: the outputs are in place; say again what they hold.
        let summary = work.summary();
        if phase == Phase::Align && summary.exists() {
            return Ok(Done::Outputs(read_json(&summary)?));
        }
        return Ok(Done::Already);
    }
    if let Some(previous) = phase.previous() {
        require_merged(&work, plan, previous, out_dir)?;
    }
    let merge_started = Instant::now();
    let shards = phase.shards(plan);
    let mut missing = Vec::new();
    for shard in 0..shards {
        let what = format!("{} shard {shard}", phase.name());
        if Marker::read(&work.marker(phase, shard), plan, &what)?.is_none() {
            missing.push(shard);
        }
    }
    if !missing.is_empty() {
        return Err(RunError::MissingShards {
            phase: phase.name(),
            missing,
            shards,
        });
    }
    // Every worker of the phase is done: what is left of a killed attempt's temporary files can go.
    let phase_dir = work.dir.join(phase.name());
    leftovers::remove(&phase_dir).map_err(io_err(&phase_dir))?;
    let done = match phase {
        Phase::Scan => {
            let mut counts = LineCounts::default();
            let mut totals = ScanTotals::default();
            for shard in 0..shards {
                let part = work.part(phase, shard);
                add_counts(&part.join("counts.bin"), &mut counts)?;
                totals.loaded += read_json::<ScanPart>(&part.join("part.json"))?.loaded;
            }
            let scan_dir = work.dir.join(phase.name());
            write_counts(&scan_dir.join("merged.bin"), &counts)?;
            write_json(&scan_dir.join("totals.json"), &totals)?;
            Done::Now
        }
        Phase::Clean => Done::Now,
        Phase::Align => {
            let summary = write_output_folder(pipeline, plan, &work, out_dir, started)?;
            write_json(&work.summary(), &summary)?;
            Done::Outputs(summary)
        }
    };
    write_json(
        &merged,
        &Marker::for_plan(plan, merge_started.elapsed().as_millis()),
    )?;
    Ok(done)
}

/// Milliseconds spent in `phase`: its shards' and its merge's, added up.
fn phase_millis(work: &Work, plan: &Plan, phase: Phase) -> u128 {
    let read = |path: PathBuf| read_json::<Marker>(&path).map_or(0, |m| m.millis);
    (0..phase.shards(plan))
        .map(|shard| read(work.marker(phase, shard)))
        .sum::<u128>()
        + read(work.merged(phase))
}

/// The last merge: every shard's parts into the output folder, as `cleanalign run` writes it.
fn write_output_folder(
    pipeline: &Pipeline,
    plan: &Plan,
    work: &Work,
    out_dir: &Path,
    started: Option<Instant>,
) -> Result<RunSummary, RunError> {
    let align_started = Instant::now();
    let mut outcome = BatchOutcome::default();
    let mut digests = DocDigests::default();
    let part_dirs: Vec<PathBuf> = (0..plan.shards)
        .map(|shard| work.part(Phase::Clean, shard))
        .collect();
    for dir in &part_dirs {
        let part: CleanPart = read_json(&dir.join("part.json"))?;
        outcome.tally.absorb(&part.tally);
        outcome.failures.extend(part.failures);
        digests.absorb(part.digests);
    }
    if let Some(aligner) = pipeline.aligner() {
        let mut measured: Vec<MeasuredPair> = Vec::new();
        for shard in 0..plan.align_shards {
            read_lines(
                &work.part(Phase::Align, shard).join("measured.jsonl"),
                &mut measured,
            )?;
        }
        outcome.set_aligned(assemble(aligner, align_docs(work, plan)?, measured));
    }
    let mut timings: BTreeMap<&'static str, u128> = Phase::ALL
        .iter()
        .map(|&phase| (phase.name(), phase_millis(work, plan, phase)))
        .collect();
    *timings.entry("align").or_default() += align_started.elapsed().as_millis();
    let write_started = Instant::now();
    let options = CorpusOptions::from_config(pipeline.config());
    write_outputs(out_dir, &work.docs(), &part_dirs, &outcome.corpus, &options)
        .map_err(io_err(out_dir))?;
    timings.insert("write", write_started.elapsed().as_millis());
    let seconds = match started {
        Some(t) => t.elapsed().as_secs_f64(),
        None => timings.values().sum::<u128>() as f64 / 1000.0,
    };
    outcome.timings_ms = timings;
    let digests = digests.finish();
    let report = Report::new(
        pipeline,
        &outcome,
        plan.inputs.len(),
        &plan.skipped,
        seconds,
        &options,
        &digests,
    );
    report.write(out_dir).map_err(io_err(out_dir))?;
    Ok(RunSummary {
        inputs: plan.inputs.len(),
        documents: outcome.tally.documents,
        failed: outcome.failures,
        skipped: plan.skipped.clone(),
        corpus_rows: outcome.corpus.len(),
        out_dir: out_dir.to_path_buf(),
    })
}
