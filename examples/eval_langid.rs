//! Language ID of short zh / en / mixed lines: this project's `detect_lang` against `whatlang` and
//! `lingua`, for accuracy (and a rough speed check; the divan figures are in `benches/langid.rs`).
//!
//! Usage: `cargo run --release --features langid-eval --example eval_langid -- [--show] [MAC_DEV_DIR]`
//!
//! Test sets:
//! - `tests/fixtures/langid/short_lines.tsv`: hand-written UI strings, headlines and mixed lines
//!   (English UI text with Chinese labels, as on seed 004), labelled `label<TAB>text`;
//! - with MAC_DEV_DIR (`../shared/align/mac-dev`, never committed): the first 2, 4 and 8 words of each
//!   English sentence and the first 4, 8 and 16 characters of each Chinese sentence, plus mixed lines
//!   built from them: an English sentence followed by a 2-4 character Chinese label (label `en`), and a
//!   Chinese sentence with a capitalised English word put in (label `zh`).
//!
//! The competitors are restricted to the languages that matter here (English, Chinese, German, French,
//! Japanese) so they are not handicapped by 70 other candidates; anything but English or Chinese maps
//! to `other`, and "no answer" counts as `other` too.
use cleanalign::stages::langid::detect_lang;
use cleanalign::text::Lang;
use std::collections::BTreeMap;
use std::time::Instant;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Label {
    Zh,
    En,
    Other,
}

fn ours(text: &str) -> Label {
    match detect_lang(text) {
        Lang::Zh => Label::Zh,
        Lang::En => Label::En,
        Lang::Other => Label::Other,
    }
}

struct Competitors {
    whatlang: whatlang::Detector,
    lingua: lingua::LanguageDetector,
}

impl Competitors {
    fn new() -> Self {
        use whatlang::Lang as W;
        let whatlang =
            whatlang::Detector::with_allowlist(vec![W::Eng, W::Cmn, W::Deu, W::Fra, W::Jpn]);
        use lingua::Language as L;
        let lingua = lingua::LanguageDetectorBuilder::from_languages(&[
            L::English,
            L::Chinese,
            L::German,
            L::French,
            L::Japanese,
        ])
        .build();
        Competitors { whatlang, lingua }
    }

    fn whatlang(&self, text: &str) -> Label {
        match self.whatlang.detect_lang(text) {
            Some(whatlang::Lang::Eng) => Label::En,
            Some(whatlang::Lang::Cmn) => Label::Zh,
            _ => Label::Other,
        }
    }

    fn lingua(&self, text: &str) -> Label {
        match self.lingua.detect_language_of(text) {
            Some(lingua::Language::English) => Label::En,
            Some(lingua::Language::Chinese) => Label::Zh,
            _ => Label::Other,
        }
    }
}

fn label(code: &str) -> Label {
    match code {
        "zh" => Label::Zh,
        "en" => Label::En,
        _ => Label::Other,
    }
}

