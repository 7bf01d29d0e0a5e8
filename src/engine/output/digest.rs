//! What report.html shows of single documents, gathered while the documents stream past, in bounded memory:
//! totals per language and script for every document, and, for at most [`MAX_DOCS`] documents (those with the
//! most removed rows), their line counts and a few removed lines with their reasons. Imports the document
//! model only.

use crate::doc::{Document, Reject};
use serde::{Deserialize, Serialize};
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};

/// Documents listed one by one in report.html.
pub const MAX_DOCS: usize = 500;
/// Removed lines shown per listed document.
pub const SAMPLES_PER_DOC: usize = 5;
/// Characters of a removed line shown; longer ones are cut with `…`.
pub const SAMPLE_CHARS: usize = 200;

/// A removed line as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedSample {
    pub line: usize,
    pub stage: String,
    pub reason: String,
    pub text: String,
}

/// One listed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDigest {
    /// Position in input order.
    pub order: usize,
    pub id: String,
    pub lang: String,
    pub script_in: String,
    pub raw_lines: usize,
    pub kept_lines: usize,
    /// Rows in rejected.jsonl.
    pub removed: usize,
    /// Line changes summed over the stages.
    pub changed: usize,
    pub samples: Vec<RemovedSample>,
}

impl DocDigest {
    /// Which documents stay listed when there are too many: more removed rows first, then input order.
    fn rank(&self) -> (usize, Reverse<usize>) {
        (self.removed, Reverse(self.order))
    }
}

/// Heap entry ordered so that the lowest-ranked listed document is on top, to be dropped first.
struct Lowest(DocDigest);

impl PartialEq for Lowest {
    fn eq(&self, other: &Self) -> bool {
        self.0.rank() == other.0.rank()
    }
}
impl Eq for Lowest {}
impl PartialOrd for Lowest {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Lowest {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.rank().cmp(&self.0.rank())
    }
}

/// Totals of one (language, input script) group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTotals {
    pub documents: usize,
    pub raw_lines: usize,
    pub kept_lines: usize,
    pub removed: usize,
}

/// The collector.
pub struct DocDigests {
    cap: usize,
    seen: usize,
    listed: BinaryHeap<Lowest>,
    groups: BTreeMap<(String, String), GroupTotals>,
}

impl Default for DocDigests {
    fn default() -> Self {
        DocDigests::with_cap(MAX_DOCS)
    }
}

/// The finished collection (a shard's, or the whole batch's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDigestSummary {
    /// Listed documents, in input order.
    pub listed: Vec<DocDigest>,
    /// Documents seen in all.
    pub documents: usize,
    /// Totals per (language, input script), for every document.
    #[serde(with = "group_list")]
    pub groups: BTreeMap<(String, String), GroupTotals>,
}

/// JSON has no pair keys: the groups travel as a list of `[[lang, script], totals]`.
mod group_list {
    use super::GroupTotals;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    type Groups = BTreeMap<(String, String), GroupTotals>;

    pub fn serialize<S: Serializer>(groups: &Groups, s: S) -> Result<S::Ok, S::Error> {
        groups.iter().collect::<Vec<_>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Groups, D::Error> {
        Ok(Vec::<((String, String), GroupTotals)>::deserialize(d)?
            .into_iter()
            .collect())
    }
}

impl DocDigests {
    pub fn with_cap(cap: usize) -> DocDigests {
        DocDigests {
            cap,
            seen: 0,
            listed: BinaryHeap::new(),
            groups: BTreeMap::new(),
        }
    }

    /// Count `doc`; list it if it ranks among the top `cap` so far.
    pub fn add(&mut self, doc: &Document) {
        let order = self.seen;
        self.seen += 1;
        let group = self
            .groups
            .entry((doc.lang.code().to_string(), doc.script_in.to_string()))
            .or_default();
        group.documents += 1;
        group.raw_lines += doc.stats.raw_lines;
        group.kept_lines += doc.lines.len();
        group.removed += doc.rejects.len();
        if self.cap == 0 {
            return;
        }
        let candidate_rank = (doc.rejects.len(), Reverse(order));
        if self.listed.len() >= self.cap
            && self
                .listed
                .peek()
                .is_some_and(|lowest| lowest.0.rank() >= candidate_rank)
        {
            return;
        }
        self.keep(DocDigest {
            order,
            id: doc.id.clone(),
            lang: doc.lang.code().to_string(),
            script_in: doc.script_in.to_string(),
            raw_lines: doc.stats.raw_lines,
            kept_lines: doc.lines.len(),
            removed: doc.rejects.len(),
            changed: doc.stats.changed.values().sum(),
            samples: samples(&doc.rejects),
        });
    }

