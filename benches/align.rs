//! Sentence-alignment speed on the local evaluation material (never committed, read at run time from
//! `$SHARED/align` or `../shared/align`): all six MAC-dev chapter pairs, and the Bible pair (6,301 x 5,000
//! sentences). Each is measured with the full aligner (CC-CEDICT, names, learned associations) and with a
//! baseline measured in the same run: reading the same documents once into their evidence keys
//! (`Aligner::signature`, the tokenisation every alignment starts with). Report the ratio, not absolute
//! times. CC-CEDICT is loaded before timing starts.
//!
//! `cargo bench --bench align`

use cleanalign::align::{AlignConfig, Aligner};
use divan::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    let _ = cleanalign::align::lexicon::Lexicon::global();
    divan::main();
}

type Pair = (Vec<String>, Vec<String>);

fn shared() -> PathBuf {
    std::env::var_os("SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn lines(path: PathBuf) -> Vec<String> {
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (set SHARED to the evaluation folder)",
                path.display()
            )
        })
        .lines()
        .map(str::to_string)
        .collect()
}

fn mac_dev() -> &'static Vec<Pair> {
    static C: OnceLock<Vec<Pair>> = OnceLock::new();
    C.get_or_init(|| {
        let dir = shared().join("align/mac-dev");
        (1..=6)
            .map(|i| {
                let n = format!("{i:03}");
                (
                    lines(dir.join("zh").join(&n)),
                    lines(dir.join("en").join(&n)),
                )
            })
            .collect()
    })
}

fn bible() -> &'static Pair {
    static C: OnceLock<Pair> = OnceLock::new();
    C.get_or_init(|| {
        let dir = shared().join("align/bible-zh-en");
        (lines(dir.join("001.zh")), lines(dir.join("001.en")))
    })
}

fn aligner(use_lexicon: bool) -> Aligner {
    AlignConfig {
        use_lexicon,
        ..AlignConfig::default()
    }
    .build()
    .expect("default config is valid")
}

fn run(al: &Aligner, pairs: &[Pair]) -> usize {
    pairs
        .iter()
        .map(|(zh, en)| al.align(black_box(zh), black_box(en), "zh", "en").len())
        .sum()
}

#[divan::bench(sample_count = 5)]
fn mac_dev_full() -> usize {
    run(&aligner(true), mac_dev())
}

fn tokenise_only(al: &Aligner, pairs: &[Pair]) -> usize {
    pairs
        .iter()
        .map(|(zh, en)| {
            al.key_bag(black_box(zh), "zh", "en").len()
                + al.key_bag(black_box(en), "en", "zh").len()
        })
        .sum()
}

#[divan::bench(sample_count = 5)]
fn mac_dev_baseline_tokenise() -> usize {
    tokenise_only(&aligner(true), mac_dev())
}

#[divan::bench(sample_count = 3)]
fn bible_full() -> usize {
    run(&aligner(true), std::slice::from_ref(bible()))
}

#[divan::bench(sample_count = 3)]
fn bible_baseline_tokenise() -> usize {
    tokenise_only(&aligner(true), std::slice::from_ref(bible()))
}
