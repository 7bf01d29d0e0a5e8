//! Language of a line (`Zh` / `En` / `Other`) and script of Chinese text (Simplified / Traditional).
//!
//! What it does:
//! - [`detect_lang`] decides by script first. Han characters are weighed against Latin letters with
//!   [`HAN_WEIGHT`] (one Han character carries about as much text as three Latin letters: an English word
//!   averages ~4.5 letters and ~1.5 Han characters), so a line of English with a few Chinese UI labels is
//!   `En`, and a Chinese sentence quoting an English name is `Zh`. `地址:No.10 Huixin East Street` (2 Han
//!   vs 22 Latin letters) is `En`: it is an address written for English readers with a Chinese label, and
//!   the English side is where it would align, if anywhere.
//!   Latin text is `En` unless there is positive evidence of another language: more function words of
//!   German/French/Spanish/Italian/Portuguese/Dutch than of English, or (with no English function word at
//!   all) a high share of accented letters. Short titles with no function words therefore stay `En`,
//!   which is the right default for a zh/en pipeline.
//!   Kana, Hangul, Cyrillic and other scripts make a line `Other`; a line with no letters at all
//!   (dates, numbers, symbols) is `Other` too, since it has no language to align on.
//! - [`detect_script`] counts characters that exist only in Simplified or only in Traditional Chinese
//!   (tables generated from OpenCC, see `data/PROVENANCE-script-tables.md`).
//!
//! What it never does: load a model, look at more than the characters of the text it is given.
//! Limits: very short Latin lines (one or two words) cannot be told apart reliably and default to `En`;
//! Japanese text written only in kanji is seen as Chinese.

mod tables;

use self::tables::{SIMPLIFIED_ONLY, TRADITIONAL_ONLY};
use crate::text::{is_han, is_latin_letter, Lang};
use serde::{Deserialize, Serialize};

/// How many Latin letters one Han character is worth when the two compete for a line.
pub const HAN_WEIGHT: usize = 3;

/// Han characters enough to be the frame of a Chinese sentence around Latin names.
const MIN_HAN_FRAME: usize = 6;

/// The script of Chinese text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Script {
    /// Simplified Chinese.
    Hans,
    /// Traditional Chinese.
    Hant,
    /// Both scripts in substantial amounts (often a half-converted page or a quotation).
    Mixed,
    /// No character that tells the scripts apart (no Han at all, or only characters common to both).
    None,
}

impl Script {
    /// The code used in metadata and reports.
    pub fn code(self) -> &'static str {
        match self {
            Script::Hans => "zh-Hans",
            Script::Hant => "zh-Hant",
            Script::Mixed => "mixed",
            Script::None => "none",
        }
    }
}

pub(crate) fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9D)
}

/// Japanese by its kana: at least `min_kana` kana, making up a fifth or more of the Han and kana characters.
/// Chinese borrows kana only for names and the odd shop-sign `の`, never at that density.
pub fn reads_as_japanese(chars: impl Iterator<Item = char>, min_kana: usize) -> bool {
    let (mut han, mut kana) = (0usize, 0usize);
    for c in chars {
        if crate::text::is_han(c) {
            han += 1;
        } else if is_kana(c) {
            kana += 1;
        }
    }
    kana >= min_kana && kana * 5 >= han + kana
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// English function words that are not also common words of the other languages checked here
/// (so no `a`, `in`, `die`, `was`, `on`, `an`, `is`, `as`, `no`, `me`, `do`, `i`, `he`, `over`).
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "that", "for", "it", "with", "be", "by", "at", "this", "are", "from",
    "or", "which", "have", "has", "not", "but", "were", "they", "their", "we", "you", "she", "his",
    "her", "will", "would", "been", "can", "its", "all", "more", "there", "these", "than", "other",
    "into", "our", "after", "who", "what", "when", "about", "them", "some", "could", "said", "had",
    "should", "my", "your", "him", "did", "does", "how", "up", "out", "if", "just", "only", "then",
    "those", "such", "each", "between", "through", "under", "because", "while", "where", "why",
    "any", "many", "much", "very", "well", "new",
];

