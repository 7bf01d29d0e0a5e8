//! Alignment: which documents are translations of each other, and which of their sentences correspond.
//!
//! - [`pairing`] finds document pairs conservatively: a pair is reported only when most sentences of both
//!   documents land in well-scored beads. Comparable documents (same topic, written independently) are not
//!   pairs.
//! - [`sentence`] aligns the sentences of one document pair monotonically with m-n beads.
//! - [`lexicon`] is CC-CEDICT, the zh<->en word evidence, as tables derived at build time and embedded in the
//!   binary (`cedict_table.rs`, written by `build.rs`), read on first use in a few milliseconds.
//!
//! Files, from the bottom up: `config.rs` (the `[align]` section), `bead.rs`, `gloss_words.rs` and
//! `cedict_table.rs` (std only, also compiled by `build.rs`), and `lexicon.rs` over them import nothing else of
//! the layer; `sentence/` imports those; `aligner.rs` builds the runtime [`Aligner`] over them; `pairing.rs`
//! sits on top and adds the pairing methods to the aligner. Each imports only what is listed before it.
//!
//! What it never does: it never reorders, splits or edits sentences, and it never invents a pair without
//! document-level evidence. Languages other than zh<->en are aligned with length, numbers, identical words
//! and shared prefixes only (no dictionary).

pub mod aligner;
pub mod bead;
mod cedict_table;
pub mod config;
mod gloss_words;
pub mod lexicon;
pub mod pairing;
pub mod sentence;

pub use aligner::Aligner;
pub use bead::{format_bead, Bead};
pub use config::{AlignConfig, DeclaredPair};
