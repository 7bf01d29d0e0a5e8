//! A byte-level pass before parsing that empties `<script>` and `<style>` elements, which hold half the bytes
//! of a typical news page and none of its text, and inline `<svg>` and `<math>` (another tenth, drawn, not
//! read: the walk skips them): the HTML5 tokenizer would walk them character by character for nothing. The
//! elements stay (empty), so the parsed tree is the same apart from their content. A nested `<svg>` is cut
//! at its first `</svg>`: the rest of the outer one stays, which is still only drawing.
//!
//! It follows the tokenizer just enough to find real start tags: comments, doctype and end tags are
//! skipped whole, quoted attribute values may hold `>` or `<script`, and the raw-text and RCDATA elements
//! (`<title>`, `<textarea>`, `<xmp>`, `<noembed>`, `<noframes>`) are skipped to their end tag. A script
//! whose body holds `<!--` is left alone (the tokenizer's escaped states could carry it past `</script>`),
//! and so is a JSON-LD block, which `metadata.rs` reads. After `<plaintext>`, nothing is changed.
//!
//! Imports nothing from the crate; `memchr` does the byte search.

/// `html` with the content of its `<script>`, `<style>`, `<svg>` and `<math>` elements removed (`None`:
/// nothing to remove).
pub fn empty_scripts_and_styles(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let lt = at + offset;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            at = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest
            .first()
            .is_some_and(|b| matches!(b, b'!' | b'?' | b'/'))
        {
            at = find(bytes, lt + 1, b">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|b| !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
            .count();
        // Lower-cased on the stack: every name that matters here is short.
        let mut lower = [0u8; 10];
        let name: &[u8] = match rest.get(..name_len).filter(|n| n.len() <= lower.len()) {
            Some(raw) => {
                for (d, s) in lower.iter_mut().zip(raw) {
                    *d = s.to_ascii_lowercase();
                }
                &lower[..name_len]
            }
            None => b"",
        };
        let Some(tag_end) = end_of_tag(bytes, lt + 1 + name_len) else {
            break;
        };
        let tag = &bytes[lt..tag_end];
        let body_start = tag_end;
        match name {
            b"plaintext" => break,
            b"script" | b"style" | b"svg" | b"math" => {
                let Some(close) = find_end_tag(bytes, body_start, name) else {
                    break;
                };
                let body = &bytes[body_start..close];
                let keep =
                    name == b"script" && (find(body, 0, b"<!--").is_some() || is_json_ld(tag));
                if !keep && close > body_start {
                    cuts.push((body_start, close));
                }
                at = close;
            }
            b"title" | b"textarea" | b"xmp" | b"noembed" | b"noframes" => {
                at = find_end_tag(bytes, body_start, name).unwrap_or(bytes.len());
            }
            _ => at = body_start,
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cuts {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Some(out)
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', bytes)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// The offset just past the `>` that ends a start tag whose attributes begin at `from`, honouring quotes.
fn end_of_tag(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            // A quote opens a value only after `=` (possibly with spaces); elsewhere it is part of a name.
            None if (b == b'"' || b == b'\'') && preceded_by_equals(bytes, from, i) => {
                quote = Some(b)
            }
            None if b == b'>' => return Some(i + 1),
            None => {}
        }
        i += 1;
    }
    None
}

fn preceded_by_equals(bytes: &[u8], from: usize, i: usize) -> bool {
    bytes[from..i]
        .iter()
        .rev()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'=')
}

/// The offset of the `</name` (case-insensitive, followed by white space, `/` or `>`) that ends a raw-text
/// element whose body starts at `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(p) = find(bytes, at, b"</") {
        let after = p + 2;
        let candidate = bytes.get(after..after + name.len())?;
        if candidate.eq_ignore_ascii_case(name)
            && bytes
                .get(after + name.len())
                .is_some_and(|b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        {
            return Some(p);
        }
        at = p + 2;
    }
    None
}

fn is_json_ld(tag: &[u8]) -> bool {
    tag.to_ascii_lowercase()
        .windows(b"ld+json".len())
        .any(|w| w == b"ld+json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawings_are_emptied_too() {
        assert_eq!(
            empty_scripts_and_styles(
                "<p>a</p><svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg><p>b</p>"
            )
            .as_deref(),
            Some("<p>a</p><svg viewBox=\"0 0 1 1\"></svg><p>b</p>")
        );
    }

    #[test]
    fn script_and_style_bodies_are_emptied() {
        let html = "<p>a</p><script type=\"text/javascript\">if (a < b) { x = '</p>'; }</script>\
                    <STYLE>p > b { }</STYLE ><p>b</p>";
        assert_eq!(
            empty_scripts_and_styles(html).as_deref(),
            Some("<p>a</p><script type=\"text/javascript\"></script><STYLE></STYLE ><p>b</p>")
        );
    }

    #[test]
    fn lookalikes_are_left_alone() {
        for html in [
            "<!-- <script>x</script> --><p>t</p>",
            "<a title=\"<script>\">x</a>",
            "<title><script>x</script></title>",
            "<textarea><style>x</style></textarea>",
            "<script>document.write('<!--'); x</script>",
            "<script type=\"application/ld+json\">{\"a\": 1}</script>",
            "<p>no scripts</p>",
        ] {
            assert_eq!(empty_scripts_and_styles(html), None, "{html}");
        }
    }

    #[test]
    fn unterminated_input_is_not_a_panic() {
        for html in ["<script>never closed", "<p title=\"open", "<", "<!--", "<a"] {
            let _ = empty_scripts_and_styles(html);
        }
    }
}
