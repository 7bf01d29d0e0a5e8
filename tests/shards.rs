//! A run split into shards (`plan`, then `worker` and `merge` per phase) writes the same docs/, corpus.csv,
//! rejected.jsonl and metadata.csv as a single `run`, byte for byte, for 1, 3 and 4 shards, on a batch whose
//! translation pairs, shared boilerplate lines and duplicate ids cross shard boundaries. Also: completion
//! markers, refusals of a merge, resuming a killed run, and the temporary files of a killed run removed.

mod common;

use cleanalign::engine::phases::{self, Done, Phase};
use cleanalign::engine::plan::Plan;
use cleanalign::engine::progress::ProgressMode;
use cleanalign::engine::{self, RunError};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fragment that only its repetition across documents marks as boilerplate.
const FOOTER: &str = "滨江区社区文化节 第十二届 十月开幕";

fn put(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

fn repo(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).expect("read repo file")
}

/// The batch: a translation pair at both ends of the input order, news pages of which the first and the last
/// share a line, the seeds, a bilingual page, a JSONL file whose record ids collide with a file's, and an empty file.
fn batch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let raw = dir.path();
    put(raw, "a/library_zh.txt", &repo("raw/library_zh.txt"));
    put(raw, "z/library_en.txt", &repo("raw/library_en.txt"));
    for (i, name) in [
        "zh_news.txt",
        "zh_news_portal.txt",
        "zh_encyclopedia.txt",
        "forum_thread.txt",
    ]
    .iter()
    .enumerate()
    {
        let mut text = repo(&format!("tests/fixtures/boilerplate/{name}"));
        // Only the first and the last news page share the line: in different shards, it is removed only if
        // the line counts of all shards are summed.
        if i == 0 || i == 3 {
            text.extend_from_slice(format!("\n{FOOTER}\n").as_bytes());
        }
        put(
            raw,
            &format!("{}/news{i}.txt", ["b", "m", "s", "y"][i]),
            &text,
        );
    }
    for (stem, bytes) in common::raw_samples() {
        if stem.starts_with('0') {
            put(raw, &format!("m/seeds/{stem}.txt"), &bytes);
        }
    }
    put(
        raw,
        "s/weekly.txt",
        &repo("tests/fixtures/bilingual/weekly_digest.md"),
    );
    put(
        raw,
        "k/1.txt",
        "这是一个普通的文件，它的编号与记录相同。\n".as_bytes(),
    );
    put(
        raw,
        "k.jsonl",
        concat!(
            "{\"id\": \"1\", \"text\": \"同一个编号的记录，它输给了前面的文件。\"}\n",
            "{\"id\": \"2\", \"text\": \"第二条记录有自己的编号，会被正常清洗。\"}\n",
            "{\"id\": \"2\", \"text\": \"第三条记录重复了第二条的编号。\"}\n"
        )
        .as_bytes(),
    );
    put(raw, "e/empty.txt", b"");
    dir
}

const COMPARED: [&str; 3] = ["corpus.csv", "rejected.jsonl", "metadata.csv"];

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("prefix").to_path_buf();
                files.push((rel, std::fs::read(&path).expect("read")));
            }
        }
    }
    files.sort();
    files
}

fn assert_same_outputs(expected: &Path, actual: &Path, label: &str) {
    for name in COMPARED {
        let (e, a) = (
            std::fs::read(expected.join(name)).expect("expected output"),
            std::fs::read(actual.join(name)),
        );
        assert!(a.as_ref().is_ok_and(|a| *a == e), "{label}: {name} differs");
    }
    assert!(
        tree(&expected.join("docs")) == tree(&actual.join("docs")),
        "{label}: docs/ differs"
    );
}

