//! HTML extraction speed on one core: decode (HTML charset rules) and main-content extraction of every page
//! of a folder (`*.html`, `*.htm`, `*.html.gz`), the pages read into memory first. Prints pages per second;
//! `scripts/bench_html.sh` runs it beside trafilatura on the same pages.
//!
//! `cargo run --release --example bench_html -- DIR [ROUNDS]`
use cleanalign::config::Config;
use cleanalign::stages::html;
use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: bench_html DIR [ROUNDS]");
        return;
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths {
        let name = path.to_string_lossy().to_string();
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        let mut bytes = Vec::new();
        let read = if name.ends_with(".gz") {
            flate2::read::MultiGzDecoder::new(file).read_to_end(&mut bytes)
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            std::io::BufReader::new(file).read_to_end(&mut bytes)
        } else {
            continue;
        };
        if read.is_ok() {
            pages.push(bytes);
        }
    }
    let decoder = match Config::default().decode.build() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e:?}");
            return;
        }
    };
    let megabytes = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let mut best = f64::MAX;
    let mut lines = 0usize;
    for _ in 0..rounds {
        let started = std::time::Instant::now();
        for bytes in &pages {
            if let Ok(decoded) = decoder.decode_html("page.html", bytes, None) {
                lines += html::extract(&decoded.text).text.lines().count();
            }
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "cleanalign html: {} pages ({megabytes:.1} MB) in {best:.3} s (best of {rounds}): {:.1} pages/s, {:.1} MB/s [{lines} lines]",
        pages.len(),
        pages.len() as f64 / best,
        megabytes / best
    );
}
