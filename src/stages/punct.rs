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
//! Chinese line: `组织(APEC)等` → `组织（APEC）等`; not when it follows a Latin letter or digit with no Han
//! inside (`函数f(x)返回`: a call or formula). Unbalanced parentheses are left alone.
//!
//! The reverse holds in Latin text, a line where Latin letters outweigh Han three to one: a full-width
//! `，：；！？` after a word or number and with no Chinese after it becomes ASCII (with the space an ASCII mark
//! takes before a following word), and so does a pair `（）` with no Chinese inside or around it:
//! `Hello，world` → `Hello, world`. A Chinese quotation inside English (`He said “你好，世界”.`) keeps its
//! full-width marks.

use super::LineRepair;
use crate::text::{is_cjk_context, is_cjk_punct, is_han, ScriptCounts};

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

/// Latin text: Latin letters outweigh Han characters at the weight language identification gives Han (one
/// Han character carries about as much as a short word). A Chinese line naming a few products is not Latin.
fn latin_text(line: &str) -> bool {
    let counts = ScriptCounts::of(line);
    counts.latin > counts.han.saturating_mul(crate::stages::langid::HAN_WEIGHT)
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
    fn widen_marks(chars: &mut [char], widened: &mut [bool], chinese_line: bool) -> bool {
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
                widened[i] = true;
                changed = true;
            }
        }
        changed
    }

    fn widen_parens(chars: &mut [char], widened: &mut [bool], chinese_line: bool) -> bool {
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
                    let call_like = before.is_some_and(|b| b.is_ascii_alphanumeric() || b == '_')
                        && !chars[open..i].iter().copied().any(is_han);
                    if !call_like
                        && (before.is_some_and(is_cjk_context) || after.is_some_and(is_cjk_context))
                    {
                        chars[open] = '（';
                        chars[i] = '）';
                        widened[open] = true;
                        widened[i] = true;
                        changed = true;
                    }
                }
                _ => {}
            }
        }
        changed
    }
}

/// In Chinese context, a run of commas (`,,` `，，` `,，`) becomes one `，`; a run holding `、` becomes `、`; and
/// a comma run right before another full-width mark (`,。` `,、` `，；`) is dropped, since the mark that follows
/// is the real one. ASCII and full-width commas are treated alike so that the result does not depend on
/// whether the punctuation stage ran first.
pub fn collapse_doubled_marks(line: &str) -> Option<String> {
    if !line.contains([',', '，', '、']) {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let is_comma = |c: char| matches!(c, ',' | '，' | '、');
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut changed = false;
    while i < chars.len() {
        if !is_comma(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run_end = chars[i..]
            .iter()
            .position(|&x| !is_comma(x))
            .map_or(chars.len(), |p| i + p);
        let run = &chars[i..run_end];
        i = run_end;
        let prev = out.chars().rev().find(|c| !c.is_whitespace());
        let next = chars[run_end..]
            .iter()
            .copied()
            .find(|c| !c.is_whitespace());
        let chinese = prev.is_some_and(|p| is_han(p) || is_cjk_punct(p) || p.is_ascii_digit())
            || next.is_some_and(is_han);
        let next_is_mark = next.is_some_and(|n| {
            matches!(
                n,
                '。' | '；' | '：' | '？' | '！' | '…' | ';' | ':' | '?' | '!'
            )
        });
        if !chinese {
            out.extend(run.iter());
        } else if next_is_mark {
            changed = true;
        } else if run.len() >= 2 {
            out.push(if run.contains(&'、') { '、' } else { '，' });
            changed = true;
        } else {
            out.extend(run.iter());
        }
    }
    changed.then_some(out)
}

fn narrow(c: char) -> char {
    match c {
        '，' => ',',
        '：' => ':',
        '；' => ';',
        '！' => '!',
        '？' => '?',
        '（' => '(',
        '）' => ')',
        other => other,
    }
}

/// Full-width marks in Latin text become ASCII (see the module header). `None` when nothing changes.
fn narrow_in_latin_text(line: &str) -> Option<String> {
    if !line.contains(['，', '：', '；', '！', '？', '（', '）']) || !latin_text(line) {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let latin_side = |c: Option<char>| c.is_none_or(|c| !is_cjk_context(c));
    let mut narrowed = vec![false; chars.len()];
    let mut open_stack: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '，' | '：' | '；' | '！' | '？' => {
                let prev = prev_visible(&chars, i);
                // A mark needs a word or number before it; a lone mark at the start is left alone.
                narrowed[i] = prev.is_some_and(|p| p.is_alphanumeric() && !is_cjk_context(p))
                    && latin_side(next_visible(&chars, i));
            }
            '（' => open_stack.push(i),
            '）' => {
                let Some(open) = open_stack.pop() else {
                    continue;
                };
                let before = prev_visible(&chars, open);
                let after = next_visible(&chars, i);
                if latin_side(before)
                    && latin_side(after)
                    && !chars[open..i].iter().copied().any(is_cjk_context_inner)
                {
                    narrowed[open] = true;
                    narrowed[i] = true;
                }
            }
            _ => {}
        }
    }
    if !narrowed.contains(&true) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        if !narrowed[i] {
            out.push(c);
            continue;
        }
        let ascii = narrow(c);
        let next = chars.get(i + 1).copied();
        if ascii == '(' {
            if out.chars().next_back().is_some_and(char::is_alphanumeric) {
                out.push(' ');
            }
            out.push(ascii);
            continue;
        }
        if ascii != ')' {
            // An ASCII mark sits right after its word.
            while out.ends_with(' ') {
                out.pop();
            }
        }
        out.push(ascii);
        if next.is_some_and(|n| n.is_alphabetic() || n == '(' || n == '"') {
            out.push(' ');
        }
    }
    Some(out)
}

