//! Build script: derives the compact CC-CEDICT tables (`src/align/cedict_table.rs`) from the shipped,
//! gzip-compressed dictionary into `$OUT_DIR/cedict.bin`, which the binary embeds, so that no process ever
//! decompresses or parses the dictionary at start-up. Uses the same parsing code as the library.

#[path = "src/text/han.rs"]
mod han;

/// What the dictionary code uses of `crate::text`.
mod text {
    pub use crate::han::is_han;
}

#[allow(dead_code)]
#[path = "src/align/gloss_words.rs"]
mod gloss_words;

#[allow(dead_code)]
#[path = "src/align/cedict_table.rs"]
mod cedict_table;

use std::io::Read;

const CEDICT: &str = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz";

fn main() {
    println!("cargo:rerun-if-changed={CEDICT}");
    for f in [
        "src/text/han.rs",
        "src/align/gloss_words.rs",
        "src/align/cedict_table.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let gz = std::fs::read(CEDICT).unwrap_or_else(|e| panic!("cannot read {CEDICT}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("cannot decompress {CEDICT}: {e}"));
    let blob = cedict_table::build(&text);
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("cedict.bin"), blob).expect("cannot write cedict.bin");
}
