//! The `[align]` section of `pipeline.toml`: sentence-alignment and document-pairing settings, their defaults
//! and validation. The bottom of the align layer: it imports nothing of it.

use serde::{Deserialize, Serialize};

use crate::validate::{check_range, FieldError};

/// `[align]` section of `pipeline.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlignConfig {
    /// Most sentences on one side of a bead (1..=6). Beads of up to `max_bead_size + 1` sentences in total
    /// are tried (with 4: 1-1, 1-2, 2-1, 1-3, 2-2, 3-1, 1-4, 2-3, 3-2, 4-1, plus 1-0 and 0-1).
    pub max_bead_size: usize,
    /// Beads scoring below this (0..=1) are left out of `corpus.csv`.
    pub min_bead_score: f64,
    /// Cost, in nats of evidence, of leaving one sentence unaligned (0..=50). Lower values make null beads
    /// more frequent: a sentence goes unaligned when no bead it could join has evidence above this cost.
    pub null_penalty: f64,
    /// Cost, in nats of evidence, of each further sentence in a run of consecutive unaligned sentences on
    /// one side (0..=50, at most `null_penalty`). A cheap extension lets a long untranslated passage (a
    /// block of photo captions, an OCR-damaged page) go unaligned as a whole instead of being spread over
    /// the neighbouring beads.
    pub null_run_penalty: f64,
    /// Cost, in nats of evidence, of each sentence beyond two in a bead (0..=50). Higher values prefer
    /// several small beads over one big bead when the evidence is similar.
    pub merge_penalty: f64,
    /// Smallest half-width of the search band around the diagonal, in sentences (>= 1). The band grows by
    /// doubling whenever the best path touches its edge.
    pub min_band: usize,
    /// Largest half-width of the first search band, in sentences (>= min_band). Bounds memory on very long
    /// documents; the band may still grow past it when the path needs room.
    pub max_band: usize,
    /// Use the CC-CEDICT dictionary for zh<->en (otherwise length, numbers and identical tokens only).
    pub use_lexicon: bool,
    /// Pairing: fewest sentences each document must have to be paired at all.
    pub pair_min_sentences: usize,
    /// Bilingual pages: a bead counts as good evidence when it scores at least this (0..=1).
    pub pair_bead_score: f64,
    /// Bilingual pages: share of the sentences of BOTH languages (0..=1) that must sit in good beads.
    pub pair_min_coverage: f64,
    /// Pairing: lowest pair score (0..=1) for two documents to be paired. The score is the smaller of the
    /// two documents' shares of text explained by the sentence alignment (each sentence weighted by its
    /// length, divided by the number of documents that hold the same sentence, so that lines shared by many
    /// documents say little), times a length-agreement factor.
    pub pair_min_score: f64,
    /// Pairing: a pair is kept only when its score beats each document's next-best partner by at least this
    /// (0..=1); a document with two near-equal partners stays unpaired and is listed in `report.json` as
    /// ambiguous.
    pub pair_margin: f64,
    /// Pairing: expected characters of English per Han character of Chinese (whitespace excluded; other
    /// characters in Chinese text, such as Latin names and digits, count one for one).
    pub pair_zh_en_char_ratio: f64,
    /// Pairing: how far (as a natural log of the length ratio, 0..=2) two documents' lengths may stray from
    /// the expected ratio before the score is lowered; 0.25 is about ±28%.
    pub pair_length_tolerance: f64,
    /// Pairing: how much (0..=1) the layout adds to the score of two documents whose ids or `url`s are the
    /// same apart from a language marker (`zh/x` and `en/x`, `x_zh` and `x_en`, `/en/` in a url).
    pub pair_layout_bonus: f64,
    /// Pairing: each document is compared by sentence alignment with its this-many nearest documents of the
    /// other language (>= 1), found by the TF-IDF cosine of their dictionary-translated bags of words;
    /// keeps pairing near-linear in batch size.
    pub pair_candidates_per_doc: usize,
    /// Pairing: documents named `NAME.<lang>.<ext>` with the same NAME and two different language codes
    /// (`report.zh.txt` / `report.en.txt`) are declared translations of each other: they are paired without
    /// the automatic tests, and their confidence is still reported.
    pub pair_by_name: bool,
    /// Pairing: pairs the user knows, by document id (the file name without its last extension, as in
    /// `docs/<id>.txt`): a list of `{ src = "report_cn", tgt = "report_final" }` tables. Declared pairs skip
    /// the automatic tests; ids not in the batch are ignored.
    pub pairs: Vec<DeclaredPair>,
}

