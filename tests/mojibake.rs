//! The mojibake stage on whole sets of lines: 10,000 clean sentences must pass `fix --stages mojibake`
//! unchanged, and a Chinese mojibake set made by real codec round trips must be repaired.

use std::io::Read;
use std::path::Path;

mod common;

use cleanalign::config::Config;
use cleanalign::fix::FixChain;
use common::XorShift;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `fix --stages mojibake --to none`, in process.
fn mojibake_filter() -> FixChain {
    match FixChain::new(&Config::default(), &["mojibake".to_string()], "none") {
        Ok(chain) => chain,
        Err(e) => panic!("the mojibake filter must build: {e:?}"),
    }
}

struct Entry {
    traditional: String,
    simplified: String,
    glosses: Vec<String>,
}

/// CC-CEDICT as shipped in `data/` (CC BY-SA 4.0): headwords of two or more Han characters, and glosses that
/// read as plain English (no cross-references, classifiers or pinyin in brackets).
fn cedict_entries() -> Vec<Entry> {
    let path = manifest().join("data/cedict_1_0_ts_utf-8_mdbg.txt.gz");
    let file = std::fs::File::open(&path).expect("data/ ships CC-CEDICT");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("CC-CEDICT is gzip'd UTF-8");
    let mut entries = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.splitn(3, ' ');
        let (Some(trad), Some(simp), Some(rest)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let all_han = |w: &str| w.chars().count() >= 2 && w.chars().all(cleanalign::text::is_han);
        if !all_han(trad) || !all_han(simp) {
            continue;
        }
        let glosses = rest
            .split('/')
            .skip(1)
            .filter(|g| {
                g.len() > 2
                    && g.chars()
                        .all(|c| c.is_ascii_alphanumeric() || " ,;'-()".contains(c))
            })
            .map(str::to_string)
            .collect();
        entries.push(Entry {
            traditional: trad.to_string(),
            simplified: simp.to_string(),
            glosses,
        });
    }
    entries
}

/// A sentence-like line of dictionary headwords with Chinese punctuation: rarer characters than running text,
/// which makes it a harder test of "never harm clean Chinese" than real sentences.
fn zh_line(entries: &[Entry], rng: &mut XorShift, traditional: bool) -> String {
    let word = |rng: &mut XorShift| {
        let e = &entries[rng.below(entries.len())];
        if traditional {
            e.traditional.clone()
        } else {
            e.simplified.clone()
        }
    };
    let mut line = String::new();
    let clauses = 1 + rng.below(3);
    for k in 0..clauses {
        if k > 0 {
            line.push(['，', '；', '、', '：'][rng.below(4)]);
        }
        for _ in 0..2 + rng.below(3) {
            match rng.below(10) {
                0 => line.push_str(&format!("“{}”", word(rng))),
                1 => line.push_str(&format!("《{}》", word(rng))),
                2 => line.push_str(&format!("（{}）", word(rng))),
                3 => line.push_str(&format!("{}年", 1900 + rng.below(125))),
                _ => line.push_str(&word(rng)),
            }
        }
    }
    line.push(['。', '？', '！', '。'][rng.below(4)]);
    line
}

fn en_line(with_glosses: &[&Entry], rng: &mut XorShift) -> String {
    let mut parts = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let e = with_glosses[rng.below(with_glosses.len())];
        parts.push(e.glosses[rng.below(e.glosses.len())].clone());
    }
    let mut line = parts.join("; ");
    if let Some(first) = line.get(..1) {
        line = first.to_uppercase() + line.get(1..).unwrap_or("");
    }
    line.push('.');
    line
}

