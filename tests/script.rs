//! Script conversion against the official OpenCC 1.4.2.
//!
//! The golden files in `tests/fixtures/opencc/` were produced by the official library (PyPI wheel) with
//! `scripts/gen_opencc_golden.py`; see `data/PROVENANCE-opencc-golden.md`. The source texts are Taiwan and
//! Hong Kong Traditional and mainland Simplified written for this project, plus the inputs of OpenCC's own
//! test cases. Targets: the default engine agrees on at least 99.99% of characters; the `opencc-sys` engine
//! (the same library, linked from PyPI's opencc 1.4.2 wheel) on 100%. Every stage-level case runs once per
//! engine the build has: `scripts/with-opencc.sh cargo test --features opencc-sys --test script` adds
//! `engine = "opencc-sys"`, and the command-line cases at the end.
//!
//! Run with `--nocapture` to see every differing line.

#[path = "../benches/common/opencc_references.rs"]
mod references;

use cleanalign::stages::script::{load_engine, Conversion, EngineKind};
use cleanalign::stages::LineRepair;
use references::{cases_tally, engine_tally, engines, fixture, stage_tally, stage_with, Tally};

/// The agreement each engine must reach at the stage level: the official library must reproduce its own
/// output exactly.
fn bar(engine: &str) -> f64 {
    if engine == "ferrous" {
        0.9999
    } else {
        1.0
    }
}

fn report(what: &str, tally: &Tally) {
    eprintln!(
        "{what}: {} of {} characters differ, agreement {:.5}%",
        tally.differing,
        tally.chars,
        100.0 * tally.agreement()
    );
}

/// Reports `tally` and holds it to `engine`'s bar, on at least `min_chars` characters of fixtures.
fn assert_engine_agrees(what: &str, tally: &Tally, engine: &str, min_chars: usize) {
    report(what, tally);
    assert!(
        tally.chars > min_chars,
        "fixtures too small: {}",
        tally.chars
    );
    assert!(
        tally.agreement() >= bar(engine),
        "{engine}: {:.5}",
        tally.agreement()
    );
}

/// The issue's measure: real Traditional text (Taiwan and Hong Kong usage) to Simplified with t2s, the
/// conversion the stage applies to whole lines. tw2s and hk2s are held to a lower bar: ferrous-opencc 0.4's
/// regional variant tables turn 抬 into the variant 擡 and leave it there (OpenCC 1.4.2 gives 抬); the stage
/// takes only the regional characters from those conversions (see the stage test below), so the quirk does
/// not reach its output.
#[test]
fn default_engine_agrees_with_official_opencc_on_traditional_text() {
    let t2s = engine_tally(Tally::showing(), EngineKind::Ferrous, &[Conversion::T2s]);
    report("ferrous-opencc vs OpenCC 1.4.2, t2s", &t2s);
    assert!(t2s.chars > 4_000, "fixtures too small: {}", t2s.chars);
    assert!(t2s.agreement() >= 0.9999, "{:.5}", t2s.agreement());
    let regional = engine_tally(
        Tally::showing(),
        EngineKind::Ferrous,
        &[Conversion::Tw2s, Conversion::Hk2s],
    );
    report("ferrous-opencc vs OpenCC 1.4.2, tw2s/hk2s", &regional);
    assert!(regional.agreement() >= 0.999, "{:.5}", regional.agreement());
}

/// Simplified to Traditional. The engine's s2twp is held to a lower bar: ferrous-opencc 0.4 ships an older
/// Taiwan phrase table that still maps 通过 to 透過 (right for "by means of", wrong for "passed a bill"),
/// which OpenCC 1.4.2 no longer does. The stage corrects those entries (see the `zh-TW` case below).
#[test]
fn default_engine_agrees_with_official_opencc_on_simplified_text() {
    let exact = engine_tally(
        Tally::showing(),
        EngineKind::Ferrous,
        &[Conversion::S2t, Conversion::S2tw, Conversion::S2hk],
    );
    report("ferrous-opencc vs OpenCC 1.4.2, s2t/s2tw/s2hk", &exact);
    assert!(exact.agreement() >= 0.9999, "{:.5}", exact.agreement());
    let phrases = engine_tally(Tally::showing(), EngineKind::Ferrous, &[Conversion::S2twp]);
    report("ferrous-opencc vs OpenCC 1.4.2, s2twp", &phrases);
    assert!(phrases.agreement() >= 0.999, "{:.5}", phrases.agreement());
}

