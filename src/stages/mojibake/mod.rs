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
mod settings;
mod tables;

pub use settings::MojibakeConfig;

use cjk::{repair_cjk, repair_gbk_as_latin1};
use codecs::{
    big5_alternates, big5_tables, could_start_latin, gbk_table, is_cont, latin_starts, mixed_byte,
    other_pages, CP1252_HIGH, LATIN_TABLE_END,
};
use frame_shift::LONE_SHIFT_RARE_HALF_BITS;
use tables::{char_classes, chars_of, han_costs, is_letter, is_pinyin_letter, push_kind};

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
// Latin mojibake
// ---------------------------------------------------------------------------------------------------------

/// One UTF-8 sequence found in the byte reading of a line.
#[derive(Clone)]
struct Seq {
    start: usize, // char index
    len: usize,   // chars consumed
    out: char,
    /// Keep the plain space that followed (`Ã perturber` -> `à perturber`).
    keep_space: bool,
    strong: bool,
    /// A letter of a non-Latin script counts only next to another sequence (`×”` alone is `×` + quote).
    needs_neighbour: bool,
}

/// Tries, in order: the whole line in Latin-1/Windows-1252, the whole line in each other code page, then
/// sequence by sequence in Latin-1/Windows-1252 (a line that mixes mojibake with real punctuation). Repeats
/// until nothing changes (text decoded wrongly twice needs two passes), then reads any C1 control that is left
/// as the Windows-1252 character it stands for.
fn repair_latin(
    line: &str,
    line_chars: Option<Vec<char>>,
    kinds: &mut Vec<&'static str>,
) -> String {
    let mut text = line.to_string();
    let mut given = line_chars;
    let mut chars: Vec<char> = Vec::new();
    let leads = &latin_starts().lead;
    for _ in 0..4 {
        match given.take() {
            Some(line_chars) => chars = line_chars,
            None => {
                chars.clear();
                chars.extend(text.chars());
            }
        }
        // Every sequence starts at a character that is a UTF-8 lead byte in some code page; text without
        // one (say, the Chinese the previous round decoded) has nothing left to repair.
        let has_lead = chars
            .iter()
            .any(|&c| leads.get(c as usize).is_some_and(|&bits| bits != 0));
        if !has_lead {
            break;
        }
        // The whole-line and the partial Windows-1252 readings find the same sequences (a whole-line
        // reading is one that left no non-ASCII character unexplained), so they are read once.
        let cp1252 = read_sequences(&chars, &mixed_byte, false);
        let fixed = cp1252
            .as_ref()
            .filter(|(_, complete)| *complete)
            .and_then(|(seqs, _)| judge_sequences(&text, &chars, seqs.clone(), true))
            .map(|f| (f, "latin-utf8-as-cp1252"))
            .or_else(|| {
                other_pages().iter().find_map(|page| {
                    fix_sequences(&text, &chars, &|c| page.byte(c), true).map(|f| (f, page.kind))
                })
            })
            .or_else(|| {
                let (seqs, _) = cp1252?;
                judge_sequences(&text, &chars, seqs, false).map(|f| (f, "latin-utf8-as-cp1252"))
            });
        match fixed {
            Some((f, kind)) if f != text => {
                push_kind(kinds, kind);
                text = f;
            }
            _ => break,
        }
    }
    if text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        let fixed: String = text
            .chars()
            .map(|c| match c as u32 {
                u @ 0x80..=0x9F => CP1252_HIGH
                    .chars()
                    .nth(u as usize - 0x80)
                    .filter(|&w| !('\u{80}'..='\u{9f}').contains(&w))
                    .unwrap_or(c),
                _ => c,
            })
            .collect();
        if fixed != text {
            push_kind(kinds, "c1-controls-as-cp1252");
            text = fixed;
        }
    }
    text
}

/// Finds UTF-8 sequences in the byte reading of `chars` under `map` and rebuilds the line with them decoded.
/// `whole_line`: every non-ASCII character must belong to a sequence, and a single short sequence must sit in a
/// lowercase word (`wei√ü`). Either way at least one sequence must be strong. None when not convincing.
fn fix_sequences(
    text: &str,
    chars: &[char],
    map: &impl Fn(char) -> Option<u8>,
    whole_line: bool,
) -> Option<String> {
    let (seqs, _) = read_sequences(chars, map, whole_line)?;
    judge_sequences(text, chars, seqs, whole_line)
}

