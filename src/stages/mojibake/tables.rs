//! Character tables: what each Han character costs under a unigram frequency model (`data/han_freq.txt`), the
//! classes the Chinese passes ask of every character (one lookup per code point rather than a chain of range
//! tests), letter tests tuned for Latin-1, and the two small helpers every repair shares. The tables are built
//! once, on first use, because the pre-scan and the hot loops ask them of nearly every character.
//!
//! Imports `crate::text` and, below it in the stage, [`codecs`](super::codecs) only (the ETEN/cp950 pairs are
//! one of the classes).

use std::sync::OnceLock;

use super::codecs::big5_alternates;
use crate::text::{is_cjk_punct, is_han};

// ---------------------------------------------------------------------------------------------------------
// Han character costs
// ---------------------------------------------------------------------------------------------------------

const HAN_FREQ: &str = include_str!("../../../data/han_freq.txt");
const TABLE_FIRST: u32 = 0x3400;
const TABLE_LAST: u32 = 0x9FFF;
/// The pre-scan's table starts at the CJK symbols block, which holds `〇`.
const SCAN_FIRST: u32 = 0x3000;
/// Cost of a Han character missing from the table, in half bits (26 bits: rarer than anything listed).
pub(super) const UNKNOWN_HALF_BITS: u8 = 52;

/// Costs (-log2 p, in half bits) of the Han characters U+3400..=U+9FFF, indexed directly.
pub(super) struct HanCosts {
    half_bits: Vec<u8>,
    /// For U+3000..=U+9FFF: the cost of a Han character (never 0), or 0 for any other character; the
    /// pre-scan's single lookup.
    scan: Vec<u8>,
}

impl HanCosts {
    pub(super) fn half_bits(&self, c: char) -> u8 {
        let u = c as u32;
        if !(TABLE_FIRST..=TABLE_LAST).contains(&u) {
            return UNKNOWN_HALF_BITS;
        }
        match self.half_bits.get((u - TABLE_FIRST) as usize) {
            Some(&v) if v > 0 => v,
            _ => UNKNOWN_HALF_BITS,
        }
    }

    /// `half_bits` of code point `u` in U+3000..=U+9FFF when it is Han ([`is_han`]), else 0.
    pub(super) fn scan_half_bits(&self, u: u32) -> u8 {
        u.checked_sub(SCAN_FIRST)
            .and_then(|k| self.scan.get(k as usize))
            .copied()
            .unwrap_or(0)
    }

    pub(super) fn bits(&self, c: char) -> f64 {
        f64::from(self.half_bits(c)) / 2.0
    }

    /// Mean cost of the Han characters of `chars`, and how many there were.
    pub(super) fn mean_bits(&self, chars: &[char]) -> (f64, usize) {
        self.mean_bits_iter(chars.iter().copied())
    }

    pub(super) fn mean_bits_iter(&self, chars: impl Iterator<Item = char>) -> (f64, usize) {
        // Half bits are integers, so the sum is exact in any order.
        let (mut sum, mut n) = (0u64, 0usize);
        for bits in chars.filter_map(|c| self.han_half_bits(c)) {
            sum += u64::from(bits);
            n += 1;
        }
        if n == 0 {
            return (f64::INFINITY, 0);
        }
        (sum as f64 / 2.0 / n as f64, n)
    }

    /// `half_bits` of `c` when it is Han ([`is_han`]), in one lookup for the common range.
    pub(super) fn han_half_bits(&self, c: char) -> Option<u8> {
        let u = c as u32;
        if (SCAN_FIRST..=TABLE_LAST).contains(&u) {
            return Some(self.scan_half_bits(u)).filter(|&b| b > 0);
        }
        is_han(c).then(|| self.half_bits(c))
    }
}

