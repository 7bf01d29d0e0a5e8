//! GBK and Big5 frame shifts: a byte lost, stray or inserted in a two-byte stream, so that every later character
//! was decoded from the wrong pair until an ASCII trail byte resynchronised the decoder (`碛辛烁喃@` = `…有了…獲`).
//! The shifted tail is re-read one byte late; a shift is also where a character is provably gone, so its repair is
//! flagged too. The lone-character case (`圻@款` = `這款`) has its own, stricter rule.
//!
//! Imports the settings, the tables and the codecs below it in the stage, and `crate::text`.

use super::codecs::{big5_encode_char, big5_pair, encode_pairs, gbk_encode_char, gbk_pair};
use super::settings::MojibakeConfig;
use super::tables::{char_classes, han_costs, is_chinese_text_char, is_pinyin_letter};
use crate::text::{is_cjk_punct, is_han};

/// A two-byte code page whose decoder can slip a byte: GBK or Big5.
pub(super) struct ShiftPage {
    /// The repair's name in `kinds`.
    kind: &'static str,
    encode: fn(char) -> Option<[u8; 2]>,
    pair: fn(u8, u8) -> Option<char>,
}

pub(super) const SHIFT_PAGES: [ShiftPage; 2] = [
    ShiftPage {
        kind: "gbk-frame-shift",
        encode: gbk_encode_char,
        pair: gbk_pair,
    },
    ShiftPage {
        kind: "big5-frame-shift",
        encode: big5_encode_char,
        pair: big5_pair,
    },
];

pub(super) struct Shift {
    pub(super) kind: &'static str,
    pub(super) kept: usize,
    pub(super) text: String,
    pub(super) used_next: bool,
}

/// A frame shift in `page` inside `run`: for each split point, the characters from it on are re-read one byte
/// late. The character at the split is dropped: it pairs an orphaned byte (from a lost, stray or inserted
/// byte) with the next character's lead. The run's last byte then needs a partner: the next character
/// when that is ASCII 0x40-0x7E (`@` in `喃@得`, a trail byte that resynchronised the decoder); or none,
/// when it is itself ASCII (a letter the shifted decoder swallowed as a trail byte: `荓inux` = `是L` + `inux`)
/// or dangles before the `?`/U+FFFD a decoder leaves for a lone lead byte. Among candidates beating the
/// original by the margin, the one with the cheapest resulting run wins.
///
/// Every split point reads the same odd-aligned byte pairs, so they are decoded once and each candidate is
/// judged in O(1) from suffix sums.
pub(super) fn frame_shift(
    cfg: &MojibakeConfig,
    run: &[char],
    following: &[char],
    page: &ShiftPage,
) -> Option<Shift> {
    let next = following.first().copied();
    let n = run.len();
    if n < 2 {
        return None;
    }
    let table = han_costs();
    let classes = char_classes();
    // How the run ends is decided first: it depends only on the last byte and the next character, and
    // most runs have no way to end a shift (a cheap no).
    let [_, last_byte] = (page.encode)(*run.last()?)?;
    // The end of the shifted run, for each way it may end: (text, Han cost, Han count, used next).
    let mut endings: Vec<(Option<char>, f64, usize, bool)> = Vec::new();
    if let Some(t) = next.filter(|_| is_resync_byte(following)) {
        if let Some(c) = (page.pair)(last_byte, t as u8).filter(|&c| classes.is_chinese_text(c)) {
            let han = is_han(c);
            endings.push((
                Some(c),
                if han { table.bits(c) } else { 0.0 },
                usize::from(han),
                true,
            ));
        }
    }
    // A swallowed letter is the first of a word that goes on after the run.
    if next.is_some_and(|c| c.is_ascii_alphabetic()) && last_byte.is_ascii_alphabetic() {
        endings.push((Some(char::from(last_byte)), 0.0, 0, false));
    }
    if matches!(next, Some('?' | '\u{FFFD}')) {
        endings.push((None, 0.0, 0, false));
    }
    if endings.is_empty() {
        return None;
    }
    let bytes = encode_pairs(run, page.encode)?;
    // pairs[j] is bytes 2j+1 and 2j+2 read as one character, for j in 0..n-1.
    let pairs: Vec<Option<char>> = (0..n - 1)
        .map(|j| {
            let (a, b) = (*bytes.get(2 * j + 1)?, *bytes.get(2 * j + 2)?);
            (page.pair)(a, b).filter(|&c| classes.is_chinese_text(c))
        })
        .collect();
    // Suffix sums over the original run (before) and over the shifted pairs (after).
    let mut run_cost = vec![0.0; n + 1];
    let mut run_han = vec![0usize; n + 1];
    let mut pair_cost = vec![0.0; n];
    let mut pair_han = vec![0usize; n];
    let mut pair_valid_from = n - 1; // pairs[j..] are all valid for j >= this
    for j in (0..n).rev() {
        let c = *run.get(j)?;
        let han = is_han(c);
        run_cost[j] = run_cost[j + 1] + if han { table.bits(c) } else { 0.0 };
        run_han[j] = run_han[j + 1] + usize::from(han);
        if let Some(&p) = pairs.get(j) {
            let han = p.is_some_and(is_han);
            pair_cost[j] = pair_cost[j + 1] + p.filter(|_| han).map_or(0.0, |c| table.bits(c));
            pair_han[j] = pair_han[j + 1] + usize::from(han);
            if p.is_some() && pair_valid_from == j + 1 {
                pair_valid_from = j;
            }
        }
    }
    // Shifted bytes turn the text's own punctuation into Han characters, and make punctuation only by
    // chance: a candidate tail that still holds Chinese punctuation is clean text that is merely rare
    // (`胸墙“饴糖”？` would otherwise become `胸墙“绿恰保`). So tails start after the last one.
    let after_punct = run
        .iter()
        .rposition(|&c| is_punctuation_mark(c))
        .map_or(0, |p| p + 1);
    // Shifted tails longer than 64 characters are not considered: a real frame shift resynchronises at the
    // next ASCII byte long before that.
    let first = n.saturating_sub(64).max(after_punct).max(pair_valid_from);
    let mut best: Option<(f64, usize, usize)> = None; // (total cost, kept, ending)
    for kept in first..n - 1 {
        let n_before = run_han[kept];
        if n_before < 2 {
            continue;
        }
        let before = run_cost[kept] / n_before as f64;
        let kept_cost = run_cost[0] - run_cost[kept];
        for (e, &(_, end_cost, end_han, _)) in endings.iter().enumerate() {
            let n_after = pair_han[kept] + end_han;
            if n_after < 2 {
                continue;
            }
            let after_cost = pair_cost[kept] + end_cost;
            if before - after_cost / (n_after as f64) < cfg.min_gain_bits {
                continue;
            }
            let total = kept_cost + after_cost;
            if best.is_none_or(|(t, _, _)| total < t) {
                best = Some((total, kept, e));
            }
        }
    }
    let (_, kept, e) = best?;
    let &(end_char, _, _, used_next) = endings.get(e)?;
    let mut text: String = pairs.get(kept..)?.iter().flatten().collect();
    text.extend(end_char);
    Some(Shift {
        kind: page.kind,
        kept,
        text,
        used_next,
    })
}

