//! Mojibake repair: undo text that was decoded with the wrong character encoding, and flag what cannot be undone.
//!
//! What it does, per line:
//! * **Latin mojibake** (ftfy's core case): UTF-8 bytes that were decoded as Windows-1252 / Latin-1 (`cafÃ©`,
//!   `â€œquotedâ€\u{9d}`), once or twice, and whole lines decoded with another single-byte code page (Cyrillic,
//!   Central European, Greek, Turkish, Baltic, Mac Roman, DOS 437). Each suspicious sequence is mapped back to
//!   the bytes its characters stand for; only a valid UTF-8 decode of a plausible character is taken, and a line
//!   is changed only when at least one sequence is unmistakable. Leftover C1 control characters are read as
//!   Windows-1252 (they never occur in real text).
//! * **Chinese mojibake**: a Han run whose characters are improbable under a character-frequency model (see
//!   `data/han_freq.txt`) is re-examined as (a) UTF-8 that was read as GBK (`鎴戜滑` = `我们`) and (b) a GBK or Big5 frame
//!   shift, where one byte was lost or inserted and every later character was decoded from the wrong byte pair
//!   (`碛辛烁喃@` = `…有了…獲`) until an ASCII trail byte resynchronised the decoder. Runs of Latin-1 letters that are
//!   really GBK bytes (`ÎÒÃÇ` = `我们`) are decoded too. Big5 confusions are re-read the same way: UTF-8 or GBK bytes
//!   shown as Big5 (`坻蠅` = `他们`) and Big5 bytes shown as GBK, over spans of four or more Han characters. GBK shown as
//!   Big5 is undone for both families of Big5 decoders: browsers (the WHATWG table) and Python / old Windows tools
//!   (ETEN/cp950 tables, which read 261 pairs otherwise: `し` for GBK's `苹`). A repair is accepted only when it lowers
//!   the mean cost per Han character by a configurable margin.
//! * **Unrecoverable damage** is reported as byte ranges in the returned text: U+FFFD runs, `锟斤拷` runs,
//!   `?` residue of a lost character in Chinese text (`出?!?,`), and every frame-shift repair (a shift means a
//!   byte is provably gone or foreign, so the characters at its edges cannot be trusted).
//!
//! Speed: an allocation-free pre-scan (table lookups per character, a tight loop over U+3000-U+9FFF) decides
//! which repairs a line could need; clean lines end there. Each repair is linear in the line and the text is
//! scanned again only after it changed. Changes for speed are checked with a differential run of the old and
//! new stage over tens of thousands of lines and their damaged variants (outputs must not differ).
//!
//! What it never does: invent characters for lost bytes, convert full-width punctuation to ASCII, change a line
//! that is merely unusual (a lone `Ã’s`, `DrÃ¥ber`, all-caps accented words), or flag a normal `?` / `？`.
//!
//! Limits: no dictionary beyond unigram character costs, so a frame shift that lands on common characters by chance
//! is missed; a lost byte inside a UTF-8 sequence (`Ã?`, `â€�`) becomes one U+FFFD, never a guess; a frame shift of a
//! single character (`圻@款` = `這款`) is repaired only when it trades a rare character for a far commoner one; a shift
//! is assumed to resynchronise only on `@`, a letter, or another ASCII symbol followed by Chinese (never `|`),
//! because symbols after rare words are common in clean text (`剞劂[ji1`); reduplicated rare words (`勤勤懇懇`) count their
//! distinct characters only, but four distinct rare characters can still read as a commoner four in another code page
//! (`鴛鴦蝴蝶`, found in CC-CEDICT). The ETEN pairs (`data/big5_alternates.tsv`) are used for GBK read as Big5 only; a
//! run takes them only when one of its characters reads decisively better through them, so a single ambiguous
//! character (`ヶ`: WHATWG `球`, ETEN `前`) keeps the WHATWG reading even when an ETEN decoder made it.

use std::ops::Range;

use crate::text::is_han;
use crate::validate::FieldError;

mod cjk;
mod codecs;
mod frame_shift;
mod latin;
mod settings;
mod tables;

pub use settings::MojibakeConfig;

