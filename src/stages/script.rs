//! Script unification: convert Chinese to one target script with OpenCC's dictionaries.
//!
//! Conversion is phrase-aware (OpenCC's dictionaries map words, not just characters), which is why a real
//! converter is used instead of a character table. Two engines sit behind the small [`ScriptEngine`] trait:
//! `ferrous-opencc` (pure Rust, OpenCC's dictionaries built in; the default) and, with the cargo feature
//! `opencc-sys`, the official OpenCC C++ library through `opencc-rust` (`engine = "opencc-sys"`).
//! That build needs OpenCC >= 1.4 (opencc-rust 2.x); Debian 12 ships 1.1.6, too old. `scripts/with-opencc.sh
//! CMD` links the static library of PyPI's `opencc` 1.4.2 wheel (e.g. `scripts/with-opencc.sh cargo build
//! --release --features opencc-sys`); `system.rs` finds the dictionaries at run time.
//!
//! What it does, per line (one line is one paragraph):
//! * **Only what needs converting.** A line is converted only when it holds a character that tells it is in
//!   the other script. Towards Simplified, that is any character the chosen OpenCC configuration changes on
//!   its own (found once per process by converting every BMP character, so the test is exact for the engine
//!   in use); Traditional→Simplified is many-to-one, so running it over a line that is already Simplified
//!   is harmless and the test only saves time. Towards Traditional the test is stricter: the line must hold
//!   a Simplified-only character, because Simplified→Traditional is one-to-many (`干` → 乾/幹/干) and running
//!   it over Traditional text that happens to contain `干`, `后` or `里` can pick the wrong form.
//! * **Source variant.** Taiwan writes `著` for the particle that OpenCC's standard Traditional and Hong Kong
//!   write `着`, and Hong Kong writes `衞`, `綫`-style forms the standard tables do not list; `t2s` leaves
//!   those unconverted. With `source_variant = "auto"` a line that needs converting is converted with `t2s`,
//!   and the characters that only Taiwan (or Hong Kong) writes take what `tw2s` (or `hk2s`) makes of them in
//!   context. These markers never make a line need converting on their own (`著` is also good Simplified).
//! * Targets: `zh-Hans` (t2s / tw2s / hk2s), `zh-Hant` (s2t), `zh-TW` (s2twp: Taiwan forms and phrases such
//!   as 软件 → 軟體), `zh-HK` (s2hk), `none`.
//!
//! What it never does: convert a line without evidence of the other script, touch text that is not Chinese
//! (a line whose kana make it Japanese keeps its kanji), or rewrite Traditional text from one regional
//! standard into another (a Hong Kong line stays Hong Kong Traditional under `zh-TW`; only Simplified text
//! is converted to Taiwan forms).
//!
//! * **Fixed phrases.** `phrases` in the config, plus, for `zh-TW` with ferrous-opencc, the few Taiwan phrase
//!   entries where its bundled dictionary differs from OpenCC 1.4.2's for the worse (通过 → 透過), are
//!   written as listed; the text between them is converted as usual.
//!
//! Limits: conversion is as good as OpenCC's dictionaries (see `tests/script.rs` for the measured agreement
//! with the official library). A line that is Traditional only by a phrase whose characters are each valid
//! Simplified (rare) is not converted towards Simplified; a Traditional line without any Traditional-only
//! character is by definition already valid Simplified except for such phrases.

use super::LineRepair;
use crate::stages::langid;
use crate::text::is_han;
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// `[script]` in `pipeline.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScriptConfig {
    /// Target script: "zh-Hans" (Simplified, default), "zh-Hant" (Traditional, OpenCC standard),
    /// "zh-TW" (Taiwan usage and phrases), "zh-HK" (Hong Kong), or "none" (leave the script alone).
    pub target: String,
    /// Regional variant of Traditional input, for the zh-Hans target: "auto" (default: each paragraph that
    /// shows Taiwan-only or Hong Kong-only forms is converted with OpenCC's tw2s or hk2s, the rest with t2s),
    /// "standard" (always t2s), "tw" (always tw2s) or "hk" (always hk2s).
    pub source_variant: String,
    /// Conversion engine: "ferrous" (default; pure Rust, dictionaries built in) or "opencc-sys" (the system
    /// OpenCC library, >= 1.4; only in builds with the cargo feature `opencc-sys`).
    pub engine: String,
    /// Phrases written a fixed way whatever the target: a list of `{ from = "通过", to = "通過" }` tables.
    /// Where `from` occurs in a line it is written as `to`, and the text around it is converted on its own
    /// (a phrase is a word boundary, as an entry in OpenCC's own dictionaries is). For names and terms the
    /// dictionaries get wrong for your material; the longest phrase wins where two overlap.
    pub phrases: Vec<PhraseOverride>,
}

