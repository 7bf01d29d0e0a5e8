//! The DOM walk: an HTML5 parse (html5ever, through `scraper`) flattened into the page's visible text lines,
//! each remembering the element it sits in, plus the raw metadata the head carries.
//!
//! Lines are what a browser would break: `<br>` and every block element end a line, a table row is one line
//! (its cells joined by a space), `<pre>` keeps its own line breaks. Text that is never shown is not a line:
//! scripts, styles, `<template>`, form controls, hidden elements, and ruby annotations (`<rt>`, `<rp>`,
//! dropped here so that `數(shù)` never forms). The walk is iterative, so a pathologically deep page cannot
//! overflow the stack.
//!
//! Imports `prescan.rs`, `scraper`/`ego-tree` and the character classes; `content.rs` scores what this file measures.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// One element of the page, in document order.
#[derive(Debug, Clone)]
pub struct Element {
    pub parent: Option<usize>,
    pub tag: Tag,
    /// Lower-cased `class` and `id`, space-separated (what the class-name signals read).
    pub names: String,
    /// Visible characters inside, and those inside links (filled in after the walk).
    pub chars: usize,
    pub link_chars: usize,
}

/// What the extractor needs to know about a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Paragraph-like blocks whose parent is the natural content container.
    Para,
    /// Containers that may hold a whole article (div, section, article, main, td, body…).
    Container,
    /// Page furniture by its own name: nav, header, footer, aside, menu, form.
    Chrome,
    /// An image caption (`<figcaption>`).
    Caption,
    Heading(u8),
    ListItem,
    Link,
    /// Any other (inline) element.
    Inline,
}

/// One visible line of text.
#[derive(Debug, Clone)]
pub struct TextLine {
    pub text: String,
    /// The innermost block element holding the line.
    pub block: usize,
    pub chars: usize,
    pub link_chars: usize,
    /// Text units: a Han character or kana counts as much as about three Latin letters.
    pub units: f64,
}

/// A `<meta>` tag, a `<time datetime>`, a JSON-LD block: raw material for `metadata.rs`.
#[derive(Debug, Clone, Default)]
pub struct HeadData {
    pub title: String,
    /// (name or property, lower-cased; content).
    pub metas: Vec<(String, String)>,
    pub json_ld: Vec<String>,
    pub times: Vec<String>,
    pub canonical: String,
    pub lang: String,
}

/// The walked page.
#[derive(Debug, Clone, Default)]
pub struct Walked {
    pub elements: Vec<Element>,
    pub lines: Vec<TextLine>,
    pub head: HeadData,
}

fn classify(name: &str) -> Option<Tag> {
    Some(match name {
        "p" | "pre" | "blockquote" | "dd" | "dt" | "address" | "caption" | "summary" | "legend"
        | "center" => Tag::Para,
        "figcaption" => Tag::Caption,
        "div" | "section" | "article" | "main" | "body" | "html" | "td" | "th" | "table"
        | "tbody" | "thead" | "tfoot" | "tr" | "ul" | "ol" | "dl" | "figure" | "details"
        | "fieldset" | "hgroup" | "dialog" | "font" => Tag::Container,
        "nav" | "header" | "footer" | "aside" | "menu" | "form" => Tag::Chrome,
        "h1" => Tag::Heading(1),
        "h2" => Tag::Heading(2),
        "h3" => Tag::Heading(3),
        "h4" => Tag::Heading(4),
        "h5" => Tag::Heading(5),
        "h6" => Tag::Heading(6),
        "li" => Tag::ListItem,
        "a" => Tag::Link,
        _ => return None,
    })
}

/// Elements that end the current line where they open and close. `font` is a container only as a
/// fallback class above; it is inline for line breaking.
fn breaks_line(name: &str, tag: Tag) -> bool {
    match tag {
        Tag::Link | Tag::Inline => matches!(name, "hr"),
        Tag::Container => !matches!(name, "font" | "td" | "th"),
        _ => true,
    }
}

/// Elements whose content is never shown as text.
fn is_invisible(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "select"
            | "option"
            | "datalist"
            | "textarea"
            | "input"
            | "rt"
            | "rp"
            | "head"
            | "title"
            | "map"
    )
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// Class tokens that name what a post is about, not what the element is: WordPress's post classes
/// (`tag-wework`, `category-business`, `post-2551586`, `format-standard`…) would otherwise read as furniture
/// (`tag`) or as content (`post`) on any element that carries them.
fn is_taxonomy_token(token: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "tag-",
        "category-",
        "post-",
        "type-",
        "status-",
        "format-",
        "has-",
        "author-",
        "postid-",
    ];
    PREFIXES
        .iter()
        .any(|p| token.starts_with(p) && token.len() > p.len())
}

