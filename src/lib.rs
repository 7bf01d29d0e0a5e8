//! cleanalign: clean dirty scraped Chinese and English web text, and align zh↔en passages into a corpus.
//!
//! The library does all the work; `main.rs` only parses arguments. Entry points:
//! * [`pipeline::Pipeline`] — the batch (`cleanalign run`);
//! * [`fix::FixChain`] — the line-preserving repair filter (`cleanalign fix`);
//! * [`align::Aligner`] — sentence alignment (`cleanalign align`);
//! * [`config::load`] — configuration with complete error reports (`cleanalign check`).
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