/// The UTF-8 sequences of `chars` read under `map`, left to right, and whether every non-ASCII character
/// belongs to one. With `stop_at_gap`, None at the first non-ASCII character that does not.
fn read_sequences(
    chars: &[char],
    map: &impl Fn(char) -> Option<u8>,
    stop_at_gap: bool,
) -> Option<(Vec<Seq>, bool)> {
    // No sequence starts at an ASCII character, so in whole-line mode the first non-ASCII character decides
    // at once whether the line can be explained (most clean lines that reach here fail there).
    let first = chars.iter().position(|c| !c.is_ascii())?;
    if stop_at_gap && read_seq(chars, first, map).is_none() {
        return None;
    }
    let mut seqs: Vec<Seq> = Vec::with_capacity(chars.len().saturating_sub(first) / 2);
    let mut complete = true;
    let mut i = first;
    while i < chars.len() {
        if chars.get(i).is_some_and(|c| c.is_ascii()) {
            i += 1;
            continue;
        }
        match read_seq(chars, i, map) {
            Some(seq) => {
                i += seq.len;
                seqs.push(seq);
            }
            None => {
                if stop_at_gap {
                    return None;
                }
                complete = false;
                i += 1;
            }
        }
    }
    Some((seqs, complete))
}

/// The line rebuilt with `seqs` decoded, or None when they do not convince (see [`fix_sequences`]).
fn judge_sequences(
    text: &str,
    chars: &[char],
    mut seqs: Vec<Seq>,
    whole_line: bool,
) -> Option<String> {
    // Drop non-Latin letters that stand alone; in whole-line mode that leaves the line unexplained.
    let n = seqs.len();
    let adjacent: Vec<bool> = (0..n)
        .map(|k| {
            let s = &seqs[k];
            (k > 0 && seqs[k - 1].start + seqs[k - 1].len == s.start)
                || (k + 1 < n && s.start + s.len == seqs[k + 1].start)
        })
        .collect();
    // ...or where another sequence is confidently of the same script (`и` in `Рим и мир`).
    let mut strong_blocks: Vec<u32> = seqs
        .iter()
        .zip(&adjacent)
        .filter(|(s, &adj)| s.strong && (!s.needs_neighbour || adj))
        .map(|(s, _)| script_group(s.out))
        .collect();
    // A handful of distinct groups: deduplicated, the lookups below stay linear in the line.
    strong_blocks.sort_unstable();
    strong_blocks.dedup();
    let before = seqs.len();
    let mut k = 0;
    seqs.retain(|s| {
        let keep = !s.needs_neighbour
            || adjacent.get(k).copied().unwrap_or(false)
            || strong_blocks.contains(&script_group(s.out));
        k += 1;
        keep
    });
    if seqs.is_empty() || (whole_line && seqs.len() != before) || !seqs.iter().any(|s| s.strong) {
        return None;
    }
    if !whole_line && touches_unexplained_lead(chars, &seqs) {
        return None;
    }
    if whole_line {
        let single_ok = seqs.len() == 1
            && seqs.iter().all(|s| {
                s.len > 2
                    || (s.out.is_lowercase()
                        && s.start > 0
                        && chars
                            .get(s.start - 1)
                            .is_some_and(|c| c.is_ascii_lowercase()))
            });
        if seqs.len() < 2 && !single_ok {
            return None;
        }
    }
    // The text between sequences is copied as byte slices of `text` (`chars` is its characters).
    let byte_len = |from: usize, to: usize| -> usize {
        chars
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .map(|c| c.len_utf8())
            .sum()
    };
    let mut out = String::with_capacity(text.len());
    let (mut next, mut byte) = (0, 0);
    for s in &seqs {
        let kept = byte_len(next, s.start);
        out.push_str(text.get(byte..byte + kept).unwrap_or(""));
        out.push(s.out);
        if s.keep_space {
            out.push(' ');
        }
        next = s.start + s.len;
        byte += kept + byte_len(s.start, next);
    }
    out.push_str(text.get(byte..).unwrap_or(""));
    Some(out)
}

/// Characters of one writing system share a group: CJK ideographs, kana and CJK punctuation are one (`年`
/// between digits is as Chinese as `会议` elsewhere in the line); otherwise the 256-code-point block.
fn script_group(c: char) -> u32 {
    match c as u32 {
        0x3000..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => 0x3000,
        0xAC00..=0xD7AF => 0xAC00,
        u => u >> 8,
    }
}

