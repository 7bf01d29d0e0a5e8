//! Boundary precision/recall of `split_sentences` against one-sentence-per-line gold files.
//!
//! Usage: `eval_segment LANG [--detok] FILE...` (LANG = zh | en | other). Each file is one document:
//! its lines are re-joined (zh with no separator, others with one space) and the sentence ends the
//! segmenter finds are compared with the gold line ends, counted in visible (non-space) characters.
//! `--detok` first undoes the tokenisation of tokenised gold (`Fluss , was` -> `Fluss, was`) so the
//! segmenter sees text as a web page would have it; only spaces change, so the gold offsets hold.
//! `SHOW=1` prints every false positive (FP) and missed boundary (FN) with its context.
//!
//! Besides the overall figures it splits the gold boundaries by the mark that ends the gold sentence,
//! because some gold sets also cut after `:` and `;` or after headings with no mark at all, which the
//! segmenter deliberately does not (see `src/stages/segment.rs`).
use cleanalign::stages::segment::split_sentences;
use cleanalign::text::Lang;
use std::collections::{BTreeMap, BTreeSet};

fn visible(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | ')' | '）' | '」' | '』' | '》'
    )
}

/// Undo word tokenisation: no space before closing punctuation, none after opening brackets.
fn detok(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for tok in line.split_whitespace() {
        let first = tok.chars().next().unwrap_or(' ');
        let attaches_left =
            matches!(first, '.' | ',' | ')' | ']' | '…') && tok.chars().count() <= 3;
        if pending_space && !attaches_left && !out.ends_with(['(', '[']) {
            out.push(' ');
        }
        out.push_str(tok);
        pending_space = true;
    }
    out
}

/// The class of a gold boundary, by the last visible character of the gold sentence.
fn class_of(sentence: &str) -> &'static str {
    let last = sentence.chars().rev().find(|c| {
        !c.is_whitespace()
            && !matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | '«' | ')' | '）' | '」' | '』'
            )
    });
    match last {
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？') => "stop . ! ? … 。！？",
        Some(';' | '；') => "semicolon ; ；",
        Some(':' | '：') => "colon : ：",
        Some(c) if c.is_alphanumeric() => "no mark (heading, list item)",
        _ => "other mark",
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: eval_segment zh|en|other [--detok] FILE...";
    if args.is_empty() {
        eprintln!("{usage}");
        std::process::exit(2);
    }
    let Some(lang) = Lang::from_code(&args.remove(0)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let detokenise = args.first().is_some_and(|a| a == "--detok");
    if detokenise {
        args.remove(0);
    }
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let mut tol = (0usize, 0usize, 0usize);
    let mut by_class: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let show = std::env::var("SHOW").is_ok();
    for path in &args {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let lines: Vec<String> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                if detokenise {
                    detok(l)
                } else {
                    l.trim().to_string()
                }
            })
            .collect();
        if lines.is_empty() {
            continue;
        }
        let sep = if lang == Lang::Zh { "" } else { " " };
        let joined = lines.join(sep);
        let mut gold = BTreeMap::new();
        let mut acc = 0;
        for l in &lines[..lines.len() - 1] {
            acc += visible(l);
            gold.insert(acc, class_of(l));
        }
        let ranges = split_sentences(&joined, lang);
        let mut pred = BTreeSet::new();
        for r in &ranges[..ranges.len().saturating_sub(1)] {
            pred.insert(visible(&joined[..r.end]));
        }
        // Quote-tolerant figures: a boundary before or after a run of closing quotes/brackets is the
        // same boundary (Text+Berg's tokeniser puts a closing `»` at the start of the next sentence).
        let vis: Vec<char> = joined.chars().filter(|c| !c.is_whitespace()).collect();
        let settle = |mut b: usize| {
            while b > 0 && is_closing(vis[b - 1]) {
                b -= 1;
            }
            b
        };
        let gold_settled: BTreeSet<usize> = gold.keys().map(|&g| settle(g)).collect();
        let pred_settled: BTreeSet<usize> = pred.iter().map(|&p| settle(p)).collect();
        tol.0 += pred_settled.intersection(&gold_settled).count();
        tol.1 += pred_settled.len();
        tol.2 += gold_settled.len();
        for (g, class) in &gold {
            let e = by_class.entry(class).or_default();
            e.0 += 1;
            e.1 += usize::from(pred.contains(g));
        }
        tp += pred.iter().filter(|p| gold.contains_key(p)).count();
        np += pred.len();
        ng += gold.len();
        if show {
            let byte_at = |g: usize| {
                let mut n = 0;
                for (i, c) in joined.char_indices() {
                    if n == g {
                        return i;
                    }
                    if !c.is_whitespace() {
                        n += 1;
                    }
                }
                joined.len()
            };
            let context = |b: usize| {
                let before: Vec<char> = joined[..b].chars().rev().take(40).collect();
                let before: String = before.into_iter().rev().collect();
                let after: String = joined[b..].chars().take(25).collect();
                format!("…{before} ||{after}")
            };
            for p in pred.iter().filter(|p| !gold.contains_key(p)) {
                println!("FP  {}", context(byte_at(*p)));
            }
            for g in gold.keys().filter(|g| !pred.contains(g)) {
                println!("FN  {}", context(byte_at(*g)));
            }
        }
    }
    println!(
        "gold boundaries {ng}, predicted {np}, correct {tp}: precision {:.3}, recall {:.3}",
        tp as f64 / np.max(1) as f64,
        tp as f64 / ng.max(1) as f64
    );
    println!(
        "quote-tolerant: gold {}, predicted {}, correct {}: precision {:.3}, recall {:.3}",
        tol.2,
        tol.1,
        tol.0,
        tol.0 as f64 / tol.1.max(1) as f64,
        tol.0 as f64 / tol.2.max(1) as f64
    );
    for (class, (n, found)) in &by_class {
        println!(
            "  gold sentences ending in {class}: {n}, boundary found {found} (recall {:.3})",
            *found as f64 / (*n).max(1) as f64
        );
    }
}
