//! Rule 1 of the module header: everything decidable from one line alone. Builds each line's working
//! state, gives it a verdict from the fixed patterns (spam, tags, ICP, copyright, disclaimers, metadata
//! fields, share bars, contact blocks, navigation, teasers, captions, adverts, user patterns), and cuts
//! whole spans out of a kept line (an injected gambling anchor, a separator prefix, a byline parenthesis,
//! an advert tail).
//!
//! Imports the shared types of `classifier.rs`, `features.rs`, `metadata.rs`, `patterns.rs` and the
//! bottom layers (`crate::stages::spam`, `crate::text`).

use super::classifier::{line_key, BoilerplateClassifier, LineClass};
use super::features::{cut_off, ends_sentence, is_separator_line, label, units, Line};
use super::metadata::{byline_field, collapse_ws, parse_fields, RE_BYLINE_TAIL, RE_ORIG_TITLE};
use super::patterns::{
    CONTACT_LABELS, LOCATION_LABELS, NAV_PHRASES, NAV_PREFIXES, RE_CAPTION_LEAD, RE_CONTACT_KEY,
    RE_CONTACT_VALUE, RE_COPYRIGHT, RE_DISCLAIMER, RE_DISCLAIMER_BODY, RE_FOLLOW, RE_GENERATOR,
    RE_ICP, RE_LOGIN_PROMPT, RE_PHOTO_CREDIT, RE_READ_MORE, RE_SEPARATOR_PREFIX, RE_SHARE_LEAD,
    RE_TAGS, SOCIAL,
};
use crate::stages::spam;
use crate::text::is_han;

