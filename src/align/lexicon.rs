//! CC-CEDICT as a bag-of-words translation lexicon, plus the tokenisers the aligner needs.
//!
//! What it does:
//! - parses CC-CEDICT (shipped unmodified and gzip-compressed in `data/`, compiled into the binary with
//!   `include_bytes!`) into a map from every headword, Simplified AND Traditional, to the set of English
//!   content-word lemmas that occur in its glosses;
//! - tokenises Chinese by greedy longest match over those headwords (at most [`MAX_HEADWORD_CHARS`] characters);
//! - reduces English words to crude lemmas (plural `-s/-es/-ies`, past `-ed`, `-ing`, a final silent `e`, and a
//!   short table of irregular verbs and nouns) so that "created", "creates" and "create" meet the gloss "to create".
//!
//! What it never does: it never claims a word is a translation of another beyond "this English lemma occurs in a
//! gloss of this headword". Glosses are noisy (single characters such as 打 carry dozens of senses), so the
//! aligner treats the result as soft evidence and always combines it with length.
//!
//! Limits: greedy longest match is not a real word segmenter; idioms and names missing from CC-CEDICT fall back
//! to single characters. The lemmatiser is deliberately crude: it only has to map inflections of one word onto
//! the same key, not produce dictionary forms ("create" and "created" both become `creat`).

use rustc_hash::FxHashMap as HashMap;
use std::io::Read;
use std::sync::OnceLock;

/// Longest headword (in characters) tried by the longest-match tokeniser. Longer CC-CEDICT entries are idioms
/// and proverbs whose parts still match when split.
pub const MAX_HEADWORD_CHARS: usize = 8;

/// The dictionary as shipped: CC-CEDICT, unmodified, gzip-compressed (see `data/PROVENANCE-cedict.md`).
pub(crate) static CEDICT_GZ: &[u8] = include_bytes!("../../data/cedict_1_0_ts_utf-8_mdbg.txt.gz");

static GLOBAL: OnceLock<Option<Lexicon>> = OnceLock::new();

/// Why the embedded dictionary cannot be read, if it cannot: checked once per process by decompressing
/// it whole (gzip verifies its checksum at the end). `None` means it reads.
pub fn embedded_dictionary_error() -> Option<&'static str> {
    static CHECKED: OnceLock<Option<String>> = OnceLock::new();
    CHECKED
        .get_or_init(|| dictionary_error(CEDICT_GZ))
        .as_deref()
}

/// Why gzip-compressed dictionary bytes cannot be read as UTF-8 text, if they cannot.
pub(crate) fn dictionary_error(gz: &[u8]) -> Option<String> {
    let mut text = String::new();
    match flate2::read::GzDecoder::new(gz).read_to_string(&mut text) {
        Ok(_) if text.lines().any(|l| !l.starts_with('#')) => None,
        Ok(_) => Some("it holds no entries".to_string()),
        Err(e) => Some(e.to_string()),
    }
}

