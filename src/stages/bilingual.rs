//! What a page that carries both Chinese and English looks like, line by line: which lines hold one language,
//! which hold both as a pair (`## 中文标题 English Title`, `人工智能 artificial intelligence`,
//! `| 中文 | English |`, `术语 Terms：细颗粒物 fine particulate matter；臭氧 ozone`), and which lines take part in
//! the page's bilingual structure: runs of one language next to runs of the other of a comparable length
//! (paragraphs alternating with their translation, or a whole block followed by its translated block).
//!
//! The boilerplate stage keeps the lines that take part, whatever its positional rules would say (a page
//! of a dozen translated items is not one article with chrome around it); the corpus pass aligns the page
//! with itself from the units built here. Nothing here decides that two texts translate each other: that is
//! the aligner's evidence. A line split into a wrong pair (`Philippe Coutinho 名列转会名单`) only stays
//! content, and its pair is dropped for want of evidence.
//!
//! Imports only the bottom layer (`crate::text`) and language identification.

use crate::stages::langid::detect_lang;
use crate::text::{is_cjk_punct, is_han, Lang};

/// The two halves of a line that holds a Chinese text and its English translation, cleaned of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MixedPair {
    pub zh: String,
    pub en: String,
    /// The line is a heading (`## 中文标题 English Title`), not an entry of a glossary or a table.
    pub heading: bool,
}

/// How one line of a page reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Zh,
    En,
    /// Both languages, side by side: one pair or several.
    Mixed(Vec<MixedPair>),
    /// Neither (numbers, symbols, another language).
    Other,
}

/// Classify one line.
pub fn line_kind(text: &str) -> LineKind {
    // A bare link is neither language, whatever letters its address has.
    let t = text.trim();
    if !t.contains(' ') && (t.contains("://") || t.starts_with("www.")) {
        return LineKind::Other;
    }
    let pairs = split_mixed(text);
    if !pairs.is_empty() {
        return LineKind::Mixed(pairs);
    }
    match detect_lang(text) {
        Lang::Zh => LineKind::Zh,
        Lang::En => LineKind::En,
        Lang::Other => LineKind::Other,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Han,
    Latin,
    Neutral,
}

/// Characters that separate the halves of a pair or two pairs on one line.
fn is_pair_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '｜' | '\t' | '；' | ';' | '/' | '：' | ':' | '=' | '→' | '—' | '–' | '·'
    )
}

/// Split a line into its Chinese/English pairs; empty when the line is not one text beside its translation.
///
/// The line is cut into chunks at pair separators (`|`, tab, `；`, `/`, `：`, dashes) and at runs of two or
/// more spaces; words (separated by spaces) are Han when they hold a Han character (so `pH值`, `使用Python`
/// are Chinese words), Latin when they hold Latin letters. A chunk may hold one script, or one Han run and
/// one Latin run; a chunk with more runs (`使用 Python 进行分析`, `Beijing 北京 is the capital`) is a
/// sentence quoting the other language, and then the line is not a pair line at all. Adjacent Han and
/// Latin runs then pair up, left to right.
pub fn split_mixed(text: &str) -> Vec<MixedPair> {
    let heading = text.trim_start().starts_with('#');
    let visible = unlink(text);
    let mut segments: Vec<(Script, String)> = Vec::new();
    for chunk in chunks(&visible) {
        let runs = runs(chunk);
        if runs.len() > 2 {
            return Vec::new();
        }
        segments.extend(runs);
    }
    let mut pairs = Vec::new();
    let mut i = 0;
    while i + 1 < segments.len() {
        let (a, b) = (&segments[i], &segments[i + 1]);
        let pair = match (a.0, b.0) {
            (Script::Han, Script::Latin) => Some((&a.1, &b.1)),
            (Script::Latin, Script::Han) => Some((&b.1, &a.1)),
            _ => None,
        };
        match pair {
            Some((zh, en)) => {
                let (zh, en) = (clean_half(zh), clean_half(en));
                if zh.chars().any(is_han) && has_word(&en) {
                    pairs.push(MixedPair { zh, en, heading });
                }
                i += 2;
            }
            None => i += 1,
        }
    }
    pairs
}

/// Whether a Latin half holds a word (two letters or more, one of them lower case): a model number (`HX-300`)
/// or an acronym alone beside Chinese text is part of the Chinese, not its translation.
fn has_word(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_lowercase()))
}

