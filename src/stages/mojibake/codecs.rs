//! The sloppy codecs: the byte each character stands for in the code pages that made the mojibake, as the
//! decoders that made it read them. Single-byte pages (Windows-1252 and Latin-1 mixed, as browsers decode them, and
//! the eight other pages UTF-8 is commonly misread as) and the two-byte GBK and Big5 tables (WHATWG, from
//! `encoding_rs`, plus the ETEN/cp950 pairs of `data/big5_alternates.tsv`), each built once on first use.
//!
//! The bottom of the stage: imports only std and `encoding_rs`.

use std::sync::OnceLock;

// ---------------------------------------------------------------------------------------------------------
// Single-byte code pages
// ---------------------------------------------------------------------------------------------------------

/// Windows-1252 bytes 0x80-0x9F; undefined bytes stand for the C1 control of the same value, as browsers do.
pub(super) const CP1252_HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";

/// Bytes 0x80-0xFF of the other code pages that UTF-8 is commonly misread as (undefined bytes -> C1 control).
/// Generated from Python's codecs; order matters only when two pages both yield a valid repair.
const OTHER_PAGES: &[(&str, &str)] = &[
    ("cp1251", "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{98}™љ›њќћџ\u{a0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{ad}®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя"),
    ("cp1250", "€\u{81}‚\u{83}„…†‡\u{88}‰Š‹ŚŤŽŹ\u{90}‘’“”•–—\u{98}™š›śťžź\u{a0}ˇ˘Ł¤Ą¦§¨©Ş«¬\u{ad}®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"),
    ("macroman", "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"),
    ("cp437", "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}"),
    ("cp1253", "€\u{81}‚ƒ„…†‡\u{88}‰\u{8a}‹\u{8c}\u{8d}\u{8e}\u{8f}\u{90}‘’“”•–—\u{98}™\u{9a}›\u{9c}\u{9d}\u{9e}\u{9f}\u{a0}΅Ά£¤¥¦§¨©ª«¬\u{ad}®―°±²³΄µ¶·ΈΉΊ»Ό½ΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡÒΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώÿ"),
    ("cp1254", "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}\u{8e}\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}\u{9e}Ÿ\u{a0}¡¢£¤¥¦§¨©ª«¬\u{ad}®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĞÑÒÓÔÕÖ×ØÙÚÛÜİŞßàáâãäåæçèéêëìíîïğñòóôõö÷øùúûüışÿ"),
    ("cp1257", "€\u{81}‚\u{83}„…†‡\u{88}‰\u{8a}‹\u{8c}¨ˇ¸\u{90}‘’“”•–—\u{98}™\u{9a}›\u{9c}¯˛\u{9f}\u{a0}¡¢£¤¥¦§Ø©Ŗ«¬\u{ad}®Æ°±²³´µ¶·ø¹ŗ»¼½¾æĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽßąįāćäåęēčéźėģķīļšńņóōõö÷ųłśūüżž˙"),
    ("iso-8859-2", "\u{80}\u{81}\u{82}\u{83}\u{84}\u{85}\u{86}\u{87}\u{88}\u{89}\u{8a}\u{8b}\u{8c}\u{8d}\u{8e}\u{8f}\u{90}\u{91}\u{92}\u{93}\u{94}\u{95}\u{96}\u{97}\u{98}\u{99}\u{9a}\u{9b}\u{9c}\u{9d}\u{9e}\u{9f}\u{a0}Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u{ad}ŽŻ°ą˛ł´ľśˇ¸šşťź˝žżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"),
];

/// Latin-1 and Windows-1252 at once: mojibake often mixes them (a C1 control next to a curly quote).
pub(super) fn mixed_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    // Above Latin-1, a table lookup: this is asked of nearly every character of a suspicious line.
    if u < LATIN_TABLE_END as u32 {
        return latin_starts()
            .cp1252_high
            .get(u as usize)
            .copied()
            .filter(|&b| b != 0);
    }
    None
}

/// Windows-1252's 0x80-0x9F row (CP1252_HIGH) as a match: builds [`LatinStarts::cp1252_high`].
fn cp1252_high_byte(c: char) -> Option<u8> {
    match c {
        '€' => Some(0x80),
        '‚' => Some(0x82),
        'ƒ' => Some(0x83),
        '„' => Some(0x84),
        '…' => Some(0x85),
        '†' => Some(0x86),
        '‡' => Some(0x87),
        'ˆ' => Some(0x88),
        '‰' => Some(0x89),
        'Š' => Some(0x8A),
        '‹' => Some(0x8B),
        'Œ' => Some(0x8C),
        'Ž' => Some(0x8E),
        '‘' => Some(0x91),
        '’' => Some(0x92),
        '“' => Some(0x93),
        '”' => Some(0x94),
        '•' => Some(0x95),
        '–' => Some(0x96),
        '—' => Some(0x97),
        '˜' => Some(0x98),
        '™' => Some(0x99),
        'š' => Some(0x9A),
        '›' => Some(0x9B),
        'œ' => Some(0x9C),
        'ž' => Some(0x9E),
        'Ÿ' => Some(0x9F),
        _ => None,
    }
}