/// One entry of `script.phrases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseOverride {
    /// The phrase as it appears in the input.
    pub from: String,
    /// How it is written in the output.
    pub to: String,
}

impl Default for ScriptConfig {
    fn default() -> Self {
        ScriptConfig {
            target: "zh-Hans".to_string(),
            source_variant: "auto".to_string(),
            engine: "ferrous".to_string(),
            phrases: Vec::new(),
        }
    }
}

/// Valid values of `script.target` and `fix --to`.
pub const TARGETS: &[&str] = &["zh-Hans", "zh-Hant", "zh-TW", "zh-HK", "none"];
/// Valid values of `script.source_variant`.
pub const SOURCE_VARIANTS: &[&str] = &["auto", "standard", "tw", "hk"];
/// Valid values of `script.engine` (whether "opencc-sys" can be built depends on the cargo feature).
pub const ENGINES: &[&str] = &["ferrous", "opencc-sys"];

impl ScriptConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut one_of = |field: &str, value: &str, valid: &[&str], what: &str| {
            if !valid.contains(&value) {
                errors.push(FieldError::new(
                    field,
                    format!("unknown {what} \"{value}\"; valid: {}", valid.join(", ")),
                ));
            }
        };
        one_of("target", &self.target, TARGETS, "script target");
        one_of(
            "source_variant",
            &self.source_variant,
            SOURCE_VARIANTS,
            "source variant",
        );
        one_of("engine", &self.engine, ENGINES, "engine");
        if self.engine == "opencc-sys" && !cfg!(feature = "opencc-sys") {
            errors.push(FieldError::new(
                "engine",
                "\"opencc-sys\" needs a build with `--features opencc-sys` (and the OpenCC >= 1.4 library)",
            ));
        }
        for (i, phrase) in self.phrases.iter().enumerate() {
            if phrase.from.is_empty() {
                errors.push(FieldError::new(
                    format!("phrases[{i}].from"),
                    "is empty; give the phrase to match",
                ));
            }
            if phrase.from.contains(['\n', '\r']) || phrase.to.contains(['\n', '\r']) {
                errors.push(FieldError::new(
                    format!("phrases[{i}]"),
                    "holds a line break; phrases are matched inside one line",
                ));
            }
        }
        errors
    }

    /// The OpenCC conversion a line that needs converting goes through (towards Simplified, the regional
    /// ones may add to it); `None` for the target "none".
    fn main_conversion(&self) -> Option<Conversion> {
        match self.target.as_str() {
            "zh-Hans" => Some(match self.source_variant.as_str() {
                "tw" => Conversion::Tw2s,
                "hk" => Conversion::Hk2s,
                _ => Conversion::T2s,
            }),
            "zh-Hant" => Some(Conversion::S2t),
            "zh-TW" => Some(Conversion::S2twp),
            "zh-HK" => Some(Conversion::S2hk),
            _ => None,
        }
    }

    /// For `cleanalign check`: where the `opencc-sys` engine reads its dictionaries, when it is chosen.
    pub fn engine_note(&self) -> Option<String> {
        if self.engine != "opencc-sys" {
            return None;
        }
        let conversion = self.main_conversion()?;
        Some(format!(
            "script engine opencc-sys: OpenCC dictionaries in {}",
            system::data_source(conversion)
        ))
    }

    pub fn build(&self) -> Result<ScriptConverter, Vec<FieldError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        let kind = if self.engine == "opencc-sys" {
            EngineKind::System
        } else {
            EngineKind::Ferrous
        };
        let load = |conversion| {
            prepared(kind, conversion).map_err(|e| {
                vec![FieldError::new(
                    "engine",
                    format!("cannot load OpenCC: {e}"),
                )]
            })
        };
        let plan = match (self.target.as_str(), self.main_conversion()) {
            (_, None) => Plan::Off,
            ("zh-Hans", Some(main)) => {
                let main = load(main)?;
                let mut regional = Vec::new();
                if self.source_variant == "auto" {
                    // A regional marker is a character that is not itself a Simplified form and that the
                    // regional configuration turns into one character, other than t2s's, that is finished
                    // (t2s leaves it alone) and not Traditional-only. That keeps 著 → 着 (tw2s) and 衞 → 卫
                    // (hk2s), and rejects 么 → 幺 (么 is Simplified) and 抬 → 擡 (a half-converted variant
                    // in ferrous-opencc's tw2s).
                    let simplified = load(Conversion::S2t)?;
                    for conversion in [Conversion::Tw2s, Conversion::Hk2s] {
                        let engine = load(conversion)?;
                        let markers = engine
                            .singles
                            .iter()
                            .filter(|(c, out)| {
                                let mut chars = out.chars();
                                let (Some(o), None) = (chars.next(), chars.next()) else {
                                    return false;
                                };
                                main.single(**c) != Some(out.as_str())
                                    && main.single(o).is_none()
                                    && langid::script_counts(out).1 == 0
                                    && simplified.single(**c).is_none()
                            })
                            .map(|(c, _)| *c)
                            .collect();
                        regional.push(Regional { engine, markers });
                    }
                }
                Plan::ToSimplified { main, regional }
            }
            (_, Some(towards_traditional)) => Plan::ToTraditional(load(towards_traditional)?),
        };
        let mut phrases = BTreeMap::new();
        if kind == EngineKind::Ferrous && self.target == "zh-TW" {
            for &(from, to) in FERROUS_S2TWP_CORRECTIONS {
                phrases.insert(from.to_string(), to.to_string());
            }
        }
        for phrase in &self.phrases {
            phrases.insert(phrase.from.clone(), phrase.to.clone());
        }
        let phrases = Phrases::new(phrases).map_err(|e| vec![FieldError::new("phrases", e)])?;
        Ok(ScriptConverter { plan, phrases })
    }
}

