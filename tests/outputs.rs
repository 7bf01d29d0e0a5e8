//! The output contract of DESIGN.md 2.3 beyond corpus.csv: corpus.tmx, corpus.zh + corpus.en and corpus.jsonl
//! hold one unit per corpus.csv row in the same order; `[output] formats` chooses them; report.html is one
//! self-contained page; `--progress json` writes JSON lines; completions and the man page are generated.
//!
//! These checks need nothing but Rust (the TMX is parsed with roxmltree for well-formedness). Validation
//! against the TMX 1.4b DTD, loading with Hugging Face `datasets` and rendering in Chromium are in
//! `scripts/check_outputs.sh`, which `.ci/run` runs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cleanalign"))
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A raw folder holding the bundled zh/en document pair and one seed page.
fn small_raw(dir: &Path) -> PathBuf {
    let raw = dir.join("raw");
    std::fs::create_dir_all(&raw).expect("mkdir");
    for name in [
        "library_zh.txt",
        "library_en.txt",
        "001_8ef5bb721716f7c8.txt",
    ] {
        std::fs::copy(repo_root().join("raw").join(name), raw.join(name)).expect("copy");
    }
    raw
}

/// `cleanalign run` in `dir` (so no pipeline.toml is picked up unless `config` is given).
fn run(dir: &Path, raw: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut cmd = bin();
    cmd.current_dir(dir)
        .arg("run")
        .arg("--raw")
        .arg(raw)
        .arg("--out")
        .arg(out)
        .args(extra);
    cmd.output().expect("the binary runs")
}

/// `cleanalign run --quiet` with a config file holding `config`; it must succeed.
fn run_with_config(dir: &Path, raw: &Path, out: &Path, config: &str) {
    let path = dir.join("config.toml");
    std::fs::write(&path, config).expect("write the config");
    let path = path.to_str().expect("UTF-8 path");
    let o = run(dir, raw, out, &["--quiet", "--config", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[derive(Debug, Clone, PartialEq)]
struct CsvRow {
    id: String,
    src_doc: String,
    tgt_doc: String,
    src_lang: String,
    src_text: String,
    tgt_text: String,
    bead: String,
    score: String,
    kind: String,
}

fn read_csv(path: &Path) -> Vec<CsvRow> {
    let mut reader = csv::Reader::from_path(path).expect("corpus.csv opens");
    let headers = reader.headers().expect("a header").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("corpus.csv has no `{name}` column: {headers:?}"))
    };
    let cols = [
        "id", "src_doc", "tgt_doc", "src_lang", "src_text", "tgt_text", "bead", "score", "kind",
    ]
    .map(col);
    reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV record");
            let f = |i: usize| r.get(cols[i]).unwrap_or("").to_string();
            CsvRow {
                id: f(0),
                src_doc: f(1),
                tgt_doc: f(2),
                src_lang: f(3),
                src_text: f(4),
                tgt_text: f(5),
                bead: f(6),
                score: f(7),
                kind: f(8),
            }
        })
        .collect()
}

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// (tuid, props, [(xml:lang, seg)]) of every unit, and the header's srclang.
type Unit = (String, Vec<(String, String)>, Vec<(String, String)>);

fn read_tmx(path: &Path) -> (String, Vec<Unit>) {
    let text = std::fs::read_to_string(path).expect("corpus.tmx is UTF-8");
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&text, options)
        .unwrap_or_else(|e| panic!("corpus.tmx is not well-formed XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "tmx");
    assert_eq!(root.attribute("version"), Some("1.4"));
    let header = root
        .children()
        .find(|n| n.has_tag_name("header"))
        .expect("a header");
    for attr in [
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ] {
        assert!(header.attribute(attr).is_some(), "header lacks {attr}");
    }
    let units = doc
        .descendants()
        .filter(|n| n.has_tag_name("tu"))
        .map(|tu| {
            let props = tu
                .children()
                .filter(|n| n.has_tag_name("prop"))
                .map(|p| {
                    (
                        p.attribute("type").unwrap_or("").to_string(),
                        p.text().unwrap_or("").to_string(),
                    )
                })
                .collect();
            let variants = tu
                .children()
                .filter(|n| n.has_tag_name("tuv"))
                .map(|tuv| {
                    let seg = tuv
                        .children()
                        .find(|n| n.has_tag_name("seg"))
                        .expect("a seg in every tuv");
                    (
                        tuv.attribute((XML_NS, "lang")).unwrap_or("").to_string(),
                        seg.text().unwrap_or("").to_string(),
                    )
                })
                .collect();
            (
                tu.attribute("tuid").unwrap_or("").to_string(),
                props,
                variants,
            )
        })
        .collect();
    (header.attribute("srclang").unwrap_or("").to_string(), units)
}

fn read_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("UTF-8");
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "{} lacks its last newline",
        path.display()
    );
    text.lines().map(str::to_string).collect()
}

fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn every_format_holds_the_csv_rows_in_order() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let o = run(tmp.path(), &repo_root().join("raw"), &out, &["--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = read_csv(&out.join("corpus.csv"));
    assert!(rows.len() >= 5, "the bundled pair aligns: {rows:?}");
    assert!(rows.iter().all(|r| r.kind == "sentence"));

    let (srclang, units) = read_tmx(&out.join("corpus.tmx"));
    assert_eq!(srclang, "zh-Hans");
    assert_eq!(units.len(), rows.len());
    for ((tuid, props, variants), row) in units.iter().zip(&rows) {
        assert_eq!(tuid, &row.id);
        let expected_variants = vec![
            ("zh-Hans".to_string(), row.src_text.clone()),
            ("en".to_string(), row.tgt_text.clone()),
        ];
        assert_eq!(variants, &expected_variants);
        for (name, value) in [
            ("x-score", &row.score),
            ("x-bead", &row.bead),
            ("x-src-doc", &row.src_doc),
            ("x-tgt-doc", &row.tgt_doc),
            ("x-kind", &row.kind),
        ] {
            assert!(
                props.contains(&(name.to_string(), value.clone())),
                "unit {tuid} lacks {name}={value}: {props:?}"
            );
        }
    }

    let zh = read_lines(&out.join("corpus.zh"));
    let en = read_lines(&out.join("corpus.en"));
    assert_eq!(zh.len(), rows.len());
    assert_eq!(en.len(), rows.len());
    for ((z, e), row) in zh.iter().zip(&en).zip(&rows) {
        assert_eq!(z, &row.src_text);
        assert_eq!(e, &row.tgt_text);
    }

    let records = read_jsonl(&out.join("corpus.jsonl"));
    assert_eq!(records.len(), rows.len());
    for (record, row) in records.iter().zip(&rows) {
        assert_eq!(record["translation"]["zh"], row.src_text.as_str());
        assert_eq!(record["translation"]["en"], row.tgt_text.as_str());
        assert_eq!(record["src_doc"], row.src_doc.as_str());
        assert_eq!(record["tgt_doc"], row.tgt_doc.as_str());
        assert_eq!(record["bead"], row.bead.as_str());
        let score: f64 = row.score.parse().expect("a numeric score");
        assert_eq!(record["score"].as_f64(), Some(score));
    }
    assert!(rows.iter().all(|r| r.src_lang == "zh"));
}

#[test]
fn tmx_language_follows_the_script_target_and_formats_choose_the_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let raw = small_raw(tmp.path());
    let out = tmp.path().join("out");
    run_with_config(tmp.path(), &raw, &out, "[script]\ntarget = \"zh-Hant\"\n");
    let (srclang, units) = read_tmx(&out.join("corpus.tmx"));
    assert_eq!(srclang, "zh-Hant");
    assert!(!units.is_empty());
    assert!(units
        .iter()
        .all(|u| u.2[0].0 == "zh-Hant" && u.2[1].0 == "en"));
    // Hugging Face keys stay `zh`/`en` whatever the script.
    let records = read_jsonl(&out.join("corpus.jsonl"));
    assert!(records
        .iter()
        .all(|r| r["translation"]["zh"].is_string() && r["translation"]["en"].is_string()));

    // Only CSV now: the other corpus files of the earlier run go, so none is mistaken for this run's.
    run_with_config(tmp.path(), &raw, &out, "[output]\nformats = [\"csv\"]\n");
    let files: BTreeSet<String> = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("corpus."))
        .collect();
    assert_eq!(files, BTreeSet::from(["corpus.csv".to_string()]));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report.json"))
            .expect("JSON");
    assert_eq!(report["corpus_files"], serde_json::json!(["corpus.csv"]));
}

#[test]
fn an_unknown_format_or_progress_mode_is_a_config_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let config = tmp.path().join("bad.toml");
    std::fs::write(
        &config,
        "[output]\nformats = [\"csv\", \"xlsx\"]\nprogress = \"loud\"\n",
    )
    .expect("write");
    let o = bin()
        .args(["check", "--config"])
        .arg(&config)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("xlsx") && err.contains("loud"), "{err}");
    assert!(err.contains("bad.toml:2:"), "{err}");
}

/// Every `href`/`src` value of a page.
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            found.push(rest[..end].to_string());
        }
    }
    found
}

