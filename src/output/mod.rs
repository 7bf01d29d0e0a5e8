//! Writers for the output folder. Every file is written to a temporary name in the same folder and renamed into
//! place, so an interrupted run never leaves a half-written file under its final name.

use crate::doc::{Document, Reject};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

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
    /// Sentence indices inside each document's sentence list, `3 4`.
    pub src_sentences: String,
    pub tgt_sentences: String,
}

/// An input that could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputFailure {
    pub file: String,
    pub error: String,
}

/// Write `bytes` to `path` atomically (temporary file in the same folder, then rename).
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Write `docs/<id>.txt` for every document. The new folder is built beside the old one and swapped in, so
/// documents of inputs that no longer exist do not linger from an earlier run.
pub fn write_docs(out_dir: &Path, docs: &[Document]) -> std::io::Result<()> {
    let final_dir = out_dir.join("docs");
    let staging = out_dir.join(format!(".docs.tmp-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir_all(&staging)?;
    for doc in docs {
        std::fs::write(staging.join(format!("{}.txt", doc.id)), doc.cleaned_text())?;
    }
    let retired = out_dir.join(format!(".docs.old-{}", std::process::id()));
    if final_dir.exists() {
        std::fs::rename(&final_dir, &retired)?;
    }
    std::fs::rename(&staging, &final_dir)?;
    if retired.exists() {
        std::fs::remove_dir_all(&retired)?;
    }
    Ok(())
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

/// `rejected.jsonl`: one object per removed line or span.
pub fn rejected_jsonl(rejects: impl Iterator<Item = Reject>) -> Vec<u8> {
    let mut out = Vec::new();
    for reject in rejects {
        if let Ok(line) = serde_json::to_string(&reject) {
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
    }
    out
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
pub fn metadata_csv(docs: &[Document]) -> Result<Vec<u8>, csv::Error> {
    let fixed: BTreeSet<&str> = ["date", "source", "author"].into_iter().collect();
    let extra: BTreeSet<&str> = docs
        .iter()
        .flat_map(|d| d.meta.fields.keys().map(String::as_str))
        .filter(|k| !fixed.contains(k))
        .collect();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<&str> = METADATA_COLUMNS.to_vec();
    header.extend(extra.iter().copied());
    header.push("encoding");
    writer.write_record(&header)?;
    for doc in docs {
        let field = |k: &str| doc.meta.fields.get(k).cloned().unwrap_or_default();
        let mut record = vec![
            doc.id.clone(),
            doc.lang.code().to_string(),
            doc.script_in.to_string(),
            doc.meta.title.clone(),
            field("date"),
            field("source"),
            field("author"),
        ];
        record.extend(extra.iter().map(|k| field(k)));
        record.push(doc.encoding.clone());
        writer.write_record(&record)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// Paths of the output files, for messages.
pub fn output_paths(out_dir: &Path) -> Vec<PathBuf> {
    [
        "docs",
        "corpus.csv",
        "rejected.jsonl",
        "metadata.csv",
        "report.json",
    ]
    .iter()
    .map(|n| out_dir.join(n))
    .collect()
}