/// The text with Markdown link targets and HTML tags blanked out (`[文字 Text](#item1)` reads `文字 Text`).
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_tag = false;
    while let Some(c) = chars.next() {
        if in_tag {
            if c == '>' {
                in_tag = false;
            }
            out.push(' ');
            continue;
        }
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/') =>
            {
                in_tag = true;
                out.push(' ');
            }
            ']' if chars.peek() == Some(&'(') => {
                out.push(' ');
                for inner in chars.by_ref() {
                    if inner == ')' {
                        break;
                    }
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Chunks of a line between pair separators and wide gaps.
fn chunks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_space = false;
    for (i, c) in text.char_indices() {
        let wide_gap = c == ' ' && prev_space || c == '\u{3000}';
        if is_pair_separator(c) || wide_gap {
            if let Some(chunk) = text.get(start..i) {
                out.push(chunk);
            }
            start = i + c.len_utf8();
        }
        prev_space = c == ' ';
    }
    if let Some(rest) = text.get(start..) {
        out.push(rest);
    }
    out
}

/// The script runs of a chunk: consecutive words of one script (words without letters join either side).
/// A word that glues a Latin word to a bracketed Chinese gloss (`tariff（10%的基础关税）`) is two words.
fn runs(chunk: &str) -> Vec<(Script, String)> {
    let mut out: Vec<(Script, String)> = Vec::new();
    for word in chunk.split_whitespace().flat_map(split_at_brackets) {
        let script = if word.chars().any(is_han) {
            Script::Han
        } else if word.chars().any(|c| c.is_ascii_alphabetic()) {
            Script::Latin
        } else {
            Script::Neutral
        };
        match out.last_mut() {
            Some(last) if last.0 == script || script == Script::Neutral => {
                last.1.push(' ');
                last.1.push_str(word);
            }
            Some(last) if last.0 == Script::Neutral => {
                last.0 = script;
                last.1.push(' ');
                last.1.push_str(word);
            }
            _ => out.push((script, word.to_string())),
        }
    }
    out.retain(|r| r.0 != Script::Neutral);
    out
}

/// A word cut before an opening bracket and after a closing one, where a script changes across it.
fn split_at_brackets(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        let cut = match prev {
            Some(p) => {
                (matches!(c, '（' | '(') && !is_han(p)) || (matches!(p, '）' | ')') && !is_han(c))
            }
            None => false,
        };
        if cut && i > start {
            parts.push(&word[start..i]);
            start = i;
        }
        prev = Some(c);
    }
    parts.push(&word[start..]);
    parts
}

/// A half of a pair without list, heading and emphasis marks around it, and Chinese halves without the
/// spaces that only separated Latin words from them.
fn clean_half(text: &str) -> String {
    let mut t = strip_markup(text);
    let enclosed = [('（', '）'), ('(', ')')]
        .iter()
        .any(|&(o, c)| t.starts_with(o) && t.ends_with(c) && t.matches(o).count() == 1);
    if enclosed {
        let inner: String = t.chars().skip(1).collect();
        t = inner
            .chars()
            .take(inner.chars().count().saturating_sub(1))
            .collect();
    }
    if t.chars().any(is_han) {
        t.trim().to_string()
    } else {
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Markdown and list decoration removed from a unit of text: a leading heading, quote or list mark
/// (`##`, `>`, `-`, `*`, `1.`), emphasis and code marks, HTML tags, link targets and the brackets
/// around a link text.
pub fn strip_markup(text: &str) -> String {
    let no_marks: String = unlink(text)
        .chars()
        .filter(|c| !matches!(c, '*' | '`' | '[' | ']' | '_'))
        .collect();
    let mut t = no_marks.trim();
    loop {
        let before = t;
        t = t
            .trim_start_matches(['#', '>', '-', '+', '•', '●', '▪'])
            .trim_start();
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && digits <= 3 {
            let rest = t.get(digits..).unwrap_or("");
            if let Some(after) = rest.strip_prefix(['.', ')', '、']) {
                if after.starts_with(' ') || after.chars().next().is_some_and(is_han) {
                    t = after.trim_start();
                }
            }
        }
        if t == before {
            break;
        }
    }
    let t = t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | '｜' | ':' | '：' | '/' | '-' | '—' | '·')
    });
    collapse_spaces(t)
}

/// Runs of white space as one space, and none between two Han characters (blanked tags and emphasis marks
/// leave gaps inside Chinese text).
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space && !(is_han(c) && out.chars().last().is_some_and(is_han)) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// The weight of a line's text in English characters: a Han character counts as much text as
/// [`HAN_TEXT`] Latin characters.
fn text_mass(text: &str) -> f64 {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_han(c) { HAN_TEXT } else { 1.0 })
        .sum()
}

