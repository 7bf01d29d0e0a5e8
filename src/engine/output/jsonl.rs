//! `corpus.jsonl`: the corpus as Hugging Face translation records, one JSON object per corpus row in the same
//! order: `{"translation": {"zh": …, "en": …}, "score": 0.97, "src_doc": …, "tgt_doc": …, "bead": "2-1", "id":
//! 1, "kind": "sentence"}`. `datasets.load_dataset("json", data_files=…)` reads it as it is, with a
//! `translation` column. The keys stay `zh` and `en` whatever the script target, as the datasets convention
//! expects. Imports the corpus row.

use super::{CorpusRow, RowKind};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Record<'a> {
    translation: Translation<'a>,
    /// A number, not the CSV's text, so that datasets types the column as a float.
    score: Option<f64>,
    src_doc: &'a str,
    tgt_doc: &'a str,
    bead: &'a str,
    id: usize,
    kind: RowKind,
}

#[derive(Serialize)]
struct Translation<'a> {
    zh: &'a str,
    en: &'a str,
}

/// Write one record per row.
pub fn write_jsonl(out: &mut dyn Write, rows: &[CorpusRow]) -> std::io::Result<()> {
    for row in rows {
        let (zh, en) = row.zh_en();
        let record = Record {
            translation: Translation { zh, en },
            score: row.score.parse::<f64>().ok().filter(|s| s.is_finite()),
            src_doc: &row.src_doc,
            tgt_doc: &row.tgt_doc,
            bead: &row.bead,
            id: row.id,
            kind: row.kind,
        };
        serde_json::to_writer(&mut *out, &record).map_err(std::io::Error::other)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testing::row;
    use super::*;

    #[test]
    fn one_translation_record_per_row() {
        let mut reversed = row(2, "第二句。", "Second \"quoted\"\nline.");
        std::mem::swap(&mut reversed.src_text, &mut reversed.tgt_text);
        std::mem::swap(&mut reversed.src_lang, &mut reversed.tgt_lang);
        let rows = vec![row(1, "第一句。", "First."), reversed];
        let mut bytes = Vec::new();
        write_jsonl(&mut bytes, &rows).expect("in memory");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let records: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0]["translation"]["zh"], "第一句。");
        assert_eq!(records[0]["translation"]["en"], "First.");
        assert_eq!(records[0]["score"], 0.5);
        assert_eq!(records[0]["kind"], "sentence");
        // An en→zh row still puts its Chinese under `zh`.
        assert_eq!(records[1]["translation"]["zh"], "第二句。");
        assert_eq!(records[1]["translation"]["en"], "Second \"quoted\"\nline.");
        assert_eq!(records[1]["id"], 2);
    }
}