pub(super) fn han_costs() -> &'static HanCosts {
    static TABLE: OnceLock<HanCosts> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut half_bits = vec![0u8; (TABLE_LAST - TABLE_FIRST + 1) as usize];
        for line in HAN_FREQ.lines().filter(|l| !l.starts_with('#')) {
            let Some((cost, chars)) = line.split_once('\t') else {
                continue;
            };
            let Ok(cost) = cost.parse::<u8>() else {
                continue;
            };
            for c in chars.chars() {
                let u = c as u32;
                if (TABLE_FIRST..=TABLE_LAST).contains(&u) {
                    if let Some(slot) = half_bits.get_mut((u - TABLE_FIRST) as usize) {
                        *slot = cost.max(1);
                    }
                }
            }
        }
        let mut costs = HanCosts {
            half_bits,
            scan: Vec::new(),
        };
        costs.scan = (SCAN_FIRST..=TABLE_LAST)
            .map(|u| match char::from_u32(u) {
                Some(c) if is_han(c) => costs.half_bits(c),
                _ => 0,
            })
            .collect();
        costs
    })
}

// ---------------------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------------------

/// A character that Chinese text and its mojibake are made of: Han, Chinese punctuation, full-width forms.
/// (The hot loops ask [`CharClasses`] instead.)
pub(super) fn is_chinese_text_char(c: char) -> bool {
    is_han(c) || is_cjk_punct(c) || ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '\u{3000}'
}

/// A character that GBK writes as two bytes and that mis-decoded bytes commonly come out as: besides Chinese
/// text, kana, bopomofo, pinyin letters, Greek, Cyrillic, box drawing, circled numbers, vertical and small
/// forms, bopomofo tone marks (`杞︾珯` is `车站` in UTF-8 read as GBK; Big5 shows GBK's `。` as `﹝` and
/// its `？` as `ˋ`), and the symbols Big5 shows the brackets and quotes of GBK's first row as (`《》` as `▲◎`,
/// `「」` as `☆★`, `“”` as `※§`, `【】` as `▽▼`, `〔〕` as `〃○`, `—～` as `〞‵`). Runs of these are what the
/// Chinese repairs re-encode.
fn is_gbk_wide(c: char) -> bool {
    is_chinese_text_char(c)
        || matches!(c as u32,
            0x00A7 | 0x0101..=0x01DC | 0x02C7 | 0x02C9..=0x02CB | 0x02D9 | 0x0391..=0x03C9 | 0x0401..=0x0451
            | 0x2035 | 0x203B | 0x2160..=0x217F | 0x2190..=0x2199 | 0x2460..=0x24FF | 0x2500..=0x257F
            | 0x25A0 | 0x25A1 | 0x25B2 | 0x25B3 | 0x25BC | 0x25BD | 0x25C6 | 0x25C7 | 0x25CB | 0x25CE | 0x25CF
            | 0x2605 | 0x2606 | 0x3003 | 0x301D | 0x301E | 0x3040..=0x30FF | 0x3105..=0x3129
            | 0xFE30..=0xFE6B | 0xFFE0..=0xFFE5)
}

/// [`is_chinese_text_char`] and [`is_gbk_wide`] for the Basic Multilingual Plane as one table lookup: the
/// Chinese passes ask them of every character of a line, several times.
pub(super) struct CharClasses {
    bits: Vec<u8>,
}

const CHINESE_TEXT: u8 = 1;
const GBK_WIDE: u8 = 2;
/// Listed in [`big5_alternates`].
const BIG5_ALTERNATE: u8 = 4;

impl CharClasses {
    pub(super) fn is_chinese_text(&self, c: char) -> bool {
        match self.bits.get(c as usize) {
            Some(&b) => b & CHINESE_TEXT != 0,
            None => is_chinese_text_char(c),
        }
    }

    pub(super) fn is_gbk_wide(&self, c: char) -> bool {
        match self.bits.get(c as usize) {
            Some(&b) => b & GBK_WIDE != 0,
            None => is_gbk_wide(c),
        }
    }

    /// Whether `c` has an ETEN/cp950 pair ([`big5_alternates`]); all of them are in the BMP.
    pub(super) fn has_big5_alternate(&self, c: char) -> bool {
        self.bits
            .get(c as usize)
            .is_some_and(|&b| b & BIG5_ALTERNATE != 0)
    }
}