use cjk::{repair_cjk, repair_gbk_as_latin1};
use codecs::{
    big5_alternates, big5_tables, could_start_latin, gbk_table, latin_starts, mixed_byte,
    LATIN_TABLE_END,
};
use frame_shift::LONE_SHIFT_RARE_HALF_BITS;
use latin::repair_latin;
use tables::{char_classes, chars_of, han_costs, is_pinyin_letter, push_kind};

// Apart from the settings (settings.rs) because building needs the repairer and warms every table, all above them.
impl MojibakeConfig {
    pub fn build(&self) -> Result<MojibakeRepairer, Vec<FieldError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        // Build the tables once, up front, rather than inside the first worker thread.
        han_costs();
        gbk_table();
        big5_tables();
        big5_alternates();
        char_classes();
        latin_starts();
        Ok(MojibakeRepairer { cfg: self.clone() })
    }
}

/// The compiled stage; cheap to share across threads.
#[derive(Debug, Clone)]
pub struct MojibakeRepairer {
    cfg: MojibakeConfig,
}

/// The result of repairing one line.
#[derive(Debug, Clone, PartialEq)]
pub struct MojibakeRepair {
    /// The repaired line.
    pub text: String,
    /// Byte ranges in `text` that could not be repaired.
    pub unrecoverable: Vec<Range<usize>>,
    /// What was done, in order, without duplicates.
    pub kinds: Vec<&'static str>,
}

