//! Tokens of a Latin line: words and single punctuation marks, their normalised forms (case, curly and
//! straight quotes, full- and half-width commas compared alike), and the [`Word`]s the loop and stutter
//! rules read, each with the punctuation and opening quote before it.
//!
//! The bottom layer of the stage: imports nothing from it.

/// A token of Latin text: a word (letters/digits with inner `'`, `’`, `-`) or one punctuation mark.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) word: bool,
}

/// A token of a glossary pattern, normalised for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PTok {
    Word(String),
    Punct(char),
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

pub(super) fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let joins_word = is_word_char(d)
                    || (is_inner_joiner(d)
                        && text[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(is_word_char));
                if joins_word {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start: i,
                end,
                word: true,
            });
        } else {
            toks.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                word: false,
            });
        }
    }
    toks
}

/// Punctuation compared by kind: curly and straight quotes, full- and half-width commas are equal.
pub(super) fn norm_punct(c: char) -> char {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '＂' => '"',
        '‘' | '’' | '‚' | '‛' => '\'',
        '，' => ',',
        '－' | '–' | '—' => '-',
        '＆' => '&',
        _ => c,
    }
}

pub(super) fn norm_word(w: &str) -> String {
    w.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .collect::<String>()
        .to_lowercase()
}

fn ptok(text: &str, t: &Tok) -> PTok {
    let s = &text[t.start..t.end];
    if t.word {
        PTok::Word(norm_word(s))
    } else {
        PTok::Punct(s.chars().next().map_or(' ', norm_punct))
    }
}

pub(super) fn pattern_tokens(pattern: &str) -> Vec<PTok> {
    tokenize(pattern).iter().map(|t| ptok(pattern, t)).collect()
}

pub(super) fn words_lower(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .filter(|t| t.word)
        .map(|t| norm_word(&text[t.start..t.end]))
        .collect()
}

pub(super) fn match_at(text: &str, toks: &[Tok], at: usize, pattern: &[PTok]) -> bool {
    at + pattern.len() <= toks.len()
        && pattern
            .iter()
            .zip(&toks[at..])
            .all(|(p, t)| *p == ptok(text, t))
}

pub(super) fn is_quote(c: char) -> bool {
    matches!(norm_punct(c), '"' | '\'')
}

/// A word (or phrase) is name-like when every word starts with a capital.
pub(super) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// A word of the line with its normalised form and the punctuation between it and the word before.
#[derive(Debug)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) lower: String,
    /// Punctuation before the word, without an opening quote that is directly attached to it.
    pub(super) gap: String,
    /// An opening quote attached to the word ('What), normalised: a copy of the word made with its
    /// quote ("'What 'What a fool") repeats the quote too, and comparing gaps would hide the repeat.
    pub(super) open_quote: Option<char>,
}

impl Word {
    /// Whether a clause or quotation starts at this word: punctuation before it, other than the signs
    /// that belong to a number or a name (`2.5% from`, `$5`, `AT&T`).
    pub(super) fn starts_clause(&self) -> bool {
        self.gap
            .chars()
            .any(|c| !matches!(c, '%' | '$' | '£' | '€' | '¥' | '&'))
            || self.open_quote.is_some()
    }
}

/// The opening quote directly before a word, given the text between it and the previous word: a
/// quote mark that ends `between` and follows white space or other punctuation (or starts the line). A
/// quote right after a word ("dogs' dogs") closes something, so it is not one.
pub(super) fn opening_quote(between: &str, at_line_start: bool) -> Option<char> {
    let mut rev = between.chars().rev();
    let q = rev.next().filter(|&c| is_quote(c))?;
    let before = rev.next();
    let opens = match before {
        None => at_line_start,
        Some(c) => !c.is_alphanumeric(),
    };
    opens.then(|| norm_punct(q))
}

/// Whether the text written so far ends where a sentence starts.
pub(super) fn is_sentence_start(out: &str) -> bool {
    let last = out
        .chars()
        .rev()
        .find(|&c| !c.is_whitespace() && !is_quote(c) && !matches!(c, '(' | '['));
    matches!(
        last,
        None | Some('.' | '!' | '?' | '。' | '！' | '？' | ':')
    )
}
