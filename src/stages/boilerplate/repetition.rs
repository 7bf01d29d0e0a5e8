//! Rule 2 of the module header, repetition: lines shared by many documents of a large batch (CCNet
//! style), and within one document truncated teasers of a later paragraph, exact duplicate paragraphs
//! and short banners printed more than once.
//!
//! Imports the shared types of `classifier.rs`, `features.rs` and the bottom layer `crate::text`.

use super::classifier::{BoilerplateClassifier, DocLines, LineClass};
use super::features::{is_field, reads_as_text, Line};
use crate::text::truncate_chars;
use std::collections::HashMap;

impl BoilerplateClassifier {
    /// CCNet-style removal of lines shared by many documents, only in a batch large enough for the
    /// count to mean "template" rather than "coincidence", and never for long lines. Only fragments go:
    /// page chrome repeated across a site (menus, labels, buttons, notices) does not read as sentences,
    /// while the lines that conversations from one template share ("Go to your Home screen.") do, and so
    /// do a catalogue's care notes and a verse's opening clause (`And the LORD spake unto Moses,
    /// saying,`); specification fields (`Material: oak`) are a catalogue's data.
    pub(super) fn cross_doc(&self, doc: &DocLines, lines: &mut [Line]) {
        if doc.batch_docs < self.cfg.repeated_min_batch_docs {
            return;
        }
        for (i, line) in lines.iter_mut().enumerate() {
            let freq = doc.doc_freq.get(i).copied().unwrap_or(1);
            if line.class == LineClass::Content
                && freq >= self.cfg.repeated_min_docs
                && line.raw.chars().count() <= self.cfg.repeated_max_chars
                && !line.body
                && !line.protected
                && !reads_as_text(&line.text)
                && !is_field(&line.text)
            {
                line.class = LineClass::Boilerplate("repeated-across-docs");
            }
        }
    }

