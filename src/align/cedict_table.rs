//! CC-CEDICT in the compact form the binary carries: everything the aligner and the mt stage take from the
//! dictionary, derived once at build time, so that a process starts without decompressing or parsing it.
//!
//! `build.rs` compiles this file (with `gloss_words.rs` and `crate::text`) and calls [`build`] on the shipped
//! dictionary; the result is embedded with `include_bytes!` and read back by [`Tables::read`], which only
//! copies arrays (a few milliseconds), never parses text. What it holds:
//! - every Han headword (Simplified and Traditional) with the sorted English lemma ids of its glosses, and the
//!   English lemma vocabulary (ids dense, in order of first occurrence, as the aligner has always numbered them);
//! - up to three toneless pinyin readings of each single-character headword;
//! - for the mt stage: common English words of the glosses, toneless pinyin syllables, "X linker X" gloss
//!   idioms, and the headwords of two to eight Han characters.
//!
//! Sets of strings are open-addressing hash tables over one string pool (FNV-1a, fixed, so the table built by
//! the build script is the one the binary reads). Imports only std, `super::gloss_words` and `crate::text`.

use std::collections::{HashMap, HashSet};

use super::gloss_words::{ascii_words, is_gloss_jargon, is_stop_word, lemma, strip_brackets};

/// First four bytes of a table blob, and its format version.
const MAGIC: u32 = 0x3144_4543; // "CED1"

/// Readings kept per character.
const MAX_READINGS: usize = 3;

/// Longest headword kept among the Han words of the mt stage; longer entries are proverbs whose parts match.
pub(crate) const MAX_HAN_WORD_CHARS: usize = 8;

/// Words that link a repeated word in an English idiom ("time to time", "side by side", "day after day").
pub(crate) const LINKERS: &[&str] = &[
    "to", "by", "and", "after", "for", "in", "upon", "on", "over", "or", "from", "against",
];

/// The hash of a table key: FNV-1a, 64 bits.
fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

// ---------------------------------------------------------------------------------------------------------
// Building (build.rs, and tests through `Lexicon::parse`)

/// Strings written once each into one pool.
#[derive(Default)]
struct PoolWriter {
    bytes: Vec<u8>,
    at: HashMap<String, (u32, u32)>,
}

