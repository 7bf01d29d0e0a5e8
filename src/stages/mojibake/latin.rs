//! Latin mojibake, ftfy's core case: UTF-8 bytes that were decoded with a single-byte code page (`cafÃ©`,
//! `â€œquotedâ€\u{9d}`), once or twice. Each suspicious sequence is mapped back to the bytes its characters stand
//! for, and taken only when it decodes to a plausible character; a line changes only when at least one sequence is
//! unmistakable, so real text that merely looks odd (`DrÃ¥ber`, all-caps accented words) stays.
//!
//! Imports the codecs and the tables below it in the stage only.

use super::codecs::{is_cont, latin_starts, mixed_byte, other_pages, CP1252_HIGH};
use super::tables::{is_letter, push_kind};

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
pub(super) fn repair_latin(
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

/// Whether the whole line reads as UTF-8 shown as Windows-1252 (every non-ASCII character in a valid,
/// convincing sequence). Such a line is not GBK shown as Latin-1, even where its byte pairs also read as
/// GBK (`è¯´ï¼š`, UTF-8 `说：`, reads as GBK `璇达細`): valid UTF-8 is far rarer by chance than valid GBK.
pub(super) fn reads_as_utf8(line: &str, chars: &[char]) -> bool {
    read_sequences(chars, &mixed_byte, true)
        .filter(|(_, complete)| *complete)
        .and_then(|(seqs, _)| judge_sequences(line, chars, seqs, true))
        .is_some()
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
    // `ƒ` (Windows-1252's 0x83) comes back from the first layer of text encoded twice (`情` = E6 83 85 ->
    // `æƒ…` -> `Ã¦Æ’â€¦`); alone it proves nothing.
    if matches!(cont, '¢' | '£' | '¤' | '¥' | '™' | '—' | '–' | '\u{a0}')
        || rare_letter(out)
        || out == 'ƒ'
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
/// Arabic letters, Latin-1 symbols and combining accents, and `ƒ`, the one Windows-1252 character outside
/// them (an inner layer of text encoded twice). IPA, Armenian and rare extensions are left out, because
/// `Ê…`, `Õ…` and `É®` in capitalised text decode to exactly those.
fn plausible_two_byte(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x00A0..=0x017E | 0x0192 | 0x01A0 | 0x01A1 | 0x01AF | 0x01B0 | 0x01CD..=0x01DC | 0x0218..=0x021B
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

#[cfg(test)]
mod tests {
    use super::super::tests::{fixed, rep};
    use super::*;

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
    fn twice_encoded_chinese_with_byte_0x83() {
        // Through UTF-8 and sloppy Windows-1252 twice: `心` (E5 BF 83), `情` (E6 83 85) and `都` (E9 83 BD)
        // hold the byte 0x83, which the first layer reads as `ƒ` and the second as `Æ’`.
        assert_eq!(
            fixed("Ã¤Â»â€“Ã§Å¡â€žÃ¥Â¿Æ’Ã¦Æ’â€¦Ã¥Â¾Ë†Ã¥Â¥Â½Ã¯Â¼Å’Ã¦Ë†â€˜Ã¤Â»Â¬Ã©Æ’Â½Ã¥Â¾Ë†Ã©Â«ËœÃ¥â€¦Â´Ã£â‚¬â€š"),
            "他的心情很好，我们都很高兴。"
        );
        // A line that reads whole as UTF-8 is not GBK shown as Latin-1, though `è¯´ï¼š` reads as GBK too.
        assert_eq!(fixed("ä»–è¯´ï¼šâ€œè¿™æœ¬ä¹¦"), "他说：“这本书");
        // `ƒ` alone decides nothing.
        for line in ["Æ’ is a letter", "f(x) = Æ’"] {
            assert_eq!(rep().repair(line), None, "{line}");
        }
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
}
