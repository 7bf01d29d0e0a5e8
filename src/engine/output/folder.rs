//! The output folder, written by shards: [`ShardSink`] receives one shard's cleaned documents (their
//! `docs/` files go straight into a staging folder shared by all shards; rejects and metadata rows into the
//! shard's own part files), and [`write_outputs`] assembles every shard's parts into `rejected.jsonl`,
//! `metadata.csv`, the corpus files and `docs/`, in input order.
//!
//! Every final file is written under a temporary name and renamed into place. Imports the document model, the
//! decode stage's error type and the rest of `output/`.

use super::corpus_files::{write_corpus_files, CorpusOptions};
use super::digest::{DocDigestSummary, DocDigests};
use super::{atomic_write, AtomicFile, CorpusRow, DocSink};
use crate::doc::{Document, Reject};
use crate::stages::decode::InputError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// One row of `metadata.csv`, kept until the end of the run because the header lists every field found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetadataRow {
    doc: String,
    lang: String,
    script_in: String,
    title: String,
    fields: BTreeMap<String, String>,
    encoding: String,
}

/// Writes one shard's documents as they arrive: each document to `<docs>/<doc id>.txt`, its rejects (sorted
/// by raw line) to the shard's `rejected.jsonl`, and its metadata row to the shard's `metadata.jsonl`.
pub struct ShardSink {
    docs: PathBuf,
    rejected: AtomicFile,
    metadata: AtomicFile,
    digests: DocDigests,
}

impl ShardSink {
    /// A sink writing documents under `docs` and the shard's part files into `part_dir`.
    pub fn create(docs: &Path, part_dir: &Path) -> std::io::Result<ShardSink> {
        std::fs::create_dir_all(docs)?;
        std::fs::create_dir_all(part_dir)?;
        Ok(ShardSink {
            docs: docs.to_path_buf(),
            rejected: AtomicFile::create(&part_dir.join("rejected.jsonl"))?,
            metadata: AtomicFile::create(&part_dir.join("metadata.jsonl"))?,
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

    /// Commit the part files; returns what report.html shows of this shard's documents.
    pub fn finish(self) -> std::io::Result<DocDigestSummary> {
        self.rejected.commit()?;
        self.metadata.commit()?;
        Ok(self.digests.finish())
    }
}

impl DocSink for ShardSink {
    fn document(&mut self, doc: Document) -> std::io::Result<()> {
        // A doc id with `/` (an input in a subfolder, a record of a container) is a path under docs/.
        let path = self.docs.join(format!("{}.txt", doc.id));
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, doc.cleaned_text())?;
        self.digests.add(&doc);
        // Ordered by raw line; the sort is stable, so stage order is kept within a line.
        let mut rejects = doc.rejects;
        rejects.sort_by_key(|r| r.line);
        self.write_rejects(&rejects)?;
        let row = MetadataRow {
            doc: doc.id,
            lang: doc.lang.code().to_string(),
            script_in: doc.script_in.to_string(),
            title: doc.meta.title,
            fields: doc.meta.fields,
            encoding: doc.encoding,
        };
        let line = serde_json::to_string(&row).map_err(std::io::Error::other)?;
        self.metadata.write_all(line.as_bytes())?;
        self.metadata.write_all(b"\n")
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

/// The metadata rows of one shard's `metadata.jsonl`, in order.
pub fn read_metadata(part_dir: &Path) -> std::io::Result<Vec<MetadataRow>> {
    let file = std::fs::File::open(part_dir.join("metadata.jsonl"))?;
    let mut rows = Vec::new();
    for line in BufReader::new(file).lines() {
        rows.push(serde_json::from_str(&line?).map_err(std::io::Error::other)?);
    }
    Ok(rows)
}

/// Write the output folder from every shard's parts, shards in order: the corpus files `options` asks for,
/// `metadata.csv`, `rejected.jsonl` (the shards' files put end to end), then the staged documents swapped in as
/// `docs/` (so documents of inputs that no longer exist do not linger from an earlier run).
pub fn write_outputs(
    out_dir: &Path,
    staged_docs: &Path,
    part_dirs: &[PathBuf],
    corpus: &[CorpusRow],
    options: &CorpusOptions,
) -> std::io::Result<()> {
    let csv_err = |e: csv::Error| std::io::Error::other(e.to_string());
    write_corpus_files(out_dir, corpus, options)?;
    let mut metadata = Vec::new();
    for dir in part_dirs {
        metadata.extend(read_metadata(dir)?);
    }
    atomic_write(
        &out_dir.join("metadata.csv"),
        &metadata_csv(&metadata).map_err(csv_err)?,
    )?;
    drop(metadata);
    let mut rejected = AtomicFile::create(&out_dir.join("rejected.jsonl"))?;
    for dir in part_dirs {
        let mut part = std::fs::File::open(dir.join("rejected.jsonl"))?;
        std::io::copy(&mut part, &mut rejected)?;
    }
    rejected.commit()?;
    // Without a staging folder (every clean shard makes one), an earlier attempt of this merge, killed
    // before it could say it was done, has already swapped the documents in.
    if !staged_docs.exists() {
        return Ok(());
    }
    let final_dir = out_dir.join("docs");
    let retired = out_dir.join(format!(".docs.old-{}", std::process::id()));
    if final_dir.exists() {
        std::fs::rename(&final_dir, &retired)?;
    }
    std::fs::rename(staged_docs, &final_dir)?;
    if retired.exists() {
        std::fs::remove_dir_all(&retired)?;
    }
    Ok(())
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
            row.lang.clone(),
            row.script_in.clone(),
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
