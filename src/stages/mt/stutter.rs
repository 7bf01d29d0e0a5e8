//! Stutters: one word said twice ("China China should"), told apart from English that legitimately
//! doubles a word (grammatical doubling, intensifiers, interjections, number words), from names ("Sirhan
//! Sirhan", but not "Wang Wang Qiyao") and sound words, and from a relative clause whose last verb meets
//! the main verb ("what he did did matter"). The module header of the stage lists the rules.
//!
//! Methods of [`MtRepairer`]; besides `super::config`, which defines it, imports only `super::tokens`
//! and `super::words`.

use super::config::MtRepairer;
use super::tokens::{capitalised, is_quote, Word};
use super::words::{is_common_english, is_common_word, pinyin_syllable_count};
use crate::text::is_latin_letter;

/// English words that are legitimately doubled (lower case). See the stage's module header for the classes.
pub(super) const LEGIT_DOUBLES: &[&str] = &[
    // grammatical doubling ("asked her her name": object + possessive have one form)
    "had",
    "that",
    "is",
    "was",
    "do",
    "does",
    "her",
    // intensifiers
    "very",
    "really",
    "so",
    "much",
    "many",
    "far",
    "long",
    "too",
    "more",
    "big",
    "little",
    "tiny",
    "super",
    "way",
    "pretty",
    "ever",
    "over",
    "again",
    "round",
    "on",
    "please",
    // interjections and reduplicatives
    "bye",
    "no",
    "yes",
    "yeah",
    "oh",
    "ah",
    "ha",
    "hah",
    "haha",
    "he",
    "hee",
    "ho",
    "hey",
    "hi",
    "hush",
    "tut",
    "tsk",
    "shh",
    "boo",
    "pooh",
    "la",
    "na",
    "da",
    "dum",
    "blah",
    "bla",
    "yada",
    "chop",
    "knock",
    "night",
    "there",
    "now",
    "well",
    "come",
    "go",
    "quick",
    "run",
    "ding",
    "dong",
    "tick",
    "bang",
    "boom",
    "wow",
    "hip",
    "hear",
    "woof",
    "meow",
    "bow",
    "choo",
    "pom",
    "rah",
    "cha",
    "tom",
    "mm",
    "hmm",
    "uh",
    "um",
    "er",
    "fast",
    "slowly",
    "faster",
    "wait",
    "help",
    // reduplicative compounds often written without their hyphen ("win win cooperation")
    "win",
    "goody",
    "yum",
    "hush",
    "pee",
    "wee",
    "tee",
    "choo",
    // number words
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
];

/// Whether doubling `word` (lower case) is legitimate English by the built-in rules (grammatical doubling,
/// intensifiers, interjections, reduplicatives, number words), so the stage never cuts it as a stutter.
pub fn doubling_is_legitimate(word: &str) -> bool {
    LEGIT_DOUBLES.contains(&word)
}

