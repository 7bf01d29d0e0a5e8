//! Boundary precision/recall of split_sentences against one-sentence-per-line gold files.
//! Usage: eval_segment LANG FILE...   (LANG = zh | en | other; zh lines are joined with no separator)
use cleanalign::stages::segment::split_sentences;
use cleanalign::text::Lang;
use std::collections::BTreeSet;

fn visible(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = Lang::from_code(&args[0]).unwrap();
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let show = std::env::var("SHOW").is_ok();
    for path in &args[1..] {
        let text = std::fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let sep = if lang == Lang::Zh { "" } else { " " };
        let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(sep);
        let mut gold = BTreeSet::new();
        let mut acc = 0;
        for l in &lines[..lines.len() - 1] {
            acc += visible(l);
            gold.insert(acc);
        }
        let ranges = split_sentences(&joined, lang);
        let mut pred = BTreeSet::new();
        for r in &ranges[..ranges.len().saturating_sub(1)] {
            pred.insert(visible(&joined[..r.end]));
        }
        tp += gold.intersection(&pred).count();
        np += pred.len();
        ng += gold.len();
        if show {
            for r in &ranges {
                let end = visible(&joined[..r.end]);
                if !gold.contains(&end) && r.end < joined.len() {
                    let s = &joined[r.clone()];
                    let tail: String = s
                        .chars()
                        .rev()
                        .take(40)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let next: String = joined[r.end..].chars().take(25).collect();
                    println!("FP  …{tail} ||{next}");
                }
            }
            for g in gold.difference(&pred) {
                // find byte offset of g visible chars
                let mut n = 0;
                let mut b = 0;
                for (i, c) in joined.char_indices() {
                    if n == *g {
                        b = i;
                        break;
                    }
                    if !c.is_whitespace() {
                        n += 1;
                    }
                }
                let before: String = joined[..b]
                    .chars()
                    .rev()
                    .take(30)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let after: String = joined[b..].chars().take(25).collect();
                println!("FN  …{before} ||{after}");
            }
        }
    }
    println!(
        "gold boundaries {ng}, predicted {np}, correct {tp}: precision {:.3}, recall {:.3}",
        tp as f64 / np.max(1) as f64,
        tp as f64 / ng.max(1) as f64
    );
}