pub(super) struct CodePage {
    pub(super) kind: &'static str,
    /// (character, byte) sorted by character, for encoding.
    encode: Vec<(char, u8)>,
}

pub(super) fn other_pages() -> &'static [CodePage] {
    static PAGES: OnceLock<Vec<CodePage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        OTHER_PAGES
            .iter()
            .map(|&(name, high)| {
                let mut encode: Vec<(char, u8)> = high.chars().zip(0x80u8..=0xFF).collect();
                encode.sort_unstable();
                CodePage {
                    kind: page_kind(name),
                    encode,
                }
            })
            .collect()
    })
}

fn page_kind(name: &str) -> &'static str {
    match name {
        "cp1251" => "latin-utf8-as-cp1251",
        "cp1250" => "latin-utf8-as-cp1250",
        "macroman" => "latin-utf8-as-macroman",
        "cp437" => "latin-utf8-as-cp437",
        "cp1253" => "latin-utf8-as-cp1253",
        "cp1254" => "latin-utf8-as-cp1254",
        "cp1257" => "latin-utf8-as-cp1257",
        _ => "latin-utf8-as-iso8859-2",
    }
}

impl CodePage {
    pub(super) fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        self.encode
            .binary_search_by_key(&c, |&(ch, _)| ch)
            .ok()
            .and_then(|i| self.encode.get(i))
            .map(|&(_, b)| b)
    }
}

/// Per code point below U+2600 (no code page has a byte above that): a bit per code page (bit 0 Latin-1 with
/// Windows-1252, then [`OTHER_PAGES`] in order) for "is a UTF-8 lead byte there", and one for "is a
/// continuation byte there".
pub(super) struct LatinStarts {
    pub(super) lead: Vec<u16>,
    pub(super) cont: Vec<u16>,
    /// The Windows-1252 byte 0x80-0x9F of a code point U+0100 and up, or 0.
    cp1252_high: Vec<u8>,
}

pub(super) const LATIN_TABLE_END: usize = 0x2600;

pub(super) fn latin_starts() -> &'static LatinStarts {
    static TABLE: OnceLock<LatinStarts> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut lead = vec![0u16; LATIN_TABLE_END];
        let mut cont = vec![0u16; LATIN_TABLE_END];
        let cp1252_high: Vec<u8> = (0..LATIN_TABLE_END as u32)
            .map(|u| {
                char::from_u32(u)
                    .filter(|_| u >= 0x100)
                    .and_then(cp1252_high_byte)
                    .unwrap_or(0)
            })
            .collect();
        let mut mark = |c: char, b: u8, bit: u16| {
            if let (Some(l), Some(k)) = (lead.get_mut(c as usize), cont.get_mut(c as usize)) {
                if (0xC2..=0xF4).contains(&b) {
                    *l |= bit;
                }
                if is_cont(b) {
                    *k |= bit;
                }
            }
        };
        for u in 0x80..LATIN_TABLE_END as u32 {
            let byte = match cp1252_high.get(u as usize) {
                _ if u < 0x100 => u8::try_from(u).ok(),
                Some(&b) if b != 0 => Some(b),
                _ => None,
            };
            if let (Some(c), Some(b)) = (char::from_u32(u), byte) {
                mark(c, b, 1);
            }
        }
        for (k, page) in other_pages().iter().enumerate() {
            for &(c, b) in &page.encode {
                mark(c, b, 2 << k);
            }
        }
        LatinStarts {
            lead,
            cont,
            cp1252_high,
        }
    })
}

/// Could `c` followed by `next` be the first two characters of a UTF-8 sequence shown in some single-byte
/// code page (or its lead with the next byte lost or turned into a space)?
pub(super) fn could_start_latin(table: &LatinStarts, c: char, next: char) -> bool {
    if ('\u{80}'..='\u{9f}').contains(&c) {
        return true; // a C1 control is never text
    }
    let lead = table.lead.get(c as usize).copied().unwrap_or(0);
    if lead == 0 {
        return false;
    }
    let cont = table.cont.get(next as usize).copied().unwrap_or(0);
    lead & cont != 0 || next == ' ' || next == '\u{FFFD}'
}

