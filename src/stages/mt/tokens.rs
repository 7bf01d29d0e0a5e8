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

/// The end of the word that starts with `c` at byte `i`, taking its other characters from `it`: letters
/// and digits, and an apostrophe or hyphen between two of them.
fn word_end(
    text: &str,
    it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    i: usize,
    c: char,
) -> usize {
    let mut end = i + c.len_utf8();
    while let Some(&(j, d)) = it.peek() {
        let joins = is_word_char(d)
            || (is_inner_joiner(d)
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char));
        if !joins {
            break;
        }
        end = j + d.len_utf8();
        it.next();
    }
    end
}

pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let end = word_end(text, &mut it, i, c);
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

/// Whether some run of 1..=`max_n` words (as [`tokenize`] reads words) is followed by the same words,
/// ignoring case: a cheap necessary condition for a loop or a stutter. One pass, no allocation: for each
/// distance n, the streak of words equal to the word n before.
pub(super) fn has_repeated_words(text: &str, max_n: usize) -> bool {
    const MAX: usize = 16;
    let max_n = max_n.clamp(1, MAX);
    let mut recent: [&str; MAX] = [""; MAX];
    let mut streak = [0usize; MAX + 1];
    let mut seen = 0usize;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_word_char(c) {
            continue;
        }
        let end = word_end(text, &mut it, i, c);
        let word = &text[i..end];
        for n in 1..=max_n.min(seen) {
            let before = recent[(seen - n) % MAX];
            streak[n] = if before.eq_ignore_ascii_case(word) {
                streak[n] + 1
            } else {
                0
            };
            if streak[n] >= n {
                return true;
            }
        }
        recent[seen % MAX] = word;
        seen += 1;
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain reading of `has_repeated_words`: some n words equal the n after them.
    fn naive(text: &str, max_n: usize) -> bool {
        let words: Vec<&str> = tokenize(text)
            .iter()
            .filter(|t| t.word)
            .map(|t| &text[t.start..t.end])
            .collect();
        (1..=max_n).any(|n| {
            (0..words.len()).any(|i| {
                i + 2 * n <= words.len()
                    && (0..n).all(|k| words[i + k].eq_ignore_ascii_case(words[i + n + k]))
            })
        })
    }

    #[test]
    fn repeated_words_are_counted_as_the_loop_search_counts_them() {
        assert!(has_repeated_words("a seller's cart, a seller's cart", 3));
        assert!(!has_repeated_words("a seller's cart, a seller s cart", 3));
        assert!(has_repeated_words("In-line In-line", 1));
        assert!(!has_repeated_words("one two three one two three", 2));
        assert!(has_repeated_words("one two three one two three", 3));
    }

    proptest! {
        #[test]
        fn one_pass_agrees_with_the_plain_reading(
            words in proptest::collection::vec(prop_oneof![
                Just("a"), Just("B"), Just("b"), Just("c'd"), Just("e-f"), Just("7")
            ], 0..30),
            seps in proptest::collection::vec(prop_oneof![Just(" "), Just(", "), Just("-"), Just("'")], 30),
            max_n in 1usize..10,
        ) {
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            prop_assert_eq!(has_repeated_words(&text, max_n), naive(&text, max_n));
        }
    }
}
