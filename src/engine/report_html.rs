//! `report.html`: report.json for people. One self-contained page (inline CSS and SVG, no script, a Content
//! Security Policy that forbids every external request) with the line counts per stage and per reason, the
//! score histogram of the corpus, totals per language, the listed documents with samples of their removed
//! lines, and the failed inputs.
//!
//! Its size is bounded whatever the batch: at most [`digest::MAX_DOCS`] documents are listed (those with the
//! most removed rows), each with at most [`digest::SAMPLES_PER_DOC`] removed lines cut to
//! [`digest::SAMPLE_CHARS`] characters; at most [`MAX_REASON_BARS`] reasons get a bar and at most
//! [`MAX_LISTED_FAILURES`] failed or skipped inputs are listed. The full lists are in report.json,
//! rejected.jsonl and metadata.csv. Imports the charts (`svg.rs`) and the output records.

use super::output::digest::{self, DocDigest, DocDigestSummary};
use super::output::markup::{escape_attr, escape_text};
use super::output::{CorpusRow, InputFailure};
use super::svg::{bar_chart, histogram, score_bins, stacked_bar, thousands, BarRow, Series};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Reasons drawn one by one; the rest share one bar.
pub const MAX_REASON_BARS: usize = 20;
/// Failed (and, separately, skipped) inputs listed.
pub const MAX_LISTED_FAILURES: usize = 1000;

/// The stages in pipeline order, for the per-stage chart; stages not named here follow in name order.
const STAGE_ORDER: &[&str] = &[
    "decode",
    "mojibake",
    "normalize",
    "ruby",
    "boilerplate",
    "spam",
    "punct",
    "mt",
    "script",
    "segment",
    "align",
];

const KEPT: &str = "#59a14f";
const CHANGED: &str = "#4e79a7";
const REMOVED: &str = "#e15759";
const BLANK: &str = "#bab0ac";
/// The reasons chart has a colour of its own, so that a screenshot check can tell it from the stage chart.
const REASON: &str = "#f28e2b";

/// Everything the page shows.
pub struct ReportPage<'a> {
    pub version: &'a str,
    pub config_hash: &'a str,
    pub seconds_total: f64,
    pub inputs: usize,
    pub documents: usize,
    pub bytes_in: u64,
    pub raw_lines: usize,
    pub blank_lines: usize,
    pub kept_lines: usize,
    pub rejected_rows: usize,
    pub changed_lines: &'a BTreeMap<String, usize>,
    pub removed_by_stage: &'a BTreeMap<String, usize>,
    pub removed_by_reason: &'a BTreeMap<String, usize>,
    pub failed: &'a [InputFailure],
    pub skipped: &'a [String],
    pub corpus: &'a [CorpusRow],
    pub corpus_files: &'a [&'static str],
    pub beads_below_min_score: usize,
    /// `None` when alignment did not run.
    pub min_bead_score: Option<f64>,
    pub doc_pairs: &'a [(String, String, f64)],
    pub digests: &'a DocDigestSummary,
}

