//! cleanalign: clean dirty scraped Chinese and English web text, and align zh↔en passages into a corpus.
//!
//! The library does all the work; `main.rs` only parses arguments. Entry points:
//! * [`engine::run`] — the batch (`cleanalign run`), over a [`pipeline::Pipeline`];
//! * [`fix::FixChain`] — the line-preserving repair filter (`cleanalign fix`);
//! * [`align::Aligner`] — sentence alignment (`cleanalign align`);
//! * [`config::load`] — configuration with complete error reports (`cleanalign check`).
//!
//! The modules form layers, and each imports only from the layers below it:
//! 1. `text`, `glob`, `validate`, `doc` — character classes, file-name globs, the shape of a config problem,
//!    and the document model (lines that remember their raw line numbers, metadata, rejects);
//! 2. `stages` and `align` — one stage per module or folder, each with its config section beside it;
//! 3. `config` — assembles the stages' config sections into `pipeline.toml`;
//! 4. `pipeline` and `fix` — config built into runtime stages; what happens to one document, or one line;
//! 5. `engine` — the passes over a batch, sinks, progress and report: everything that knows about files;
//! 6. `main.rs` — the thin CLI.
//!
//! ```
//! use cleanalign::config::Config;
//! use cleanalign::fix::FixChain;
//!
//! let chain = FixChain::all(&Config::default()).expect("the default stages build");
//! // Ruby residue, a doubled comma and Traditional script, repaired on one line.
//! assert_eq!(chain.fix_line("邁向數(shù)字文明新時代,,攜手構建"), "迈向数字文明新时代，携手构建");
//! ```

pub mod align;
pub mod config;
pub mod doc;
pub mod engine;
pub mod fix;
pub mod glob;
pub mod pipeline;
pub mod stages;
pub mod text;
pub mod validate;
