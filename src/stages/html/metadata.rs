//! Page metadata from the DOM: `<title>`, `<meta>` author, dates and description, Open Graph (`og:*`,
//! `article:*`), `<time datetime>`, JSON-LD (`datePublished`, `author`), the canonical URL and `<html lang>`.
//!
//! The order of preference within a field is the order of reliability seen on news sites: structured data the
//! publisher maintains for search engines first, then Open Graph, then plain `<meta>` names, then the first
//! `<time>` element. Imports only `dom.rs` and `serde_json`.

use super::dom::{collapse_space, HeadData};
use serde_json::Value;

/// Fields found, as (metadata.csv column, value), in a fixed order.
pub fn page_metadata(head: &HeadData) -> Vec<(&'static str, String)> {
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            head.metas
                .iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone())
        })
    };
    let ld = json_ld_fields(&head.json_ld);
    let mut out = Vec::new();
    let mut put = |field: &'static str, value: Option<String>| {
        if let Some(v) = value.map(|v| collapse_space(&v)).filter(|v| !v.is_empty()) {
            out.push((field, v));
        }
    };
    put(
        "title",
        meta(&["og:title", "twitter:title"]).or_else(|| Some(head.title.clone())),
    );
    put(
        "date",
        ld.date_published.clone().or_else(|| {
            meta(&[
                "article:published_time",
                "og:article:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish_date",
                "dc.date.issued",
                "dc.date",
                "date",
            ])
            .or_else(|| head.times.first().cloned())
        }),
    );
    put(
        "author",
        ld.author
            .clone()
            .or_else(|| meta(&["author", "article:author", "og:article:author", "byl"])),
    );
    put("site_name", meta(&["og:site_name", "application-name"]));
    put(
        "description",
        meta(&["description", "og:description", "twitter:description"]),
    );
    let url = if head.canonical.starts_with("http") {
        Some(head.canonical.clone())
    } else {
        meta(&["og:url"])
    };
    put("url", url);
    put("html_lang", Some(head.lang.clone()));
    out
}

#[derive(Default)]
struct LdFields {
    date_published: Option<String>,
    author: Option<String>,
}

/// `datePublished` and `author` of the first JSON-LD object that has them (arrays and `@graph` included).
fn json_ld_fields(blocks: &[String]) -> LdFields {
    let mut found = LdFields::default();
    for block in blocks {
        let Ok(value) = serde_json::from_str::<Value>(block.trim()) else {
            continue;
        };
        // Breadth-first over nested objects, bounded so a huge block costs little.
        let mut queue = vec![&value];
        let mut seen = 0;
        while let Some(v) = queue.pop() {
            seen += 1;
            if seen > 200 {
                break;
            }
            match v {
                Value::Array(items) => queue.extend(items.iter().rev()),
                Value::Object(map) => {
                    if found.date_published.is_none() {
                        if let Some(Value::String(d)) = map.get("datePublished") {
                            found.date_published = Some(d.clone());
                        }
                    }
                    if found.author.is_none() {
                        found.author = map.get("author").and_then(author_names);
                    }
                    if let Some(graph) = map.get("@graph") {
                        queue.push(graph);
                    }
                }
                _ => {}
            }
        }
    }
    found
}

fn author_names(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::String(s) => vec![s.clone()],
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().filter_map(author_names).collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.trim().is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::super::dom::walk;
    use super::*;

    fn fields(html: &str) -> Vec<(&'static str, String)> {
        page_metadata(&walk(html).head)
    }

    #[test]
    fn json_ld_wins_over_meta_names() {
        let html = r#"<html lang="zh-CN"><head><title>T</title>
            <meta name="author" content="Meta Name">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
              "datePublished":"2021-05-01T08:00:00+08:00","author":[{"name":"李明"},{"name":"Ann"}]}]}</script>
            </head><body><p>x</p></body></html>"#;
        let got = fields(html);
        assert!(got.contains(&("date", "2021-05-01T08:00:00+08:00".to_string())));
        assert!(got.contains(&("author", "李明, Ann".to_string())));
        assert!(got.contains(&("html_lang", "zh-CN".to_string())));
    }

    #[test]
    fn open_graph_and_time_fill_in() {
        let html = r#"<head><meta property="og:title" content="Headline">
            <link rel="canonical" href="https://example.org/a"></head>
            <body><time datetime="2020-01-02">Jan 2</time><p>x</p></body>"#;
        let got = fields(html);
        assert!(got.contains(&("title", "Headline".to_string())));
        assert!(got.contains(&("date", "2020-01-02".to_string())));
        assert!(got.contains(&("url", "https://example.org/a".to_string())));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let got =
            fields(r#"<script type="application/ld+json">{"datePublished": </script><p>x</p>"#);
        assert!(!got.iter().any(|(f, _)| *f == "date"));
    }
}
