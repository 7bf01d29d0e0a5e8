//! The sinks that receive a batch's cleaned documents ([`DocSink`]: in memory, or the output folder) and the
//! records they write (`corpus.csv` rows, failed inputs).
//!
//! * `corpus_files.rs`: `[output] formats` and writing the chosen corpus files; one file per other format:
//!   `tmx.rs` (corpus.tmx), `moses.rs` (corpus.zh + corpus.en), `jsonl.rs` (corpus.jsonl);
//! * `markup.rs`: escaping for XML and HTML;
//! * `digest.rs`: what report.html shows of single documents, gathered in bounded memory.
//!
//! Every file is written to a temporary name in the same folder and renamed into place, so an interrupted run
//! never leaves a half-written file under its final name. Imports the document model, the decode stage's
//! error type and the config; the passes that feed the sinks are in `batch.rs`.

mod corpus_files;
pub mod digest;
mod jsonl;
pub mod markup;
mod moses;
#[cfg(test)]
mod testing;
mod tmx;

pub use corpus_files::{zh_tag_for_target, CorpusFormat, CorpusOptions};
pub use moses::one_line;

use crate::doc::{Document, Reject};
use crate::stages::decode::InputError;
use digest::{DocDigestSummary, DocDigests};
use serde::Serialize;
use std::collections::BTreeSet;
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// What a corpus row pairs: aligned sentences, or the two sides of a glossary term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    Sentence,
    Term,
}

/// An input that could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// One row of `metadata.csv`, kept until the end of the run because the header lists every field found.
#[derive(Debug, Clone)]
struct MetadataRow {
    doc: String,
    lang: &'static str,
    script_in: &'static str,
    title: String,
    fields: std::collections::BTreeMap<String, String>,
    encoding: String,
}

/// Writes the output folder as documents arrive: `docs/` is filled in a staging folder and `rejected.jsonl`
/// under a temporary name; [`FileSink::finish`] writes the rest and swaps everything into place.
pub struct FileSink {
    out_dir: PathBuf,
    staging: PathBuf,
    rejected: AtomicFile,
    metadata: Vec<MetadataRow>,
    digests: DocDigests,
}

impl FileSink {
    pub fn create(out_dir: &Path) -> std::io::Result<FileSink> {
        std::fs::create_dir_all(out_dir)?;
        let staging = out_dir.join(format!(".docs.tmp-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir_all(&staging)?;
        Ok(FileSink {
            out_dir: out_dir.to_path_buf(),
            rejected: AtomicFile::create(&out_dir.join("rejected.jsonl"))?,
            staging,
            metadata: Vec::new(),
            digests: DocDigests::default(),
        })
    }

    fn write_rejects(&mut self, rejects: &[Reject]) -> std::io::Result<()> {
        for reject in rejects {
            let line = serde_json::to_string(reject).map_err(std::io::Error::other)?;
            self.rejected.write_all(line.as_bytes())?;
            self.rejected.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Write the corpus files `options` asks for and `metadata.csv`, commit `rejected.jsonl`, and swap the new
    /// `docs/` in (so documents of inputs that no longer exist do not linger from an earlier run). Returns what
    /// report.html shows of single documents.
    pub fn finish(
        self,
        corpus: &[CorpusRow],
        options: &CorpusOptions,
    ) -> std::io::Result<DocDigestSummary> {
        let csv_err = |e: csv::Error| std::io::Error::other(e.to_string());
        corpus_files::write_corpus_files(&self.out_dir, corpus, options)?;
        atomic_write(
            &self.out_dir.join("metadata.csv"),
            &metadata_csv(&self.metadata).map_err(csv_err)?,
        )?;
        self.rejected.commit()?;
        let final_dir = self.out_dir.join("docs");
        let retired = self
            .out_dir
            .join(format!(".docs.old-{}", std::process::id()));
        if final_dir.exists() {
            std::fs::rename(&final_dir, &retired)?;
        }
        std::fs::rename(&self.staging, &final_dir)?;
        if retired.exists() {
            std::fs::remove_dir_all(&retired)?;
        }
        Ok(self.digests.finish())
    }
}

impl DocSink for FileSink {
    fn document(&mut self, doc: Document) -> std::io::Result<()> {
        // A doc id with `/` (an input in a subfolder, a record of a container) is a path under docs/.
        let path = self.staging.join(format!("{}.txt", doc.id));
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, doc.cleaned_text())?;
        self.digests.add(&doc);
        // Ordered by raw line; the sort is stable, so stage order is kept within a line.
        let mut rejects = doc.rejects;
        rejects.sort_by_key(|r| r.line);
        self.write_rejects(&rejects)?;
        self.metadata.push(MetadataRow {
            doc: doc.id,
            lang: doc.lang.code(),
            script_in: doc.script_in,
            title: doc.meta.title,
            fields: doc.meta.fields,
            encoding: doc.encoding,
        });
        Ok(())
    }

    fn failure(&mut self, id: &str, _label: &str, error: &InputError) -> std::io::Result<()> {
        self.write_rejects(&[Reject {
            doc: id.to_string(),
            line: 0,
            stage: "decode",
            reason: "input-failed".to_string(),
            text: error.to_string(),
            byte_offset: None,
        }])
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

/// Columns of `metadata.csv` that are always present, in order.
pub const METADATA_COLUMNS: &[&str] = &[
    "doc",
    "lang",
    "script_in",
    "title",
    "date",
    "source",
    "author",
];

/// `metadata.csv`: fixed columns, then every other field found in any document (sorted), then the encoding.
fn metadata_csv(rows: &[MetadataRow]) -> Result<Vec<u8>, csv::Error> {
    let fixed: BTreeSet<&str> = ["date", "source", "author"].into_iter().collect();
    let extra: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.fields.keys().map(String::as_str))
        .filter(|k| !fixed.contains(k))
        .collect();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<&str> = METADATA_COLUMNS.to_vec();
    header.extend(extra.iter().copied());
    header.push("encoding");
    writer.write_record(&header)?;
    for row in rows {
        let field = |k: &str| row.fields.get(k).cloned().unwrap_or_default();
        let mut record = vec![
            row.doc.clone(),
            row.lang.to_string(),
            row.script_in.to_string(),
            row.title.clone(),
            field("date"),
            field("source"),
            field("author"),
        ];
        record.extend(extra.iter().map(|k| field(k)));
        record.push(row.encoding.clone());
        writer.write_record(&record)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}
