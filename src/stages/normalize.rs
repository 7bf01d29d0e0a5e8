//! Unicode and white-space normalisation.
//!
//! NFC (never NFKC by default: NFKC folds Chinese full-width punctuation `，：（）` into ASCII, which is exactly
//! the damage this tool exists to undo), full-width ASCII letters and digits to half width, zero-width and C0
//! control characters removed, white space collapsed, and no spaces left between two Han characters.
//!
//! C1 controls (U+0080–U+009F) are left alone on purpose: they are the fingerprint of Latin-1 mojibake, and the
//! mojibake stage needs them to rebuild the original bytes.

use super::LineRepair;
use crate::text::is_cjk_context;
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `[normalize]` in `pipeline.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NormalizeConfig {
    /// Unicode normal form: "nfc" (default) or "none". NFKC is not offered: it turns `，` into `,`.
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
        if !matches!(self.form.as_str(), "nfc" | "none") {
            let hint = if self.form.eq_ignore_ascii_case("nfkc") {
                " (NFKC is refused: it turns Chinese full-width punctuation into ASCII)"
            } else {
                ""
            };
            errors.push(FieldError::new(
                "form",
                format!("must be \"nfc\" or \"none\", got \"{}\"{hint}", self.form),
            ));
        }
        errors
    }

    pub fn build(&self) -> Result<Normalizer, Vec<FieldError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Normalizer {
            nfc: self.form == "nfc",
            fullwidth: self.fullwidth_alnum_to_halfwidth,
            han_spaces: self.remove_space_between_han,
        })
    }
}

/// The runtime normaliser.
#[derive(Debug, Clone)]
pub struct Normalizer {
    nfc: bool,
    fullwidth: bool,
    han_spaces: bool,
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

fn is_removable_control(c: char) -> bool {
    (c as u32) < 0x20 && c != '\t'
}

/// White space, except NEL (U+0085): it is a C1 control, kept for the mojibake stage like the others.
fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{85}'
}

fn is_fullwidth_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

impl LineRepair for Normalizer {
    fn name(&self) -> &'static str {
        "normalize"
    }

    fn repair(&self, line: &str) -> Option<String> {
        if self.is_clean(line) {
            return None;
        }
        let composed: String = if self.nfc {
            line.nfc().collect()
        } else {
            line.to_string()
        };
        let mut chars: Vec<char> = Vec::with_capacity(composed.len());
        for c in composed.chars() {
            if is_zero_width(c) || is_removable_control(c) {
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
                (Some(b), Some(a)) => self.han_spaces && is_cjk_context(b) && is_cjk_context(a),
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
        if self.nfc && is_nfc_quick(line.chars()) != IsNormalized::Yes {
            return false;
        }
        if line.starts_with(is_space) || line.ends_with(is_space) {
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
            if prev_space
                && self.han_spaces
                && prev.is_some_and(is_cjk_context)
                && is_cjk_context(c)
            {
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

    #[test]
    fn nfkc_is_refused_with_a_reason() {
        let cfg = NormalizeConfig {
            form: "NFKC".into(),
            ..NormalizeConfig::default()
        };
        let errors = cfg.validate();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("full-width"));
    }
}
