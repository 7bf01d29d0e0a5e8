//! What a sentence offers as evidence: its content tokens, each with the keys under which it can meet a
//! token of the other side (dictionary lemmas, romanised names, identical words and cognate prefixes,
//! numbers, the mood of a sentence), indexed per key as a bitmask of tokens so that a sentence pair is
//! compared without allocating. Also the bag of keys of a whole document, for finding pairing candidates.
//!
//! Imports only `crate::align::lexicon` and `crate::text`; nothing else of the aligner.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::align::lexicon::{is_stop_word, literal_key, Lexicon, ZhToken};

/// Which evidence model to use for a language pair.
#[derive(Debug, Clone, Copy)]
pub enum Model<'a> {
    /// Chinese source, English target, CC-CEDICT evidence. `zh_is_src` tells which side is Chinese.
    Lexicon { lex: &'a Lexicon, zh_is_src: bool },
    /// Identical tokens and shared prefixes only.
    Surface,
}

/// Per-sentence evidence, prepared once per alignment call.
#[derive(Debug, Default, Clone)]
pub(super) struct Sent {
    /// Non-space characters.
    pub(super) len: f64,
    /// Content tokens with at least one key.
    pub(super) ntok: u32,
    /// key -> bitmask of the tokens that carry it (token k sets bit k % 64), sorted by key.
    keymap: Vec<(u64, u64)>,
    /// Each token's keys, flattened, with `tok_ends[t]` the end of token t's keys.
    keys: Vec<u64>,
    tok_ends: Vec<u32>,
    /// A Bloom filter of the keys of `keymap` (one bit per key, see [`bloom_bit`]): most keys of the other
    /// side are not here, and one bit test says so without a binary search.
    bloom: [u64; BLOOM_WORDS],
}

/// Size of a sentence's key filter, in 64-bit words (512 bits: a Chinese sentence carries a few hundred
/// gloss lemmas).
const BLOOM_WORDS: usize = 8;

/// The filter word and bit of a key.
fn bloom_bit(key: u64) -> (usize, u64) {
    let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55;
    ((h >> 6) as usize % BLOOM_WORDS, 1u64 << (h & 63))
}

impl Sent {
    fn from_tokens(len: f64, tokens: impl Iterator<Item = Vec<u64>>) -> Sent {
        let mut s = Sent {
            len,
            ..Sent::default()
        };
        let mut pairs: Vec<(u64, u64)> = Vec::new();
        for keys in tokens.filter(|k| !k.is_empty()) {
            let bit = 1u64 << (s.ntok % 64);
            for &k in &keys {
                pairs.push((k, bit));
            }
            s.keys.extend_from_slice(&keys);
            s.tok_ends.push(s.keys.len() as u32);
            s.ntok += 1;
        }
        pairs.sort_unstable_by_key(|p| p.0);
        for (k, bit) in pairs {
            let (word, b) = bloom_bit(k);
            if let Some(w) = s.bloom.get_mut(word) {
                *w |= b;
            }
            match s.keymap.last_mut() {
                Some(last) if last.0 == k => last.1 |= bit,
                _ => s.keymap.push((k, bit)),
            }
        }
        s
    }

    fn lookup(&self, key: u64) -> Option<u64> {
        let (word, bit) = bloom_bit(key);
        if self.bloom.get(word).is_none_or(|w| w & bit == 0) {
            return None;
        }
        self.keymap
            .binary_search_by_key(&key, |p| p.0)
            .ok()
            .and_then(|i| self.keymap.get(i))
            .map(|p| p.1)
    }
}

/// Evidence between one source and one target sentence: how many source tokens and how many target tokens
/// found a counterpart on the other side.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct PairHits {
    pub(super) src: u16,
    pub(super) tgt: u16,
}

