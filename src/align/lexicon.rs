//! CC-CEDICT as a bag-of-words translation lexicon, plus the tokenisers the aligner needs.
//!
//! What it does:
//! - maps every headword of CC-CEDICT (shipped unmodified and gzip-compressed in `data/`), Simplified AND
//!   Traditional, to the set of English content-word lemmas that occur in its glosses, through tables derived
//!   at build time and compiled into the binary (`cedict_table.rs`), so nothing is parsed at start-up;
//! - tokenises Chinese by greedy longest match over those headwords (at most [`MAX_HEADWORD_CHARS`] characters);
//! - reduces English words to crude lemmas (`gloss_words.rs`: plural `-s/-es/-ies`, past `-ed`, `-ing`, a final silent `e`, and a
//!   short table of irregular verbs and nouns) so that "created", "creates" and "create" meet the gloss "to create".
//!
//! What it never does: it never claims a word is a translation of another beyond "this English lemma occurs in a
//! gloss of this headword". Glosses are noisy (single characters such as 打 carry dozens of senses), so the
//! aligner treats the result as soft evidence and always combines it with length.
//!
//! Limits: greedy longest match is not a real word segmenter; idioms and names missing from CC-CEDICT fall back
//! to single characters. The lemmatiser is deliberately crude: it only has to map inflections of one word onto
//! the same key, not produce dictionary forms ("create" and "created" both become `creat`).

use std::borrow::Cow;
use std::sync::OnceLock;

use super::cedict_table::{StrTable, Tables};
pub(crate) use super::cedict_table::{LINKERS, MAX_HAN_WORD_CHARS};
pub use super::gloss_words::{is_stop_word, lemma};

/// Longest headword (in characters) tried by the longest-match tokeniser. Longer CC-CEDICT entries are idioms
/// and proverbs whose parts still match when split.
pub const MAX_HEADWORD_CHARS: usize = 8;

/// The dictionary's tables, derived at build time from the shipped CC-CEDICT (`data/`, see
/// `data/PROVENANCE-cedict.md`) by `build.rs` (see `cedict_table.rs`).
pub(crate) static CEDICT_TABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cedict.bin"));

static GLOBAL: OnceLock<Option<Lexicon>> = OnceLock::new();

/// Why the embedded dictionary cannot be read, if it cannot: checked once per process (reading the tables is
/// what every first use does anyway). `None` means it reads.
pub fn embedded_dictionary_error() -> Option<&'static str> {
    static CHECKED: OnceLock<Option<String>> = OnceLock::new();
    CHECKED
        .get_or_init(|| {
            if Lexicon::global().is_some() {
                None
            } else {
                dictionary_error(CEDICT_TABLES)
                    .or_else(|| Some("its tables could not be read".to_string()))
            }
        })
        .as_deref()
}

/// Why dictionary tables (as `build.rs` writes them) cannot be read, if they cannot.
pub(crate) fn dictionary_error(tables: &[u8]) -> Option<String> {
    match Tables::read(tables) {
        Some((_, t)) if t.heads.len() > 0 => None,
        Some(_) => Some("it holds no entries".to_string()),
        None => Some("its tables are truncated or malformed (a build defect)".to_string()),
    }
}

/// Headword -> English lemma ids, the English lemma vocabulary, pinyin readings, and the word lists the mt
/// stage derives from the glosses.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Every string of the tables (borrowed from the binary for the shipped dictionary).
    pool: Cow<'static, str>,
    tables: Tables,
}

/// One Chinese token: either a dictionary word with its English lemma ids, or a Latin/number token that
/// can only match itself (its key is interned by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZhToken<'a> {
    /// A headword found in the dictionary: its text, its byte offset in the tokenised text, and its English
    /// lemma ids (may be empty when every gloss word was a stop word, e.g. 的).
    Word {
        text: &'a str,
        start: usize,
        senses: &'a [u32],
    },
    /// One Han character not in the dictionary (no gloss evidence; its text and byte offset).
    Unknown { text: &'a str, start: usize },
    /// A Latin word or a number written inside Chinese text: lower-cased lemma or normalised digits.
    Literal(String),
}

