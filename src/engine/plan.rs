//! The plan of a run split into shards (`plan.json`): the sorted inputs with the shard of each, the documents
//! that lose their id to an earlier one, the configuration and its hash, and the version. Every phase of every
//! shard reads the plan, so that all of them see the same batch; `cleanalign run` makes one too and runs
//! its shards in one process.
//!
//! Shards are contiguous runs of inputs, balanced by bytes: putting the shards' outputs end to end gives the
//! outputs in input order, so they are the same for any number of shards. Imports the config, the pipeline
//! and `inputs/`.

use super::inputs::{self, Input, Source};
use super::RunError;
use crate::pipeline::Pipeline;
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// `cleanalign run` makes one shard per this many bytes of input (at most [`MAX_RUN_SHARDS`]): a run killed
/// part-way keeps the shards it finished.
pub const RUN_SHARD_BYTES: u64 = 64 << 20;
/// The most shards `cleanalign run` makes on its own.
pub const MAX_RUN_SHARDS: usize = 64;

/// The plan of a sharded run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub tool: String,
    pub version: String,
    /// `Config::hash` of `config`.
    pub config_hash: String,
    /// The whole configuration the plan was made with, as TOML; workers and merges run with it.
    pub config: String,
    pub raw_dir: PathBuf,
    /// Shards of the scan and clean phases.
    pub shards: usize,
    /// Shards of the align phase (`cleanalign run` measures every pairing task in one).
    pub align_shards: usize,
    pub inputs: Vec<PlannedInput>,
    /// Files and records that are not documents, as the run reports them.
    pub skipped: Vec<String>,
    /// Documents whose id an earlier document already has, as (input index, document number in that input):
    /// they fail, the first one wins.
    pub duplicates: Vec<(usize, usize)>,
}

/// One input file of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedInput {
    #[serde(flatten)]
    pub input: Input,
    pub bytes: u64,
    /// xxh3 of the file's bytes, hex: a resumed run reuses a shard only if its inputs are unchanged.
    pub content_hash: String,
    /// Documents in the file (one for text and HTML; the records of a container).
    pub documents: usize,
    pub shard: usize,
}

/// Indices `shard` of `shards` contiguous, near-equal parts of `0..len`.
pub fn shard_range(len: usize, shard: usize, shards: usize) -> Range<usize> {
    let shards = shards.max(1);
    let at = |k: usize| ((len as u128 * k as u128) / shards as u128) as usize;
    at(shard.min(shards))..at((shard + 1).min(shards))
}

/// Which shard each input goes to: contiguous runs holding near-equal shares of the bytes (of the count,
/// when every file is empty).
fn assign_shards(bytes: &[u64], shards: usize) -> Vec<usize> {
    let shards = shards.max(1) as u128;
    let total: u128 = bytes.iter().map(|&b| b as u128).sum();
    let mut before = 0u128;
    bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let b = b as u128;
            // Where the file's middle falls, as a share of everything.
            let shard = if total == 0 {
                (i as u128 * shards) / bytes.len().max(1) as u128
            } else {
                ((2 * before + b) * shards) / (2 * total)
            };
            before += b;
            shard.min(shards - 1) as usize
        })
        .collect()
}

/// xxh3 of a file's bytes, streamed.
fn content_hash(path: &Path) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let hashed = std::fs::File::open(path).and_then(|mut file| {
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                return Ok(());
            }
            hasher.update(&buf[..n]);
        }
    });
    match hashed {
        Ok(()) => format!("{:016x}", hasher.digest()),
        // An unreadable file fails in the scan phase; its hash only has to differ from a readable one's.
        Err(_) => "unreadable".to_string(),
    }
}

/// `config` without the options that change how a run goes but not what it writes (threads, progress): a
/// run started again with other ones still finds its plan unchanged. Workers take theirs from their flags.
fn without_run_options(config: &crate::config::Config) -> crate::config::Config {
    let mut config = config.clone();
    let defaults = crate::config::OutputConfig::default();
    config.output.jobs = defaults.jobs;
    config.output.progress = defaults.progress;
    config
}

