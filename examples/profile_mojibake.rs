//! Run the mojibake stage over one of the benchmark inputs many times, for profiling with `perf record`.
//! `cargo run --release --example profile_mojibake -- zh|en|mojibake [ROUNDS]`
//! The inputs are built as in `benches/mojibake.rs` (clean Chinese, clean English, every line damaged).
use cleanalign::config::Config;
use std::path::Path;

fn read_lines(rel: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let bytes = std::fs::read(path).unwrap_or_default();
    let Ok(decoder) = Config::default().decode.build() else {
        return Vec::new();
    };
    let Ok(decoded) = decoder.decode(&bytes) else {
        return Vec::new();
    };
    decoded
        .text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn has_han(line: &str) -> bool {
    line.chars().any(cleanalign::text::is_han)
}

fn input(kind: &str) -> Vec<String> {
    match kind {
        "zh" => {
            let mut lines = read_lines("tests/fixtures/mojibake/zh_source.txt");
            lines.extend(read_lines("raw/000_c7353df8ab562d71.txt"));
            lines.extend(read_lines("raw/library_zh.txt"));
            lines.extend(
                read_lines("tests/fixtures/mojibake/clean_written.txt")
                    .into_iter()
                    .filter(|l| has_han(l)),
            );
            lines
        }
        "en" => {
            let mut lines = read_lines("raw/002_6c81258a3ed404be.txt");
            lines.extend(read_lines("raw/004_a98520ce79b0e371.txt"));
            lines.extend(read_lines("raw/library_en.txt"));
            lines.retain(|l| !has_han(l));
            lines.extend(
                read_lines("tests/fixtures/mojibake/clean_written.txt")
                    .into_iter()
                    .filter(|l| !has_han(l)),
            );
            lines
        }
        _ => {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/mojibake/cjk_cases.jsonl");
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let mut lines: Vec<String> = text
                .split('\n')
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v["mojibake"].as_str().map(str::to_string))
                .collect();
            let clean: Vec<String> = read_lines("raw/004_a98520ce79b0e371.txt")
                .into_iter()
                .chain(read_lines("tests/fixtures/mojibake/clean_written.txt"))
                .filter(|l| !l.is_ascii())
                .collect();
            for line in clean {
                let (as_1252, _) =
                    encoding_rs::WINDOWS_1252.decode_without_bom_handling(line.as_bytes());
                lines.push(as_1252.into_owned());
            }
            lines
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kind = args.get(1).map(String::as_str).unwrap_or("zh");
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(200);
    let Ok(repairer) = Config::default().mojibake.build() else {
        eprintln!("default config does not build");
        return;
    };
    let lines = input(kind);
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    // The fastest round is the figure least disturbed by other processes on a shared machine.
    let mut best = f64::INFINITY;
    let mut changed = 0;
    for _ in 0..rounds {
        let started = std::time::Instant::now();
        for line in &lines {
            changed += usize::from(repairer.repair(line).is_some());
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{kind}: {} lines, best round {:.1} MB/s, {changed} changed",
        lines.len(),
        bytes as f64 / 1e6 / best
    );
}
