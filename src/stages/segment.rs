//! Sentence segmentation for Chinese, English and other Latin-script text.
//!
//! [`split_sentences`] returns the byte ranges of the sentences of a text, trimmed of surrounding white
//! space, so that every non-white-space character is in exactly one range.
//!
//! Rules, decided per terminator from the characters around it (so mixed zh/en lines work):
//! - Chinese context: a sentence ends after `。！？；…` (a run of them, e.g. `！？` or `……`), after `!?;.`
//!   between Han characters, and the closing quotes/brackets that follow (`”’」』）》`) stay with it.
//!   No split when the next mark is a comma-like mark (`“好！”，他说`), since the clause goes on.
//! - Latin context: `.!?` (or an ellipsis), optional closing quotes/brackets, white space, then an
//!   upper-case letter, an opening quote/bracket, a digit or a Han character. A `.` is not a stop after
//!   titles (`Mr.`, `Dr.`, `Prof.`…), `e.g.`/`i.e.`/`vs.`, number labels before digits (`No. 10`,
//!   `Jan. 5`, `Fig. 3`), and — for German/French text — a one- or two-digit ordinal (`am 1. Januar`).
//!   A unit symbol after a number (`8481 m.`) takes no abbreviation dot, so its dot is a stop.
//!   Guillemets close a quotation as French and German print them: `fin. » Puis`, `»Komm.« Dann`.
//!   Abbreviations that also end sentences (`etc.`, `Inc.`, `U.S.`, initials as in `J. K. Rowling`) are a
//!   stop only when the next word is a common sentence opener (`The`, `It`, `But`…).
//! - A line feed always ends a sentence: the pipeline keeps one paragraph per line.
//!
//! What it never does: change the text, or return a range that splits a character.
//! Limits: abbreviations outside the lists, headings without a stop, and tokenised text (`word .`) are
//! handled only approximately; a colon never ends a sentence. Linear time: every look-back and
//! look-ahead is bounded.

use crate::text::{is_cjk_context, is_han, Lang};
use std::ops::Range;

/// Marks that end a sentence in Chinese typography.
fn is_zh_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…' | '‥' | '｡')
}

/// Marks that can end a sentence in either script (decided by context).
fn is_terminator(c: char) -> bool {
    is_zh_terminator(c) || matches!(c, '.' | '!' | '?' | ';' | '．')
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | '》' | '〉' | '】' | '〕' | ')' | ']' | '»' | '﹂' | '﹄'
    )
}

/// Characters that may open an English sentence besides an upper-case letter.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '('
            | '['
            | '«'
            | '»'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '《'
            | '（'
    ) || c.is_ascii_digit()
        || c.is_uppercase()
        || is_han(c)
}

/// Marks after which a Chinese clause continues even though a terminator came before.
fn continues_clause(c: char) -> bool {
    matches!(c, '，' | '、' | '：' | ',' | ':' | '；' | ';')
}

/// Titles and fixed abbreviations that never end a sentence.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "sgt", "rev", "hon", "gov", "sen",
    "rep", "messrs", "mme", "mlle", "mt", "ft", "vs", "cf", "viz", "approx", "ca", "al", "eg",
    "ie", "e.g", "i.e", "z.b", "d.h", "u.a", "usw", "bzw", "vgl", "ggf", "evtl", "resp", "env",
    "hr", "mm",
];

/// Labels that precede a number (`No. 10`): not a stop when a digit follows.
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "nr", "art", "vol", "p", "pp", "fig", "figs", "ch", "sec", "tel", "ext", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "op", "para",
    "fr",
];

/// Unit symbols (case-sensitive) that follow a number and never take an abbreviation dot.
const UNIT_SYMBOLS: &[&str] = &[
    "m", "km", "cm", "mm", "kg", "g", "mg", "ft", "mi", "ha", "t", "l", "ml", "kW", "MW", "GW",
];

/// Whether a number and one space come right before position `word_start`.
fn number_before(chars: &[(usize, char)], word_start: usize) -> bool {
    word_start >= 2
        && chars
            .get(word_start - 1)
            .is_some_and(|&(_, c)| c == ' ' || c == '\u{a0}')
        && chars
            .get(word_start - 2)
            .is_some_and(|&(_, c)| c.is_ascii_digit())
}

