//! Repair of garbled machine translation in English lines.
//!
//! Machine translation of Chinese web pages leaves systematic damage: a fixed term rendered word by word
//! (一带一路 → "one belt, one road"), the decoder looping on a phrase ("Belt and Road, Belt and Road"),
//! word stutters ("China China should"), and doubled articles when a name that already carries "the"
//! is put after a determiner (`the "the Belt and Road"`, "the third the Belt and Road Forum").
//!
//! What [`MtRepairer::repair`] does, in this order, on a line whose Latin letters outweigh its Han
//! characters and that [`detect_lang`] calls English:
//! 1. Glossary: literal phrases replaced case-insensitively, ignoring white space around punctuation
//!    (`One Belt,One Road` = `one belt , one road`), whole words only. A capital at sentence start is kept.
//! 2. Doubled articles before the configured `article_terms`: "DET [ordinal] ["] the TERM" loses its "the".
//! 3. Loops and stutters: a run of 1..=`max_loop_words` words repeated back to back, joined by white space
//!    or a comma, is cut to one copy; an opening quote attached to each copy is part of it ("'What 'What
//!    a fool"). Only in lines that read as English: one word in eight an English function word, or (for
//!    short lines) half the words common English words (Indonesian "amat amat keji" is neither). The
//!    exceptions are linguistic rules, not a list of cases:
//!    - single words joined by a comma are rhetoric ("No, no", "Row, row, row"), never touched;
//!    - doubled single words that English legitimately doubles are kept: grammatical doubling
//!      ("had had", "that that", "what it is is"), intensifiers ("very very", "far far"),
//!      interjections and reduplicatives ("bye bye", "ha ha", "knock knock", "there there"), number
//!      words and anything with a digit ("fifty fifty", "10 10"), single letters other than a/I;
//!    - a unit that is itself a repetition ("bye bye bye bye") is not a loop of "bye bye";
//!    - a two-word unit of a noun and a linking word said twice is the idiom "X to X", "X by X" meeting
//!      its own linker ("from time to time to see", "side by side by side"); a verb in the past is no
//!      such noun ("rose to rose to his feet"); one word coordinated with itself by "and"/"or" is
//!      emphasis ("on and on and on", "miles and miles");
//!    - a comma-joined chain that is a whole clause is emphasis ("Come on, come on, we are late"); one
//!      that starts or ends inside a clause is a loop ("up the mountain with, mountain with me"), except
//!      a determiner and noun said twice, which is anadiplosis or apposition ("if he should leave his
//!      father, his father would die", "his coat, his coat of many colours"); list items sharing a
//!      model name ("iPhone 11, iPhone 11 Pro") and copies ending in a possessive apostrophe ("his
//!      sons, and his sons' wives") are not copies;
//!    - a double may be a relative clause's verb meeting the main verb ("every man that offered
//!      offered", "what he did did matter") when it has that shape: the relative right before it or one
//!      subject word before it (then the verb agrees with a singular clause: not "what I mean mean"), no
//!      comma before the relative, and for "that/who/which" an antecedent at the start of the clause;
//!    - capitalised doubles are names ("Sirhan Sirhan", "Chen Chen", "New York, New York") unless the
//!      word is common English ("Maybe Maybe", "Tourists Tourists", "The The results") outside a
//!      title-case line or a quoted title ("Sugar Sugar"), or they break the shape of a romanised
//!      Chinese name ("Wang Wang Qiyao", "Wang Qiyao Qiyao"; "Fan Bing Bing" is a real one); a
//!      capitalised phrase said three times is a loop. Short words may be onomatopoeia. Names and
//!      sound words are cut anyway when the line already shows MT damage: a glossary or article
//!      repair, or an unambiguous loop or stutter elsewhere in it.
//!
//!    "Common English" comes from the English glosses of CC-CEDICT, which we already ship for
//!    alignment: a word written there in lower case at least twice and at least as often as
//!    capitalised. The list and the pinyin syllables (for names) are derived once per process, on first
//!    need (about a tenth of a second).
//!
//! On a line that is mostly Han, only long character loops are cut: a unit of at least
//! `han_min_unit_chars` characters (with two or more Han, and not itself a repetition) repeated back to
//! back at least `han_min_repeats` times, or an all-Han unit said twice when it has
//! `han_two_copy_unit_chars` or more characters or sits inside running text with Han on both sides.
//! Chinese reduplication (看看, 常常, 研究研究, 高高兴兴, 哈哈哈哈) is never touched, nor distributive
//! "一 + measure word" phrases (一个镜头一个镜头); a short unit said twice on its own or before
//! punctuation (一路平安一路平安！) may be a slogan, so it stays.
//!
//! Garble score ([`MtRepairer::garble_score`], per sentence, after the repairs): close repeats of a
//! content word in one clause ("China should also China", but not across "be": "the hands are the
//! hands of Esau"), impossible function-word sequences ("the of", "a the", an article before a stop, a
//! name where a modal and adverb need a verb: "should also China"), long prose sentences made of few
//! distinct content words or Han bigrams (not enumerations with 、 nor keyword lists), and unmatched
//! brackets/quotes (capped, as quotations span sentences in fiction). In a run,
//! [`MtRepairer::drop_garbled`] removes sentences scoring `garble_threshold` or more and records them in
//! `rejected.jsonl` with reason `garbled-mt`. `cleanalign fix` only repairs: it never drops text.

