//! Loops in English: a run of words repeated back to back by a decoder that lost its place ("Belt and
//! Road, Belt and Road", `market,, rising market,`, `…announced. the election commission announced.`),
//! cut to one copy. The search also meets every one-word double and leaves the verdict to `stutter`.
//! What stays is decided by evidence (the stage's module header lists it): idioms the dictionary knows,
//! emphasis, sentences said again, anadiplosis and apposition, lists, names, sound words, code.
//!
//! Methods of [`MtRepairer`]; besides `super::config`, which defines it, imports `super::seam`,
//! `super::tokens`, `super::words`, `super::stutter` and `super::splice`. Chinese loops are in
//! `han_loops`.

use super::config::MtRepairer;
use super::seam::{ends_sentence, is_debris, Seam};
use super::splice::apply_cuts;
use super::stutter::{is_past_form, LEGIT_DOUBLES};
use super::tokens::{capitalised, is_quote, norm_punct, norm_word, opening_quote, tokenize, Word};
use super::words::{is_common_english, is_common_word, is_gloss_idiom, LINKERS};

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

/// What the loop rules know of the whole line besides its words.
struct LineFacts {
    /// The punctuation after the last word.
    tail: String,
    /// The line shows machine-translation damage elsewhere (a glossary or article repair, an
    /// unambiguous loop), so names and sound words get no benefit of the doubt.
    evidence: bool,
    /// Whether the line is written in title case; decided on first need.
    title_case: std::cell::OnceCell<bool>,
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
        // The punctuation after the last word.
        let line = LineFacts {
            tail: gap,
            evidence,
            // Decided on first need: most lines never ask.
            title_case: std::cell::OnceCell::new(),
        };
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
                    if self.is_cuttable(text, &words, a, b, &line) {
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
        line: &LineFacts,
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
        let between = words[b[0]].gap.as_str();
        let surface = |k: usize| &text[words[k].start..words[k].end];
        if a.iter()
            .all(|&k| words[k].lower.chars().any(|c| c.is_ascii_digit()))
        {
            return false;
        }
        if n == 1 {
            // Single words joined by a comma are rhetoric ("No, no"), never touched.
            if !self.collapse_stutters || !between.is_empty() {
                return false;
            }
            return self.is_stutter(text, words, a, b, line.evidence, &line.title_case);
        }
        if !self.collapse_loops || !is_primitive(words, a) {
            return false;
        }
        // The punctuation between the copies must read as the copies' own and a joiner.
        let after_last = words
            .get(b[n - 1] + 1)
            .map_or(line.tail.as_str(), |w| w.gap.as_str());
        let Some(seam) = Seam::split(between, &words[a[0]].gap, after_last) else {
            return false;
        };
        // Marks that prose does not put between words (`std::vector<std::vector`, `a/b/a/b`): code, a
        // path or markup, never touched.
        let inner_gaps = || a.iter().skip(1).map(|&k| words[k].gap.as_str());
        if !is_prose_gap(between) || inner_gaps().any(|g| !is_prose_gap(g)) {
            return false;
        }
        if line.evidence || is_debris(between) {
            return true;
        }
        let (first, last) = chain_bounds(words, a[0], b[n - 1], n, between);
        let two_copies = last + 1 - first == 2 * n;
        // Copies across a sentence end are whole sentences said again ("We won. We won.") or a decoder
        // that did not stop (`…the election commission announced. the election commission announced.`).
        if ends_sentence(seam.copy_end) || ends_sentence(seam.joiner) {
            return !starts_sentence(text, words, first);
        }
        // "After all, After all, she thought": a copy that starts again with the capital of a sentence
        // start inside a sentence is a copy of that start; a writer says it again as it reads there.
        let lead = words[b[0]].lower.as_str();
        let restarts = capitalised(surface(b[0]))
            && lead != "i"
            && !lead.starts_with("i'")
            && (is_common_word(lead) || is_common_english(lead))
            && b.iter().skip(1).any(|&k| {
                let w = surface(k);
                w.chars().all(char::is_alphabetic) && !capitalised(w)
            });
        if restarts {
            return true;
        }
        // The whole repetition, whatever its copies' boundaries.
        let (region_start, region_end) = periodic_region(words, a[0], b[n - 1], n);
        let region_copies = (region_end + 1 - region_start) / n;
        // A noun phrase coordinated with itself, as list items or parallel clauses are ("the robe of the
        // ephod, and the ephod, and the breastplate"; "Nahor, and Haran; and Haran begat Lot"): in the
        // repetition, a conjunction after a clause mark, then a determiner or a name.
        let coordinated = |p: usize| {
            words[p].gap.contains([',', ';', ':'])
                && matches!(words[p].lower.as_str(), "and" | "or" | "nor")
                && words.get(p + 1).is_some_and(|w| {
                    !w.starts_clause()
                        && (DETERMINERS.contains(&w.lower.as_str())
                            || (capitalised(&text[w.start..w.end]) && !is_common_word(&w.lower)))
                })
        };
        if region_copies == 2 && (region_start..=region_end).any(coordinated) {
            return false;
        }
        // A pause and the words taken up again ("I know the answer… the answer is").
        if two_copies
            && seam.joiner.chars().all(|c| matches!(c, '.' | '…'))
            && !seam.joiner.is_empty()
        {
            return false;
        }
        // A name said twice may be a name ("New York, New York"); three times it is a loop.
        let name_like = a.iter().chain(b).all(|&k| capitalised(surface(k)))
            && !a.iter().all(|&k| is_common_word(&words[k].lower))
            && two_copies;
        if name_like {
            return false;
        }
        // A sound word of two vowel-alternating halves ("tick tock, tick tock", "ding dong ding dong").
        if n == 2 && is_ablaut_pair(&words[a[0]].lower, &words[a[1]].lower) {
            return false;
        }
        // A relative clause whose verb phrase is the main clause's too, closed by a comma ("whatever will
        // be, will be"; "And they that went in, went in"): after a free relative, or after "that", "who"
        // or "which" whose antecedent opens the clause.
        if two_copies && first >= 1 && between.contains(',') {
            let relative = words[first - 1].lower.as_str();
            let verb = words[first].lower.as_str();
            if matches!(relative, "what" | "whatever" | "whoever" | "whichever")
                || (matches!(relative, "that" | "who" | "which")
                    && (is_past_form(verb) || is_auxiliary(verb))
                    && antecedent_opens_clause(words, first - 1))
            {
                return false;
            }
        }
        // The end of one clause starting the next across a semicolon or colon ("betwixt himself and
        // Jacob: and Jacob fed the rest"): two copies, the second going on into its clause.
        let names_noun_phrase = |k: usize| {
            let k = if matches!(words[k].lower.as_str(), "and" | "or") {
                k + 1
            } else {
                k
            };
            words.get(k).is_some_and(|w| {
                DETERMINERS.contains(&w.lower.as_str())
                    || matches!(
                        w.lower.as_str(),
                        "i" | "you" | "he" | "she" | "it" | "we" | "they"
                    )
                    || (capitalised(&text[w.start..w.end]) && !is_common_word(&w.lower))
            })
        };
        if two_copies
            && (seam.copy_end.contains([';', ':']) || seam.joiner.contains([';', ':']))
            && words.get(last + 1).is_some_and(|nx| nx.gap.is_empty())
            && names_noun_phrase(first)
        {
            return false;
        }
        // Copies read at a space whose unit holds a clause mark may be whole clauses read at the mark
        // ("Let it be, let it be, let it be, whisper"; "Happy birthday to you, happy birthday to you,
        // happy birthday"): the repetition is then emphasis when it starts and ends at clause bounds.
        if between.is_empty() && inner_gaps().any(|g| g.contains([',', ';', ':'])) {
            let opens = region_start == 0 || words[region_start].starts_clause();
            let closes = words
                .get(region_end + 1)
                .is_none_or(|nx| !nx.gap.is_empty());
            let opens_sentence = starts_sentence(text, words, region_start);
            if opens
                && closes
                && (n <= MAX_EMPHASIS_WORDS || opens_sentence)
                && (region_copies <= 2 || opens_sentence)
            {
                return false;
            }
            // "Ford wrote, and wrote, and wrote.": a word coordinated with itself, as below.
            if n == 2
                && closes
                && self.is_idiom_chain(text, words, (first, last), (region_start, region_end), a)
            {
                return false;
            }
        }
        if n == 2 && between.is_empty() && words[a[1]].gap.is_empty() {
            return !self.is_idiom_chain(text, words, (first, last), (region_start, region_end), a);
        }
        if between.contains([',', ';', ':']) {
            // "iPhone 11, iPhone 11 Pro", "Windows 10, Windows 10 Pro": list items that share a product
            // or model name (a digit or an inner capital), the last one going on with more of its name,
            // are a list, not a loop.
            let model_name = a.iter().any(|&k| {
                let w = surface(k);
                w.chars().any(|c| c.is_ascii_digit()) || w.chars().skip(1).any(char::is_uppercase)
            });
            let name_goes_on = words.get(last + 1).is_some_and(|nx| {
                nx.gap.is_empty()
                    && (capitalised(surface(last + 1))
                        || nx.lower.chars().any(|c| c.is_ascii_digit()))
            });
            if model_name && name_goes_on {
                return false;
            }
            // A noun phrase said twice across a comma is a figure of speech: the end of one clause starting
            // the next ("if he should leave his father, his father would die") or an apposition that
            // goes on ("his coat, his coat of many colours").
            // The second copy then goes on as a subject or with "of"; a noun phrase said again before
            // a comma, "and" or a preposition is a loop ("a surprise, a surprise for her").
            let noun_phrase = n == 2
                && POSSESSIVES_AND_ARTICLES.contains(&words[a[0]].lower.as_str())
                && !is_common_word(&words[a[n - 1]].lower)
                && !words[a[n - 1]].lower.ends_with("ly");
            let goes_on = words.get(last + 1).is_some_and(|nx| {
                nx.gap.is_empty()
                    && (nx.lower == "of" || is_auxiliary(&nx.lower) || is_past_form(&nx.lower))
            });
            if noun_phrase && two_copies && goes_on {
                return false;
            }
            // "Come on, come on, we are late": an emphatic repetition is a clause of its own. A chain
            // of copies that starts or ends inside a clause ("up the mountain with, mountain with me")
            // is a loop.
            let starts_clause = words[first].starts_clause() || first == 0;
            let ends_clause = words.get(last + 1).is_none_or(|nx| !nx.gap.is_empty())
                && !text[words[last].end..]
                    .trim_start()
                    .starts_with(['\'', '’']);
            // Three copies or more only open a sentence or a quotation ("Let it be, let it be, let it
            // be"); inside a sentence they are a loop ("in Roy, which occurred in Roy, which occurred
            // in Roy, Utah").
            let opens_sentence = starts_sentence(text, words, first);
            let emphasis = starts_clause
                && ends_clause
                && (n <= MAX_EMPHASIS_WORDS || opens_sentence)
                && (two_copies || opens_sentence);
            return !emphasis;
        }
        true
    }

