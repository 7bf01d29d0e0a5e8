//! Metadata lines: dates, sources, authors, editors, view counts and original titles, written as `key:
//! value` fields, bare datelines (`Reuters November 18, 2019`), bylines (`By Jane Smith`, `记者 张三`) or a
//! byline parenthesis at the end of a paragraph. The patterns live here with their parser; like the chrome
//! patterns, each is anchored or length-guarded by its caller so that words inside real prose do not fire.
//!
//! Imports `features.rs` and `patterns.rs` only.

use super::features::units;
use super::patterns::re;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static RE_ORIG_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*[（(]?\s*(?:原[标標][题題]|original title)\s*[:：]\s*(.+?)\s*[)）]?\s*$")
});
/// Byline parenthesis at the end of a paragraph: `(作者:…)`, `（来源：…）`, `(Source: …)`.
pub(super) static RE_BYLINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)[（(]\s*(作者|撰文|撰稿|文|记者|記者|通讯员|通訊員|来源|來源|稿源|责任编辑|責任編輯|编辑|編輯|图|圖|摄影|攝影|author|by|source|editor|reporter)\s*[:：|｜]\s*([^()（）]{1,60}?)\s*[)）]\s*$",
    )
});
/// `key: value` metadata fields. CJK keys need no word boundary; Latin keys do.
pub(super) static RE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(发布时间|發佈時間|發布時間|发表时间|發表時間|更新时间|更新時間|发布日期|發布日期|时间|時間|日期|來源|来源|稿源|出处|出處|责任编辑|責任編輯|编辑|編輯|作者|撰文|记者|記者|浏览次数|瀏覽次數|浏览量|瀏覽量|阅读量|閱讀量|阅读|閱讀|点击数|點擊數|点击量|點擊量|点击|點擊|人气|人氣|(?-u:\b)responsible editor(?-u:\b)|(?-u:\b)edited by(?-u:\b)|(?-u:\b)editor(?-u:\b)|(?-u:\b)edit(?-u:\b)|(?-u:\b)source(?-u:\b)|(?-u:\b)author(?-u:\b)|(?-u:\b)writer(?-u:\b)|(?-u:\b)reporter(?-u:\b)|(?-u:\b)by(?-u:\b)|(?-u:\b)published(?-u:\b)|(?-u:\b)posted(?-u:\b)|(?-u:\b)updated(?-u:\b)|(?-u:\b)date(?-u:\b)|(?-u:\b)views(?-u:\b)|(?-u:\b)hits(?-u:\b))\s*[:：]\s*",
    )
});
static RE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号號]?(?:\s*[T ]?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?|\d{1,2}月\d{1,2}[日号號]|(?-u:\b)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|(?-u:\b)\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|(?-u:\b)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:utc|gmt|et|est|edt|pt|pst|bst|cet)(?-u:\b))?",
    )
});
pub(super) static RE_DATE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号號]|^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}",
    )
});
static RE_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?(?-u:\b)|星期[一二三四五六日天]|周[一二三四五六日]|週[一二三四五六日]",
    )
});
static RE_BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:by|written by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,|de|van|von))*)\s*$",
    )
});
static RE_REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\S{0,8}?(?:记者|記者|通讯员|通訊員)\s*[:：]?\s*(\S{2,4}(?:\s+\S{2,4}){0,3})$")
});

/// The result of parsing a line as metadata fields.
pub(super) struct Fields {
    pub(super) class: &'static str,
    pub(super) values: Vec<(&'static str, String)>,
}

fn field_name(key: &str) -> &'static str {
    let k = key.to_lowercase();
    match k.as_str() {
        "来源" | "來源" | "稿源" | "出处" | "出處" | "source" => "source",
        "作者" | "撰文" | "记者" | "記者" | "author" | "writer" | "reporter" | "by" => {
            "author"
        }
        "责任编辑" | "責任編輯" | "responsible editor" => "editor",
        "编辑" | "編輯" | "editor" | "edit" | "edited by" => "editor",
        "浏览次数" | "瀏覽次數" | "浏览量" | "瀏覽量" | "阅读量" | "閱讀量" | "阅读" | "閱讀"
        | "点击数" | "點擊數" | "点击量" | "點擊量" | "点击" | "點擊" | "人气" | "人氣"
        | "views" | "hits" => "views",
        _ => "date",
    }
}