pub(super) fn pair_hits(s: &Sent, t: &Sent) -> PairHits {
    let mut mask = 0u64;
    let mut tgt_hits = 0u32;
    let mut start = 0usize;
    for &end in &t.tok_ends {
        let end = end as usize;
        let mut hit = false;
        for &k in t.keys.get(start..end).unwrap_or(&[]) {
            if let Some(m) = s.lookup(k) {
                mask |= m;
                hit = true;
            }
        }
        if hit {
            tgt_hits += 1;
        }
        start = end;
    }
    PairHits {
        src: mask.count_ones().min(s.ntok).min(u16::MAX as u32) as u16,
        tgt: tgt_hits.min(u16::MAX as u32) as u16,
    }
}

/// Gives token strings their ids: a lemma of the lexicon's own vocabulary keeps its dictionary id (below
/// 2^32); any other key is the xxh3 hash of its text with the top bit set, the same in every document and
/// every thread, so that a document's tokens are prepared once and met by any other document's (and its bag
/// of keys needs no second hashing). Two different texts sharing a 63-bit hash is the only way two keys
/// could meet by mistake.
pub(super) struct Interner<'a> {
    lex: Option<&'a Lexicon>,
    /// Scratch space for keys built from a prefix and a word, so that a lookup allocates nothing.
    scratch: String,
    /// Name keys of each run of up to MAX_NAME_CHARS Han characters already seen (texts repeat names).
    name_cache: HashMap<[char; MAX_NAME_CHARS], Vec<u64>>,
    /// Ids of romanised-name keys (see [`key_bag`]), when asked to remember them.
    names: Option<HashSet<u64>>,
}

/// The id of a key outside the lexicon's vocabulary.
fn hashed_key(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes()) | (1 << 63)
}

impl<'a> Interner<'a> {
    pub(super) fn new(lex: Option<&'a Lexicon>) -> Self {
        Interner {
            lex,
            scratch: String::new(),
            name_cache: HashMap::default(),
            names: None,
        }
    }

    fn id(&mut self, key: &str) -> u64 {
        if let Some(id) = self.lex.and_then(|l| l.lemma_id(key)) {
            return u64::from(id);
        }
        hashed_key(key)
    }

    /// The id of `prefix` followed by `text`, without building the key anew for every lookup.
    fn id_with(&mut self, prefix: char, text: &str) -> u64 {
        let mut key = std::mem::take(&mut self.scratch);
        key.clear();
        key.push(prefix);
        key.push_str(text);
        let id = self.id(&key);
        self.scratch = key;
        if prefix == NAME_KEY {
            if let Some(names) = &mut self.names {
                names.insert(id);
            }
        }
        id
    }
}

fn visible_len(s: &str) -> f64 {
    s.chars().filter(|c| !c.is_whitespace()).count() as f64
}

/// Words of a Latin-script sentence (letters, digits, inner apostrophes dropped as separators).
fn latin_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() || crate::text::is_han(c))
        .filter(|w| !w.is_empty())
}

/// Fold common Latin accents so that French and German cognates meet ("expédition" ~ "expedition").
fn fold_accents(w: &str) -> String {
    w.chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            _ => c,
        })
        .collect()
}

/// One content token of a sentence: its identity (the word itself, for learning associations within the
/// document pair) and the keys under which it can meet a token of the other side.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) word: u64,
    keys: Vec<u64>,
}

/// A prepared sentence before evidence is indexed: visible length and tokens (possibly without keys).
#[derive(Debug, Clone)]
pub(super) struct RawSent {
    len: f64,
    pub(super) toks: Vec<Tok>,
}

/// Prefix of interned romanised-name keys (pinyin of Chinese characters, capitalised English words).
const NAME_KEY: char = '\u{2}';
/// Prefix of interned Chinese word identities (never a key by themselves).
const ZH_WORD: char = '\u{3}';

/// Prefix of interned punctuation anchors.
const PUNCT_KEY: char = '\u{4}';