    /// Whether the two-word copies from word `first` to `last` (all of the repetition: `region`), joined
    /// by white space alone, are an idiom meeting its own linking word rather than a loop. A word
    /// coordinated with itself by "and" or "or" is emphasis ("on and on and on", "miles and miles and
    /// miles", "wrote, and wrote, and wrote"): the word said at least three times, the chain ending on
    /// it, and not a name ("Pakistan and Pakistan and Pakistan"); said twice it is a loop ("voice, and
    /// kept and kept my charge"). Other linkers make an idiom "X to X" that CC-CEDICT's glosses use
    /// ("from time to time to see", "side by side by side", "face to face"), said twice, with a noun,
    /// not a verb in the past ("rose to rose to").
    fn is_idiom_chain(
        &self,
        text: &str,
        words: &[Word],
        (first, last): (usize, usize),
        region: (usize, usize),
        unit: &[usize],
    ) -> bool {
        let (x, y) = (words[unit[0]].lower.as_str(), words[unit[1]].lower.as_str());
        let conjunction = |w: &str| matches!(w, "and" | "or");
        if conjunction(x) != conjunction(y) {
            let content = if conjunction(x) { y } else { x };
            let (start, end) = region;
            let said = (start.saturating_sub(1)..=end)
                .filter(|&k| words[k].lower == content)
                .count();
            let name = capitalised(&text[words[unit[0]].start..words[unit[0]].end])
                || capitalised(&text[words[unit[1]].start..words[unit[1]].end]);
            return said >= 3
                && words[end].lower == content
                && !name
                && (!is_common_word(content) || LEGIT_DOUBLES.contains(&content));
        }
        let (content, linker) = if LINKERS.contains(&y) {
            (x, y)
        } else if LINKERS.contains(&x) && first > 0 && words[first - 1].lower == y {
            (y, x)
        } else {
            return false;
        };
        last + 1 - first == 4 && !is_past_form(content) && is_gloss_idiom(content, linker)
    }
}

