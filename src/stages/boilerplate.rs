//! PLACEHOLDER (replaced by the boilerplate helper's module).
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BoilerplateConfig {
    /// Minimum documents.
    pub repeated_min_docs: u32,
    /// Extra patterns.
    pub extra_patterns: Vec<String>,
}
impl Default for BoilerplateConfig {
    fn default() -> Self {
        BoilerplateConfig {
            repeated_min_docs: 3,
            extra_patterns: vec![],
        }
    }
}
impl BoilerplateConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        Vec::new()
    }
    pub fn build(&self) -> Result<BoilerplateClassifier, Vec<FieldError>> {
        Ok(BoilerplateClassifier {})
    }
}
pub struct BoilerplateClassifier {}
pub fn line_key(line: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(line.as_bytes())
}
pub struct DocLines<'a> {
    pub lines: &'a [&'a str],
    pub doc_freq: &'a [u32],
    pub batch_docs: u32,
}
pub enum LineClass {
    Content,
    Title,
    Boilerplate(&'static str),
    Spam(&'static str),
    Metadata(&'static str),
}
pub struct LineVerdict {
    pub class: LineClass,
    pub text: Option<String>,
    pub removed_spans: Vec<(String, &'static str)>,
    pub metadata: Vec<(&'static str, String)>,
}
impl BoilerplateClassifier {
    pub fn classify(&self, doc: &DocLines) -> Vec<LineVerdict> {
        doc.lines
            .iter()
            .enumerate()
            .map(|(i, _)| LineVerdict {
                class: if i == 0 {
                    LineClass::Title
                } else {
                    LineClass::Content
                },
                text: None,
                removed_spans: vec![],
                metadata: vec![],
            })
            .collect()
    }
}