impl MtRepairer {
    /// Whether the one-word copies `a` and `b`, already found equal and joined by white space alone, are
    /// a stutter to cut rather than legitimate doubling, a name or a sound word.
    pub(super) fn is_stutter(
        &self,
        text: &str,
        words: &[Word],
        a: &[usize],
        b: &[usize],
        evidence: bool,
        title_case: &std::cell::OnceCell<bool>,
    ) -> bool {
        let surface = |k: usize| &text[words[k].start..words[k].end];
        let w = words[a[0]].lower.as_str();
        // Each copy opening a quotation of its own ("'No 'No answer?", "'Oh 'Oh Grannie") repeats
        // the quote mark with the word: English doubles words ("Oh oh"), names and sounds inside
        // one quotation, never by opening a second before the first is closed.
        if words[b[0]].open_quote.is_some() && w.chars().all(|c| !c.is_ascii_digit()) {
            return true;
        }
        let legit = LEGIT_DOUBLES.contains(&w)
            || self.keep_doubled.binary_search(&w.to_string()).is_ok()
            || w.chars().any(|c| c.is_ascii_digit())
            || (w.chars().count() == 1 && w != "a" && w != "i");
        if legit {
            return false;
        }
        // A lower-case word followed by its capitalised copy marks a new item without punctuation
        // (menu and related-link lines: "How to retire early Early retirement", "search Search");
        // a stutter keeps the case or capitalises the first copy ("The the results").
        if !capitalised(surface(a[0])) && capitalised(surface(b[0])) {
            return false;
        }
        let common = is_common_word(w);
        // A relative clause ending in the main verb is grammar, whatever else the line shows.
        if relative_clause_may_end(words, a[0], w, common) {
            return false;
        }
        // With damage elsewhere in the line, names and sound words get no benefit of the doubt.
        if evidence {
            return true;
        }
        // A capital marks a name or transliteration ("Sirhan Sirhan", "Chen Chen"), unless the word is
        // common English: a function word capitalised at a sentence start ("The The results") or an
        // ordinary word ("Tourists Tourists", "Maybe Maybe"). Common words said twice as a name are
        // titles ("Sugar Sugar"), which stay when they are quoted.
        let capital = capitalised(surface(a[0])) || capitalised(surface(b[0]));
        // A capitalised double right after a lower-case noun is the name that noun introduces ("the band
        // Talk Talk", "the resort of Walla Walla" aside): an apposition, whatever the words mean.
        let introduced = a[0] > 0 && capitalised(surface(a[0])) && {
            let before = &words[a[0] - 1];
            !words[a[0]].starts_clause()
                && !is_common_word(&before.lower)
                && text[before.start..before.end]
                    .chars()
                    .all(|c| c.is_ascii_lowercase())
        };
        let name_like = capital
            && !common
            && (!is_common_english(w)
                || introduced
                || *title_case.get_or_init(|| is_title_case(text, words))
                || is_quoted_pair(text, words, a[0], b[0]));
        let latin = w.chars().any(is_latin_letter);
        // Three or more copies ("tock tock tock") are onomatopoeia or emphasis, not a stutter.
        let run_of_three = a[0].checked_sub(1).is_some_and(|p| words[p].lower == w)
            || words
                .get(b[0] + 1)
                .is_some_and(|nx| nx.lower == w && nx.gap.is_empty());
        // A romanised Chinese name cannot double a surname before a given name of two syllables
        // ("Wang Wang Qiyao") or a two-syllable given name after its surname ("Wang Qiyao Qiyao");
        // a one-syllable given name may be reduplicated ("Fan Bing Bing", "Lang Lang").
        let name_stutter = name_like
            && !*title_case.get_or_init(|| is_title_case(text, words))
            && is_pinyin_name_stutter(text, words, a[0], b[0]);
        // Short words may be onomatopoeia ("ta ta"), unless they are common English words.
        let plain = w.chars().count() >= 3 || common;
        plain && (!name_like || name_stutter) && latin && !run_of_three
    }
}

/// Words that open a relative or free-relative clause. The clause may end in the verb the main clause
/// starts with: "every man that offered offered", "what he did did matter".
const RELATIVES: &[&str] = &[
    "that",
    "who",
    "whom",
    "which",
    "what",
    "whoever",
    "whatever",
    "whichever",
    "where",
    "when",
    "how",
    "why",
];

/// Free relatives: the clause has no antecedent and is itself the subject of the main verb ("what he
/// did did matter"), so it can stand anywhere in the sentence.
const FREE_RELATIVES: &[&str] = &[
    "what",
    "whatever",
    "whoever",
    "whichever",
    "where",
    "when",
    "how",
    "why",
];

/// Common irregular past forms: a verb that can end a relative clause for a singular subject, and never
/// the noun of an "X to X" idiom.
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "made", "went", "came", "got", "took", "gave", "saw",
    "knew", "thought", "told", "found", "left", "felt", "kept", "held", "brought", "began", "ran",
    "sold", "won", "lost", "meant", "paid", "sat", "stood", "fell", "rose", "grew", "drew",
    "threw", "wrote", "spoke", "broke", "chose", "drove", "ate", "wore", "led", "fed", "met",
    "sent", "spent", "built", "lent", "heard", "stole", "struck", "sang", "rang", "drank",
    "became", "bought", "caught", "taught", "fought", "sought", "forgot", "hid", "shook", "woke",
    "flew", "slept", "wept", "swept",
];

/// Auxiliaries and copulas: a "that" right after one is a pronoun or conjunction ("Wasn't that
/// sufficient"), never a relative with its antecedent.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does", "did",
];

/// A past form: an irregular one, or "-ed" on a common English stem ("staggered"; not "bed", "need").
pub(super) fn is_past_form(w: &str) -> bool {
    IRREGULAR_PAST.contains(&w)
        || w.strip_suffix("ed").is_some_and(|stem| {
            stem.len() >= 3
                && (is_common_english(stem) || w.strip_suffix('d').is_some_and(is_common_english))
        })
}

