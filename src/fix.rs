//! `cleanalign fix`: the line-preserving repair filter.
//!
//! Line N out is line N in, repaired: no stage here may drop, merge or split a line. That makes `fix` safe in
//! shell pipelines over aligned files (`paste`, `diff`), and it is why only the [`LineRepair`] stages are offered.

use crate::config::Config;
use crate::stages::mojibake::MojibakeRepairer;
use crate::stages::punct::PunctWidth;
use crate::stages::ruby::RubyRepair;
use crate::stages::script::ScriptConfig;
use crate::stages::LineRepair;
use crate::validate::FieldError;

/// Stages that `fix --stages` accepts, in the order they run.
pub const FIX_STAGES: &[&str] = &["mojibake", "normalize", "ruby", "punct", "mt", "script"];

/// Adapts the mojibake repairer to a line repair: in `fix`, unrecoverable spans stay in the line (the filter
/// cannot remove text without breaking line correspondence); `run` removes them instead.
pub struct MojibakeLine(pub MojibakeRepairer);

impl LineRepair for MojibakeLine {
    fn name(&self) -> &'static str {
        "mojibake"
    }

    fn repair(&self, line: &str) -> Option<String> {
        self.0.repair(line).map(|r| r.text).filter(|t| t != line)
    }
}

/// The chain of repairs selected for `fix`.
pub struct FixChain {
    repairs: Vec<Box<dyn LineRepair>>,
    /// Lines longer than this many bytes pass through untouched (`input.max_line_chars`, counted in bytes
    /// as an upper bound): they are not paragraphs, and repairing them would cost memory out of proportion.
    max_line_bytes: usize,
}

impl FixChain {
    /// Build the chain for `stages` (names from [`FIX_STAGES`], any order) converting to script `to`.
    pub fn new(config: &Config, stages: &[String], to: &str) -> Result<FixChain, Vec<FieldError>> {
        let mut errors = Vec::new();
        for s in stages {
            if !FIX_STAGES.contains(&s.as_str()) {
                errors.push(FieldError::new(
                    "--stages",
                    format!("unknown stage \"{s}\"; valid: {}", FIX_STAGES.join(",")),
                ));
            }
        }
        let script_config = ScriptConfig {
            target: to.to_string(),
            ..config.script.clone()
        };
        errors.extend(
            script_config
                .validate()
                .into_iter()
                .map(|e| FieldError::new("--to", e.message)),
        );
        if !errors.is_empty() {
            return Err(errors);
        }
        let wanted = |name: &str| stages.iter().any(|s| s == name);
        let mut repairs: Vec<Box<dyn LineRepair>> = Vec::new();
        for &name in FIX_STAGES {
            if !wanted(name) {
                continue;
            }
            let repair: Box<dyn LineRepair> = match name {
                "mojibake" => Box::new(MojibakeLine(config.mojibake.build()?)),
                "normalize" => Box::new(config.normalize.build()?),
                "ruby" => Box::new(RubyRepair),
                "punct" => Box::new(PunctWidth),
                "mt" => Box::new(config.mt.build()?),
                _ => Box::new(script_config.build()?),
            };
            repairs.push(repair);
        }
        // Earlier stages can leave spacing that only normalisation settles (a comma widened next to a space):
        // normalising again at the end keeps `fix` idempotent. Its fast path makes the second pass cheap.
        if wanted("normalize") && repairs.len() > 1 {
            repairs.push(Box::new(config.normalize.build()?));
        }
        Ok(FixChain {
            repairs,
            max_line_bytes: config.input.max_line_chars.saturating_mul(4),
        })
    }

    /// Every stage, default target.
    pub fn all(config: &Config) -> Result<FixChain, Vec<FieldError>> {
        let stages: Vec<String> = FIX_STAGES.iter().map(|s| s.to_string()).collect();
        FixChain::new(config, &stages, &config.script.target)
    }

    /// Repair one line. The chain is repeated until the line stops changing (at most three rounds): one
    /// stage's repair can expose work for an earlier one (removing a zero-width space can join two halves of a
    /// mojibake sequence), and `fix` must be idempotent. Clean lines cost one round.
    pub fn fix_line(&self, line: &str) -> String {
        if line.len() > self.max_line_bytes {
            return line.to_string();
        }
        let mut current = line.to_string();
        for _ in 0..3 {
            let next = self.one_round(&current);
            if next == current {
                break;
            }
            current = next;
        }
        current
    }

    /// Repair a whole text line by line, each line keeping its own ending (`\r\n`, `\n` or `\r`): the
    /// output has exactly the input's line breaks, in the same places.
    pub fn fix_text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while !rest.is_empty() {
            let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
            let ending_len = match rest.get(end..end + 2) {
                Some("\r\n") => 2,
                _ if end < rest.len() => 1,
                _ => 0,
            };
            let (line, tail) = rest.split_at(end);
            let (ending, next) = tail.split_at(ending_len);
            out.push_str(&self.fix_line(line));
            out.push_str(ending);
            rest = next;
        }
        out
    }

    /// One pass of every stage. A line break inside a stage's result would break line correspondence, so such
    /// a result is discarded.
    fn one_round(&self, line: &str) -> String {
        let mut current = line.to_string();
        for repair in &self.repairs {
            if let Some(new) = repair.repair(&current) {
                if !new.contains(['\n', '\r']) {
                    current = new;
                }
            }
        }
        current
    }
}