impl BoilerplateClassifier {
    /// Rule 1: everything decidable from the line alone.
    pub(super) fn patterns<'a>(&self, raw: &'a str) -> Line<'a> {
        let mut line = Line {
            raw,
            text: raw.trim().to_string(),
            trimmed: raw.trim().len() != raw.len(),
            class: LineClass::Content,
            spans: Vec::new(),
            meta: Vec::new(),
            units: 0,
            body: false,
            key: 0,
            protected: false,
            teaser_of_copy: false,
        };
        if self.cfg.detect_spam {
            // A gambling tag stuck onto a clean line (a headline) goes; the line is judged without it.
            if let Some((s, e)) = spam::bracketed_gambling_tag(&line.text) {
                let tag = line.text.get(s..e).unwrap_or("").to_string();
                let rest = format!(
                    "{}{}",
                    line.text.get(..s).unwrap_or(""),
                    line.text.get(e..).unwrap_or("")
                );
                line.spans.push((tag, "spam-gambling"));
                line.text = rest.trim().to_string();
                line.trimmed = true;
            }
        }
        let judged = line.text.clone();
        line.class = self.line_pattern(&judged, &mut line.meta);
        if line.class == LineClass::Content {
            self.trim_spans(&mut line);
        }
        line.units = units(&line.text);
        line.body = line.class == LineClass::Content && self.is_body(&line.text, line.units);
        line.key = line_key(&line.text);
        line
    }

    fn is_body(&self, text: &str, u: usize) -> bool {
        u >= self.cfg.body_long_units
            || (u >= self.cfg.body_min_units && ends_sentence(text) && !cut_off(text))
    }

    fn line_pattern(&self, raw: &str, meta: &mut Vec<(&'static str, String)>) -> LineClass {
        let t = raw.trim();
        if self.extra.iter().any(|r| r.is_match(t)) {
            return LineClass::Boilerplate("custom-pattern");
        }
        if is_separator_line(t) {
            return LineClass::Boilerplate("separator");
        }
        let u = units(t);
        if self.cfg.detect_spam {
            if spam::keyword_chain(t) {
                return LineClass::Spam("spam-seo");
            }
            if let Some(kind) = spam::vocab_spam(t) {
                return LineClass::Spam(kind);
            }
        }
        if u <= 80 && RE_TAGS.is_match(t) {
            return LineClass::Boilerplate("tags");
        }
        if u <= 80 && RE_ICP.is_match(t) {
            return LineClass::Boilerplate("icp");
        }
        if u <= 60 && RE_COPYRIGHT.is_match(t) {
            return LineClass::Boilerplate("copyright");
        }
        if u <= 40 && RE_GENERATOR.is_match(t) {
            return LineClass::Boilerplate("footer");
        }
        if RE_DISCLAIMER.is_match(t) || (u <= 150 && RE_DISCLAIMER_BODY.is_match(t)) {
            return LineClass::Boilerplate("disclaimer");
        }
        if let Some(c) = RE_ORIG_TITLE.captures(t) {
            let v = c.get(1).map_or("", |m| m.as_str());
            meta.push(("original_title", collapse_ws(v)));
            return LineClass::Metadata("original_title");
        }
        if u <= 40 {
            if let Some(f) = parse_fields(t) {
                meta.extend(f.values.into_iter().map(|(k, v)| (k, collapse_ws(&v))));
                return LineClass::Metadata(f.class);
            }
        }
        if let Some(c) = RE_BYLINE_TAIL.captures(t) {
            // A line that is only a byline parenthesis.
            if c.get(0).is_some_and(|m| m.start() == 0) {
                let key = c.get(1).map_or("", |m| m.as_str());
                let v = c.get(2).map_or("", |m| m.as_str()).trim().to_string();
                let f = byline_field(key);
                meta.push((f, v));
                return LineClass::Metadata(f);
            }
        }
        if is_share(t, u) {
            return LineClass::Boilerplate("share");
        }
        if is_contact(t, u) {
            return LineClass::Boilerplate("contact");
        }
        if is_nav(t, u) {
            return LineClass::Boilerplate("nav");
        }
        if RE_READ_MORE.is_match(t) {
            return LineClass::Boilerplate("teaser");
        }
        if u <= 40 && RE_PHOTO_CREDIT.is_match(t) {
            return LineClass::Boilerplate("caption");
        }
        if u <= 30 && RE_CAPTION_LEAD.is_match(t) {
            return LineClass::Boilerplate("caption");
        }
        if self.cfg.detect_ads {
            if let Some(cut) = spam::ad_tail(t) {
                // An advert spliced in and cut off mid-sentence is an intrusion block: when it makes up a third
                // or more of its paragraph, the sentences before it are its own lead-in, not article text.
                let truncated = !t
                    .trim_end()
                    .chars()
                    .rev()
                    .find(|c| !spam::is_closer(*c))
                    .is_some_and(spam::is_terminal);
                let head = t.get(..cut).map_or(0, |h| h.chars().count());
                let tail = t.get(cut..).map_or(0, |h| h.chars().count());
                if cut == 0 || (truncated && head < 2 * tail) {
                    return LineClass::Spam("ad");
                }
            }
        }
        LineClass::Content
    }

    /// Cut spans of a kept line: a gambling anchor injected into a sentence, a separator prefix, a byline
    /// parenthesis, an advert tail.
    fn trim_spans(&self, line: &mut Line) {
        if self.cfg.detect_spam {
            // At most a few anchors per line; each cut shortens the line.
            for _ in 0..4 {
                let Some((s, e)) = spam::injected_gambling_anchor(&line.text) else {
                    break;
                };
                let cut = line.text.get(s..e).unwrap_or("").to_string();
                let rest = format!(
                    "{}{}",
                    line.text.get(..s).unwrap_or(""),
                    line.text.get(e..).unwrap_or("")
                );
                line.spans.push((cut, "spam-gambling"));
                line.text = rest;
                line.trimmed = true;
            }
        }
        if let Some(m) = RE_SEPARATOR_PREFIX.find(&line.text) {
            let symbols = m.as_str().chars().filter(|c| !c.is_whitespace()).count();
            let rest = line.text.get(m.end()..).unwrap_or("").to_string();
            if symbols >= 3 && rest.chars().any(char::is_alphanumeric) {
                line.spans
                    .push((m.as_str().trim().to_string(), "separator"));
                line.text = rest;
                line.trimmed = true;
            }
        }
        if let Some(c) = RE_BYLINE_TAIL.captures(&line.text) {
            if let Some(whole) = c.get(0) {
                let before = line.text.get(..whole.start()).unwrap_or("").trim_end();
                if units(before) >= 1 {
                    let key = c.get(1).map_or("", |m| m.as_str());
                    let v = c.get(2).map_or("", |m| m.as_str()).trim().to_string();
                    let f = byline_field(key);
                    line.spans.push((whole.as_str().to_string(), "byline"));
                    line.meta.push((f, v));
                    line.text = before.to_string();
                    line.trimmed = true;
                }
            }
        }
        if self.cfg.detect_ads {
            if let Some(cut) = spam::ad_tail(&line.text) {
                if cut > 0 {
                    let tail = line.text.get(cut..).unwrap_or("").to_string();
                    let head = line.text.get(..cut).unwrap_or("").trim_end().to_string();
                    line.spans.push((tail, "ad"));
                    line.text = head;
                    line.trimmed = true;
                }
            }
        }
    }
}

