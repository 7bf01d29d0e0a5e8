//! Run one line-repair stage over a file many times, for profiling with `perf record`.
//! `cargo run --release --example profile_stage -- mt FILE [ROUNDS]`
use cleanalign::config::Config;
use cleanalign::stages::LineRepair;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(stage), Some(file)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: profile_stage STAGE FILE [ROUNDS]");
        return;
    };
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let config = Config::default();
    let repair: Box<dyn LineRepair> = match stage.as_str() {
        "mt" => Box::new(config.mt.build().unwrap_or_else(|_| unreachable!())),
        "script" => Box::new(config.script.build().unwrap_or_else(|_| unreachable!())),
        "punct" => Box::new(cleanalign::stages::punct::PunctWidth),
        other => {
            eprintln!("unknown stage {other}");
            return;
        }
    };
    let started = std::time::Instant::now();
    let mut changed = 0;
    for _ in 0..rounds {
        for line in text.lines() {
            changed += usize::from(repair.repair(line).is_some());
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{stage}: {:.1} MB/s, {changed} changed",
        (text.len() * rounds) as f64 / 1e6 / secs
    );
}
