//! `corpus.tmx`: the corpus as a TMX 1.4b translation memory, one `<tu>` per corpus row in the same order, for
//! CAT tools (OmegaT, Trados, memoQ) and TM servers. Valid against the TMX 1.4b DTD (`tests/tmx14.dtd`).
//!
//! The header holds no creation date, so the same run writes the same bytes. Properties use the `x-` prefix
//! that TMX reserves for user-defined types. Imports the markup escaping and the corpus row.

use super::markup::{escape_attr, escape_into};
use super::CorpusRow;
use std::io::Write;

/// Write the whole TMX document for `rows`; `zh_tag` is the `xml:lang` of the Chinese side.
pub fn write_tmx(out: &mut dyn Write, rows: &[CorpusRow], zh_tag: &str) -> std::io::Result<()> {
    let mut head = String::new();
    head.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    head.push_str("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
    head.push_str("<tmx version=\"1.4\">\n");
    head.push_str(&format!(
        "  <header creationtool=\"cleanalign\" creationtoolversion=\"{}\" segtype=\"sentence\" \
         o-tmf=\"cleanalign\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\" \
         o-encoding=\"UTF-8\"/>\n",
        escape_attr(env!("CARGO_PKG_VERSION")),
        escape_attr(zh_tag),
    ));
    head.push_str("  <body>\n");
    out.write_all(head.as_bytes())?;
    let mut unit = String::new();
    for row in rows {
        unit.clear();
        tu(&mut unit, row, zh_tag);
        out.write_all(unit.as_bytes())?;
    }
    out.write_all(b"  </body>\n</tmx>\n")
}

/// The language tag of a row's side: the run's Chinese tag for `zh`, the code itself otherwise.
fn tag<'a>(lang: &'a str, zh_tag: &'a str) -> &'a str {
    if lang == "zh" {
        zh_tag
    } else {
        lang
    }
}

/// One `<tu>`: properties first, then the Chinese and the English variant (the DTD wants props before tuvs).
fn tu(out: &mut String, row: &CorpusRow, zh_tag: &str) {
    out.push_str(&format!("    <tu tuid=\"{}\"", row.id));
    // The header says the source is Chinese; a row the other way round says so itself.
    if row.src_lang != "zh" {
        out.push_str(&format!(
            " srclang=\"{}\"",
            escape_attr(tag(&row.src_lang, zh_tag))
        ));
    }
    out.push_str(">\n");
    let kind = match row.kind {
        super::RowKind::Sentence => "sentence",
        super::RowKind::Term => "term",
    };
    for (name, value) in [
        ("x-score", row.score.as_str()),
        ("x-bead", row.bead.as_str()),
        ("x-src-doc", row.src_doc.as_str()),
        ("x-tgt-doc", row.tgt_doc.as_str()),
        ("x-kind", kind),
    ] {
        out.push_str(&format!("      <prop type=\"{name}\">"));
        escape_into(out, value, false);
        out.push_str("</prop>\n");
    }
    let (zh, en) = row.zh_en();
    for (lang, text) in [(zh_tag, zh), ("en", en)] {
        out.push_str(&format!(
            "      <tuv xml:lang=\"{}\"><seg>",
            escape_attr(lang)
        ));
        escape_into(out, text, false);
        out.push_str("</seg></tuv>\n");
    }
    out.push_str("    </tu>\n");
}

#[cfg(test)]
mod tests {
    use super::super::testing::row;
    use super::*;

    fn parse(xml: &str) -> roxmltree::Document<'_> {
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        roxmltree::Document::parse_with_options(xml, options).expect("well-formed XML")
    }

    #[test]
    fn units_hold_the_rows_text_and_properties() {
        let rows = vec![
            row(1, "他说：“<b>&amp;”", "He said \"<b>&amp;\" & left."),
            row(2, "第二句\u{1}。", "Second\r\nline\u{2028}."),
        ];
        let mut bytes = Vec::new();
        write_tmx(&mut bytes, &rows, "zh-Hant").expect("in memory");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let doc = parse(&text);
        let header = doc
            .descendants()
            .find(|n| n.has_tag_name("header"))
            .expect("a header");
        assert_eq!(header.attribute("srclang"), Some("zh-Hant"));
        let units: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("tu")).collect();
        assert_eq!(units.len(), 2);
        for (unit, r) in units.iter().zip(&rows) {
            let tuvs: Vec<_> = unit.children().filter(|n| n.has_tag_name("tuv")).collect();
            let lang = |n: &roxmltree::Node| {
                n.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
                    .map(str::to_string)
            };
            assert_eq!(lang(&tuvs[0]).as_deref(), Some("zh-Hant"));
            assert_eq!(lang(&tuvs[1]).as_deref(), Some("en"));
            let seg = |n: &roxmltree::Node| {
                n.children()
                    .find(|c| c.has_tag_name("seg"))
                    .and_then(|s| s.text())
                    .unwrap_or("")
                    .to_string()
            };
            // The control character becomes U+FFFD; everything else comes back exactly.
            assert_eq!(seg(&tuvs[0]), r.src_text.replace('\u{1}', "\u{FFFD}"));
            assert_eq!(seg(&tuvs[1]), r.tgt_text);
            let props: Vec<(String, String)> = unit
                .children()
                .filter(|n| n.has_tag_name("prop"))
                .map(|p| {
                    (
                        p.attribute("type").unwrap_or("").to_string(),
                        p.text().unwrap_or("").to_string(),
                    )
                })
                .collect();
            assert!(props.contains(&("x-score".into(), r.score.clone())));
            assert!(props.contains(&("x-src-doc".into(), r.src_doc.clone())));
            assert!(props.contains(&("x-kind".into(), "sentence".into())));
        }
    }

    #[test]
    fn an_empty_corpus_is_still_a_valid_document() {
        let mut bytes = Vec::new();
        write_tmx(&mut bytes, &[], "zh-Hans").expect("in memory");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let doc = parse(&text);
        assert!(doc.descendants().any(|n| n.has_tag_name("body")));
        assert!(!doc.descendants().any(|n| n.has_tag_name("tu")));
    }
}
