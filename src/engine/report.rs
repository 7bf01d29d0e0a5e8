//! `report.json`: what a run did, in numbers; and `report.html`, the same for people (drawn by
//! `report_html.rs` from the same counts).

use super::batch::{BatchOutcome, Tally};
use super::output::digest::DocDigestSummary;
use super::output::{atomic_write, CorpusOptions, CorpusRow, InputFailure};
use super::report_html::{render, ReportPage};
use crate::pipeline::Pipeline;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Serialize)]
pub struct Report<'a> {
    tool: &'static str,
    version: &'static str,
    config_hash: String,
    inputs: usize,
    documents: usize,
    failed: &'a [InputFailure],
    skipped: &'a [String],
    bytes_in: u64,
    lines: LineCounts,
    changed_lines: &'a BTreeMap<&'static str, usize>,
    removed_by_reason: &'a BTreeMap<String, usize>,
    removed_by_stage: &'a BTreeMap<&'static str, usize>,
    document_pairs: Vec<serde_json::Value>,
    /// Documents left unpaired because two partners scored within `align.pair_margin` of each other.
    ambiguous_documents: Vec<serde_json::Value>,
    corpus_rows: usize,
    /// Aligned beads left out of corpus.csv for scoring below `align.min_bead_score`.
    beads_below_min_score: usize,
    timings_ms: &'a BTreeMap<&'static str, u128>,
    seconds_total: f64,
    throughput_mb_per_s: f64,
    /// The corpus files written (`[output] formats`).
    corpus_files: Vec<&'static str>,
    #[serde(skip)]
    page_only: PageOnly<'a>,
}

/// What report.html shows beyond report.json.
struct PageOnly<'a> {
    corpus: &'a [CorpusRow],
    doc_pairs: &'a [(String, String, f64)],
    min_bead_score: Option<f64>,
    digests: &'a DocDigestSummary,
}

#[derive(Serialize)]
struct LineCounts {
    raw: usize,
    blank: usize,
    kept: usize,
    rejected_rows: usize,
}

impl<'a> Report<'a> {
    pub fn new(
        pipeline: &Pipeline,
        outcome: &'a BatchOutcome,
        inputs: usize,
        skipped: &'a [String],
        seconds: f64,
        corpus: &CorpusOptions,
        digests: &'a DocDigestSummary,
    ) -> Report<'a> {
        let tally: &Tally = &outcome.tally;
        Report {
            tool: "cleanalign",
            version: env!("CARGO_PKG_VERSION"),
            config_hash: pipeline.config_hash().to_string(),
            inputs,
            documents: tally.documents,
            failed: &outcome.failures,
            skipped,
            bytes_in: tally.bytes_in,
            lines: LineCounts {
                raw: tally.raw_lines,
                blank: tally.blank_lines,
                kept: tally.kept_lines,
                rejected_rows: tally.rejected_rows,
            },
            changed_lines: &tally.changed_lines,
            removed_by_reason: &tally.removed_by_reason,
            removed_by_stage: &tally.removed_by_stage,
            document_pairs: outcome
                .doc_pairs
                .iter()
                .map(
                    |(s, t, score)| serde_json::json!({"src_doc": s, "tgt_doc": t, "score": score}),
                )
                .collect(),
            ambiguous_documents: outcome
                .ambiguous_docs
                .iter()
                .map(|(doc, partners)| {
                    let partners: Vec<serde_json::Value> = partners
                        .iter()
                        .map(|(p, score)| serde_json::json!({"doc": p, "score": score}))
                        .collect();
                    serde_json::json!({"doc": doc, "partners": partners})
                })
                .collect(),
            corpus_rows: outcome.corpus.len(),
            beads_below_min_score: outcome.beads_below_min_score,
            timings_ms: &outcome.timings_ms,
            seconds_total: seconds,
            throughput_mb_per_s: if seconds > 0.0 {
                tally.bytes_in as f64 / 1e6 / seconds
            } else {
                0.0
            },
            corpus_files: corpus.files(),
            page_only: PageOnly {
                corpus: &outcome.corpus,
                doc_pairs: &outcome.doc_pairs,
                min_bead_score: pipeline.aligner().map(|a| a.min_bead_score()),
                digests,
            },
        }
    }

    /// Write report.json and report.html.
    pub fn write(&self, out_dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        atomic_write(&out_dir.join("report.json"), &json)?;
        atomic_write(&out_dir.join("report.html"), self.html().as_bytes())
    }

    /// The text of report.html.
    pub fn html(&self) -> String {
        render(&ReportPage {
            version: self.version,
            config_hash: &self.config_hash,
            seconds_total: self.seconds_total,
            inputs: self.inputs,
            documents: self.documents,
            bytes_in: self.bytes_in,
            raw_lines: self.lines.raw,
            blank_lines: self.lines.blank,
            kept_lines: self.lines.kept,
            rejected_rows: self.lines.rejected_rows,
            changed_lines: self.changed_lines,
            removed_by_stage: self.removed_by_stage,
            removed_by_reason: self.removed_by_reason,
            failed: self.failed,
            skipped: self.skipped,
            corpus: self.page_only.corpus,
            corpus_files: &self.corpus_files,
            beads_below_min_score: self.beads_below_min_score,
            min_bead_score: self.page_only.min_bead_score,
            doc_pairs: self.page_only.doc_pairs,
            digests: self.page_only.digests,
        })
    }
}
