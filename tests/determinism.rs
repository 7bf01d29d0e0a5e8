//! Output must not depend on the number of threads, on the bundled samples and on a batch larger than one
//! of the batch engine's chunks.

use std::path::Path;
use std::process::Command;

mod common;

fn run(raw: &Path, jobs: &str, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_cleanalign"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("run")
        .arg("--raw")
        .arg(raw)
        .args(["--quiet", "--jobs", jobs, "--out"])
        .arg(out)
        .status()
        .expect("runs");
    assert!(status.success());
}

#[test]
fn one_thread_and_four_threads_write_the_same_files() {
    let dir = tempfile::tempdir().expect("tmp");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let raw = Path::new(env!("CARGO_MANIFEST_DIR")).join("raw");
    run(&raw, "1", &a);
    run(&raw, "4", &b);
    same_outputs(&a, &b);
}

/// More documents than one chunk of the batch engine: lines repeated across documents on both sides of
/// a chunk boundary, translation pairs split across it, and the bundled samples among them.
#[test]
fn a_batch_larger_than_one_chunk_is_the_same_on_one_and_four_threads() {
    let dir = tempfile::tempdir().expect("tmp");
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).expect("mkdir");
    let zh = [
        "今天天气很好，我们去公园散步。",
        "会议于2023年5月12日在北京举行，共有1,200人参加。",
        "研究人员发现，人工智能正在改变医疗行业。",
        "价格从3.5元涨到了4.2元，销量却没有下降。",
        "《红楼梦》是中国古典小说的代表作之一。",
    ];
    let en = [
        "The weather is nice today, so we went for a walk in the park.",
        "The meeting was held in Beijing on 12 May 2023, with 1,200 participants.",
        "Researchers found that artificial intelligence is changing health care.",
        "Prices rose from 3.5 yuan to 4.2 yuan, but sales did not fall.",
        "A Dream of Red Mansions is one of the classic novels of China.",
    ];
    let mut rng = common::XorShift(0x5EED_1234);
    let docs = cleanalign::engine::batch::CHUNK + 60;
    for i in 0..docs / 2 {
        let picks: Vec<usize> = (0..4).map(|_| rng.below(zh.len())).collect();
        let chrome = if rng.below(3) == 0 {
            "首页 | 新闻 | 联系我们\n"
        } else {
            ""
        };
        let zh_text: String = picks.iter().map(|&k| format!("{}\n", zh[k])).collect();
        let en_text: String = picks.iter().map(|&k| format!("{}\n", en[k])).collect();
        std::fs::write(
            raw.join(format!("d{i:04}.zh.txt")),
            format!("第{i}号文章\n{chrome}{zh_text}"),
        )
        .expect("write");
        std::fs::write(
            raw.join(format!("d{i:04}.en.txt")),
            format!("Article number {i}\n{en_text}Home | News | Contact\n"),
        )
        .expect("write");
    }
    for (id, bytes) in common::raw_samples() {
        std::fs::write(raw.join(format!("{id}.txt")), bytes).expect("write");
    }
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    run(&raw, "1", &a);
    run(&raw, "4", &b);
    let cleaned = std::fs::read_dir(a.join("docs")).expect("docs").count();
    assert!(
        cleaned > cleanalign::engine::batch::CHUNK,
        "only {cleaned} documents: the chunk boundary is not crossed"
    );
    // Lines repeated across the whole batch were counted across chunks.
    let rejected = std::fs::read_to_string(a.join("rejected.jsonl")).expect("rejected");
    assert!(rejected.contains("repeated-across-docs"), "{rejected}");
    same_outputs(&a, &b);
}

fn same_outputs(a: &Path, b: &Path) {
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