/// Short items separated by `·`, `|`, `>`, `»`, `/` (spaced) or, for CJK menus, spaces.
fn is_breadcrumb(line: &str, u: usize) -> bool {
    if u > 30 || ends_sentence(line) {
        return false;
    }
    let items: Vec<&str> = line
        .split(['·', '|', '｜', '>', '»', '›', '•', '/', '\\', '※'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() >= 2 && items.iter().all(|s| units(s) <= 4) {
        return true;
    }
    // Chinese menus: several space-separated items of at most four Han characters each.
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 4
        && words.iter().all(|w| {
            let han = w.chars().filter(|c| is_han(*c)).count();
            (1..=4).contains(&han) && w.chars().count() <= 5
        })
}

/// Share bars: `分享:`, `分享到：微信 微博`, `Share this article`, a line of social network names.
fn is_share(line: &str, u: usize) -> bool {
    if u > 12 {
        return false;
    }
    let l = line.trim().to_lowercase();
    if RE_FOLLOW.is_match(&l) {
        return true;
    }
    let rest = match RE_SHARE_LEAD.find(&l) {
        Some(m) => l.get(m.end()..).unwrap_or(""),
        None => l.as_str(),
    };
    let lead = rest.len() != l.len();
    let tokens: Vec<&str> = rest
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '：' | '|' | '｜' | ',' | '，' | '/' | '·')
        })
        .filter(|s| !s.is_empty())
        .collect();
    let all_social = tokens.iter().all(|t| is_social_run(t));
    if lead {
        all_social
    } else {
        !tokens.is_empty() && all_social
    }
}

/// A share target, or several written together: normalisation removes the spaces between Han
/// characters, so `微信 微博 QQ空间` reaches this stage as `微信微博 QQ空间`.
fn is_social_run(token: &str) -> bool {
    let mut rest = token;
    while !rest.is_empty() {
        let longest = SOCIAL
            .iter()
            .filter(|name| rest.starts_with(*name))
            .map(|name| name.len())
            .max();
        match longest {
            Some(len) => rest = rest.get(len..).unwrap_or(""),
            None => return false,
        }
    }
    !token.is_empty()
}

/// Contact blocks: labelled address/phone/e-mail lines, form labels, lines that are mostly an address.
fn is_contact(line: &str, u: usize) -> bool {
    if u > 30 {
        return false;
    }
    let l = label(line);
    if CONTACT_LABELS.contains(&l.as_str()) {
        return true;
    }
    let stripped = line.trim().trim_start_matches(|c: char| {
        matches!(c, '•' | '·' | '-' | '*' | '●' | '■' | '◆' | '▪') || c.is_whitespace()
    });
    if RE_CONTACT_KEY.is_match(stripped) {
        return true;
    }
    // A line that is mostly e-mail addresses, URLs and phone numbers.
    if RE_CONTACT_VALUE.is_match(line) {
        let rest = RE_CONTACT_VALUE.replace_all(line, " ");
        return units(&rest) <= 2;
    }
    false
}

/// Navigation: a known phrase, a short line starting with a navigation prefix, or a breadcrumb.
fn is_nav(line: &str, u: usize) -> bool {
    if u > 30 {
        return false;
    }
    let l = label(line);
    if NAV_PHRASES.contains(&l.as_str()) {
        return true;
    }
    // A breadcrumb led by its label (`当前位置：首页 > 新闻中心 > 国内新闻`) may be long.
    if LOCATION_LABELS.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    if u <= 12 && NAV_PREFIXES.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    // The prompt in place of a reply box (`需要 登录 后方可回复`, `请登录后发表评论`).
    if u <= 20 && RE_LOGIN_PROMPT.is_match(line.trim()) {
        return true;
    }
    is_breadcrumb(line, u)
}

#[cfg(test)]
mod tests {
    use super::super::classifier::{BoilerplateConfig, LineClass};
    use super::super::testing::{classes, run, EN_BODY1, EN_BODY2, ZH_BODY1, ZH_BODY2};
    use super::*;