/// Two words that differ in one vowel only, as the halves of a sound word do ("tick tock", "ding dong",
/// "zig zag", "flip flop").
fn is_ablaut_pair(x: &str, y: &str) -> bool {
    let vowel = |c: char| "aeiou".contains(c);
    x != y
        && x.len() == y.len()
        && x.chars().all(|c| c.is_ascii_lowercase())
        && y.chars().all(|c| c.is_ascii_lowercase())
        && x.chars()
            .zip(y.chars())
            .filter(|(p, q)| p != q)
            .all(|(p, q)| vowel(p) && vowel(q))
        && x.chars().zip(y.chars()).filter(|(p, q)| p != q).count() == 1
}

/// The first and last word of the stretch around the copies `start..=end` where every word (and the
/// punctuation before it) equals the one `n` words later: all of the repetition, whatever its copies'
/// boundaries.
fn periodic_region(words: &[Word], start: usize, end: usize, n: usize) -> (usize, usize) {
    let mut first = start;
    // Bounded, as in `chain_bounds`. Going left, the word before the region joins it when it equals the
    // word `n` later and the punctuation after it (the gap of the region's first word) repeats too.
    while first > 0
        && first - 1 + n <= end
        && start - first < 64
        && words[first - 1].lower == words[first - 1 + n].lower
        && words[first].gap == words[first + n].gap
    {
        first -= 1;
    }
    let mut last = end;
    while last + 1 < words.len()
        && last - end < 64
        && words[last + 1].lower == words[last + 1 - n].lower
        && words[last + 1].gap == words[last + 1 - n].gap
    {
        last += 1;
    }
    (first, last)
}