/// Plan in `shards` shards and run every worker and merge, as a job array would (workers in reverse order).
fn run_phases(raw: &Path, out: &Path, shards: usize) -> engine::RunSummary {
    let pipeline = common::default_pipeline();
    let plan = Plan::build(pipeline, raw, Some(shards), None).expect("plan");
    phases::adopt_plan(out, &plan).expect("adopt");
    let plan = phases::read_plan(out).expect("read plan");
    let mut summary = None;
    for phase in Phase::ALL {
        for shard in (0..phase.shards(&plan)).rev() {
            phases::worker(pipeline, &plan, out, phase, shard, ProgressMode::None).expect("worker");
        }
        if let Done::Outputs(s) = phases::merge(pipeline, &plan, out, phase, None).expect("merge") {
            summary = Some(s);
        }
    }
    summary.expect("the align merge writes the outputs")
}

fn shard_of(plan: &Plan, id: &str) -> usize {
    plan.inputs
        .iter()
        .find(|p| p.input.id == id)
        .map(|p| p.shard)
        .expect("input in plan")
}

#[test]
fn shards_write_the_same_outputs_as_one_run() {
    let raw = batch();
    let out = tempfile::tempdir().expect("tempdir");
    let single = out.path().join("run");
    let summary = engine::run(
        common::default_pipeline(),
        raw.path(),
        &single,
        ProgressMode::None,
    )
    .expect("run");
    // The batch exercises what must cross shards.
    let corpus = std::fs::read_to_string(single.join("corpus.csv")).expect("corpus");
    assert!(
        corpus.contains("a/library_zh,z/library_en"),
        "the library pair is aligned:\n{corpus}"
    );
    assert!(corpus.contains("s/weekly,s/weekly"), "the bilingual page");
    let rejected = std::fs::read_to_string(single.join("rejected.jsonl")).expect("rejected");
    let repeated = rejected
        .lines()
        .filter(|l| l.contains(FOOTER) && l.contains("repeated-across-docs"))
        .count();
    assert_eq!(
        repeated, 2,
        "the line shared by two pages is removed for its repetition:\n{rejected}"
    );
    assert_eq!(
        rejected.matches("input-failed").count(),
        3,
        "the empty file and two duplicate ids fail"
    );
    assert_eq!(summary.failed.len(), 3);
    // run removes its plan and work folder once the outputs are written.
    assert!(!single.join(phases::PLAN_FILE).exists());
    assert!(!single.join(phases::WORK_DIR).exists());

    for shards in [1, 3, 4] {
        let sharded = out.path().join(format!("shards-{shards}"));
        let s = run_phases(raw.path(), &sharded, shards);
        assert_same_outputs(&single, &sharded, &format!("{shards} shards"));
        assert_eq!(s.failed, summary.failed);
        assert_eq!(s.corpus_rows, summary.corpus_rows);
        let plan = phases::read_plan(&sharded).expect("plan");
        if shards > 1 {
            assert_ne!(
                shard_of(&plan, "a/library_zh"),
                shard_of(&plan, "z/library_en"),
                "the pair crosses shards"
            );
            assert_ne!(
                shard_of(&plan, "b/news0"),
                shard_of(&plan, "y/news3"),
                "the shared line crosses shards"
            );
        }
    }
    // run itself in several shards, as after a large input.
    let run3 = out.path().join("run-3");
    engine::run_in_shards(
        common::default_pipeline(),
        raw.path(),
        &run3,
        ProgressMode::None,
        Some(3),
    )
    .expect("run in 3 shards");
    assert_same_outputs(&single, &run3, "run in 3 shards");
}