/// OpenCC's own hard cases, reported for the closing note; the floor only catches a broken engine, since
/// these cases track dictionary entries added after the ones ferrous-opencc ships.
#[test]
fn default_engine_on_opencc_test_cases() {
    let tally = cases_tally(Tally::showing(), EngineKind::Ferrous);
    report("ferrous-opencc vs OpenCC 1.4.2, OpenCC test cases", &tally);
    assert!(tally.agreement() >= 0.85, "{:.5}", tally.agreement());
}

/// The stage as configured by default (skip test, automatic source variant) against the conversion that
/// suits each source: Taiwan text with tw2s, Hong Kong text with hk2s, Simplified towards each target. This
/// is what users get, and the issue's 99.99% bar applies to it (100% for the official library).
#[test]
fn stage_defaults_agree_with_the_suitable_official_conversion() {
    for engine in engines() {
        let tally = stage_tally(Tally::showing(), engine);
        assert_engine_agrees(
            &format!("script stage (defaults, engine {engine}) vs OpenCC 1.4.2"),
            &tally,
            engine,
            10_000,
        );
    }
}

/// Fixed phrases with each engine: a phrase is written as configured, the text around it is converted as
/// the target says, and a line the phrases do not touch is converted as without them (the references).
#[test]
fn phrases_are_written_as_configured_with_each_engine() {
    let phrases = [("臺灣", "臺湾"), ("臺", "台"), ("软件", "軟件")];
    for engine in engines() {
        let to_hans = stage_with(engine, "zh-Hans", &phrases);
        // The longest phrase wins; the text between phrases is converted as usual.
        assert_eq!(
            to_hans.repair("臺灣的電腦").as_deref(),
            Some("臺湾的电脑"),
            "{engine}"
        );
        assert_eq!(to_hans.repair("舞臺").as_deref(), Some("舞台"), "{engine}");
        assert_eq!(to_hans.repair("没有"), None, "{engine}");
        // Towards Taiwan usage: 软件 would be 軟體 without the phrase, and 鼠标 still becomes 滑鼠.
        let to_tw = stage_with(engine, "zh-TW", &phrases);
        assert_eq!(
            to_tw.repair("软件通过了测试，鼠标也是").as_deref(),
            Some("軟件通過了測試，滑鼠也是"),
            "{engine}"
        );
        // Lines without any phrase: exactly the official conversion.
        let mut tally = Tally::showing();
        for (s, g) in fixture("src_hans.txt")
            .iter()
            .zip(&fixture("hans.s2twp.txt"))
            .filter(|(s, _)| !phrases.iter().any(|(from, _)| s.contains(from)))
        {
            tally.add(
                "zh-TW + phrases",
                s,
                &to_tw.repair(s).unwrap_or_else(|| s.clone()),
                g,
            );
        }
        assert_engine_agrees(
            &format!("zh-TW with phrases (engine {engine}), lines without one"),
            &tally,
            engine,
            2_000,
        );
    }
}

/// Text already in the target script passes through unchanged, line for line.
#[test]
fn text_in_the_target_script_is_left_alone() {
    for engine in engines() {
        let to_hans = stage_with(engine, "zh-Hans", &[]);
        for line in fixture("src_hans.txt") {
            assert_eq!(to_hans.repair(&line), None, "{engine}: {line}");
        }
        for (target, golden) in [("zh-TW", "hans.s2twp.txt"), ("zh-HK", "hans.s2hk.txt")] {
            let stage = stage_with(engine, target, &[]);
            for line in fixture(golden) {
                assert_eq!(stage.repair(&line), None, "{engine} {target}: {line}");
            }
        }
    }
}

