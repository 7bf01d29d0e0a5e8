//! How much of a clean text the mojibake stage would touch: lines changed and lines flagged unrecoverable.
//! Both should be zero on clean text. `cargo run --release --example eval_clean_text -- FILE...`
use cleanalign::config::Config;

fn main() {
    let repairer = match Config::default().mojibake.build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("default mojibake config: {e:?}");
            return;
        }
    };
    let (mut lines, mut changed, mut flagged) = (0usize, 0usize, 0usize);
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path} as UTF-8");
            continue;
        };
        for line in text.lines() {
            lines += 1;
            if let Some(repair) = repairer.repair(line) {
                if repair.text != line {
                    changed += 1;
                    println!("changed  {path}: {line}");
                }
                if !repair.unrecoverable.is_empty() {
                    flagged += 1;
                    println!("flagged  {path}: {line}");
                }
            }
        }
    }
    println!("{lines} lines, {changed} changed, {flagged} flagged");
}