#[test]
fn a_merge_names_missing_shards_and_refuses_another_configuration() {
    let raw = batch();
    let out = tempfile::tempdir().expect("tempdir");
    let out = out.path();
    let pipeline = common::default_pipeline();
    let plan = Plan::build(pipeline, raw.path(), Some(4), None).expect("plan");
    phases::adopt_plan(out, &plan).expect("adopt");
    phases::worker(pipeline, &plan, out, Phase::Scan, 1, ProgressMode::None).expect("shard 1");
    phases::worker(pipeline, &plan, out, Phase::Scan, 2, ProgressMode::None).expect("shard 2");
    match phases::merge(pipeline, &plan, out, Phase::Scan, None) {
        Err(RunError::MissingShards { missing, .. }) => assert_eq!(missing, [0, 3]),
        other => panic!("expected missing shards, got {other:?}"),
    }
    // A worker of the next phase may not start before the merge.
    assert!(matches!(
        phases::worker(pipeline, &plan, out, Phase::Clean, 0, ProgressMode::None),
        Err(RunError::NotMerged { .. })
    ));
    assert!(matches!(
        phases::worker(pipeline, &plan, out, Phase::Scan, 4, ProgressMode::None),
        Err(RunError::ShardOutOfRange { .. })
    ));
    // A shard done under another configuration is refused by name.
    let mut other = plan.clone();
    other.config_hash = "0123456789abcdef".into();
    match phases::merge(pipeline, &other, out, Phase::Scan, None) {
        Err(e @ RunError::Mismatch { .. }) => {
            assert!(e.to_string().contains("scan shard 1"), "{e}")
        }
        other => panic!("expected a mismatch, got {other:?}"),
    }
}

#[test]
fn a_finished_shard_is_not_redone() {
    let raw = batch();
    let out = tempfile::tempdir().expect("tempdir");
    let out = out.path();
    let pipeline = common::default_pipeline();
    let plan = Plan::build(pipeline, raw.path(), Some(2), None).expect("plan");
    phases::adopt_plan(out, &plan).expect("adopt");
    let first = phases::worker(pipeline, &plan, out, Phase::Scan, 0, ProgressMode::None);
    assert!(matches!(first, Ok(Done::Now)));
    // Tamper with the finished part: a worker that redid the shard would rewrite it.
    let part = out.join(phases::WORK_DIR).join("scan/00000/part.json");
    std::fs::write(&part, b"tampered").expect("tamper");
    let again = phases::worker(pipeline, &plan, out, Phase::Scan, 0, ProgressMode::None);
    assert!(matches!(again, Ok(Done::Already)));
    assert_eq!(std::fs::read(&part).expect("part"), b"tampered");
    // Planning again with the same inputs keeps the work; another number of shards starts afresh.
    assert!(phases::adopt_plan(out, &plan).expect("same plan"));
    let other = Plan::build(pipeline, raw.path(), Some(3), None).expect("plan");
    assert!(!phases::adopt_plan(out, &other).expect("new plan"));
    assert!(!part.exists());
}

