//! Loops: a run of words repeated back to back by a decoder that lost its place ("Belt and Road, Belt
//! and Road"), cut to one copy, and the same for long runs of characters in Chinese text. The word
//! search also meets every one-word double and leaves the verdict to `stutter`. What stays: idioms
//! ("from time to time to see"), emphasis ("on and on and on"), a name said twice, list items sharing a
//! model name, Chinese reduplication and slogans.
//!
//! Methods of [`MtRepairer`]; besides `super::config`, which defines it and the longest Han unit,
//! imports `super::tokens`, `super::words`, `super::stutter` and `super::splice`.

use super::config::MtRepairer;
use super::splice::apply_cuts;
use super::stutter::{is_past_form, LEGIT_DOUBLES};
use super::tokens::{capitalised, is_quote, norm_punct, norm_word, opening_quote, tokenize, Word};
use super::words::is_common_word;

/// Words that link a repeated content word in idioms ("time to time", "side by side", "more and more").
const LINKERS: &[&str] = &[
    "to", "by", "and", "after", "for", "in", "upon", "on", "over", "or", "from", "against",
];

/// The first and last word index of the chain of comma-joined copies of the `n`-word unit that ends
/// with the copies starting at `start` and ending at `end` (the chain may extend either way).
fn chain_bounds(words: &[Word], start: usize, end: usize, n: usize, join: &str) -> (usize, usize) {
    let same = |x: usize, y: usize| {
        (0..n).all(|k| words.get(x + k).map(|w| &w.lower) == words.get(y + k).map(|w| &w.lower))
    };
    let mut first = start;
    // Bounded: a chain longer than this is a loop whatever its ends look like.
    let mut steps = 0;
    while first >= n && words[first].gap == join && same(first - n, start) && steps < 64 {
        first -= n;
        steps += 1;
    }
    let mut last = end;
    while last + n < words.len()
        && words[last + 1].gap == join
        && same(last + 1, start)
        && steps < 128
    {
        last += n;
        steps += 1;
    }
    (first, last)
}

/// Words that open a noun phrase.
const POSSESSIVES_AND_ARTICLES: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "my", "your", "our", "thy", "this", "that",
    "these", "those",
];