/// Clean lines: text written for this test, the seed pages that hold no mojibake, the bundled library pair,
/// and CC-CEDICT lines (Simplified, Traditional, English) up to 10,000.
fn clean_set() -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let written =
        std::fs::read_to_string(manifest().join("tests/fixtures/mojibake/clean_written.txt"))
            .expect("fixture exists");
    lines.extend(written.lines().map(str::to_string));
    let decoder = Config::default().decode.build().expect("default decoder");
    for name in [
        "000_c7353df8ab562d71.txt",
        "002_6c81258a3ed404be.txt",
        "004_a98520ce79b0e371.txt",
        "library_en.txt",
        "library_zh.txt",
    ] {
        let bytes = std::fs::read(manifest().join("raw").join(name)).expect("raw sample");
        let text = decoder.decode(&bytes).expect("decodes").text;
        lines.extend(
            text.lines()
                .map(|l| l.trim_end_matches('\r'))
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    let entries = cedict_entries();
    let with_glosses: Vec<&Entry> = entries.iter().filter(|e| !e.glosses.is_empty()).collect();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut k = 0usize;
    while lines.len() < 10_000 {
        let line = match k % 5 {
            0 | 1 => zh_line(&entries, &mut rng, false),
            2 => zh_line(&entries, &mut rng, true),
            3 => en_line(&with_glosses, &mut rng),
            _ => format!(
                "{} {}",
                en_line(&with_glosses, &mut rng),
                zh_line(&entries, &mut rng, false)
            ),
        };
        lines.push(line);
        k += 1;
    }
    lines
}

#[test]
fn ten_thousand_clean_lines_pass_unchanged() {
    let filter = mojibake_filter();
    let lines = clean_set();
    assert_eq!(lines.len(), 10_000);
    let changed: Vec<(String, String)> = lines
        .iter()
        .filter_map(|l| {
            let out = filter.fix_line(l);
            (out != *l).then(|| (l.clone(), out))
        })
        .collect();
    assert!(
        changed.is_empty(),
        "{} of 10000 clean lines changed, e.g. {:#?}",
        changed.len(),
        changed.iter().take(10).collect::<Vec<_>>()
    );
}

struct CjkCase {
    kind: String,
    lossless: bool,
    original: String,
    mojibake: String,
}

/// The set made by `scripts/gen_cjk_mojibake.py` from `tests/fixtures/mojibake/zh_source.txt`.
fn cjk_cases() -> Vec<CjkCase> {
    let text = std::fs::read_to_string(manifest().join("tests/fixtures/mojibake/cjk_cases.jsonl"))
        .expect("fixture exists");
    // Split on LF only: the mojibake holds C1 controls such as U+0085 that other line splitters honour.
    text.split('\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("valid JSON line");
            let field = |k: &str| v[k].as_str().expect("string field").to_string();
            CjkCase {
                kind: field("kind"),
                lossless: v["lossless"].as_bool().expect("bool"),
                original: field("original"),
                mojibake: field("mojibake"),
            }
        })
        .collect()
}

/// Characters of `original` found in order in `text` (longest common subsequence), for recovery rates.
fn lcs_len(original: &str, text: &str) -> usize {
    let a: Vec<char> = original.chars().collect();
    let b: Vec<char> = text.chars().collect();
    let mut row = vec![0usize; b.len() + 1];
    for &x in &a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y {
                diag + 1
            } else {
                row[j + 1].max(row[j])
            };
            diag = up;
        }
    }
    row[b.len()]
}

#[test]
fn lossless_cjk_round_trips_are_repaired_exactly() {
    let filter = mojibake_filter();
    let cases = cjk_cases();
    let mut checked = 0;
    let mut wrong = Vec::new();
    // Every lossless kind, frame shifts included (Python's Big5 codec made the Big5 ones, ETEN pairs
    // included: `data/big5_alternates.tsv`).
    for case in cases.iter().filter(|c| c.lossless) {
        checked += 1;
        let out = filter.fix_line(&case.mojibake);
        if out != case.original {
            wrong.push((case.kind.clone(), case.mojibake.clone(), out));
        }
    }
    assert!(checked >= 319, "the set shrank to {checked} cases");
    assert!(wrong.is_empty(), "{} not exact: {wrong:#?}", wrong.len());
}

#[test]
fn lossy_gbk_damage_is_mostly_recovered() {
    let filter = mojibake_filter();
    let (mut total, mut before, mut after) = (0, 0, 0);
    for case in cjk_cases().iter().filter(|c| {
        !c.lossless
            && matches!(
                c.kind.as_str(),
                "utf8-as-gbk-lossy" | "gbk-shift-ruby" | "gbk-shift-lost-byte"
            )
    }) {
        total += case.original.chars().count();
        before += lcs_len(&case.original, &case.mojibake);
        after += lcs_len(&case.original, &filter.fix_line(&case.mojibake));
    }
    let (before, after) = (before as f64 / total as f64, after as f64 / total as f64);
    // Measured 0.804 when this test was written; untouched mojibake keeps 0.507 of the characters.
    assert!(after >= 0.78, "recovered {after:.3}, untouched {before:.3}");
    assert!(
        after > before + 0.2,
        "recovered {after:.3}, untouched {before:.3}"
    );
}