impl Plan {
    /// Plan the batch of `raw_dir` in `shards` shards, or, for `None`, in as many as `cleanalign run` uses
    /// (one per [`RUN_SHARD_BYTES`]). `align_shards` is the number of align shards (`None`: as many as
    /// `shards`).
    pub fn build(
        pipeline: &Pipeline,
        raw_dir: &Path,
        shards: Option<usize>,
        align_shards: Option<usize>,
    ) -> Result<Plan, RunError> {
        let config = pipeline.config();
        let (listed, mut skipped) =
            inputs::list_inputs(&config.input, raw_dir).map_err(|source| RunError::InputDir {
                path: raw_dir.to_path_buf(),
                source,
            })?;
        let bytes: Vec<u64> = listed
            .iter()
            .map(|input| std::fs::metadata(&input.path).map_or(0, |m| m.len()))
            .collect();
        let total: u64 = bytes.iter().sum();
        let shards = shards
            .unwrap_or_else(|| (total.div_ceil(RUN_SHARD_BYTES) as usize).clamp(1, MAX_RUN_SHARDS));
        let shard_of = assign_shards(&bytes, shards);
        // The documents of every input, listed the way each shard lists its own, to find duplicate ids.
        let mut ids: Vec<(usize, usize, String)> = Vec::new();
        let mut counts = Vec::with_capacity(listed.len());
        for (i, input) in listed.iter().enumerate() {
            let sources =
                inputs::documents(&config.input, std::slice::from_ref(input), &mut skipped);
            counts.push(sources.len());
            ids.extend(
                sources
                    .iter()
                    .enumerate()
                    .map(|(n, source)| (i, n, source.id().to_string())),
            );
        }
        let duplicates = duplicate_ids(ids.iter().map(|(_, _, id)| id.as_str()))
            .into_iter()
            .zip(&ids)
            .filter(|(duplicate, _)| *duplicate)
            .map(|(_, &(i, n, _))| (i, n))
            .collect();
        let planned = listed
            .into_iter()
            .zip(bytes)
            .zip(counts)
            .zip(shard_of)
            .map(|(((input, bytes), documents), shard)| PlannedInput {
                content_hash: content_hash(&input.path),
                input,
                bytes,
                documents,
                shard,
            })
            .collect();
        Ok(Plan {
            tool: "cleanalign".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            config_hash: pipeline.config_hash().to_string(),
            config: toml::to_string(&without_run_options(config)).unwrap_or_default(),
            raw_dir: raw_dir.to_path_buf(),
            shards,
            align_shards: align_shards.unwrap_or(shards).max(1),
            inputs: planned,
            skipped,
            duplicates,
        })
    }

    /// Indices of the inputs of `shard`.
    pub fn shard_inputs(&self, shard: usize) -> Range<usize> {
        let start = self.inputs.partition_point(|p| p.shard < shard);
        let end = self.inputs.partition_point(|p| p.shard <= shard);
        start..end
    }

    /// The documents of `shard`, listed from its inputs, and which of them are duplicates; an error names an
    /// input whose documents changed since the plan was made.
    pub fn shard_documents<'a>(
        &self,
        pipeline: &Pipeline,
        inputs: &'a [Input],
        shard: usize,
    ) -> Result<(Vec<Source<'a>>, Vec<bool>), String> {
        let range = self.shard_inputs(shard);
        let mut sources = Vec::new();
        let mut duplicate = Vec::new();
        let mut ignored = Vec::new();
        let losers: std::collections::BTreeSet<(usize, usize)> =
            self.duplicates.iter().copied().collect();
        for (i, input) in range.clone().zip(inputs) {
            let listed = inputs::documents(
                &pipeline.config().input,
                std::slice::from_ref(input),
                &mut ignored,
            );
            let planned = self.inputs.get(i).map_or(0, |p| p.documents);
            if listed.len() != planned {
                return Err(format!(
                    "{} holds {} documents, but {} when the plan was made: make a new plan",
                    input.path.display(),
                    listed.len(),
                    planned
                ));
            }
            duplicate.extend((0..listed.len()).map(|n| losers.contains(&(i, n))));
            sources.extend(listed);
        }
        Ok((sources, duplicate))
    }

    /// The pipeline the plan was made with, or why it cannot be rebuilt from `config`.
    pub fn pipeline(&self) -> Result<Pipeline, String> {
        let config = crate::config::parse(&self.config, Path::new("plan.json"))
            .map_err(|e| format!("the configuration in plan.json: {e}"))?;
        let pipeline = Pipeline::from_config(config).map_err(|errors| {
            let messages: Vec<String> = errors
                .iter()
                .map(|e| format!("`{}`: {}", e.key, e.message))
                .collect();
            format!("the configuration in plan.json: {}", messages.join("; "))
        })?;
        if pipeline.config_hash() != self.config_hash {
            return Err(format!(
                "the configuration in plan.json hashes to {}, not {}: make a new plan",
                pipeline.config_hash(),
                self.config_hash
            ));
        }
        Ok(pipeline)
    }

    /// The inputs of `shard`, to list its documents from.
    pub fn inputs_of(&self, shard: usize) -> Vec<Input> {
        self.inputs
            .get(self.shard_inputs(shard))
            .unwrap_or_default()
            .iter()
            .map(|p| p.input.clone())
            .collect()
    }
}

/// For each source: whether another source before it has the same id (it fails; the first one wins).
pub fn duplicate_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let mut seen = std::collections::HashSet::new();
    ids.map(|id| !seen.insert(id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_ranges_cover_everything_once_in_order() {
        for len in [0, 1, 5, 17] {
            for shards in 1..6 {
                let ranges: Vec<Range<usize>> =
                    (0..shards).map(|s| shard_range(len, s, shards)).collect();
                assert_eq!(ranges.first().map(|r| r.start), Some(0));
                assert_eq!(ranges.last().map(|r| r.end), Some(len));
                assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
            }
        }
    }

    #[test]
    fn shards_are_contiguous_and_balanced_by_bytes() {
        let bytes = [100, 100, 100, 100, 400, 100, 100];
        let shards = assign_shards(&bytes, 3);
        assert!(shards.windows(2).all(|w| w[0] <= w[1]), "{shards:?}");
        assert_eq!(shards, [0, 0, 0, 1, 1, 2, 2]);
        // One huge file cannot be split: the other shards may be empty, never out of range.
        assert!(assign_shards(&[1, 1_000_000, 1], 4).iter().all(|&s| s < 4));
        assert_eq!(assign_shards(&[0, 0, 0, 0], 2), [0, 0, 1, 1]);
    }
}