//! What it never does: touch Latin lines in other languages (German "die die" and French "nous nous" are
//! grammatical), reorder words, or add words other than glossary replacements.
//! Limits: the glossary is literal (no inflection); loops longer than `max_loop_words` words survive.
//! Idempotent: repairs are repeated until nothing changes (at most [`MAX_ROUNDS`] rounds).
//!
//! Layout: one concern per file, each importing only files listed after it: this one (configuration,
//! [`MtRepairer`], the order of the repairs), `garble`, `loops`, `glossary`, `stutter`, `words`,
//! `splice`, `tokens`. Outside the stage they import only `crate::text`, `crate::doc`,
//! `crate::validate`, `crate::stages::{langid, segment}` and `crate::align::lexicon` (the dictionary):
//! `cleanalign fix` runs this stage without the pipeline.

mod garble;
mod glossary;
mod loops;
mod splice;
mod stutter;
mod tokens;
mod words;

pub use self::garble::GarbleScore;
pub use self::stutter::doubling_is_legitimate;

use self::loops::MAX_HAN_UNIT;
use self::tokens::{is_word_char, match_at, pattern_tokens, tokenize, words_lower, PTok};
use self::words::reads_as_english;
use crate::stages::langid::detect_lang;
use crate::text::{is_han, is_latin_letter, Lang};
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};