pub(super) fn is_cont(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

// ---------------------------------------------------------------------------------------------------------
// GBK and Big5
// ---------------------------------------------------------------------------------------------------------

/// GBK's two-byte table in both directions, built once from `encoding_rs` (whose own legacy encoders favour
/// size over speed, and whose API decodes a pair only through an allocation).
pub(super) struct GbkTable {
    /// Indexed by (lead - 0x81) * 191 + (trail - 0x40): the character (GBK's pairs are all in the Basic
    /// Multilingual Plane, and u16 halves the table the hot loops walk), 0 for an invalid or user-defined pair.
    decode: Vec<u16>,
    /// Indexed by BMP code point: lead << 8 | trail, or 0 when GBK has no two-byte form.
    encode: Vec<u16>,
}

pub(super) fn gbk_table() -> &'static GbkTable {
    static TABLE: OnceLock<GbkTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut decode = vec![0u16; 126 * 191];
        let mut encode = vec![0u16; 0x10000];
        for lead in 0x81u8..=0xFE {
            for trail in 0x40u8..=0xFE {
                if trail == 0x7F {
                    continue;
                }
                let pair = [lead, trail];
                let Some(s) =
                    encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&pair)
                else {
                    continue;
                };
                let mut it = s.chars();
                let (Some(c), None) = (it.next(), it.next()) else {
                    continue;
                };
                let Ok(bmp) = u16::try_from(u32::from(c)) else {
                    continue;
                };
                if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                    continue;
                }
                let index = usize::from(lead - 0x81) * 191 + usize::from(trail - 0x40);
                if let Some(slot) = decode.get_mut(index) {
                    *slot = bmp;
                }
                // The first pair in byte order is the one an encoder writes (checked against encoding_rs in
                // the tests); the euro sign is written as the single byte 0x80.
                if let Some(slot) = encode.get_mut(c as usize).filter(|_| c != '€') {
                    if *slot == 0 {
                        *slot = u16::from_be_bytes(pair);
                    }
                }
            }
        }
        GbkTable { decode, encode }
    })
}

/// The GBK bytes of `chars`, or None unless every character has a two-byte form.
pub(super) fn gbk_encode(chars: &[char]) -> Option<Vec<u8>> {
    encode_pairs(chars, gbk_encode_char)
}

/// The bytes of `chars` in a two-byte code page, or None unless every character has a two-byte form.
pub(super) fn encode_pairs(chars: &[char], encode: fn(char) -> Option<[u8; 2]>) -> Option<Vec<u8>> {
    chars
        .iter()
        .try_fold(Vec::with_capacity(2 * chars.len()), |mut bytes, &c| {
            bytes.extend_from_slice(&encode(c)?);
            Some(bytes)
        })
}

/// Decodes one GBK byte pair strictly; None for an invalid pair or one in the user-defined area.
pub(super) fn gbk_pair(lead: u8, trail: u8) -> Option<char> {
    if !(0x81..=0xFE).contains(&lead) || !(0x40..=0xFE).contains(&trail) {
        return None;
    }
    let index = usize::from(lead - 0x81) * 191 + usize::from(trail - 0x40);
    let &u = gbk_table().decode.get(index)?;
    if u == 0 {
        return None;
    }
    char::from_u32(u32::from(u))
}

/// The Big5 bytes of `c` when it has a two-byte form.
pub(super) fn big5_encode_char(c: char) -> Option<[u8; 2]> {
    let pair = *big5_tables().1.get(c as usize)?;
    (pair != 0).then(|| pair.to_be_bytes())
}

pub(super) fn gbk_encode_char(c: char) -> Option<[u8; 2]> {
    let pair = *gbk_table().encode.get(c as usize)?;
    (pair != 0).then(|| pair.to_be_bytes())
}

/// Big5's two-byte table (WHATWG, as `encoding_rs` has it) in both directions, built on first use: decode
/// indexed like GBK's, encode by BMP code point (checked against encoding_rs's encoder in the tests).
pub(super) fn big5_tables() -> &'static (Vec<char>, Vec<u16>) {
    static TABLES: OnceLock<(Vec<char>, Vec<u16>)> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut decode = vec!['\0'; 126 * 191];
        let mut encode = vec![0u16; 0x10000];
        for (index, slot) in decode.iter_mut().enumerate() {
            let pair = [0x81 + (index / 191) as u8, 0x40 + (index % 191) as u8];
            let Some(s) =
                encoding_rs::BIG5.decode_without_bom_handling_and_without_replacement(&pair)
            else {
                continue;
            };
            let mut it = s.chars();
            let (Some(c), None) = (it.next(), it.next()) else {
                continue;
            };
            if ('\u{E000}'..='\u{F8FF}').contains(&c) || c.is_ascii() {
                continue;
            }
            *slot = c;
            // Encoders never write Hong Kong extension pairs (lead below 0xA1); of duplicates the WHATWG
            // encoder writes the first pair, except for five characters where it writes the last.
            if let Some(e) = encode.get_mut(c as usize).filter(|_| pair[0] >= 0xA1) {
                let last_wins = matches!(
                    c,
                    '\u{2550}' | '\u{255E}' | '\u{2561}' | '\u{256A}' | '\u{5341}' | '\u{5345}'
                );
                if *e == 0 || last_wins {
                    *e = u16::from_be_bytes(pair);
                }
            }
        }
        (decode, encode)
    })
}