/// Sentence moods that survive translation: a question, an exclamation, speech trailing off. One token per
/// kind present in the sentence, the same key in every script (`？` and `?`, `……` and `...` meet). Quotation marks are not used: English
/// dialogue often uses single quotes, which cannot be told from apostrophes, and adding them lowered both
/// dev sets.
fn punctuation_tokens(s: &str, int: &mut Interner) -> Vec<Tok> {
    let question = s.contains(['?', '？']);
    let exclamation = s.contains(['!', '！']);
    let ellipsis = s.contains('…') || s.contains("...");
    let mut out = Vec::new();
    for (present, name) in [(question, "?"), (exclamation, "!"), (ellipsis, ".")] {
        if present {
            let id = int.id_with(PUNCT_KEY, name);
            out.push(Tok {
                word: id,
                keys: vec![id],
            });
        }
    }
    out
}

/// English sentence -> one token per content word (key: its lemma). Capitalised words also carry a name
/// key, so that a romanised Chinese name meets the pinyin of its characters; a hyphenated name ("Bao-yu")
/// also carries the joined form.
fn english_tokens(s: &str, int: &mut Interner) -> Vec<Tok> {
    let mut out = Vec::new();
    let chunks = s
        .split(|c: char| !(c.is_alphanumeric() || c == '-') || crate::text::is_han(c))
        .filter(|w| !w.is_empty());
    for chunk in chunks {
        let capitalised = chunk.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        let joined = if capitalised && chunk.contains('-') {
            let j: String = chunk
                .chars()
                .filter(|c| *c != '-')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            Some(j)
        } else {
            None
        };
        for (k, w) in chunk.split('-').filter(|w| !w.is_empty()).enumerate() {
            let lower = w.to_lowercase();
            if is_stop_word(&lower) {
                continue;
            }
            let Some(key) = literal_key(&lower) else {
                continue;
            };
            let id = int.id(&key);
            let mut keys = vec![id];
            if capitalised && lower.is_ascii() && lower.len() >= 2 {
                keys.push(int.id_with(NAME_KEY, &lower));
                if let (0, Some(j)) = (k, &joined) {
                    keys.push(int.id_with(NAME_KEY, j));
                }
            }
            out.push(Tok { word: id, keys });
        }
    }
    out
}

/// Longest romanised name (in characters) matched against pinyin.
const MAX_NAME_CHARS: usize = 3;

/// Chinese sentence -> one token per dictionary word (keys: its gloss lemmas) or literal. Every Han token
/// also carries name keys: the toneless pinyin of the 1..=3 characters starting at each of its characters
/// (`汪淼` -> `wang`, `wangmiao`), to meet capitalised English names.
fn chinese_tokens(s: &str, lex: &Lexicon, int: &mut Interner) -> Vec<Tok> {
    let mut out = Vec::new();
    for t in lex.tokenize_zh(s) {
        match t {
            ZhToken::Word {
                text,
                start,
                senses,
            } => {
                let mut keys: Vec<u64> = senses.iter().map(|&id| u64::from(id)).collect();
                // Function words (empty senses: 的, 了) are not names and must not become tokens.
                if !senses.is_empty() {
                    name_keys(s, start, text.chars().count(), lex, int, &mut keys);
                }
                out.push(Tok {
                    word: int.id_with(ZH_WORD, text),
                    keys,
                });
            }
            ZhToken::Unknown { text, start } => {
                let mut keys = Vec::new();
                name_keys(s, start, 1, lex, int, &mut keys);
                out.push(Tok {
                    word: int.id_with(ZH_WORD, text),
                    keys,
                });
            }
            ZhToken::Literal(k) => {
                let id = int.id(&k);
                out.push(Tok {
                    word: id,
                    keys: vec![id],
                });
            }
        }
    }
    out
}

