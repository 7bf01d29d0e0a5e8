//! Unicode and white-space normalisation.
//!
//! * **Normal form.** NFC by default. NFKC is available (`form = "nfkc"`) for corpora that want compatibility
//!   characters folded (`ﬁ` → `fi`, `①` → `1`), but it is applied around the Chinese full-width punctuation
//!   and ideographic space, never to them: plain NFKC turns `，：（）` into ASCII, exactly the damage this tool
//!   exists to undo.
//! * Full-width ASCII letters and digits (`ＡＢＣ１２３`) to half width.
//! * Zero-width characters (ZWSP, word joiner, BOM, soft hyphen, Mongolian vowel separator) and C0 controls
//!   (except tab, which becomes a space) and DEL removed; [`record_invisible`] counts the lines that had
//!   them. A zero-width joiner or non-joiner is kept between two emoji or two letters of scripts that use it
//!   (Arabic, Indic): there it is part of the text.
//! * White space: runs collapse to one space, none at either end, none between a Han character and Chinese
//!   text, none on either side of a full-width mark (`，。（）《》`…, which carry their own spacing).
//!   Punctuation width by context is the `punct` stage's job.
//!
//! C1 controls (U+0080–U+009F) are left alone on purpose: they are the fingerprint of Latin-1 mojibake, and the
//! mojibake stage needs them to rebuild the original bytes.

use super::LineRepair;
use crate::doc::Document;
use crate::text::{is_cjk_context, is_cjk_punct, is_han, is_latin_letter};
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// `[normalize]` in `pipeline.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NormalizeConfig {
    /// Unicode normal form: "nfc" (default), "nfkc" (also folds compatibility characters such as `ﬁ` and
    /// `①`, but never Chinese full-width punctuation) or "none".
    pub form: String,
    /// Turn full-width ASCII letters and digits (`ＡＢＣ１２３`) into half width.
    pub fullwidth_alnum_to_halfwidth: bool,
    /// Remove the spaces between two Han characters (a word-splitting artefact of many scrapers).
    pub remove_space_between_han: bool,
}

impl Default for NormalizeConfig {
    fn default() -> Self {
        NormalizeConfig {
            form: "nfc".to_string(),
            fullwidth_alnum_to_halfwidth: true,
            remove_space_between_han: true,
        }
    }
}

impl NormalizeConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !matches!(self.form.as_str(), "nfc" | "nfkc" | "none") {
            errors.push(FieldError::new(
                "form",
                format!(
                    "must be \"nfc\", \"nfkc\" or \"none\", got \"{}\"",
                    self.form
                ),
            ));
        }
        errors
    }

    pub fn build(&self) -> Result<Normalizer, Vec<FieldError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        let form = match self.form.as_str() {
            "nfc" => Form::Nfc,
            "nfkc" => Form::Nfkc,
            _ => Form::None,
        };
        Ok(Normalizer {
            form,
            fullwidth: self.fullwidth_alnum_to_halfwidth,
            han_spaces: self.remove_space_between_han,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Nfc,
    Nfkc,
    None,
}

/// The runtime normaliser.
#[derive(Debug, Clone)]
pub struct Normalizer {
    form: Form,
    fullwidth: bool,
    han_spaces: bool,
}

impl Normalizer {
    /// The same normaliser, but leaving spaces between Chinese characters: the first pass of a run uses it,
    /// because boilerplate detection reads `首页 新闻 体育` as a menu and `首页新闻体育` as a headline. The
    /// final pass, after boilerplate removal, takes those spaces out.
    pub fn keeping_han_spaces(&self) -> Normalizer {
        Normalizer {
            han_spaces: false,
            ..self.clone()
        }
    }
}

/// Invisible characters that carry nothing in zh/en text. ZWJ and ZWNJ are here too, but see
/// [`is_removable_invisible`].
/// A space between `before` and `after` says nothing: a Han character next to Han or Chinese punctuation, or
/// a full-width mark, whose glyph carries its own spacing (`网址 ，欢迎` → `网址，欢迎`, `（ 注 ）` → `（注）`).
/// Curly quotes, dashes and ellipses are not full-width marks here: English uses them too, so a space between
/// two of them (`“yes” — twice`) stays.
fn space_is_redundant(before: char, after: char) -> bool {
    (is_han(before) && is_cjk_context(after))
        || (is_cjk_context(before) && is_han(after))
        || is_fullwidth_spacing_mark(before)
        || is_fullwidth_spacing_mark(after)
}

fn is_fullwidth_spacing_mark(c: char) -> bool {
    "，。、；：？！（）「」『』【】《》〈〉".contains(c)
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
}

fn is_removable_control(c: char) -> bool {
    ((c as u32) < 0x20 && c != '\t') || c == '\u{7F}'
}

/// Emoji and pictographs, between which a zero-width joiner builds one glyph (👩‍💻).
fn is_emoji_part(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F)
}

