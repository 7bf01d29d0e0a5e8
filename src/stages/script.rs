//! Script unification: convert Chinese to one target script with OpenCC's dictionaries (`ferrous-opencc`).
//!
//! Conversion is phrase-aware (OpenCC's dictionaries map words, not just characters), which is why a real
//! converter is used instead of a character table. Lines without Han characters are skipped: the converter is
//! the slowest step of the repairs and most lines of a mixed batch are English.

use super::LineRepair;
use crate::validate::FieldError;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use serde::{Deserialize, Serialize};

/// `[script]` in `pipeline.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScriptConfig {
    /// Target script: "zh-Hans" (Simplified, default), "zh-Hant" (Traditional, OpenCC standard),
    /// "zh-TW" (Taiwan usage and phrases), "zh-HK" (Hong Kong), or "none" (leave the script alone).
    pub target: String,
}

impl Default for ScriptConfig {
    fn default() -> Self {
        ScriptConfig {
            target: "zh-Hans".to_string(),
        }
    }
}

/// Valid values of `script.target` and `fix --to`.
pub const TARGETS: &[&str] = &["zh-Hans", "zh-Hant", "zh-TW", "zh-HK", "none"];

impl ScriptConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        if TARGETS.contains(&self.target.as_str()) {
            Vec::new()
        } else {
            vec![FieldError::new(
                "target",
                format!(
                    "unknown script target \"{}\"; valid: {}",
                    self.target,
                    TARGETS.join(", ")
                ),
            )]
        }
    }

    pub fn build(&self) -> Result<ScriptConverter, Vec<FieldError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        let builtin = match self.target.as_str() {
            "zh-Hans" => Some(BuiltinConfig::T2s),
            "zh-Hant" => Some(BuiltinConfig::S2t),
            "zh-TW" => Some(BuiltinConfig::S2twp),
            "zh-HK" => Some(BuiltinConfig::S2hk),
            _ => None,
        };
        let converter = match builtin {
            Some(config) => Some(OpenCC::from_config(config).map_err(|e| {
                vec![FieldError::new(
                    "target",
                    format!("cannot load the OpenCC dictionaries: {e}"),
                )]
            })?),
            None => None,
        };
        Ok(ScriptConverter { converter })
    }
}

/// The runtime converter; `None` inside means the target is "none".
pub struct ScriptConverter {
    converter: Option<OpenCC>,
}

impl LineRepair for ScriptConverter {
    fn name(&self) -> &'static str {
        "script"
    }

    fn repair(&self, line: &str) -> Option<String> {
        let converter = self.converter.as_ref()?;
        if !line.chars().any(crate::text::is_han) {
            return None;
        }
        let converted = converter.convert(line);
        (converted != line).then_some(converted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(target: &str, s: &str) -> String {
        let c = ScriptConfig {
            target: target.into(),
        }
        .build()
        .expect("valid target");
        c.repair(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn traditional_to_simplified() {
        assert_eq!(
            convert("zh-Hans", "我國網絡空間國際交流合作"),
            "我国网络空间国际交流合作"
        );
        assert_eq!(convert("zh-Hans", "English only"), "English only");
    }

    #[test]
    fn simplified_to_taiwan_uses_phrases() {
        assert_eq!(convert("zh-TW", "软件"), "軟體");
        assert_eq!(convert("none", "軟體"), "軟體");
    }

    #[test]
    fn bad_target_lists_valid_ones() {
        let errors = ScriptConfig {
            target: "zh-CN".into(),
        }
        .validate();
        assert!(errors[0].message.contains("zh-Hans"));
    }
}
