//! The bodies of the fuzz targets, shared by `cargo fuzz` (fuzz/fuzz_targets/*.rs) and by the replay of the
//! committed crash inputs in the main crate's `cargo test` (tests/fuzz_regressions.rs, which includes this
//! file by path).
//!
//! Each function takes arbitrary bytes. It panics only when the library panics, or when the library breaks a
//! promise it makes for every input: `fix` keeps every line break; `align` puts every sentence of both
//! sides in exactly one bead, in order, with a score in [0, 1]. Imports only the library's public API.

#![allow(dead_code)]

use cleanalign::align::Aligner;
use cleanalign::config::Config;
use cleanalign::fix::FixChain;
use cleanalign::pipeline::Pipeline;
use cleanalign::stages::decode::{decode_for_filter, Decoder};
use cleanalign::stages::html;
use cleanalign::stages::script::TARGETS;
use std::path::PathBuf;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::from_config(Config::default()).expect("the default pipeline builds")
    })
}

fn decoder() -> &'static Decoder {
    static DECODER: OnceLock<Decoder> = OnceLock::new();
    DECODER.get_or_init(|| {
        Config::default()
            .decode
            .build()
            .expect("the default decoder builds")
    })
}

/// The rest of the pipeline after a document was prepared: cleaned as a batch of one document.
fn clean_alone(doc: &mut cleanalign::doc::Document) {
    let freq = vec![1; doc.lines.len()];
    pipeline().clean(doc, &freq, 1);
}

/// Decoding arbitrary bytes as a text file, as `fix` input, and the whole pipeline over the result.
pub fn decode(data: &[u8]) {
    if let Ok(decoded) = decoder().decode(data) {
        for issue in &decoded.issues {
            assert!(issue.byte_offset <= data.len() as u64, "issue past the end");
        }
    }
    let _ = decode_for_filter(decoder(), data);
    if let Ok(mut doc) = pipeline().prepare("fuzz", PathBuf::from("fuzz.txt"), data) {
        clean_alone(&mut doc);
    }
}

/// `fix` with every stage, towards the target script chosen by the first byte.
pub fn fix(data: &[u8]) {
    static CHAINS: OnceLock<Vec<FixChain>> = OnceLock::new();
    let chains = CHAINS.get_or_init(|| {
        let config = Config::default();
        let stages: Vec<String> = cleanalign::fix::FIX_STAGES
            .iter()
            .map(|s| s.to_string())
            .collect();
        TARGETS
            .iter()
            .map(|to| FixChain::new(&config, &stages, to).expect("every target builds"))
            .collect()
    });
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let chain = &chains[usize::from(first) % chains.len()];
    let text = String::from_utf8_lossy(rest);
    let fixed = chain.fix_text(&text);
    // `fix`'s contract (FixChain::fix_text): the output's line breaks are the input's, in order.
    fn breaks(t: &str) -> Vec<&str> {
        t.match_indices(['\n', '\r']).map(|(_, b)| b).collect()
    }
    assert_eq!(breaks(&fixed), breaks(&text), "fix changed the line breaks");
}

/// Two arbitrary sentence lists (split at the first NUL byte), aligned in the language pair chosen by the
/// first byte.
pub fn align(data: &[u8]) {
    static ALIGNER: OnceLock<Aligner> = OnceLock::new();
    const PAIRS: &[(&str, &str)] = &[
        ("zh", "en"),
        ("en", "zh"),
        ("zh", "zh"),
        ("en", "de"),
        ("xx", ""),
    ];
    let aligner = ALIGNER.get_or_init(|| {
        Config::default()
            .align
            .build()
            .expect("the default aligner builds")
    });
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let (src_lang, tgt_lang) = PAIRS[usize::from(first) % PAIRS.len()];
    let (src, tgt) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let lines = |bytes: &[u8]| -> Vec<String> {
        cleanalign::text::split_lines(&String::from_utf8_lossy(bytes))
            .map(str::to_string)
            .collect()
    };
    let (src, tgt) = (lines(src), lines(tgt));
    let beads = aligner.align(&src, &tgt, src_lang, tgt_lang);
    let src_ids: Vec<usize> = beads.iter().flat_map(|b| b.src.iter().copied()).collect();
    let tgt_ids: Vec<usize> = beads.iter().flat_map(|b| b.tgt.iter().copied()).collect();
    assert_eq!(src_ids, (0..src.len()).collect::<Vec<_>>(), "source ids");
    assert_eq!(tgt_ids, (0..tgt.len()).collect::<Vec<_>>(), "target ids");
    for bead in &beads {
        assert!((0.0..=1.0).contains(&bead.score), "score {}", bead.score);
    }
}

/// An HTML page: decoded with the HTML rules, its main content extracted, and cleaned.
pub fn html(data: &[u8]) {
    if let Ok(decoded) = decoder().decode_html("fuzz.html", data, None) {
        let page = html::extract(&decoded.text);
        let lines = cleanalign::text::split_lines(&page.text).count();
        for &(line, _) in &page.removed {
            assert!(
                (1..=lines).contains(&line),
                "removed line {line} of {lines}"
            );
        }
    }
    if let Ok(mut doc) = pipeline().prepare_html("fuzz", PathBuf::from("fuzz.html"), data, None) {
        clean_alone(&mut doc);
    }
}
