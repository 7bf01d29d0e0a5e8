//! What the stage knows about words: whether a line reads as English at all, the built-in classes of
//! function words, and what it derives from the CC-CEDICT we already ship for alignment: common English
//! words and pinyin syllables from the glosses, and the longer Chinese headwords (set phrases).
//!
//! Imports `super::tokens`, `crate::stages::langid` (its English stop words) and `crate::align::lexicon`
//! (the dictionary); nothing else of the stage.

use super::tokens::{is_inner_joiner, words_lower};
use crate::align::lexicon::Lexicon;

/// Positive evidence that a Latin line is English, not just "Latin and nothing else recognised": at least
/// one word in eight is an English function word (English prose runs at about two in five). Languages
/// the language identifier has no stop words for (Indonesian "amat amat keji", Malay, Tagalog) reduplicate
/// words legitimately and must not have their doubles cut as English stutters.
pub(super) fn reads_as_english(line: &str) -> bool {
    let words = words_lower(line);
    has_english_function_words(&words) || mostly_common_english(&words)
}

/// At least one word in eight is an English function word: prose, not a keyword or product list.
pub(super) fn has_english_function_words(words: &[String]) -> bool {
    let function_words = words
        .iter()
        .filter(|w| {
            // langid's list leaves out short words other languages share ("a", "in", "is"); for this
            // yes/no question they are still evidence.
            crate::stages::langid::is_english_function_word(w)
                || matches!(
                    w.as_str(),
                    "a" | "an" | "in" | "on" | "is" | "was" | "as" | "he" | "i"
                )
        })
        .count();
    function_words > 0 && function_words * 8 >= words.len()
}

/// Evidence from the words themselves that a Latin line is English, for lines too short to carry a
/// function word ("Xi-feng smiled smiled maliciously."): at least half of its words are common English
/// words (see [`is_common_english`]). Indonesian, Malay or Tagalog lines score near zero.
fn mostly_common_english(words: &[String]) -> bool {
    let alphabetic: Vec<&String> = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_alphabetic() || is_inner_joiner(c)))
        .collect();
    let common = alphabetic.iter().filter(|w| is_common_english(w)).count();
    alphabetic.len() >= 2 && common * 2 >= alphabetic.len()
}

/// Function words: a loop unit that starts or ends with one ("time to time to") usually straddles
/// phrases of ordinary English; the phrases MT loops on are content phrases ("Belt and Road").
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "as",
    "that", "this", "is", "are", "was", "were", "be", "from", "it", "its", "his", "her", "their",
    "our", "we", "they", "he", "she", "you", "i", "not", "no", "so", "if", "then", "than", "into",
];

/// Personal pronouns and possessives: never a name, never onomatopoeia, never an idiom's noun.
const PRONOUNS: &[&str] = &[
    "i", "me", "my", "you", "your", "he", "him", "his", "she", "her", "it", "its", "we", "us",
    "our", "they", "them", "their", "who", "whom", "whose",
];

/// Modals and particles that cannot end a relative clause as its verb does ("that would would").
const PARTICLES: &[&str] = &[
    "would", "could", "should", "might", "must", "will", "shall", "up", "out", "off", "down",
    "not", "all", "just", "only", "also", "about",
];

/// A function word, pronoun, particle or English stop word (with contractions: "that's", "we're").
pub(super) fn is_common_word(w: &str) -> bool {
    let base = ["'s", "'re", "'ll", "'ve", "'d", "'m", "n't"]
        .iter()
        .find_map(|suffix| w.strip_suffix(suffix))
        .unwrap_or(w);
    [w, base].iter().any(|x| {
        FUNCTION_WORDS.contains(x)
            || PRONOUNS.contains(x)
            || PARTICLES.contains(x)
            || crate::stages::langid::is_english_function_word(x)
    })
}

// ---------------------------------------------------------------------------------------------------
// Common English words, from the CC-CEDICT glosses we already ship

/// English words that CC-CEDICT's glosses write in lower case at least twice and at least as often as
/// capitalised: ordinary vocabulary ("tourist", "thunder", "maybe"), not names ("Wang", "China",
/// "York"). The glosses are written English of every register, so the list covers far more than a
/// hand-made one would, and it costs no new data (licence: CC BY-SA 4.0, see
/// `data/PROVENANCE-cedict.md`; we ship the dictionary unmodified and derive this list, the pinyin syllables,
/// the gloss idioms and the Han headwords at build time, with the aligner's tables: see
/// `crate::align::lexicon`).
fn cedict() -> Option<&'static Lexicon> {
    Lexicon::global()
}

/// Words that link a repeated word in an English idiom ("time to time", "side by side", "day after day").
pub(super) use crate::align::lexicon::LINKERS;

/// Longest headword recognised by [`is_han_headword`]; longer entries are proverbs whose parts still match.
const MAX_HAN_HEADWORD: usize = crate::align::lexicon::MAX_HAN_WORD_CHARS;

/// Whether "`word` `linker` `word`" is a phrase of CC-CEDICT's glosses ("time to time", "face to face").
pub(super) fn is_gloss_idiom(word: &str, linker: &str) -> bool {
    cedict().is_some_and(|lex| lex.is_gloss_idiom(&format!("{word} {linker} {word}")))
}