/// English characters per Han character of the same text (about 2.5 in news, more in literature).
const HAN_TEXT: f64 = 2.5;

/// Two adjacent runs of different languages are translations of each other's length when their masses
/// are within this factor.
const RUN_RATIO: f64 = 2.5;

/// A page is bilingual when its structure pairs at least this many texts, labels or mixed lines...
const MIN_PAIRED_UNITS: usize = 3;
/// ...holding at least this much text (in English characters) in each language...
const MIN_PAIRED_MASS: f64 = 60.0;
/// ...and at least this share of the text of its Chinese and English lines.
const MIN_PAIRED_SHARE: f64 = 0.4;

/// Whether a line reads as running text rather than a label: a Chinese line with a sentence mark or eight
/// Han characters, an English one with four words, or two closed by a sentence mark.
fn text_like(text: &str, lang: Lang) -> bool {
    let marks = |set: &[char]| text.chars().any(|c| set.contains(&c));
    match lang {
        Lang::Zh => text.chars().filter(|&c| is_han(c)).count() >= 8 || marks(&['。', '！', '？']),
        _ => {
            let words = text.split_whitespace().count();
            let closed = text
                .trim_end()
                .chars()
                .last()
                .is_some_and(|c| matches!(c, '.' | '!' | '?'));
            words >= 4 || (words >= 2 && closed)
        }
    }
}

/// Which lines take part in the page's bilingual structure, when it has one (see the module header):
/// `None` for a page in one language, or one whose lines of the other language do not pair up.
///
/// Lines of running text form runs of one language (labels, mixed and other lines do not break them); two
/// adjacent runs of comparable length are a text and its translation, whether each is one paragraph
/// (alternating layout) or many (one block, then the other). Two adjacent labels of the two languages and
/// comparable length (`## 服务范例` / `## Service examples`) are a pair too, and so is every mixed line.
pub fn bilingual_lines(texts: &[&str]) -> Option<Vec<bool>> {
    let kinds: Vec<LineKind> = texts.iter().map(|t| line_kind(t)).collect();
    let lang_of = |k: &LineKind| match k {
        LineKind::Zh => Some(Lang::Zh),
        LineKind::En => Some(Lang::En),
        _ => None,
    };
    let comparable = |a: f64, b: f64| a > 0.0 && b > 0.0 && a.max(b) / a.min(b) <= RUN_RATIO;
    let mut part = vec![false; texts.len()];
    let mut pairs = 0usize;
    let (mut zh_mass, mut en_mass) = (0.0, 0.0);
    let mut total_mass = 0.0;
    for (i, k) in kinds.iter().enumerate() {
        match k {
            LineKind::Mixed(found) => {
                part[i] = true;
                pairs += 1;
                for p in found {
                    zh_mass += text_mass(&p.zh);
                    en_mass += text_mass(&p.en);
                }
                total_mass += text_mass(texts[i]);
            }
            LineKind::Zh | LineKind::En => total_mass += text_mass(texts[i]),
            LineKind::Other => {}
        }
    }
    // Runs of running text.
    let mut runs: Vec<(Lang, Vec<usize>, f64)> = Vec::new();
    for (i, k) in kinds.iter().enumerate() {
        let Some(lang) = lang_of(k).filter(|&l| text_like(texts[i], l)) else {
            continue;
        };
        let mass = text_mass(texts[i]);
        match runs.last_mut() {
            Some(run) if run.0 == lang => {
                run.1.push(i);
                run.2 += mass;
            }
            _ => runs.push((lang, vec![i], mass)),
        }
    }
    let mut paired_run = vec![false; runs.len()];
    for r in 1..runs.len() {
        if comparable(runs[r - 1].2, runs[r].2) {
            paired_run[r - 1] = true;
            paired_run[r] = true;
            pairs += runs[r - 1].1.len().min(runs[r].1.len());
        }
    }
    for (run, _) in runs.iter().zip(&paired_run).filter(|(_, p)| **p) {
        match run.0 {
            Lang::Zh => zh_mass += run.2,
            _ => en_mass += run.2,
        }
        for &i in &run.1 {
            part[i] = true;
        }
    }
    // The page is bilingual when translations make up a good part of its text, not when a Chinese page has
    // an English toolbar next to a short post.
    let bilingual = pairs >= MIN_PAIRED_UNITS
        && zh_mass >= MIN_PAIRED_MASS
        && en_mass >= MIN_PAIRED_MASS
        && zh_mass + en_mass >= MIN_PAIRED_SHARE * total_mass;
    if !bilingual {
        return None;
    }
    // Labels: two adjacent lines of the two languages, neither running text (`## 服务范例` /
    // `## Service examples`), on a page that is bilingual on the evidence above.
    for i in 1..texts.len() {
        let (Some(a), Some(b)) = (lang_of(&kinds[i - 1]), lang_of(&kinds[i])) else {
            continue;
        };
        if a != b
            && !text_like(texts[i - 1], a)
            && !text_like(texts[i], b)
            && comparable(text_mass(texts[i - 1]), text_mass(texts[i]))
        {
            part[i - 1] = true;
            part[i] = true;
        }
    }
    Some(part)
}

