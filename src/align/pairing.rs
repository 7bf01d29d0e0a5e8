//! PLACEHOLDER (replaced by the align helper's module).
pub struct DocForPairing {
    pub id: String,
    pub lang: String,
    pub sentences: Vec<String>,
}
pub struct DocPair {
    pub src: usize,
    pub tgt: usize,
    pub score: f64,
}