/// Whether `word` is a CC-CEDICT headword of two to eight Han characters (一路平安, 不好意思).
pub(super) fn is_han_headword(word: &str) -> bool {
    cedict().is_some_and(|lex| lex.is_han_word(word))
}

/// Where the words of `clause` end, by greedy longest match over the CC-CEDICT headwords (a character
/// that starts no headword is a word of its own): `is_end[k]` tells whether a word ends after `k`
/// characters. Not a real segmenter, but enough to tell whether a stretch starts or ends inside a word.
pub(crate) fn han_word_ends(clause: &[char]) -> Vec<bool> {
    let lex = cedict();
    let mut is_end = vec![false; clause.len() + 1];
    is_end[0] = true;
    let mut candidate = String::new();
    let mut i = 0;
    while i < clause.len() {
        let longest = (clause.len() - i).min(MAX_HAN_HEADWORD);
        let len = (2..=longest)
            .rev()
            .find(|&len| {
                candidate.clear();
                candidate.extend(&clause[i..i + len]);
                lex.is_some_and(|lex| lex.is_han_word(&candidate))
            })
            .unwrap_or(1);
        i += len;
        is_end[i] = true;
    }
    is_end
}

/// How many pinyin syllables `word` is made of, at least (`Qiyao` 2, `Wang` 1), or `None` when it is not
/// pinyin ("Sirhan", "Humbert"). Words are short, so trying every split is cheap.
pub(super) fn pinyin_syllable_count(word: &str) -> Option<usize> {
    let word = word.strip_suffix("'s").unwrap_or(word).to_ascii_lowercase();
    if word.len() > 24 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let lex = cedict()?;
    // fewest[i]: fewest syllables that spell word[..i].
    let mut fewest: Vec<Option<usize>> = vec![None; word.len() + 1];
    fewest[0] = Some(0);
    for end in 1..=word.len() {
        fewest[end] = (end.saturating_sub(6)..end)
            .filter_map(|start| {
                let before = fewest[start]?;
                lex.is_pinyin_syllable(&word[start..end])
                    .then_some(before + 1)
            })
            .min();
    }
    fewest[word.len()]
}

/// Whether `word` (lower case) is a common English word, directly or through a regular inflection
/// ("tourists", "smiled", "walking", "Rong's" stays a name because "rong" is not a word).
pub(super) fn is_common_english(word: &str) -> bool {
    let Some(lex) = cedict() else {
        return false;
    };
    let contains = |w: &str| lex.is_common_english(w);
    let word = word.replace('’', "'");
    let base = word.strip_suffix("'s").unwrap_or(&word);
    if contains(base) {
        return true;
    }
    ["s", "es", "d", "ed", "ing", "ly"].iter().any(|suffix| {
        base.strip_suffix(suffix).is_some_and(|stem| {
            stem.len() >= 3
                && (contains(stem)
                    || contains(&format!("{stem}e"))
                    // "stopped", "running": a doubled final consonant
                    || stem
                        .char_indices()
                        .last()
                        .is_some_and(|(i, c)| stem[..i].ends_with(c) && contains(&stem[..i])))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::mt::tests::fix;

    #[test]
    fn short_lines_read_as_english_by_their_words() {
        assert_eq!(
            fix("Xi-feng smiled smiled maliciously."),
            "Xi-feng smiled maliciously."
        );
        assert_eq!(fix("Trust Trust me."), "Trust me.");
        // Indonesian has no common English words, so its reduplication stays.
        let indonesian = "Penghinaan yang amat amat keji sekali.";
        assert_eq!(fix(indonesian), indonesian);
    }

    #[test]
    fn common_english_list_follows_gloss_case() {
        let dict = "# comment\n\
            汪 汪 [Wang1] /surname Wang/\n\
            旺 旺 [wang4] /prosperous/\n\
            游客 游客 [you2 ke4] /tourist/sightseer/\n\
            旅客 旅客 [lu:3 ke4] /traveler; tourist/\n\
            王 王 [Wang2] /Wang (surname)/\n\
            繁荣 繁荣 [fan2 rong2] /prosperous/see 汪旺[wang1 wang4]/\n";
        let found = Lexicon::parse(dict);
        assert!(found.is_common_english("tourist"));
        assert!(found.is_common_english("prosperous"));
        assert!(found.is_common_english("surname"));
        assert!(found.is_pinyin_syllable("wang") && found.is_pinyin_syllable("you"));
        assert!(!found.is_pinyin_syllable("lu:"));
        assert!(found.is_han_word("游客") && !found.is_han_word("汪"));
        // Capitalised in the glosses (a name) and lower case only in bracketed pinyin, or seen once: not
        // common.
        assert!(!found.is_common_english("wang"));
        assert!(!found.is_common_english("sightseer"));
        // The shipped dictionary: ordinary words yes, names no.
        assert!(is_common_english("tourists") && is_common_english("smiled"));
        assert!(!is_common_english("chen") && !is_common_english("beijing"));
    }
}