/// In a partial repair, a sequence glued to an unexplained run of Latin-1 characters holding a UTF-8 lead letter
/// (`ã†â€™ãƒ`, `ã¢â‚¬`: mojibake that was later lowercased) means the text around it is damaged in a way the
/// repair does not understand; decoding only the pieces that happen to decode would leave a worse mix.
fn touches_unexplained_lead(chars: &[char], seqs: &[Seq]) -> bool {
    let mojibake_char = |c: &char| !c.is_ascii() && mixed_byte(*c).is_some();
    let lead_letter =
        |c: &char| is_letter(*c) && mixed_byte(*c).is_some_and(|b| (0xC2..=0xF4).contains(&b));
    seqs.iter().enumerate().any(|(k, s)| {
        let before_covered = k > 0 && seqs.get(k - 1).is_some_and(|p| p.start + p.len == s.start);
        let after_covered = seqs.get(k + 1).is_some_and(|n| s.start + s.len == n.start);
        let before = chars.get(..s.start).unwrap_or(&[]).iter().rev();
        let after = chars.get(s.start + s.len..).unwrap_or(&[]).iter();
        (!before_covered
            && before
                .take(3)
                .take_while(|c| mojibake_char(c))
                .any(lead_letter))
            || (!after_covered
                && after
                    .take(3)
                    .take_while(|c| mojibake_char(c))
                    .any(lead_letter))
    })
}

/// Reads one UTF-8 sequence starting at char `i`, with its strength, or None.
fn read_seq(chars: &[char], i: usize, map: &impl Fn(char) -> Option<u8>) -> Option<Seq> {
    let lead_char = *chars.get(i)?;
    let lead = map(lead_char)?;
    let need = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut buf = [lead, 0, 0, 0];
    let mut lost_nbsp = false;
    let mut lost_byte = false;
    let mut c1_cont = false;
    for (j, slot) in buf.iter_mut().enumerate().take(need + 1).skip(1) {
        let c = *chars.get(i + j)?;
        match map(c) {
            Some(b) if is_cont(b) => {
                *slot = b;
                c1_cont |= b < 0xA0;
            }
            // A NBSP (0xA0) that a later step turned into a plain space: `voilÃ le`, `namedÂ â€ž`, `â € `.
            _ if c == ' ' && !lost_nbsp && !lost_byte => {
                *slot = 0xA0;
                lost_nbsp = true;
            }
            // A byte lost by an earlier lossy decode, shown as U+FFFD or as `?` (`â€�`, `Ã?`, `â?¬`): the
            // character is gone, but the sequence is still one character of damage.
            _ if c == '\u{FFFD}' || (c == '?' && (need >= 2 || matches!(lead, 0xC2 | 0xC3))) => {
                *slot = 0x80;
                lost_byte = true;
            }
            _ => return None,
        }
    }
    let prev = if i > 0 {
        chars.get(i - 1).copied()
    } else {
        None
    };
    let after = chars.get(i + need + 1).copied();
    if lost_byte {
        return lost_byte_seq(chars, i, need, lead_char, c1_cont, lost_nbsp, prev, after);
    }
    let Some(decoded) = decode_utf8_sequence(buf, need) else {
        return read_cesu(chars, i, map);
    };
    let (strong, needs_neighbour) = if need >= 2 {
        if !plausible_wide(decoded) {
            return None;
        }
        let u = decoded as u32;
        let common_block = matches!(u, 0x0900..=0x0DFF | 0x0E01..=0x0E5B | 0x1E00..=0x1EFF | 0x2000..=0x2BFF)
            || u >= 0x3000;
        if !c1_cont && !common_block {
            return None; // `á´´` -> U+1D34: two Latin-1 symbols after an accented letter are real text
        }
        // A lone CJK or Hangul character from three Latin letters is usually real text (`ë…”` -> U+B154).
        let cjk = (0x3000..0xA000).contains(&u) || (0xAC00..0xD7B0).contains(&u);
        // A space read as NBSP is a guess: it never decides a line alone.
        (!lost_nbsp, cjk)
    } else if (0x80..=0x9F).contains(&(decoded as u32)) && lead == 0xC2 {
        (false, false) // `Â\u{81}` -> U+0081: only the first of two layers (`ÃŒÂ\u{81}` -> U+0301)
    } else {
        if !plausible_two_byte(decoded) {
            return None;
        }
        let cont = chars.get(i + 1).copied()?;
        let strong = two_byte_strength(lead, cont, decoded, prev, after, lost_nbsp);
        let latin = (decoded as u32) < 0x0370 || (0x02C6..=0x02DD).contains(&(decoded as u32));
        let in_word = prev.is_some_and(is_letter) && after.is_some_and(is_letter);
        (strong, !latin && !in_word)
    };
    // `Ã ` is `à` whose NBSP became a space. Usually a space followed it too (`Ã  nos` -> `à nos`), or whitespace
    // was collapsed and the space must stay (`Ã nos`, `voilÃ le`); the exception is a Portuguese contraction
    // of the article, where `à` is glued to the next letters (`Ã s` -> `às`, `Ã quele` -> `àquele`).
    let keep_space = lost_nbsp
        && need == 1
        && lead == 0xC3
        && after != Some(' ')
        && !starts_crasis(chars.get(i + 2..).unwrap_or(&[]));
    Some(Seq {
        start: i,
        len: need + 1,
        out: decoded,
        keep_space,
        strong,
        needs_neighbour,
    })
}