/// A letter of a script that uses ZWJ/ZWNJ for shaping (Arabic, Persian, Indic...): not Han, not Latin.
fn is_joining_script_letter(c: char) -> bool {
    c.is_alphabetic() && !is_han(c) && !is_latin_letter(c) && !c.is_ascii()
}

/// Whether the invisible `c` between `prev` and `next` goes. ZWJ/ZWNJ stay where they shape text.
fn is_removable_invisible(prev: Option<char>, c: char, next: Option<char>) -> bool {
    if is_removable_control(c) {
        return true;
    }
    if !is_zero_width(c) {
        return false;
    }
    if matches!(c, '\u{200C}' | '\u{200D}') {
        let both = |f: fn(char) -> bool| prev.is_some_and(f) && next.is_some_and(f);
        if both(is_emoji_part) || both(is_joining_script_letter) {
            return false;
        }
    }
    true
}

/// Full-width punctuation that NFKC would fold to ASCII and Chinese text needs as it is, plus the
/// ideographic space (handled as white space here).
fn is_nfkc_protected(c: char) -> bool {
    is_cjk_punct(c)
        || c == '\u{3000}'
        || matches!(c as u32, 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// White space, except NEL (U+0085): it is a C1 control, kept for the mojibake stage like the others.
fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{85}'
}

fn is_fullwidth_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// NFKC everywhere except on protected punctuation, which is copied through unchanged.
fn nfkc_protecting_punct(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut run_start = 0;
    for (i, c) in line.char_indices() {
        if is_nfkc_protected(c) {
            out.extend(line.get(run_start..i).unwrap_or("").nfkc());
            out.push(c);
            run_start = i + c.len_utf8();
        }
    }
    out.extend(line.get(run_start..).unwrap_or("").nfkc());
    out
}

/// Inside a number written with (now half-width) digits, a full-width decimal point (`1．5`) becomes `.`, and a
/// full-width comma followed by exactly three digits (`3，000`) becomes `,`. A comma before one or two digits
/// is a list (`第3，4名`) and stays.
fn halve_number_marks(chars: &mut [char]) {
    let digit_at = |chars: &[char], i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    for i in 1..chars.len() {
        if !digit_at(chars, i - 1) || !digit_at(chars, i + 1) {
            continue;
        }
        match chars[i] {
            '．' => chars[i] = '.',
            '，' if digit_at(chars, i + 2) && digit_at(chars, i + 3) && !digit_at(chars, i + 4) => {
                chars[i] = ','
            }
            _ => {}
        }
    }
}

/// The slow check behind the fast path for lines with `．` or `，`: would [`halve_number_marks`] change them?
fn number_mark_needs_halving(line: &str) -> bool {
    let mut chars: Vec<char> = line.chars().collect();
    let before = chars.clone();
    halve_number_marks(&mut chars);
    chars != before
}

/// Count, as changes of `normalize:invisible`, the lines holding zero-width or control characters that
/// normalisation removes. Call before normalising: afterwards they are gone.
pub fn record_invisible(doc: &mut Document) {
    let lines = doc
        .lines
        .iter()
        .filter(|l| {
            // Most lines have no invisible character at all: check that before building anything.
            if !l
                .text
                .chars()
                .any(|c| is_zero_width(c) || is_removable_control(c))
            {
                return false;
            }
            let chars: Vec<char> = l.text.chars().collect();
            chars.iter().enumerate().any(|(i, &c)| {
                let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
                is_removable_invisible(prev, c, chars.get(i + 1).copied())
            })
        })
        .count();
    for _ in 0..lines {
        doc.count_change("normalize:invisible");
    }
}

impl LineRepair for Normalizer {
    fn name(&self) -> &'static str {
        "normalize"
    }

    fn repair(&self, line: &str) -> Option<String> {
        if self.is_clean(line) {
            return None;
        }
        let composed: String = match self.form {
            Form::Nfc => line.nfc().collect(),
            Form::Nfkc => nfkc_protecting_punct(line),
            Form::None => line.to_string(),
        };
        let source: Vec<char> = composed.chars().collect();
        let mut chars: Vec<char> = Vec::with_capacity(source.len());
        for (i, &c) in source.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|p| source.get(p)).copied();
            if is_removable_invisible(prev, c, source.get(i + 1).copied()) {
                continue;
            }
            if self.fullwidth && is_fullwidth_alnum(c) {
                chars.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            } else if is_space(c) {
                chars.push(' ');
            } else {
                chars.push(c);
            }
        }
        if self.fullwidth {
            halve_number_marks(&mut chars);
        }
        let mut out = String::with_capacity(composed.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c != ' ' {
                out.push(c);
                i += 1;
                continue;
            }
            let run_end = chars[i..]
                .iter()
                .position(|&x| x != ' ')
                .map_or(chars.len(), |p| i + p);
            let before = out.chars().next_back();
            let after = chars.get(run_end).copied();
            let drop = match (before, after) {
                (None, _) | (_, None) => true,
                (Some(b), Some(a)) => self.han_spaces && space_is_redundant(b, a),
            };
            if !drop {
                out.push(' ');
            }
            i = run_end;
        }
        (out != line).then_some(out)
    }
}