/// Taiwan phrase entries in which ferrous-opencc 0.4's bundled `TWPhrases` (an older copy of OpenCC's)
/// differs from OpenCC 1.4.2's, where the official output is the one to keep. OpenCC dropped 通過 → 透過
/// (right for "by means of", wrong for "passed a bill", the commoner sense) and 範式 → 正規化 (a database
/// term forced onto every "paradigm"), and now writes 以太網 as 乙太網路. Entries OpenCC added since are not
/// back-ported here: this list only undoes what the bundled copy does wrong. Found by comparing the two
/// `TWPhrases.txt` files; both spellings of each key are listed because s2twp also sees Traditional input.
const FERROUS_S2TWP_CORRECTIONS: &[(&str, &str)] = &[
    ("通过", "通過"),
    ("通過", "通過"),
    ("范式", "範式"),
    ("範式", "範式"),
    ("以太网", "乙太網路"),
    ("以太網", "乙太網路"),
];

/// Phrases written a fixed way (`script.phrases` plus the engine corrections above).
struct Phrases {
    matcher: aho_corasick::AhoCorasick,
    outputs: Vec<String>,
}

impl Phrases {
    /// `None` when there are no phrases, so lines pay nothing for the feature.
    fn new(phrases: BTreeMap<String, String>) -> Result<Option<Phrases>, String> {
        if phrases.is_empty() {
            return Ok(None);
        }
        let (keys, outputs): (Vec<String>, Vec<String>) = phrases.into_iter().unzip();
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&keys)
            .map_err(|e| format!("cannot build the phrase matcher: {e}"))?;
        Ok(Some(Phrases { matcher, outputs }))
    }
}

