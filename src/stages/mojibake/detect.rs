//! What is wrong with a line: the pre-scan that decides which repairs it could need (ftfy's badness, done as one
//! allocation-free pass, because every clean line ends there), and the damage no repair can undo (U+FFFD runs,
//! `锟斤拷` runs, `?` residue of a lost character in Chinese text), reported as byte ranges.
//!
//! Imports the frame shifts (the threshold of the one-character shift, which the pre-scan must foresee), the
//! settings, the tables and the codecs below it in the stage, and `crate::text`.

use std::ops::Range;

use super::codecs::{could_start_latin, latin_starts, mixed_byte, LATIN_TABLE_END};
use super::frame_shift::LONE_SHIFT_RARE_HALF_BITS;
use super::settings::MojibakeConfig;
use super::tables::{han_costs, is_pinyin_letter, push_kind};
use crate::text::is_han;

// ---------------------------------------------------------------------------------------------------------
// Pre-scan
// ---------------------------------------------------------------------------------------------------------

/// What the pre-scan found a line could need.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Scan {
    pub(super) latin: bool,
    pub(super) gbk_latin1: bool,
    pub(super) cjk: bool,
    pub(super) damage: bool,
    /// The whole line was scanned (see `stop_at_latin`); otherwise only `latin` and `gbk_latin1` are known.
    pub(super) complete: bool,
}

impl Scan {
    pub(super) fn any(self) -> bool {
        self.latin || self.gbk_latin1 || self.cjk || self.damage
    }
}

/// The allocation-free pre-scan: which repairs the line could need. Clean text sets none, and then costs
/// one pass over its bytes: ASCII is skipped a word at a time, and the three-byte characters U+3000-U+9FFF
/// (nearly all of Chinese text) are decoded inline and judged with one table lookup. `from` is a char
/// boundary with only ASCII before it.
///
/// With `stop_at_latin`, the scan stops as soon as both Latin repairs are known to be due (and says it is
/// not `complete`): mojibake lines are nearly always changed by them and then scanned again anyway.
pub(super) fn scan(cfg: &MojibakeConfig, line: &str, from: usize, stop_at_latin: bool) -> Scan {
    let costs = han_costs();
    let latin_table = latin_starts();
    let bytes = line.as_bytes();
    let mut scan = Scan::default();
    // The Han run that ends at `i`: its length and cost in half bits. A `?` right after it is residue.
    let mut run_len = 0u32;
    let mut run_cost = 0u32;
    let end_run = |run_len: &mut u32, run_cost: &mut u32, scan: &mut Scan| {
        if *run_len > 0 {
            if run_is_suspect(*run_len, *run_cost, cfg.suspect_bits) {
                scan.cjk = true;
            }
            *run_len = 0;
            *run_cost = 0;
        }
    };
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b == b'?' && run_len > 0 {
                scan.damage = true;
            }
            // A lone rare character before `@` or a letter may be a one-character frame shift
            // (`lone_stray_byte`); Han must follow that byte.
            if run_len == 1
                && run_cost >= u32::from(LONE_SHIFT_RARE_HALF_BITS)
                && (b == b'@' || b.is_ascii_alphabetic())
                && bytes.get(i + 1).is_some_and(|&n| n >= 0xE3)
            {
                scan.cjk = true;
            }
            end_run(&mut run_len, &mut run_cost, &mut scan);
            i = skip_ascii(bytes, i + 1);
            continue;
        }
        // Lead bytes 0xE3-0xE9 start U+3000-U+9FFF; none of those is a code-page character or U+FFFD, so
        // they matter only as Han or as the end of a Han run.
        if (0xE3..=0xE9).contains(&b) {
            // Chinese text is long stretches of these: a tight loop over them.
            let start = i;
            for chunk in bytes.get(i..).unwrap_or(&[]).chunks_exact(3) {
                let &[b0, b1, b2] = chunk else { break };
                if !(0xE3..=0xE9).contains(&b0) {
                    break;
                }
                let u = (u32::from(b0) & 0x0F) << 12
                    | (u32::from(b1) & 0x3F) << 6
                    | (u32::from(b2) & 0x3F);
                let bits = costs.scan_half_bits(u);
                if bits > 0 {
                    run_len += 1;
                    run_cost += u32::from(bits);
                    if u == '锟' as u32 {
                        scan.damage = true;
                    }
                } else {
                    end_run(&mut run_len, &mut run_cost, &mut scan);
                }
                i += 3;
            }
            if i > start {
                continue;
            }
        }
        let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        // (U+3000-U+9FFF took the branch above, so only the compatibility and supplementary
        // ideographs can be Han here.)
        if c >= '\u{F900}' && is_han(c) {
            run_len += 1;
            run_cost += u32::from(costs.half_bits(c));
            continue;
        }
        if c == '\u{FFFD}' {
            scan.damage = true;
        }
        // Only characters below the end of the code-page table (or U+FFFD) can be mojibake; once both
        // Latin repairs are due, only Han runs and damage are left to find.
        let latin_pending = !(scan.latin && scan.gbk_latin1);
        if latin_pending && ((c as usize) < LATIN_TABLE_END || c == '\u{FFFD}') {
            let next = line
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .unwrap_or('\0');
            if could_start_latin(latin_table, c, next) {
                scan.latin = true;
            }
            // Two Latin-1/Windows-1252 characters in a row could be one GBK character.
            if !next.is_ascii() && mixed_byte(c).is_some() && mixed_byte(next).is_some() {
                scan.gbk_latin1 = true;
            }
            if stop_at_latin && scan.latin && scan.gbk_latin1 && cfg.latin && cfg.cjk {
                return scan;
            }
        }
        end_run(&mut run_len, &mut run_cost, &mut scan);
    }
    if run_is_suspect(run_len, run_cost, cfg.suspect_bits) {
        scan.cjk = true;
    }
    scan.latin &= cfg.latin;
    scan.gbk_latin1 &= cfg.cjk;
    scan.cjk &= cfg.cjk;
    scan.damage &= cfg.flag_unrecoverable;
    scan.complete = true;
    scan
}

