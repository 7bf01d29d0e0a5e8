//! The inputs of a batch: which files of the raw folder are read, which documents they hold, and how each
//! document's bytes are fetched.
//!
//! What lives where:
//! * `walk.rs`: the raw folder walked recursively in a stable order, each file's kind and doc id;
//! * `warc.rs`, `jsonl.rs`: streaming readers of the two container formats, one document per record.
//!
//! A text or HTML file is one document. A WARC or JSONL file is listed record by record (streamed, never
//! held in memory) into one [`Source`] per document; the passes then fetch the records again, in order,
//! through a [`RecordCursor`] that streams each container once per pass. Gzipped files (`.gz`, or the gzip
//! signature on an HTML, WARC or JSONL file) are decompressed on the fly; `input.max_file_bytes` bounds each
//! document after decompression, not the container.
//!
//! Imports the configuration, the decode stage's error type and the HTML sniffer; the passes over the
//! batch live in `batch.rs`.

mod jsonl;
mod walk;
mod warc;

pub use walk::list_inputs;

use crate::config::InputConfig;
use crate::stages::decode::InputError;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Text,
    Html,
    Warc,
    Jsonl,
}

/// One input file of the raw folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// The relative path without extension: the document id of a text or HTML file, the id prefix of the
    /// records of a container.
    pub id: String,
    pub path: PathBuf,
    pub kind: InputKind,
    /// The name ends in `.gz`.
    pub gzip: bool,
}

/// How a document's bytes are to be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    Text,
    /// An HTML page, with the charset its HTTP header declared, if any.
    Html {
        http_charset: Option<String>,
    },
}

/// A document's bytes, their format, and metadata the container gave it (`url`, WARC ids, JSONL fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub bytes: Vec<u8>,
    pub format: Format,
    pub fields: Vec<(String, String)>,
}

/// A record of a container that is a document: its number (WARC record number, or JSONL line number), the
/// key its doc id ends in, and its content or why it cannot be read.
#[derive(Debug)]
pub struct RecordItem {
    pub number: u64,
    pub key: String,
    pub content: Result<Loaded, InputError>,
}

/// One document of the batch, and where its bytes come from.
#[derive(Debug, Clone)]
pub enum Source<'a> {
    File(&'a Input),
    Record {
        input: &'a Input,
        number: u64,
        id: String,
    },
    /// A container that could not be listed (past the records that could).
    Failed {
        id: String,
        label: String,
        error: InputError,
    },
    Bytes {
        id: &'a str,
        bytes: &'a [u8],
    },
}

impl Source<'_> {
    pub fn id(&self) -> &str {
        match self {
            Source::File(input) => &input.id,
            Source::Record { id, .. } | Source::Failed { id, .. } => id,
            Source::Bytes { id, .. } => id,
        }
    }

    /// How the document is named in error messages: its path (and record), or its id.
    pub fn label(&self) -> String {
        match self {
            Source::File(input) => input.path.display().to_string(),
            Source::Record { input, number, .. } => {
                let unit = if input.kind == InputKind::Warc {
                    "record"
                } else {
                    "line"
                };
                format!("{} ({unit} {number})", input.path.display())
            }
            Source::Failed { label, .. } => label.clone(),
            Source::Bytes { id, .. } => id.to_string(),
        }
    }
}

/// Read up to and including the next `\n`, keeping at most `limit` bytes in `buf`. Returns the bytes consumed
/// (0 at the end of the stream) and whether the line was longer than `limit` (the rest of it is consumed and
/// dropped).
pub(crate) fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut overflow = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, overflow));
        }
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let room = limit.saturating_sub(buf.len());
        if take > room {
            overflow = true;
        }
        buf.extend_from_slice(&available[..take.min(room)]);
        reader.consume(take);
        consumed += take;
        if done {
            return Ok((consumed, overflow));
        }
    }
}

/// Open a file for reading, gunzipping it when its name or its first bytes say gzip.
fn open_stream(input: &Input, sniff_gzip: bool) -> Result<Box<dyn BufRead>, InputError> {
    let file = std::fs::File::open(&input.path).map_err(|e| InputError::Io(e.to_string()))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let signature = reader
        .fill_buf()
        .map_err(|e| InputError::Io(e.to_string()))?
        .starts_with(b"\x1f\x8b");
    if input.gzip || (sniff_gzip && signature) {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        )))
    } else {
        Ok(Box::new(reader))
    }
}