/// One OpenCC conversion, named as OpenCC names its configuration files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Conversion {
    T2s,
    Tw2s,
    Hk2s,
    S2t,
    S2tw,
    S2twp,
    S2hk,
}

impl Conversion {
    /// OpenCC's configuration name (`t2s`, `s2twp`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Conversion::T2s => "t2s",
            Conversion::Tw2s => "tw2s",
            Conversion::Hk2s => "hk2s",
            Conversion::S2t => "s2t",
            Conversion::S2tw => "s2tw",
            Conversion::S2twp => "s2twp",
            Conversion::S2hk => "s2hk",
        }
    }
}

/// A converter for one OpenCC configuration. Implementations must be deterministic and leave text they
/// cannot convert as it is.
pub trait ScriptEngine: Send + Sync {
    fn convert(&self, text: &str) -> String;
}

/// Which library does the converting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EngineKind {
    /// `ferrous-opencc`: pure Rust, OpenCC's dictionaries compiled in.
    Ferrous,
    /// The official OpenCC C++ library through `opencc-rust` (cargo feature `opencc-sys`).
    System,
}

struct FerrousEngine(ferrous_opencc::OpenCC);

impl ScriptEngine for FerrousEngine {
    fn convert(&self, text: &str) -> String {
        self.0.convert(text)
    }
}

mod system;

/// Load one engine for one conversion, uncached. Public so tests and benchmarks can compare engines.
pub fn load_engine(
    kind: EngineKind,
    conversion: Conversion,
) -> Result<Arc<dyn ScriptEngine>, String> {
    match kind {
        EngineKind::Ferrous => {
            use ferrous_opencc::config::BuiltinConfig as B;
            let config = match conversion {
                Conversion::T2s => B::T2s,
                Conversion::Tw2s => B::Tw2s,
                Conversion::Hk2s => B::Hk2s,
                Conversion::S2t => B::S2t,
                Conversion::S2tw => B::S2tw,
                Conversion::S2twp => B::S2twp,
                Conversion::S2hk => B::S2hk,
            };
            ferrous_opencc::OpenCC::from_config(config)
                .map(|c| Arc::new(FerrousEngine(c)) as Arc<dyn ScriptEngine>)
                .map_err(|e| e.to_string())
        }
        #[cfg(feature = "opencc-sys")]
        EngineKind::System => {
            system::load(conversion).map(|e| Arc::new(e) as Arc<dyn ScriptEngine>)
        }
        #[cfg(not(feature = "opencc-sys"))]
        EngineKind::System => Err("this build has no `opencc-sys` feature".to_string()),
    }
}

/// An engine plus what it does to each BMP character on its own.
struct Prepared {
    engine: Arc<dyn ScriptEngine>,
    /// Bit per BMP code point: set when the engine changes that character on its own.
    changes: Vec<u64>,
    /// The changed characters and what each becomes (sorted, for the regional markers).
    singles: BTreeMap<char, String>,
}

