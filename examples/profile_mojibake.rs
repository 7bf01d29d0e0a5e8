//! Run the mojibake stage over one of the benchmark inputs many times, for profiling with `perf record`.
//! `cargo run --release --example profile_mojibake -- zh|en|mojibake [ROUNDS]`
//! The inputs are those of `benches/mojibake.rs` (`benches/common/mojibake_inputs.rs`).
use cleanalign::config::Config;

#[path = "../benches/common/mojibake_inputs.rs"]
mod mojibake_inputs;
use mojibake_inputs::input;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kind = args.get(1).map(String::as_str).unwrap_or("zh");
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(200);
    let Ok(repairer) = Config::default().mojibake.build() else {
        eprintln!("default config does not build");
        return;
    };
    let lines = input(kind);
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    // The fastest round is the figure least disturbed by other processes on a shared machine.
    let mut best = f64::INFINITY;
    let mut changed = 0;
    for _ in 0..rounds {
        let started = std::time::Instant::now();
        for line in &lines {
            changed += usize::from(repairer.repair(line).is_some());
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{kind}: {} lines, best round {:.1} MB/s, {changed} changed",
        lines.len(),
        bytes as f64 / 1e6 / best
    );
}