    /// Take in a later part of the batch, collected apart (a shard): its documents come after those seen so
    /// far. The listed documents are the same as if every document had been added here.
    pub fn absorb(&mut self, part: DocDigestSummary) {
        let offset = self.seen;
        self.seen += part.documents;
        for (group, totals) in part.groups {
            let mine = self.groups.entry(group).or_default();
            mine.documents += totals.documents;
            mine.raw_lines += totals.raw_lines;
            mine.kept_lines += totals.kept_lines;
            mine.removed += totals.removed;
        }
        for mut digest in part.listed {
            digest.order += offset;
            self.keep(digest);
        }
    }

    /// List `digest` if it ranks among the top `cap`.
    fn keep(&mut self, digest: DocDigest) {
        if self.cap == 0 {
            return;
        }
        if self.listed.len() >= self.cap
            && self
                .listed
                .peek()
                .is_some_and(|lowest| lowest.0.rank() >= digest.rank())
        {
            return;
        }
        self.listed.push(Lowest(digest));
        if self.listed.len() > self.cap {
            self.listed.pop();
        }
    }

    pub fn finish(self) -> DocDigestSummary {
        let mut listed: Vec<DocDigest> = self.listed.into_iter().map(|l| l.0).collect();
        listed.sort_by_key(|d| d.order);
        DocDigestSummary {
            listed,
            documents: self.seen,
            groups: self.groups,
        }
    }
}

/// Up to [`SAMPLES_PER_DOC`] removed rows: the first of each reason in line order, then the next ones in line
/// order, so that a page with one flood of spam still shows its other reasons.
fn samples(rejects: &[Reject]) -> Vec<RemovedSample> {
    let mut by_line: Vec<&Reject> = rejects.iter().collect();
    by_line.sort_by_key(|r| r.line);
    let mut chosen: Vec<usize> = Vec::new();
    let mut reasons: Vec<&str> = Vec::new();
    for (i, r) in by_line.iter().enumerate() {
        if chosen.len() == SAMPLES_PER_DOC {
            break;
        }
        if !reasons.contains(&r.reason.as_str()) {
            reasons.push(&r.reason);
            chosen.push(i);
        }
    }
    for i in 0..by_line.len() {
        if chosen.len() == SAMPLES_PER_DOC {
            break;
        }
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .filter_map(|i| by_line.get(i))
        .map(|r| RemovedSample {
            line: r.line,
            stage: r.stage.to_string(),
            reason: r.reason.clone(),
            text: cut(&r.text, SAMPLE_CHARS),
        })
        .collect()
}

/// `text` cut to `max` characters, with `…` when something was cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, removed: &[(&str, &str)]) -> Document {
        let mut d = Document::from_text(id, id.into(), "utf-8", 10, "keep me\nand me too\n");
        for (i, (reason, text)) in removed.iter().enumerate() {
            d.reject(i + 1, "boilerplate", reason, text);
        }
        d
    }

    #[test]
    fn the_documents_with_most_removals_are_listed_in_input_order() {
        let mut digests = DocDigests::with_cap(2);
        digests.add(&doc("a", &[("spam", "x")]));
        digests.add(&doc("b", &[("spam", "x"), ("nav", "y"), ("nav", "z")]));
        digests.add(&doc("c", &[]));
        digests.add(&doc("d", &[("spam", "x")]));
        digests.add(&doc("e", &[("spam", "x"), ("footer", "y")]));
        let summary = digests.finish();
        let ids: Vec<&str> = summary.listed.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b", "e"]);
        assert_eq!(summary.documents, 5);
        let group: usize = summary.groups.values().map(|g| g.documents).sum();
        assert_eq!(group, 5);
        assert_eq!(summary.groups.values().map(|g| g.removed).sum::<usize>(), 7);
    }

    #[test]
    fn ties_keep_the_earlier_document() {
        let mut digests = DocDigests::with_cap(1);
        digests.add(&doc("first", &[("spam", "x")]));
        digests.add(&doc("second", &[("spam", "x")]));
        assert_eq!(digests.finish().listed[0].id, "first");
    }

    #[test]
    fn samples_show_every_reason_before_repeating_one() {
        let mut removed: Vec<(&str, &str)> = vec![("spam", "s"); 10];
        removed.push(("nav", "n"));
        removed.push(("footer", "f"));
        let long = "长".repeat(SAMPLE_CHARS + 50);
        removed.push(("too-long", &long));
        let mut digests = DocDigests::default();
        digests.add(&doc("x", &removed));
        let listed = digests.finish().listed;
        let samples = &listed[0].samples;
        assert_eq!(samples.len(), SAMPLES_PER_DOC);
        let reasons: Vec<&str> = samples.iter().map(|s| s.reason.as_str()).collect();
        for r in ["spam", "nav", "footer", "too-long"] {
            assert!(reasons.contains(&r), "{reasons:?}");
        }
        let cut = samples
            .iter()
            .find(|s| s.reason == "too-long")
            .map(|s| &s.text);
        assert_eq!(cut.map(|t| t.chars().count()), Some(SAMPLE_CHARS + 1));
        assert!(samples.windows(2).all(|w| w[0].line <= w[1].line));
    }
}
