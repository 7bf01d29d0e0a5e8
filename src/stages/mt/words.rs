//! What the stage knows about words: whether a line reads as English at all, the built-in classes of
//! function words, and what it derives from the CC-CEDICT we already ship for alignment: common English
//! words and pinyin syllables from the glosses, and the longer Chinese headwords (set phrases).
//!
//! Imports `super::tokens`, `crate::stages::langid` (its English stop words) and `crate::align::lexicon`
//! (the dictionary); nothing else of the stage.

use super::tokens::{is_inner_joiner, words_lower};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::OnceLock;

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
/// `data/PROVENANCE-cedict.md`; we ship the dictionary unmodified and derive this list at run time).
/// Built on first use, which only happens for lines with a doubled capitalised word or a short line
/// with a double, so most runs never pay for it.
static CEDICT_WORDS: OnceLock<CedictWords> = OnceLock::new();

/// What the stage takes from CC-CEDICT.
#[derive(Debug, Default)]
struct CedictWords {
    /// Common English words (lower case), see [`is_common_english`].
    common: HashSet<String>,
    /// Toneless pinyin syllables with a vowel ("wang", "qi", "yao"), to read romanised Chinese names.
    syllables: HashSet<String>,
    /// Phrases "X linker X" that the glosses use ("time to time", "side by side", "day after day"):
    /// idioms, which a loop detector must not take for a word said twice.
    idioms: HashSet<String>,
}

/// Words that link a repeated word in an English idiom ("time to time", "side by side", "day after day").
pub(super) const LINKERS: &[&str] = &[
    "to", "by", "and", "after", "for", "in", "upon", "on", "over", "or", "from", "against",
];

/// Longest headword kept in [`CedictWords::han_words`]; longer entries are proverbs whose parts still match.
const MAX_HAN_HEADWORD: usize = 8;

fn cedict_words() -> &'static CedictWords {
    CEDICT_WORDS.get_or_init(|| {
        cedict_text()
            .map(|t| words_from_cedict(&t))
            .unwrap_or_default()
    })
}

/// Headwords of two to [`MAX_HAN_HEADWORD`] characters, Simplified and Traditional (一路平安, 对不起), to
/// segment a clause into words and to recognise set phrases. Built on first need, apart from the English
/// words: a Chinese line that asks for them is rare, and English text never does.
static HAN_WORDS: OnceLock<HashSet<String>> = OnceLock::new();

fn han_words() -> &'static HashSet<String> {
    HAN_WORDS.get_or_init(|| {
        cedict_text()
            .map(|t| han_words_from_cedict(&t))
            .unwrap_or_default()
    })
}

/// The shipped CC-CEDICT, decompressed; None only for a build defect.
fn cedict_text() -> Option<String> {
    let mut text = String::new();
    let mut decoder = flate2::read::GzDecoder::new(crate::align::lexicon::CEDICT_GZ);
    decoder.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The headwords of `Trad Simp [pin1 yin1] /gloss/` lines that are two to [`MAX_HAN_HEADWORD`] Han
/// characters long.
fn han_words_from_cedict(text: &str) -> HashSet<String> {
    let mut words = HashSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        for headword in line.split(' ').take(2) {
            if (2..=MAX_HAN_HEADWORD).contains(&headword.chars().count())
                && headword.chars().all(crate::text::is_han)
                && !words.contains(headword)
            {
                words.insert(headword.to_string());
            }
        }
    }
    words
}