/// The official library, linked by `scripts/with-opencc.sh`, reproduces the OpenCC 1.4.2 references
/// exactly: every conversion on our text and OpenCC's own test cases. Also reports how far the default
/// engine is from it on the same lines (the README's agreement figure).
#[cfg(feature = "opencc-sys")]
#[test]
fn system_engine_reproduces_the_references_exactly() {
    let all: Vec<Conversion> = references::ENGINE_GOLDENS.iter().map(|g| g.2).collect();
    let system = engine_tally(Tally::showing(), EngineKind::System, &all);
    report("opencc-sys vs OpenCC 1.4.2, all conversions", &system);
    assert!(
        system.chars > 15_000,
        "fixtures too small: {}",
        system.chars
    );
    assert_eq!(system.differing, 0);
    let cases = cases_tally(Tally::showing(), EngineKind::System);
    report("opencc-sys vs OpenCC 1.4.2, OpenCC test cases", &cases);
    assert_eq!(cases.differing, 0);
    let mut tally = Tally::showing();
    for &(source, _, conversion) in references::ENGINE_GOLDENS {
        let ferrous = load_engine(EngineKind::Ferrous, conversion).expect("ferrous");
        let sys = load_engine(EngineKind::System, conversion).expect("opencc-sys");
        for line in fixture(source) {
            tally.add(
                conversion.name(),
                &line,
                &ferrous.convert(&line),
                &sys.convert(&line),
            );
        }
    }
    report("ferrous vs opencc-sys, engines alone", &tally);
    // The same bar as the s2twp reference test: ferrous-opencc's older Taiwan phrase table (通过 → 透過).
    assert!(tally.agreement() >= 0.999, "{:.5}", tally.agreement());
}

/// The binary built with the feature, configured with `[script] engine = "opencc-sys"`: it finds its
/// dictionaries with no variable set (in the build's folder, or beside a moved binary), `fix` gives the
/// references, and `check` names what is missing when a hand-set data folder lacks a file.
#[cfg(feature = "opencc-sys")]
mod command_line {
    use super::fixture;
    use std::path::Path;
    use std::process::{Command, Output, Stdio};

    fn cleanalign(config: &Path, args: &[&str], input: &str, data: Option<&Path>) -> Output {
        run(
            Path::new(env!("CARGO_BIN_EXE_cleanalign")),
            config,
            args,
            input,
            data,
        )
    }

    fn run(
        binary: &Path,
        config: &Path,
        args: &[&str],
        input: &str,
        data: Option<&Path>,
    ) -> Output {
        use std::io::Write;
        let mut command = Command::new(binary);
        command
            .args(args)
            .arg("--config")
            .arg(config)
            .env_remove("CLEANALIGN_OPENCC_DATA")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(dir) = data {
            command.env("CLEANALIGN_OPENCC_DATA", dir);
        }
        let mut child = command.spawn().expect("the binary runs");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = input.as_bytes().to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().expect("wait");
        let _ = writer.join();
        out
    }

    fn config(dir: &Path, target: &str) -> std::path::PathBuf {
        let path = dir.join("pipeline.toml");
        std::fs::write(
            &path,
            format!("[script]\nengine = \"opencc-sys\"\ntarget = \"{target}\"\n"),
        )
        .expect("write config");
        path
    }