/// One unit of a bilingual page for the corpus: a sentence in one language, or a pair found on one line.
#[derive(Debug, Clone, PartialEq)]
pub enum BilingualUnit {
    Sentence { text: String, lang: Lang },
    Pair(MixedPair),
}

/// The units of a page holding both languages, in page order: lines split into their pairs, other lines
/// into sentences, a paragraph hard-wrapped over several lines joined first (an English line that does not
/// end a sentence and is followed by one starting in lower case, a Chinese line that ends on a clause mark).
/// Markup is stripped from every unit. Empty when the page does not hold both languages.
pub fn page_units(lines: &[&str]) -> Vec<BilingualUnit> {
    let kinds: Vec<LineKind> = lines.iter().map(|t| line_kind(t)).collect();
    let has = |want: Lang| {
        kinds.iter().any(|k| match k {
            LineKind::Zh => want == Lang::Zh,
            LineKind::En => want == Lang::En,
            LineKind::Mixed(_) => true,
            LineKind::Other => false,
        })
    };
    if !(has(Lang::Zh) && has(Lang::En)) {
        return Vec::new();
    }
    let mut units = Vec::new();
    let mut paragraph: Option<(Lang, String)> = None;
    let flush = |paragraph: &mut Option<(Lang, String)>, units: &mut Vec<BilingualUnit>| {
        if let Some((lang, text)) = paragraph.take() {
            if !text.is_empty() {
                units.push(BilingualUnit::Sentence { text, lang });
            }
        }
    };
    for (line, kind) in lines.iter().zip(kinds) {
        let lang = match kind {
            LineKind::Mixed(pairs) => {
                flush(&mut paragraph, &mut units);
                units.extend(pairs.into_iter().map(BilingualUnit::Pair));
                continue;
            }
            LineKind::Other => {
                flush(&mut paragraph, &mut units);
                continue;
            }
            LineKind::Zh => Lang::Zh,
            LineKind::En => Lang::En,
        };
        let text = strip_markup(line);
        match paragraph.as_mut() {
            Some((plang, ptext)) if *plang == lang && continues(ptext, &text, lang) => {
                if lang == Lang::En {
                    ptext.push(' ');
                }
                ptext.push_str(&text);
            }
            _ => {
                flush(&mut paragraph, &mut units);
                paragraph = Some((lang, text));
            }
        }
    }
    flush(&mut paragraph, &mut units);
    units
}

/// Whether `next` continues the paragraph `prev` was cut from by a hard line wrap.
fn continues(prev: &str, next: &str, lang: Lang) -> bool {
    let last = prev.trim_end().chars().last();
    let ends_sentence = last.is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '。' | '！' | '？' | '"' | '”' | '’' | ')' | '）' | ':' | '：'
        )
    });
    if ends_sentence {
        return false;
    }
    match lang {
        Lang::En => next.chars().next().is_some_and(|c| c.is_lowercase()),
        _ => last.is_some_and(|c| matches!(c, '，' | '、' | '；') || is_cjk_punct(c) && c != '》'),
    }
}

/// Whether two texts that translate each other are a term rather than a sentence: both short (at most
/// [`TERM_MAX_WORDS`] English words and [`TERM_MAX_HAN`] Han characters) and neither closed like a sentence.
pub fn is_term(zh: &str, en: &str) -> bool {
    let closed = |t: &str| {
        t.trim_end()
            .chars()
            .last()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '。' | '！' | '？'))
    };
    en.split_whitespace().count() <= TERM_MAX_WORDS
        && zh.chars().filter(|&c| is_han(c)).count() <= TERM_MAX_HAN
        && !closed(zh)
        && !closed(en)
}

