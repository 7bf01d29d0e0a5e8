//! `pipeline.toml`: the whole configuration, assembled from the sections that each stage defines beside its
//! code (`DecodeConfig` in `stages/decode.rs`, `BoilerplateConfig` in `stages/boilerplate/`, ...), plus the
//! few sections that belong to no stage (`[input]`, `[output]`, `[pipeline]`).
//!
//! * `sections.rs`: the [`Config`] struct, the sections that belong to no stage, validation and the hash;
//! * `load.rs`: reading a file, with every problem reported at once, with line and column.
//!
//! This layer imports only the stages' config types and the bottom layers.

mod load;
mod sections;

pub use load::{load, parse, ConfigError, ConfigErrors};
pub use sections::{
    Config, InputConfig, OutputConfig, PipelineConfig, CORPUS_FORMATS, PROGRESS_MODES,
    SKIPPABLE_STAGES,
};
