//! What names say about pairs: pairs the user declared (`align.pairs`, and `NAME.<lang>` ids with
//! `pair_by_name`), and the layout key of a document (its id or `url` with every language marker removed),
//! under which `zh/x` and `en/x`, `x_zh` and `x_en`, or `https://site/en/x` and `https://site/zh/x` meet.
//!
//! Imports only the `[align]` section and the document shape of `mod.rs`'s callers (ids, languages, urls).

use std::collections::{BTreeMap, BTreeSet};

use super::super::config::AlignConfig;
use crate::text::Lang;

/// Pairs the user declared, as document indices, each document in at most one: first `align.pairs` in
/// the order written, then (with `pair_by_name`) ids `NAME.<lang>` sharing NAME with two different
/// languages, in id order. A name shared by more than two documents is ambiguous and pairs nothing.
pub(super) fn declared_pairs<'a>(
    cfg: &AlignConfig,
    ids: impl Iterator<Item = &'a str> + Clone,
) -> Vec<(usize, usize)> {
    let index: BTreeMap<&str, usize> = ids.clone().enumerate().map(|(i, d)| (d, i)).collect();
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    let mut take = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        if a != b && !used.contains(&a) && !used.contains(&b) {
            used.insert(a);
            used.insert(b);
            out.push((a, b));
        }
    };
    for pair in &cfg.pairs {
        if let (Some(&a), Some(&b)) = (index.get(pair.src.as_str()), index.get(pair.tgt.as_str())) {
            take(a, b, &mut out);
        }
    }
    if cfg.pair_by_name {
        let mut by_name: BTreeMap<&str, Vec<(usize, &str)>> = BTreeMap::new();
        for (i, id) in ids.enumerate() {
            if let Some((name, code)) = id
                .rsplit_once('.')
                .filter(|(n, c)| !n.is_empty() && is_lang_code(c))
            {
                by_name.entry(name).or_default().push((i, code));
            }
        }
        for group in by_name.values() {
            if let [(a, code_a), (b, code_b)] = group.as_slice() {
                // `zh` and `zh-Hant` are one language in two scripts, not a translation.
                let base = |c: &str| {
                    c.split(['-', '_'])
                        .next()
                        .map(str::to_ascii_lowercase)
                        .unwrap_or_default()
                };
                if base(code_a) != base(code_b) {
                    take(*a, *b, &mut out);
                }
            }
        }
    }
    out
}

/// A file-name language marker: `zh`, `en` and their variants (`zh-Hant`, `eng`), or any two-letter code
/// (`de`, `fr`). Anything longer (`final`, `v2`) is part of the name, not a language.
pub(super) fn is_lang_code(code: &str) -> bool {
    matches!(Lang::from_code(code), Some(Lang::Zh | Lang::En))
        || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Parts of a name or url that only say which language or format a document is in.
const MARKERS: [&str; 22] = [
    "zh", "en", "cn", "chs", "cht", "tw", "hk", "hans", "hant", "eng", "english", "chinese", "txt",
    "html", "htm", "zh-cn", "zh-tw", "zh-hk", "zh-hans", "zh-hant", "en-us", "en-gb",
];

/// The id with every language marker removed from its folders and file name, so that translations laid out
/// side by side (`zh/012` / `en/012`, `news_0012.zh` / `news_0012.en`) share it.
pub fn id_stem(id: &str) -> String {
    let lower = id.to_lowercase();
    let (dir, base) = lower.rsplit_once('/').unwrap_or(("", &lower));
    let keep = |p: &&str| !p.is_empty() && !MARKERS.contains(p);
    let file: Vec<&str> = base.split(['.', '_', '-']).filter(keep).collect();
    let dirs: Vec<&str> = dir.split(['/', '.', '_', '-']).filter(keep).collect();
    format!("{}|{}", dirs.join("/"), file.join("_"))
}

/// A url with its language markers removed: the scheme, `www.`, a language subdomain (`en.`, `zh.`), path
/// segments and name parts that are markers (`/en/`, `/zh-cn/`, `_en.html`), and query parameters that
/// choose a language (`lang=`, `hl=`, `locale=`) or are empty. `None` when it is no http(s) url.
pub fn url_stem(url: &str) -> Option<String> {
    let lower = url.trim().to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let rest = rest.split('#').next().unwrap_or(rest);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = path.split_once('/').unwrap_or((path, ""));
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host_parts: Vec<&str> = host.split('.').collect();
    let host = match host_parts.split_first() {
        Some((first, others)) if others.len() >= 2 && MARKERS.contains(first) => others.join("."),
        _ => host.to_string(),
    };
    let keep = |p: &&str| !p.is_empty() && !MARKERS.contains(p);
    let segments: Vec<String> = path
        .split('/')
        .filter(keep)
        .map(|seg| {
            seg.split(['.', '_', '-'])
                .filter(keep)
                .collect::<Vec<_>>()
                .join("_")
        })
        .filter(|seg| !seg.is_empty())
        .collect();
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !p.is_empty() && !matches!(key, "lang" | "language" | "hl" | "locale" | "lc")
        })
        .collect();
    params.sort_unstable();
    Some(format!(
        "{host}/{}?{}",
        segments.join("/"),
        params.join("&")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_language_markers() {
        assert_eq!(id_stem("news_0012.zh.txt"), id_stem("news_0012.en.txt"));
        assert_eq!(id_stem("zh/012"), id_stem("en/012"));
        assert_eq!(id_stem("site/zh-cn/about"), id_stem("site/en/about"));
        assert_ne!(id_stem("news_0012.zh"), id_stem("news_0013.en"));
        assert_ne!(id_stem("a/zh/x"), id_stem("b/en/x"));
    }

    #[test]
    fn urls_meet_without_their_language_part() {
        let same = |a: &str, b: &str| {
            let (x, y) = (url_stem(a), url_stem(b));
            x.is_some() && x == y
        };
        assert!(same(
            "https://www.gov.cn/zh/news/2024/0512.html",
            "http://gov.cn/en/news/2024/0512.html"
        ));
        assert!(same(
            "https://en.example.org/story/42",
            "https://zh.example.org/story/42"
        ));
        assert!(same(
            "https://example.org/story?id=42&lang=en",
            "https://example.org/story?lang=zh&id=42"
        ));
        assert!(same(
            "https://example.org/p/about_en.html",
            "https://example.org/p/about_zh.html"
        ));
        assert!(!same(
            "https://example.org/story/42",
            "https://example.org/story/43"
        ));
        // `en` as the site's own name is not a language subdomain when it is all there is.
        assert!(!same("https://en.org/a", "https://zh.org/a"));
        assert_eq!(url_stem("not a url"), None);
    }

    #[test]
    fn language_codes() {
        assert!(
            is_lang_code("zh")
                && is_lang_code("en")
                && is_lang_code("zh-Hant")
                && is_lang_code("de")
        );
        assert!(!is_lang_code("final") && !is_lang_code("v2") && !is_lang_code(""));
    }
}