/// Frequent function words of the other Latin-script languages most likely to turn up in scraped
/// pages (German, French, Spanish, Italian, Portuguese, Dutch), minus words that are also English.
const OTHER_WORDS: &[&str] = &[
    // German
    "der", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "von", "mit", "sich", "des",
    "auf", "für", "dem", "im", "auch", "es", "werden", "wird", "sind", "wie", "nach", "bei", "aus",
    "noch", "nur", "oder", "aber", "wir", "sie", "ich", "einer", "eines", "zum", "zur", "über",
    // French
    "le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour", "pas",
    "sur", "au", "avec", "ce", "il", "elle", "nous", "vous", "ils", "sont", "mais", "ou", "aux",
    "cette", "été", "être", "leur", "par", "plus", "où", "très",
    // Spanish / Portuguese / Italian
    "el", "los", "las", "y", "del", "por", "con", "para", "una", "se", "lo", "como", "más", "pero",
    "sus", "su", "muy", "também", "não", "uma", "os", "em", "ao", "di", "che", "il", "della",
    "per", "sono", "gli", "nel", "degli", // Dutch
    "het", "een", "van", "niet", "dat", "op", "te", "zijn", "voor", "met", "ook", "maar", "wordt",
];

/// Whether `word` (lower case) is one of the English function words langid counts.
pub fn is_english_function_word(word: &str) -> bool {
    ENGLISH_WORDS.contains(&word)
}

fn word_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// The language of `text`: script first, then function words for Latin text. Linear time.
pub fn detect_lang(text: &str) -> Lang {
    let mut han = 0usize;
    let mut latin = 0usize;
    let mut accented = 0usize;
    let mut kana = 0usize;
    let mut other_letter = 0usize;
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if is_latin_letter(c) {
            latin += 1;
            if !c.is_ascii() {
                accented += 1;
            }
        } else if is_kana(c) {
            kana += 1;
        } else if c.is_alphabetic() || is_hangul(c) {
            other_letter += 1;
        }
    }
    // Japanese: kana are a large share of any real Japanese sentence; a stray kana in Chinese (a quoted
    // brand name) is not enough.
    if kana * 5 > han + kana && kana >= 2 {
        return Lang::Other;
    }
    let han_score = han.saturating_mul(HAN_WEIGHT);
    if other_letter > han_score.max(latin) {
        return Lang::Other;
    }
    if han > 0 && han_score >= latin {
        return Lang::Zh;
    }
    if latin == 0 {
        return Lang::Other;
    }
    let (en_hits, other_hits) = function_word_hits(text);
    // Latin names in a Chinese sentence (`名单还包括 Philippe Coutinho、Ivan Rakitic 和 Samuel Umtiti。`)
    // outnumber its Han characters, but English prose always has function words between its names.
    if han >= MIN_HAN_FRAME && en_hits == 0 {
        return Lang::Zh;
    }
    if other_hits > en_hits {
        return Lang::Other;
    }
    // No function word either way: a line like "Städte Übersicht" is foreign by its letters alone.
    if en_hits == 0 && accented * 10 >= latin && accented > 0 {
        return Lang::Other;
    }
    Lang::En
}

/// How many English and how many other-language function words `text` holds.
fn function_word_hits(text: &str) -> (usize, usize) {
    let (mut en_hits, mut other_hits) = (0usize, 0usize);
    for word in text
        .split(|c: char| !(is_latin_letter(c) || c == '\''))
        .filter(|w| !w.is_empty())
    {
        // Function words are short; skipping long words keeps the lowercase copy cheap.
        if word.len() > 12 {
            continue;
        }
        let lower = word.to_lowercase();
        if word_in(ENGLISH_WORDS, &lower) {
            en_hits += 1;
        } else if word_in(OTHER_WORDS, &lower) {
            other_hits += 1;
        }
    }
    (en_hits, other_hits)
}