const TERM_MAX_WORDS: usize = 6;
const TERM_MAX_HAN: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        split_mixed(text)
            .into_iter()
            .map(|p| (p.zh, p.en))
            .collect()
    }

    fn pair(zh: &str, en: &str) -> (String, String) {
        (zh.to_string(), en.to_string())
    }

    #[test]
    fn lines_holding_both_languages_split_at_the_script_boundary() {
        assert_eq!(
            pairs("## 一、红树林修复工程完工 / Mangrove Restoration Completed"),
            vec![pair(
                "一、红树林修复工程完工",
                "Mangrove Restoration Completed"
            )]
        );
        assert_eq!(
            pairs("人工智能 artificial intelligence"),
            vec![pair("人工智能", "artificial intelligence")]
        );
        assert_eq!(
            pairs("- 碳达峰：peaking carbon emissions"),
            vec![pair("碳达峰", "peaking carbon emissions")]
        );
        assert_eq!(pairs("| 中文 | English |"), vec![pair("中文", "English")]);
        assert_eq!(
            pairs("green roof - 绿色屋顶"),
            vec![pair("绿色屋顶", "green roof")]
        );
        assert_eq!(
            pairs("术语 Terms：细颗粒物 fine particulate matter；臭氧 ozone"),
            vec![
                pair("术语", "Terms"),
                pair("细颗粒物", "fine particulate matter"),
                pair("臭氧", "ozone")
            ]
        );
        assert_eq!(
            pairs("1. [红树林湿地修复 Mangrove Wetland Restoration](#item1)"),
            vec![pair("红树林湿地修复", "Mangrove Wetland Restoration")]
        );
        assert_eq!(pairs("pH值 / pH value"), vec![pair("pH值", "pH value")]);
        assert_eq!(
            pairs("excluding Canada and Mexico（不包括加拿大和墨西哥）"),
            vec![pair("不包括加拿大和墨西哥", "excluding Canada and Mexico")]
        );
        assert_eq!(
            pairs("2024年第3期（总第27期） Issue 3, 2024 (No. 27)"),
            vec![pair("2024年第3期（总第27期）", "Issue 3, 2024 (No. 27)")]
        );
    }

    #[test]
    fn sentences_quoting_the_other_language_are_not_pairs() {
        for line in [
            "使用 Python 进行数据分析",
            "Beijing 北京 is the capital of China.",
            "华为发布了新款Mate手机。",
            "名单还包括 Philippe Coutinho、Ivan Rakitic 和 Samuel Umtiti。",
            "今天天气很好。",
            "The weather is fine today.",
            "日期：2024-04-08　阅读次数：863",
        ] {
            assert!(split_mixed(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn alternating_paragraphs_and_blocks_make_a_bilingual_page() {
        let alternating = [
            "首页 | 新闻",
            "数字经济已经成为推动全球发展的重要力量，各国都在加快布局。",
            "The digital economy has become an important force driving global development.",
            "中国愿意与各国加强数字领域的合作，共同应对挑战。",
            "China is willing to strengthen cooperation with other countries in the digital field.",
            "网络基础设施建设取得了明显进展，覆盖率不断提高。",
            "Progress has been made in building network infrastructure, and coverage keeps rising.",
            "版权所有 © 2024",
        ];
        let part = bilingual_lines(&alternating).expect("bilingual");
        assert_eq!(part, vec![false, true, true, true, true, true, true, false]);
        let mut blocks: Vec<&str> = alternating[1..7].iter().step_by(2).copied().collect();
        blocks.extend(alternating[2..7].iter().step_by(2));
        assert!(bilingual_lines(&blocks).is_some_and(|p| p.iter().all(|&x| x)));
        // A Chinese article with one English line is not bilingual.
        let article = [
            alternating[1],
            alternating[3],
            alternating[5],
            "Copyright 2024 Example News. All rights reserved.",
        ];
        assert_eq!(bilingual_lines(&article), None);
    }

    #[test]
    fn units_join_hard_wrapped_paragraphs_and_keep_line_pairs() {
        let units = page_units(&[
            "## 服务 Services",
            "A service is typically a class with a narrow,",
            "well-defined purpose.",
            "服务通常是一个用途明确的类。",
        ]);
        assert_eq!(
            units,
            vec![
                BilingualUnit::Pair(MixedPair {
                    zh: "服务".into(),
                    en: "Services".into(),
                    heading: true,
                }),
                BilingualUnit::Sentence {
                    text: "A service is typically a class with a narrow, well-defined purpose."
                        .into(),
                    lang: Lang::En
                },
                BilingualUnit::Sentence {
                    text: "服务通常是一个用途明确的类。".into(),
                    lang: Lang::Zh
                },
            ]
        );
        assert!(page_units(&["只有中文。", "还是中文。"]).is_empty());
    }
}
