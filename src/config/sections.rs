//! The [`Config`] struct: one field per `pipeline.toml` section. Stage sections are defined beside their stage;
//! the ones defined here belong to no stage: `[input]`, `[output]` and `[pipeline]`.

use crate::align::AlignConfig;
use crate::stages::boilerplate::BoilerplateConfig;
use crate::stages::decode::DecodeConfig;
use crate::stages::mojibake::MojibakeConfig;
use crate::stages::mt::MtConfig;
use crate::stages::normalize::NormalizeConfig;
use crate::stages::script::ScriptConfig;
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The whole configuration. Every section and key is optional; defaults work with no file at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub input: InputConfig,
    pub output: OutputConfig,
    pub pipeline: PipelineConfig,
    pub decode: DecodeConfig,
    pub mojibake: MojibakeConfig,
    pub normalize: NormalizeConfig,
    pub script: ScriptConfig,
    pub mt: MtConfig,
    pub boilerplate: BoilerplateConfig,
    pub align: AlignConfig,
}

/// `[input]`: where documents come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InputConfig {
    /// Folder of raw documents, walked with its sub-folders in a stable order (symbolic links leaving it are
    /// not followed). Text in any encoding; HTML (`.html`, `.htm`, `.xhtml`); WARC (`.warc`); JSONL
    /// (`.jsonl`); each also gzipped (`.gz`).
    pub raw_dir: PathBuf,
    /// Globs of files to read (`*` and `?`): without a `/` matched against the file name at any depth, with a
    /// `/` against the path relative to raw_dir (`site/zh/*`).
    pub include: Vec<String>,
    /// Globs of files (and, without a `/`, folder names) to skip; skipped files are listed in report.json.
    pub exclude: Vec<String>,
    /// Documents larger than this many bytes (after gunzipping; for WARC and JSONL, each record) are refused
    /// with a per-document error.
    pub max_file_bytes: u64,
    /// Lines longer than this many characters are removed (reason `line-too-long`): they are not paragraphs.
    pub max_line_chars: usize,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            raw_dir: PathBuf::from("raw"),
            include: vec!["*".to_string()],
            exclude: vec!["README*".to_string(), ".*".to_string(), "*.md".to_string()],
            max_file_bytes: 256 * 1024 * 1024,
            max_line_chars: 100_000,
        }
    }
}

/// `[output]`: where results go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OutputConfig {
    /// Output folder; created if missing. Files inside are replaced atomically.
    pub out_dir: PathBuf,
    /// Worker threads; 0 means one per CPU core. Output never depends on this.
    pub jobs: usize,
    /// Progress on stderr: "auto" (a bar when stderr is a terminal, nothing otherwise), "bar", "json" (one JSON
    /// object per line: phase, done, total, elapsed_s; for logs collected by a scheduler) or "none".
    pub progress: String,
    /// Corpus files to write, one unit per aligned bead in the same order: "csv" (corpus.csv), "tmx"
    /// (corpus.tmx, TMX 1.4b), "moses" (corpus.zh + corpus.en, one segment per line), "jsonl" (corpus.jsonl,
    /// Hugging Face translation records). report.html and report.json are always written.
    pub formats: Vec<String>,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            out_dir: PathBuf::from("cleaned"),
            jobs: 0,
            progress: "auto".to_string(),
            formats: CORPUS_FORMATS.iter().map(|f| f.to_string()).collect(),
        }
    }
}

/// Values of `[output] progress`.
pub const PROGRESS_MODES: &[&str] = &["auto", "bar", "json", "none"];

/// Values of `[output] formats`.
pub const CORPUS_FORMATS: &[&str] = &["csv", "tmx", "moses", "jsonl"];

impl OutputConfig {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !PROGRESS_MODES.contains(&self.progress.as_str()) {
            errors.push(FieldError::new(
                "progress",
                format!(
                    "unknown progress mode \"{}\"; valid: {}",
                    self.progress,
                    PROGRESS_MODES.join(", ")
                ),
            ));
        }
        for (i, format) in self.formats.iter().enumerate() {
            if !CORPUS_FORMATS.contains(&format.as_str()) {
                errors.push(FieldError::new(
                    format!("formats[{i}]"),
                    format!(
                        "unknown corpus format \"{format}\"; valid: {}",
                        CORPUS_FORMATS.join(", ")
                    ),
                ));
            }
        }
        errors
    }
}

