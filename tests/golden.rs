//! Golden files: the cleaned text of every bundled sample, and its metadata, exactly.
//!
//! The files in `tests/golden/` were reviewed line by line against `raw/`; they are the specification of what
//! clean means for these pages, and what they still get wrong is listed in `tests/golden/KNOWN_DEFECTS`. When a
//! change alters them, read the diff this test prints before accepting it
//! (regenerate with `cargo run --release -- run --out /tmp/g` and copy `docs/*.txt` and `metadata.csv`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn line_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            out.push_str(&format!(
                "line {}:\n  expected: {:?}\n  actual:   {:?}\n",
                i + 1,
                x,
                y
            ));
        }
    }
    out
}

fn run_once(out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_cleanalign"))
        .current_dir(root())
        .args(["run", "--raw", "raw", "--quiet", "--out"])
        .arg(out)
        .status()
        .expect("runs");
    assert!(status.success());
}

#[test]
fn cleaned_samples_match_the_golden_files() {
    let dir = tempfile::tempdir().expect("tmp");
    run_once(dir.path());
    let golden = root().join("tests/golden");
    let mut checked = 0;
    let mut failures = String::new();
    for entry in std::fs::read_dir(&golden).expect("tests/golden") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if name == "KNOWN_DEFECTS" {
            continue;
        }
        let actual_path = if name == "metadata.csv" {
            dir.path().join(&name)
        } else {
            dir.path().join("docs").join(&name)
        };
        let expected = std::fs::read_to_string(&path).expect("golden");
        let actual = std::fs::read_to_string(&actual_path)
            .unwrap_or_else(|_| panic!("{name} was not written"));
        if expected != actual {
            failures.push_str(&format!("== {name}\n{}", line_diff(&expected, &actual)));
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} golden files");
    assert!(
        failures.is_empty(),
        "output differs from tests/golden:\n{failures}"
    );
}

/// The defects listed in `tests/golden/KNOWN_DEFECTS` are still in their golden files: a change that fixes
/// one (and so changes the golden file) must also take it off the list, so the list stays true.
#[test]
fn known_defects_are_listed_truly() {
    let golden = root().join("tests/golden");
    let list = std::fs::read_to_string(golden.join("KNOWN_DEFECTS")).expect("KNOWN_DEFECTS");
    let mut listed = 0;
    for line in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "file, text, why: {line}");
        let text = std::fs::read_to_string(golden.join(fields[0]))
            .unwrap_or_else(|_| panic!("{} is not a golden file", fields[0]));
        assert!(
            text.contains(fields[1]),
            "{}: the known defect {:?} is gone; take it off KNOWN_DEFECTS",
            fields[0],
            fields[1]
        );
        assert!(!fields[2].trim().is_empty(), "no reason given: {line}");
        listed += 1;
    }
    assert!(listed > 0);
}

/// Cleaning is idempotent at the document level: running the cleaned documents through again changes nothing.
#[test]
fn cleaning_cleaned_output_changes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    run_once(&dir.path().join("first"));
    let second = dir.path().join("second");
    let status = Command::new(env!("CARGO_BIN_EXE_cleanalign"))
        .current_dir(root())
        .args(["run", "--quiet", "--raw"])
        .arg(dir.path().join("first/docs"))
        .arg("--out")
        .arg(&second)
        .status()
        .expect("runs");
    assert!(status.success());
    let mut names: Vec<_> = std::fs::read_dir(dir.path().join("first/docs"))
        .expect("docs")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    names.sort();
    for name in names {
        let a = std::fs::read_to_string(dir.path().join("first/docs").join(&name)).expect("first");
        let b = std::fs::read_to_string(second.join("docs").join(&name)).expect("second");
        assert!(
            a == b,
            "{name:?} changed on a second pass:\n{}",
            line_diff(&a, &b)
        );
    }
}
