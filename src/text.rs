//! Character classes and small text helpers shared by every stage.
//!
//! Stages decide "is this Chinese context?" in many places; keeping the definition in one file means a
//! fix to it (say, a new CJK extension block) reaches all of them at once.

mod han;
pub use han::is_han;

/// Full-width CJK punctuation and brackets (the marks Chinese text uses between Han characters).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '…'
            | '—'
            | '～'
            | '·'
            | '・'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '（'
            | '）'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '［'
            | '］'
            | '｛'
            | '｝'
            | '〖'
            | '〗'
    )
}

/// A character that belongs to Chinese running text: Han or full-width CJK punctuation.
pub fn is_cjk_context(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Letters of the Latin script, including accented ones.
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0x00C0..=0x024F if c != '×' && c != '÷')
        || matches!(c as u32, 0x1E00..=0x1EFF)
}

/// Counts of the script classes of a string, used for language and script decisions.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScriptCounts {
    pub han: usize,
    pub latin: usize,
    pub digit: usize,
    pub other_letter: usize,
    pub punct_or_symbol: usize,
    pub space: usize,
}

impl ScriptCounts {
    pub fn of(text: &str) -> Self {
        let mut counts = ScriptCounts::default();
        for c in text.chars() {
            if is_han(c) {
                counts.han += 1;
            } else if is_latin_letter(c) {
                counts.latin += 1;
            } else if c.is_numeric() {
                counts.digit += 1;
            } else if c.is_whitespace() {
                counts.space += 1;
            } else if c.is_alphabetic() {
                counts.other_letter += 1;
            } else {
                counts.punct_or_symbol += 1;
            }
        }
        counts
    }

    /// Characters that are not white space.
    pub fn visible(&self) -> usize {
        self.han + self.latin + self.digit + self.other_letter + self.punct_or_symbol
    }
}

/// A line is blank when it holds nothing but white space (including NBSP and ideographic space).
pub fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}')
}

/// The languages the pipeline distinguishes. Anything that is neither Chinese nor English is `Other`: it is
/// cleaned like Latin-script text but never aligned.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
    Other,
}

impl Lang {
    /// The code used in file names, CSV columns and the CLI (`zh`, `en`, `other`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }

    /// Parse a language code; regional suffixes (`zh-Hans`, `en-GB`) are accepted.
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code
            .split(['-', '_'])
            .next()
            .unwrap_or(code)
            .to_ascii_lowercase();
        match base.as_str() {
            "zh" | "cmn" | "chi" | "zho" => Some(Lang::Zh),
            "en" | "eng" => Some(Lang::En),
            "" => None,
            _ => Some(Lang::Other),
        }
    }
}

/// `text` without the byte ranges `cuts` (in order, not overlapping), and the pieces cut out. A range that
/// is out of order or off a character boundary is skipped, so the text is never torn.
pub fn cut_ranges(text: &str, cuts: &[std::ops::Range<usize>]) -> (String, Vec<String>) {
    let mut kept = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let mut last = 0;
    for range in cuts {
        if let (Some(before), Some(cut)) = (text.get(last..range.start), text.get(range.clone())) {
            kept.push_str(before);
            removed.push(cut.to_string());
            last = range.end;
        }
    }
    kept.push_str(text.get(last..).unwrap_or(""));
    (kept, removed)
}

/// The lines of a text: split on LF, a CR before the LF dropped, and a final newline ending the last line
/// rather than starting an empty one. An empty text has no lines.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    (!text.is_empty())
        .then(|| body.split('\n'))
        .into_iter()
        .flatten()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
}

/// Cut `text` to at most `max_chars` characters on a character boundary.
pub fn truncate_chars(text: &str, max_chars: usize) -> &str {
    match text.char_indices().nth(max_chars) {
        Some((byte, _)) => &text[..byte],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_punct_classes() {
        assert!(is_han('数'));
        assert!(is_han('數'));
        assert!(!is_han('a'));
        assert!(is_cjk_punct('，'));
        assert!(!is_cjk_punct(','));
        assert!(is_latin_letter('é'));
        assert!(!is_latin_letter('×'));
    }

    #[test]
    fn cut_ranges_keeps_the_rest_and_returns_the_cuts() {
        let text = "一句。二句。三句。";
        let (kept, cuts) = cut_ranges(text, &[0..9, 18..27]);
        assert_eq!(kept, "二句。");
        assert_eq!(cuts, vec!["一句。".to_string(), "三句。".to_string()]);
        // Off a character boundary: skipped, never torn.
        let torn = std::ops::Range { start: 1, end: 9 };
        let (kept, cuts) = cut_ranges(text, std::slice::from_ref(&torn));
        assert_eq!(kept, text);
        assert!(cuts.is_empty());
    }

    #[test]
    fn counts_and_truncation() {
        let c = ScriptCounts::of("中文 abc 12。");
        assert_eq!(
            (c.han, c.latin, c.digit, c.space, c.punct_or_symbol),
            (2, 3, 2, 2, 1)
        );
        assert_eq!(truncate_chars("数字领域", 2), "数字");
        assert!(is_blank(" \u{3000}\t"));
        assert_eq!(
            split_lines("a\r\n\nb\n").collect::<Vec<_>>(),
            vec!["a", "", "b"]
        );
        assert_eq!(split_lines("a\nb").collect::<Vec<_>>(), vec!["a", "b"]);
        assert_eq!(split_lines("").count(), 0);
        assert_eq!(split_lines("\n").collect::<Vec<_>>(), vec![""]);
    }
}
