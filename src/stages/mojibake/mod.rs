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
//!
//! Layout, split the way ftfy splits it: this file holds the public types and the entry point
//! [`MojibakeRepairer::repair`], which runs the pre-scan and the repairs in order. Each file below imports only
//! files under it (and `crate::text`, `crate::validate`; `cjk` also takes the kana test of `crate::stages::langid`),
//! never `crate::pipeline`, `crate::batch`, `crate::output` or `crate::config`:
//! * `detect`: the pre-scan (what a line could need) and the damage no repair can undo;
//! * `latin`, `cjk`: the repairs; `cjk` hands the runs it cannot explain to `frame_shift`;
//! * `frame_shift`: GBK and Big5 frame shifts;
//! * `tables`: Han character costs and character classes;
//! * `codecs`, `settings`: the code pages and the GBK and Big5 tables; the stage's settings.

use std::ops::Range;

use crate::validate::FieldError;

mod cjk;
mod codecs;
mod detect;
mod frame_shift;
mod latin;
mod settings;
mod tables;

pub use settings::MojibakeConfig;

use cjk::{repair_cjk, repair_gbk_as_latin1};
use codecs::{big5_alternates, big5_tables, gbk_table, latin_starts};
use detect::{flag_damage, has_damage_marker, skip_ascii};
use latin::{reads_as_utf8, repair_latin};
use tables::{char_classes, chars_of, han_costs};

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
        let mut scan = detect::scan(&self.cfg, line, first_non_ascii, true);
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
            let utf8 = scan.latin && reads_as_utf8(&text, &chars);
            match (!utf8)
                .then(|| repair_gbk_as_latin1(&self.cfg, &text, &chars, &mut kinds))
                .flatten()
            {
                Some(fixed) if fixed != text => {
                    text = fixed;
                    scan = detect::scan(&self.cfg, &text, 0, false);
                }
                _ => text_chars = Some(chars),
            }
        }
        if scan.latin {
            let fixed = repair_latin(&text, text_chars, &mut kinds);
            if fixed != text {
                text = fixed;
                scan = detect::scan(&self.cfg, &text, 0, false);
            }
        }
        if !scan.complete {
            scan = detect::scan(&self.cfg, &text, 0, false);
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
}
#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // Shared with the tests of every file below: a repair is tested the way the stage runs it, after the
    // pre-scan and the repairs before it.
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