impl Lexicon {
    /// The shipped CC-CEDICT, read from the tables compiled into the binary on first use (a few milliseconds),
    /// shared by all threads. `None` only if the embedded tables are unreadable, which would be a build defect.
    pub fn global() -> Option<&'static Lexicon> {
        GLOBAL
            .get_or_init(|| {
                let (pool, tables) = Tables::read(CEDICT_TABLES)?;
                Some(Lexicon {
                    pool: Cow::Borrowed(pool),
                    tables,
                })
            })
            .as_ref()
    }

    /// Parse CC-CEDICT text (`Trad Simp [pin1 yin1] /gloss/gloss/`), as the build does for the shipped one.
    /// Malformed lines are skipped.
    pub fn parse(text: &str) -> Lexicon {
        let blob = super::cedict_table::build(text);
        match Tables::read(&blob) {
            Some((pool, tables)) => Lexicon {
                pool: Cow::Owned(pool.to_string()),
                tables,
            },
            None => Lexicon::default(),
        }
    }

    fn find(&self, table: &StrTable, key: &str) -> Option<u32> {
        table.find(&self.pool, key)
    }

    /// Toneless pinyin readings of one character (empty when unknown), at most three.
    pub fn readings(&self, c: char) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        let t = &self.tables;
        let range = t
            .reading_chars
            .binary_search(&(c as u32))
            .ok()
            .and_then(|k| {
                Some(*t.reading_ends.get(k)? as usize..*t.reading_ends.get(k + 1)? as usize)
            })
            .unwrap_or(0..0);
        range.map(move |i| t.readings.get(&self.pool, i).unwrap_or(""))
    }

    /// Number of English lemmas known to the dictionary; ids of words outside it start here.
    pub fn vocab_len(&self) -> u32 {
        self.tables.vocab.len() as u32
    }

    /// The id of an English lemma, if any gloss contains it.
    pub fn lemma_id(&self, lemma: &str) -> Option<u32> {
        self.find(&self.tables.vocab, lemma)
    }

    /// Number of distinct headwords (Simplified and Traditional counted separately).
    pub fn headword_count(&self) -> usize {
        self.tables.heads.len()
    }

    /// The English lemma ids of a headword.
    fn headword_senses(&self, head: &str) -> Option<&[u32]> {
        let t = &self.tables;
        let h = self.find(&t.heads, head)? as usize;
        let (start, end) = (*t.sense_ends.get(h)?, *t.sense_ends.get(h + 1)?);
        t.senses.get(start as usize..end as usize)
    }

    /// Whether `word` (lower case) is one of the common English words of the glosses (see
    /// `cedict_table::GlossWords`).
    pub fn is_common_english(&self, word: &str) -> bool {
        self.find(&self.tables.common_english, word).is_some()
    }

    /// Whether `syllable` (lower case, toneless) is a pinyin syllable of the dictionary.
    pub fn is_pinyin_syllable(&self, syllable: &str) -> bool {
        self.find(&self.tables.syllables, syllable).is_some()
    }

    /// Whether "X linker X" (`phrase`, lower case) is a phrase of the glosses ("time to time").
    pub fn is_gloss_idiom(&self, phrase: &str) -> bool {
        self.find(&self.tables.idioms, phrase).is_some()
    }

    /// Whether `word` is a headword of two to eight Han characters (一路平安, 对不起).
    pub fn is_han_word(&self, word: &str) -> bool {
        self.find(&self.tables.han_words, word).is_some()
    }

    /// Tokenise Chinese text: Han runs by greedy longest match, Latin words and digit runs as literals,
    /// everything else (punctuation, spaces) dropped.
    pub fn tokenize_zh<'a>(&'a self, text: &'a str) -> Vec<ZhToken<'a>> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (start, c) = chars[k];
            if crate::text::is_han(c) {
                let mut run_end = k;
                while run_end < chars.len() && crate::text::is_han(chars[run_end].1) {
                    run_end += 1;
                }
                let mut found = None;
                let longest = (run_end - k).min(MAX_HEADWORD_CHARS);
                for len in (1..=longest).rev() {
                    let end = chars.get(k + len).map_or(text.len(), |&(b, _)| b);
                    if let Some(s) = text.get(start..end) {
                        if let Some(senses) = self.headword_senses(s) {
                            found = Some((senses, len));
                            break;
                        }
                    }
                }
                let len = found.map_or(1, |(_, len)| len);
                let end = chars.get(k + len).map_or(text.len(), |&(b, _)| b);
                let piece = text.get(start..end).unwrap_or("");
                match found {
                    Some((senses, _)) => {
                        out.push(ZhToken::Word {
                            text: piece,
                            start,
                            senses,
                        });
                    }
                    None => out.push(ZhToken::Unknown { text: piece, start }),
                }
                k += len;
            } else if is_word_char(c) {
                let mut end = k;
                while end < chars.len() && is_word_char(chars[end].1) {
                    end += 1;
                }
                let word: String = chars[k..end].iter().map(|&(_, c)| c).collect();
                if let Some(lit) = literal_key(&word) {
                    out.push(ZhToken::Literal(lit));
                }
                k = end;
            } else {
                k += 1;
            }
        }
        out
    }
}

