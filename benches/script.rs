//! The script stage's skip test against converting every line, measured in the same run.
//!
//! `always` converts every line (the baseline); `han_lines` converts every line with a Han character (what the
//! stage did before the skip test); `skip` is the stage as shipped, which converts only lines that show the
//! other script. Three inputs, each tiled to about 1 MB:
//! * `samples`: the bundled `raw/` pages (English, Simplified and Traditional, as a real batch mixes them);
//! * `simplified`: Simplified text only (`tests/fixtures/opencc/src_hans.txt`), the common case for zh-Hans;
//! * `traditional`: Taiwan and Hong Kong text only, where every line must be converted (the test's cost).
//!
//! `cargo bench --bench script`

use cleanalign::stages::script::{ScriptConfig, ScriptConverter};
use cleanalign::stages::LineRepair;
use divan::{black_box, Bencher};
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tiled(files: &[PathBuf]) -> (usize, Vec<String>) {
    let mut one = String::new();
    for f in files {
        one.push_str(&std::fs::read_to_string(f).unwrap_or_default());
        one.push('\n');
    }
    let mut text = String::new();
    while text.len() < 1 << 20 && !one.trim().is_empty() {
        text.push_str(&one);
    }
    (text.len(), text.lines().map(str::to_string).collect())
}

fn corpus(name: &str) -> &'static (usize, Vec<String>) {
    static SAMPLES: OnceLock<(usize, Vec<String>)> = OnceLock::new();
    static SIMPLIFIED: OnceLock<(usize, Vec<String>)> = OnceLock::new();
    static TRADITIONAL: OnceLock<(usize, Vec<String>)> = OnceLock::new();
    let fixtures = |f: &str| root().join("tests/fixtures/opencc").join(f);
    match name {
        "samples" => SAMPLES.get_or_init(|| {
            let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("raw"))
                .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            files.retain(|p: &PathBuf| p.extension().is_some_and(|e| e == "txt"));
            files.sort();
            tiled(&files)
        }),
        "simplified" => SIMPLIFIED.get_or_init(|| tiled(&[fixtures("src_hans.txt")])),
        _ => TRADITIONAL.get_or_init(|| tiled(&[fixtures("src_tw.txt"), fixtures("src_hk.txt")])),
    }
}

fn stage() -> &'static ScriptConverter {
    static S: OnceLock<ScriptConverter> = OnceLock::new();
    S.get_or_init(|| match ScriptConfig::default().build() {
        Ok(s) => s,
        Err(e) => panic!("default script stage must build: {e:?}"),
    })
}

const INPUTS: &[&str] = &["samples", "simplified", "traditional"];

#[divan::bench(args = INPUTS)]
fn always(bencher: Bencher, input: &str) {
    let (bytes, lines) = corpus(input);
    let s = stage();
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| {
            for line in lines {
                black_box(s.convert_always(black_box(line)));
            }
        });
}

#[divan::bench(args = INPUTS)]
fn han_lines(bencher: Bencher, input: &str) {
    let (bytes, lines) = corpus(input);
    let s = stage();
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| {
            for line in lines {
                if line.chars().any(cleanalign::text::is_han) {
                    black_box(s.convert_always(black_box(line)));
                }
            }
        });
}

#[divan::bench(args = INPUTS)]
fn skip(bencher: Bencher, input: &str) {
    let (bytes, lines) = corpus(input);
    let s = stage();
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| {
            for line in lines {
                black_box(s.repair(black_box(line)));
            }
        });
}

/// The two engines on the Traditional corpus, t2s, every line (only with `--features opencc-sys`).
#[cfg(feature = "opencc-sys")]
#[divan::bench(args = ["ferrous", "system"])]
fn engine_t2s(bencher: Bencher, engine: &str) {
    use cleanalign::stages::script::{load_engine, Conversion, EngineKind};
    let kind = if engine == "system" {
        EngineKind::System
    } else {
        EngineKind::Ferrous
    };
    let converter = match load_engine(kind, Conversion::T2s) {
        Ok(c) => c,
        Err(e) => panic!("{engine}: {e}"),
    };
    let (bytes, lines) = corpus("traditional");
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| {
            for line in lines {
                black_box(converter.convert(black_box(line)));
            }
        });
}
