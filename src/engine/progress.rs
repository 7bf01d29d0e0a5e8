//! Progress of the passes of a batch on stderr, in one of four modes ([`ProgressMode`]): a bar for a person at
//! a terminal, JSON lines for logs collected by a scheduler, or nothing.
//!
//! A JSON line is `{"phase":"clean","done":512,"total":1000,"elapsed_s":3.21}`: one when a phase starts, then
//! at most one every [`JSON_INTERVAL`], and one when it ends (its `done` is the final count). Progress never
//! touches the output folder, so it cannot change a byte of output. Imports nothing of the crate.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Shortest time between two JSON progress lines of one phase.
pub const JSON_INTERVAL: Duration = Duration::from_secs(5);

/// How progress is shown (`[output] progress`, `--progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// A bar when stderr is a terminal, JSON lines when it is not.
    Auto,
    /// A bar; nothing when stderr is not a terminal.
    Bar,
    /// JSON lines, terminal or not.
    Json,
    /// Nothing.
    None,
}

impl ProgressMode {
    /// The mode named `name` (`auto`, `bar`, `json`, `none`).
    pub fn parse(name: &str) -> Option<ProgressMode> {
        match name {
            "auto" => Some(ProgressMode::Auto),
            "bar" => Some(ProgressMode::Bar),
            "json" => Some(ProgressMode::Json),
            "none" => Some(ProgressMode::None),
            _ => None,
        }
    }

    /// What `Auto` means here: a bar on a terminal, JSON lines elsewhere.
    fn resolved(self) -> ProgressMode {
        match self {
            ProgressMode::Auto if std::io::stderr().is_terminal() => ProgressMode::Bar,
            ProgressMode::Auto => ProgressMode::Json,
            other => other,
        }
    }
}

/// The progress of one phase; shared by the worker threads of that phase.
pub struct Progress {
    shown: Shown,
}

enum Shown {
    Bar(ProgressBar),
    Json(JsonProgress),
    Nothing,
}

struct JsonProgress {
    phase: String,
    total: u64,
    done: AtomicU64,
    started: Instant,
    last_line: Mutex<Instant>,
}

/// The progress of a phase named `what` with `len` steps, shown as `mode` says.
pub fn progress_bar(mode: ProgressMode, len: usize, what: &str) -> Progress {
    let shown = match mode.resolved() {
        ProgressMode::Bar => {
            let pb = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{prefix:>8} [{bar:40}] {pos}/{len} {elapsed}")
            {
                pb.set_style(style.progress_chars("=> "));
            }
            pb.set_prefix(what.to_string());
            Shown::Bar(pb)
        }
        ProgressMode::Json => {
            let now = Instant::now();
            let json = JsonProgress {
                phase: what.to_string(),
                total: len as u64,
                done: AtomicU64::new(0),
                started: now,
                last_line: Mutex::new(now),
            };
            json.emit(0);
            Shown::Json(json)
        }
        ProgressMode::Auto | ProgressMode::None => Shown::Nothing,
    };
    Progress { shown }
}

impl Progress {
    /// `n` more steps done.
    pub fn inc(&self, n: u64) {
        match &self.shown {
            Shown::Bar(pb) => pb.inc(n),
            Shown::Json(json) => {
                let done = json.done.fetch_add(n, Ordering::Relaxed) + n;
                // Another thread already writing a line: this step shows in the next one.
                if let Ok(mut last) = json.last_line.try_lock() {
                    if last.elapsed() >= JSON_INTERVAL {
                        *last = Instant::now();
                        json.emit(done);
                    }
                }
            }
            Shown::Nothing => {}
        }
    }

    /// The phase is over: clear the bar, or write the closing JSON line.
    pub fn finish_and_clear(&self) {
        match &self.shown {
            Shown::Bar(pb) => pb.finish_and_clear(),
            Shown::Json(json) => json.emit(json.done.load(Ordering::Relaxed)),
            Shown::Nothing => {}
        }
    }
}

impl JsonProgress {
    fn emit(&self, done: u64) {
        let line = json_line(
            &self.phase,
            done,
            self.total,
            self.started.elapsed().as_secs_f64(),
        );
        // A closed stderr must not stop the run.
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

/// One JSON progress line (without its newline).
pub fn json_line(phase: &str, done: u64, total: u64, elapsed_s: f64) -> String {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        phase: &'a str,
        done: u64,
        total: u64,
        elapsed_s: f64,
    }
    let line = Line {
        phase,
        done,
        total,
        // Milliseconds are plenty for a log, and keep the line short.
        elapsed_s: (elapsed_s * 1000.0).round() / 1000.0,
    };
    serde_json::to_string(&line).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_line_has_the_four_fields() {
        let line = json_line("clean \"x\"", 3, 10, 1.23456);
        let v: serde_json::Value = serde_json::from_str(&line).expect("a JSON object");
        assert_eq!(v["phase"], "clean \"x\"");
        assert_eq!(v["done"], 3);
        assert_eq!(v["total"], 10);
        assert_eq!(v["elapsed_s"], 1.235);
        assert!(!line.contains('\n'));
        assert!(line.starts_with("{\"phase\":"), "{line}");
    }

    #[test]
    fn modes_parse_and_unknown_names_do_not() {
        for (name, mode) in [
            ("auto", ProgressMode::Auto),
            ("bar", ProgressMode::Bar),
            ("json", ProgressMode::Json),
            ("none", ProgressMode::None),
        ] {
            assert_eq!(ProgressMode::parse(name), Some(mode));
        }
        assert_eq!(ProgressMode::parse("JSON"), None);
        assert_eq!(ProgressMode::parse(""), None);
    }

    #[test]
    fn hidden_progress_counts_nothing_and_does_not_panic() {
        let p = progress_bar(ProgressMode::None, 5, "scan");
        p.inc(1);
        p.finish_and_clear();
    }
}