/// Decodes one Big5 byte pair strictly (one character, not private use).
pub(super) fn big5_pair(lead: u8, trail: u8) -> Option<char> {
    if !(0x81..=0xFE).contains(&lead) || !(0x40..=0xFE).contains(&trail) {
        return None;
    }
    let index = usize::from(lead - 0x81) * 191 + usize::from(trail - 0x40);
    big5_tables().0.get(index).copied().filter(|&c| c != '\0')
}

const BIG5_ALTERNATES: &str = include_str!("../../../data/big5_alternates.tsv");

/// The pairs Python's ETEN-based `big5` / `cp950` codecs (and the old Windows tools that share their tables) read
/// as characters the WHATWG encoder writes with other bytes, from `data/big5_alternates.tsv`: (character,
/// pair) sorted by character, the first pair of the file where a character has several.
pub(super) fn big5_alternates() -> &'static [(char, u16)] {
    static TABLE: OnceLock<Vec<(char, u16)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(char, u16)> = BIG5_ALTERNATES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let pair = u16::from_str_radix(fields.next()?, 16).ok()?;
                let mut chars = fields.next()?.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    return None;
                };
                (big5_encode_char(c) != Some(pair.to_be_bytes())).then_some((c, pair))
            })
            .collect();
        table.sort_by_key(|&(c, _)| c);
        table.dedup_by_key(|&mut (c, _)| c);
        table
    })
}

/// The two-byte form of a character in some double-byte encoding.
pub(super) type PairEncoder = fn(char) -> Option<[u8; 2]>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_byte_matches_the_windows_1252_row() {
        for (i, c) in CP1252_HIGH.chars().enumerate() {
            assert_eq!(mixed_byte(c), Some(0x80 + i as u8), "{c}");
        }
        assert_eq!(mixed_byte('é'), Some(0xE9));
        assert_eq!(mixed_byte('中'), None);
    }

    #[test]
    fn gbk_table_agrees_with_encoding_rs() {
        let table = gbk_table();
        let mut checked = 0;
        for (index, &u) in table.decode.iter().enumerate() {
            let Some(c) = char::from_u32(u32::from(u)).filter(|&c| c != '\0') else {
                continue;
            };
            let mut buf = [0; 4];
            let (bytes, _, errors) = encoding_rs::GBK.encode(c.encode_utf8(&mut buf));
            assert!(!errors, "{c}");
            let want = (bytes.len() == 2).then_some(&*bytes);
            assert_eq!(gbk_encode(&[c]).as_deref(), want, "{c}");
            let pair = [0x81 + (index / 191) as u8, 0x40 + (index % 191) as u8];
            assert_eq!(gbk_pair(pair[0], pair[1]), Some(c));
            checked += 1;
        }
        assert!(checked > 21_000, "{checked}");
        assert_eq!(
            gbk_encode(&['我', '们']),
            Some(vec![0xCE, 0xD2, 0xC3, 0xC7])
        );
        assert_eq!(gbk_encode(&['a']), None); // one byte, not a pair
        assert_eq!(gbk_pair(0x81, 0x7F), None);
    }

    #[test]
    fn big5_table_agrees_with_encoding_rs() {
        let mut checked = 0;
        // Supplementary-plane characters (a few Big5 pairs) are not re-encoded: the table covers the BMP.
        for &c in big5_tables()
            .0
            .iter()
            .filter(|&&c| c != '\0' && (c as u32) < 0x10000)
        {
            let mut buf = [0; 4];
            let (bytes, _, errors) = encoding_rs::BIG5.encode(c.encode_utf8(&mut buf));
            let want = (!errors && bytes.len() == 2).then(|| [bytes[0], bytes[1]]);
            assert_eq!(big5_encode_char(c), want, "{c}");
            checked += 1;
        }
        assert!(checked > 13_000, "{checked}");
    }
}
