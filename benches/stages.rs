//! Per-stage throughput on the bundled samples (tiled), with a baseline measured in the same run: UTF-8
//! validation of the same bytes. Compare each stage's time with the baseline's, not with absolute numbers
//! from another machine or another day.
//!
//! `cargo bench --bench stages`

use cleanalign::config::Config;
use cleanalign::engine::process_bytes;
use cleanalign::fix::MojibakeLine;
use cleanalign::pipeline::Pipeline;
use cleanalign::stages::punct::PunctWidth;
use cleanalign::stages::LineRepair;
use divan::{black_box, Bencher};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// The raw samples concatenated and tiled to about 1 MB.
fn corpus() -> &'static (Vec<u8>, Vec<String>) {
    static C: OnceLock<(Vec<u8>, Vec<String>)> = OnceLock::new();
    C.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("raw");
        let mut one = Vec::new();
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("raw/")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            one.extend(std::fs::read(path).expect("read"));
            one.push(b'\n');
        }
        let mut bytes = Vec::new();
        while bytes.len() < 1 << 20 {
            bytes.extend_from_slice(&one);
        }
        let lines = String::from_utf8_lossy(&bytes)
            .lines()
            .map(str::to_string)
            .collect();
        (bytes, lines)
    })
}

fn each_line(bencher: Bencher, repair: &dyn LineRepair) {
    let (bytes, lines) = corpus();
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            for line in lines {
                black_box(repair.repair(black_box(line)));
            }
        });
}

#[divan::bench]
fn baseline_utf8_validation(bencher: Bencher) {
    let (bytes, _) = corpus();
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| black_box(std::str::from_utf8(black_box(bytes)).is_ok()));
}

#[divan::bench]
fn decode(bencher: Bencher) {
    let (bytes, _) = corpus();
    let decoder = Config::default().decode.build().expect("default");
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| black_box(decoder.decode(black_box(bytes)).is_ok()));
}

#[divan::bench]
fn mojibake(bencher: Bencher) {
    each_line(
        bencher,
        &MojibakeLine(Config::default().mojibake.build().expect("default")),
    );
}

#[divan::bench]
fn normalize(bencher: Bencher) {
    each_line(
        bencher,
        &Config::default().normalize.build().expect("default"),
    );
}

#[divan::bench]
fn punct(bencher: Bencher) {
    each_line(bencher, &PunctWidth);
}

#[divan::bench]
fn mt(bencher: Bencher) {
    each_line(bencher, &Config::default().mt.build().expect("default"));
}

/// The mt stage on the Chinese lines of the samples only (Han at least a third of the Latin letters: the
/// lines the stage reads character by character), then on the others.
#[divan::bench]
fn mt_chinese_lines(bencher: Bencher) {
    mt_lines(bencher, true);
}

#[divan::bench]
fn mt_latin_lines(bencher: Bencher) {
    mt_lines(bencher, false);
}

fn mt_lines(bencher: Bencher, chinese: bool) {
    let (_, lines) = corpus();
    let picked: Vec<&String> = lines
        .iter()
        .filter(|line| {
            let han = line
                .chars()
                .filter(|&c| cleanalign::text::is_han(c))
                .count();
            let latin = line.chars().filter(|c| c.is_ascii_alphabetic()).count();
            (han > 0 && han * 3 >= latin) == chinese
        })
        .collect();
    let bytes: usize = picked.iter().map(|l| l.len() + 1).sum();
    let repair = Config::default().mt.build().expect("default");
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            for line in &picked {
                black_box(repair.repair(black_box(line)));
            }
        });
}

#[divan::bench]
fn script_to_simplified(bencher: Bencher) {
    each_line(bencher, &Config::default().script.build().expect("default"));
}

#[divan::bench]
fn segment(bencher: Bencher) {
    let (bytes, lines) = corpus();
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            for line in lines {
                let lang = cleanalign::stages::langid::detect_lang(line);
                black_box(cleanalign::stages::segment::split_sentences(line, lang));
            }
        });
}

/// The whole batch in memory (decode → clean → align) on the samples, one document per input file.
#[divan::bench(sample_count = 10)]
fn whole_batch_samples(bencher: Bencher) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("raw");
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(dir).expect("raw/").filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            inputs.push((
                path.file_stem()
                    .expect("stem")
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(&path).expect("read"),
            ));
        }
    }
    inputs.sort();
    let total: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let pipeline = Pipeline::from_config(Config::default()).expect("default");
    bencher
        .counter(divan::counter::BytesCount::new(total))
        .bench(|| black_box(process_bytes(&pipeline, &inputs).2.len()));
}
