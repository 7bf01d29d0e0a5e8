//! The stages. Each file (or folder, for the large ones: `mojibake/`, `boilerplate/`, `mt/`) is one job, with
//! its config section beside it; this module holds the two shapes a stage can take.
//!
//! Stages import only the bottom layers (`text`, `doc`, `validate`, `glob`), a few shared helpers of other
//! stages (`langid`, `segment`, `stopwords`, `spam`) and the CC-CEDICT data in `align::lexicon`; never the
//! config assembly, the pipeline or the engine above them.
//!
//! * A [`LineRepair`] rewrites one line at a time and never adds or removes lines. These are the stages that
//!   `cleanalign fix` chains, and the pipeline runs the same objects on every document line.
//! * Document-level stages (boilerplate, segmentation) need the whole document or the whole batch; the pipeline
//!   calls them directly, because their inputs differ (cross-document counts, language of each line).

pub mod bilingual;
pub mod boilerplate;
#[cfg(test)]
mod builtin_patterns_test;
pub mod decode;
pub mod html;
pub mod langid;
pub mod mojibake;
pub mod mt;
pub mod normalize;
pub mod punct;
pub mod ruby;
pub mod script;
pub mod segment;
pub mod spam;
pub mod stopwords;

use crate::doc::Document;

/// A repair that maps one line to one line.
pub trait LineRepair: Send + Sync {
    /// The stage name used in `--stages`, `rejected.jsonl` and `report.json`.
    fn name(&self) -> &'static str;
    /// The repaired line, or `None` when the line is already fine (the common case, kept allocation-free).
    fn repair(&self, line: &str) -> Option<String>;
}

/// Run a line repair over every line of a document, counting changed lines. A line that a repair empties is
/// removed and recorded, so the accounting holds even for a repair that deletes everything it was given.
pub fn apply_line_repair(repair: &dyn LineRepair, doc: &mut Document) {
    let name = repair.name();
    let mut emptied = Vec::new();
    let mut changed = 0;
    for line in doc.lines.iter_mut() {
        if let Some(new) = repair.repair(&line.text) {
            if new != line.text {
                changed += 1;
                if crate::text::is_blank(&new) {
                    emptied.push((line.raw_no, std::mem::take(&mut line.text)));
                } else {
                    line.text = new;
                }
            }
        }
    }
    for _ in 0..changed {
        doc.count_change(name);
    }
    if !emptied.is_empty() {
        doc.lines.retain(|l| !l.text.is_empty());
        for (raw_no, text) in emptied {
            doc.reject(raw_no, name, "emptied-by-repair", &text);
        }
    }
}