/// Letters and digits of Latin-script words (ASCII and full-width digits, accented Latin letters).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || crate::text::is_latin_letter(c)
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

/// The key under which a Latin word or a number is matched literally across languages: digits normalised to
/// ASCII (full-width too), words lower-cased and lemmatised. Single letters carry no evidence.
pub fn literal_key(word: &str) -> Option<String> {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        if ('！'..='～').contains(&c) {
            // Full-width ASCII (５Ｇ) is the same word as its half-width form.
            let half = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            s.extend(half.to_lowercase());
        } else {
            s.extend(c.to_lowercase());
        }
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return Some(s);
    }
    if s.chars().count() < 2 || is_stop_word(&s) {
        return None;
    }
    Some(lemma(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = "# comment\n\
        數字 数字 [shu4 zi4] /numeral/digit/number/figure/amount/digital (electronics etc)/\n\
        合作 合作 [he2 zuo4] /to cooperate/to collaborate/to work together/cooperation/CL:個|个[ge4]/\n\
        的 的 [de5] /of/~'s (possessive particle)/\n\
        經濟 经济 [jing1 ji4] /economy/economic/\n";

    #[test]
    fn lemmas_meet_across_inflections() {
        assert_eq!(lemma("created"), lemma("create"));
        assert_eq!(lemma("creating"), lemma("create"));
        assert_eq!(lemma("cities"), "city");
        assert_eq!(lemma("stopped"), "stop");
        assert_eq!(lemma("went"), lemma("go"));
        assert_eq!(lemma("boxes"), "box");
        assert_eq!(lemma("glass"), "glass");
        assert_eq!(lemma("cooperation"), "cooperation");
    }

    #[test]
    fn parses_both_scripts_and_drops_stop_glosses() {
        let lex = Lexicon::parse(MINI);
        assert_eq!(lex.headword_count(), 6); // 數字 数字 合作 的 經濟 经济
        let toks = lex.tokenize_zh("數字經濟的合作");
        assert_eq!(toks.len(), 4);
        let digital = lex.lemma_id(&lemma("digital")).unwrap_or(u32::MAX);
        assert!(
            matches!(&toks[0], ZhToken::Word { senses, text: "數字", start: 0 } if senses.contains(&digital))
        );
        // 的 only glosses to stop words and jargon: no evidence.
        assert!(matches!(&toks[2], ZhToken::Word { senses, .. } if senses.is_empty()));
        // Classifier cross-references are skipped, so 个 contributes nothing to 合作.
        assert!(lex.lemma_id("ge").is_none());
    }

    #[test]
    fn literals_inside_chinese() {
        let lex = Lexicon::parse(MINI);
        let toks = lex.tokenize_zh("2023年WTO和５Ｇ网络");
        assert!(toks.contains(&ZhToken::Literal("2023".into())));
        assert!(toks.contains(&ZhToken::Literal("wto".into())));
        assert!(toks.contains(&ZhToken::Literal("5g".into())));
        // Unknown Han characters are kept as evidence-free tokens.
        assert!(toks.contains(&ZhToken::Unknown {
            text: "网",
            start: 19
        }));
    }

    #[test]
    fn longest_match_and_no_panic_on_odd_input() {
        let lex = Lexicon::parse(MINI);
        assert!(lex.tokenize_zh("").is_empty());
        let _ = lex.tokenize_zh("\u{FEFF}é数\u{0301}字😀");
        let long = "数字".repeat(50_000);
        assert_eq!(lex.tokenize_zh(&long).len(), 50_000);
    }

    #[test]
    fn readings_are_toneless_and_single_character_only() {
        let lex = Lexicon::parse(
            "汪 汪 [Wang1] /surname Wang/\n汪 汪 [wang1] /expanse of water/\n女 女 [nu:3] /woman/\n\
             數字 数字 [shu4 zi4] /number/\n",
        );
        assert_eq!(lex.readings('汪').collect::<Vec<_>>(), ["wang"]);
        assert_eq!(lex.readings('女').collect::<Vec<_>>(), ["nu"]);
        assert_eq!(lex.readings('数').len(), 0);
    }

    #[test]
    fn shipped_dictionary_loads() {
        let lex = Lexicon::global().expect("embedded CC-CEDICT tables read");
        assert!(lex.headword_count() > 150_000);
        let toks = lex.tokenize_zh("数字经济");
        assert!(!toks.is_empty());
    }
}