    #[test]
    fn footer_contact_copyright_icp_disclaimer() {
        let v = run(&[
            "Title of the story",
            EN_BODY1,
            EN_BODY2,
            "在线留言",
            "姓名",
            "Contact us",
            "Some Research Institute",
            "  • 地址:No.1 Example Road, Beijing",
            "  • 邮箱:someone@example.com",
            "Copyright © 2024 Some Research Institute All Rights Reserved.",
            "京ICP备12345678号",
            "免责声明：本站内容仅供学习交流使用，如有侵权请联系删除。",
        ]);
        let c = classes(&v);
        assert_eq!(c[3], LineClass::Boilerplate("contact"));
        assert_eq!(c[4], LineClass::Boilerplate("contact"));
        assert_eq!(c[5], LineClass::Boilerplate("contact"));
        assert_eq!(c[6], LineClass::Boilerplate("footer"));
        assert_eq!(c[7], LineClass::Boilerplate("contact"));
        assert_eq!(c[8], LineClass::Boilerplate("contact"));
        assert_eq!(c[9], LineClass::Boilerplate("copyright"));
        assert_eq!(c[10], LineClass::Boilerplate("icp"));
        assert_eq!(c[11], LineClass::Boilerplate("disclaimer"));
    }

    #[test]
    fn real_sentences_with_trigger_words_stay() {
        let lines = [
            "标题在此",
            ZH_BODY1,
            "用户点击链接后，页面会跳转到新的窗口，系统同时记录访问时间。",
            "Contact with the virus was limited to a small group of workers in the northern district last year.",
            "2022年7月12日，世界互联网大会在北京召开，来自多个国家的代表出席了会议并发表演讲。",
            "如果您有任何问题，可以向当地政府部门咨询，工作人员会在三个工作日内答复。",
            ZH_BODY2,
        ];
        let v = run(&lines);
        assert!(
            v[1..].iter().all(|x| x.class == LineClass::Content),
            "{v:?}"
        );
        assert!(v.iter().all(|x| x.removed_spans.is_empty()));
    }

    #[test]
    fn spam_footer_and_ad_tail() {
        let v = run(&[
            "标题在此",
            ZH_BODY1,
            "规划勾勒了未来蓝图。本课程将深入解读规划的背景，帮助您理解发展路径。通过",
            ZH_BODY2,
            "免费电影在线,免费电影在线高清,免费电影下载,免费电影排行,免费电影网站",
            "随着全球化进程的加快，各国在信息技术、数据管理、网络安全等领域的合作日益增强，数字领域国际合作不仅促进了技术的共享与知识的传播，也为全球经济的可持续发展提供了新的动力。本课程将深入解读规划，帮助您理解。通过",
        ]);
        // A short lead-in before a cut-off advert is part of the intrusion: the whole line goes.
        assert_eq!(v[2].class, LineClass::Spam("ad"));
        assert_eq!(v[4].class, LineClass::Spam("spam-seo"));
        // A long genuine paragraph loses only the advert spliced onto its end.
        assert_eq!(v[5].class, LineClass::Content);
        assert!(
            v[5].text
                .as_deref()
                .is_some_and(|t| t.ends_with("新的动力。")),
            "{:?}",
            v[5].text
        );
        assert_eq!(v[5].removed_spans[0].1, "ad");
    }

    #[test]
    fn share_bar_is_recognised_after_spaces_between_han_are_removed() {
        assert!(is_share("分享到：微信微博QQ空间", 8));
        assert!(is_share("分享到：微信 微博 QQ空间", 8));
        assert!(is_share("微信微博朋友圈", 7));
        assert!(!is_share("分享一个小技巧", 7));
        assert!(!is_share("微信支付", 4));
        assert!(is_social_run("新浪微博qq空间"));
        assert!(!is_social_run(""));
    }

    #[test]
    fn ellipsis_lines_are_cut_off_teasers_not_body() {
        assert!(cut_off("国务院要求压实属地责任抓好抓细.."));
        assert!(cut_off("The mayor said that the bridge would…"));
        assert!(!cut_off("国务院要求压实属地责任。"));
        let c = BoilerplateConfig::default().build().expect("default");
        assert!(!c.is_body("国务院要求压实属地责任抓好抓细..", 14));
        assert!(c.is_body("国务院要求压实属地责任抓好抓细。", 14));
    }

    #[test]
    fn tag_lines_are_removed() {
        let v = run(&[
            "标题在此",
            ZH_BODY1,
            "本文关键词：数字,经济,合作",
            "Tags: budget, council",
            ZH_BODY2,
        ]);
        assert_eq!(v[2].class, LineClass::Boilerplate("tags"));
        assert_eq!(v[3].class, LineClass::Boilerplate("tags"));
    }
}
