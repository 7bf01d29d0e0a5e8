//! Document pairing at scale: 20,000 Chinese and 20,000 English documents of 3 to 10 sentences, of which
//! 15,000 are translation pairs, through `Aligner::pair_documents` (candidates, alignment of every candidate
//! pair, scores, assignment). The documents are generated from CC-CEDICT (shipped in `data/`): a Chinese
//! sentence is a run of dictionary headwords, its English the first gloss of each, so every true pair has
//! dictionary evidence and every document has its own words; no evaluation material is needed. The figure
//! that matters is the wall time on the machine's cores (the issue asks for under a minute on two), with the
//! recall and false pairs printed as a sanity check.
//!
//! `cargo bench --bench pairing` (`PAIRING_DOCS=2000` for a quick run)

use cleanalign::align::pairing::DocForPairing;
use cleanalign::align::AlignConfig;
use std::io::Read;
use std::time::Instant;

/// A small deterministic generator (xorshift), so that every run pairs the same batch.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// (Simplified headword, first gloss) of CC-CEDICT entries whose first gloss is a plain word or phrase.
fn vocabulary() -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
    );
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.splitn(3, ' ');
            let _trad = parts.next()?;
            let simp = parts.next()?.to_string();
            let gloss = l.split('/').nth(1)?.to_string();
            let plain = gloss.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
                && gloss.split(' ').count() <= 3;
            (plain && simp.chars().count() <= 4).then_some((simp, gloss))
        })
        .collect()
}

fn main() {
    let n: usize = std::env::var("PAIRING_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let vocab = vocabulary();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // Zipf-like word choice: most words from a common core, some from the long tail.
    let word = |rng: &mut Rng| {
        let core = vocab.len().min(3000);
        if rng.below(3) == 0 {
            rng.below(vocab.len())
        } else {
            rng.below(core)
        }
    };
    let mut zh_docs = Vec::with_capacity(n);
    let mut en_docs = Vec::with_capacity(n);
    let paired = n * 3 / 4;
    for i in 0..n {
        let sentences = 3 + rng.below(8);
        let (mut zh, mut en) = (Vec::new(), Vec::new());
        for _ in 0..sentences {
            let len = 6 + rng.below(12);
            let words: Vec<usize> = (0..len).map(|_| word(&mut rng)).collect();
            zh.push(
                words
                    .iter()
                    .map(|&w| vocab[w].0.as_str())
                    .collect::<String>()
                    + "。",
            );
            let en_words: Vec<&str> = words.iter().map(|&w| vocab[w].1.as_str()).collect();
            en.push(en_words.join(" ") + ".");
        }
        zh_docs.push(DocForPairing {
            id: format!("zh{i:05}"),
            lang: "zh".into(),
            sentences: zh,
            url: None,
        });
        // A quarter of the English documents translate nothing in the batch: they are made of other words.
        let en = if i < paired {
            en
        } else {
            (0..sentences)
                .map(|_| {
                    let len = 6 + rng.below(12);
                    let words: Vec<&str> =
                        (0..len).map(|_| vocab[word(&mut rng)].1.as_str()).collect();
                    words.join(" ") + "."
                })
                .collect()
        };
        en_docs.push(DocForPairing {
            id: format!("en{i:05}"),
            lang: "en".into(),
            sentences: en,
            url: None,
        });
    }
    // Shuffle the English side so that order says nothing.
    for i in (1..en_docs.len()).rev() {
        let j = rng.below(i + 1);
        en_docs.swap(i, j);
    }
    let docs: Vec<DocForPairing> = zh_docs.into_iter().chain(en_docs).collect();
    let aligner = AlignConfig::default().build().expect("default config");
    let _ = cleanalign::align::lexicon::Lexicon::global();
    let started = Instant::now();
    let found = aligner.pair_documents(&docs);
    let seconds = started.elapsed().as_secs_f64();
    let mut right = 0;
    let mut wrong = 0;
    for p in &found.pairs {
        let (a, b) = (&docs[p.src].id, &docs[p.tgt].id);
        let truly = a[2..] == b[2..] && a[2..].parse::<usize>().is_ok_and(|k| k < paired);
        if truly {
            right += 1;
        } else {
            wrong += 1;
        }
    }
    println!(
        "pairing {n} + {n} documents on {} threads: {seconds:.1} s; {right}/{paired} true pairs found, {wrong} false, {} ambiguous",
        rayon::current_num_threads(),
        found.ambiguous.len()
    );
}
