//! The script stage's skip test against converting every line, measured in the same run.
//!
//! `always` converts every line (the baseline); `han_lines` converts every line with a Han character (what the
//! stage did before the skip test); `skip` is the stage as shipped, which converts only lines that show the
//! other script. Three inputs, each tiled to about 1 MB:
//! * `samples`: the bundled `raw/` pages (English, Simplified and Traditional, as a real batch mixes them);
//! * `simplified`: Simplified text only (`tests/fixtures/opencc/src_hans.txt`), the common case for zh-Hans;
//! * `traditional`: Taiwan and Hong Kong text only, where every line must be converted (the test's cost).
//!
//! Both engines in the same run, when the build has the official library: `engine_t2s` and `engine_s2twp`
//! (the engine alone, every line), `engine_stage` (the stage as shipped, zh-Hans, on each input, as
//! `engine:input`) and `engine_load` (opening t2s). Before the timings, each engine's agreement with the
//! OpenCC 1.4.2 references is printed (`benches/common/opencc_references.rs`, as `tests/script.rs` asserts).
//!
//! `cargo bench --bench script` (the default engine only);
//! `scripts/with-opencc.sh cargo bench --features opencc-sys --bench script` (both engines)

#[path = "common/opencc_references.rs"]
mod references;

use cleanalign::stages::script::{load_engine, Conversion, ScriptConfig, ScriptConverter};
use cleanalign::stages::LineRepair;
use divan::{black_box, Bencher};
use references::{cases_tally, engine_kind, engine_tally, engines, stage_tally, Tally};
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    print_agreement();
    divan::main();
}

/// Each engine against the OpenCC 1.4.2 references: the engine alone over every conversion on our text,
/// on OpenCC's own test cases, and the stage with its defaults.
fn print_agreement() {
    let all: Vec<Conversion> = references::ENGINE_GOLDENS.iter().map(|g| g.2).collect();
    let line = |what: &str, t: &Tally| {
        format!(
            "{what} {:.3}% ({} of {} chars differ)",
            100.0 * t.agreement(),
            t.differing,
            t.chars
        )
    };
    println!("agreement with the OpenCC 1.4.2 references (tests/fixtures/opencc):");
    for engine in engines() {
        let kind = engine_kind(engine);
        println!(
            "  {engine:<10}  {}; {}; {}",
            line("engine", &engine_tally(Tally::default(), kind, &all)),
            line("OpenCC test cases", &cases_tally(Tally::default(), kind)),
            line("stage (defaults)", &stage_tally(Tally::default(), engine)),
        );
    }
    println!();
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

#[cfg(feature = "opencc-sys")]
const ENGINES: &[&str] = &["ferrous", "opencc-sys"];
#[cfg(not(feature = "opencc-sys"))]
const ENGINES: &[&str] = &["ferrous"];

#[cfg(feature = "opencc-sys")]
const ENGINE_INPUTS: &[&str] = &[
    "ferrous:samples",
    "ferrous:simplified",
    "ferrous:traditional",
    "opencc-sys:samples",
    "opencc-sys:simplified",
    "opencc-sys:traditional",
];
#[cfg(not(feature = "opencc-sys"))]
const ENGINE_INPUTS: &[&str] = &[
    "ferrous:samples",
    "ferrous:simplified",
    "ferrous:traditional",
];

/// One engine alone on one input, every line.
fn engine_alone(bencher: Bencher, engine: &str, conversion: Conversion, input: &str) {
    let converter = match load_engine(engine_kind(engine), conversion) {
        Ok(c) => c,
        Err(e) => panic!("{engine}: {e}"),
    };
    let (bytes, lines) = corpus(input);
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| {
            for line in lines {
                black_box(converter.convert(black_box(line)));
            }
        });
}

/// t2s on the Traditional corpus, every line.
#[divan::bench(args = ENGINES)]
fn engine_t2s(bencher: Bencher, engine: &str) {
    engine_alone(bencher, engine, Conversion::T2s, "traditional");
}

/// s2twp (Taiwan phrases, the longest chain) on the Simplified corpus, every line.
#[divan::bench(args = ENGINES)]
fn engine_s2twp(bencher: Bencher, engine: &str) {
    engine_alone(bencher, engine, Conversion::S2twp, "simplified");
}

/// The stage as shipped (zh-Hans, skip test, automatic source variant) with each engine.
#[divan::bench(args = ENGINE_INPUTS)]
fn engine_stage(bencher: Bencher, engine_input: &str) {
    let (engine, input) = engine_input
        .split_once(':')
        .unwrap_or((engine_input, "samples"));
    let stage = references::stage_with(engine, "zh-Hans", &[]);
    let (bytes, lines) = corpus(input);
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| {
            for line in lines {
                black_box(stage.repair(black_box(line)));
            }
        });
}

/// Opening t2s (the stage pays this once per conversion and process, plus a probe of every BMP character).
#[divan::bench(args = ENGINES, sample_count = 20)]
fn engine_load(engine: &str) {
    black_box(
        load_engine(engine_kind(engine), Conversion::T2s)
            .map(|_| ())
            .ok(),
    );
}