/// Longest clause, in words, said again for emphasis ("Happy birthday to you, happy birthday to you",
/// "Wait a minute, wait a minute"); a longer clause said again is a decoder that lost its place.
const MAX_EMPHASIS_WORDS: usize = 4;

/// Words that open a noun phrase as a list item does ("and the ephod", "and all the pins").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "my", "your", "our", "thy", "thine", "this",
    "that", "these", "those", "all", "both", "every", "each", "some", "any",
];

/// Whether the antecedent of the relative at word `relative` opens its clause, alone or after a
/// conjunction or determiner ("And they that went in", "The men who came"): the relative clause then
/// belongs to the subject, and its verb phrase may meet the main one.
fn antecedent_opens_clause(words: &[Word], relative: usize) -> bool {
    let Some(antecedent) = relative.checked_sub(1) else {
        return false;
    };
    if words[relative].starts_clause() || words[antecedent].starts_clause() || antecedent == 0 {
        return !words[relative].starts_clause();
    }
    let before = antecedent - 1;
    (before == 0 || words[before].starts_clause())
        && (DETERMINERS.contains(&words[before].lower.as_str())
            || matches!(words[before].lower.as_str(), "and" | "but" | "or"))
}

/// Auxiliaries and modals: the start of a verb phrase.
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "shall"
            | "should"
            | "may"
            | "might"
            | "must"
    )
}

