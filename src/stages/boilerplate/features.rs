//! Line features: the working state of one line while the rules run (`Line`), and what is measured on a
//! line once and read by every later rule: its size in units, whether it ends like a sentence or trails
//! off, its label stripped of decoration, and the page's stop-word list and body paragraphs.
//!
//! Imports the shared types of `classifier.rs` and the bottom layers (`crate::text`,
//! `crate::stages::spam`, `crate::stages::stopwords`), nothing from the other boilerplate files.

use super::classifier::LineClass;
use super::patterns::{NAV_PREFIXES, PAGER_LABELS, RE_ENUM_HEADING};
use crate::stages::spam;
use crate::stages::stopwords::StopList;
use crate::text::is_han;

/// Size of a line in "units": each Han/kana character is one unit, each word of other scripts is one.
pub(super) fn units(line: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in line.chars() {
        if is_han(c) || matches!(c as u32, 0x3040..=0x30FF) {
            n += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                n += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    n
}

/// True when the line ends like a sentence: a final mark, possibly followed by closing quotes, or by a
/// trailing parenthesis that itself follows a final mark (`…的城！（评论员 张三）`).
pub(super) fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    let last = t.chars().rev().find(|c| !spam::is_closer(*c));
    if last.is_some_and(spam::is_terminal) {
        return true;
    }
    if t.ends_with(')') || t.ends_with('）') {
        if let Some(open) = t.rfind(['(', '（']) {
            let before = t.get(..open).unwrap_or("").trim_end();
            return before
                .chars()
                .rev()
                .find(|c| !spam::is_closer(*c))
                .is_some_and(spam::is_terminal);
        }
    }
    false
}

/// True when the line stops inside a sentence, at clause punctuation (`,` `，` `;` `；` `、`, or `:` `：`
/// after at least four units): text broken into lines (a verse, a line of dialogue, a list of clauses),
/// not chrome. Menus, labels and buttons end in a word; a short label ending in a colon (`Share:`) does
/// not count.
pub(super) fn continues_clause(line: &str) -> bool {
    let t = line.trim_end();
    match t.chars().next_back() {
        Some(',' | '，' | ';' | '；' | '、') => units(t) >= 2,
        Some(':' | '：') => units(t) >= 4,
        _ => false,
    }
}

/// A line that reads as part of running text: it ends like a sentence or inside one.
pub(super) fn reads_as_text(line: &str) -> bool {
    ends_sentence(line) || continues_clause(line)
}

/// A line that ends in an ellipsis (`..`, `…`, `...`): a headline or teaser cut off by the page, not a
/// finished paragraph. Its length is not checked here: `is_body` (`line_rules.rs`) still takes a line
/// of at least `body_long_units` units for a body paragraph, ellipsis or not (a paragraph of dialogue
/// may trail off).
pub(super) fn cut_off(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with("..") || t.ends_with('…') || t.ends_with('⋯')
}

/// Strip decoration around a short label line: bullets, brackets, arrows, trailing colons.
pub(super) fn label(line: &str) -> String {
    let trim: &[char] = &[
        '【', '】', '[', ']', '<', '>', '«', '»', '›', '‹', '|', '｜', ':', '：', '•', '·', '·',
        '-', '–', '—', '»', '→', '←', '↑', '^', '*', '(', ')', '（', '）', '>', '#', '!', '.', '…',
    ];
    line.trim()
        .trim_matches(|c: char| trim.contains(&c) || c.is_whitespace())
        .to_lowercase()
}

/// A line with no letters or digits at all (`*** *** ***`, a lone `>`, `|`).
pub(super) fn is_separator_line(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric)
}