impl MtRepairer {
    /// Cut back-to-back repeated word runs. Returns the new text and how many cuts were made.
    ///
    /// Words are pushed on a stack; after each push, any repetition ending at the top is popped. Every
    /// prefix of the output was checked when its last word was pushed, so the output has no repetition
    /// left that the rules allow cutting, and the work is linear (each word is popped at most once).
    pub(super) fn collapse_words(&self, text: &str, evidence: bool) -> (String, usize) {
        if !self.collapse_loops && !self.collapse_stutters {
            return (text.to_string(), 0);
        }
        let toks = tokenize(text);
        let mut words: Vec<Word> = Vec::new();
        let mut gap = String::new();
        let mut prev_end = 0;
        for t in &toks {
            if t.word {
                let s = &text[t.start..t.end];
                let open_quote = opening_quote(&text[prev_end..t.start], prev_end == 0);
                if open_quote.is_some() {
                    gap.pop();
                }
                words.push(Word {
                    start: t.start,
                    end: t.end,
                    lower: norm_word(s),
                    gap: std::mem::take(&mut gap),
                    open_quote,
                });
                prev_end = t.end;
            } else {
                gap.extend(text[t.start..t.end].chars().map(norm_punct));
            }
        }
        // Decided on first need: most lines never ask.
        let title_case = std::cell::OnceCell::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        for w in 0..words.len() {
            stack.push(w);
            'pop: loop {
                for n in 1..=self.max_loop_words {
                    if 2 * n > stack.len() {
                        break;
                    }
                    let l = stack.len();
                    let (a, b) = (&stack[l - 2 * n..l - n], &stack[l - n..]);
                    if self.is_cuttable(text, &words, a, b, evidence, &title_case) {
                        let from = words[a[n - 1]].end;
                        let to = words[b[n - 1]].end;
                        cuts.push((from, to));
                        stack.truncate(l - n);
                        continue 'pop;
                    }
                }
                break;
            }
        }
        let n = cuts.len();
        (apply_cuts(text, &cuts), n)
    }

    fn is_cuttable(
        &self,
        text: &str,
        words: &[Word],
        a: &[usize],
        b: &[usize],
        evidence: bool,
        title_case: &std::cell::OnceCell<bool>,
    ) -> bool {
        let n = a.len();
        if a.iter()
            .zip(b)
            .any(|(&x, &y)| words[x].lower != words[y].lower)
        {
            return false;
        }
        // Inner punctuation must match too ("one belt, one road" is not "one belt one road"), and so must
        // attached opening quotes; the second copy may lack the first one's ("'What what a fool").
        if a.iter().zip(b).skip(1).any(|(&x, &y)| {
            words[x].gap != words[y].gap || words[x].open_quote != words[y].open_quote
        }) || words[b[0]]
            .open_quote
            .is_some_and(|q| words[a[0]].open_quote != Some(q))
        {
            return false;
        }
        // A copy that ends in a possessive apostrophe is another word ("his sons, and his sons' wives").
        let apostrophe_after = |k: usize| text[words[k].end..].starts_with(is_quote);
        if apostrophe_after(a[n - 1]) != apostrophe_after(b[n - 1]) {
            return false;
        }
        let join = words[b[0]].gap.as_str();
        let comma = match join {
            "" => false,
            "," => true,
            _ => return false,
        };
        let surface = |k: usize| &text[words[k].start..words[k].end];
        if a.iter()
            .all(|&k| words[k].lower.chars().any(|c| c.is_ascii_digit()))
        {
            return false;
        }
        if n == 1 {
            if !self.collapse_stutters || comma {
                return false;
            }
            return self.is_stutter(text, words, a, b, evidence, title_case);
        }
        if !self.collapse_loops || !is_primitive(words, a) {
            return false;
        }
        if evidence {
            return true;
        }
        // A name said twice may be a name ("New York, New York"); three times it is a loop.
        let (first, last) = chain_bounds(words, a[0], b[n - 1], n, join);
        let name_like = a.iter().chain(b).all(|&k| capitalised(surface(k)))
            && !a.iter().all(|&k| is_common_word(&words[k].lower))
            && last + 1 - first == 2 * n;
        let inner_punct = a.iter().skip(1).any(|&k| !words[k].gap.is_empty());
        if name_like || inner_punct {
            return false;
        }
        // "from time to time to see", "side by side by side", "more and more and": a two-word unit of a
        // content word and a linking word, said twice, repeats inside the idioms "X to X", "X by X".
        // "X and X" idioms are intensifying ("over and over", "better and better"). Three copies
        // ("began to began to began to") are no idiom.
        if n == 2 && !comma {
            let (x, y) = (words[a[0]].lower.as_str(), words[a[1]].lower.as_str());
            let idiom_word = |c: &str, l: &str| {
                LEGIT_DOUBLES.contains(&c)
                    || (!is_common_word(c) && (!matches!(l, "and" | "or") || c.ends_with("er")))
            };
            let (first, last) = chain_bounds(words, a[0], b[n - 1], n, "");
            let two_copies = last + 1 - first == 2 * n;
            // (content, linker): "time to | time to"; (linker, content) only right after the content
            // word: "side | by side | by side".
            // The idiom's word is a noun: a verb in the past ("got to got to", "rose to rose to") is a loop.
            let content_first = LINKERS.contains(&y) && idiom_word(x, y) && !is_past_form(x);
            let linker_first = LINKERS.contains(&x)
                && idiom_word(y, x)
                && first > 0
                && words[first - 1].lower == y;
            if two_copies && (content_first || linker_first) {
                return false;
            }
            // "(and) on and on and on", "miles and miles and miles": one word coordinated with itself by
            // "and" or "or" is emphasis at any length; MT loops repeat longer phrases, not this.
            if matches!(x, "and" | "or") || matches!(y, "and" | "or") {
                return false;
            }
        }
        if comma {
            // "iPhone 11, iPhone 11 Pro", "Windows 10, Windows 10 Pro": list items that share a product
            // or model name (a digit or an inner capital) are a list, not a loop.
            if a.iter().any(|&k| {
                let w = surface(k);
                w.chars().any(|c| c.is_ascii_digit()) || w.chars().skip(1).any(char::is_uppercase)
            }) {
                return false;
            }
            // "Come on, come on, we are late": an emphatic repetition is a clause of its own. A chain
            // of copies that starts or ends inside a clause ("up the mountain with, mountain with me")
            // is a loop.
            // A noun phrase said twice across a comma is a figure of speech: the end of one clause starting
            // the next ("if he should leave his father, his father would die") or an apposition that
            // goes on ("his coat, his coat of many colours").
            let noun_phrase = n == 2
                && POSSESSIVES_AND_ARTICLES.contains(&words[a[0]].lower.as_str())
                && !is_common_word(&words[a[n - 1]].lower);
            if noun_phrase && last + 1 - first == 2 * n {
                return false;
            }
            let starts_clause = words[first].starts_clause() || first == 0;
            let ends_clause = words.get(last + 1).is_none_or(|nx| !nx.gap.is_empty())
                && !text[words[last].end..]
                    .trim_start()
                    .starts_with(['\'', '’']);
            return !(starts_clause && ends_clause);
        }
        true
    }
}

/// A unit that is itself a repetition ("bye bye") is not a loop of that repetition.
fn is_primitive(words: &[Word], unit: &[usize]) -> bool {
    let n = unit.len();
    (1..n)
        .filter(|d| n % d == 0)
        .all(|d| (d..n).any(|k| words[unit[k]].lower != words[unit[k % d]].lower))
}