/// Words that commonly open a sentence; they make an ambiguous abbreviation a stop.
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "it", "this", "that", "these", "those", "he", "she", "we", "they", "i",
    "you", "in", "on", "at", "but", "and", "however", "there", "his", "her", "its", "our", "their",
    "if", "when", "as", "after", "for", "so", "yet", "what", "why", "how", "who", "some", "many",
    "most", "all", "my", "der", "die", "das", "es", "er", "sie", "wir", "ich", "le", "la", "les",
    "il", "elle", "nous", "on", "un", "une", "ce", "cette", "mais", "et",
];

/// Split `text` into sentences; see the module documentation for the rules.
pub fn split_sentences(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut ends: Vec<usize> = Vec::new(); // byte offsets where a sentence ends
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' {
            ends.push(pos);
            i += 1;
            continue;
        }
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        // The run of terminators ("?!", "……", "...") and then the closers that belong to it.
        let mut j = i;
        while j < chars.len() && is_terminator(chars[j].1) {
            j += 1;
        }
        let run_end = j;
        while j < chars.len() && (is_closer(chars[j].1) || is_straight_closing_quote(&chars, j)) {
            j += 1;
        }
        j += guillemet_closer_len(&chars, run_end, j);
        let end_byte = chars.get(j).map_or(text.len(), |&(b, _)| b);
        if is_boundary(&chars, i, run_end, j, lang) {
            ends.push(end_byte);
        }
        i = j.max(i + 1);
    }
    ranges_from_ends(text, &ends)
}

/// A straight quote right after a stop closes the quotation when no letter or digit follows it.
fn is_straight_closing_quote(chars: &[(usize, char)], j: usize) -> bool {
    matches!(chars.get(j), Some(&(_, '"' | '\'')))
        && !chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
}

/// Length of a guillemet that closes the quotation ended by the stop at `run_end`, when the closers
/// collected so far end at `j`: French sets `»` off with a space (`fin. » Puis`), German closes with `«`
/// right after the stop (`»Komm.« Dann`). A `»` followed by a letter opens a German quotation instead.
fn guillemet_closer_len(chars: &[(usize, char)], run_end: usize, j: usize) -> usize {
    if j == run_end && matches!(chars.get(j), Some(&(_, '«'))) {
        return 1;
    }
    let spaced = matches!(chars.get(j), Some(&(_, ' ' | '\u{a0}' | '\u{202f}')));
    let closes = matches!(chars.get(j + 1), Some(&(_, '»')))
        && chars.get(j + 2).is_none_or(|&(_, c)| c.is_whitespace());
    if spaced && closes {
        2
    } else {
        0
    }
}

/// Whether the terminator run `chars[start..run_end]`, followed by closers up to `after`, ends a sentence.
fn is_boundary(
    chars: &[(usize, char)],
    start: usize,
    run_end: usize,
    after: usize,
    lang: Lang,
) -> bool {
    let prev = start
        .checked_sub(1)
        .and_then(|k| chars.get(k))
        .map(|&(_, c)| c);
    let next_visible = chars[after..]
        .iter()
        .take(64)
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace() || *c == '\n');
    let Some(next) = next_visible else {
        return true; // end of text
    };
    if next == '\n' {
        return true; // the line feed itself ends the sentence
    }
    let run = &chars[start..run_end];
    let has_zh_mark = run
        .iter()
        .any(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '｡'));
    let ellipsis = run
        .iter()
        .all(|&(_, c)| matches!(c, '…' | '‥' | '.' | '．'))
        && (run.len() >= 2 || run.iter().any(|&(_, c)| c != '.'));
    if ellipsis && after == run_end && is_hesitation(chars, start, run_end) {
        return false;
    }
    let zh_context = has_zh_mark
        || prev.is_some_and(|p| is_cjk_context(p) && p != '…')
            && (is_cjk_context(next) || !run.iter().all(|&(_, c)| c == '.'));
    if zh_context {
        // "我…… 我……": a spaced ellipsis inside Chinese is a pause in speech, not a full stop.
        if ellipsis && after == run_end && chars.get(after).is_some_and(|&(_, c)| c.is_whitespace())
        {
            return false;
        }
        return !continues_clause(next) && !is_closer(next);
    }
    // Latin context: white space must follow, then something that can open a sentence.
    let spaced = chars.get(after).is_some_and(|&(_, c)| c.is_whitespace());
    if !spaced || !is_opener(next) {
        return false;
    }
    let all_dots = run.iter().all(|&(_, c)| c == '.' || c == '．');
    if !(all_dots && run.len() == 1) {
        // "!", "?", "?!", "..." and "…" followed by an opener: a stop.
        return !run.iter().all(|&(_, c)| c == ';');
    }
    let word = word_before(chars, start);
    let next_word = word_after(chars, after);
    let opener = SENTENCE_OPENERS.contains(&next_word.to_lowercase().as_str());
    if word.is_empty() {
        // "3.5 percent." or "end)." — digits: ordinals in German/French ("am 1. Januar").
        let digits = chars[..start]
            .iter()
            .rev()
            .take_while(|&&(_, c)| c.is_ascii_digit())
            .count();
        if digits > 0 && digits <= 2 {
            // "… Gipfel. 4. Die Expedition": a number that itself opens a sentence is a list label.
            let before_number = chars[..start - digits]
                .iter()
                .rev()
                .map(|&(_, c)| c)
                .find(|c| !c.is_whitespace());
            if before_number.is_none_or(|c| is_terminator(c) || is_closer(c)) {
                return false;
            }
            if lang == Lang::Other {
                return opener;
            }
        }
        return true;
    }
    let lower = word.to_lowercase();
    // "… ist 8481 m. Am Gipfel": a unit symbol after a number takes no abbreviation dot, so the dot is
    // the sentence's stop.
    if UNIT_SYMBOLS.contains(&word.as_str()) && number_before(chars, start - word.chars().count()) {
        return true;
    }
    if NEVER_FINAL.contains(&lower.as_str()) {
        return false;
    }
    if BEFORE_NUMBER.contains(&lower.as_str()) && next.is_ascii_digit() {
        return false;
    }
    let single_letter = word.chars().count() == 1;
    let dotted = word.contains('.');
    let ambiguous = single_letter
        || dotted
        || matches!(
            lower.as_str(),
            "etc"
                | "inc"
                | "ltd"
                | "co"
                | "corp"
                | "bros"
                | "st"
                | "ave"
                | "rd"
                | "blvd"
                | "jr"
                | "sr"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "dept"
                | "univ"
                | "est"
        );
    if ambiguous {
        return opener;
    }
    true
}