/// A verb form that can agree with a singular subject clause: a past, or a present in "-s".
fn finite_for_singular(w: &str) -> bool {
    is_past_form(w)
        || matches!(w, "is" | "has" | "does")
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

/// Whether the double `w w` starting at word `at` may be the last word of a relative clause meeting the
/// main verb: "every man that offered offered", "what he did did matter". Only a verb can do that, so a
/// pronoun, particle or modal ("who stole your your", "when we we") is never one; the other conditions
/// are the shapes such a clause needs:
/// - the relative is right before the double, or one subject word before it, and then the verb agrees
///   with a singular clause ("what I mean mean" and "what I've seen seen" do not);
/// - a relative after a comma is non-restrictive, closed by another comma before the main verb
///   (", who began began" is a stutter);
/// - "that"/"who"/"which" need their antecedent to be the subject at the start of the clause ("Every
///   man that offered offered"; not "revealing a set of white teeth that shimmered shimmered"), and
///   after an auxiliary "that" is no relative at all ("Wasn't that sufficient sufficient").
fn relative_clause_may_end(words: &[Word], at: usize, w: &str, common: bool) -> bool {
    if common && !matches!(w, "is" | "are" | "was" | "were" | "has" | "have" | "did") {
        return false;
    }
    let is_relative = |k: usize| RELATIVES.contains(&words[k].lower.as_str());
    let r = if at >= 1 && is_relative(at - 1) && !words[at].starts_clause() {
        at - 1
    } else if at >= 2
        && is_relative(at - 2)
        && !words[at].starts_clause()
        && !words[at - 1].starts_clause()
    {
        at - 2
    } else {
        return false;
    };
    if words[r].gap.contains(',') {
        return false;
    }
    let relative = words[r].lower.as_str();
    if FREE_RELATIVES.contains(&relative) {
        return finite_for_singular(w);
    }
    if r + 2 == at && !finite_for_singular(w) {
        return false;
    }
    if r == 0 || words[r].starts_clause() {
        return false;
    }
    let before = words[r - 1].lower.as_str();
    let before_base = before.strip_suffix("n't").unwrap_or(before);
    if AUXILIARIES.contains(&before_base) || before == "can't" || before == "won't" {
        return false;
    }
    // The clause starts at the nearest word after punctuation (or the line start) and must be at most
    // four words back; looking no further keeps a long line without punctuation linear.
    r <= 4 || (r - 4..r).any(|k| words[k].starts_clause())
}

/// Headlines and table headers ("Ticker Security Last Change Change %") capitalise ordinary words, so
/// there a capital says nothing about whether a double is a name. Counted over the common words that
/// are not at a sentence start, because names are capitalised in any line.
fn is_title_case(text: &str, words: &[Word]) -> bool {
    let (mut common, mut capitalised_common) = (0usize, 0usize);
    for (k, w) in words.iter().enumerate() {
        if k == 0 || w.gap.contains(['.', '!', '?', ':']) {
            continue;
        }
        if is_common_word(&w.lower) || is_common_english(&w.lower) {
            common += 1;
            if capitalised(&text[w.start..w.end]) {
                capitalised_common += 1;
            }
        }
    }
    common >= 2 && capitalised_common * 2 > common
}

/// Whether the double `first second` is a stuttered part of a romanised Chinese name (see the caller).
fn is_pinyin_name_stutter(text: &str, words: &[Word], first: usize, second: usize) -> bool {
    let surface = |k: usize| &text[words[k].start..words[k].end];
    // Syllables of a neighbouring name word: capitalised, not an English word, joined without punctuation.
    let name_syllables = |k: usize| {
        capitalised(surface(k))
            && !is_common_word(&words[k].lower)
            && !is_common_english(&words[k].lower)
            && words[k].open_quote.is_none()
    };
    let Some(x) = pinyin_syllable_count(surface(first)) else {
        return false;
    };
    let next = second + 1;
    if x == 1
        && next < words.len()
        && words[next].gap.is_empty()
        && name_syllables(next)
        && pinyin_syllable_count(surface(next)).is_some_and(|y| y >= 2)
    {
        return true;
    }
    x >= 2
        && first >= 1
        && !words[first].starts_clause()
        && name_syllables(first - 1)
        && pinyin_syllable_count(surface(first - 1)) == Some(1)
}

/// Whether the two words are wrapped in one pair of quotes, as a title is ("Sugar Sugar").
fn is_quoted_pair(text: &str, words: &[Word], first: usize, second: usize) -> bool {
    words[first].open_quote.is_some()
        && text
            .get(words[second].end..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_quote)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::mt::tests::{fix, rep};

    #[test]
    fn legitimate_repetition_is_kept() {
        let r = rep();
        for s in [
            "He had had enough of it.",
            "He said that that was wrong.",
            "What it is is a mystery.",
            "Sirhan Sirhan was convicted in 1969.",
            "The score was 10 10 at half time.",
            "Bye bye, see you soon.",
            "It was a so-so film, very very long.",
            "No, no, no, that is not it.",
            "Come on, come on, we are late.",
            "She moved to New York, New York last year.",
            "Ha ha ha ha, that was funny.",
            "They split it fifty fifty.",
            "They asked her her business.",
            "A persistent tock tock tock tock came from the clock.",
            "She looked up from time to time to see it.",
            "They walked side by side by side, more and more and more slowly.",
            "It went on and on and on, over and over and over again.",
            "They fought head to head to the end.",
            "Every man that offered offered an offering, and what he did did matter.",
            "Wait a minute, wait a minute, where are you going?",
            "Put on the robe of the ephod, and the ephod, and the breastplate.",
            "Every man that offered offered an offering.",
            "Let x x be the square.",
        ] {
            assert_eq!(r.repair(s), None, "{s}");
        }
    }

    #[test]
    fn capitalised_doubles_of_common_words_are_stutters() {
        assert_eq!(
            fix("Maybe Maybe she would like it."),
            "Maybe she would like it."
        );
        assert_eq!(
            fix("Tourists Tourists flocked to the old town."),
            "Tourists flocked to the old town."
        );
        assert_eq!(
            fix("As a boy he had heard of the Princes Princes and Princesses of the court."),
            "As a boy he had heard of the Princes and Princesses of the court."
        );
        // Names (not common English words), quoted titles and title-case headers stay.
        for clean in [
            "Sirhan Sirhan was convicted in 1969.",
            "Chen Chen was born in Wuhan in 1990.",
            "Humbert Humbert is the narrator of the novel.",
            "The band played \"Sugar Sugar\" twice that night.",
            "Ticker Security Last Change Change %",
        ] {
            assert_eq!(fix(clean), clean);
        }
    }

    #[test]
    fn stuttered_pinyin_names_are_cut_and_reduplicated_given_names_kept() {
        assert_eq!(
            fix("She appreciated Wang Wang Qiyao's patience."),
            "She appreciated Wang Qiyao's patience."
        );
        assert_eq!(
            fix("He had Wang Qiyao Qiyao sit on a bed."),
            "He had Wang Qiyao sit on a bed."
        );
        for clean in [
            "The actress Fan Bing Bing did not attend.",
            "The pianist Lang Lang played in Berlin.",
            "Sirhan Sirhan Bishara was not his name.",
        ] {
            assert_eq!(fix(clean), clean);
        }
        assert_eq!(pinyin_syllable_count("Qiyao"), Some(2));
        assert_eq!(pinyin_syllable_count("Wang"), Some(1));
        assert_eq!(pinyin_syllable_count("Humbert"), None);
    }

    #[test]
    fn a_capitalised_second_copy_starts_a_new_item() {
        for clean in [
            "More: How to retire early Early retirement Retiring early",
            "Type your query here search Search",
        ] {
            assert_eq!(fix(clean), clean);
        }
    }

    #[test]
    fn relative_clause_exception_needs_its_shape() {
        for clean in [
            "Every man that offered offered an offering.",
            "What he did did matter to them.",
            "Whatever happens happens for a reason.",
            "He says the men who came came back later.",
        ] {
            assert_eq!(fix(clean), clean, "{clean}");
        }
        for (broken, repaired) in [
            ("What I mean mean is this.", "What I mean is this."),
            (
                "He smiled, revealing a set of white teeth that shimmered shimmered in the dark.",
                "He smiled, revealing a set of white teeth that shimmered in the dark.",
            ),
            (
                "This is true for the young, who cannot cannot yet tell truth from fiction.",
                "This is true for the young, who cannot yet tell truth from fiction.",
            ),
            (
                "Wasn't that sufficient sufficient reason to be pleased?",
                "Wasn't that sufficient reason to be pleased?",
            ),
            (
                "'Why not try try me?' he asked.",
                "'Why not try me?' he asked.",
            ),
        ] {
            assert_eq!(fix(broken), repaired);
        }
    }
}