/// The records of a container file that are documents, streamed.
fn records(
    config: &InputConfig,
    input: &Input,
) -> Result<Box<dyn Iterator<Item = Result<RecordItem, InputError>>>, InputError> {
    let stream = open_stream(input, true)?;
    Ok(match input.kind {
        InputKind::Warc => Box::new(warc::WarcRecords::new(stream, config.max_file_bytes)),
        _ => Box::new(jsonl::JsonlRecords::new(stream, config.max_file_bytes)),
    })
}

/// The documents of the batch, in input order: a file is one, a container one per record. Containers are
/// streamed through once here; a container that fails part-way keeps the records before the failure and
/// adds a failed source for the rest. Records that are not documents are reported in `skipped`.
pub fn documents<'a>(
    config: &InputConfig,
    inputs: &'a [Input],
    skipped: &mut Vec<String>,
) -> Vec<Source<'a>> {
    let mut sources = Vec::with_capacity(inputs.len());
    for input in inputs {
        if matches!(input.kind, InputKind::Text | InputKind::Html) {
            sources.push(Source::File(input));
            continue;
        }
        let fail = |error: InputError| Source::Failed {
            id: input.id.clone(),
            label: input.path.display().to_string(),
            error,
        };
        let stream = match records(config, input) {
            Ok(stream) => stream,
            Err(e) => {
                sources.push(fail(e));
                continue;
            }
        };
        let mut seen = 0u64;
        let mut last_number = None;
        for item in stream {
            match item {
                Ok(item) => {
                    seen += 1;
                    last_number = Some(item.number);
                    sources.push(Source::Record {
                        input,
                        number: item.number,
                        id: format!("{}/{}", input.id, item.key),
                    });
                }
                Err(e) => {
                    let after = last_number.map_or(String::new(), |n| format!(" after record {n}"));
                    sources.push(Source::Failed {
                        id: input.id.clone(),
                        label: format!("{}{after}", input.path.display()),
                        error: e,
                    });
                }
            }
        }
        if input.kind == InputKind::Warc && seen == 0 {
            skipped.push(format!(
                "{} (a WARC file with no HTML response or WET conversion record)",
                input.path.display()
            ));
        }
    }
    sources
}

/// Fetches records in order, streaming each container once per pass.
pub struct RecordCursor<'a> {
    config: &'a InputConfig,
    open: Option<OpenContainer>,
}

struct OpenContainer {
    path: PathBuf,
    last: Option<u64>,
    stream: Box<dyn Iterator<Item = Result<RecordItem, InputError>>>,
}

impl<'a> RecordCursor<'a> {
    pub fn new(config: &'a InputConfig) -> Self {
        RecordCursor { config, open: None }
    }

    /// The content of record `number` of `input`. Cheap when records are asked for in file order.
    pub fn fetch(&mut self, input: &Input, number: u64) -> Result<Loaded, InputError> {
        let reusable = self
            .open
            .as_ref()
            .is_some_and(|o| o.path == input.path && o.last.is_none_or(|last| last < number));
        if !reusable {
            self.open = Some(OpenContainer {
                path: input.path.clone(),
                last: None,
                stream: records(self.config, input)?,
            });
        }
        let Some(open) = self.open.as_mut() else {
            return Err(InputError::Io("container not open".into()));
        };
        let gone = || InputError::Io(format!("record {number} is no longer in the file"));
        loop {
            match open.stream.next() {
                Some(Ok(item)) => {
                    open.last = Some(item.number);
                    if item.number == number {
                        return item.content;
                    }
                    if item.number > number {
                        return Err(gone());
                    }
                }
                Some(Err(e)) => return Err(e),
                None => return Err(gone()),
            }
        }
    }
}

/// Read a text or HTML file (gunzipped if need be), refusing directories and documents over the size limit.
pub fn read_file(config: &InputConfig, input: &Input) -> Result<Loaded, InputError> {
    let meta = std::fs::metadata(&input.path).map_err(|e| InputError::Io(e.to_string()))?;
    if meta.is_dir() {
        return Err(InputError::IsDirectory);
    }
    let limit = config.max_file_bytes;
    let format = match input.kind {
        InputKind::Html => Format::Html { http_charset: None },
        _ => Format::Text,
    };
    let compressed = input.gzip || input.kind == InputKind::Html;
    if !compressed {
        if meta.len() > limit {
            return Err(InputError::TooLarge {
                size: meta.len(),
                limit,
            });
        }
        let bytes = std::fs::read(&input.path).map_err(|e| InputError::Io(e.to_string()))?;
        return Ok(Loaded {
            bytes,
            format,
            fields: Vec::new(),
        });
    }
    let mut bytes = Vec::new();
    open_stream(input, input.kind == InputKind::Html)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Undecodable(format!("broken gzip data: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(Loaded {
        bytes,
        format,
        fields: Vec::new(),
    })
}