/// Count lower-case and capitalised uses of every gloss word (`Trad Simp [pin1 yin1] /gloss/gloss/`),
/// ignoring the pinyin of cross-references (`see 汪旺[Wang1 Wang4]`). Works on bytes: gloss words are
/// ASCII, and every byte of a multi-byte character is outside the ASCII range, so it never joins a word.
fn words_from_cedict(text: &str) -> CedictWords {
    // word -> (lower-case uses, capitalised uses)
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    let mut syllables: HashSet<String> = HashSet::new();
    let mut idioms: HashSet<String> = HashSet::new();
    let mut lower = String::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((head, glosses)) = line.split_once("] /") else {
            continue;
        };
        if let Some((_, pinyin)) = head.split_once(" [") {
            for syllable in pinyin.split(' ') {
                let syllable = syllable.trim_end_matches(|c: char| c.is_ascii_digit());
                if (1..=6).contains(&syllable.len())
                    && syllable.bytes().all(|b| b.is_ascii_alphabetic())
                    && syllable.bytes().any(|b| b"aeiouAEIOU".contains(&b))
                    && !syllables.contains(syllable.to_ascii_lowercase().as_str())
                {
                    syllables.insert(syllable.to_ascii_lowercase());
                }
            }
        }
        let bytes = glosses.as_bytes();
        let mut in_brackets = false;
        let mut i = 0;
        // The two words before the current one in the same gloss, for "X linker X".
        let (mut before_last, mut last): (&str, &str) = ("", "");
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'[' {
                in_brackets = true;
            } else if b == b']' {
                in_brackets = false;
            } else if b == b'/' || b == b';' || b == b',' || b == b'(' {
                (before_last, last) = ("", "");
            }
            if in_brackets || !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphabetic()
                    || (matches!(bytes[i], b'\'' | b'-')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)))
            {
                i += 1;
            }
            // ASCII-only run, so the slice is on character boundaries.
            let word = &glosses[start..i];
            lower.clear();
            lower.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            let entry = match counts.get_mut(lower.as_str()) {
                Some(entry) => entry,
                None => counts.entry(lower.clone()).or_default(),
            };
            if b.is_ascii_lowercase() {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
            if before_last.eq_ignore_ascii_case(word)
                && LINKERS.iter().any(|l| l.eq_ignore_ascii_case(last))
            {
                idioms.insert(format!("{lower} {} {lower}", last.to_ascii_lowercase()));
            }
            (before_last, last) = (last, word);
        }
    }
    let common = counts
        .into_iter()
        .filter(|(_, (lower, capital))| *lower >= 2 && lower >= capital)
        .map(|(w, _)| w)
        .collect();
    CedictWords {
        common,
        syllables,
        idioms,
    }
}

/// Whether "`word` `linker` `word`" is a phrase of CC-CEDICT's glosses ("time to time", "face to face").
pub(super) fn is_gloss_idiom(word: &str, linker: &str) -> bool {
    cedict_words()
        .idioms
        .contains(format!("{word} {linker} {word}").as_str())
}

/// Whether `word` is a CC-CEDICT headword of two to eight Han characters (一路平安, 不好意思).
pub(super) fn is_han_headword(word: &str) -> bool {
    han_words().contains(word)
}

/// Where the words of `clause` end, by greedy longest match over the CC-CEDICT headwords (a character
/// that starts no headword is a word of its own): `is_end[k]` tells whether a word ends after `k`
/// characters. Not a real segmenter, but enough to tell whether a stretch starts or ends inside a word.
pub(crate) fn han_word_ends(clause: &[char]) -> Vec<bool> {
    let words = han_words();
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
                words.contains(candidate.as_str())
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
    let syllables = &cedict_words().syllables;
    // fewest[i]: fewest syllables that spell word[..i].
    let mut fewest: Vec<Option<usize>> = vec![None; word.len() + 1];
    fewest[0] = Some(0);
    for end in 1..=word.len() {
        fewest[end] = (end.saturating_sub(6)..end)
            .filter_map(|start| {
                let before = fewest[start]?;
                syllables.contains(&word[start..end]).then_some(before + 1)
            })
            .min();
    }
    fewest[word.len()]
}

/// Whether `word` (lower case) is a common English word, directly or through a regular inflection
/// ("tourists", "smiled", "walking", "Rong's" stays a name because "rong" is not a word).
pub(super) fn is_common_english(word: &str) -> bool {
    let set = &cedict_words().common;
    let word = word.replace('’', "'");
    let base = word.strip_suffix("'s").unwrap_or(&word);
    if set.contains(base) {
        return true;
    }
    ["s", "es", "d", "ed", "ing", "ly"].iter().any(|suffix| {
        base.strip_suffix(suffix).is_some_and(|stem| {
            stem.len() >= 3
                && (set.contains(stem)
                    || set.contains(&format!("{stem}e"))
                    // "stopped", "running": a doubled final consonant
                    || stem
                        .char_indices()
                        .last()
                        .is_some_and(|(i, c)| stem[..i].ends_with(c) && set.contains(&stem[..i])))
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
        let found = words_from_cedict(dict);
        let words = &found.common;
        assert!(words.contains("tourist"));
        assert!(words.contains("prosperous"));
        assert!(words.contains("surname"));
        assert!(found.syllables.contains("wang") && found.syllables.contains("you"));
        assert!(!found.syllables.contains("lu:"));
        // Capitalised in the glosses (a name) and lower case only in bracketed pinyin, or seen once: not
        // common.
        assert!(!words.contains("wang"));
        assert!(!words.contains("sightseer"));
        // The shipped dictionary: ordinary words yes, names no.
        assert!(is_common_english("tourists") && is_common_english("smiled"));
        assert!(!is_common_english("chen") && !is_common_english("beijing"));
    }
}