impl MojibakeRepairer {
    /// None when the line needs nothing (the common, fast path: must be cheap for clean lines).
    pub fn repair(&self, line: &str) -> Option<MojibakeRepair> {
        let first_non_ascii = skip_ascii(line.as_bytes(), 0);
        if first_non_ascii == line.len() {
            return None;
        }
        let mut scan = self.scan(line, first_non_ascii, true);
        if !scan.any() {
            return None;
        }
        let mut kinds: Vec<&'static str> = Vec::new();
        let mut text = line.to_string();
        // GBK shown as Latin-1 goes first: the Latin repair would otherwise read some of its byte pairs as
        // UTF-8 (`»Ãµ` holds `Ãµ`) and destroy the rest. A repair can expose work for the later ones (Latin
        // mojibake of Chinese yields Han text to check), so the line is scanned again after each change.
        // The characters of `text`, when a repair has collected them and the text is still the same.
        let mut text_chars: Option<Vec<char>> = None;
        if scan.gbk_latin1 {
            let chars = chars_of(&text);
            match repair_gbk_as_latin1(&self.cfg, &text, &chars, &mut kinds) {
                Some(fixed) if fixed != text => {
                    text = fixed;
                    scan = self.scan(&text, 0, false);
                }
                _ => text_chars = Some(chars),
            }
        }
        if scan.latin {
            let fixed = repair_latin(&text, text_chars, &mut kinds);
            if fixed != text {
                text = fixed;
                scan = self.scan(&text, 0, false);
            }
        }
        if !scan.complete {
            scan = self.scan(&text, 0, false);
        }
        let mut flagged = Vec::new();
        if scan.cjk {
            let fixed = repair_cjk(&self.cfg, &text, &mut kinds, &mut flagged);
            if fixed != text {
                text = fixed;
                // Only damage is left to find, and `flag_damage` judges it exactly: a cheap test for the
                // characters it looks for is enough.
                scan.damage = self.cfg.flag_unrecoverable && has_damage_marker(&text);
            }
        }
        if scan.damage {
            flag_damage(&text, &mut kinds, &mut flagged);
        }
        if text == line && flagged.is_empty() {
            return None;
        }
        flagged.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in flagged {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Some(MojibakeRepair {
            text,
            unrecoverable: merged,
            kinds,
        })
    }

    /// The allocation-free pre-scan: which repairs the line could need. Clean text sets none, and then costs
    /// one pass over its bytes: ASCII is skipped a word at a time, and the three-byte characters U+3000-U+9FFF
    /// (nearly all of Chinese text) are decoded inline and judged with one table lookup. `from` is a char
    /// boundary with only ASCII before it.
    ///
    /// With `stop_at_latin`, the scan stops as soon as both Latin repairs are known to be due (and says it is
    /// not `complete`): mojibake lines are nearly always changed by them and then scanned again anyway.
    fn scan(&self, line: &str, from: usize, stop_at_latin: bool) -> Scan {
        let costs = han_costs();
        let latin_table = latin_starts();
        let bytes = line.as_bytes();
        let mut scan = Scan::default();
        // The Han run that ends at `i`: its length and cost in half bits. A `?` right after it is residue.
        let mut run_len = 0u32;
        let mut run_cost = 0u32;
        let end_run = |run_len: &mut u32, run_cost: &mut u32, scan: &mut Scan| {
            if *run_len > 0 {
                if run_is_suspect(*run_len, *run_cost, self.cfg.suspect_bits) {
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
                if stop_at_latin && scan.latin && scan.gbk_latin1 && self.cfg.latin && self.cfg.cjk
                {
                    return scan;
                }
            }
            end_run(&mut run_len, &mut run_cost, &mut scan);
        }
        if run_is_suspect(run_len, run_cost, self.cfg.suspect_bits) {
            scan.cjk = true;
        }
        scan.latin &= self.cfg.latin;
        scan.gbk_latin1 &= self.cfg.cjk;
        scan.cjk &= self.cfg.cjk;
        scan.damage &= self.cfg.flag_unrecoverable;
        scan.complete = true;
        scan
    }
}

/// Whether `text` holds a character that [`flag_damage`] looks for: `?`, U+FFFD or `锟`.
fn has_damage_marker(text: &str) -> bool {
    text.as_bytes().contains(&b'?') || text.contains(['\u{FFFD}', '锟'])
}

/// The first index at or after `i` that holds a non-ASCII byte (or the length): eight bytes per step.
fn skip_ascii(bytes: &[u8], mut i: usize) -> usize {
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

/// What the pre-scan found a line could need.
#[derive(Debug, Default, Clone, Copy)]
struct Scan {
    latin: bool,
    gbk_latin1: bool,
    cjk: bool,
    damage: bool,
    /// The whole line was scanned (see `stop_at_latin`); otherwise only `latin` and `gbk_latin1` are known.
    complete: bool,
}

impl Scan {
    fn any(self) -> bool {
        self.latin || self.gbk_latin1 || self.cjk || self.damage
    }
}

fn run_is_suspect(len: u32, half_bits: u32, suspect_bits: f64) -> bool {
    len >= 2 && f64::from(half_bits) / 2.0 >= suspect_bits * f64::from(len)
}

// ---------------------------------------------------------------------------------------------------------
// Unrecoverable damage
// ---------------------------------------------------------------------------------------------------------

fn flag_damage(text: &str, kinds: &mut Vec<&'static str>, flagged: &mut Vec<Range<usize>>) {
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
    use super::*;
    use proptest::prelude::*;

    pub(super) fn rep() -> MojibakeRepairer {
        MojibakeConfig::default().build().unwrap()
    }

    pub(super) fn fixed(line: &str) -> String {
        rep()
            .repair(line)
            .map(|r| r.text)
            .unwrap_or_else(|| line.to_string())
    }

    pub(super) fn flagged(line: &str) -> Vec<String> {
        rep()
            .repair(line)
            .map(|r| {
                r.unrecoverable
                    .iter()
                    .map(|g| r.text[g.clone()].to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

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

    /// Long garbled lines complete (speed itself is measured by the benchmarks, not asserted here).
    #[test]
    fn long_lines_complete() {
        for line in [
            "碛辛烁喃".repeat(20_000),
            "ÎÒÃÇ".repeat(20_000),
            "杩欐槸".repeat(20_000),
        ] {
            let _ = rep().repair(&line);
        }
        let line = "cafÃ© 碛辛烁喃@得 ".repeat(4_000);
        let r = rep().repair(&line).unwrap();
        assert!(r.text.starts_with("café"));
    }

    const COMMON_HAN: &str = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过\
        家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长";

    proptest! {
        #[test]
        fn clean_cjk_ascii_is_untouched(picks in proptest::collection::vec(0usize..200, 0..60)) {
            let han: Vec<char> = COMMON_HAN.chars().collect();
            let other: Vec<char> = "abcXYZ0123456789 ，。、；：？！“”《》（）".chars().collect();
            let line: String = picks
                .iter()
                .map(|&p| if p < 120 { han[p % han.len()] } else { other[p % other.len()] })
                .collect();
            prop_assert_eq!(rep().repair(&line), None);
        }

        #[test]
        fn never_panics(line in "\\PC{0,40}") {
            let _ = rep().repair(&line);
        }
    }
}