/// Sets of (label, line), by name.
fn build_sets(mac: Option<&str>) -> BTreeMap<String, Vec<(Label, String)>> {
    let mut sets: BTreeMap<String, Vec<(Label, String)>> = BTreeMap::new();
    let fixture = std::fs::read_to_string("tests/fixtures/langid/short_lines.tsv")
        .expect("run from the repository root");
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        if let Some((code, text)) = line.split_once('\t') {
            let l = label(code);
            let kind = if code == "other" {
                "fixture other"
            } else if text.chars().any(cleanalign::text::is_han)
                && text.chars().any(|c| c.is_ascii_alphabetic())
            {
                "fixture mixed"
            } else {
                "fixture pure zh/en"
            };
            sets.entry(kind.into())
                .or_default()
                .push((l, text.to_string()));
        }
    }
    let Some(mac) = mac else {
        return sets;
    };
    let read = |lang: &str| -> Vec<String> {
        (1..=6)
            .flat_map(|i| {
                std::fs::read_to_string(format!("{mac}/{lang}/{i:03}"))
                    .unwrap_or_default()
                    .lines()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let en = read("en");
    let zh = read("zh");
    for n in [2usize, 4, 8] {
        let set = sets.entry(format!("MAC en, first {n} words")).or_default();
        for s in &en {
            let words: Vec<&str> = s.split_whitespace().collect();
            if words.len() >= n {
                set.push((Label::En, words[..n].join(" ")));
            }
        }
    }
    for n in [4usize, 8, 16] {
        let set = sets.entry(format!("MAC zh, first {n} chars")).or_default();
        for s in &zh {
            if s.chars().count() >= n {
                set.push((Label::Zh, s.chars().take(n).collect()));
            }
        }
    }
    // Mixed lines, paired deterministically by index.
    let han_runs: Vec<String> = zh
        .iter()
        .map(|s| {
            s.chars()
                .filter(|&c| cleanalign::text::is_han(c))
                .take(2 + s.len() % 3)
                .collect()
        })
        .collect();
    let names: Vec<String> = en
        .iter()
        .filter_map(|s| {
            s.split_whitespace()
                .skip(1)
                .find(|w| {
                    w.len() >= 4
                        && w.chars().all(|c| c.is_ascii_alphabetic())
                        && w.starts_with(|c: char| c.is_uppercase())
                })
                .map(str::to_string)
        })
        .collect();
    let set = sets
        .entry("MAC mixed: en + Chinese label".into())
        .or_default();
    for (s, h) in en.iter().zip(&han_runs) {
        if s.split_whitespace().count() >= 4 && h.chars().count() >= 2 {
            set.push((Label::En, format!("{s} {h}")));
        }
    }
    let set = sets
        .entry("MAC mixed: zh + English name".into())
        .or_default();
    for (s, name) in zh.iter().zip(names.iter().cycle()) {
        let chars: Vec<char> = s.chars().collect();
        if chars.len() >= 8 {
            let cut = chars.len() / 2;
            let text: String = chars[..cut].iter().collect::<String>()
                + name
                + &chars[cut..].iter().collect::<String>();
            set.push((Label::Zh, text));
        }
    }
    sets
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.first().is_some_and(|a| a == "--show");
    if show {
        args.remove(0);
    }
    let sets = build_sets(args.first().map(String::as_str));
    let comp = Competitors::new();
    let detectors: [(&str, &dyn Fn(&str) -> Label); 3] = [
        ("ours", &ours),
        ("whatlang", &|t| comp.whatlang(t)),
        ("lingua", &|t| comp.lingua(t)),
    ];
    println!("accuracy (correct / lines):");
    let mut totals = [(0usize, 0usize); 3];
    for (name, lines) in &sets {
        let mut row = format!("  {name:<34} n={:<5}", lines.len());
        for (k, (dname, detect)) in detectors.iter().enumerate() {
            let correct = lines.iter().filter(|(l, t)| detect(t) == *l).count();
            totals[k].0 += correct;
            totals[k].1 += lines.len();
            row.push_str(&format!(
                " {dname} {:.1}%",
                100.0 * correct as f64 / lines.len().max(1) as f64
            ));
            if show {
                for (l, t) in lines.iter().filter(|(l, t)| detect(t) != *l) {
                    eprintln!(
                        "{dname} wrong on [{name}] expected {l:?}, got {:?}: {t}",
                        detect(t)
                    );
                }
            }
        }
        println!("{row}");
    }
    let mut row = String::from("  all sets                           ");
    for (k, (dname, _)) in detectors.iter().enumerate() {
        row.push_str(&format!(
            " {dname} {:.1}%",
            100.0 * totals[k].0 as f64 / totals[k].1.max(1) as f64
        ));
    }
    println!("{row}");
    // Rough speed: every line of every set, three passes, best pass. The divan bench is the reference.
    let all: Vec<&str> = sets.values().flatten().map(|(_, t)| t.as_str()).collect();
    let mut base = 0.0;
    for (dname, detect) in detectors.iter() {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let start = Instant::now();
            let mut n = 0usize;
            for t in &all {
                n += detect(t) as usize;
            }
            std::hint::black_box(n);
            best = best.min(start.elapsed().as_secs_f64());
        }
        if base == 0.0 {
            base = best;
        }
        println!(
            "speed {dname}: {:.2} µs/line, {:.1}x the time of ours",
            1e6 * best / all.len().max(1) as f64,
            best / base
        );
    }
}
