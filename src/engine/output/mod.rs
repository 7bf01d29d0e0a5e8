//! The sinks that receive a batch's cleaned documents ([`DocSink`]: in memory, or the output folder) and the
//! records they write (`corpus.csv` rows, failed inputs).
//!
//! * `corpus_files.rs`: `[output] formats` and writing the chosen corpus files; one file per other format:
//!   `tmx.rs` (corpus.tmx), `moses.rs` (corpus.zh + corpus.en), `jsonl.rs` (corpus.jsonl);
//! * `markup.rs`: escaping for XML and HTML;
//! * `digest.rs`: what report.html shows of single documents, gathered in bounded memory;
//! * `folder.rs`: the sink of one shard's documents, and the output folder assembled from every shard.
//!
//! Every file is written to a temporary name in the same folder and renamed into place, so an interrupted run
//! never leaves a half-written file under its final name. Imports the document model, the decode stage's
//! error type and the config; the passes that feed the sinks are in `batch.rs`.

mod corpus_files;
pub mod digest;
mod folder;
mod jsonl;
pub mod markup;
mod moses;
#[cfg(test)]
mod testing;
mod tmx;

pub use corpus_files::{zh_tag_for_target, CorpusFormat, CorpusOptions};
pub use folder::{write_outputs, MetadataRow, ShardSink, METADATA_COLUMNS};
pub use moses::one_line;

use crate::doc::Document;
use crate::stages::decode::InputError;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Receives the results of pass 2, in input order.
pub trait DocSink {
    fn document(&mut self, doc: Document) -> std::io::Result<()>;
    fn failure(&mut self, id: &str, label: &str, error: &InputError) -> std::io::Result<()>;
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

/// One row of `corpus.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusRow {
    pub id: usize,
    pub src_doc: String,
    pub tgt_doc: String,
    pub src_lang: String,
    pub tgt_lang: String,
    pub src_text: String,
    pub tgt_text: String,
    /// Bead shape, `2-1`.
    pub bead: String,
    /// Alignment score in [0, 1].
    pub score: String,
    /// `sentence` for aligned text, `term` for a glossary pair. Its column comes right after `score`, so the
    /// sentence indices stay the last two columns.
    pub kind: RowKind,
    /// Sentence indices inside each document's sentence list, `3 4`.
    pub src_sentences: String,
    pub tgt_sentences: String,
}

impl CorpusRow {
    /// The row's Chinese and English text, whichever side each is on (a row is zh→en today; a row that is
    /// neither way round keeps source first).
    pub fn zh_en(&self) -> (&str, &str) {
        if self.src_lang == "en" && self.tgt_lang == "zh" {
            (&self.tgt_text, &self.src_text)
        } else {
            (&self.src_text, &self.tgt_text)
        }
    }
}

/// What a corpus row pairs: aligned sentences, or the two sides of a glossary term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    Sentence,
    Term,
}

/// An input that could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputFailure {
    pub file: String,
    pub error: String,
}

/// Write `bytes` to `path` atomically (temporary file in the same folder, then rename).
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written under a temporary name in its final folder, renamed into place by [`AtomicFile::commit`];
/// dropped without committing, it is removed.
pub struct AtomicFile {
    tmp: PathBuf,
    target: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    pub fn create(target: &Path) -> std::io::Result<AtomicFile> {
        let dir = target.parent().unwrap_or_else(|| Path::new("."));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let writer = BufWriter::new(File::create(&tmp)?);
        Ok(AtomicFile {
            tmp,
            target: target.to_path_buf(),
            writer: Some(writer),
        })
    }

    /// Flush, sync and rename into place. On failure the temporary file is removed.
    pub fn commit(mut self) -> std::io::Result<()> {
        let result = (|| {
            if let Some(writer) = self.writer.take() {
                let file = writer.into_inner().map_err(|e| e.into_error())?;
                file.sync_all()?;
            }
            std::fs::rename(&self.tmp, &self.target)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        result
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.writer.as_mut() {
            Some(w) => w.write(bytes),
            None => Err(std::io::Error::other("file already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.writer.as_mut() {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// `corpus.csv` (RFC 4180, header first).
pub fn corpus_csv(rows: &[CorpusRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    if rows.is_empty() {
        writer.write_record([
            "id",
            "src_doc",
            "tgt_doc",
            "src_lang",
            "tgt_lang",
            "src_text",
            "tgt_text",
            "bead",
            "score",
            "kind",
            "src_sentences",
            "tgt_sentences",
        ])?;
    }
    for row in rows {
        writer.serialize(row)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}
