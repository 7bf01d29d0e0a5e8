//! Punctuation width by context.
//!
//! Chinese text needs full-width `，：；！？（）`; scraped Chinese often carries ASCII ones instead. A mark is
//! widened only when Chinese is on the side that decides it, and never inside numbers (`1,000`, `3:30`), URLs,
//! e-mail addresses or Latin text. The rules, for `, : ; ! ?`:
//!
//! * the character before the mark (skipping spaces) is Han or full-width punctuation, and
//! * the character after it is Han, full-width punctuation or the end of the line — or, on a line that is mostly
//!   Chinese, anything but a digit-after-digit or a URL continuation.
//!
//! A pair of ASCII parentheses is widened when either outside neighbour is Chinese and the pair is on a mostly
//! Chinese line: `组织(APEC)等` → `组织（APEC）等`. Unbalanced parentheses are left alone.

use super::LineRepair;
use crate::text::{is_cjk_context, ScriptCounts};

/// Widens ASCII punctuation in Chinese context.
#[derive(Debug, Clone, Default)]
pub struct PunctWidth;

fn widen(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        ')' => '）',
        other => other,
    }
}

/// Mostly Chinese: at least as many Han characters as Latin letters, so an English page that quotes one Chinese
/// name keeps its ASCII punctuation.
fn mostly_chinese(line: &str) -> bool {
    let counts = ScriptCounts::of(line);
    counts.han > 0 && counts.han >= counts.latin
}

fn prev_visible(chars: &[char], i: usize) -> Option<char> {
    chars[..i]
        .iter()
        .rev()
        .copied()
        .find(|c| !c.is_whitespace())
}

fn next_visible(chars: &[char], i: usize) -> Option<char> {
    chars
        .get(i + 1..)?
        .iter()
        .copied()
        .find(|c| !c.is_whitespace())
}

impl PunctWidth {
    fn widen_marks(chars: &mut [char], chinese_line: bool) -> bool {
        let mut changed = false;
        for i in 0..chars.len() {
            let c = chars[i];
            if !matches!(c, ',' | ':' | ';' | '!' | '?') {
                continue;
            }
            let Some(prev) = prev_visible(chars, i) else {
                continue;
            };
            if !is_cjk_context(prev) {
                continue;
            }
            let next = next_visible(chars, i);
            let widen_it = match next {
                None => true,
                Some(n) if is_cjk_context(n) => true,
                // `://` is a URL, `?x=` a query string: leave them.
                Some('/') | Some('=') | Some('&') => false,
                Some(n) if (c == '?' || c == '!') && (n == c || n == '？' || n == '！') => true,
                Some(_) => chinese_line && !(c == ':' && chars.get(i + 1) == Some(&'/')),
            };
            if widen_it {
                chars[i] = widen(c);
                changed = true;
            }
        }
        changed
    }

    fn widen_parens(chars: &mut [char], chinese_line: bool) -> bool {
        if !chinese_line {
            return false;
        }
        let mut changed = false;
        let mut open_stack: Vec<usize> = Vec::new();
        for i in 0..chars.len() {
            match chars[i] {
                '(' => open_stack.push(i),
                ')' => {
                    let Some(open) = open_stack.pop() else {
                        continue;
                    };
                    let before = chars[..open].iter().next_back().copied();
                    let after = chars.get(i + 1).copied();
                    if before.is_some_and(is_cjk_context) || after.is_some_and(is_cjk_context) {
                        chars[open] = '（';
                        chars[i] = '）';
                        changed = true;
                    }
                }
                _ => {}
            }
        }
        changed
    }
}

impl LineRepair for PunctWidth {
    fn name(&self) -> &'static str {
        "punct"
    }

    fn repair(&self, line: &str) -> Option<String> {
        if !line.contains([',', ':', ';', '!', '?', '(', ')']) {
            return None;
        }
        let chinese_line = mostly_chinese(line);
        if !chinese_line && !line.chars().any(crate::text::is_han) {
            return None;
        }
        let mut chars: Vec<char> = line.chars().collect();
        // Parentheses first: a widened `）` is then Chinese context for a comma that follows it.
        let parens = Self::widen_parens(&mut chars, chinese_line);
        let marks = Self::widen_marks(&mut chars, chinese_line);
        (parens || marks).then(|| chars.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        PunctWidth.repair(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn widens_between_han() {
        assert_eq!(
            fix("随着全球化进程的加快,各国"),
            "随着全球化进程的加快，各国"
        );
        assert_eq!(fix("主要包括:"), "主要包括：");
        assert_eq!(fix("- 推动经济增长:数字经济"), "- 推动经济增长：数字经济");
        assert_eq!(
            fix("通过亚太经济合作组织(APEC)等平台"),
            "通过亚太经济合作组织（APEC）等平台"
        );
        assert_eq!(fix("路线图》(2017),通过"), "路线图》（2017），通过");
        assert_eq!(fix("真的吗?是的!"), "真的吗？是的！");
        assert_eq!(
            fix("2022年7月12日,世界互联网大会"),
            "2022年7月12日，世界互联网大会"
        );
    }

    #[test]
    fn leaves_numbers_urls_and_latin() {
        for s in [
            "共1,000人，时间3:30开始",
            "Hello, world: (test)!",
            "网址:http://gig-lab.cn",
            "We visited 北京, then Shanghai (by train).",
            "地址:No.10 Huixin East Street, Chaoyang District",
        ] {
            assert_eq!(fix(s), s.replace("网址:", "网址:"), "{s}");
        }
    }

    #[test]
    fn unbalanced_parens_are_left() {
        assert_eq!(fix("中文(没有闭合"), "中文(没有闭合");
    }
}
