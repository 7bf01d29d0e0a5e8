//! Escaping text for XML (corpus.tmx) and HTML (report.html): the one place that decides what a character
//! becomes inside markup. Imports nothing.

/// Is `c` allowed in an XML 1.0 document (the `Char` production)?
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Append `text` to `out`, escaped for XML or HTML text content and attribute values (either quote). A
/// character that XML 1.0 cannot hold at all (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) becomes
/// U+FFFD, visibly, rather than making the file unreadable; the normalize stage removes such characters
/// from cleaned text, so this only guards against a stage switched off. CR, and tab and LF inside
/// attributes, are written as character references, since a parser would otherwise normalise them away.
pub fn escape_into(out: &mut String, text: &str, in_attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => out.push_str("&#13;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// `text` escaped for text content.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, false);
    out
}

/// `text` escaped for an attribute value.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, true);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape_text(r#"a<b & "c" 'd' ]]> e"#),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39; ]]&gt; e"
        );
    }

    #[test]
    fn characters_xml_cannot_hold_become_replacement_characters() {
        assert_eq!(
            escape_text("a\u{0}b\u{1b}c\u{FFFE}d"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"
        );
        // Chinese, astral characters and tabs pass through.
        assert_eq!(escape_text("中文\t𠀀"), "中文\t𠀀");
    }

    #[test]
    fn line_breaks_survive_attribute_normalisation() {
        assert_eq!(escape_attr("a\nb\tc\rd"), "a&#10;b&#9;c&#13;d");
        assert_eq!(escape_text("a\nb\rc"), "a\nb&#13;c");
    }
}