fn run_is_suspect(len: u32, half_bits: u32, suspect_bits: f64) -> bool {
    len >= 2 && f64::from(half_bits) / 2.0 >= suspect_bits * f64::from(len)
}

/// The first index at or after `i` that holds a non-ASCII byte (or the length): eight bytes per step.
pub(super) fn skip_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(word) = bytes
        .get(i..i + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
    {
        let high = u64::from_le_bytes(word) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|b| b.is_ascii()) {
        i += 1;
    }
    i
}

// ---------------------------------------------------------------------------------------------------------
// Unrecoverable damage
// ---------------------------------------------------------------------------------------------------------

/// Whether `text` holds a character that [`flag_damage`] looks for: `?`, U+FFFD or `锟`.
pub(super) fn has_damage_marker(text: &str) -> bool {
    text.as_bytes().contains(&b'?') || text.contains(['\u{FFFD}', '锟'])
}

pub(super) fn flag_damage(
    text: &str,
    kinds: &mut Vec<&'static str>,
    flagged: &mut Vec<Range<usize>>,
) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(p, _)| p);
    let mut k = 0;
    while k < chars.len() {
        let Some(&(pos, c)) = chars.get(k) else { break };
        if c == '\u{FFFD}' {
            let mut e = k;
            while chars.get(e).is_some_and(|&(_, c)| c == '\u{FFFD}') {
                e += 1;
            }
            push_kind(kinds, "replacement-char");
            flagged.push(pos..end_of(e));
            k = e;
            continue;
        }
        if c == '锟'
            && chars
                .get(k + 1)
                .is_some_and(|&(_, c)| c == '斤' || c == '拷')
        {
            let mut e = k;
            while chars
                .get(e)
                .is_some_and(|&(_, c)| matches!(c, '锟' | '斤' | '拷'))
            {
                e += 1;
            }
            push_kind(kinds, "gbk-replacement-garbage");
            flagged.push(pos..end_of(e));
            k = e;
            continue;
        }
        if c == '?' && k > 0 && chars.get(k - 1).is_some_and(|&(_, p)| is_han(p)) {
            // The ASCII punctuation run starting here: `?!?,` after `出` is a lost `海”，`; `吗?` is a question.
            let mut e = k;
            while chars.get(e).is_some_and(|&(_, c)| c.is_ascii_punctuation()) {
                e += 1;
            }
            let punct: String = chars
                .get(k..e)
                .unwrap_or(&[])
                .iter()
                .map(|&(_, c)| c)
                .collect();
            let after = chars.get(e).map(|&(_, c)| c);
            let lost = punct.contains("?,")
                || punct.contains("?.")
                || punct.contains("?;")
                || punct.contains("?:")
                || punct.matches('?').count() >= 2 && punct.chars().any(|c| c != '?' && c != '!')
                || punct.len() == 1
                    && after.is_some_and(|c| c.is_ascii_lowercase())
                    && ruby_residue(&chars, e);
            if lost {
                push_kind(kinds, "lost-char-question-mark");
                flagged.push(pos..end_of(e));
            }
            k = e.max(k + 1);
            continue;
        }
        k += 1;
    }
}

/// `lián)` after a `?`: pinyin letters closed by `)` with no `(`, the rest of a ruby annotation whose opening
/// parenthesis was swallowed together with a GBK lead byte.
fn ruby_residue(chars: &[(usize, char)], from: usize) -> bool {
    let mut k = from;
    while chars.get(k).is_some_and(|&(_, c)| is_pinyin_letter(c)) {
        k += 1;
    }
    k > from && k - from <= 7 && chars.get(k).is_some_and(|&(_, c)| c == ')')
}

#[cfg(test)]
mod tests {
    use super::super::tests::{flagged, rep};

    #[test]
    fn unrecoverable_damage_is_flagged_not_invented() {
        assert_eq!(flagged("企业加速“走?!?,带动发展"), vec!["?!?,"]);
        assert_eq!(flagged("数据锟斤拷锟斤拷丢失"), vec!["锟斤拷锟斤拷"]);
        assert_eq!(flagged("数据被截断\u{FFFD}"), vec!["\u{FFFD}"]);
        assert_eq!(
            flagged("前文\u{FFFD}\u{FFFD}\u{FFFD}后文"),
            vec!["\u{FFFD}\u{FFFD}\u{FFFD}"]
        );
        let r = rep().repair("数据锟斤拷丢失").unwrap();
        assert_eq!(r.text, "数据锟斤拷丢失");
        assert_eq!(r.kinds, vec!["gbk-replacement-garbage"]);
    }

    #[test]
    fn ordinary_question_marks_are_not_damage() {
        for line in [
            "你好吗?我很好",
            "真的吗？",
            "真的吗?!",
            "你去吗? 我去。",
            "What? 你说什么？",
        ] {
            assert_eq!(rep().repair(line), None, "{line}");
        }
    }
}
