//! The mojibake stage against plsfix (the Rust port of ftfy), measured in the same run on the same lines:
//! clean Chinese, clean English, and mojibake-heavy text. Both work line by line, as `fix` does. plsfix runs
//! with only its encoding repairs switched on (its `fix_encoding` family), which is the work this stage does;
//! its full default `fix_text` is measured too, for reference.
//!
//! `cargo bench --features bench-plsfix --bench mojibake` (the feature only brings in plsfix); compare the MB/s
//! of `cleanalign_*` with `plsfix_encoding_*` for the same input.

use cleanalign::config::Config;
use cleanalign::stages::mojibake::MojibakeRepairer;
use divan::{black_box, Bencher};
use plsfix::TextFixerConfig;
use std::sync::OnceLock;

#[path = "common/mojibake_inputs.rs"]
mod mojibake_inputs;
use mojibake_inputs::input;

fn main() {
    divan::main();
}

/// Lines tiled to about 1 MB, with their total byte count.
fn tile(lines: Vec<String>) -> (usize, Vec<String>) {
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < 1 << 20 && !lines.is_empty() {
        for l in &lines {
            bytes += l.len() + 1;
            out.push(l.clone());
        }
    }
    (bytes, out)
}

fn clean_zh() -> &'static (usize, Vec<String>) {
    static C: OnceLock<(usize, Vec<String>)> = OnceLock::new();
    C.get_or_init(|| tile(input("zh")))
}

fn clean_en() -> &'static (usize, Vec<String>) {
    static C: OnceLock<(usize, Vec<String>)> = OnceLock::new();
    C.get_or_init(|| tile(input("en")))
}

/// Every line damaged (see `common/mojibake_inputs.rs`).
fn mojibake() -> &'static (usize, Vec<String>) {
    static C: OnceLock<(usize, Vec<String>)> = OnceLock::new();
    C.get_or_init(|| tile(input("mojibake")))
}

fn repairer() -> &'static MojibakeRepairer {
    static R: OnceLock<MojibakeRepairer> = OnceLock::new();
    R.get_or_init(|| Config::default().mojibake.build().expect("default config"))
}

fn plsfix_encoding_only() -> &'static TextFixerConfig {
    static C: OnceLock<TextFixerConfig> = OnceLock::new();
    C.get_or_init(|| TextFixerConfig {
        unescape_html: Some(false),
        remove_terminal_escapes: false,
        fix_latin_ligatures: false,
        fix_character_width: false,
        uncurl_quotes: false,
        fix_line_breaks: false,
        remove_control_chars: false,
        normalization: None,
        ..TextFixerConfig::default()
    })
}

fn run_cleanalign(bencher: Bencher, input: &(usize, Vec<String>)) {
    let (bytes, lines) = input;
    let r = repairer();
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| {
            for line in lines {
                black_box(r.repair(black_box(line)));
            }
        });
}

fn run_plsfix(bencher: Bencher, input: &(usize, Vec<String>), config: Option<&TextFixerConfig>) {
    let (bytes, lines) = input;
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| {
            for line in lines {
                black_box(plsfix::fix_text(black_box(line), config));
            }
        });
}

#[divan::bench(sample_count = 10)]
fn cleanalign_clean_zh(b: Bencher) {
    run_cleanalign(b, clean_zh());
}

#[divan::bench(sample_count = 10)]
fn plsfix_encoding_clean_zh(b: Bencher) {
    run_plsfix(b, clean_zh(), Some(plsfix_encoding_only()));
}

#[divan::bench(sample_count = 10)]
fn cleanalign_clean_en(b: Bencher) {
    run_cleanalign(b, clean_en());
}

#[divan::bench(sample_count = 10)]
fn plsfix_encoding_clean_en(b: Bencher) {
    run_plsfix(b, clean_en(), Some(plsfix_encoding_only()));
}

#[divan::bench(sample_count = 10)]
fn cleanalign_mojibake(b: Bencher) {
    run_cleanalign(b, mojibake());
}

#[divan::bench(sample_count = 10)]
fn plsfix_encoding_mojibake(b: Bencher) {
    run_plsfix(b, mojibake(), Some(plsfix_encoding_only()));
}

#[divan::bench(sample_count = 10)]
fn plsfix_default_mojibake(b: Bencher) {
    run_plsfix(b, mojibake(), None);
}