/// The character of a UTF-8 sequence whose lead (`buf[0]`, 0xC2-0xF4) and `need` continuation bytes are
/// already known to be in range; None for an overlong form, a surrogate or a code point above U+10FFFF
/// (exactly what `str::from_utf8` rejects in such a sequence).
fn decode_utf8_sequence(buf: [u8; 4], need: usize) -> Option<char> {
    let [lead, b1, b2, b3] = buf.map(u32::from);
    let (u, min) = match need {
        1 => ((lead & 0x1F) << 6 | (b1 & 0x3F), 0x80),
        2 => ((lead & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F), 0x800),
        _ => (
            (lead & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F),
            0x1_0000,
        ),
    };
    if u < min {
        return None;
    }
    char::from_u32(u)
}

/// Portuguese contractions written with a grave accent: à + as, aquele(s), aquela(s), aquilo.
/// French elision (`Ã s'éloigner` is `à s'éloigner`) is not one.
fn starts_crasis(rest: &[char]) -> bool {
    let word: String = rest.iter().take_while(|&&c| is_letter(c)).collect();
    let elided = matches!(rest.get(word.chars().count()), Some('\'' | '’'));
    !elided
        && matches!(
            word.as_str(),
            "s" | "quele" | "queles" | "quela" | "quelas" | "quilo"
        )
}

/// A sequence with a lost byte decodes to U+FFFD. It is strong only where nothing else explains it: a
/// multi-byte lead followed by Windows-1252 punctuation (`â�’`), or a capital plus U+FFFD inside a lowercase
/// word (`SlovenÄ�ina`).
#[allow(clippy::too_many_arguments)]
fn lost_byte_seq(
    chars: &[char],
    i: usize,
    need: usize,
    lead_char: char,
    c1_cont: bool,
    lost_nbsp: bool,
    prev: Option<char>,
    after: Option<char>,
) -> Option<Seq> {
    let n_lost = chars
        .get(i + 1..=i + need)?
        .iter()
        .filter(|&&c| c == '\u{FFFD}' || c == '?')
        .count();
    if need >= 2 && n_lost == need {
        return None; // `â??`: nothing but the lead is left, too little to call it a character
    }
    let in_lower_word = prev.is_some_and(|c| c.is_lowercase())
        && after.is_some_and(|c| c.is_lowercase())
        && lead_char.is_uppercase();
    let strong = !lost_nbsp && ((need >= 2 && c1_cont) || in_lower_word);
    Some(Seq {
        start: i,
        len: need + 1,
        out: '\u{FFFD}',
        keep_space: false,
        strong,
        needs_neighbour: false,
    })
}

/// Emoji written as two UTF-16 surrogates, each encoded as UTF-8 (CESU-8), then misread: `í\u{a0}½í¸\u{8d}`.
fn read_cesu(chars: &[char], i: usize, map: &impl Fn(char) -> Option<u8>) -> Option<Seq> {
    let bytes: Vec<u8> = chars
        .get(i..i + 6)?
        .iter()
        .map(|&c| map(c))
        .collect::<Option<_>>()?;
    match bytes.as_slice() {
        &[0xED, h1 @ 0xA0..=0xAF, h2, 0xED, l1 @ 0xB0..=0xBF, l2] if is_cont(h2) && is_cont(l2) => {
            let hi = 0xD000 + ((u32::from(h1) & 0x3F) << 6) + (u32::from(h2) & 0x3F);
            let lo = 0xD000 + ((u32::from(l1) & 0x3F) << 6) + (u32::from(l2) & 0x3F);
            let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            let out = char::from_u32(cp)?;
            Some(Seq {
                start: i,
                len: 6,
                out,
                keep_space: false,
                strong: true,
                needs_neighbour: false,
            })
        }
        _ => None,
    }
}