/// Headword -> English lemma ids, and the English lemma vocabulary.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Headword (Simplified or Traditional) -> index into `senses`.
    headwords: HashMap<String, u32>,
    /// Sorted, de-duplicated English lemma ids for each headword.
    senses: Vec<Vec<u32>>,
    /// English lemma -> id. Ids are dense, `0..vocab.len()`.
    vocab: HashMap<String, u32>,
    /// Toneless pinyin readings of single-character headwords (`汪` -> `wang`), at most a few per
    /// character, so that romanised names in English ("Wang Miao") can be matched to their characters.
    readings: HashMap<char, Vec<String>>,
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
    /// The shipped CC-CEDICT, decompressed and parsed on first use (about a quarter of a second), shared by all
    /// threads. `None` only if the embedded file cannot be decompressed, which would be a build defect.
    pub fn global() -> Option<&'static Lexicon> {
        GLOBAL
            .get_or_init(|| {
                let mut text = String::new();
                let mut decoder = flate2::read::GzDecoder::new(CEDICT_GZ);
                match decoder.read_to_string(&mut text) {
                    Ok(_) => Some(Lexicon::parse(&text)),
                    Err(_) => None,
                }
            })
            .as_ref()
    }

    /// Parse CC-CEDICT text (`Trad Simp [pin1 yin1] /gloss/gloss/`). Malformed lines are skipped.
    pub fn parse(text: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((heads, rest)) = line.split_once(" [") else {
                continue;
            };
            let Some((pinyin, glosses)) = rest.split_once("] /") else {
                continue;
            };
            lex.add_reading(heads, pinyin);
            let mut ids = Vec::new();
            for gloss in glosses.split('/') {
                lex.gloss_lemmas(gloss, &mut ids);
            }
            for head in heads.split(' ').filter(|h| !h.is_empty()) {
                // Only Han headwords matter: Latin/digit parts of mixed entries are matched literally.
                if !head.chars().all(crate::text::is_han) {
                    continue;
                }
                let next = lex.senses.len() as u32;
                let idx = *lex.headwords.entry(head.to_string()).or_insert(next);
                if idx == next {
                    lex.senses.push(Vec::new());
                }
                if let Some(set) = lex.senses.get_mut(idx as usize) {
                    set.extend_from_slice(&ids);
                }
            }
        }
        for set in &mut lex.senses {
            set.sort_unstable();
            set.dedup();
        }
        lex
    }

    /// Remember the toneless reading of a single-character headword ("Wang1" -> "wang", "nu:3" -> "nu").
    fn add_reading(&mut self, heads: &str, pinyin: &str) {
        const MAX_READINGS: usize = 3;
        let syllable: String = pinyin
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if syllable.is_empty() || pinyin.contains(' ') {
            return;
        }
        for head in heads.split(' ') {
            let mut chars = head.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                continue;
            };
            if !crate::text::is_han(c) {
                continue;
            }
            let list = self.readings.entry(c).or_default();
            if list.len() < MAX_READINGS && !list.contains(&syllable) {
                list.push(syllable.clone());
            }
        }
    }

    /// Toneless pinyin readings of one character (empty when unknown).
    pub fn readings(&self, c: char) -> &[String] {
        self.readings.get(&c).map_or(&[], |v| v)
    }

    /// English content lemmas of one gloss, appended to `out` (interned into the vocabulary).
    fn gloss_lemmas(&mut self, gloss: &str, out: &mut Vec<u32>) {
        let g = gloss.trim();
        // Cross-references and classifiers say nothing about the meaning of the headword itself.
        const SKIP: [&str; 8] = [
            "CL:",
            "variant of",
            "old variant of",
            "see ",
            "see also",
            "surname ",
            "used in ",
            "abbr. for",
        ];
        if g.is_empty() || SKIP.iter().any(|p| g.starts_with(p)) {
            return;
        }
        for word in ascii_words(&strip_brackets(g)) {
            let lower = word.to_ascii_lowercase();
            if is_stop_word(&lower) || is_gloss_jargon(&lower) || lower.len() < 2 {
                continue;
            }
            let lem = lemma(&lower);
            let next = self.vocab.len() as u32;
            let id = *self.vocab.entry(lem).or_insert(next);
            out.push(id);
        }
    }

    /// Number of English lemmas known to the dictionary; ids of words outside it start here.
    pub fn vocab_len(&self) -> u32 {
        self.vocab.len() as u32
    }

    /// The id of an English lemma, if any gloss contains it.
    pub fn lemma_id(&self, lemma: &str) -> Option<u32> {
        self.vocab.get(lemma).copied()
    }

    /// Number of distinct headwords (Simplified and Traditional counted separately).
    pub fn headword_count(&self) -> usize {
        self.headwords.len()
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
                        if let Some(&idx) = self.headwords.get(s) {
                            found = Some((idx, len));
                            break;
                        }
                    }
                }
                let len = found.map_or(1, |(_, len)| len);
                let end = chars.get(k + len).map_or(text.len(), |&(b, _)| b);
                let piece = text.get(start..end).unwrap_or("");
                match found {
                    Some((idx, _)) => {
                        let senses = self.senses.get(idx as usize).map_or(&[][..], |v| v);
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

/// Split on anything that is not an ASCII letter (glosses are ASCII apart from rare accents).
fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Drop `(...)` asides and `[...]` pinyin from a gloss: "(literary) to encounter" -> " to encounter".
fn strip_brackets(gloss: &str) -> String {
    let mut out = String::with_capacity(gloss.len());
    let mut depth = 0usize;
    for c in gloss.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// English function words: they occur in almost every sentence and in thousands of glosses, so matching them
/// is no evidence of translation.
pub fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "if"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "do"
            | "does"
            | "did"
            | "done"
            | "have"
            | "has"
            | "had"
            | "having"
            | "i"
            | "me"
            | "my"
            | "mine"
            | "we"
            | "us"
            | "our"
            | "you"
            | "your"
            | "he"
            | "him"
            | "his"
            | "she"
            | "her"
            | "it"
            | "its"
            | "they"
            | "them"
            | "their"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "what"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "where"
            | "why"
            | "how"
            | "not"
            | "no"
            | "nor"
            | "so"
            | "than"
            | "too"
            | "very"
            | "can"
            | "could"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "may"
            | "might"
            | "must"
            | "just"
            | "also"
            | "then"
            | "into"
            | "onto"
            | "out"
            | "up"
            | "down"
            | "over"
            | "about"
            | "again"
            | "once"
            | "all"
            | "any"
            | "both"
            | "each"
            | "few"
            | "more"
            | "most"
            | "other"
            | "some"
            | "such"
            | "only"
            | "own"
            | "same"
            | "one"
            | "s"
            | "t"
            | "d"
            | "ll"
            | "ve"
            | "re"
            | "m"
            | "don"
            | "now"
            | "let"
            | "get"
            | "got"
            | "make"
            | "made"
            | "thing"
            | "way"
            | "oneself"
            | "yourself"
            | "himself"
            | "herself"
            | "itself"
            | "myself"
            | "themselves"
            | "ourselves"
            | "upon"
            | "unto"
            | "thou"
            | "thee"
            | "thy"
            | "ye"
            | "shalt"
            | "hath"
            | "doth"
            | "said"
            | "say"
    )
}

/// Words of CC-CEDICT's own metalanguage ("sb", "sth", "lit.", "fig.", "idiom").
fn is_gloss_jargon(w: &str) -> bool {
    matches!(
        w,
        "sb" | "sth"
            | "lit"
            | "fig"
            | "idiom"
            | "etc"
            | "esp"
            | "abbr"
            | "classifier"
            | "particle"
            | "variant"
            | "used"
            | "usu"
            | "pr"
            | "kind"
            | "person"
            | "someone"
            | "something"
    )
}

/// Crude English lemma of a lower-case word (see the module header for why crude is enough).
pub fn lemma(w: &str) -> String {
    let base = irregular(w).unwrap_or(w);
    let mut s = base.to_string();
    if !s.is_ascii() {
        return s;
    }
    if let Some(stem) = s.strip_suffix("'s") {
        s = stem.to_string();
    }
    let n2 = s.len();
    if n2 > 4 && (s.ends_with("ies") || s.ends_with("ied")) {
        s.truncate(n2 - 3);
        s.push('y');
    } else if n2 > 3
        && (s.ends_with("sses")
            || s.ends_with("xes")
            || s.ends_with("ches")
            || s.ends_with("shes")
            || s.ends_with("zes")
            || s.ends_with("oes"))
    {
        s.truncate(n2 - 2);
    } else if n2 > 3
        && s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
    {
        s.truncate(n2 - 1);
    } else if n2 > 4 && s.ends_with("ed") {
        s.truncate(n2 - 2);
        undouble(&mut s);
    } else if n2 > 5 && s.ends_with("ing") {
        s.truncate(n2 - 3);
        undouble(&mut s);
    }
    // A final silent e is dropped so "create"/"created"/"creating" share the key "creat".
    if s.len() > 3 && s.ends_with('e') && !s.ends_with("ee") {
        s.pop();
    }
    s
}

/// "stopp" -> "stop", "runn" -> "run"; double l/s/z are usually part of the stem ("fall", "pass").
fn undouble(s: &mut String) {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o') {
        s.pop();
    }
}