impl PoolWriter {
    fn span(&mut self, s: &str) -> (u32, u32) {
        if let Some(&span) = self.at.get(s) {
            return span;
        }
        let span = (self.bytes.len() as u32, s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
        self.at.insert(s.to_string(), span);
        span
    }

    /// A string table: `[start, len]` per string, then its hash slots (index + 1, 0 when empty).
    fn table(&mut self, strings: &[&str]) -> (Vec<u32>, Vec<u32>) {
        let mut spans = Vec::with_capacity(strings.len() * 2);
        for s in strings {
            let (start, len) = self.span(s);
            spans.push(start);
            spans.push(len);
        }
        let size = (strings.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![0u32; size];
        for (i, s) in strings.iter().enumerate() {
            let mut k = hash(s.as_bytes()) as usize & (size - 1);
            while slots[k] != 0 {
                k = (k + 1) & (size - 1);
            }
            slots[k] = i as u32 + 1;
        }
        (spans, slots)
    }
}

/// The lexicon as CC-CEDICT text is parsed into it, before it is written out.
#[derive(Default)]
struct ParsedLexicon {
    heads: Vec<String>,
    head_index: HashMap<String, u32>,
    senses: Vec<Vec<u32>>,
    vocab: Vec<String>,
    vocab_index: HashMap<String, u32>,
    readings: HashMap<char, Vec<String>>,
}

impl ParsedLexicon {
    /// Parse CC-CEDICT text (`Trad Simp [pin1 yin1] /gloss/gloss/`). Malformed lines are skipped.
    fn parse(text: &str) -> ParsedLexicon {
        let mut lex = ParsedLexicon::default();
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
                let idx = *lex.head_index.entry(head.to_string()).or_insert(next);
                if idx == next {
                    lex.senses.push(Vec::new());
                    lex.heads.push(head.to_string());
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
            let id = *self.vocab_index.entry(lem.clone()).or_insert(next);
            if id == next {
                self.vocab.push(lem);
            }
            out.push(id);
        }
    }
}

/// What the mt stage takes from the glosses.
#[derive(Debug, Default)]
pub(crate) struct GlossWords {
    /// English words that the glosses write in lower case at least twice and at least as often as
    /// capitalised: ordinary vocabulary ("tourist", "thunder"), not names ("Wang", "York").
    pub(crate) common: HashSet<String>,
    /// Toneless pinyin syllables with a vowel ("wang", "qi", "yao"), to read romanised Chinese names.
    pub(crate) syllables: HashSet<String>,
    /// Phrases "X linker X" that the glosses use ("time to time", "side by side", "day after day").
    pub(crate) idioms: HashSet<String>,
}

/// Count lower-case and capitalised uses of every gloss word (`Trad Simp [pin1 yin1] /gloss/gloss/`),
/// ignoring the pinyin of cross-references (`see 汪旺[Wang1 Wang4]`). Works on bytes: gloss words are
/// ASCII, and every byte of a multi-byte character is outside the ASCII range, so it never joins a word.
pub(crate) fn gloss_words(text: &str) -> GlossWords {
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
    GlossWords {
        common,
        syllables,
        idioms,
    }
}

/// The headwords of `Trad Simp [pin1 yin1] /gloss/` lines that are two to [`MAX_HAN_WORD_CHARS`] Han
/// characters long.
fn han_words(text: &str) -> HashSet<String> {
    let mut words = HashSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        for headword in line.split(' ').take(2) {
            if (2..=MAX_HAN_WORD_CHARS).contains(&headword.chars().count())
                && headword.chars().all(crate::text::is_han)
                && !words.contains(headword)
            {
                words.insert(headword.to_string());
            }
        }
    }
    words
}

fn sorted(set: &HashSet<String>) -> Vec<&str> {
    let mut v: Vec<&str> = set.iter().map(String::as_str).collect();
    v.sort_unstable();
    v
}

/// The table blob of CC-CEDICT text (see the module header). Deterministic: the same text gives the same bytes.
pub(crate) fn build(text: &str) -> Vec<u8> {
    let lex = ParsedLexicon::parse(text);
    let words = gloss_words(text);
    let han = han_words(text);
    let mut pool = PoolWriter::default();
    let mut sections: Vec<Vec<u32>> = Vec::new();

    let heads: Vec<&str> = lex.heads.iter().map(String::as_str).collect();
    let (spans, slots) = pool.table(&heads);
    let mut sense_ends = Vec::with_capacity(lex.senses.len() + 1);
    let mut senses = Vec::new();
    sense_ends.push(0);
    for set in &lex.senses {
        senses.extend_from_slice(set);
        sense_ends.push(senses.len() as u32);
    }
    sections.extend([spans, slots, sense_ends, senses]);

    let vocab: Vec<&str> = lex.vocab.iter().map(String::as_str).collect();
    let (spans, slots) = pool.table(&vocab);
    sections.extend([spans, slots]);

    let mut chars: Vec<char> = lex.readings.keys().copied().collect();
    chars.sort_unstable();
    let mut reading_ends = vec![0u32];
    let mut reading_strs: Vec<&str> = Vec::new();
    for c in &chars {
        if let Some(list) = lex.readings.get(c) {
            reading_strs.extend(list.iter().map(String::as_str));
        }
        reading_ends.push(reading_strs.len() as u32);
    }
    let (reading_spans, _) = pool.table(&reading_strs);
    sections.extend([
        chars.iter().map(|&c| c as u32).collect(),
        reading_ends,
        reading_spans,
    ]);

    for set in [&words.common, &words.syllables, &words.idioms, &han] {
        let (spans, slots) = pool.table(&sorted(set));
        sections.extend([spans, slots]);
    }

    let mut out = Vec::new();
    out.extend_from_slice(&MAGIC.to_le_bytes());
    out.extend_from_slice(&(pool.bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(&pool.bytes);
    for s in &sections {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        for v in s {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// Reading (the binary)

/// A set of strings in the pool: `[start, len]` per string and hash slots.
#[derive(Debug, Default)]
pub(crate) struct StrTable {
    spans: Vec<u32>,
    slots: Vec<u32>,
}

impl StrTable {
    /// The index of `key` in the table.
    pub(crate) fn find(&self, pool: &str, key: &str) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut k = hash(key.as_bytes()) as usize & mask;
        loop {
            let idx = *self.slots.get(k)?;
            let i = idx.checked_sub(1)?;
            if self.get(pool, i as usize) == Some(key) {
                return Some(i);
            }
            k = (k + 1) & mask;
        }
    }

    /// The `i`-th string.
    pub(crate) fn get<'p>(&self, pool: &'p str, i: usize) -> Option<&'p str> {
        let start = *self.spans.get(2 * i)? as usize;
        let len = *self.spans.get(2 * i + 1)? as usize;
        pool.get(start..start + len)
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len() / 2
    }
}

/// The tables of a blob, with their arrays copied out (see the module header).
#[derive(Debug, Default)]
pub(crate) struct Tables {
    pub(crate) heads: StrTable,
    /// Senses of head `h`: `senses[sense_ends[h]..sense_ends[h + 1]]`.
    pub(crate) sense_ends: Vec<u32>,
    pub(crate) senses: Vec<u32>,
    pub(crate) vocab: StrTable,
    /// Sorted characters with readings; readings of `reading_chars[k]` are strings
    /// `reading_ends[k]..reading_ends[k + 1]` of `readings`.
    pub(crate) reading_chars: Vec<u32>,
    pub(crate) reading_ends: Vec<u32>,
    pub(crate) readings: StrTable,
    pub(crate) common_english: StrTable,
    pub(crate) syllables: StrTable,
    pub(crate) idioms: StrTable,
    pub(crate) han_words: StrTable,
}

/// Reads the parts of a blob in order.
struct BlobReader<'b> {
    rest: &'b [u8],
}

impl<'b> BlobReader<'b> {
    fn u32(&mut self) -> Option<u32> {
        let (head, tail) = self.rest.split_first_chunk::<4>()?;
        self.rest = tail;
        Some(u32::from_le_bytes(*head))
    }

    fn bytes(&mut self, n: usize) -> Option<&'b [u8]> {
        let (head, tail) = (self.rest.get(..n)?, self.rest.get(n..)?);
        self.rest = tail;
        Some(head)
    }

    fn array(&mut self) -> Option<Vec<u32>> {
        let n = self.u32()? as usize;
        let bytes = self.bytes(n.checked_mul(4)?)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }

    fn table(&mut self) -> Option<StrTable> {
        Some(StrTable {
            spans: self.array()?,
            slots: self.array()?,
        })
    }
}

impl Tables {
    /// Read a blob made by [`build`]: the string pool (borrowed from `blob`) and the tables. `None` when the
    /// blob is not one (a build defect).
    pub(crate) fn read(blob: &[u8]) -> Option<(&str, Tables)> {
        let mut r = BlobReader { rest: blob };
        if r.u32()? != MAGIC {
            return None;
        }
        let pool_len = r.u32()? as usize;
        let pool = std::str::from_utf8(r.bytes(pool_len)?).ok()?;
        let heads = r.table()?;
        let (sense_ends, senses) = (r.array()?, r.array()?);
        let vocab = r.table()?;
        let (reading_chars, reading_ends) = (r.array()?, r.array()?);
        let readings = StrTable {
            spans: r.array()?,
            slots: Vec::new(),
        };
        let tables = Tables {
            heads,
            sense_ends,
            senses,
            vocab,
            reading_chars,
            reading_ends,
            readings,
            common_english: r.table()?,
            syllables: r.table()?,
            idioms: r.table()?,
            han_words: r.table()?,
        };
        Some((pool, tables))
    }
}