impl Prepared {
    fn new(engine: Arc<dyn ScriptEngine>) -> Prepared {
        // Every BMP character except surrogates and line breaks, one per line: OpenCC's dictionaries hold no
        // key with a line break, so no match can span two probes.
        let probes: Vec<char> = (1u32..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\n' && c != '\r')
            .collect();
        let mut input = String::with_capacity(probes.len() * 4);
        for &c in &probes {
            input.push(c);
            input.push('\n');
        }
        let output = engine.convert(&input);
        let pieces: Vec<&str> = output.split('\n').collect();
        let mut changes = vec![0u64; 0x10000 / 64];
        let mut singles = BTreeMap::new();
        // The trailing line break leaves one empty piece at the end.
        if pieces.len() == probes.len() + 1 {
            for (&c, &out) in probes.iter().zip(&pieces) {
                let mut one = [0u8; 4];
                if out != c.encode_utf8(&mut one) {
                    set_bit(&mut changes, c);
                    singles.insert(c, out.to_string());
                }
            }
        } else {
            // The engine did not keep one output line per probe: assume every Han character may change, so
            // the skip test never skips a line that needs converting.
            for c in probes.iter().copied().filter(|&c| is_han(c)) {
                set_bit(&mut changes, c);
            }
        }
        Prepared {
            engine,
            changes,
            singles,
        }
    }

    /// What the engine makes of `c` on its own, when it changes it.
    fn single(&self, c: char) -> Option<&str> {
        self.singles.get(&c).map(String::as_str)
    }

    /// True when the engine may change something in `line`: it holds a character the engine changes on its
    /// own, or a Han character beyond the BMP (not probed; assume it may convert).
    fn may_change(&self, line: &str) -> bool {
        line.chars().any(|c| {
            let code = c as u32;
            if code > 0xFFFF {
                is_han(c)
            } else {
                self.changes
                    .get((code / 64) as usize)
                    .is_some_and(|w| w & (1u64 << (code % 64)) != 0)
            }
        })
    }
}

fn set_bit(bits: &mut [u64], c: char) {
    let code = c as u32;
    if let Some(word) = bits.get_mut((code / 64) as usize) {
        *word |= 1u64 << (code % 64);
    }
}

/// Loading an engine and probing it costs tens of milliseconds; every converter of the process shares one
/// per (engine, conversion).
fn prepared(kind: EngineKind, conversion: Conversion) -> Result<Arc<Prepared>, String> {
    type Cache = Mutex<BTreeMap<(EngineKind, Conversion), Arc<Prepared>>>;
    static CACHE: Cache = Mutex::new(BTreeMap::new());
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(p) = cache.get(&(kind, conversion)) {
        return Ok(Arc::clone(p));
    }
    let p = Arc::new(Prepared::new(load_engine(kind, conversion)?));
    cache.insert((kind, conversion), Arc::clone(&p));
    Ok(p)
}

struct Regional {
    engine: Arc<Prepared>,
    /// Characters that only this region's Traditional writes (among those OpenCC knows).
    markers: Vec<char>,
}

enum Plan {
    Off,
    ToSimplified {
        main: Arc<Prepared>,
        regional: Vec<Regional>,
    },
    ToTraditional(Arc<Prepared>),
}

/// The runtime converter.
pub struct ScriptConverter {
    plan: Plan,
    phrases: Option<Phrases>,
}

impl ScriptConverter {
    /// Convert `line` whether or not it shows the other script (the baseline of the skip test: same output
    /// on lines that need converting, more time on lines that do not).
    pub fn convert_always(&self, line: &str) -> Option<String> {
        self.with_phrases(line, |piece| self.convert_piece(piece))
    }

    /// `convert` applied to `line`, or, when a fixed phrase occurs in it, to the text between phrases, with
    /// each phrase written as configured.
    fn with_phrases(&self, line: &str, convert: impl Fn(&str) -> Option<String>) -> Option<String> {
        let Some(phrases) = &self.phrases else {
            return convert(line);
        };
        let mut matches = phrases.matcher.find_iter(line).peekable();
        if matches.peek().is_none() {
            return convert(line);
        }
        let mut out = String::with_capacity(line.len() + 8);
        let mut last = 0;
        for m in matches {
            let gap = line.get(last..m.start()).unwrap_or_default();
            out.push_str(convert(gap).as_deref().unwrap_or(gap));
            out.push_str(
                phrases
                    .outputs
                    .get(m.pattern().as_usize())
                    .map_or("", |s| s.as_str()),
            );
            last = m.end();
        }
        let tail = line.get(last..).unwrap_or_default();
        out.push_str(convert(tail).as_deref().unwrap_or(tail));
        (out != line).then_some(out)
    }

