//! Language ID speed on short lines: this project's `detect_lang` against `whatlang` and `lingua`
//! (restricted to English, Chinese, German, French and Japanese), on the lines of
//! `tests/fixtures/langid/short_lines.tsv`. The baseline measured in the same run is `ours`; compare the
//! others' times with it, not with absolute numbers from another machine.
//!
//! `cargo bench --features langid-eval --bench langid`

use divan::{black_box, Bencher};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn lines() -> &'static Vec<String> {
    static L: OnceLock<Vec<String>> = OnceLock::new();
    L.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/langid/short_lines.tsv");
        std::fs::read_to_string(path)
            .expect("fixture")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t').map(|(_, t)| t.to_string()))
            .collect()
    })
}

#[divan::bench]
fn ours(b: Bencher) {
    b.bench(|| {
        for l in lines() {
            black_box(cleanalign::stages::langid::detect_lang(black_box(l)));
        }
    });
}

#[divan::bench]
fn whatlang(b: Bencher) {
    use whatlang::Lang as W;
    let d = whatlang::Detector::with_allowlist(vec![W::Eng, W::Cmn, W::Deu, W::Fra, W::Jpn]);
    b.bench(|| {
        for l in lines() {
            black_box(d.detect_lang(black_box(l)));
        }
    });
}

#[divan::bench]
fn lingua(b: Bencher) {
    use lingua::Language as L;
    let d = lingua::LanguageDetectorBuilder::from_languages(&[
        L::English,
        L::Chinese,
        L::German,
        L::French,
        L::Japanese,
    ])
    .with_preloaded_language_models()
    .build();
    b.bench(|| {
        for l in lines() {
            black_box(d.detect_language_of(black_box(l)));
        }
    });
}
