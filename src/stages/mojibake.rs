//! PLACEHOLDER (replaced by the mojibake helper's module).
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MojibakeConfig {
    /// Repair Latin mojibake.
    pub latin: bool,
}
impl Default for MojibakeConfig {
    fn default() -> Self {
        MojibakeConfig { latin: true }
    }
}
impl MojibakeConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        Vec::new()
    }
    pub fn build(&self) -> Result<MojibakeRepairer, Vec<FieldError>> {
        Ok(MojibakeRepairer {})
    }
}
pub struct MojibakeRepairer {}
pub struct MojibakeRepair {
    pub text: String,
    pub unrecoverable: Vec<std::ops::Range<usize>>,
    pub kinds: Vec<&'static str>,
}
impl MojibakeRepairer {
    pub fn repair(&self, line: &str) -> Option<MojibakeRepair> {
        let _ = line;
        None
    }
}