    fn convert_piece(&self, line: &str) -> Option<String> {
        let converted = match &self.plan {
            Plan::Off => return None,
            Plan::ToSimplified { main, regional } => {
                let mut out = main.engine.convert(line);
                for r in regional {
                    if line.chars().any(|c| r.markers.contains(&c)) {
                        let theirs = r.engine.engine.convert(line);
                        if let Some(merged) = take_at_markers(line, &out, &theirs, &r.markers) {
                            out = merged;
                        }
                    }
                }
                out
            }
            Plan::ToTraditional(p) => p.engine.convert(line),
        };
        (converted != line).then_some(converted)
    }
}

/// `ours` with the characters at the positions of `markers` in `line` taken from `theirs`, when all three
/// have the same length (the usual case: OpenCC's character and variant tables map one to one). The regional
/// conversion decides only its own characters, phrase-aware (`著名` keeps 著, `看著` becomes 看着), and t2s
/// decides the rest, so a quirk of a regional table elsewhere in the line cannot leak in.
fn take_at_markers(line: &str, ours: &str, theirs: &str, markers: &[char]) -> Option<String> {
    let n = line.chars().count();
    if ours.chars().count() != n || theirs.chars().count() != n {
        return None;
    }
    Some(
        line.chars()
            .zip(ours.chars().zip(theirs.chars()))
            .map(|(input, (o, t))| if markers.contains(&input) { t } else { o })
            .collect(),
    )
}

impl LineRepair for ScriptConverter {
    fn name(&self) -> &'static str {
        "script"
    }

    fn repair(&self, line: &str) -> Option<String> {
        self.with_phrases(line, |piece| self.repair_piece(piece))
    }
}