#[cfg(test)]
mod tests {
    use crate::stages::mt::tests::{fix, rep};

    #[test]
    fn loops_of_the_replaced_term_collapse() {
        assert_eq!(
            fix(
                "One belt, one road, one belt, one road, and the other countries should cooperate."
            ),
            "Belt and Road, and the other countries should cooperate."
        );
        assert_eq!(
            fix("China China should also China one belt, one road, and the other."),
            "China should also China Belt and Road, and the other."
        );
        assert_eq!(
            fix("the digital economy digital economy grows"),
            "the digital economy grows"
        );
    }

    #[test]
    fn stutters_and_space_joined_loops_are_cut() {
        assert_eq!(
            fix("We should pay pay attention to the the results."),
            "We should pay attention to the results."
        );
        assert_eq!(
            fix("build a digital friendly digital friendly environment"),
            "build a digital friendly environment"
        );
        assert_eq!(
            fix("At At first she told me me that she wanted to make, to make, to make peace."),
            "At first she told me that she wanted to make peace."
        );
        assert_eq!(
            fix("The boy began to began to began to feel tired of the mountain with, mountain with it."),
            "The boy began to feel tired of the mountain with it."
        );
        assert_eq!(
            fix("So I So I became obsessed, and the snake and snake and snake and the dog left."),
            "So I became obsessed, and the snake and the dog left."
        );
        // Sentence boundaries are not loops.
        assert_eq!(rep().repair("We won. We won."), None);
    }

    #[test]
    fn reduplication_and_lists_in_real_text_are_kept() {
        for clean in [
            // Indonesian intensifying reduplication; no English function words, so not English.
            "Dari sekedar kritik yang santun, hingga penghinaan yang amat amat keji.",
            "They discriminated against people of color, and on and on and on.",
            "The road went on and on through miles and miles and miles of desert.",
            "iPhone 11, iPhone 11 Pro, and iPhone 11 Pro Max are the first devices with it.",
        ] {
            assert_eq!(fix(clean), clean);
        }
        // A real stutter in an English sentence is still cut.
        assert_eq!(
            fix("Nadal celebrates celebrates a point against Khachanov in the match."),
            "Nadal celebrates a point against Khachanov in the match."
        );
    }

    #[test]
    fn copies_with_their_opening_quote_are_repeats() {
        assert_eq!(
            fix("His thoughts ran on: 'What 'What a fool I was just now!'"),
            "His thoughts ran on: 'What a fool I was just now!'"
        );
        assert_eq!(
            fix("'Let them come, 'Let them come in here,' she said."),
            "'Let them come in here,' she said."
        );
        assert_eq!(fix("'No 'No answer?' he asked."), "'No answer?' he asked.");
        // One quotation with a legitimate double inside stays.
        assert_eq!(
            fix("'Oh oh, here we go,' she said."),
            "'Oh oh, here we go,' she said."
        );
        // A closing quote or possessive after a word is not an opening quote of the next one.
        assert_eq!(
            fix("Go with thy wife, and thy sons, and thy sons' wives with thee."),
            "Go with thy wife, and thy sons, and thy sons' wives with thee."
        );
    }

    #[test]
    fn idioms_and_figures_of_speech_versus_loops() {
        // A past-tense verb is not the noun of "X to X".
        assert_eq!(
            fix("Misty rose to rose to his feet and left."),
            "Misty rose to his feet and left."
        );
        assert_eq!(
            fix("He says I've got to got to fight with him every day."),
            "He says I've got to fight with him every day."
        );
        // A capitalised phrase said three times is no name.
        assert_eq!(
            fix("When Grannie Liu, Grannie Liu, Grannie Liu heard it, she left."),
            "When Grannie Liu heard it, she left."
        );
        // Anadiplosis and apposition of a noun phrase across a comma stay.
        for clean in [
            "For if he should leave his father, his father would die.",
            "They stripped him out of his coat, his coat of many colours.",
        ] {
            assert_eq!(fix(clean), clean);
        }
    }

    #[test]
    fn long_lines_are_linear() {
        let line = "one belt, one road, ".repeat(50_000);
        let start = std::time::Instant::now();
        let out = fix(&line);
        assert_eq!(out, "Belt and Road, ");
        let han = "一带一路".repeat(200_000);
        assert_eq!(fix(&han), "一带一路");
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn long_lines_of_doubles_are_linear() {
        let start = std::time::Instant::now();
        // About 230 KB: a look-back to the clause start on every double would make this quadratic.
        let line = "the man that offered offered a Wang Wang Qiyao gift and ".repeat(4_000);
        let out = fix(&line);
        assert!(out.len() < line.len());
        let line = "Maybe Maybe ".repeat(20_000);
        assert_eq!(fix(&line), line);
        assert!(start.elapsed().as_secs() < 20);
    }
}
