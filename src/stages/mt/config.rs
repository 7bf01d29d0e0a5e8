//! Configuration of the stage ([`MtConfig`], its [`GlossaryEntry`]s, their defaults and validation)
//! and [`MtRepairer`], the compiled stage that [`MtConfig::build`] makes. The repairs are methods of
//! [`MtRepairer`] in the files above this one; the order in which they run is in the module header.
//!
//! Imports only `super::tokens` of the stage, and `crate::validate`.

use super::tokens::{match_at, pattern_tokens, tokenize, words_lower, PTok};
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};

/// Longest Han unit checked for loops, in characters.
pub(super) const MAX_HAN_UNIT: usize = 16;

/// Configuration of the machine-translation repair stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MtConfig {
    /// Collapse a phrase of several words repeated back to back ("Belt and Road, Belt and Road").
    pub collapse_loops: bool,
    /// Collapse a single word repeated back to back ("China China"), except legitimate doubling.
    pub collapse_stutters: bool,
    /// Longest phrase, in words, that is checked for back-to-back repetition (1..=16).
    pub max_loop_words: usize,
    /// Literal phrase replacements, applied first, case- and spacing-insensitively, whole words only.
    pub glossary: Vec<GlossaryEntry>,
    /// Names that machine translation emits with their own "the": after a determiner (and an optional
    /// ordinal) the second "the" is dropped ("the third the Belt and Road Forum").
    pub article_terms: Vec<String>,
    /// Extra words whose doubling is legitimate in your texts (added to the built-in rules).
    pub keep_doubled: Vec<String>,
    /// Shortest unit, in characters, that counts as a loop in Chinese text (3..=16); shorter units are
    /// reduplication (看看, 研究研究).
    pub han_min_unit_chars: usize,
    /// Fewest back-to-back copies of a Chinese unit that are cut (2..=10).
    pub han_min_repeats: usize,
    /// A Chinese unit of at least this many characters (punctuation not counted) is a loop even where a
    /// shorter one may be repeated on purpose: as a set phrase said twice (一路平安一路平安！), a slogan
    /// after a verb of calling, anadiplosis (你丈夫，你丈夫必…) or a whole-line chant
    /// (han_min_unit_chars..=16).
    pub han_two_copy_unit_chars: usize,
    /// Drop sentences whose garble score (after repair) reaches `garble_threshold`: they go to
    /// `rejected.jsonl` with reason `garbled-mt` instead of into the document and the corpus.
    pub drop_garbled: bool,
    /// Garble score at which a sentence is dropped (> 0). The score adds up repetition density,
    /// function-word anomalies, repetitive long sentences and unmatched brackets/quotes; one clear
    /// sign of damage scores about 1, a single weak sign (an unmatched quote) 0.3 or less.
    pub garble_threshold: f64,
}

/// One literal replacement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// Phrase to find: matched case-insensitively, ignoring spaces around punctuation, whole words only.
    pub pattern: String,
    /// Text to put in its place (quotes in it take the shape of the quotes matched).
    pub replacement: String,
}

fn entry(pattern: &str, replacement: &str) -> GlossaryEntry {
    GlossaryEntry {
        pattern: pattern.to_string(),
        replacement: replacement.to_string(),
    }
}

impl Default for MtConfig {
    fn default() -> Self {
        MtConfig {
            collapse_loops: true,
            collapse_stutters: true,
            max_loop_words: 8,
            glossary: vec![
                // 一带一路 translated word by word; "Belt and Road" is the official English name.
                entry("one belt, one road", "Belt and Road"),
                entry("one belt and one road", "Belt and Road"),
                entry("one belt one road", "Belt and Road"),
                entry("one belt & one road", "Belt and Road"),
                entry("one belt - one road", "Belt and Road"),
                entry("one-belt-one-road", "Belt and Road"),
                entry("one belt-one road", "Belt and Road"),
                // The name comes with its own article, so a second one is always an artifact.
                entry("the the Belt and Road", "the Belt and Road"),
            ],
            article_terms: vec!["Belt and Road".to_string()],
            keep_doubled: Vec::new(),
            han_min_unit_chars: 3,
            han_min_repeats: 2,
            han_two_copy_unit_chars: 6,
            drop_garbled: true,
            garble_threshold: 1.0,
        }
    }
}

