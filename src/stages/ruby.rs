//! Ruby residue.
//!
//! Pages that show pinyin above characters (`<ruby>數<rt>shù</rt></ruby>`) flatten into `數(shù)字` when the
//! markup is stripped. The residue is removed here, before the punctuation stage decides widths (the doubled
//! commas the same converters leave, `,,` `,、` `,。`, are the punctuation stage's job).
//!
//! A parenthesised group is only taken for ruby when it directly follows a Han character and every syllable in it
//! is pinyin with a tone mark. Bare syllables without tone marks (`(de)`, `(men)`) are accepted only on lines that
//! already show tone-marked ruby, because `(a)`, `(ma)` or `(Lin)` after a character are ordinary text elsewhere.
//! ASCII words in parentheses such as `(APEC)` or `(2017)` are never touched.

use super::LineRepair;
use crate::text::is_han;
use regex::Regex;
use std::sync::OnceLock;

/// Pinyin vowels with tone marks (and ü forms).
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

/// The formatted ruby pattern, for the test that compiles every built-in pattern.
#[cfg(test)]
pub(crate) fn ruby_group_pattern() -> &'static str {
    ruby_group().as_str()
}

fn ruby_group() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // One to three syllables of lower-case pinyin letters, in ASCII or full-width parentheses.
        let letters = format!("a-zü{TONED}");
        let pattern = format!(r"[(（]([{letters}]{{1,7}}(?: [{letters}]{{1,7}}){{0,2}})[)）]");
        Regex::new(&pattern).unwrap_or_else(|_| unreachable_regex())
    })
}

/// The pattern above is a constant; this keeps the library free of `expect` while failing loudly in tests.
fn unreachable_regex() -> Regex {
    Regex::new("$^").unwrap_or_else(|_| unreachable!("the empty regex always compiles"))
}

fn strip_tones(syllable: &str) -> String {
    syllable
        .chars()
        .map(|c| match c {
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
            'ń' | 'ň' | 'ǹ' => 'n',
            'ḿ' => 'm',
            other => other,
        })
        .collect()
}

/// A plausible pinyin syllable: optional initial, a vowel nucleus, optional nasal or r coda.
fn is_pinyin_syllable(syllable: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouv]{1,3})(?:ng|n|r)?$|^(?:hm|hng|ng|m|n)$")
            .unwrap_or_else(|_| unreachable_regex())
    });
    re.is_match(&strip_tones(syllable))
}

fn has_tone(s: &str) -> bool {
    s.chars().any(|c| TONED.contains(c))
}

/// Removes ruby residue and doubled punctuation.
#[derive(Debug, Clone, Default)]
pub struct RubyRepair;

impl RubyRepair {
    fn strip_ruby(line: &str) -> Option<String> {
        let re = ruby_group();
        let candidates: Vec<_> = re
            .captures_iter(line)
            .filter_map(|caps| {
                let whole = caps.get(0)?;
                let inner = caps.get(1)?.as_str();
                let after_han = line[..whole.start()]
                    .chars()
                    .next_back()
                    .is_some_and(is_han);
                let syllables_ok = inner.split(' ').all(is_pinyin_syllable);
                (after_han && syllables_ok).then(|| (whole.range(), has_tone(inner)))
            })
            .collect();
        let toned = candidates.iter().filter(|(_, t)| *t).count();
        let mut out = String::with_capacity(line.len());
        let mut last = 0;
        let mut removed = false;
        for (range, is_toned) in candidates {
            if is_toned || toned >= 2 {
                out.push_str(&line[last..range.start]);
                last = range.end;
                removed = true;
            }
        }
        if !removed {
            return None;
        }
        out.push_str(&line[last..]);
        Some(out)
    }
}

impl LineRepair for RubyRepair {
    fn name(&self) -> &'static str {
        "ruby"
    }

    fn repair(&self, line: &str) -> Option<String> {
        Self::strip_ruby(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        RubyRepair.repair(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn ruby_after_han_is_removed() {
        assert_eq!(fix("邁向數(shù)字文明"), "邁向數字文明");
        assert_eq!(fix("構(gòu)建網(wǎng)絡(luò)空間"), "構建網絡空間");
        assert_eq!(fix("我們(men)的國(guó)家(jiā)"), "我們的國家");
        // One toned group alone does not license removing an untoned one.
        assert_eq!(fix("我們(men)的國(guó)家"), "我們(men)的國家");
    }

    #[test]
    fn ordinary_parentheses_stay() {
        for s in [
            "亚太经济合作组织(APEC)等平台",
            "路线图》(2017),通过",
            "第(a)项和第(b)项",
            "函数f(x)的值",
            "中古(古巴)互联网",
            "He said (shù) is a tone.",
        ] {
            assert_eq!(RubyRepair::strip_ruby(s), None, "{s}");
        }
    }
}