pub(super) fn char_classes() -> &'static CharClasses {
    static TABLE: OnceLock<CharClasses> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut bits: Vec<u8> = (0..=0xFFFFu32)
            .map(|u| match char::from_u32(u) {
                Some(c) => {
                    (if is_chinese_text_char(c) {
                        CHINESE_TEXT
                    } else {
                        0
                    }) | (if is_gbk_wide(c) { GBK_WIDE } else { 0 })
                }
                None => 0,
            })
            .collect();
        for &(c, _) in big5_alternates() {
            if let Some(b) = bits.get_mut(c as usize) {
                *b |= BIG5_ALTERNATE;
            }
        }
        CharClasses { bits }
    })
}

/// The ETEN/cp950 pair of `c` where it differs from the WHATWG one ([`big5_alternates`]).
pub(super) fn big5_alternate_char(c: char) -> Option<[u8; 2]> {
    if !char_classes().has_big5_alternate(c) {
        return None;
    }
    let table = big5_alternates();
    let k = table.binary_search_by_key(&c, |&(ch, _)| ch).ok()?;
    table.get(k).map(|&(_, pair)| pair.to_be_bytes())
}

/// `char::is_alphabetic` with a table-free answer for Latin-1, where mojibake lives (the Unicode table
/// lookup dominated the Latin-1 passes).
pub(super) fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0xFF => true,
        0x80..=0xFF => false,
        _ => c.is_alphabetic(),
    }
}

pub(super) fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, '\u{e0}'..='\u{fc}' | '\u{101}'..='\u{1dc}')
}

// ---------------------------------------------------------------------------------------------------------
// Helpers the repairs share
// ---------------------------------------------------------------------------------------------------------

/// The characters of `s`, allocated once (collecting `chars()` grows the vector several times).
pub(super) fn chars_of(s: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(s.chars().count());
    chars.extend(s.chars());
    chars
}

pub(super) fn push_kind(kinds: &mut Vec<&'static str>, kind: &'static str) {
    if !kinds.contains(&kind) {
        kinds.push(kind);
    }
}

#[cfg(test)]
mod tests {
    use super::super::codecs::big5_encode_char;
    use super::*;

    #[test]
    fn is_letter_agrees_with_unicode() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{u:04X}");
        }
    }

    #[test]
    fn char_classes_agree_with_the_definitions() {
        let classes = char_classes();
        for c in [
            '我',
            '，',
            '「',
            'Ａ',
            '\u{3000}',
            'ā',
            'Ω',
            'ぶ',
            '①',
            '\u{20000}',
            'a',
            'é',
            '€',
        ] {
            assert_eq!(classes.is_chinese_text(c), is_chinese_text_char(c), "{c}");
            assert_eq!(classes.is_gbk_wide(c), is_gbk_wide(c), "{c}");
        }
        assert!(classes.is_chinese_text('我') && !classes.is_chinese_text('a'));
        assert!(classes.is_gbk_wide('ぶ') && !classes.is_chinese_text('ぶ'));
    }

    #[test]
    fn big5_alternates_are_pairs_the_whatwg_table_reads_otherwise() {
        let table = big5_alternates();
        assert!(table.len() > 200, "{}", table.len());
        for &(c, pair) in table {
            let bytes = pair.to_be_bytes();
            let whatwg =
                encoding_rs::BIG5.decode_without_bom_handling_and_without_replacement(&bytes);
            assert_ne!(
                whatwg.as_deref(),
                Some(c.encode_utf8(&mut [0; 4]) as &str),
                "{c}"
            );
            assert_ne!(big5_encode_char(c), Some(bytes), "{c}");
        }
        // Python: 'し'.encode('big5') == b'\xc6\xbb', which is GBK's '苹'.
        assert_eq!(big5_alternate_char('し'), Some([0xC6, 0xBB]));
        assert_eq!(big5_alternate_char('我'), None);
    }
}