fn count_in(table: &[char], c: char) -> bool {
    table.binary_search(&c).is_ok()
}

/// Counts of (Simplified-only, Traditional-only) characters in `text`.
pub fn script_counts(text: &str) -> (usize, usize) {
    let mut simp = 0;
    let mut trad = 0;
    for c in text.chars().filter(|&c| is_han(c)) {
        if count_in(&SIMPLIFIED_ONLY, c) {
            simp += 1;
        } else if count_in(&TRADITIONAL_ONLY, c) {
            trad += 1;
        }
    }
    (simp, trad)
}

/// The script of Chinese `text`.
///
/// One script must account for at least 90% of the script-specific characters to win; anything in
/// between is `Mixed`. The 10% tolerance absorbs characters the OpenCC tables classify more strictly
/// than real usage does (variant forms that Simplified pages also use, and the reverse).
pub fn detect_script(text: &str) -> Script {
    let (simp, trad) = script_counts(text);
    let total = simp + trad;
    if total == 0 {
        Script::None
    } else if simp * 10 >= total * 9 {
        Script::Hans
    } else if trad * 10 >= total * 9 {
        Script::Hant
    } else {
        Script::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_disjoint() {
        assert!(SIMPLIFIED_ONLY.windows(2).all(|w| w[0] < w[1]));
        assert!(TRADITIONAL_ONLY.windows(2).all(|w| w[0] < w[1]));
        assert!(SIMPLIFIED_ONLY
            .iter()
            .all(|c| !count_in(&TRADITIONAL_ONLY, *c)));
        // Characters valid in both scripts are in neither table.
        for c in ['干', '后', '的', '台', '面', '里'] {
            assert!(
                !count_in(&SIMPLIFIED_ONLY, c) && !count_in(&TRADITIONAL_ONLY, c),
                "{c}"
            );
        }
    }

    #[test]
    fn scripts() {
        assert_eq!(detect_script("我们的国家发展很快。"), Script::Hans);
        assert_eq!(detect_script("我們的國家發展很快。"), Script::Hant);
        assert_eq!(detect_script("我们的國家發展很快，经济数据"), Script::Mixed);
        assert_eq!(detect_script("中文大山"), Script::None);
        assert_eq!(detect_script("hello"), Script::None);
        assert_eq!(Script::Hant.code(), "zh-Hant");
    }

    #[test]
    fn chinese_and_english_lines() {
        assert_eq!(detect_lang("数字领域国际合作是指各国的交流。"), Lang::Zh);
        assert_eq!(
            detect_lang("通过亚太经济合作组织(APEC)等平台推动合作"),
            Lang::Zh
        );
        assert_eq!(
            detect_lang("The cooperation of the two countries is growing."),
            Lang::En
        );
        assert_eq!(detect_lang("地址:No.10 Huixin East Street"), Lang::En);
        assert_eq!(
            detect_lang("Name 姓名 Please enter the name of your company"),
            Lang::En
        );
        assert_eq!(detect_lang("Digital Silk Road"), Lang::En);
    }

    #[test]
    fn other_languages() {
        assert_eq!(
            detect_lang("Die Stadt ist sehr alt und hat eine schöne Kirche."),
            Lang::Other
        );
        assert_eq!(
            detect_lang("Le chat est sur la table avec les enfants."),
            Lang::Other
        );
        assert_eq!(detect_lang("これは日本語の文です。"), Lang::Other);
        assert_eq!(detect_lang("Москва — столица России"), Lang::Other);
        assert_eq!(detect_lang("2022-12-30 09:07"), Lang::Other);
        assert_eq!(detect_lang(""), Lang::Other);
        assert_eq!(detect_lang("Städte Übersicht"), Lang::Other);
    }
}
