//! Print every two-byte Big5 pair and the character encoding_rs (the WHATWG Big5 table, as browsers decode)
//! reads it as: `LEADTRAIL<TAB>U+XXXX`, one per line. Used by `scripts/gen_big5_alternates.py`, which compares
//! this table with Python's `big5` and `cp950` codecs.
//! `cargo run --example dump_big5_pairs`
use std::io::Write;

fn main() {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for lead in 0x81u8..=0xFE {
        for trail in (0x40u8..=0x7E).chain(0xA1..=0xFE) {
            let pair = [lead, trail];
            let Some(text) =
                encoding_rs::BIG5.decode_without_bom_handling_and_without_replacement(&pair)
            else {
                continue;
            };
            let mut chars = text.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if writeln!(out, "{lead:02X}{trail:02X}\tU+{:04X}", c as u32).is_err() {
                    return;
                }
            }
        }
    }
}
