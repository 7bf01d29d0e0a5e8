//! Output must not depend on the number of threads.

use std::process::Command;

fn run(jobs: &str, out: &std::path::Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_cleanalign"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--raw", "raw", "--quiet", "--jobs", jobs, "--out"])
        .arg(out)
        .status()
        .expect("runs");
    assert!(status.success());
}

#[test]
fn one_thread_and_four_threads_write_the_same_files() {
    let dir = tempfile::tempdir().expect("tmp");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    run("1", &a);
    run("4", &b);
    for file in [
        "corpus.csv",
        "corpus.tmx",
        "corpus.zh",
        "corpus.en",
        "corpus.jsonl",
        "rejected.jsonl",
        "metadata.csv",
    ] {
        let left = std::fs::read(a.join(file)).expect("a");
        let right = std::fs::read(b.join(file)).expect("b");
        assert!(left == right, "{file} differs between 1 and 4 threads");
    }
    let mut names: Vec<_> = std::fs::read_dir(a.join("docs"))
        .expect("docs")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let left = std::fs::read(a.join("docs").join(&name)).expect("a");
        let right = std::fs::read(b.join("docs").join(&name)).expect("b");
        assert!(left == right, "docs/{name:?} differs");
    }
    // The report differs only in timings.
    let strip = |p: std::path::PathBuf| {
        let mut v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(p).expect("report")).expect("json");
        if let Some(o) = v.as_object_mut() {
            for k in ["timings_ms", "seconds_total", "throughput_mb_per_s"] {
                o.remove(k);
            }
        }
        v
    };
    assert_eq!(strip(a.join("report.json")), strip(b.join("report.json")));
}