#[test]
fn report_html_is_self_contained_and_escapes_what_it_shows() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let raw = small_raw(tmp.path());
    // A file name and a line that would be markup if copied into the page as they are.
    std::fs::write(
        raw.join("a<b>&'x\".txt"),
        "Home | News | About <script>alert(1)</script>\n\nThe library reopened in 2021 after a long renovation, and readers came back.\n",
    )
    .expect("write");
    std::fs::write(raw.join("broken.txt"), [0u8, 1, 2, 3, 0, 0, 0, 0, 5, 6]).expect("write");
    let out = tmp.path().join("out");
    let o = run(tmp.path(), &raw, &out, &["--quiet"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let html = std::fs::read_to_string(out.join("report.html")).expect("report.html");

    assert!(!html.contains("<script"), "no script at all");
    assert!(!html.contains("<b>&"), "the file name is escaped");
    assert!(html.contains("a&lt;b&gt;&amp;&#39;x&quot;"));
    assert!(html.contains("Content-Security-Policy"));
    for link in links(&html) {
        assert!(
            !link.contains("://") && !link.starts_with("//"),
            "external link {link}"
        );
        // Every relative link names a file of the output folder, or a place on the page.
        if let Some(anchor) = link.strip_prefix('#') {
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "dangling #{anchor}"
            );
        } else {
            let decoded = percent_decode(&link);
            assert!(
                out.join(&decoded).is_file(),
                "link to a missing file {link}"
            );
        }
    }
    for chart in [
        "chart-lines",
        "chart-stages",
        "chart-reasons",
        "chart-scores",
    ] {
        let at = html.find(&format!("id=\"{chart}\"")).expect(chart);
        assert!(html[at..].contains("<svg"), "{chart} has no SVG");
    }
    // Every document is listed (the batch is under the listing cap), the failed input with its error.
    let mut metadata = csv::Reader::from_path(out.join("metadata.csv")).expect("metadata.csv");
    let mut docs = 0;
    for record in metadata.records() {
        let id = record.expect("a record")[0].to_string();
        let shown = id
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;");
        assert!(
            html.contains(&format!(">{shown}</a>")),
            "{id} is not listed"
        );
        docs += 1;
    }
    assert_eq!(docs, 4);
    assert!(html.contains("broken.txt"));
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 link")
}

#[test]
fn progress_json_lines_name_phase_done_total_and_elapsed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let raw = small_raw(tmp.path());
    for (flags, expect_json) in [
        (&["--progress", "json"][..], true),
        // stderr is a pipe here, so auto means JSON lines.
        (&[][..], true),
        (&["--quiet"][..], false),
        (&["--progress", "none"][..], false),
    ] {
        let out = tmp.path().join("out");
        let o = run(tmp.path(), &raw, &out, flags);
        assert_eq!(o.status.code(), Some(0), "{flags:?}: {}", stderr(&o));
        let lines: Vec<serde_json::Value> = stderr(&o)
            .lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).expect("a JSON progress line"))
            .collect();
        if !expect_json {
            assert!(lines.is_empty(), "{flags:?}: {lines:?}");
            continue;
        }
        let phases: Vec<&str> = lines.iter().filter_map(|l| l["phase"].as_str()).collect();
        for phase in ["scan", "clean", "align"] {
            assert!(phases.contains(&phase), "{flags:?}: {phases:?}");
            let last = lines
                .iter()
                .rev()
                .find(|l| l["phase"] == phase)
                .expect("a line");
            assert_eq!(last["done"], last["total"], "{phase}: {last}");
            assert!(last["elapsed_s"].as_f64().is_some_and(|s| s >= 0.0));
        }
        assert_eq!(
            lines
                .iter()
                .find(|l| l["phase"] == "clean")
                .map(|l| &l["total"]),
            Some(&serde_json::json!(3))
        );
    }
    // --quiet and --progress contradict each other.
    let o = run(
        tmp.path(),
        &raw,
        &tmp.path().join("out"),
        &["--quiet", "--progress", "json"],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn completions_and_man_pages_are_generated() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = bin().args(["completions", shell]).output().expect("runs");
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = String::from_utf8_lossy(&o.stdout);
        // The subcommands and a flag added with this feature are in every script.
        for word in ["run", "align", "--progress"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let o = bin().args(["completions", "tcsh"]).output().expect("runs");
    assert_eq!(o.status.code(), Some(2));

    let o = bin().arg("man").output().expect("runs");
    assert!(o.status.success());
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH cleanalign"),
        "{page}"
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("man1");
    let o = bin()
        .args(["man", "--dir"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    for page in [
        "cleanalign.1",
        "cleanalign-run.1",
        "cleanalign-fix.1",
        "cleanalign-align.1",
    ] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap_or_default();
        assert!(text.contains(".TH"), "{page} missing or not a man page");
    }
}
