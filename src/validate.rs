//! The shape of a configuration problem found by a stage's own `validate`.
//!
//! Each stage's config section checks its own values and returns every problem it finds; `config.rs`
//! prefixes the section name, finds the line and column in `pipeline.toml`, and reports them all at once.

/// One invalid value inside a config section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Dotted key relative to the section, with array indices: `glossary[2].pattern`.
    pub key: String,
    /// What is wrong, written for the user: "must be between 0 and 1, got 1.5".
    pub message: String,
}

impl FieldError {
    pub fn new(key: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            key: key.into(),
            message: message.into(),
        }
    }
}

/// Push an error when `value` is outside `[lo, hi]`.
pub fn check_range(errors: &mut Vec<FieldError>, key: &str, value: f64, lo: f64, hi: f64) {
    if !(lo..=hi).contains(&value) {
        errors.push(FieldError::new(
            key,
            format!("must be between {lo} and {hi}, got {value}"),
        ));
    }
}
