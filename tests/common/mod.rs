//! Helpers shared by the integration tests.
#![allow(dead_code)]

use cleanalign::config::Config;
use cleanalign::pipeline::Pipeline;
use std::sync::OnceLock;

/// The default pipeline, built once per test binary.
pub fn default_pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| match Pipeline::from_config(Config::default()) {
        Ok(p) => p,
        Err(e) => panic!("default pipeline must build: {e:?}"),
    })
}

/// The bundled `raw/*.txt` samples as (stem, bytes), sorted by stem.
pub fn raw_samples() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("raw");
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("raw/ exists") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let id = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            inputs.push((id, std::fs::read(&path).expect("read")));
        }
    }
    inputs.sort();
    inputs
}

/// A small fixed-seed generator: generated test sets must be the same on every run and platform.
pub struct XorShift(pub u64);

impl XorShift {
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}