/// Whether the first of `following` (the characters after a Han run) may be an ASCII trail byte that a
/// frame-shifted decoder read and then resynchronised on (see [`frame_shift`]): `@` or a
/// letter; another symbol of 0x40-0x7E only with Chinese text right after it, and never `|`. Symbols follow
/// Chinese in clean text often (`剞劂[ji1`, `首页|新闻`), and a rare run before one then reads as a shift by chance.
fn is_resync_byte(following: &[char]) -> bool {
    match following {
        [c, ..] if *c == '@' || c.is_ascii_alphabetic() => true,
        ['|', ..] => false,
        [c, after, ..] => ('\u{40}'..='\u{7E}').contains(c) && is_chinese_text_char(*after),
        _ => false,
    }
}

fn is_punctuation_mark(c: char) -> bool {
    is_cjk_punct(c) || (('\u{FF01}'..='\u{FF5E}').contains(&c) && !c.is_alphanumeric())
}

/// A one-character GBK or Big5 frame shift: a stray byte before a character whose trail byte is ASCII
/// (`@`, `A`-`Z`, `a`-`z`), so the decoder paired the stray byte with the lead and resynchronised at once
/// (`圻@款` = stray 0xDB + `這款`, 這 being 0xDF 0x40). Returns the character the lead and the ASCII trail make.
///
/// One character is little evidence, and a real `@` or letter between Han characters happens (`@某人`,
/// `X光`), so the rule demands a lopsided trade: the lone character must be rare (at least
/// [`LONE_SHIFT_RARE_HALF_BITS`]), the re-read one at least [`LONE_SHIFT_MIN_GAIN_HALF_BITS`] cheaper (256
/// times as probable) and not rare itself, and Han must follow the ASCII byte. `七@一` (七 is common) and
/// `慰@藉` (緻 is only 3 bits cheaper) stay as they are. Over 9 million characters of clean Chinese (web
/// pages, literature, the Bible, CC-CEDICT) no character qualifies, in either code page.
pub(super) fn lone_stray_byte(run: &[char], rest: &[char]) -> Option<(&'static str, char)> {
    let [x] = run else { return None };
    let (&trail, &after) = (rest.first()?, rest.get(1)?);
    if !(trail == '@' || trail.is_ascii_alphabetic()) || !is_han(after) || !is_han(*x) {
        return None;
    }
    let table = han_costs();
    if table.half_bits(*x) < LONE_SHIFT_RARE_HALF_BITS {
        return None;
    }
    SHIFT_PAGES
        .iter()
        .filter_map(|page| {
            let [_, lead] = (page.encode)(*x)?;
            let y = (page.pair)(lead, trail as u8).filter(|&y| is_han(y))?;
            Some((table.half_bits(y), page.kind, y))
        })
        .filter(|&(bits, _, _)| {
            bits <= LONE_SHIFT_COMMON_HALF_BITS
                && bits + LONE_SHIFT_MIN_GAIN_HALF_BITS <= table.half_bits(*x)
        })
        .min_by_key(|&(bits, _, _)| bits)
        .map(|(_, kind, y)| (kind, y))
}

