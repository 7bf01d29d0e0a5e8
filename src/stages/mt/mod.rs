//! Repair of garbled machine translation: loops and stutters in English and Chinese lines, and the
//! systematic mistranslations of English ones.
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
//! 3. Loops and stutters: a run of 1..=`max_loop_words` words repeated back to back is cut to one copy.
//!    Copies carry whatever punctuation the looped span holds, so the punctuation between two copies is
//!    read as the end of one copy, a joiner (nothing, a comma, semicolon, colon, dash or ellipsis) and
//!    the start of the next, the last copy ending and the first starting the same way (`market,, rising
//!    market,`; `…announced. the election commission announced.`; `in Austria, despite, in Austria,
//!    despite`); see `seam`. An opening quote attached to each copy is part of it ("'What 'What a
//!    fool"). Only in lines that read as English: one word in eight an English function word, or (for
//!    short lines) half the words common English words (Indonesian "amat amat keji" is neither). What
//!    is kept is decided by evidence, not by a list of cases:
//!    - a seam of two marks (`,,`, `.,`, `:,`) is debris no writer produces: always a loop; copies on
//!      both sides of a sentence end are sentences said again ("We won. We won.") only when the first
//!      starts a sentence, otherwise a decoder that did not stop; a copy that starts again with the
//!      capital of a sentence start after a comma ("After all, After all, she") is a loop;
//!    - single words joined by a comma are rhetoric ("No, no", "Row, row, row"), never touched;
//!    - doubled single words that English legitimately doubles are kept: grammatical doubling
//!      ("had had", "that that", "what it is is"), intensifiers ("very very", "far far"),
//!      interjections and reduplicatives ("bye bye", "ha ha", "knock knock", "there there"), number
//!      words and anything with a digit ("fifty fifty", "10 10"), single letters other than a/I;
//!    - a unit that is itself a repetition ("bye bye bye bye") is not a loop of "bye bye"; two words
//!      that differ in one vowel are a sound word ("tick tock, tick tock", "ding dong");
//!    - "X linker X" idioms meeting their own linker ("from time to time to see", "side by side by
//!      side") when CC-CEDICT's glosses use the phrase; a verb in the past is no such noun ("rose to
//!      rose to his feet"); a word coordinated with itself by "and"/"or" is emphasis when it is said
//!      three times and ends the chain ("on and on and on", "wrote, and wrote, and wrote"), not a name
//!      ("Pakistan and Pakistan and Pakistan") and not twice ("and kept and kept my charge");
//!    - whole clauses said again, each closed by a mark, are emphasis ("Come on, come on, we are
//!      late"; "Let it be, let it be, let it be"): twice anywhere when short (four words at most),
//!      more often or longer only opening a sentence; a chain that starts or ends inside a clause is a
//!      loop ("up the mountain with, mountain with me"). A unit read at a space whose copies hold a
//!      clause mark is judged at the mark as well ("Happy birthday to you, happy birthday to you");
//!    - a determiner and noun said twice across a comma, the second going on as a subject or with
//!      "of", is anadiplosis or apposition ("if he should leave his father, his father would die",
//!      "his coat, his coat of many colours"); a noun phrase coordinated with itself, said twice, is a
//!      list ("the robe of the ephod, and the ephod, and the breastplate"); across a semicolon or colon
//!      a noun phrase ending one clause may start the next ("and Jacob: and Jacob fed"); a pause and
//!      the words taken up again ("the answer… the answer is"); list items sharing a model name, the
//!      last going on with more of its name ("iPhone 11, iPhone 11 Pro"), and copies ending in a
//!      possessive apostrophe ("his sons, and his sons' wives") are not copies;
//!    - a double may be a relative clause's verb meeting the main verb ("every man that offered
//!      offered", "what he did did matter", "whatever will be, will be", "they that went in, went in")
//!      when it has that shape: for a single word, the relative right before it or one subject word
//!      before it (then the verb agrees with a singular clause: not "what I mean mean"), no comma
//!      before the relative, and for "that/who/which" an antecedent at the start of the clause;
//!    - capitalised doubles are names ("Sirhan Sirhan", "Chen Chen", "New York, New York", "the band
//!      Talk Talk") unless the word is common English ("Maybe Maybe", "Tourists Tourists", "The The
//!      results") outside a title-case line, a quoted title ("Sugar Sugar") or an apposition to a
//!      lower-case noun, or they break the shape of a romanised Chinese name ("Wang Wang Qiyao", "Wang
//!      Qiyao Qiyao"; "Fan Bing Bing" is a real one); a capitalised phrase said three times is a loop.
//!      Short words may be onomatopoeia. Names and sound words are cut anyway when the line already
//!      shows MT damage: a glossary or article repair, or an unambiguous loop or stutter elsewhere;
//!    - punctuation that prose does not put between words (`std::vector<std::vector`) is code or a
//!      path: never touched.
//!
//!    "Common English" comes from the English glosses of CC-CEDICT, which we already ship for
//!    alignment: a word written there in lower case at least twice and at least as often as
//!    capitalised. The list and the pinyin syllables (for names) are derived once per process, on first
//!    need (about a tenth of a second).
//!
//! On a line that is mostly Han, loops are found at the character level (see `han_loops`): every
//! tandem repeat of a unit of `han_min_unit_chars`..=16 characters, whatever its alignment to words,
//! directly joined or joined by a mark (`上海交通大交通大学`, `但是没，有人，但是没，有人`, `共 30 人0 人0 人
//! 参加`), cut to one copy unless the evidence says the repetition is Chinese: reduplication (看看,
//! 研究研究, 一个镜头一个镜头), whole clauses said again (对不起，对不起，; 两只老虎，两只老虎), a set phrase
//! said twice (一路平安一路平安！), anadiplosis of whole words after a verb (你必恋慕你丈夫，你丈夫必管辖你),
//! a stammer (我……我), list items sharing a word, parallel phrases whose seam is a word, a whole-line
//! chant or header said twice; three copies of anything longer than two characters are a loop. Latin
//! words and numbers in Chinese text are cut only where the copies split a word (`Lar，Lar，Larry`).
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
//! Layout: one concern per file, each importing only files listed after it: this one (the order of the
//! repairs, and the public names of the stage), `garble`, `loops` (English loops), `han_loops` (Chinese
//! loops), `glossary`, `stutter`, `config` ([`MtConfig`] and the [`MtRepairer`] it builds, whose
//! repairs are methods in the files above it), `words`, `seam`, `splice`, `tokens`. Outside the stage they import only `crate::text`, `crate::doc`,
//! `crate::validate`, `crate::stages::{langid, segment}` and `crate::align::lexicon` (the dictionary):
//! `cleanalign fix` runs this stage without the pipeline.

mod config;
mod garble;
mod glossary;
mod han_loops;
mod loops;
mod seam;
mod splice;
mod stutter;
mod tokens;
mod words;

/// Word boundaries of Chinese text, for the spam vocabulary's whole-word matching.
pub(crate) use words::han_word_ends;

pub use self::config::{GlossaryEntry, MtConfig, MtRepairer};
pub use self::garble::GarbleScore;
pub use self::stutter::doubling_is_legitimate;

use self::tokens::{has_repeated_words, is_word_char, PTok};
use self::words::reads_as_english;
use crate::stages::langid::detect_lang;
use crate::text::{is_han, is_latin_letter, Lang};

/// Upper bound on repair rounds per line. Each round only shortens the line or applies a glossary
/// entry whose replacement cannot match again, so real lines settle in one or two rounds.
pub const MAX_ROUNDS: usize = 6;

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
        // Words counted as the loop search counts them ("seller's", "in-line" are one word each).
        has_repeated_words(line, self.max_loop_words)
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
