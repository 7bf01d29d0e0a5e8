//! PLACEHOLDER (replaced by the align helper's module).
pub mod lexicon;
pub mod pairing;
pub mod sentence;
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlignConfig {
    /// Minimum bead score.
    pub min_bead_score: f64,
}
impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            min_bead_score: 0.5,
        }
    }
}
impl AlignConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        Vec::new()
    }
    pub fn build(&self) -> Result<Aligner, Vec<FieldError>> {
        Ok(Aligner {})
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub src: Vec<usize>,
    pub tgt: Vec<usize>,
    pub score: f64,
}
pub struct Aligner {}
impl Aligner {
    pub fn align(&self, src: &[String], tgt: &[String], _s: &str, _t: &str) -> Vec<Bead> {
        let n = src.len().max(tgt.len());
        (0..n)
            .map(|i| Bead {
                src: if i < src.len() { vec![i] } else { vec![] },
                tgt: if i < tgt.len() { vec![i] } else { vec![] },
                score: 0.0,
            })
            .collect()
    }
    pub fn pair_documents(&self, docs: &[pairing::DocForPairing]) -> Vec<pairing::DocPair> {
        let _ = docs;
        vec![]
    }
}
pub fn format_bead(b: &Bead) -> String {
    let j = |v: &[usize]| {
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("[{}]:[{}]:{:.4}", j(&b.src), j(&b.tgt), b.score)
}