/// Per-line working state while classifying.
pub(super) struct Line<'a> {
    pub(super) raw: &'a str,
    /// The text after trimming cut spans (what the later rules look at).
    pub(super) text: String,
    pub(super) trimmed: bool,
    pub(super) class: LineClass,
    pub(super) spans: Vec<(String, &'static str)>,
    pub(super) meta: Vec<(&'static str, String)>,
    pub(super) units: usize,
    pub(super) body: bool,
    pub(super) key: u64,
    /// A forum post body: kept whatever the neighbourhood and region rules would say.
    pub(super) protected: bool,
    /// A teaser only because the page prints the same line again (ellipsis included): in a forum
    /// post, a reply that trails off, not a cut-off quote of another post.
    pub(super) teaser_of_copy: bool,
}

/// The text of the first 200 body paragraphs: enough to tell the page's language.
pub(super) fn body_sample(lines: &[Line]) -> String {
    lines
        .iter()
        .filter(|l| l.body)
        .map(|l| l.text.as_str())
        .take(200)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Chinese prose punctuated by spaces instead of commas and full stops, common on personal blogs
/// (`一波波 接續性 低溫寒流報到 已將山巒披上嫣紅的彩衣`): its lines never end like sentences, so one
/// alone cannot be told from a headline. A run of at least three such lines, most of them split by
/// spaces between Han characters and, together, as rich in function words as prose, is body text. A
/// list of headlines is rarely split by spaces and poorer in function words.
pub(super) fn space_punctuated_prose(lines: &mut [Line], stop: StopList) {
    const MIN_RUN: usize = 3;
    const MIN_LINE_UNITS: usize = 15;
    let candidate = |l: &Line| {
        l.class == LineClass::Content
            && !l.body
            && l.units >= MIN_LINE_UNITS
            && !cut_off(&l.text)
            && !l.text.contains(['|', '｜'])
            && l.text.chars().filter(|c| is_han(*c)).count() * 10 >= l.units * 7
    };
    // A space after a Han character or a closing quote, before a Han character.
    let han_space_han = |t: &str| {
        t.chars()
            .zip(t.chars().skip(1))
            .zip(t.chars().skip(2))
            .any(|((a, b), c)| {
                (is_han(a) || matches!(a, '"' | '”' | '」')) && b == ' ' && is_han(c)
            })
    };
    let mut i = 0;
    while i < lines.len() {
        let end = (i..lines.len())
            .find(|&j| !candidate(&lines[j]))
            .unwrap_or(lines.len());
        let run = &lines[i..end];
        if run.len() >= MIN_RUN {
            let spaced = run.iter().filter(|l| han_space_han(&l.text)).count();
            let text: String = run.iter().map(|l| l.text.as_str()).collect();
            if spaced * 2 >= run.len() && stop.density(&text) >= stop.prose_density() {
                for l in &mut lines[i..end] {
                    l.body = true;
                }
            }
        }
        i = end.max(i + 1);
    }
}

/// The stop-word list of the page's language, judged on its body paragraphs.
pub(super) fn page_stop_list(lines: &[Line]) -> StopList {
    StopList::for_text(&body_sample(lines))
}

/// The list marker a line starts with: a bullet or dash character, or `Some('#')` for an enumeration
/// (`1.`, `2、`, `(3)`).
pub(super) fn list_marker(text: &str) -> Option<char> {
    let t = text.trim_start();
    let first = t.chars().next()?;
    if matches!(
        first,
        '-' | '•' | '●' | '▪' | '◆' | '■' | '*' | '·' | '○' | '□' | '◇' | '★' | '☆'
    ) {
        return Some(first);
    }
    RE_ENUM_HEADING.is_match(t).then_some('#')
}

/// A `key: value` line with a short key (1 to 6 units) and a value, at most 40 units, not closed like a
/// sentence, perhaps as a list item: a specification or form field (`净重：约2.6kg`, `Material: oak`).
pub(super) fn is_field(text: &str) -> bool {
    let item = text.trim_start();
    let item = match list_marker(item) {
        Some(m) if m != '#' => item.trim_start_matches(m).trim_start(),
        _ => item,
    };
    let Some(colon) = item.find([':', '：']) else {
        return false;
    };
    let key = item.get(..colon).unwrap_or("");
    let value = item.get(colon..).unwrap_or("");
    // `上一篇：…` and `Previous Post: …` have the shape, but they are the site's links to other pages.
    let key_label = label(key);
    let link_label = NAV_PREFIXES
        .iter()
        .chain(PAGER_LABELS)
        .any(|p| key_label.starts_with(p.trim_end_matches(':')));
    units(text) <= 40
        && (1..=6).contains(&units(key))
        && units(value) >= 1
        && !ends_sentence(text)
        && !link_label
}
