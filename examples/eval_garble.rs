//! Detection recall and false-positive rate of the machine-translation repair stage (`mt`) on injected
//! loops and stutters.
//!
//! Usage: `eval_garble [--seed N] [--show] FILE...` — each FILE holds one clean sentence per line.
//!
//! For every Chinese or English sentence it measures two things with the default `[mt]` config:
//! - false positive: the stage changes the untouched sentence (a repair, or a `garbled-mt` drop);
//! - detection: a copy of the sentence with ONE injected error, drawn by a seeded generator, is changed.
//!   It is "restored" when the output equals what the stage makes of the clean sentence.
//!
//! Injected kinds (the damage machine translation shows, see issue 5 and seed 002):
//! - `en-loop`: a run of 2..=4 words repeated back to back 2..=3 times, joined by a space or a comma
//!   ("the digital economy digital economy grows", "Belt and Road, Belt and Road");
//! - `en-stutter`: one word doubled ("China China should"). Reported twice: over all words, and over
//!   words whose doubling the stage treats as legitimate English (`had had`, `very very`) left out;
//! - `zh-loop`: a unit of 4..=8 characters inside a run of Han repeated 2..=3 times
//!   (推动数字经济数字经济数字经济发展). Units of 4 or 5 characters said exactly twice are reported as
//!   their own bucket: the stage keeps them when they stand on their own or before punctuation
//!   (一路平安一路平安 may be a slogan) and cuts them only inside running text.
//!
//! The headline total leaves out the two buckets the stage keeps on purpose (legitimate English doubling,
//! short Chinese units said twice); a second total counts every injected loop.
//!
//! Deterministic: the same seed and files give the same figures.
use cleanalign::stages::langid::detect_lang;
use cleanalign::stages::mt::{doubling_is_legitimate, MtConfig, MtRepairer};
use cleanalign::text::{is_han, Lang};
use std::collections::BTreeMap;

/// SplitMix64: a tiny, well-known seeded generator, so the example needs no extra dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
}

/// What the pipeline keeps of `line`: the repaired line without its garbled sentences.
fn process(mt: &MtRepairer, line: &str) -> String {
    let repaired = mt.repair(line).unwrap_or_else(|| line.to_string());
    let mut kept = String::new();
    let mut last = 0;
    for (range, _) in mt.garbled_sentences(&repaired) {
        kept.push_str(&repaired[last..range.start]);
        last = range.end;
    }
    kept.push_str(&repaired[last..]);
    kept
}

fn is_plain_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// Inject a loop or stutter into an English sentence; `None` when it has no room for one.
fn inject_en(s: &str, rng: &mut Rng, stutter: bool) -> Option<(String, String)> {
    let toks: Vec<&str> = s.split(' ').collect();
    let n = if stutter { 1 } else { rng.range(2, 4) };
    let starts: Vec<usize> = (0..toks.len().saturating_sub(n - 1))
        .filter(|&i| toks[i..i + n].iter().all(|t| is_plain_word(t)))
        .collect();
    if starts.is_empty() {
        return None;
    }
    let i = starts[rng.range(0, starts.len() - 1)];
    let unit = toks[i..i + n].join(" ");
    let (copies, joiner) = if stutter {
        (2, " ")
    } else {
        (
            rng.range(2, 3),
            if rng.range(0, 1) == 0 { " " } else { ", " },
        )
    };
    let mut out: Vec<String> = toks[..i + n].iter().map(|t| t.to_string()).collect();
    let mut tail = String::new();
    for _ in 1..copies {
        tail.push_str(joiner);
        tail.push_str(&unit);
    }
    if let Some(last) = out.last_mut() {
        last.push_str(&tail);
    }
    out.extend(toks[i + n..].iter().map(|t| t.to_string()));
    let kind = if !stutter {
        "en-loop".to_string()
    } else if doubling_is_legitimate(&unit.to_lowercase()) {
        "en-stutter (legitimate doubling)".to_string()
    } else {
        "en-stutter".to_string()
    };
    Some((out.join(" "), kind))
}