    /// Rule 2 (within the document): teasers, duplicate paragraphs, repeated banners.
    pub(super) fn repetition(&self, lines: &mut [Line], title: Option<usize>) {
        let mut counts: HashMap<u64, usize> = HashMap::new();
        for l in lines.iter() {
            *counts.entry(l.key).or_insert(0) += 1;
        }
        // Teasers: "text…" whose stem starts another, longer line. Lines are bucketed by their first
        // ten characters so the comparison stays near-linear.
        let mut by_prefix: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, l) in lines.iter().enumerate() {
            by_prefix
                .entry(truncate_chars(&l.text, 10))
                .or_default()
                .push(i);
        }
        let mut teasers = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if l.class != LineClass::Content {
                continue;
            }
            let end = l.text.trim_end();
            if !["…", "..", "···", "⋯", "・・・"]
                .iter()
                .any(|e| end.ends_with(e))
            {
                continue;
            }
            let stem = end.trim_end_matches(['…', '.', '·', '⋯', '・', ' ']);
            if stem.chars().count() < 10 {
                continue;
            }
            let bucket = by_prefix
                .get(truncate_chars(stem, 10))
                .map_or(&[][..], |v| v.as_slice());
            let longer: Vec<usize> = bucket
                .iter()
                .copied()
                .filter(|&j| {
                    j != i && lines[j].text.len() > stem.len() && lines[j].text.starts_with(stem)
                })
                .collect();
            if !longer.is_empty() {
                let copies_only = longer.iter().all(|&j| lines[j].key == l.key);
                teasers.push((i, copies_only));
            }
        }
        for (i, copies_only) in teasers {
            lines[i].class = LineClass::Boilerplate("teaser");
            lines[i].body = false;
            lines[i].teaser_of_copy = copies_only;
        }
        // Later copies of a line seen earlier in the document. A sentence said again (a refrain, a verse,
        // a line of dialogue, a liturgy's repeated offering lists) is the text's own; a copied headline or
        // label is chrome. A page printed twice is left whole: unsure, the stage keeps text.
        let mut seen: HashMap<u64, usize> = HashMap::new();
        let later_copy: Vec<bool> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                l.class == LineClass::Content
                    && Some(i) != title
                    && *seen.entry(l.key).or_insert(i) != i
            })
            .collect();
        for (i, l) in lines.iter_mut().enumerate() {
            if l.class != LineClass::Content || Some(i) == title {
                continue;
            }
            let count = counts.get(&l.key).copied().unwrap_or(1);
            if count < 2 {
                continue;
            }
            if l.units <= self.cfg.banner_max_units && !reads_as_text(&l.text) {
                l.class = LineClass::Boilerplate("repeated-banner");
                l.body = false;
                continue;
            }
            if later_copy[i] && !reads_as_text(&l.text) {
                l.class = LineClass::Boilerplate("duplicate");
                l.body = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::classifier::LineClass;
    use super::super::testing::{run, run_batch, EN_BODY1, EN_BODY2};

    #[test]
    fn teaser_duplicate_and_banner() {
        let v = run(&[
            "Headline here",
            "The city council approved the new budget on Tuesday after a long···",
            EN_BODY1,
            "The Section Banner",
            "First section heading",
            EN_BODY2,
            "The Section Banner",
            EN_BODY1,
            EN_BODY2,
        ]);
        assert_eq!(v[1].class, LineClass::Boilerplate("teaser"));
        assert_eq!(v[3].class, LineClass::Boilerplate("repeated-banner"));
        assert_eq!(v[4].class, LineClass::Content);
        assert_eq!(v[6].class, LineClass::Boilerplate("repeated-banner"));
        // Repeated paragraphs are kept: a liturgy repeats whole blocks (Numbers 7).
        assert_eq!(v[7].class, LineClass::Content);
        assert_eq!(v[8].class, LineClass::Content);
        let label = "More stories from our reporters in the region and around the world";
        let v = run(&["Headline here", EN_BODY1, label, EN_BODY2, label]);
        assert_eq!(v[2].class, LineClass::Content);
        assert_eq!(v[4].class, LineClass::Boilerplate("duplicate"));
    }

    #[test]
    fn a_refrain_stays() {
        let refrain =
            "Oh that men would praise the LORD for his goodness, and for his wonderful works!";
        let v = run(&[
            "Psalm 107",
            EN_BODY1,
            refrain,
            EN_BODY2,
            refrain,
            "They that go down to the sea in ships, that do business in great waters;",
            refrain,
        ]);
        for i in [2, 4, 6] {
            assert_eq!(v[i].class, LineClass::Content, "refrain {i}: {v:?}");
        }
    }

    #[test]
    fn cross_doc_repetition_needs_a_large_batch_and_short_line() {
        let lines = [
            "Headline here",
            EN_BODY1,
            "Subscribe to our daily digest",
            EN_BODY2,
        ];
        let freq = [1, 5, 5, 1];
        let v = run_batch(&lines, &freq, 50);
        assert_eq!(v[1].class, LineClass::Content, "long paragraph stays");
        assert_eq!(v[2].class, LineClass::Boilerplate("repeated-across-docs"));
        let v = run_batch(&lines, &freq, 4);
        assert_eq!(
            v[2].class,
            LineClass::Content,
            "small batch: no cross-doc removal"
        );
    }

    #[test]
    fn cross_doc_repetition_spares_sentences_and_fields() {
        // A support conversation from a template and a product page from a catalogue: the lines they share
        // with many other documents are theirs, not a site's chrome.
        let lines = [
            "Customer: My phone will not connect to the hotel Wi-Fi at all.",
            "Agent: Go to your Home screen.",
            "Agent: Tap Settings.",
            "Material: stainless steel",
            "Dishwasher safe.",
            "Spring collection for the whole family",
        ];
        let freq = [1, 30, 30, 12, 12, 40];
        let v = run_batch(&lines, &freq, 200);
        for i in 0..5 {
            assert_eq!(v[i].class, LineClass::Content, "{}: {v:?}", lines[i]);
        }
        assert_eq!(v[5].class, LineClass::Boilerplate("repeated-across-docs"));
    }
}