impl MtConfig {
    /// Every problem in this section, with keys relative to it.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(1..=16).contains(&self.max_loop_words) {
            errors.push(FieldError::new(
                "max_loop_words",
                format!("must be between 1 and 16, got {}", self.max_loop_words),
            ));
        }
        if !(3..=MAX_HAN_UNIT).contains(&self.han_min_unit_chars) {
            errors.push(FieldError::new(
                "han_min_unit_chars",
                format!(
                    "must be between 3 and {MAX_HAN_UNIT}, got {}",
                    self.han_min_unit_chars
                ),
            ));
        }
        if !(2..=10).contains(&self.han_min_repeats) {
            errors.push(FieldError::new(
                "han_min_repeats",
                format!("must be between 2 and 10, got {}", self.han_min_repeats),
            ));
        }
        if !(3..=MAX_HAN_UNIT).contains(&self.han_two_copy_unit_chars)
            || self.han_two_copy_unit_chars < self.han_min_unit_chars
        {
            errors.push(FieldError::new(
                "han_two_copy_unit_chars",
                format!(
                    "must be between han_min_unit_chars ({}) and {MAX_HAN_UNIT}, got {}",
                    self.han_min_unit_chars, self.han_two_copy_unit_chars
                ),
            ));
        }
        if !(self.garble_threshold.is_finite() && self.garble_threshold > 0.0) {
            errors.push(FieldError::new(
                "garble_threshold",
                format!("must be a number above 0, got {}", self.garble_threshold),
            ));
        }
        let compiled: Vec<Vec<PTok>> = self
            .glossary
            .iter()
            .map(|e| pattern_tokens(&e.pattern))
            .collect();
        for (i, (e, toks)) in self.glossary.iter().zip(&compiled).enumerate() {
            if !toks.iter().any(|t| matches!(t, PTok::Word(_))) {
                errors.push(FieldError::new(
                    format!("glossary[{i}].pattern"),
                    "must contain at least one word",
                ));
                continue;
            }
            if let Some(j) = compiled[..i].iter().position(|p| p == toks) {
                errors.push(FieldError::new(
                    format!("glossary[{i}].pattern"),
                    format!("same phrase as glossary[{j}].pattern"),
                ));
            }
            // A replacement that contains a pattern would be rewritten again on the next run.
            let rep = tokenize(&e.replacement);
            for (j, p) in compiled.iter().enumerate() {
                if !p.is_empty() && (0..rep.len()).any(|k| match_at(&e.replacement, &rep, k, p)) {
                    errors.push(FieldError::new(
                        format!("glossary[{i}].replacement"),
                        format!(
                            "contains glossary[{j}].pattern, so the repair would not be stable"
                        ),
                    ));
                }
            }
        }
        for (i, t) in self.article_terms.iter().enumerate() {
            if words_lower(t).is_empty() {
                errors.push(FieldError::new(
                    format!("article_terms[{i}]"),
                    "must contain a word",
                ));
            }
        }
        for (i, w) in self.keep_doubled.iter().enumerate() {
            if words_lower(w).len() != 1 {
                errors.push(FieldError::new(
                    format!("keep_doubled[{i}]"),
                    "must be exactly one word",
                ));
            }
        }
        errors
    }

    /// Compile into the runtime repairer.
    pub fn build(&self) -> Result<MtRepairer, Vec<FieldError>> {
        let mut errors = self.validate();
        // The stage's word knowledge (common English words, set phrases) comes from the bundled
        // dictionary: without it the stage would quietly repair less, so it does not start.
        if let Some(e) = crate::align::lexicon::embedded_dictionary_error() {
            errors.push(FieldError::new(
                "dictionary",
                format!("the bundled dictionary cannot be read ({e})"),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut keep: Vec<String> = self
            .keep_doubled
            .iter()
            .flat_map(|w| words_lower(w))
            .collect();
        keep.sort();
        keep.dedup();
        Ok(MtRepairer {
            glossary: self
                .glossary
                .iter()
                .map(|e| (pattern_tokens(&e.pattern), e.replacement.clone()))
                .collect(),
            article_terms: self.article_terms.iter().map(|t| words_lower(t)).collect(),
            keep_doubled: keep,
            collapse_loops: self.collapse_loops,
            collapse_stutters: self.collapse_stutters,
            max_loop_words: self.max_loop_words,
            han_min_unit: self.han_min_unit_chars,
            han_min_repeats: self.han_min_repeats,
            han_two_copy_unit: self.han_two_copy_unit_chars,
            drop_garbled: self.drop_garbled,
            garble_threshold: self.garble_threshold,
        })
    }
}

/// The compiled repair stage. Immutable, so `Send + Sync`.
#[derive(Debug, Clone)]
pub struct MtRepairer {
    pub(super) glossary: Vec<(Vec<PTok>, String)>,
    pub(super) article_terms: Vec<Vec<String>>,
    pub(super) keep_doubled: Vec<String>,
    pub(super) collapse_loops: bool,
    pub(super) collapse_stutters: bool,
    pub(super) max_loop_words: usize,
    pub(super) han_min_unit: usize,
    pub(super) han_min_repeats: usize,
    pub(super) han_two_copy_unit: usize,
    pub(super) drop_garbled: bool,
    pub(super) garble_threshold: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_validates() {
        assert!(MtConfig::default().validate().is_empty());
    }

    #[test]
    fn validation_reports_every_problem() {
        let cfg = MtConfig {
            max_loop_words: 0,
            han_min_repeats: 1,
            han_two_copy_unit_chars: 2,
            garble_threshold: f64::NAN,
            glossary: vec![
                entry(", ,", "x"),
                entry("foo", "a foo b"),
                entry("FOO", "bar"),
            ],
            keep_doubled: vec!["two words".into()],
            ..MtConfig::default()
        };
        let keys: Vec<String> = cfg.validate().into_iter().map(|e| e.key).collect();
        assert_eq!(
            keys,
            vec![
                "max_loop_words",
                "han_min_repeats",
                "han_two_copy_unit_chars",
                "garble_threshold",
                "glossary[0].pattern",
                "glossary[1].replacement",
                "glossary[1].replacement",
                "glossary[2].pattern",
                "keep_doubled[0]"
            ]
        );
        assert!(cfg.build().is_err());
    }

    #[test]
    fn runtime_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<MtRepairer>();
    }
}
