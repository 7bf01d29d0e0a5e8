//! Print the boilerplate stage's verdict on every non-blank line of one text file, with the default
//! settings and no batch statistics: a quick way to see why a line was kept or removed.
//!
//!     cargo run --example boilerplate_verdicts -- page.txt

use cleanalign::stages::boilerplate::{BoilerplateConfig, DocLines};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: boilerplate_verdicts FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let classifier = match BoilerplateConfig::default().build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e:?}");
            std::process::exit(1);
        }
    };
    let verdicts = classifier.classify(&DocLines {
        lines: &lines,
        doc_freq: &vec![1; lines.len()],
        batch_docs: 1,
    });
    for (line, v) in lines.iter().zip(verdicts) {
        println!("{:<36} {line}", format!("{:?}", v.class));
    }
}