    #[test]
    fn fix_gives_the_references_and_check_passes() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (target, source, golden) in [
            ("zh-TW", "src_hans.txt", "hans.s2twp.txt"),
            ("zh-HK", "src_hans.txt", "hans.s2hk.txt"),
            ("zh-Hans", "src_tw.txt", "tw.tw2s.txt"),
        ] {
            let config = config(dir.path(), target);
            let check = cleanalign(&config, &["check"], "", None);
            assert!(
                check.status.success(),
                "{target}: {}",
                String::from_utf8_lossy(&check.stderr)
            );
            let input = fixture(source).join("\n") + "\n";
            let out = cleanalign(
                &config,
                &["fix", "--stages", "script", "--to", target],
                &input,
                None,
            );
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let ours: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string)
                .collect();
            assert_eq!(ours, fixture(golden), "{target}");
        }
    }

    /// The binary copied elsewhere with an `opencc-data/` folder beside it reads that folder (check says so),
    /// and falls back to the build's folder when the copy lacks a file.
    #[test]
    fn a_moved_binary_reads_the_dictionaries_beside_it() {
        let Some(build_data) = option_env!("CLEANALIGN_OPENCC_BUILD_DATA") else {
            panic!("built without scripts/with-opencc.sh: no CLEANALIGN_OPENCC_BUILD_DATA");
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let bin_dir = dir.path().join("bin");
        let data = bin_dir.join("opencc-data");
        std::fs::create_dir_all(&data).expect("mkdir");
        let binary = bin_dir.join("cleanalign");
        std::fs::copy(env!("CARGO_BIN_EXE_cleanalign"), &binary).expect("copy the binary");
        for entry in std::fs::read_dir(build_data).expect("the build's data folder") {
            let path = entry.expect("entry").path();
            std::fs::copy(&path, data.join(path.file_name().expect("name"))).expect("copy");
        }
        let config = config(dir.path(), "zh-TW");
        let check = run(&binary, &config, &["check"], "", None);
        let said = String::from_utf8_lossy(&check.stdout).into_owned();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
        assert!(
            said.contains(&format!("{} (beside the binary)", data.display())),
            "{said}"
        );
        let fixed = run(
            &binary,
            &config,
            &["fix", "--to", "zh-TW"],
            "软件和鼠标\n",
            None,
        );
        assert_eq!(String::from_utf8_lossy(&fixed.stdout), "軟體和滑鼠\n");
        std::fs::remove_file(data.join("TWPhrases.ocd2")).expect("remove");
        let check = run(&binary, &config, &["check"], "", None);
        let said = String::from_utf8_lossy(&check.stdout).into_owned();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
        assert!(said.contains("(the build's data folder)"), "{said}");
    }

    #[test]
    fn check_names_the_missing_dictionary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = config(dir.path(), "zh-TW");
        let data = dir.path().join("data");
        std::fs::create_dir(&data).expect("mkdir");
        std::fs::write(
            data.join("s2twp.json"),
            r#"{"segmentation": {"dict": {"type": "ocd2", "file": "STPhrases.ocd2"}},
                "conversion_chain": [{"dict": {"type": "ocd2", "file": "TWPhrases.ocd2"}}]}"#,
        )
        .expect("write");
        std::fs::write(data.join("STPhrases.ocd2"), b"").expect("write");
        let out = cleanalign(&config, &["check"], "", Some(&data));
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("CLEANALIGN_OPENCC_DATA"), "{err}");
        assert!(err.contains("missing TWPhrases.ocd2"), "{err}");
        assert!(!err.contains("STPhrases.ocd2"), "{err}");
    }
}

mod skip_test_property {
    use super::*;
    use proptest::prelude::*;
    use std::sync::{Arc, OnceLock};

    use cleanalign::stages::script::ScriptConverter;

    type Engine = Arc<dyn cleanalign::stages::script::ScriptEngine>;

    /// (the default stage, t2s) for each engine of the build.
    fn pairs() -> &'static Vec<(ScriptConverter, Engine)> {
        static P: OnceLock<Vec<(ScriptConverter, Engine)>> = OnceLock::new();
        P.get_or_init(|| {
            engines()
                .into_iter()
                .map(|engine| {
                    let t2s =
                        load_engine(references::engine_kind(engine), Conversion::T2s).expect("t2s");
                    (stage_with(engine, "zh-Hans", &[]), t2s)
                })
                .collect()
        })
    }

    /// Simplified text, characters valid in both scripts (干 后 里 面 乾 著), phrase material (一 併 杯 名),
    /// a few Traditional-only characters, Latin letters and punctuation.
    fn line() -> impl Strategy<Value = String> {
        let pool: Vec<char> = "我们的国家发展很快干后里面乾著名杯一併淨國發這說abc ，。1"
            .chars()
            .collect();
        prop::collection::vec(prop::sample::select(pool), 0..40)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// The skip test never skips a line that t2s would change, with either engine.
        #[test]
        fn skipped_lines_are_ones_t2s_leaves_alone(s in line()) {
            for (stage, t2s) in pairs() {
                if stage.repair(&s).is_none() {
                    prop_assert_eq!(t2s.convert(&s), s.clone());
                }
            }
        }
    }
}
