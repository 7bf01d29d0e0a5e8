//! The stage's settings (`[mojibake]` in pipeline.toml) and their validation. They sit at the bottom of the
//! stage, below the repairs that read their thresholds; `MojibakeConfig::build` is in `mod.rs`, because it makes
//! the repairer and warms every table.
//!
//! Imports `crate::validate` only.

use serde::{Deserialize, Serialize};

use crate::validate::{check_range, FieldError};

/// Settings of the mojibake stage (`[mojibake]` in pipeline.toml).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MojibakeConfig {
    /// Repair UTF-8 text that was decoded with a single-byte code page (`cafÃ©` -> `café`).
    pub latin: bool,
    /// Repair Chinese mojibake: UTF-8 read as GBK, GBK read as Latin-1, and GBK frame shifts.
    pub cjk: bool,
    /// Report damage that cannot be repaired (U+FFFD, `锟斤拷`, `?` residue between Han characters) as
    /// unrecoverable ranges, so the sentences holding them are removed.
    pub flag_unrecoverable: bool,
    /// A Han run whose mean cost is at least this many bits per character is examined as possible mojibake.
    /// Clean Chinese averages about 9-10 bits; frame-shifted GBK about 15-16.
    pub suspect_bits: f64,
    /// A Chinese repair must lower the mean cost per Han character by at least this many bits.
    pub min_gain_bits: f64,
    /// GBK bytes shown as Latin-1 letters are decoded only when the result averages at most this many bits
    /// per Han character (it has no Chinese "before" to compare with).
    pub max_clean_bits: f64,
}

impl Default for MojibakeConfig {
    fn default() -> Self {
        MojibakeConfig {
            latin: true,
            cjk: true,
            flag_unrecoverable: true,
            suspect_bits: 13.0,
            min_gain_bits: 3.0,
            max_clean_bits: 11.5,
        }
    }
}

impl MojibakeConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_range(&mut errors, "suspect_bits", self.suspect_bits, 0.0, 30.0);
        check_range(&mut errors, "min_gain_bits", self.min_gain_bits, 0.5, 20.0);
        check_range(
            &mut errors,
            "max_clean_bits",
            self.max_clean_bits,
            0.0,
            30.0,
        );
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_validation_and_switches() {
        let bad = MojibakeConfig {
            min_gain_bits: 0.0,
            suspect_bits: 99.0,
            ..MojibakeConfig::default()
        };
        let keys: Vec<String> = bad.validate().into_iter().map(|e| e.key).collect();
        assert_eq!(keys, vec!["suspect_bits", "min_gain_bits"]);
        assert!(bad.build().is_err());
        assert!(serde_json::from_str::<MojibakeConfig>(r#"{"latn": true}"#).is_err());
        let cfg: MojibakeConfig = serde_json::from_str(r#"{"latin": false}"#).unwrap();
        assert_eq!(cfg.build().unwrap().repair("cafÃ©"), None);
    }
}
