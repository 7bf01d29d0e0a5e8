//! PLACEHOLDER (replaced by the textops helper's module).
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MtConfig {
    /// Collapse loops.
    pub collapse_loops: bool,
    /// Glossary.
    pub glossary: Vec<GlossaryEntry>,
}
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub pattern: String,
    pub replacement: String,
}
impl Default for MtConfig {
    fn default() -> Self {
        MtConfig {
            collapse_loops: true,
            glossary: vec![GlossaryEntry {
                pattern: "one belt, one road".into(),
                replacement: "Belt and Road".into(),
            }],
        }
    }
}
impl MtConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        Vec::new()
    }
    pub fn build(&self) -> Result<MtRepairer, Vec<FieldError>> {
        Ok(MtRepairer {})
    }
}
pub struct MtRepairer {}
impl MtRepairer {
    pub fn repair(&self, line: &str) -> Option<String> {
        let _ = line;
        None
    }
}