/// Strength of a two-byte sequence such as `Ã©`: true is enough on its own to change the line, false is taken
/// only when the line also has a strong one.
fn two_byte_strength(
    lead: u8,
    cont: char,
    out: char,
    prev: Option<char>,
    after: Option<char>,
    lost_nbsp: bool,
) -> bool {
    let prev_lower = prev.is_some_and(|c| c.is_lowercase());
    let after_letter = after.is_some_and(is_letter);
    // A possessive after an accented capital is real text: `ZZAJÉ’s`, `Ã’s`.
    if cont == '’' && after_letter {
        return false;
    }
    if lost_nbsp {
        return lead == 0xC3 && prev_lower;
    }
    if lead == 0xC2 || lead == 0xC3 {
        // The leads of every Latin-1 symbol and letter (`Â`, `Ã` in Windows-1252); only the yen sign is
        // ambiguous (Scandinavian `å` vs. a stylised name such as `DrÃ¥ber`).
        return cont != '¥';
    }
    if matches!(cont, '¢' | '£' | '¤' | '¥' | '™' | '—' | '–' | '\u{a0}') || rare_letter(out)
    {
        return false;
    }
    let after_upper = after.is_some_and(|c| c.is_uppercase());
    let prev_upper = prev.is_some_and(|c| c.is_uppercase());
    // `MÄ£ÄM`: a lowercase letter inside an all-caps word is not what the writer meant.
    !(out.is_lowercase() && prev_upper && after_upper)
}

/// Latin Extended-A letters that no major language uses (Esperanto, Greenlandic, Maltese, Sami): real text
/// that only looks like mojibake (`HÅØYA`) decodes to these.
fn rare_letter(c: char) -> bool {
    matches!(c, 'Ĉ'..='ċ' | 'Ĝ' | 'ĝ' | 'Ġ' | 'ġ' | 'Ĥ'..='ħ' | 'Ĩ' | 'ĩ' | 'Ĭ' | 'ĭ' | 'Ĵ' | 'ĵ' | 'Ŋ' | 'ŋ'
        | 'Ŏ' | 'ŏ' | 'Ŗ' | 'ŗ' | 'Ŝ' | 'ŝ' | 'Ŧ' | 'ŧ' | 'Ũ' | 'ũ' | 'Ŭ' | 'ŭ' | 'Ŵ'..='ŷ')
}

/// Characters a two-byte UTF-8 sequence may decode to in a repair: common Latin, Greek, Cyrillic, Hebrew and
/// Arabic letters, Latin-1 symbols and combining accents. IPA, Armenian and rare extensions are left out,
/// because `Ê…`, `Õ…` and `É®` in capitalised text decode to exactly those.
fn plausible_two_byte(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x00A0..=0x017E | 0x01A0 | 0x01A1 | 0x01AF | 0x01B0 | 0x01CD..=0x01DC | 0x0218..=0x021B
        | 0x02C6..=0x02DD | 0x0300..=0x036F | 0x0386..=0x03CE | 0x0401..=0x045F | 0x0490 | 0x0491
        | 0x05D0..=0x05EA | 0x0621..=0x064A | 0x0660..=0x0669)
        && !matches!(u, 0x0138 | 0x013F | 0x0140 | 0x0149)
}