#[test]
fn run_after_a_killed_run_keeps_its_finished_shards_and_removes_its_litter() {
    let raw = batch();
    let out = tempfile::tempdir().expect("tempdir");
    let expected = out.path().join("expected");
    engine::run(
        common::default_pipeline(),
        raw.path(),
        &expected,
        ProgressMode::None,
    )
    .expect("run");
    let out = out.path().join("resumed");
    let pipeline = common::default_pipeline();
    // A run in 3 shards killed during the clean phase: scan merged, clean shard 0 done.
    let plan = Plan::build(pipeline, raw.path(), Some(3), Some(1)).expect("plan");
    phases::adopt_plan(&out, &plan).expect("adopt");
    for shard in 0..3 {
        phases::worker(
            pipeline,
            &plan,
            &out,
            Phase::Scan,
            shard,
            ProgressMode::None,
        )
        .expect("scan");
    }
    phases::merge(pipeline, &plan, &out, Phase::Scan, None).expect("merge");
    phases::worker(pipeline, &plan, &out, Phase::Clean, 0, ProgressMode::None).expect("clean 0");
    // The litter of an earlier killed run (pids that cannot be alive), and files that are not ours.
    let dead = u32::MAX - 7;
    put(&out, &format!(".docs.tmp-{dead}/x.txt"), b"half");
    put(&out, &format!(".rejected.jsonl.tmp-{dead}"), b"half");
    put(&out, &format!(".corpus.csv.tmp-{dead}"), b"half");
    put(&out, "notes.txt", b"mine");
    put(&out, ".docs.tmp-notapid", b"mine");
    // Mark the finished clean shard's part: if the run redid the shard, the mark would be gone.
    let metadata = out
        .join(phases::WORK_DIR)
        .join("clean/00000/metadata.jsonl");
    let text = std::fs::read_to_string(&metadata).expect("metadata");
    let mut rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("row"))
        .collect();
    rows[0]["title"] = "RESUMED-FROM-THE-KILLED-RUN".into();
    let marked: Vec<String> = rows.iter().map(|r| r.to_string() + "\n").collect();
    std::fs::write(&metadata, marked.concat()).expect("mark");

    engine::run_in_shards(pipeline, raw.path(), &out, ProgressMode::None, Some(3))
        .expect("resumed run");
    let metadata_csv = std::fs::read_to_string(out.join("metadata.csv")).expect("metadata.csv");
    assert!(
        metadata_csv.contains("RESUMED-FROM-THE-KILLED-RUN"),
        "the finished clean shard was reused"
    );
    for name in ["corpus.csv", "rejected.jsonl"] {
        assert_eq!(
            std::fs::read(expected.join(name)).expect("expected"),
            std::fs::read(out.join(name)).expect("resumed"),
            "{name}"
        );
    }
    assert!(
        tree(&expected.join("docs")) == tree(&out.join("docs")),
        "docs/"
    );
    for gone in [
        format!(".docs.tmp-{dead}"),
        format!(".rejected.jsonl.tmp-{dead}"),
        format!(".corpus.csv.tmp-{dead}"),
    ] {
        assert!(!out.join(&gone).exists(), "{gone} removed");
    }
    assert!(out.join("notes.txt").exists(), "other files stay");
    assert!(out.join(".docs.tmp-notapid").exists(), "other files stay");
}

fn cli(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cleanalign"));
    command
        .args(args)
        .env_remove("SLURM_ARRAY_TASK_ID")
        .env_remove("JOB_COMPLETION_INDEX");
    for (k, v) in env {
        command.env(k, v);
    }
    let output = command.output().expect("run cleanalign");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_cli_phases_take_the_shard_from_the_job_array() {
    let raw = tempfile::tempdir().expect("tempdir");
    put(raw.path(), "a.txt", "第一篇文章的正文。\n".as_bytes());
    put(
        raw.path(),
        "b.txt",
        "Second article body text.\n".as_bytes(),
    );
    let out = tempfile::tempdir().expect("tempdir");
    let (raw_s, out_s) = (
        raw.path().to_str().expect("utf-8"),
        out.path().to_str().expect("utf-8"),
    );
    let (code, _) = cli(
        &["plan", "--raw", raw_s, "--out", out_s, "--shards", "2"],
        &[],
    );
    assert_eq!(code, 0);
    let worker = ["worker", "--out", out_s, "--phase", "scan", "--quiet"];
    let (code, err) = cli(&worker, &[]);
    assert_eq!(code, 2, "no shard given: {err}");
    let (code, err) = cli(&worker, &[("SLURM_ARRAY_TASK_ID", "1")]);
    assert_eq!(code, 0, "{err}");
    let (code, err) = cli(&["merge", "--out", out_s, "--phase", "scan"], &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("1 of 2 shards") && err.contains("shard 0"),
        "{err}"
    );
    let (code, err) = cli(&worker, &[("JOB_COMPLETION_INDEX", "0")]);
    assert_eq!(code, 0, "{err}");
    let (code, err) = cli(&worker, &[("JOB_COMPLETION_INDEX", "0")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("already complete"), "{err}");
    let (code, err) = cli(&["merge", "--out", out_s, "--phase", "scan"], &[]);
    assert_eq!(code, 0, "{err}");
}