/// Parse a whole line as metadata: `key: value` fields, bare dates and times, and at most a short
/// leftover (a name like `Reuters` next to a date). `None` when the line is anything else.
pub(super) fn parse_fields(line: &str) -> Option<Fields> {
    let t = line.trim();
    if t.chars().count() > 160 {
        return None;
    }
    if let Some(c) = RE_BY_LINE.captures(t) {
        if units(t) <= 10 {
            let v = c.get(1).map_or("", |m| m.as_str()).trim();
            return Some(Fields {
                class: "author",
                values: vec![("author", v.to_string())],
            });
        }
    }
    if let Some(c) = RE_REPORTER.captures(t) {
        let v = c.get(1).map_or("", |m| m.as_str()).trim();
        return Some(Fields {
            class: "author",
            values: vec![("author", v.to_string())],
        });
    }
    let keys: Vec<regex::Match> = RE_FIELD.find_iter(t).collect();
    let mut values: Vec<(&'static str, String)> = Vec::new();
    let mut leftover = String::new();
    let first_key_start = keys.first().map_or(t.len(), |m| m.start());
    leftover.push_str(t.get(..first_key_start).unwrap_or(""));
    for (i, m) in keys.iter().enumerate() {
        let key_text = m
            .as_str()
            .trim_end_matches(|c: char| c == ':' || c == '：' || c.is_whitespace());
        let name = field_name(key_text);
        let end = keys.get(i + 1).map_or(t.len(), |n| n.start());
        let raw = t.get(m.end()..end).unwrap_or("");
        let value = raw
            .trim()
            .trim_matches(|c: char| {
                matches!(c, '|' | '｜' | '·' | '/' | ',' | '，') || c.is_whitespace()
            })
            .to_string();
        if value.chars().count() > 60 {
            return None;
        }
        if name == "views" && !value.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        if name == "date" && !RE_DATE.is_match(&value) && !value.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        if !value.is_empty() {
            values.push((name, value));
        }
    }
    // Bare dates and times in the part before the first key.
    let mut dates = Vec::new();
    for m in RE_DATE.find_iter(&leftover) {
        dates.push(m.as_str().trim().to_string());
    }
    let rest = RE_DATE.replace_all(&leftover, " ");
    let rest = RE_WEEKDAY.replace_all(&rest, " ");
    let rest_units = units(&rest);
    let rest_text: String = rest
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    if !dates.is_empty() {
        values.insert(0, ("date", dates.join(" ")));
    }
    if values.is_empty() {
        return None;
    }
    // A short leftover next to a date is the outlet or author name (`Reuters November 18, 2019`).
    let allowed_rest = if dates.is_empty() { 0 } else { 3 };
    if rest_units > allowed_rest {
        return None;
    }
    if !rest_text.is_empty() && !dates.is_empty() {
        values.push(("source", rest_text));
    }
    let class = values.first().map_or("date", |v| v.0);
    Some(Fields { class, values })
}

pub(super) fn byline_field(key: &str) -> &'static str {
    match key.to_lowercase().as_str() {
        "来源" | "來源" | "稿源" | "source" => "source",
        "责任编辑" | "責任編輯" | "编辑" | "編輯" | "editor" => "editor",
        "图" | "圖" | "摄影" | "攝影" => "photo",
        _ => "author",
    }
}

/// White space runs (including NBSP and ideographic space) folded to one ASCII space, ends trimmed.
pub(super) fn collapse_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::classifier::LineClass;
    use super::super::testing::{run, ZH_BODY1};

    #[test]
    fn byline_parenthesis_is_trimmed_and_recorded() {
        let v = run(&[
            "标题在此",
            ZH_BODY1,
            "为世界和平发展贡献智慧和力量。(作者:某某研究院国际治理研究所)",
            "(原標題:《為世界和平發展貢獻智慧和力量》)",
        ]);
        assert_eq!(v[2].class, LineClass::Content);
        assert_eq!(v[2].text.as_deref(), Some("为世界和平发展贡献智慧和力量。"));
        assert_eq!(
            v[2].metadata,
            vec![("author", "某某研究院国际治理研究所".to_string())]
        );
        assert_eq!(v[3].class, LineClass::Metadata("original_title"));
        assert_eq!(v[3].metadata[0].1, "《為世界和平發展貢獻智慧和力量》");
    }

    #[test]
    fn editor_source_lines_and_separator_prefix() {
        let v = run(&[
            "A headline about roads",
            "2022-01-20",
            "*** *** *** At present, the cooperation on roads has become a consensus in the field, and many countries have joined it.",
            "Edit:Ming Wu    Responsible editor:Haoxuan Qi",
            "Source:example.cn",
            "Return to list",
            ">",
        ]);
        assert_eq!(v[1].class, LineClass::Metadata("date"));
        assert_eq!(v[2].class, LineClass::Content);
        assert_eq!(
            v[2].removed_spans,
            vec![("*** *** ***".to_string(), "separator")]
        );
        assert!(v[2]
            .text
            .as_deref()
            .is_some_and(|t| t.starts_with("At present")));
        assert_eq!(v[3].class, LineClass::Metadata("editor"));
        assert_eq!(
            v[3].metadata,
            vec![
                ("editor", "Ming Wu".to_string()),
                ("editor", "Haoxuan Qi".to_string())
            ]
        );
        assert_eq!(v[4].class, LineClass::Metadata("source"));
        assert_eq!(v[5].class, LineClass::Boilerplate("nav"));
        assert_eq!(v[6].class, LineClass::Boilerplate("separator"));
    }
}