/// Pinyin keys for the `n` characters of a token starting at byte `start` of `s`: for each of them, the
/// readings of the 1..=MAX_NAME_CHARS Han characters starting there (first two readings per character).
fn name_keys(
    s: &str,
    start: usize,
    n: usize,
    lex: &Lexicon,
    int: &mut Interner,
    keys: &mut Vec<u64>,
) {
    let Some(rest) = s.get(start..) else { return };
    let han: Vec<char> = rest
        .chars()
        .take_while(|&c| crate::text::is_han(c))
        .take(n + MAX_NAME_CHARS - 1)
        .collect();
    for p in 0..n.min(han.len()) {
        let mut run = ['\0'; MAX_NAME_CHARS];
        for (slot, &c) in run.iter_mut().zip(han.iter().skip(p)) {
            *slot = c;
        }
        if let Some(cached) = int.name_cache.get(&run) {
            keys.extend_from_slice(cached);
            continue;
        }
        let mut found = Vec::new();
        let mut forms: Vec<String> = vec![String::new()];
        for &c in run.iter().take_while(|&&c| c != '\0') {
            let r = lex.readings(c);
            if r.len() == 0 {
                break;
            }
            forms = forms
                .iter()
                .flat_map(|f| r.clone().take(2).map(move |x| format!("{f}{x}")))
                .collect();
            for f in &forms {
                found.push(int.id_with(NAME_KEY, f));
            }
        }
        keys.extend_from_slice(&found);
        int.name_cache.insert(run, found);
    }
    keys.sort_unstable();
    keys.dedup();
}

/// Any-language surface tokens: numbers; words of 3+ letters keyed by their folded form and, for longer
/// words, by their 5-letter prefix (a cheap cognate test). Han text becomes character bigrams, so two
/// Chinese documents can still be compared.
fn surface_tokens(s: &str, int: &mut Interner) -> Vec<Tok> {
    let mut out = Vec::new();
    for w in latin_words(s) {
        let f = fold_accents(w);
        let n = f.chars().count();
        if f.chars().all(|c| c.is_ascii_digit()) {
            let id = int.id(&f);
            out.push(Tok {
                word: id,
                keys: vec![id],
            });
        } else if n >= 3 {
            let id = int.id(&f);
            let mut keys = vec![id];
            if n >= 6 {
                let prefix: String = f.chars().take(5).collect();
                keys.push(int.id_with('\u{1}', &prefix));
            }
            out.push(Tok { word: id, keys });
        }
    }
    let han: Vec<char> = s.chars().filter(|&c| crate::text::is_han(c)).collect();
    for w in han.windows(2) {
        let bigram: String = w.iter().collect();
        let id = int.id(&bigram);
        out.push(Tok {
            word: id,
            keys: vec![id],
        });
    }
    out
}

pub(super) fn prepare(
    sents: &[String],
    side_is_zh: bool,
    model: Model,
    int: &mut Interner,
) -> Vec<RawSent> {
    sents
        .iter()
        .map(|s| {
            let mut toks = match model {
                Model::Lexicon { lex, .. } if side_is_zh => chinese_tokens(s, lex, int),
                Model::Lexicon { .. } => english_tokens(s, int),
                Model::Surface => surface_tokens(s, int),
            };
            toks.extend(punctuation_tokens(s, int));
            RawSent {
                len: visible_len(s),
                toks,
            }
        })
        .collect()
}

