//! The OpenCC 1.4.2 references in `tests/fixtures/opencc/` and the agreement of an engine, or of the script
//! stage built on it, with them; shared by `tests/script.rs` (which asserts on it) and `benches/script.rs`
//! (which reports it beside the speed of each engine, in the same run).
//!
//! The references were produced by the official library (PyPI wheel) with `scripts/gen_opencc_golden.py`;
//! see `data/PROVENANCE-opencc-golden.md`. Missing fixture files panic: they are part of the repository.
#![allow(dead_code)]

use cleanalign::stages::script::{
    load_engine, Conversion, EngineKind, PhraseOverride, ScriptConfig, ScriptConverter,
};
use cleanalign::stages::LineRepair;
use std::path::PathBuf;

pub fn fixture(name: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/opencc")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_string)
        .collect()
}

/// The engines this build has, as `[script] engine` names them.
pub fn engines() -> Vec<&'static str> {
    let mut engines = vec!["ferrous"];
    if cfg!(feature = "opencc-sys") {
        engines.push("opencc-sys");
    }
    engines
}

/// The engine kind behind a `[script] engine` name.
pub fn engine_kind(engine: &str) -> EngineKind {
    if engine == "ferrous" {
        EngineKind::Ferrous
    } else {
        EngineKind::System
    }
}

/// The script stage for `target` with `engine` and fixed `phrases`, other settings at their defaults.
pub fn stage_with(engine: &str, target: &str, phrases: &[(&str, &str)]) -> ScriptConverter {
    ScriptConfig {
        target: target.into(),
        engine: engine.into(),
        phrases: phrases
            .iter()
            .map(|&(from, to)| PhraseOverride {
                from: from.into(),
                to: to.into(),
            })
            .collect(),
        ..ScriptConfig::default()
    }
    .build()
    .unwrap_or_else(|e| panic!("{engine}: {e:?}"))
}

/// Characters of `ours` that differ from `golden`: position by position when the lengths agree (OpenCC's
/// conversions almost always keep the length), otherwise the longer length minus the longest common
/// subsequence.
pub fn differing_chars(ours: &str, golden: &str) -> usize {
    let a: Vec<char> = ours.chars().collect();
    let b: Vec<char> = golden.chars().collect();
    if a.len() == b.len() {
        return a.iter().zip(&b).filter(|(x, y)| x != y).count();
    }
    let mut prev = vec![0usize; b.len() + 1];
    for &x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        prev = cur;
    }
    a.len().max(b.len()) - prev[b.len()]
}

/// Characters compared and characters that differ; `show` prints each differing line to stderr.
#[derive(Default)]
pub struct Tally {
    pub chars: usize,
    pub differing: usize,
    pub show: bool,
}

impl Tally {
    pub fn showing() -> Tally {
        Tally {
            show: true,
            ..Tally::default()
        }
    }

    pub fn add(&mut self, label: &str, input: &str, ours: &str, golden: &str) {
        self.chars += golden.chars().count();
        let d = differing_chars(ours, golden);
        if d > 0 && self.show {
            eprintln!("DIFF [{label}] {input}\n     ours:   {ours}\n     opencc: {golden}");
        }
        self.differing += d;
    }

    pub fn agreement(&self) -> f64 {
        1.0 - self.differing as f64 / self.chars.max(1) as f64
    }
}

/// (source file, golden file, conversion) for the engine-level comparison on the project's own text.
pub const ENGINE_GOLDENS: &[(&str, &str, Conversion)] = &[
    ("src_tw.txt", "tw.t2s.txt", Conversion::T2s),
    ("src_tw.txt", "tw.tw2s.txt", Conversion::Tw2s),
    ("src_hk.txt", "hk.t2s.txt", Conversion::T2s),
    ("src_hk.txt", "hk.hk2s.txt", Conversion::Hk2s),
    ("src_hans.txt", "hans.s2t.txt", Conversion::S2t),
    ("src_hans.txt", "hans.s2tw.txt", Conversion::S2tw),
    ("src_hans.txt", "hans.s2twp.txt", Conversion::S2twp),
    ("src_hans.txt", "hans.s2hk.txt", Conversion::S2hk),
];

/// (target, source file, golden file): the stage as configured by default against the official conversion
/// that suits each source (Taiwan text with tw2s, Hong Kong text with hk2s, Simplified towards each target).
pub const STAGE_CASES: &[(&str, &str, &str)] = &[
    ("zh-Hans", "src_tw.txt", "tw.tw2s.txt"),
    ("zh-Hans", "src_hk.txt", "hk.hk2s.txt"),
    ("zh-Hant", "src_hans.txt", "hans.s2t.txt"),
    ("zh-HK", "src_hans.txt", "hans.s2hk.txt"),
    ("zh-TW", "src_hans.txt", "hans.s2twp.txt"),
];

pub fn conversion_named(name: &str) -> Option<Conversion> {
    [
        Conversion::T2s,
        Conversion::Tw2s,
        Conversion::Hk2s,
        Conversion::S2t,
        Conversion::S2tw,
        Conversion::S2twp,
        Conversion::S2hk,
    ]
    .into_iter()
    .find(|c| c.name() == name)
}

/// Engine output against the goldens of `configs` on the project's own text.
pub fn engine_tally(mut tally: Tally, kind: EngineKind, configs: &[Conversion]) -> Tally {
    for &(source, golden, conversion) in ENGINE_GOLDENS {
        if !configs.contains(&conversion) {
            continue;
        }
        let engine = load_engine(kind, conversion).expect("engine loads");
        let sources = fixture(source);
        let goldens = fixture(golden);
        assert_eq!(sources.len(), goldens.len(), "{golden}");
        for (s, g) in sources.iter().zip(&goldens) {
            tally.add(conversion.name(), s, &engine.convert(s), g);
        }
    }
    tally
}

/// Engine output against the official output on the inputs of OpenCC's own test cases: hand-picked hard
/// words (classical titles, transliterated names, new dictionary entries), not running text.
pub fn cases_tally(mut tally: Tally, kind: EngineKind) -> Tally {
    for row in fixture("cases.tsv") {
        let mut fields = row.split('\t');
        let (Some(name), Some(input), Some(golden)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("malformed cases.tsv row: {row}");
        };
        let conversion = conversion_named(name).expect("known conversion");
        let engine = load_engine(kind, conversion).expect("engine loads");
        tally.add(name, input, &engine.convert(input), golden);
    }
    tally
}

/// The stage with its defaults and `engine`, over [`STAGE_CASES`].
pub fn stage_tally(mut tally: Tally, engine: &str) -> Tally {
    for &(target, source, golden) in STAGE_CASES {
        let stage = stage_with(engine, target, &[]);
        for (s, g) in fixture(source).iter().zip(&fixture(golden)) {
            let ours = stage.repair(s).unwrap_or_else(|| s.clone());
            tally.add(target, s, &ours, g);
        }
    }
    tally
}
