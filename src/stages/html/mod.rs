//! HTML input: a page reduced to its text lines, its main content marked, and its metadata read from the DOM.
//!
//! What lives where:
//! * `dom.rs`: the HTML5 parse (html5ever through `scraper`) walked into visible text lines, each with the
//!   element it sits in; `<br>` and block elements break lines, a table row is a line, ruby annotations and
//!   invisible elements are dropped; the raw head data (`<title>`, `<meta>`, JSON-LD, `<time>`);
//! * `content.rs`: which lines are main content, from DOM evidence (tags, class and id names, link and text
//!   density, position);
//! * `metadata.rs`: title, date, author, site name, description, URL and language from the head;
//! * `prescan.rs`: script and style bodies emptied before parsing (half a news page's bytes, no text).
//!
//! The page's lines are the document's raw lines: the `<title>` first, then every visible line in document
//! order, so `rejected.jsonl` can name each line that extraction removed by its number. The kept lines then
//! go through the same stages as a text file (mojibake, normalisation, boilerplate, …). Decoding the bytes
//! (BOM, HTTP and `<meta>` charset, then detection) is the decode stage's.
//!
//! Imports only the bottom layers, `scraper`, `regex` and `serde_json`.

mod content;
mod dom;
mod metadata;
mod prescan;

pub use content::{CAPTION, LINK_LIST, OUTSIDE_MAIN, PAGE_CHROME};

/// The stage name in `rejected.jsonl`.
pub const STAGE: &str = "html";

/// A page after extraction.
#[derive(Debug, Clone, Default)]
pub struct ExtractedPage {
    /// The page's text lines, one per line (LF): the `<title>` first, then every visible line.
    pub text: String,
    /// 1-based numbers of the lines of `text` that extraction removed, with the reason.
    pub removed: Vec<(usize, &'static str)>,
    /// Metadata found in the DOM, as (metadata.csv column, value); `title` among them.
    pub fields: Vec<(&'static str, String)>,
}

/// Extract the lines, main content and metadata of an HTML page.
pub fn extract(html: &str) -> ExtractedPage {
    let walked = dom::walk(html);
    let verdicts = content::select(&walked);
    let mut page = ExtractedPage {
        fields: metadata::page_metadata(&walked.head),
        ..ExtractedPage::default()
    };
    let mut number = 0;
    let mut push = |page: &mut ExtractedPage, text: &str, removed: Option<&'static str>| {
        // Other line separators would change the numbering further on; they are spaces here.
        let text: String = text
            .chars()
            .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
            .collect();
        page.text.push_str(&text);
        page.text.push('\n');
        number += 1;
        if let Some(reason) = removed {
            page.removed.push((number, reason));
        }
    };
    if !walked.head.title.is_empty() {
        push(&mut page, &walked.head.title, None);
    }
    for (line, verdict) in walked.lines.iter().zip(verdicts) {
        push(&mut page, &line.text, verdict);
    }
    page
}

/// Whether bytes look like an HTML page (for payloads and files that do not say): a doctype or an `<html>`,
/// `<head>` or `<body>` tag near the start.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn navigation_outside_the_article_is_removed_with_a_reason() {
        let para =
            "这是一段足够长的正文，包含多个分句，用来说明文章的主体内容在哪里，读者会从头读到尾。";
        let html = format!(
            "<html><head><title>标题 - 网站</title></head><body>\
             <nav><a href='/'>首页</a> <a href='/n'>新闻</a></nav>\
             <div class='article'><h1>标题</h1><p>{para}</p><p>{para}</p><p>{para}</p></div>\
             <div class='footer'>版权所有</div></body></html>"
        );
        let page = extract(&html);
        let lines: Vec<&str> = page.text.lines().collect();
        assert_eq!(lines[0], "标题 - 网站");
        let removed: Vec<&str> = page.removed.iter().map(|(n, _)| lines[n - 1]).collect();
        assert!(removed.contains(&"首页 新闻"), "{removed:?}");
        assert!(removed.contains(&"版权所有"), "{removed:?}");
        assert!(!removed.contains(&para), "{removed:?}");
        assert!(!removed.contains(&"标题"), "{removed:?}");
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html(b"\n<!DOCTYPE html><p>x"));
        assert!(!looks_like_html(b"plain text with a < sign"));
    }
}