/// Stage names that `[pipeline] skip` accepts.
pub const SKIPPABLE_STAGES: &[&str] = &[
    "mojibake",
    "normalize",
    "ruby",
    "punct",
    "boilerplate",
    "mt",
    "script",
    "align",
];

/// `[pipeline]`: which stages run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct PipelineConfig {
    /// Stages to switch off, e.g. ["mt", "align"]. Decoding and segmentation always run.
    pub skip: Vec<String>,
}

impl Config {
    /// Every value problem in every section, keys prefixed with their section.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut section = |name: &str, found: Vec<FieldError>| {
            errors.extend(
                found
                    .into_iter()
                    .map(|e| FieldError::new(format!("{name}.{}", e.key), e.message)),
            );
        };
        section("input", self.input.validate());
        section("output", self.output.validate());
        section("pipeline", self.pipeline.validate());
        section("decode", self.decode.validate());
        section("mojibake", self.mojibake.validate());
        section("normalize", self.normalize.validate());
        section("script", self.script.validate());
        section("mt", self.mt.validate());
        section("boilerplate", self.boilerplate.validate());
        section("align", self.align.validate());
        errors
    }

    /// Whether a stage is switched on.
    pub fn runs(&self, stage: &str) -> bool {
        !self.pipeline.skip.iter().any(|s| s == stage)
    }

    /// A stable hash of the settings that shape the output and of the program's version, for `report.json`.
    /// Where the files are and how many threads ran do not change a byte of output, so they are left out:
    /// the same data cleaned the same way by the same version has the same hash. A configuration that
    /// cannot be written out is an error, never the hash of some default.
    pub fn hash(&self) -> Result<String, FieldError> {
        self.hash_for_version(env!("CARGO_PKG_VERSION"))
    }

    fn hash_for_version(&self, version: &str) -> Result<String, FieldError> {
        let mut shaping = self.clone();
        shaping.output = OutputConfig::default();
        shaping.input.raw_dir = InputConfig::default().raw_dir;
        let canonical = toml::to_string(&shaping)
            .map_err(|e| FieldError::new("config", format!("cannot be hashed: {e}")))?;
        let versioned = format!("version = {version:?}\n{canonical}");
        Ok(format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(versioned.as_bytes())
        ))
    }
}

impl InputConfig {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.include.is_empty() {
            errors.push(FieldError::new(
                "include",
                "must list at least one glob, e.g. [\"*\"]",
            ));
        }
        if self.max_file_bytes == 0 {
            errors.push(FieldError::new("max_file_bytes", "must be greater than 0"));
        }
        if self.max_line_chars == 0 {
            errors.push(FieldError::new("max_line_chars", "must be greater than 0"));
        }
        errors
    }
}

impl PipelineConfig {
    fn validate(&self) -> Vec<FieldError> {
        self.skip
            .iter()
            .enumerate()
            .filter(|(_, s)| !SKIPPABLE_STAGES.contains(&s.as_str()))
            .map(|(i, s)| {
                FieldError::new(
                    format!("skip[{i}]"),
                    format!(
                        "unknown stage \"{s}\"; stages that can be skipped: {}",
                        SKIPPABLE_STAGES.join(", ")
                    ),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_covers_the_version_and_the_shaping_settings_only() {
        let config = Config::default();
        let hash = config.hash().expect("default config hashes");
        assert_eq!(hash.len(), 16);
        assert_eq!(
            Ok(hash.clone()),
            config.hash_for_version(env!("CARGO_PKG_VERSION"))
        );
        assert_ne!(Ok(hash.clone()), config.hash_for_version("999.0.0"));
        let mut moved = config.clone();
        moved.output = OutputConfig {
            out_dir: "elsewhere".into(),
            jobs: 7,
            ..OutputConfig::default()
        };
        assert_eq!(moved.hash(), Ok(hash.clone()));
        let mut other = config.clone();
        other.pipeline.skip = vec!["mt".into()];
        assert_ne!(other.hash(), Ok(hash));
    }
}
