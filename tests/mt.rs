//! The mt stage through `fix --stages mt --to none`, on whole sets of our own lines: legitimate
//! repetition must pass unchanged, clean sentences must pass unchanged, and machine-translation loops of
//! the shapes real decoders produce (a span of words or characters at any position, written two or three
//! times, directly or joined by a comma, whatever punctuation it holds) must be cut back to the sentence.
//!
//! The loop set is made here, with a fixed seed, from sentences written for this test
//! (`tests/fixtures/mt/loop_source_{en,zh}.txt`), so it shares no sentence with the evaluation sets
//! (`scripts/gen_mt_loops.py`), which are local material.

use std::path::Path;

mod common;

use cleanalign::config::Config;
use cleanalign::fix::FixChain;
use common::XorShift;

fn fixture(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mt")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// `fix --stages mt --to none`, in process.
fn mt_filter() -> FixChain {
    match FixChain::new(&Config::default(), &["mt".to_string()], "none") {
        Ok(chain) => chain,
        Err(e) => panic!("the mt filter must build: {e:?}"),
    }
}

/// Lines the filter changed, as (line, output).
fn changed(lines: &[String]) -> Vec<(String, String)> {
    let chain = mt_filter();
    lines
        .iter()
        .filter_map(|l| {
            let out = chain.fix_line(l);
            (out != *l).then(|| (l.clone(), out))
        })
        .collect()
}

#[test]
fn legitimate_repetition_passes_unchanged() {
    // Reduplication, emphasis, grammatical doubling, names, songs and slogans, list items, table
    // headers, code and numbers, several of them of a loop's own shape (`Happy birthday to you, happy
    // birthday to you`, `对不起，对不起`).
    for name in ["legit_en.txt", "legit_zh.txt"] {
        let lines = fixture(name);
        assert!(lines.len() > 80, "{name}");
        let changed = changed(&lines);
        assert!(changed.is_empty(), "{name}: {changed:#?}");
    }
}

#[test]
fn clean_sentences_pass_unchanged() {
    for name in [
        "own_en.txt",
        "own_zh.txt",
        "loop_source_en.txt",
        "loop_source_zh.txt",
    ] {
        let lines = fixture(name);
        let changed = changed(&lines);
        assert!(changed.is_empty(), "{name}: {changed:#?}");
    }
}

/// English: a span of 2-4 space-separated tokens (words with the punctuation attached to them) at any
/// position, written 2 or 3 times, joined by a space or by ", ".
fn english_loop(sentence: &str, rng: &mut XorShift) -> String {
    let tokens: Vec<&str> = sentence.split(' ').collect();
    let k = 2 + rng.below(tokens.len().min(4) - 1);
    let start = rng.below(tokens.len() - k + 1);
    let copies = 2 + rng.below(2);
    let joiner = if rng.below(2) == 0 { " " } else { ", " };
    let span = tokens[start..start + k].join(" ");
    let looped = vec![span; copies].join(joiner);
    let mut out: Vec<String> = tokens[..start].iter().map(|t| t.to_string()).collect();
    out.push(looped);
    out.extend(tokens[start + k..].iter().map(|t| t.to_string()));
    out.join(" ")
}

/// Chinese: a span of 3-5 characters at any position, not aligned to words (it may hold a comma or a
/// digit), written 2 or 3 times, directly or joined by `，`.
fn chinese_loop(sentence: &str, rng: &mut XorShift) -> String {
    let chars: Vec<char> = sentence.chars().collect();
    let n = 3 + rng.below(3);
    let start = rng.below(chars.len() - n + 1);
    let copies = 2 + rng.below(2);
    let joiner = if rng.below(2) == 0 { "" } else { "，" };
    let span: String = chars[start..start + n].iter().collect();
    let mut out: String = chars[..start].iter().collect();
    out.push_str(&vec![span; copies].join(joiner));
    out.extend(&chars[start + n..]);
    out
}

/// Loops of the protocol's shapes in each sentence, several per sentence; returns (looped, original)
/// pairs that differ.
fn loop_set(
    lines: &[String],
    per_line: usize,
    inject: fn(&str, &mut XorShift) -> String,
) -> Vec<(String, String)> {
    let mut rng = XorShift(0x5EED_1605);
    let mut set = Vec::new();
    for line in lines {
        for _ in 0..per_line {
            let looped = inject(line, &mut rng);
            if looped != *line {
                set.push((looped, line.clone()));
            }
        }
    }
    set
}

fn assert_repaired(set: &[(String, String)], min_share: f64, what: &str) {
    let chain = mt_filter();
    let failures: Vec<(&String, String)> = set
        .iter()
        .filter_map(|(looped, original)| {
            let out = chain.fix_line(looped);
            (out != *original).then_some((looped, out))
        })
        .collect();
    let repaired = set.len() - failures.len();
    let share = repaired as f64 / set.len() as f64;
    assert!(
        share >= min_share,
        "{what}: {repaired} of {} repaired exactly ({:.1}%); not repaired: {failures:#?}",
        set.len(),
        100.0 * share
    );
}

#[test]
fn protocol_loops_in_our_own_sentences_are_repaired() {
    // Some loops are legitimate-looking by chance (a whole clause said twice reads as emphasis), so the
    // bar is a share, not every loop; the evaluation sets measure the rate (README, "Measured").
    let en = loop_set(&fixture("loop_source_en.txt"), 10, english_loop);
    assert!(en.len() >= 290);
    assert_repaired(&en, 0.95, "English loops");
    let zh = loop_set(&fixture("loop_source_zh.txt"), 10, chinese_loop);
    assert!(zh.len() >= 290);
    assert_repaired(&zh, 0.95, "Chinese loops");
}