/// Inside parentheses, Han or full-width marks other than the parentheses themselves mean Chinese content.
fn is_cjk_context_inner(c: char) -> bool {
    c != '（' && is_cjk_context(c)
}

impl LineRepair for PunctWidth {
    fn name(&self) -> &'static str {
        "punct"
    }

    fn repair(&self, line: &str) -> Option<String> {
        // Narrowing only touches lines that are not mostly Chinese and marks with no Chinese beside them, which
        // widening never produces: one pass first is enough.
        let narrowed = narrow_in_latin_text(line);
        let line = narrowed.as_deref().unwrap_or(line);
        // Widening can put a full-width mark next to a comma run, and collapsing a run can bring a mark next to
        // Chinese text: alternate until stable so the stage is idempotent.
        let mut current: Option<String> = narrowed.clone();
        for _ in 0..4 {
            let base = current.as_deref().unwrap_or(line);
            let next = match Self::widen(base) {
                Some(w) => Some(collapse_doubled_marks(&w).unwrap_or(w)),
                None => collapse_doubled_marks(base),
            };
            match next {
                Some(n) if n != base => current = Some(n),
                _ => break,
            }
        }
        current
    }
}

impl PunctWidth {
    fn widen(line: &str) -> Option<String> {
        if !line.contains([',', ':', ';', '!', '?', '(', ')']) {
            return None;
        }
        let chinese_line = mostly_chinese(line);
        if !chinese_line && !line.chars().any(crate::text::is_han) {
            return None;
        }
        let mut chars: Vec<char> = line.chars().collect();
        let mut widened = vec![false; chars.len()];
        // Each widened mark is Chinese context for its neighbours (`）,` then `，`; `,(` then `（`), so repeat
        // until nothing changes (bounded: pathological chains of marks stop after a few passes).
        let mut any = false;
        for _ in 0..8 {
            let parens = Self::widen_parens(&mut chars, &mut widened, chinese_line);
            let marks = Self::widen_marks(&mut chars, &mut widened, chinese_line);
            if !(parens || marks) {
                break;
            }
            any = true;
        }
        if !any {
            return None;
        }
        // Full-width marks carry their own spacing: spaces next to a widened mark go (`数 , 数` → `数，数`,
        // `中文 (English)` → `中文（English）`).
        let mut out = String::with_capacity(line.len());
        for (i, &c) in chars.iter().enumerate() {
            if c.is_whitespace() {
                let left = chars[..i].iter().rposition(|x| !x.is_whitespace());
                let right = chars[i + 1..]
                    .iter()
                    .position(|x| !x.is_whitespace())
                    .map(|p| p + i + 1);
                if left.is_some_and(|j| widened[j]) || right.is_some_and(|j| widened[j]) {
                    continue;
                }
            }
            out.push(c);
        }
        Some(out)
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
            assert_eq!(fix(s), s, "{s}");
        }
    }

    #[test]
    fn unbalanced_parens_are_left() {
        assert_eq!(fix("中文(没有闭合"), "中文(没有闭合");
    }

    #[test]
    fn doubled_commas_before_fullwidth_marks() {
        let fix = |s: &str| collapse_doubled_marks(s).unwrap_or_else(|| s.to_string());
        assert_eq!(fix("金秋九月,,水乡乌镇"), "金秋九月，水乡乌镇");
        assert_eq!(fix("致贺词,、出席开幕式"), "致贺词、出席开幕式");
        assert_eq!(fix("峰会开幕,。习近平"), "峰会开幕。习近平");
        assert_eq!(fix("已连续举办8年,。"), "已连续举办8年。");
        assert_eq!(fix("当前，，信息技术"), "当前，信息技术");
    }

    #[test]
    fn latin_and_numbers_untouched() {
        for s in [
            "1,000,000 people",
            "a, b, c",
            "Hello,, world",
            "x,、y",
            "他说：“好，”然后走了。",
        ] {
            assert_eq!(collapse_doubled_marks(s), None, "{s}");
        }
    }

    #[test]
    fn narrows_in_latin_text() {
        assert_eq!(fix("Hello，world！"), "Hello, world!");
        assert_eq!(
            fix("Note：see page 3；then stop？"),
            "Note: see page 3; then stop?"
        );
        assert_eq!(
            fix("Apple（AAPL）rose 3％ today"),
            "Apple (AAPL) rose 3％ today"
        );
        assert_eq!(fix("Total 1，000 units"), "Total 1,000 units");
    }

    #[test]
    fn chinese_inside_latin_text_keeps_full_width() {
        for s in [
            "He said “你好，世界！” and left.",
            "The sign read 欢迎光临（请勿吸烟） at the door.",
            "Words like 你好：hello are common.",
        ] {
            assert_eq!(fix(s), s, "{s}");
        }
        // A full-width comma between two Latin words of a Chinese line stays: the line is Chinese text.
        let s = "我们使用Python，Java和Rust开发后端服务。";
        assert_eq!(fix(s), s);
    }

    #[test]
    fn code_like_text_and_numbers_are_left() {
        for s in [
            "函数f(x)返回一个整数",
            "调用foo(bar, 1)即可",
            "运行 cargo test --lib stages::script 即可",
            "设置 x=1,y=2 后重启",
            "共有3,000人参加，增长1.5倍",
            "if (a > b) { return a; }",
        ] {
            assert_eq!(fix(s), s, "{s}");
        }
    }

    #[test]
    fn narrowing_and_widening_are_idempotent() {
        for s in [
            "Hello，world！",
            "Apple（AAPL）rose",
            "随着全球化进程的加快,各国(包括中国)",
            "He said “你好，世界！” and left，then came back",
        ] {
            let once = fix(s);
            assert_eq!(fix(&once), once, "{s}");
        }
    }
}
