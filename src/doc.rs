//! The document model: every line remembers the raw line it came from.
//!
//! Line provenance is what makes the accounting promise checkable: at the end of a run every raw line of
//! every input is either still in `lines` (possibly repaired), or named by a [`Reject`], or was blank.

use crate::text::Lang;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One line of a document, with the 1-based number of the raw line it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub raw_no: usize,
    pub text: String,
    pub lang: Lang,
    /// Set by the boilerplate stage on the line that is the page title.
    pub is_title: bool,
}

/// A removed raw line or span, as written to `rejected.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reject {
    pub doc: String,
    /// 1-based raw line number (0 when the span is not tied to one line, e.g. a whole undecodable file).
    pub line: usize,
    pub stage: &'static str,
    pub reason: String,
    pub text: String,
    /// Byte offset in the raw input, for decode errors only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_offset: Option<u64>,
}

/// Page metadata found in the document (moved out of the text, written to `metadata.csv`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub title: String,
    /// Other fields (`date`, `source`, `author`, ...). Sorted, so output never depends on discovery order.
    pub fields: BTreeMap<String, String>,
}

impl Metadata {
    /// Record a field; a second value for the same field is appended with ` | ` rather than lost.
    pub fn add(&mut self, field: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let slot = self.fields.entry(field.to_string()).or_default();
        if slot.is_empty() {
            slot.push_str(value);
        } else if !slot.split(" | ").any(|v| v == value) {
            slot.push_str(" | ");
            slot.push_str(value);
        }
    }
}

/// Per-document counters that end up summed in `report.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocStats {
    pub raw_lines: usize,
    pub blank_lines: usize,
    /// Lines changed, per stage name.
    pub changed: BTreeMap<&'static str, usize>,
}

/// A document travelling through the stages.
#[derive(Debug, Clone)]
pub struct Document {
    /// The input's file stem: the name of `docs/<id>.txt` and the `doc` column everywhere.
    pub id: String,
    pub path: PathBuf,
    /// Encoding the raw bytes were decoded from.
    pub encoding: String,
    pub bytes: u64,
    pub lang: Lang,
    /// Chinese script of the input before conversion (`zh-Hans`, `zh-Hant`, `mixed`, `none`).
    pub script_in: &'static str,
    pub lines: Vec<Line>,
    pub meta: Metadata,
    pub rejects: Vec<Reject>,
    pub stats: DocStats,
    /// Sentences of the kept lines (filled by the segment stage), used for alignment.
    pub sentences: Vec<String>,
    /// The lines are an HTML page's text, already reduced to its main content from DOM evidence.
    pub from_html: bool,
}

impl Document {
    /// Build a document from decoded text. Blank lines are dropped here and counted, not rejected: they carry no
    /// text, so listing them in `rejected.jsonl` would only bloat it.
    pub fn from_text(id: &str, path: PathBuf, encoding: &str, bytes: u64, text: &str) -> Document {
        let mut stats = DocStats::default();
        let mut lines = Vec::new();
        for (i, raw) in crate::text::split_lines(text).enumerate() {
            stats.raw_lines += 1;
            if crate::text::is_blank(raw) {
                stats.blank_lines += 1;
                continue;
            }
            lines.push(Line {
                raw_no: i + 1,
                text: raw.to_string(),
                lang: Lang::Other,
                is_title: false,
            });
        }
        Document {
            id: id.to_string(),
            path,
            encoding: encoding.to_string(),
            bytes,
            lang: Lang::Other,
            script_in: "none",
            lines,
            meta: Metadata::default(),
            rejects: Vec::new(),
            stats,
            sentences: Vec::new(),
            from_html: false,
        }
    }

    /// Record a removed line or span.
    pub fn reject(&mut self, raw_no: usize, stage: &'static str, reason: &str, text: &str) {
        self.rejects.push(Reject {
            doc: self.id.clone(),
            line: raw_no,
            stage,
            reason: reason.to_string(),
            text: text.to_string(),
            byte_offset: None,
        });
    }

    /// Rewrite lines and cut sentences out of them. `edit` returns, for a line it changes, the new text and
    /// the byte ranges of that text to remove (possibly none); `tidy` then settles the spacing the cuts
    /// leave. Every cut goes to `rejected.jsonl` as (`stage`, `reason`), each changed line counts once for
    /// `stage`, and a line left blank is removed.
    pub fn edit_and_cut(
        &mut self,
        stage: &'static str,
        reason: &str,
        mut edit: impl FnMut(&str) -> Option<(String, Vec<std::ops::Range<usize>>)>,
        tidy: impl Fn(&str) -> String,
    ) {
        let mut removed: Vec<(usize, String)> = Vec::new();
        let mut changed = 0;
        for line in self.lines.iter_mut() {
            let Some((mut text, cut)) = edit(&line.text) else {
                continue;
            };
            if !cut.is_empty() {
                let (kept, cuts) = crate::text::cut_ranges(&text, &cut);
                removed.extend(cuts.into_iter().map(|c| (line.raw_no, c)));
                text = tidy(&kept);
            }
            if text != line.text {
                changed += 1;
                line.text = text;
            }
        }
        for _ in 0..changed {
            self.count_change(stage);
        }
        self.lines.retain(|l| !crate::text::is_blank(&l.text));
        for (raw_no, text) in removed {
            self.reject(raw_no, stage, reason, &text);
        }
    }

    /// Count a changed line for `stage`.
    pub fn count_change(&mut self, stage: &'static str) {
        *self.stats.changed.entry(stage).or_default() += 1;
    }

    /// The document's text as written to `docs/<id>.txt`: one line per paragraph, LF, final newline.
    pub fn cleaned_text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_counted_not_kept() {
        let doc = Document::from_text("d", PathBuf::from("d.txt"), "UTF-8", 0, "a\n\n \r\nb\r\n");
        let kept: Vec<_> = doc
            .lines
            .iter()
            .map(|l| (l.raw_no, l.text.as_str()))
            .collect();
        assert_eq!(kept, vec![(1, "a"), (4, "b")]);
        assert_eq!(doc.stats.raw_lines, 4);
        assert_eq!(doc.stats.blank_lines, 2);
    }

    #[test]
    fn no_final_newline_keeps_last_line() {
        let doc = Document::from_text("d", PathBuf::from("d.txt"), "UTF-8", 0, "a\nb");
        assert_eq!(doc.lines.len(), 2);
        assert_eq!(doc.stats.raw_lines, 2);
    }

    #[test]
    fn metadata_keeps_every_distinct_value() {
        let mut m = Metadata::default();
        m.add("author", "A");
        m.add("author", "B");
        m.add("author", "A");
        assert_eq!(m.fields["author"], "A | B");
    }
}