/// Punctuation prose puts between words: commas, stops, quotes, brackets, dashes, the ellipsis.
fn is_prose_gap(gap: &str) -> bool {
    !gap.contains("::")
        && gap.chars().all(|c| {
            matches!(
                c,
                ',' | '.'
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '"'
                    | '\''
                    | '('
                    | ')'
                    | '-'
                    | '…'
                    | '&'
                    | '%'
                    | '$'
                    | '£'
                    | '€'
                    | '¥'
            )
        })
}

/// Whether the copies starting at word `first` start a sentence: at the line start, after a sentence end
/// or opening a quotation, with a capital.
fn starts_sentence(text: &str, words: &[Word], first: usize) -> bool {
    let w = &words[first];
    (first == 0 || w.open_quote.is_some() || ends_sentence(&w.gap))
        && capitalised(&text[w.start..w.end])
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
    fn loops_whose_copies_carry_punctuation_are_cut() {
        for (looped, original) in [
            // A span ending in a comma, joined by another comma: `,,` at the seam.
            (
                "The shop reopened on Monday,, reopened on Monday, after a long renovation.",
                "The shop reopened on Monday, after a long renovation.",
            ),
            // The sentence's last words, full stop included, written again after it.
            (
                "Your parcel will arrive on Friday. arrive on Friday.",
                "Your parcel will arrive on Friday.",
            ),
            (
                "Your parcel will arrive on Friday., on Friday., on Friday.",
                "Your parcel will arrive on Friday.",
            ),
            // Punctuation inside the span, copies joined by a space or by a comma.
            (
                "The driver called, but nobody called, but nobody answered the door.",
                "The driver called, but nobody answered the door.",
            ),
            (
                "Sales rose sharply in, sharply in, sharply in the third quarter.",
                "Sales rose sharply in the third quarter.",
            ),
            // Numbers in the span.
            (
                "The phone weighs 180 g 180 g and fits in any pocket.",
                "The phone weighs 180 g and fits in any pocket.",
            ),
            // A sentence start said again with its capital after a comma.
            (
                "After lunch, After lunch, we went back to work.",
                "After lunch, we went back to work.",
            ),
            // "X to X" that is no idiom of the dictionary.
            (
                "The court sent the case to a judge to judge to decide.",
                "The court sent the case to a judge to decide.",
            ),
            // A word coordinated with itself twice is a loop, three times emphasis.
            (
                "She checked the address and checked and checked the postcode.",
                "She checked the address and checked the postcode.",
            ),
        ] {
            assert_eq!(fix(looped), original, "{looped}");
        }
        for clean in [
            "We won. We won.",
            "\"Again! Again!\" the children shouted.",
            "The road went on and on and on.",
            "Whatever will be, will be.",
            "They rang the bell, ding dong, ding dong, until someone came.",
            "Call it Map<String, String> or std::vector<std::vector<int>> if you like.",
        ] {
            assert_eq!(fix(clean), clean);
        }
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
    fn long_lines_collapse_whole() {
        // A megabyte of one loop collapses to one unit; its speed is a benchmark's business
        // (`cargo bench --bench stages -- mt`), not a timed test's.
        let line = "one belt, one road, ".repeat(50_000);
        let out = fix(&line);
        assert_eq!(out, "Belt and Road, ");
        let han = "一带一路".repeat(200_000);
        assert_eq!(fix(&han), "一带一路");
    }

    #[test]
    fn long_lines_of_doubles_are_repaired_whole() {
        // About 230 KB: a look-back to the clause start on every double would make this quadratic. Its speed
        // is measured by `cargo bench --bench stages -- mt`, not timed here (timings in tests fail on a busy
        // machine).
        let line = "the man that offered offered a Wang Wang Qiyao gift and ".repeat(4_000);
        let out = fix(&line);
        assert!(out.len() < line.len());
        let line = "Maybe Maybe ".repeat(20_000);
        assert_eq!(fix(&line), line);
    }
}
