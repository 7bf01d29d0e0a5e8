//! Alignment through the real binary: an interleaved bilingual page yields pairs from that one document,
//! and report.json counts beads left out by `min_bead_score`.

use std::process::Command;

const ZH: [&str; 5] = [
    "我们明天早上去北京参观博物馆。",
    "他在大学学习中文，他的老师非常喜欢他。",
    "今天的天气很好，孩子们在公园里玩。",
    "这本书讲的是一个农民和他的三个儿子的故事。",
    "妈妈在厨房里做饭，爸爸在看报纸。",
];
const EN: [&str; 5] = [
    "Tomorrow morning we will go to Beijing to visit the museum.",
    "He studies Chinese at the university, and his teacher likes him very much.",
    "The weather is fine today, and the children are playing in the park.",
    "This book tells the story of a farmer and his three sons.",
    "Mother is cooking in the kitchen, and father is reading the newspaper.",
];

fn run(raw: &std::path::Path, out: &std::path::Path, config: &std::path::Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_cleanalign"))
        .args(["run", "--quiet", "--raw"])
        .arg(raw)
        .arg("--out")
        .arg(out)
        .arg("--config")
        .arg(config)
        .status()
        .expect("binary runs");
    assert!(status.success());
}

#[test]
fn interleaved_page_is_aligned_and_filtered_beads_are_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let raw = dir.path().join("raw");
    std::fs::create_dir_all(&raw).expect("raw dir");
    let page: Vec<String> = ZH
        .iter()
        .zip(EN.iter())
        .map(|(z, e)| format!("{z}\n\n{e}"))
        .collect();
    std::fs::write(raw.join("bilingual.txt"), page.join("\n\n") + "\n").expect("write page");

    let config = dir.path().join("pipeline.toml");
    std::fs::write(&config, "").expect("write config");
    let out = dir.path().join("out");
    run(&raw, &out, &config);
    let csv = std::fs::read_to_string(out.join("corpus.csv")).expect("corpus.csv");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 5, "{csv}");
    // Row k pairs the k-th Chinese paragraph with its translation, both from the one page, and its
    // provenance names the page's sentences 2k (Chinese) and 2k+1 (English).
    for (k, row) in rows.iter().enumerate() {
        assert!(
            row.starts_with(&format!("{},bilingual,bilingual,zh,en,", k + 1)),
            "{row}"
        );
        assert!(row.contains(ZH[k]), "{row}");
        assert!(row.contains(",1-1,"), "{row}");
        assert!(row.ends_with(&format!(",{},{}", 2 * k, 2 * k + 1)), "{row}");
    }
    let report = std::fs::read_to_string(out.join("report.json")).expect("report.json");
    assert!(report.contains("\"beads_below_min_score\": 0"), "{report}");

    // With a threshold no bead can reach, every bead is filtered and counted.
    std::fs::write(&config, "[align]\nmin_bead_score = 1.0\n").expect("write config");
    let out2 = dir.path().join("out2");
    run(&raw, &out2, &config);
    let csv = std::fs::read_to_string(out2.join("corpus.csv")).expect("corpus.csv");
    assert_eq!(csv.lines().count(), 1, "{csv}");
    let report = std::fs::read_to_string(out2.join("report.json")).expect("report.json");
    assert!(report.contains("\"beads_below_min_score\": 5"), "{report}");
}