/// Upper bound on repair rounds per line. Each round only shortens the line or applies a glossary
/// entry whose replacement cannot match again, so real lines settle in one or two rounds.
pub const MAX_ROUNDS: usize = 6;

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
    /// Shortest unit, in characters, that counts as a loop in Chinese text (2..=16).
    pub han_min_unit_chars: usize,
    /// How many back-to-back copies of a Chinese unit make a loop (2..=10).
    pub han_min_repeats: usize,
    /// A Chinese unit of at least this many characters, all Han, is a loop even when it is said only
    /// twice; a shorter all-Han unit said twice is one only inside running text (Han on both sides),
    /// as on its own it may be a slogan; units with punctuation, such as list items, need
    /// `han_min_repeats` copies (han_min_unit_chars..=16).
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
            han_min_unit_chars: 4,
            han_min_repeats: 3,
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
        if !(2..=MAX_HAN_UNIT).contains(&self.han_min_unit_chars) {
            errors.push(FieldError::new(
                "han_min_unit_chars",
                format!(
                    "must be between 2 and {MAX_HAN_UNIT}, got {}",
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
        if !(2..=MAX_HAN_UNIT).contains(&self.han_two_copy_unit_chars)
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
        let errors = self.validate();
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
    glossary: Vec<(Vec<PTok>, String)>,
    article_terms: Vec<Vec<String>>,
    keep_doubled: Vec<String>,
    collapse_loops: bool,
    collapse_stutters: bool,
    max_loop_words: usize,
    han_min_unit: usize,
    han_min_repeats: usize,
    han_two_copy_unit: usize,
    drop_garbled: bool,
    garble_threshold: f64,
}

// ---------------------------------------------------------------------------------------------------
// Repair

impl MtRepairer {
    /// The repaired line, or `None` when nothing changed.
    pub fn repair(&self, line: &str) -> Option<String> {
        let mut cur = line.to_string();
        for _ in 0..MAX_ROUNDS {
            let next = self.round(&cur);
            if next == cur {
                break;
            }
            cur = next;
        }
        (cur != line).then_some(cur)
    }

    fn round(&self, line: &str) -> String {
        let (mut han, mut latin) = (0usize, 0usize);
        for c in line.chars() {
            if is_han(c) {
                han += 1;
            } else if is_latin_letter(c) {
                latin += 1;
            }
        }
        if han > 0 && han * 3 >= latin {
            return self.collapse_han(line);
        }
        if latin == 0 || !self.latin_may_need_repair(line) || detect_lang(line) != Lang::En {
            return line.to_string();
        }
        let (text, glossary_hits) = self.apply_glossary(line);
        let (text, article_hits) = self.fix_articles(&text);
        if !reads_as_english(&text) {
            return text;
        }
        let mut evidence = glossary_hits + article_hits > 0;
        if !evidence {
            // Unambiguous loops elsewhere in the line are evidence that the ambiguous ones are damage too.
            let (_, cuts) = self.collapse_words(&text, false);
            evidence = cuts > 0;
        }
        self.collapse_words(&text, evidence).0
    }

    /// A cheap necessary condition for any repair of a Latin line: every word of some glossary pattern or
    /// article term occurs, or some run of words repeats back to back. Most English lines have none of these
    /// and skip the full analysis, which is what keeps this stage from dominating the run time.
    fn latin_may_need_repair(&self, line: &str) -> bool {
        let words: Vec<&str> = line
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .collect();
        let has_word = |w: &str| words.iter().any(|x| x.eq_ignore_ascii_case(w));
        let all_words_present = |toks: &[PTok]| {
            toks.iter().all(|t| match t {
                PTok::Word(w) => has_word(w),
                PTok::Punct(_) => true,
            })
        };
        if self.glossary.iter().any(|(pat, _)| all_words_present(pat)) {
            return true;
        }
        if self
            .article_terms
            .iter()
            .any(|t| !t.is_empty() && t.iter().all(|w| has_word(w)))
        {
            return true;
        }
        let max_n = self.max_loop_words.max(1);
        (0..words.len()).any(|i| {
            (1..=max_n).any(|n| {
                i + 2 * n <= words.len()
                    && (0..n).all(|k| words[i + k].eq_ignore_ascii_case(words[i + n + k]))
            })
        })
    }
}

impl super::LineRepair for MtRepairer {
    fn name(&self) -> &'static str {
        "mt"
    }

    fn repair(&self, line: &str) -> Option<String> {
        MtRepairer::repair(self, line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(super) fn rep() -> MtRepairer {
        MtConfig::default()
            .build()
            .expect("default config is valid")
    }

    pub(super) fn fix(s: &str) -> String {
        rep().repair(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn default_config_validates() {
        assert!(MtConfig::default().validate().is_empty());
    }

    #[test]
    fn other_latin_languages_are_left_alone() {
        assert_eq!(
            rep().repair("Wir sehen die die Stadt bauen, und das ist gut für die Leute."),
            None
        );
        assert_eq!(
            rep().repair("Nous nous sommes levés tôt pour la réunion."),
            None
        );
    }

    #[test]
    fn validation_reports_every_problem() {
        let cfg = MtConfig {
            max_loop_words: 0,
            han_min_repeats: 1,
            han_two_copy_unit_chars: 3,
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

    proptest! {
        #[test]
        fn repair_is_idempotent(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("one"), Just("belt"), Just("road"), Just("One"), Just("Belt"), Just("and"),
                    Just("the"), Just("China"), Just("China"), Just(","), Just("\""), Just("."),
                    Just("had"), Just("digital"), Just("third"), Just("Road"), Just("一带"), Just("一路"),
                ],
                0..24,
            ),
            seps in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("  ")], 24),
        ) {
            let line: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            let r = rep();
            let once = r.repair(&line).unwrap_or_else(|| line.clone());
            let twice = r.repair(&once).unwrap_or_else(|| once.clone());
            prop_assert_eq!(once, twice);
        }
    }
}
