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