/// An ellipsis between a word and its repetition ("I... I can't", "服……服了") marks a stammer.
fn is_hesitation(chars: &[(usize, char)], start: usize, run_end: usize) -> bool {
    let after: Vec<char> = chars[run_end..]
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|c| c.is_whitespace())
        .take(16)
        .collect();
    let Some(&first_after) = after.first() else {
        return false;
    };
    if is_han(first_after) {
        return start > 0 && chars[start - 1].1 == first_after;
    }
    let before = word_before(chars, start);
    let next: String = after.iter().take_while(|c| c.is_alphabetic()).collect();
    !before.is_empty() && before.to_lowercase() == next.to_lowercase()
}

/// The letters (and inner dots, for `U.S` / `e.g`) right before position `end`, at most 16 chars.
fn word_before(chars: &[(usize, char)], end: usize) -> String {
    let mut k = end;
    let mut out: Vec<char> = Vec::new();
    while k > 0 && out.len() < 16 {
        let c = chars[k - 1].1;
        if c.is_alphabetic() || (c == '.' && !out.is_empty()) {
            out.push(c);
            k -= 1;
        } else {
            break;
        }
    }
    if out.len() >= 16 {
        return String::from("~long~");
    }
    // A leading dot (".U.S") is not part of the word.
    while out.last() == Some(&'.') {
        out.pop();
    }
    out.iter().rev().collect()
}

/// The first word after position `start` (skipping white space and opening quotes), at most 16 chars.
fn word_after(chars: &[(usize, char)], start: usize) -> String {
    chars[start..]
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '‘' | '('))
        .take_while(|c| c.is_alphabetic())
        .take(16)
        .collect()
}

