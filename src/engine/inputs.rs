//! The inputs of a batch: which files of the raw folder are read, and how their bytes are fetched.
//!
//! Imports only the configuration and the decode stage's error type; the passes over the batch live in
//! `batch.rs`.

use crate::config::InputConfig;
use crate::glob::glob_match;
use crate::stages::decode::InputError;
use std::path::{Path, PathBuf};

/// One input file to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file stem, used as the document id.
    pub id: String,
    pub path: PathBuf,
}

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

/// List the inputs of a folder: entries matching `include` and not `exclude`, sorted by name. Returns the
/// inputs and the names skipped by `exclude` (reported, never silently ignored).
pub fn list_inputs(
    config: &InputConfig,
    raw_dir: &Path,
) -> std::io::Result<(Vec<Input>, Vec<String>)> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(raw_dir)? {
        names.push(entry?.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    let matches = |globs: &[String], name: &str| globs.iter().any(|g| glob_match(g, name));
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    for name in names {
        if matches(&config.exclude, &name) || !matches(&config.include, &name) {
            skipped.push(name);
            continue;
        }
        let id = match name.rfind('.') {
            Some(dot) if dot > 0 => name[..dot].to_string(),
            _ => name.clone(),
        };
        inputs.push(Input {
            id,
            path: raw_dir.join(&name),
        });
    }
    Ok((inputs, skipped))
}

/// Read an input file, refusing directories and files over the size limit before reading them.
pub fn read_input(config: &InputConfig, input: &Input) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(&input.path).map_err(|e| InputError::Io(e.to_string()))?;
    if meta.is_dir() {
        return Err(InputError::IsDirectory);
    }
    let limit = config.max_file_bytes;
    if meta.len() > limit {
        return Err(InputError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    std::fs::read(&input.path).map_err(|e| InputError::Io(e.to_string()))
}