/// A document's bag of evidence keys, for finding pairing candidates by TF-IDF: each content token spreads a
/// weight of 1 over its keys (a Chinese word over its gloss lemmas, so that a word with thirty senses does not
/// outweigh one with a single sense). Romanised-name keys count only for tokens that have no other key (Han
/// characters outside the dictionary, which are mostly names); sentence moods are left out. Dictionary lemma
/// ids (the same in every document) are kept as they are, document-local keys (literals, names, surface
/// words) become a hash of their text, so that bags of different documents meet. Sorted by key.
pub(crate) fn key_bag(sents: &[String], side_is_zh: bool, model: Model) -> Vec<(u64, f32)> {
    let lex = match model {
        Model::Lexicon { lex, .. } => Some(lex),
        Model::Surface => None,
    };
    let mut int = Interner::new(lex);
    int.names = Some(HashSet::default());
    let raw: Vec<Tok> = sents
        .iter()
        .flat_map(|s| match model {
            Model::Lexicon { lex, .. } if side_is_zh => chinese_tokens(s, lex, &mut int),
            Model::Lexicon { .. } => english_tokens(s, &mut int),
            Model::Surface => surface_tokens(s, &mut int),
        })
        .collect();
    let names = int.names.take().unwrap_or_default();
    // Dictionary lemma ids are below 2^32, hashed keys have the top bit set: both are stable across documents.
    let stable = |id: u64| -> (u64, bool) { (id, names.contains(&id)) };
    let mut out: Vec<(u64, f32)> = Vec::new();
    for tok in &raw {
        let keys: Vec<(u64, bool)> = tok.keys.iter().map(|&k| stable(k)).collect();
        let plain = keys.iter().filter(|k| !k.1).count();
        let counted: Vec<u64> = if plain > 0 {
            keys.iter().filter(|k| !k.1).map(|k| k.0).collect()
        } else {
            keys.iter().map(|k| k.0).collect()
        };
        let share = 1.0 / counted.len().max(1) as f32;
        out.extend(counted.into_iter().map(|k| (k, share)));
    }
    out.sort_unstable_by_key(|k| k.0);
    let mut merged: Vec<(u64, f32)> = Vec::with_capacity(out.len());
    for (k, w) in out {
        match merged.last_mut() {
            Some(last) if last.0 == k => last.1 += w,
            _ => merged.push((k, w)),
        }
    }
    merged
}

/// Index raw sentences for scoring, adding the keys learned for their words (`learned[word]`).
pub(super) fn index(raw: &[RawSent], learned: &HashMap<u64, Vec<u64>>) -> Vec<Sent> {
    raw.iter()
        .map(|r| {
            let toks = r.toks.iter().map(|t| {
                let mut keys = t.keys.clone();
                if let Some(extra) = learned.get(&t.word) {
                    keys.extend_from_slice(extra);
                }
                keys
            });
            Sent::from_tokens(r.len, toks)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_and_exclamation_marks_meet_across_scripts() {
        let mut int = Interner::new(None);
        let zh = punctuation_tokens("你去哪儿？快走！", &mut int);
        let en = punctuation_tokens("Where are you going? Hurry!", &mut int);
        let keys = |t: &[Tok]| t.iter().flat_map(|t| t.keys.clone()).collect::<Vec<u64>>();
        assert_eq!(keys(&zh).len(), 2);
        assert_eq!(keys(&zh), keys(&en));
        assert_eq!(
            keys(&punctuation_tokens("他说……", &mut int)),
            keys(&punctuation_tokens("He said...", &mut int))
        );
        // A plain statement (and an apostrophe) carries no punctuation anchor.
        assert!(punctuation_tokens("It's raining.", &mut int).is_empty());
        assert!(punctuation_tokens("下雨了。", &mut int).is_empty());
    }

    #[test]
    fn romanised_names_meet_their_characters() {
        let lex = Lexicon::global().expect("embedded dictionary");
        let mut int = Interner::new(Some(lex));
        let keys = |toks: Vec<Tok>| -> Vec<u64> {
            let mut k: Vec<u64> = toks.into_iter().flat_map(|t| t.keys).collect();
            k.sort_unstable();
            k.dedup();
            k
        };
        let zh = keys(chinese_tokens("汪淼到了。", lex, &mut int));
        let shared = |en: &str, int: &mut Interner| {
            keys(english_tokens(en, int))
                .into_iter()
                .filter(|k| zh.contains(k))
                .count()
        };
        // "Wang" and "Miao" each meet a character; lower-case words carry no name key.
        assert!(shared("Wang Miao arrived.", &mut int) >= 2);
        assert_eq!(shared("wang miao arrived.", &mut int), 0);
        let hyphen = keys(english_tokens("Bao-yu", &mut int));
        let baoyu = int.id(&format!("{NAME_KEY}baoyu"));
        assert!(hyphen.contains(&baoyu));
    }
}