/// Turn sentence end offsets into trimmed, non-empty ranges covering the whole text.
fn ranges_from_ends(text: &str, ends: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for &end in ends.iter().chain(std::iter::once(&text.len())) {
        if end < start {
            continue;
        }
        if let Some(piece) = text.get(start..end) {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                out.push(start + lead..start + lead + trimmed.len());
            }
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        split_sentences(text, lang)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn chinese_sentences_keep_closing_quotes() {
        assert_eq!(
            split("他说：“我们走吧。”她没有回答！真的吗？好；……然后", Lang::Zh),
            vec![
                "他说：“我们走吧。”",
                "她没有回答！",
                "真的吗？",
                "好；……",
                "然后"
            ]
        );
        assert_eq!(split("“好！”，他说。", Lang::Zh), vec!["“好！”，他说。"]);
        assert_eq!(
            split("等等……他来了。", Lang::Zh),
            vec!["等等……", "他来了。"]
        );
        assert_eq!(split("真的?我不信!", Lang::Zh), vec!["真的?", "我不信!"]);
        assert_eq!(
            split("（见下文。）接着", Lang::Zh),
            vec!["（见下文。）", "接着"]
        );
    }

    #[test]
    fn english_abbreviations_and_numbers() {
        let t = "Mr. Smith met Dr. Jones at No. 10 Downing St. at 3.14 p.m. today. It rained.";
        assert_eq!(
            split(t, Lang::En),
            vec![
                "Mr. Smith met Dr. Jones at No. 10 Downing St. at 3.14 p.m. today.",
                "It rained."
            ]
        );
        assert_eq!(
            split(
                "J. K. Rowling wrote it. The U.S. Army came. I saw the U.S. The end.",
                Lang::En
            ),
            vec![
                "J. K. Rowling wrote it.",
                "The U.S. Army came.",
                "I saw the U.S.",
                "The end."
            ]
        );
        assert_eq!(
            split(
                "Tools, e.g. hammers, etc. And more. Wait... Really? \"Yes.\" She left.",
                Lang::En
            ),
            vec![
                "Tools, e.g. hammers, etc.",
                "And more.",
                "Wait...",
                "Really?",
                "\"Yes.\"",
                "She left."
            ]
        );
        assert_eq!(
            split("It was 1999. 2000 came.", Lang::En),
            vec!["It was 1999.", "2000 came."]
        );
        assert_eq!(
            split("see www.example.com now", Lang::En),
            vec!["see www.example.com now"]
        );
        assert_eq!(split("one. two.", Lang::En), vec!["one. two."]);
        assert_eq!(
            split(
                "The peak is 8481 m. Am Gipfel war es kalt. It is 5 ft. tall.",
                Lang::Other
            ),
            vec![
                "The peak is 8481 m.",
                "Am Gipfel war es kalt.",
                "It is 5 ft. tall."
            ]
        );
    }

    #[test]
    fn guillemets_stay_with_their_sentence() {
        assert_eq!(
            split("Il dit : « C'est fini. » Puis il partit.", Lang::Other),
            vec!["Il dit : « C'est fini. »", "Puis il partit."]
        );
        assert_eq!(
            split(
                "Er rief: »Komm.« Dann ging er. »Warum?« fragte sie.",
                Lang::Other
            ),
            vec!["Er rief: »Komm.«", "Dann ging er.", "»Warum?« fragte sie."]
        );
        // A `»` that opens a German quotation stays with the next sentence.
        assert_eq!(
            split("Er ging. »Komm!« Sie kam.", Lang::Other),
            vec!["Er ging.", "»Komm!«", "Sie kam."]
        );
    }

    #[test]
    fn german_ordinals_and_mixed_lines() {
        assert_eq!(
            split(
                "Am 1. Januar kam er. Die Stadt schlief. 2. Die Folgen.",
                Lang::Other
            ),
            vec![
                "Am 1. Januar kam er.",
                "Die Stadt schlief.",
                "2. Die Folgen."
            ]
        );
        assert_eq!(
            split("Hello there. 你好。再见", Lang::En),
            vec!["Hello there.", "你好。", "再见"]
        );
        assert_eq!(
            split("line one\nline two", Lang::En),
            vec!["line one", "line two"]
        );
        assert!(split_sentences("  \n ", Lang::En).is_empty());
    }

    fn check_cover(text: &str, ranges: &[Range<usize>]) -> Result<(), TestCaseError> {
        let mut last = 0;
        let mut covered = 0;
        for r in ranges {
            prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let s = &text[r.clone()];
            prop_assert_eq!(s, s.trim());
            covered += s.chars().filter(|c| !c.is_whitespace()).count();
            last = r.end;
        }
        prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
        Ok(())
    }

    proptest! {
        #[test]
        fn ranges_cover_every_visible_char(
            text in "[a-zA-Z0-9 .!?;:,\"'“”（）()。！？；…，中文他说\n\u{3000}]{0,80}",
            lang in prop_oneof![Just(Lang::Zh), Just(Lang::En), Just(Lang::Other)],
        ) {
            let ranges = split_sentences(&text, lang);
            check_cover(&text, &ranges)?;
        }

        #[test]
        fn arbitrary_unicode_never_panics(text in "\\PC{0,60}") {
            let ranges = split_sentences(&text, Lang::En);
            check_cover(&text, &ranges)?;
        }
    }
}