/// Characters a three- or four-byte sequence may decode to: anything but controls, private use, surrogates and
/// noncharacters (U+FFFD is allowed: it was already in the text, one encoding deeper).
fn plausible_wide(c: char) -> bool {
    let u = c as u32;
    !c.is_control()
        && !(0xE000..=0xF8FF).contains(&u)
        && !(0xFFF0..=0xFFFC).contains(&u)
        && u != 0xFFFE
        && u != 0xFFFF
        && u < 0xF0000
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
    fn latin_utf8_read_as_cp1252_once_and_twice() {
        let r = rep().repair("cafÃ©").unwrap();
        assert_eq!(r.text, "café");
        assert_eq!(r.kinds, vec!["latin-utf8-as-cp1252"]);
        assert!(r.unrecoverable.is_empty());
        assert_eq!(fixed("cafÃƒÂ©"), "café");
        assert_eq!(fixed("â€œquotedâ€\u{9d}"), "“quoted”");
        // Python: 'Ecuador’s ‘policy’'.encode('utf-8').decode('latin-1')
        assert_eq!(
            fixed("Ecuadorâ\u{80}\u{99}s â\u{80}\u{98}policyâ\u{80}\u{99}…"),
            "Ecuador’s ‘policy’…"
        );
        assert_eq!(fixed("\u{84}Handwerk\u{93} bringt"), "„Handwerk“ bringt");
        assert_eq!(fixed("naÃ¯ve voilÃ le travail"), "naïve voilà le travail");
    }

    #[test]
    fn utf8_sequences_decode_as_from_utf8_does() {
        for lead in 0xC2u8..=0xF4 {
            let need = match lead {
                0xC2..=0xDF => 1,
                0xE0..=0xEF => 2,
                _ => 3,
            };
            for b1 in 0x80u8..=0xBF {
                for b2 in 0x80u8..=0xBF {
                    for b3 in [0x80u8, 0x9F, 0xBF] {
                        let buf = [lead, b1, b2, b3];
                        let want = std::str::from_utf8(&buf[..=need])
                            .ok()
                            .and_then(|s| s.chars().next());
                        assert_eq!(decode_utf8_sequence(buf, need), want, "{buf:02X?}");
                    }
                }
            }
        }
    }

    #[test]
    fn lost_bytes_and_lost_nbsp() {
        // 'Straße – café'.encode('utf-8').decode('cp1252') with the 0x80 of the en dash lost as '?'.
        assert_eq!(fixed("StraÃŸe â?“ cafÃ©"), "Straße \u{FFFD} café");
        // U+2800 is E2 A0 80; the A0 became a space: 'â € ' next to a certain repair.
        assert_eq!(fixed("â € cafÃ©"), "\u{2800} café");
        // Python: 'Рим и мир'.encode('utf-8').decode('cp1251'), whose A0 byte of 'Р' (D0 A0) became a space.
        assert_eq!(fixed("Р РёРј Рё РјРёСЂ"), "Рим и мир");
        // Portuguese contraction: the space is the NBSP byte; elsewhere it is kept.
        assert_eq!(fixed("vou Ã s trÃªs"), "vou às três");
        assert_eq!(fixed("jusqu'Ã nos rÃªves"), "jusqu'à nos rêves");
        assert_eq!(fixed("signe Ã s'Ã©loigner"), "signe à s'éloigner");
    }

    #[test]
    fn lowercased_mojibake_is_not_half_repaired() {
        // Python: 'Ação’ feita' through UTF-8 -> cp1252 twice, then lowercased. 'ã' no longer encodes to C3,
        // so only the pieces `â‚¬` and `â„¢` would decode, into a worse mix.
        assert_eq!(rep().repair("aãƒâ§ãƒâ£oã¢â‚¬â„¢ feita"), None);
    }

    #[test]
    fn ligature_from_cp1251() {
        // 'ﬁ' (EF AC 81) read as cp1251 is 'п¬Ѓ'; a presentation form is not a lone CJK character.
        assert_eq!(fixed("signiп¬Ѓcant"), "signiﬁcant");
    }

    #[test]
    fn other_code_pages_and_emoji() {
        // Python: 'Привет мир'.encode('utf-8').decode('cp1251')
        assert_eq!(fixed("РџСЂРёРІРµС‚ РјРёСЂ"), "Привет мир");
        assert_eq!(fixed("weiÃŸ"), "weiß");
        assert_eq!(fixed("Hi í\u{a0}½í¸\u{8d}"), "Hi 😍");
        assert_eq!(fixed("ç®€ä½“ä¸\u{ad}æ–‡"), "简体中文");
    }

    #[test]
    fn latin_lookalikes_stay() {
        for line in [
            "Bremer/Mccoy – DrÃ¥ber",
            "C O N C L U S Ã O",
            "There are a lot of Ã’s in mojibake text",
            "NESTLÉ® requiere",
            "HUHLL Õ…",
            "(-1/2)! = √π",
            "Offering 5×£35 pin ups",
            "SÃO PAULO e NÃO",
            "Größe, café, naïve, Ελληνικά, русский",
            "Is it ok? Yes.",
        ] {
            assert_eq!(rep().repair(line), None, "{line}");
        }
    }

    #[test]
    fn full_width_punctuation_is_never_made_ascii() {
        assert_eq!(fixed("Ningboï¼ŒChina"), "Ningbo，China");
        assert_eq!(rep().repair("他说：“你好，世界！”（完）"), None);
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