/// The line being built.
#[derive(Default)]
struct Pending {
    text: String,
    link_chars: usize,
    block: usize,
    /// A space is owed before the next non-space text (collapsed white space).
    space: bool,
}

struct Walker {
    out: Walked,
    pending: Pending,
    /// Open elements (indices into `out.elements`), innermost last, with whether they are blocks.
    open: Vec<(usize, bool)>,
    /// Depth inside invisible elements, inside links, inside `<pre>`.
    invisible: usize,
    in_link: usize,
    in_pre: usize,
}

impl Walker {
    fn current_block(&self) -> usize {
        self.open
            .iter()
            .rev()
            .find(|(_, block)| *block)
            .map_or(0, |(i, _)| *i)
    }

    fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let text = pending.text.trim();
        if text.is_empty() {
            return;
        }
        let (mut chars, mut cjk) = (0usize, 0usize);
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            chars += 1;
            if crate::text::is_han(c) || ('\u{3040}'..='\u{30ff}').contains(&c) {
                cjk += 1;
            }
        }
        self.out.lines.push(TextLine {
            text: text.to_string(),
            block: pending.block,
            chars,
            link_chars: pending.link_chars.min(chars),
            units: (chars - cjk) as f64 + 3.0 * cjk as f64,
        });
    }

    fn push_text(&mut self, text: &str) {
        if self.in_pre > 0 {
            let mut first = true;
            for piece in text.split('\n') {
                if !first {
                    self.flush();
                }
                first = false;
                self.append(piece.trim_end_matches('\r'), false);
            }
        } else {
            self.append(text, true);
        }
    }

    fn append(&mut self, text: &str, collapse: bool) {
        if self.pending.text.is_empty() {
            self.pending.block = self.current_block();
        }
        let mut added = 0usize;
        if !collapse {
            self.pending.text.push_str(text);
            added = text.chars().filter(|c| !c.is_whitespace()).count();
        } else {
            // Runs of non-space text are copied whole; ASCII white space between them becomes one space.
            if text.starts_with(|c: char| c.is_ascii_whitespace()) {
                self.pending.space = true;
            }
            for word in text.split_ascii_whitespace() {
                if self.pending.space && !self.pending.text.is_empty() {
                    self.pending.text.push(' ');
                }
                self.pending.text.push_str(word);
                added += word.chars().filter(|c| !c.is_whitespace()).count();
                self.pending.space = true;
            }
            self.pending.space = text.ends_with(|c: char| c.is_ascii_whitespace())
                || (self.pending.space && text.split_ascii_whitespace().next().is_none());
        }
        if self.in_link > 0 {
            self.pending.link_chars += added;
        }
    }
}