/// Irregular verb and noun forms common in narrative text.
fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "went" | "gone" | "goes" => "go",
        "saw" | "seen" => "see",
        "told" => "tell",
        "took" | "taken" => "take",
        "came" => "come",
        "gave" | "given" => "give",
        "knew" | "known" => "know",
        "thought" => "think",
        "felt" => "feel",
        "found" => "find",
        "stood" => "stand",
        "sat" => "sit",
        "ran" => "run",
        "ate" | "eaten" => "eat",
        "wrote" | "written" => "write",
        "spoke" | "spoken" => "speak",
        "brought" => "bring",
        "bought" => "buy",
        "held" => "hold",
        "kept" => "keep",
        "met" => "meet",
        "paid" => "pay",
        "sent" => "send",
        "slept" => "sleep",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "feet" => "foot",
        "teeth" => "tooth",
        "began" | "begun" => "begin",
        "became" => "become",
        "heard" => "hear",
        "fell" | "fallen" => "fall",
        "fought" => "fight",
        "caught" => "catch",
        "taught" => "teach",
        "lost" => "lose",
        "meant" => "mean",
        "built" => "build",
        "drank" | "drunk" => "drink",
        "drove" | "driven" => "drive",
        "flew" | "flown" => "fly",
        "forgot" | "forgotten" => "forget",
        "grew" | "grown" => "grow",
        "hid" | "hidden" => "hide",
        "led" => "lead",
        "rose" | "risen" => "rise",
        "sang" | "sung" => "sing",
        "shot" => "shoot",
        "stole" | "stolen" => "steal",
        "struck" => "strike",
        "threw" | "thrown" => "throw",
        "understood" => "understand",
        "woke" | "woken" => "wake",
        "wore" | "worn" => "wear",
        "won" => "win",
        "better" | "best" => "good",
        "worse" | "worst" => "bad",
        "lay" | "lain" => "lie",
        "left" => "leave",
        "died" | "dying" => "die",
        "lives" => "life",
        "wives" => "wife",
        "knives" => "knife",
        "leaves" => "leaf",
        "mice" => "mouse",
        "people" => "person",
        _ => return None,
    })
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
        assert_eq!(lex.readings('汪'), ["wang"]);
        assert_eq!(lex.readings('女'), ["nu"]);
        assert!(lex.readings('数').is_empty());
    }

    #[test]
    fn shipped_dictionary_loads() {
        let lex = Lexicon::global().expect("embedded CC-CEDICT decompresses");
        assert!(lex.headword_count() > 150_000);
        let toks = lex.tokenize_zh("数字经济");
        assert!(!toks.is_empty());
    }
}