/// See [`lone_stray_byte`]: 14 bits is rarer than all but the last few percent of Chinese text's characters.
pub(super) const LONE_SHIFT_RARE_HALF_BITS: u8 = 28;
/// See [`lone_stray_byte`]: 8 bits.
const LONE_SHIFT_MIN_GAIN_HALF_BITS: u8 = 16;
/// See [`lone_stray_byte`]: 16 bits keeps `蘋` (as in 蘋果) and `圖` and excludes the rarest characters.
const LONE_SHIFT_COMMON_HALF_BITS: u8 = 32;

/// Where the residue of a lost character begins at the end of `out`: a `?` or U+FFFD right after Chinese text,
/// optionally followed by ASCII that was inserted into the byte stream (`?lián)`).
pub(super) fn residue_start(out: &str) -> usize {
    let mut junk = 0;
    for (pos, c) in out.char_indices().rev() {
        if c == '?' || c == '\u{FFFD}' {
            return pos;
        }
        if junk < 10 && (is_pinyin_letter(c) || c == '(' || c == ')') {
            junk += 1;
            continue;
        }
        break;
    }
    out.len()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{fixed, rep};

    #[test]
    fn gbk_frame_shift_is_repaired_and_flagged() {
        // '我們在這裏工作得很愉快' in GBK with a ruby '(men)' inserted after the lead byte of 們 (0x82): the lead
        // and '(' became '?', the next bytes 83 d4 | da df decoded one byte late, and decoding resynchronised at
        // the trail byte 0x40 of 這 (df 40), shown as '@'.
        let r = rep().repair("我?men)冊谶@裏工作得很愉快").unwrap();
        assert_eq!(r.text, "我?men)在這裏工作得很愉快");
        assert!(r.kinds.contains(&"gbk-frame-shift"));
        let spans: Vec<&str> = r.unrecoverable.iter().map(|g| &r.text[g.clone()]).collect();
        assert_eq!(spans, vec!["?men)在這"]);
    }

    #[test]
    fn one_character_frame_shift_needs_a_lopsided_trade() {
        // A stray byte 0xDB before 這 (0xDF 0x40): 0xDB 0xDF read as 圻, then 0x40 as `@`.
        let r = rep()
            .repair("圻@款軟體支援Windows和macOS兩個平台。")
            .unwrap();
        assert_eq!(r.text, "這款軟體支援Windows和macOS兩個平台。");
        assert!(r.kinds.contains(&"gbk-frame-shift"));
        // A common character, a middling one, or no Han after the ASCII byte: left alone.
        for clean in ["七@一网", "慰@藉", "邮箱圻@qq.com", "圻@ 款"] {
            assert_eq!(fixed(clean), clean);
        }
    }

    #[test]
    fn big5_frame_shifts() {
        // '他們把報告' in Big5 after a stray byte: the stray and 他's lead read as 璆, its trail 0x4C as `L`.
        let r = rep().repair("璆L們把報告上傳到Google雲端硬碟。").unwrap();
        assert_eq!(r.text, "他們把報告上傳到Google雲端硬碟。");
        assert!(r.kinds.contains(&"big5-frame-shift"));
        // '蘋果公司' after a stray byte: two characters read one byte late, resynchronised at 果's trail `G`.
        assert_eq!(
            fixed("鬮囿G公司昨天發表了新款iPhone手機。"),
            "蘋果公司昨天發表了新款iPhone手機。"
        );
    }

    #[test]
    fn symbols_after_rare_words_are_not_resynchronisation() {
        // Dictionary-style lines: rare words before `[`, `|` read as frame shifts by chance.
        for clean in [
            "剞 剞 [ji1] /used in 剞劂[ji1 jue2]/",
            "僥 侥 [yao2] /used in 僬僥|僬侥[Jiao1 Yao2]/",
            "氤 氤 [yin1] /used in 氤氳|氤氲[yin1 yun1]/",
            "勤勤懇懇 勤勤恳恳 [qin2 qin2 ken3 ken3]",
        ] {
            assert_eq!(fixed(clean), clean);
        }
    }
}
