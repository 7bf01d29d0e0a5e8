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
use std::path::Path;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_lines(rel: &str) -> Vec<String> {
    let bytes = std::fs::read(manifest().join(rel)).expect("bench input exists");
    let decoder = Config::default().decode.build().expect("default decoder");
    let text = decoder.decode(&bytes).expect("decodes").text;
    text.split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn has_han(line: &str) -> bool {
    line.chars().any(cleanalign::text::is_han)
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
    C.get_or_init(|| {
        let mut lines = read_lines("tests/fixtures/mojibake/zh_source.txt");
        lines.extend(read_lines("raw/000_c7353df8ab562d71.txt"));
        lines.extend(read_lines("raw/library_zh.txt"));
        lines.extend(
            read_lines("tests/fixtures/mojibake/clean_written.txt")
                .into_iter()
                .filter(|l| has_han(l)),
        );
        tile(lines)
    })
}

fn clean_en() -> &'static (usize, Vec<String>) {
    static C: OnceLock<(usize, Vec<String>)> = OnceLock::new();
    C.get_or_init(|| {
        let mut lines = read_lines("raw/002_6c81258a3ed404be.txt");
        lines.extend(read_lines("raw/004_a98520ce79b0e371.txt"));
        lines.extend(read_lines("raw/library_en.txt"));
        lines.retain(|l| !has_han(l));
        lines.extend(
            read_lines("tests/fixtures/mojibake/clean_written.txt")
                .into_iter()
                .filter(|l| !has_han(l)),
        );
        tile(lines)
    })
}

/// Every line damaged: the CJK round-trip set, plus the clean English and Chinese lines as UTF-8 read as
/// Windows-1252 (the commonest Latin mojibake).
fn mojibake() -> &'static (usize, Vec<String>) {
    static C: OnceLock<(usize, Vec<String>)> = OnceLock::new();
    C.get_or_init(|| {
        let text =
            std::fs::read_to_string(manifest().join("tests/fixtures/mojibake/cjk_cases.jsonl"))
                .expect("fixture exists");
        let mut lines: Vec<String> = text
            .split('\n')
            .filter(|l| !l.is_empty())
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["mojibake"].as_str().map(str::to_string))
            .collect();
        let clean: Vec<String> = read_lines("raw/004_a98520ce79b0e371.txt")
            .into_iter()
            .chain(read_lines("tests/fixtures/mojibake/clean_written.txt"))
            .filter(|l| !l.is_ascii())
            .collect();
        for line in clean {
            let (as_1252, _) =
                encoding_rs::WINDOWS_1252.decode_without_bom_handling(line.as_bytes());
            lines.push(as_1252.into_owned());
        }
        tile(lines)
    })
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