const STYLE: &str = r#"
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:0 auto;max-width:1400px;padding:16px 24px;color:#222;background:#fff}
h1{font-size:22px;margin:4px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:14px;margin:16px 0 4px}
.meta{color:#555;margin:0 0 12px}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 4px}
.card{border:1px solid #ddd;border-radius:6px;padding:6px 12px;min-width:96px}.card b{display:block;font-size:18px}.card span{color:#555;font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:0 24px}.charts>div{flex:1 1 540px;min-width:0;max-width:660px}figure{margin:8px 0}figcaption{font-weight:600;margin-bottom:4px}figcaption small{font-weight:400;color:#555}
svg.chart{max-width:100%;height:auto;font-size:11px}svg .label{fill:#333}svg .value,svg .legend{fill:#555}svg .empty{fill:#888}
svg .axis{stroke:#999;stroke-width:1}svg .threshold{stroke:#e15759;stroke-width:2;stroke-dasharray:5 3}svg .threshold-label{fill:#e15759}
table{border-collapse:collapse;font-size:13px;margin:4px 0}th,td{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums}td.text{max-width:720px;overflow-wrap:anywhere}
.note{color:#555;font-size:13px}section.doc:target{background:#fff8d6}code{font-size:12px}a{color:#2a5d9f}
"#;

/// The whole page.
pub fn render(page: &ReportPage) -> String {
    let mut html = String::with_capacity(64 * 1024);
    html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // No request may leave the page: no script, no style sheet, no image, no font from anywhere.
    html.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str("<title>cleanalign report</title>\n<style>");
    html.push_str(STYLE);
    html.push_str("</style>\n</head>\n<body>\n");
    summary(&mut html, page);
    charts(&mut html, page);
    corpus_files(&mut html, page);
    languages(&mut html, page);
    documents(&mut html, page);
    failures(&mut html, page);
    samples(&mut html, page);
    html.push_str("</body>\n</html>\n");
    html
}

fn summary(html: &mut String, page: &ReportPage) {
    let _ = write!(
        html,
        "<h1>cleanalign report</h1>\n<p class=\"meta\">cleanalign {} · config hash <code>{}</code> · {:.1} s · {:.2} MB in</p>\n<div class=\"cards\">",
        escape_text(page.version),
        escape_text(page.config_hash),
        page.seconds_total,
        page.bytes_in as f64 / 1e6
    );
    let pairs = page.doc_pairs.len();
    for (value, what) in [
        (page.inputs, "inputs"),
        (page.documents, "documents cleaned"),
        (page.failed.len(), "inputs failed"),
        (page.raw_lines, "raw lines"),
        (page.kept_lines, "lines kept"),
        (page.rejected_rows, "rows removed"),
        (page.blank_lines, "blank lines"),
        (pairs, "document pairs"),
        (page.corpus.len(), "corpus rows"),
    ] {
        let _ = write!(
            html,
            "<div class=\"card\"><b>{}</b><span>{}</span></div>",
            thousands(value),
            what
        );
    }
    html.push_str("</div>\n");
}

fn stage_rank(stage: &str) -> (usize, &str) {
    (
        STAGE_ORDER
            .iter()
            .position(|s| *s == stage)
            .unwrap_or(STAGE_ORDER.len()),
        stage,
    )
}

fn charts(html: &mut String, page: &ReportPage) {
    // Every non-blank raw line is kept or removed whole (the line accounting of tests/accounting.rs), so the
    // three parts add up to the raw lines; rows removed can be more than lines removed (a sentence cut out
    // of a kept line is a row too).
    let removed_lines = page
        .raw_lines
        .saturating_sub(page.blank_lines)
        .saturating_sub(page.kept_lines);
    html.push_str("<div class=\"charts\">\n<div>\n");
    let _ = writeln!(
        html,
        "<figure id=\"chart-lines\"><figcaption>Raw lines: kept, removed, blank <small>({} raw lines; {} rows in rejected.jsonl)</small></figcaption>{}</figure>",
        thousands(page.raw_lines),
        thousands(page.rejected_rows),
        stacked_bar(
            "Raw lines kept, removed and blank",
            &[
                ("kept", page.kept_lines, KEPT),
                ("removed", removed_lines, REMOVED),
                ("blank", page.blank_lines, BLANK)
            ]
        )
    );
    // Per stage: lines changed and rows removed.
    let mut stages: Vec<&str> = page
        .changed_lines
        .keys()
        .chain(page.removed_by_stage.keys())
        .map(String::as_str)
        .collect();
    stages.sort_by_key(|s| stage_rank(s));
    stages.dedup();
    let rows: Vec<BarRow> = stages
        .iter()
        .map(|s| BarRow {
            label: s.to_string(),
            values: vec![
                page.changed_lines.get(*s).copied().unwrap_or(0),
                page.removed_by_stage.get(*s).copied().unwrap_or(0),
            ],
        })
        .collect();
    let series = [
        Series {
            name: "changed",
            colour: CHANGED,
        },
        Series {
            name: "removed",
            colour: REMOVED,
        },
    ];
    let _ = writeln!(
        html,
        "<figure id=\"chart-stages\"><figcaption>Lines changed and rows removed, per stage <small>(a line changed by two stages counts for each)</small></figcaption>{}</figure>",
        bar_chart("Lines changed and rows removed per stage", &series, &rows)
    );

    // Per reason, most frequent first.
    let mut reasons: Vec<(&str, usize)> = page
        .removed_by_reason
        .iter()
        .map(|(r, n)| (r.as_str(), *n))
        .collect();
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut rows: Vec<BarRow> = reasons
        .iter()
        .take(MAX_REASON_BARS)
        .map(|(r, n)| BarRow {
            label: r.to_string(),
            values: vec![*n],
        })
        .collect();
    if reasons.len() > MAX_REASON_BARS {
        let rest = &reasons[MAX_REASON_BARS..];
        rows.push(BarRow {
            label: format!("{} other reasons", rest.len()),
            values: vec![rest.iter().map(|r| r.1).sum()],
        });
    }
    let reasons_figure = format!(
        "<figure id=\"chart-reasons\"><figcaption>Rows removed, per reason <small>(every one is in rejected.jsonl)</small></figcaption>{}</figure>\n",
        bar_chart(
            "Rows removed per reason",
            &[Series {
                name: "removed rows",
                colour: REASON
            }],
            &rows
        )
    );

    // Scores of the corpus rows.
    let bins = score_bins(
        page.corpus
            .iter()
            .filter_map(|r| r.score.parse::<f64>().ok()),
    );
    let caption = match page.min_bead_score {
        Some(t) => format!(
            "{} corpus rows; {} aligned beads scored below min_bead_score {t:.2} and were left out",
            thousands(page.corpus.len()),
            thousands(page.beads_below_min_score)
        ),
        None => "alignment did not run".to_string(),
    };
    let _ = writeln!(
        html,
        "<figure id=\"chart-scores\"><figcaption>Scores of aligned pairs <small>({})</small></figcaption>{}</figure>",
        escape_text(&caption),
        histogram("Score histogram of aligned pairs", &bins, page.min_bead_score)
    );
    html.push_str("</div>\n<div>\n");
    html.push_str(&reasons_figure);
    html.push_str("</div>\n</div>\n");
}

fn corpus_files(html: &mut String, page: &ReportPage) {
    html.push_str("<h2 id=\"corpus\">Corpus files</h2>\n<p>");
    if page.corpus_files.is_empty() {
        html.push_str("No corpus file was asked for (<code>[output] formats = []</code>).");
    }
    for (i, f) in page.corpus_files.iter().enumerate() {
        if i > 0 {
            html.push_str(" · ");
        }
        let _ = write!(
            html,
            "<a href=\"{}\">{}</a>",
            escape_attr(f),
            escape_text(f)
        );
    }
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for row in page.corpus {
        *kinds
            .entry(match row.kind {
                super::output::RowKind::Sentence => "sentence",
                super::output::RowKind::Term => "term",
            })
            .or_default() += 1;
    }
    let kinds: Vec<String> = kinds
        .iter()
        .map(|(k, n)| format!("{} {k}", thousands(*n)))
        .collect();
    if !kinds.is_empty() {
        let _ = write!(html, " — rows: {}", escape_text(&kinds.join(", ")));
    }
    html.push_str("</p>\n");
}

fn languages(html: &mut String, page: &ReportPage) {
    html.push_str("<h2 id=\"languages\">Documents per language and input script</h2>\n<table><tr><th>language</th><th>script in</th><th>documents</th><th>lines in</th><th>lines kept</th><th>rows removed</th></tr>\n");
    for ((lang, script), t) in &page.digests.groups {
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape_text(lang),
            escape_text(script),
            thousands(t.documents),
            thousands(t.raw_lines),
            thousands(t.kept_lines),
            thousands(t.removed)
        );
    }
    html.push_str("</table>\n");
}

/// A relative link to `docs/<id>.txt`: every byte but unreserved ones and `/` percent-encoded.
fn doc_href(id: &str) -> String {
    let mut href = String::from("docs/");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            href.push(b as char);
        } else {
            let _ = write!(href, "%{b:02X}");
        }
    }
    href.push_str(".txt");
    href
}

fn anchor(d: &DocDigest) -> String {
    format!("doc-{}", d.order + 1)
}

fn documents(html: &mut String, page: &ReportPage) {
    let listed = &page.digests.listed;
    let _ = write!(
        html,
        "<h2 id=\"documents\">Documents</h2>\n<p class=\"note\">{}</p>\n",
        if listed.len() < page.digests.documents {
            format!(
                "Listed: the {} documents with the most removed rows, of {} (at most {} are listed, so the page stays small on a large batch). Every document is in metadata.csv and docs/, every removed line in rejected.jsonl.",
                thousands(listed.len()),
                thousands(page.digests.documents),
                thousands(digest::MAX_DOCS)
            )
        } else {
            format!(
                "All {} documents, in input order. Every removed line is in rejected.jsonl.",
                thousands(listed.len())
            )
        }
    );
    // Corpus rows per document, and the documents each one is paired with.
    let mut rows_of: BTreeMap<&str, usize> = BTreeMap::new();
    for row in page.corpus {
        *rows_of.entry(&row.src_doc).or_default() += 1;
        if row.tgt_doc != row.src_doc {
            *rows_of.entry(&row.tgt_doc).or_default() += 1;
        }
    }
    let mut partners: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (src, tgt, _) in page.doc_pairs {
        if src == tgt {
            partners
                .entry(src)
                .or_default()
                .push("itself (bilingual page)");
        } else {
            partners.entry(src).or_default().push(tgt);
            partners.entry(tgt).or_default().push(src);
        }
    }
    html.push_str("<table><tr><th>#</th><th>document</th><th>language</th><th>script in</th><th>lines in</th><th>lines kept</th><th>lines changed</th><th>rows removed</th><th>corpus rows</th><th>paired with</th></tr>\n");
    for d in listed {
        let removed = if d.removed > 0 {
            format!("<a href=\"#{}\">{}</a>", anchor(d), thousands(d.removed))
        } else {
            "0".to_string()
        };
        let paired = partners
            .get(d.id.as_str())
            .map(|p| p.join(", "))
            .unwrap_or_default();
        let _ = writeln!(
            html,
            "<tr><td class=\"n\">{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            d.order + 1,
            escape_attr(&doc_href(&d.id)),
            escape_text(&d.id),
            escape_text(&d.lang),
            escape_text(&d.script_in),
            thousands(d.raw_lines),
            thousands(d.kept_lines),
            thousands(d.changed),
            removed,
            thousands(rows_of.get(d.id.as_str()).copied().unwrap_or(0)),
            escape_text(&paired)
        );
    }
    html.push_str("</table>\n");
}

fn failures(html: &mut String, page: &ReportPage) {
    let _ = writeln!(
        html,
        "<h2 id=\"failed\">Failed inputs ({})</h2>",
        thousands(page.failed.len())
    );
    if page.failed.is_empty() {
        html.push_str("<p>None.</p>\n");
    } else {
        html.push_str("<table><tr><th>input</th><th>error</th></tr>\n");
        for f in page.failed.iter().take(MAX_LISTED_FAILURES) {
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td class=\"text\">{}</td></tr>",
                escape_text(&f.file),
                escape_text(&f.error)
            );
        }
        html.push_str("</table>\n");
        if page.failed.len() > MAX_LISTED_FAILURES {
            let _ = writeln!(
                html,
                "<p class=\"note\">The first {} are listed; all are in report.json.</p>",
                thousands(MAX_LISTED_FAILURES)
            );
        }
    }
    if !page.skipped.is_empty() {
        let _ = write!(
            html,
            "<h3>Skipped by [input] include/exclude ({})</h3>\n<p class=\"note\">",
            thousands(page.skipped.len())
        );
        let shown: Vec<String> = page
            .skipped
            .iter()
            .take(MAX_LISTED_FAILURES)
            .map(|s| escape_text(s))
            .collect();
        html.push_str(&shown.join(" · "));
        html.push_str("</p>\n");
    }
}

fn samples(html: &mut String, page: &ReportPage) {
    let _ = write!(
        html,
        "<h2 id=\"samples\">Removed lines, a sample per document</h2>\n<p class=\"note\">Up to {} removed rows per listed document (the first of each reason, then in line order), each cut to {} characters. Line numbers are raw line numbers, 1-based.</p>\n",
        digest::SAMPLES_PER_DOC,
        digest::SAMPLE_CHARS
    );
    for d in page.digests.listed.iter().filter(|d| !d.samples.is_empty()) {
        let _ = write!(
            html,
            "<section class=\"doc\" id=\"{}\"><h3>{} <small>({} of {} removed rows)</small></h3>\n<table><tr><th>line</th><th>stage</th><th>reason</th><th>text</th></tr>\n",
            anchor(d),
            escape_text(&d.id),
            d.samples.len(),
            thousands(d.removed)
        );
        for s in &d.samples {
            let _ = writeln!(
                html,
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"text\">{}</td></tr>",
                s.line,
                escape_text(&s.stage),
                escape_text(&s.reason),
                escape_text(&s.text)
            );
        }
        html.push_str("</table></section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_links_are_percent_encoded() {
        assert_eq!(doc_href("site/zh/a b#?"), "docs/site/zh/a%20b%23%3F.txt");
        assert_eq!(doc_href("新闻"), "docs/%E6%96%B0%E9%97%BB.txt");
    }
}