impl ScriptConverter {
    /// The skip test, then the conversion, for text without fixed phrases.
    fn repair_piece(&self, line: &str) -> Option<String> {
        // A Japanese line (a quotation on a Chinese page) keeps its kanji: 販売 is not Traditional 販賣.
        // Whole Japanese pages are already skipped by the pipeline; this covers lines and `fix`.
        if langid::reads_as_japanese(line.chars(), 3) {
            return None;
        }
        let needed = match &self.plan {
            Plan::Off => false,
            // Regional markers choose the conversion but are no evidence on their own: `著` is Taiwan's
            // particle and also good Simplified (`著称`), where tw2s would wrongly make it `着`.
            Plan::ToSimplified { main, .. } => main.may_change(line),
            Plan::ToTraditional(_) => langid::script_counts(line).0 > 0,
        };
        if needed {
            self.convert_piece(line)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converter(target: &str, source_variant: &str) -> ScriptConverter {
        ScriptConfig {
            target: target.into(),
            source_variant: source_variant.into(),
            ..ScriptConfig::default()
        }
        .build()
        .expect("valid config")
    }

    fn convert(target: &str, s: &str) -> String {
        let c = converter(target, "auto");
        c.repair(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn traditional_to_simplified() {
        assert_eq!(
            convert("zh-Hans", "我國網絡空間國際交流合作"),
            "我国网络空间国际交流合作"
        );
        assert_eq!(convert("zh-Hans", "English only"), "English only");
    }

    #[test]
    fn simplified_to_taiwan_uses_phrases() {
        assert_eq!(convert("zh-TW", "软件"), "軟體");
        assert_eq!(convert("zh-HK", "为了核实这说法"), "為了核實這説法");
        assert_eq!(convert("zh-Hant", "头发"), "頭髮");
        assert_eq!(convert("none", "軟體"), "軟體");
    }

    #[test]
    fn taiwan_and_hong_kong_forms_pick_their_conversion() {
        // Taiwan writes 著 for the particle: t2s keeps it, tw2s (chosen by the 著 marker) makes it 着.
        assert_eq!(
            convert("zh-Hans", "他看著電腦裡的檔案"),
            "他看着电脑里的档案"
        );
        assert_eq!(
            converter("zh-Hans", "standard")
                .repair("他看著電腦裡的檔案")
                .as_deref(),
            Some("他看著电脑里的档案")
        );
        // Hong Kong writes 衞; t2s does not list it.
        assert_eq!(convert("zh-Hans", "衞生署的報告"), "卫生署的报告");
        // A phrase that keeps 著 in Taiwan usage stays 著.
        assert_eq!(convert("zh-Hans", "著名的學者"), "著名的学者");
        // The regional conversion decides only its own characters: ferrous-opencc's tw2s would make 抬 擡
        // and a stray Simplified 么 幺.
        assert_eq!(convert("zh-Hans", "他抬頭看著天空"), "他抬头看着天空");
        assert_eq!(convert("zh-Hans", "為什么他看著我"), "为什么他看着我");
    }

    #[test]
    fn lines_without_evidence_are_skipped() {
        let to_hans = converter("zh-Hans", "auto");
        for s in [
            "我们的国家发展很快。",
            "他在乾隆年间写了这本书。",
            "Plain English.",
        ] {
            assert_eq!(to_hans.repair(s), None, "{s}");
        }
        // Traditional text that uses characters valid in both scripts is left alone towards Traditional:
        // s2t would rewrite 干 in 干擾-like contexts by guesswork.
        let to_hant = converter("zh-Hant", "auto");
        for s in ["皇后與國王", "公里數", "干擾"] {
            assert_eq!(to_hant.repair(s), None, "{s}");
        }
        assert_eq!(to_hant.repair("皇后说"), Some("皇后說".to_string()));
    }

    #[test]
    fn taiwan_target_keeps_tongguo_when_it_means_passed() {
        // ferrous-opencc's bundled Taiwan phrases would write 透過 ("by means of") for every 通过.
        assert_eq!(convert("zh-TW", "议案一致通过"), "議案一致通過");
        assert_eq!(convert("zh-TW", "以太网和软件"), "乙太網路和軟體");
        // The rest of the line is still converted with Taiwan phrases, on both sides of the fixed phrase.
        assert_eq!(
            convert("zh-TW", "软件通过了测试，鼠标也是"),
            "軟體通過了測試，滑鼠也是"
        );
        // Other targets are not touched by the correction list.
        assert_eq!(converter("zh-Hant", "auto").repair("通過"), None);
    }

    #[test]
    fn japanese_lines_keep_their_kanji() {
        let c = converter("zh-Hans", "auto");
        for s in [
            "警察は社長を逮捕しました。",
            "日本語の文章です。漢字とひらがなが混ざっています。",
        ] {
            assert_eq!(c.repair(s), None, "{s}");
        }
        // One borrowed の does not make a Chinese line Japanese.
        assert_eq!(c.repair("我の店開張了").as_deref(), Some("我の店开张了"));
    }

    #[test]
    fn user_phrases_win_over_the_dictionaries() {
        let c = ScriptConfig {
            target: "zh-Hans".into(),
            phrases: vec![
                PhraseOverride {
                    from: "臺灣".into(),
                    to: "臺湾".into(),
                },
                PhraseOverride {
                    from: "臺".into(),
                    to: "台".into(),
                },
            ],
            ..ScriptConfig::default()
        }
        .build()
        .expect("valid config");
        // The longest phrase wins; the text between phrases is converted as usual.
        assert_eq!(c.repair("臺灣的電腦").as_deref(), Some("臺湾的电脑"));
        assert_eq!(c.repair("舞臺").as_deref(), Some("舞台"));
        assert_eq!(c.repair("没有"), None);
    }

    #[test]
    fn skip_test_agrees_with_always_converting_on_traditional_text() {
        let c = converter("zh-Hans", "auto");
        for s in ["這是一個測試。", "臺灣", "髮型", "後來", "乾淨"] {
            assert_eq!(c.repair(s), c.convert_always(s), "{s}");
            assert!(c.repair(s).is_some(), "{s}");
        }
    }

    #[test]
    fn bad_values_are_all_reported() {
        let errors = ScriptConfig {
            target: "zh-CN".into(),
            source_variant: "mainland".into(),
            engine: "iconv".into(),
            phrases: vec![
                PhraseOverride {
                    from: String::new(),
                    to: "x".into(),
                },
                PhraseOverride {
                    from: "a\nb".into(),
                    to: "x".into(),
                },
            ],
        }
        .validate();
        assert_eq!(errors.len(), 5);
        assert_eq!(errors[3].key, "phrases[0].from");
        assert_eq!(errors[4].key, "phrases[1]");
        assert!(errors[0].message.contains("zh-Hans"));
        assert!(errors[1].message.contains("standard"));
        assert!(errors[2].message.contains("ferrous"));
    }

    #[cfg(not(feature = "opencc-sys"))]
    #[test]
    fn system_engine_needs_the_feature() {
        let errors = ScriptConfig {
            engine: "opencc-sys".into(),
            ..ScriptConfig::default()
        }
        .validate();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("--features opencc-sys"));
    }
}