/// One entry of `align.pairs`: two document ids that translate each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclaredPair {
    pub src: String,
    pub tgt: String,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            max_bead_size: 4,
            min_bead_score: 0.1,
            null_penalty: 12.0,
            null_run_penalty: 2.0,
            merge_penalty: 4.0,
            min_band: 30,
            max_band: 150,
            use_lexicon: true,
            pair_min_sentences: 3,
            pair_bead_score: 0.5,
            pair_min_coverage: 0.6,
            pair_min_score: 0.4,
            pair_margin: 0.05,
            pair_zh_en_char_ratio: 2.5,
            pair_length_tolerance: 0.25,
            pair_layout_bonus: 0.25,
            pair_candidates_per_doc: 5,
            pair_by_name: true,
            pairs: Vec::new(),
        }
    }
}

impl AlignConfig {
    /// Every problem in the section, keys relative to it.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        if !(1..=6).contains(&self.max_bead_size) {
            e.push(FieldError::new(
                "max_bead_size",
                format!("must be between 1 and 6, got {}", self.max_bead_size),
            ));
        }
        check_range(&mut e, "min_bead_score", self.min_bead_score, 0.0, 1.0);
        check_range(&mut e, "null_penalty", self.null_penalty, 0.0, 50.0);
        check_range(&mut e, "null_run_penalty", self.null_run_penalty, 0.0, 50.0);
        if self.null_run_penalty > self.null_penalty {
            e.push(FieldError::new(
                "null_run_penalty",
                format!(
                    "must be at most null_penalty ({}), got {}",
                    self.null_penalty, self.null_run_penalty
                ),
            ));
        }
        check_range(&mut e, "merge_penalty", self.merge_penalty, 0.0, 50.0);
        check_range(&mut e, "pair_bead_score", self.pair_bead_score, 0.0, 1.0);
        check_range(
            &mut e,
            "pair_min_coverage",
            self.pair_min_coverage,
            0.0,
            1.0,
        );
        if self.min_band == 0 {
            e.push(FieldError::new("min_band", "must be at least 1, got 0"));
        }
        if self.max_band < self.min_band {
            e.push(FieldError::new(
                "max_band",
                format!(
                    "must be at least min_band ({}), got {}",
                    self.min_band, self.max_band
                ),
            ));
        }
        for (i, pair) in self.pairs.iter().enumerate() {
            for (side, id) in [("src", &pair.src), ("tgt", &pair.tgt)] {
                if id.trim().is_empty() {
                    e.push(FieldError::new(
                        format!("pairs[{i}].{side}"),
                        "must name a document id, got an empty string",
                    ));
                }
            }
            if pair.src == pair.tgt && !pair.src.trim().is_empty() {
                e.push(FieldError::new(
                    format!("pairs[{i}].tgt"),
                    format!("pairs a document with itself (`{}`)", pair.tgt),
                ));
            }
        }
        if self.pair_candidates_per_doc == 0 {
            e.push(FieldError::new(
                "pair_candidates_per_doc",
                "must be at least 1, got 0",
            ));
        }
        if self.pair_min_sentences == 0 {
            e.push(FieldError::new(
                "pair_min_sentences",
                "must be at least 1, got 0",
            ));
        }
        check_range(&mut e, "pair_min_score", self.pair_min_score, 0.0, 1.0);
        check_range(&mut e, "pair_margin", self.pair_margin, 0.0, 1.0);
        check_range(
            &mut e,
            "pair_zh_en_char_ratio",
            self.pair_zh_en_char_ratio,
            0.1,
            20.0,
        );
        check_range(
            &mut e,
            "pair_length_tolerance",
            self.pair_length_tolerance,
            0.0,
            2.0,
        );
        check_range(
            &mut e,
            "pair_layout_bonus",
            self.pair_layout_bonus,
            0.0,
            1.0,
        );
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_round_trips_and_rejects_unknown_keys() {
        let text = serde_json::to_string(&AlignConfig::default()).unwrap_or_default();
        let back: AlignConfig = serde_json::from_str(&text).unwrap_or_else(|_| AlignConfig {
            max_bead_size: 0,
            ..AlignConfig::default()
        });
        assert_eq!(back, AlignConfig::default());
        assert!(serde_json::from_str::<AlignConfig>(r#"{"no_such_key": 1}"#).is_err());
    }
}