/// Inject a character loop into a Chinese sentence.
fn inject_zh(s: &str, rng: &mut Rng) -> Option<(String, String)> {
    let chars: Vec<char> = s.chars().collect();
    let n = rng.range(4, 8);
    let starts: Vec<usize> = (0..chars.len().saturating_sub(n - 1))
        .filter(|&i| chars[i..i + n].iter().all(|&c| is_han(c)))
        .collect();
    if starts.is_empty() {
        return None;
    }
    let i = starts[rng.range(0, starts.len() - 1)];
    let copies = rng.range(2, 3);
    let unit: String = chars[i..i + n].iter().collect();
    let mut out: String = chars[..i + n].iter().collect();
    for _ in 1..copies {
        out.push_str(&unit);
    }
    out.extend(chars[i + n..].iter());
    let kind = if n <= 5 && copies == 2 {
        "zh-loop, 4-5 chars x2 (kept unless inside running text)"
    } else {
        "zh-loop"
    };
    Some((out, kind.to_string()))
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut seed = 5u64;
    let mut show = false;
    while let Some(flag) = args.first().filter(|a| a.starts_with("--")).cloned() {
        args.remove(0);
        match flag.as_str() {
            "--seed" => seed = args.remove(0).parse().expect("--seed takes a number"),
            "--show" => show = true,
            _ => panic!("usage: eval_garble [--seed N] [--show] FILE..."),
        }
    }
    let mt = MtConfig::default()
        .build()
        .expect("default [mt] config is valid");
    let mut rng = Rng(seed);
    // kind -> (injected, caught, restored)
    let mut by_kind: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut clean: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for path in &args {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let lang = detect_lang(line);
            let lang_name = match lang {
                Lang::Zh => "zh",
                Lang::En => "en",
                Lang::Other => continue,
            };
            let expected = process(&mt, line);
            let e = clean.entry(lang_name).or_default();
            e.0 += 1;
            if expected != line {
                e.1 += 1;
                if show {
                    println!("FALSE POSITIVE\n  in:  {line}\n  out: {expected}");
                }
            }
            let injected = match lang {
                Lang::Zh => inject_zh(line, &mut rng),
                _ => {
                    let stutter = rng.range(0, 1) == 0;
                    inject_en(line, &mut rng, stutter)
                }
            };
            let Some((bad, kind)) = injected else {
                continue;
            };
            let out = process(&mt, &bad);
            let k = by_kind.entry(kind.clone()).or_default();
            k.0 += 1;
            if out != bad {
                k.1 += 1;
                if out == expected {
                    k.2 += 1;
                }
            } else if show {
                println!("MISSED {kind}\n  in:  {bad}");
            }
        }
    }
    println!("seed {seed}");
    for (lang, (n, changed)) in &clean {
        println!(
            "clean {lang}: {n} sentences, {changed} changed: false-positive rate {:.2}%",
            100.0 * *changed as f64 / (*n).max(1) as f64
        );
    }
    let mut all = (0, 0, 0);
    let mut every = (0, 0);
    for (kind, (n, caught, restored)) in &by_kind {
        every.0 += n;
        every.1 += caught;
        println!(
            "{kind}: injected {n}, caught {caught} ({:.1}%), restored exactly {restored} ({:.1}%)",
            100.0 * *caught as f64 / (*n).max(1) as f64,
            100.0 * *restored as f64 / (*n).max(1) as f64
        );
        if !kind.contains('(') {
            all.0 += n;
            all.1 += caught;
            all.2 += restored;
        }
    }
    println!(
        "all injected kinds except the two kept on purpose: injected {}, caught {} ({:.1}%), restored exactly {} ({:.1}%)",
        all.0,
        all.1,
        100.0 * all.1 as f64 / f64::from(all.0.max(1) as u32),
        all.2,
        100.0 * all.2 as f64 / f64::from(all.0.max(1) as u32)
    );
    println!(
        "every injected kind: injected {}, caught {} ({:.1}%)",
        every.0,
        every.1,
        100.0 * every.1 as f64 / every.0.max(1) as f64
    );
}