impl Normalizer {
    /// The fast path: most lines need nothing, and scanning is much cheaper than rebuilding.
    fn is_clean(&self, line: &str) -> bool {
        let normal = match self.form {
            Form::Nfc => is_nfc_quick(line.chars()) == IsNormalized::Yes,
            // The quick check cannot tell protected punctuation from the rest: any non-NFKC character sends
            // the line to the full path, which is exact.
            Form::Nfkc => is_nfkc_quick(line.chars()) == IsNormalized::Yes,
            Form::None => true,
        };
        if !normal {
            return false;
        }
        if line.starts_with(is_space) || line.ends_with(is_space) {
            return false;
        }
        if self.fullwidth && line.contains(['．', '，']) && number_mark_needs_halving(line) {
            return false;
        }
        let mut prev: Option<char> = None;
        let mut prev_space = false;
        for c in line.chars() {
            if is_zero_width(c)
                || is_removable_control(c)
                || (self.fullwidth && is_fullwidth_alnum(c))
            {
                return false;
            }
            if is_space(c) {
                if c != ' ' || prev_space {
                    return false;
                }
                prev_space = true;
                continue;
            }
            if prev_space && self.han_spaces && prev.is_some_and(|p| space_is_redundant(p, c)) {
                return false;
            }
            prev_space = false;
            prev = Some(c);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let n = NormalizeConfig::default().build().expect("valid");
        n.repair(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn whitespace_rules() {
        assert_eq!(norm("  a   b\t c  "), "a b c");
        assert_eq!(norm("数字 领域 合作"), "数字领域合作");
        assert_eq!(norm("数字 Rust 领域"), "数字 Rust 领域");
        assert_eq!(norm("电话:   64492060"), "电话: 64492060");
        assert_eq!(norm("\u{3000}\u{3000}正文开始。"), "正文开始。");
        // Full-width marks carry their own spacing, whatever is on the other side.
        assert_eq!(
            norm("网址：https://example.com/a?b=1 ，欢迎访问"),
            "网址：https://example.com/a?b=1，欢迎访问"
        );
        assert_eq!(
            norm("使用 Rust （ 一种语言 ） 开发"),
            "使用 Rust（一种语言）开发"
        );
        assert_eq!(norm("《 Rust 编程 》"), "《Rust 编程》");
        // English spacing around curly quotes and dashes is left alone.
        assert_eq!(norm("He said “ yes ” — twice"), "He said “ yes ” — twice");
    }

    #[test]
    fn fullwidth_alnum_zero_width_and_controls() {
        assert_eq!(norm("ＡＢＣ１２３"), "ABC123");
        assert_eq!(norm("数\u{200B}字\u{0007}"), "数字");
        // Full-width punctuation is never touched.
        assert_eq!(norm("你好，世界：（测试）！"), "你好，世界：（测试）！");
        // C1 controls survive for the mojibake stage.
        assert_eq!(norm("a\u{0085}b"), "a\u{0085}b");
    }

    #[test]
    fn nfc_composes_and_clean_lines_are_untouched() {
        assert_eq!(norm("cafe\u{0301}"), "café");
        let n = NormalizeConfig::default().build().expect("valid");
        assert_eq!(n.repair("Already clean text, with one space."), None);
        assert_eq!(n.repair("中文句子，没有问题。"), None);
    }

    fn norm_with(form: &str, s: &str) -> String {
        let n = NormalizeConfig {
            form: form.into(),
            ..NormalizeConfig::default()
        }
        .build()
        .expect("valid");
        n.repair(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn nfkc_folds_compatibility_characters_but_never_chinese_punctuation() {
        assert_eq!(norm_with("nfkc", "ﬁle ①"), "file 1");
        assert_eq!(
            norm_with("nfkc", "你好，世界：（测试）！对吗？「是」；～"),
            "你好，世界：（测试）！对吗？「是」；～"
        );
        // The ideographic space is white space, handled by the white-space rules, not folded first.
        assert_eq!(norm_with("nfkc", "正文\u{3000}开始"), "正文开始");
        // NFC leaves compatibility characters alone.
        assert_eq!(norm("ﬁle ①"), "ﬁle ①");
        assert_eq!(
            NormalizeConfig {
                form: "nfkd".into(),
                ..NormalizeConfig::default()
            }
            .validate()
            .len(),
            1
        );
    }

    #[test]
    fn invisible_characters_go_except_where_they_shape_text() {
        assert_eq!(norm("a\u{7F}b\u{FEFF}c\u{00AD}d\u{2060}e"), "abcde");
        assert_eq!(norm("中\u{200D}文"), "中文");
        // A zero-width joiner inside an emoji sequence, and a non-joiner in Persian, are part of the text.
        assert_eq!(norm("👩\u{200D}💻 ok"), "👩\u{200D}💻 ok");
        assert_eq!(norm("می\u{200C}خواهم"), "می\u{200C}خواهم");
    }

    #[test]
    fn invisible_characters_are_recorded() {
        let mut doc = Document::from_text(
            "d",
            "d.txt".into(),
            "utf-8",
            0,
            "数\u{200B}字\n干净的一行\n\u{0007}响铃\n",
        );
        record_invisible(&mut doc);
        assert_eq!(doc.stats.changed.get("normalize:invisible"), Some(&2));
    }

    #[test]
    fn numbers_inside_chinese() {
        // Already half width: untouched.
        assert_eq!(
            norm("共有3,000人参加，增长1.5倍"),
            "共有3,000人参加，增长1.5倍"
        );
        // Full-width digits with full-width marks become an ordinary number.
        assert_eq!(
            norm("共有３，０００人，增长１．５倍"),
            "共有3,000人，增长1.5倍"
        );
        // A comma before one or two digits is a list, not a thousands separator.
        assert_eq!(norm("第３，４名"), "第3，4名");
        assert_eq!(norm("第3，4名"), "第3，4名");
    }

    #[test]
    fn latin_text_with_chinese_inside_and_code_like_text() {
        // Inside a Chinese quotation the Han rule applies; the English around it keeps its spaces.
        assert_eq!(
            norm("He said “你好， 世界”  and left."),
            "He said “你好，世界” and left."
        );
        assert_eq!(norm("x = f(a,b);  // 注释 说明"), "x = f(a,b); // 注释说明");
        assert_eq!(
            norm("cargo test --lib stages::script"),
            "cargo test --lib stages::script"
        );
    }

    #[test]
    fn normalisation_is_idempotent() {
        for s in [
            "  共有３，０００人 ，增长１．５倍  ",
            "ﬁle ① 你好，世界",
            "He said “你好， 世界”  and left.\u{200B}",
            "数 字\t领域\u{3000}Ａ１",
        ] {
            for form in ["nfc", "nfkc"] {
                let once = norm_with(form, s);
                assert_eq!(norm_with(form, &once), once, "{form}: {s:?}");
            }
        }
    }
}