/// Parse `html` and walk it into lines and head data.
pub fn walk(html: &str) -> Walked {
    let emptied = super::prescan::empty_scripts_and_styles(html);
    let document = Html::parse_document(emptied.as_deref().unwrap_or(html));
    let mut w = Walker {
        out: Walked::default(),
        pending: Pending::default(),
        open: Vec::new(),
        invisible: 0,
        in_link: 0,
        in_pre: 0,
    };
    // Element 0 stands for the document itself, so every line has a block.
    w.out.elements.push(Element {
        parent: None,
        tag: Tag::Container,
        names: String::new(),
        chars: 0,
        link_chars: 0,
    });
    w.open.push((0, true));
    let mut in_title = false;
    let mut title_seen = false;
    let mut in_json_ld = false;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    read_head_element(&mut w.out.head, name, el);
                    // The page title is the first <title>; an SVG's own <title> later on is not it.
                    if name == "title" && !title_seen {
                        in_title = true;
                        title_seen = true;
                    }
                    if name == "script"
                        && el
                            .attr("type")
                            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                    {
                        in_json_ld = true;
                        w.out.head.json_ld.push(String::new());
                    }
                    if w.invisible > 0 || is_invisible(name) || is_hidden(el) {
                        w.invisible += 1;
                        continue;
                    }
                    if name == "br" {
                        w.flush();
                        continue;
                    }
                    let tag = classify(name).unwrap_or(Tag::Inline);
                    let block = breaks_line(name, tag);
                    if block {
                        w.flush();
                    } else if matches!(name, "td" | "th") && !w.pending.text.is_empty() {
                        w.pending.space = true;
                    }
                    let mut names = String::new();
                    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
                        for token in value.split_ascii_whitespace() {
                            let token = token.to_ascii_lowercase();
                            if !is_taxonomy_token(&token) {
                                names.push_str(&token);
                                names.push(' ');
                            }
                        }
                    }
                    let parent = w.open.last().map(|(i, _)| *i);
                    w.out.elements.push(Element {
                        parent,
                        tag,
                        names,
                        chars: 0,
                        link_chars: 0,
                    });
                    let index = w.out.elements.len() - 1;
                    w.open.push((index, block));
                    if tag == Tag::Link {
                        w.in_link += 1;
                    }
                    if name == "pre" || name == "textarea" {
                        w.in_pre += 1;
                    }
                }
                Node::Text(text) => {
                    if in_title {
                        w.out.head.title.push_str(text);
                    } else if in_json_ld {
                        if let Some(last) = w.out.head.json_ld.last_mut() {
                            last.push_str(text);
                        }
                    } else if w.invisible == 0 {
                        w.push_text(text);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                if name == "title" {
                    in_title = false;
                }
                if name == "script" {
                    in_json_ld = false;
                }
                if w.invisible > 0 {
                    w.invisible -= 1;
                    continue;
                }
                if name == "br" {
                    continue;
                }
                let Some((index, block)) = w.open.pop() else {
                    continue;
                };
                if block || name == "tr" {
                    w.flush();
                }
                if w.out.elements[index].tag == Tag::Link {
                    w.in_link = w.in_link.saturating_sub(1);
                }
                if name == "pre" {
                    w.in_pre = w.in_pre.saturating_sub(1);
                }
            }
        }
    }
    w.flush();
    let mut out = w.out;
    // Character counts per element, summed up the ancestor chain.
    for line in &out.lines {
        let mut at = Some(line.block);
        while let Some(i) = at {
            out.elements[i].chars += line.chars;
            out.elements[i].link_chars += line.link_chars;
            at = out.elements[i].parent;
        }
    }
    out.head.title = collapse_space(&out.head.title);
    out
}

fn read_head_element(head: &mut HeadData, name: &str, el: &scraper::node::Element) {
    match name {
        "meta" => {
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"));
            if let (Some(key), Some(content)) = (key, el.attr("content")) {
                let content = collapse_space(content);
                if !content.is_empty() {
                    head.metas.push((key.trim().to_ascii_lowercase(), content));
                }
            }
        }
        "time" => {
            if let Some(when) = el.attr("datetime") {
                head.times.push(when.trim().to_string());
            }
        }
        "link" => {
            let canonical = el
                .attr("rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
            if canonical && head.canonical.is_empty() {
                if let Some(href) = el.attr("href") {
                    head.canonical = href.trim().to_string();
                }
            }
        }
        "html" => {
            if let Some(lang) = el.attr("lang") {
                head.lang = lang.trim().to_string();
            }
        }
        _ => {}
    }
}

pub fn collapse_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        walk(html).lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn blocks_and_breaks_end_lines() {
        let got = lines("<body><div>one<br>two<p>three <b>bold</b></p>four</div></body>");
        assert_eq!(got, vec!["one", "two", "three bold", "four"]);
    }

    #[test]
    fn table_row_is_one_line() {
        let got = lines("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>");
        assert_eq!(got, vec!["a b", "c"]);
    }

    #[test]
    fn invisible_text_and_ruby_are_not_lines() {
        let html = "<head><title>T</title><style>p{}</style></head><body><script>x=1</script>\
                    <p>数<rp>(</rp><rt>shù</rt><rp>)</rp>字</p><div hidden>h</div>\
                    <p style='display: none'>n</p></body>";
        let walked = walk(html);
        let got: Vec<_> = walked.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(got, vec!["数字"]);
        assert_eq!(walked.head.title, "T");
    }

    #[test]
    fn pre_keeps_its_line_breaks() {
        assert_eq!(lines("<pre>a  b\nc</pre>"), vec!["a  b", "c"]);
    }

    #[test]
    fn link_characters_are_counted() {
        let walked = walk("<p>see <a href='x'>this link</a></p>");
        assert_eq!(walked.lines[0].chars, 11);
        assert_eq!(walked.lines[0].link_chars, 8);
    }
}
