//! The three inputs of the mojibake benchmark, shared by `benches/mojibake.rs` and
//! `examples/profile_mojibake.rs`: `zh` (clean Chinese), `en` (clean English) and `mojibake` (every line
//! damaged: the CJK round-trip set, plus clean lines as UTF-8 read as Windows-1252, the commonest Latin
//! mojibake). Missing files give fewer lines, never a panic.
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

pub fn has_han(line: &str) -> bool {
    line.chars().any(cleanalign::text::is_han)
}

pub fn input(kind: &str) -> Vec<String> {
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
