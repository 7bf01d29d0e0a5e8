//! Test-only helpers for the writers' tests.

use super::{CorpusRow, RowKind};

/// A zh→en corpus row with score 0.5 and bead 1-1.
pub(super) fn row(id: usize, zh: &str, en: &str) -> CorpusRow {
    CorpusRow {
        id,
        src_doc: format!("site/zh/<{id}>&"),
        tgt_doc: format!("site/en/{id}"),
        src_lang: "zh".into(),
        tgt_lang: "en".into(),
        src_text: zh.into(),
        tgt_text: en.into(),
        bead: "1-1".into(),
        score: "0.5000".into(),
        kind: RowKind::Sentence,
        src_sentences: "0".into(),
        tgt_sentences: "0".into(),
    }
}
