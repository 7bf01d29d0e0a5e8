//! Rule 5 of the module header, the neighbourhood: short lines judged by where they stand relative to the
//! body paragraphs (head chrome under the title, footer chrome after the last paragraph, short lines
//! sandwiched in boilerplate, captions next to chrome), end matter after a "related" or comment label,
//! the links under a "related" label, and the lists and field runs that belong to the article although
//! they look like chrome.
//!
//! Imports the shared types of `classifier.rs`, `features.rs`, `metadata.rs`, `patterns.rs` and the
//! bottom layer `crate::stages::spam`.

use super::classifier::{BoilerplateClassifier, LineClass};
use super::features::{ends_sentence, is_field, label, list_marker, reads_as_text, units, Line};
use super::metadata::RE_DATE_LEAD;
use super::patterns::{
    re, END_MARKERS, NAV_PREFIXES, RE_COMMENT_HEADER, RE_COMMENT_SECTION, RE_ENUM_HEADING,
};
use crate::stages::spam;
use regex::Regex;
use std::sync::LazyLock;

impl BoilerplateClassifier {
    /// Rule 5: head, footer and sandwiched chrome, and captions.
    pub(super) fn neighbourhood(
        &self,
        lines: &mut [Line],
        title: Option<usize>,
        thread_end: Option<usize>,
    ) {
        let Some(first_body) = lines.iter().position(|l| l.body) else {
            return;
        };
        // Captions: a short, single-sentence, date-led line right next to removed chrome.
        for i in 0..lines.len() {
            let l = &lines[i];
            if l.class != LineClass::Content || l.units > self.cfg.caption_max_units {
                continue;
            }
            let sentences = l.text.chars().filter(|c| spam::is_terminal(*c)).count();
            if !RE_DATE_LEAD.is_match(&l.text) || sentences > 1 {
                continue;
            }
            let prev_chrome = i > 0 && lines[i - 1].class.chrome();
            let next_chrome = lines.get(i + 1).is_some_and(|n| n.class.chrome());
            // Chinese news paragraphs often open with the date (`3月4日上午，…`): a date-led line that
            // leads into (or follows) article text on its other side is that paragraph, not a caption.
            let prev_body = i > 0 && lines[i - 1].body;
            let next_body = lines.get(i + 1).is_some_and(|n| n.body);
            if ((prev_chrome && !next_body) || (next_chrome && !prev_body)) && !lines[i].protected {
                lines[i].class = LineClass::Boilerplate("caption");
                lines[i].body = false;
            }
        }
        // Head: between the title and the first body paragraph. A product's specification fields under
        // its name (`净重：约2.6kg`, three or more in a row) are the page's data, not chrome; a news head's
        // fields (date, source, author) are metadata and never form such a run.
        let head_start = title.map_or(0, |t| t + 1);
        let mut j = head_start;
        while j < first_body {
            let run = lines[j..first_body]
                .iter()
                .take_while(|l| is_field_line(l))
                .count();
            if run >= 3 {
                for l in lines[j..j + run].iter_mut() {
                    l.protected = true;
                }
            }
            j += run.max(1);
        }
        // Sentences there are the text's own, as in the footer below: a standfirst, a conversation's
        // opening turns, a product's tagline, a line of dialogue. Head chrome is made of labels, links
        // and stamps, and of one- and two-word buttons that end in a full stop.
        for l in lines.iter_mut().take(first_body).skip(head_start) {
            let text = reads_as_text(&l.text) && l.units >= 3;
            if l.class == LineClass::Content && !l.protected && !text {
                l.class = LineClass::Boilerplate("nav");
            }
        }
        // End matter: an end marker or a comment header once the article has had a substantial body.
        let runs_after = longest_body_runs_after(lines);
        let mut body_units = 0;
        let mut end_at = None;
        for (i, l) in lines.iter().enumerate() {
            if l.body {
                body_units += l.units;
                continue;
            }
            if i <= first_body
                || body_units < self.cfg.body_long_units
                || thread_end.is_some_and(|end| i < end)
            {
                continue;
            }
            let lab = label(&l.text);
            let is_comment_header =
                |l: &Line| l.units <= 16 && RE_COMMENT_HEADER.is_match(l.text.trim());
            let marker = l.units <= 6 && END_MARKERS.contains(&lab.as_str());
            // Comment threads: two or more comment headers from here on.
            let comments = is_comment_header(l) && lines[i + 1..].iter().any(is_comment_header);
            // The label of a comment section (`[ 167 comments ]`, `Top Rated Comments`, `网友评论(12)`)
            // opens end matter even when long comments follow it.
            // A comment count inside a share bar (`Facebook / Twitter / Comments / Print`) is a button.
            let in_share_bar = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .any(|j| {
                    lines
                        .get(j)
                        .is_some_and(|o| o.class == LineClass::Boilerplate("share"))
                });
            let comment_section =
                l.units <= 5 && !in_share_bar && RE_COMMENT_SECTION.is_match(&lab);
            // An inline box is led in like a sentence part (`相关阅读：`, `【延伸阅读】`) and followed
            // straight away by more article text after its links. A bare section title (`编辑精选`) heads a
            // sidebar box, whose headlines and summaries alternate like links and text.
            let lead_in = l.text.trim_end().ends_with([':', '：'])
                || (l.text.trim_start().starts_with('【') && l.text.trim_end().ends_with('】'));
            let after_links = lines[i + 1..]
                .iter()
                .find(|o| o.class != LineClass::Boilerplate("nav"));
            let inline_box = lead_in
                && after_links.is_some_and(|o| o.body)
                && lines
                    .get(i + 1)
                    .is_some_and(|o| o.class == LineClass::Boilerplate("nav"));
            if comments
                || comment_section
                || (marker && !inline_box && runs_after.get(i).copied().unwrap_or(0) < 3)
            {
                // An inline "Related" box inside the article is followed by more article (a run of
                // consecutive paragraphs); end matter is not: teasers alternate with headlines.
                end_at = Some(i);
                break;
            }
        }
        if let Some(end) = end_at {
            for l in lines[end..].iter_mut() {
                if !l.class.removed() && !l.protected {
                    l.class = LineClass::Boilerplate("footer");
                    l.body = false;
                }
            }
        }
        // In a thread, the page ends with the last post: a sentence in the site footer (a trademark
        // notice) does not extend it.
        let last_body = match thread_end {
            Some(end) => lines
                .get(..end)
                .and_then(|h| h.iter().rposition(|l| l.body || l.protected)),
            None => lines.iter().rposition(|l| l.body),
        }
        .unwrap_or(first_body);
        // Footer: after the last body paragraph, when the footer shows chrome or is a run of short lines.
        // Items that continue the list the last paragraph belongs to (`- …` after `- …`) are the article's.
        let tail = list_continuation_end(lines, last_body)..lines.len();
        let tail_chrome = lines[tail.clone()].iter().any(|l| l.class.removed());
        // Sentences and fields there are the text's own: a conversation's closing turns, a product's care
        // notes and specifications. Footer chrome is made of labels, links and notices. A thread is the
        // exception: it ends with its last post, and a sentence after that is the board's (a browser notice,
        // a trademark line).
        let footer_like = |l: &Line| {
            l.class == LineClass::Content
                && (thread_end.is_some() || (!reads_as_text(&l.text) && !is_field(&l.text)))
        };
        let tail_short = lines[tail.clone()]
            .iter()
            .filter(|l| footer_like(l))
            .count();
        if tail_chrome || tail_short >= 3 {
            for l in lines[tail].iter_mut() {
                if footer_like(l) && !l.protected {
                    l.class = LineClass::Boilerplate("footer");
                }
            }
        }
        // Middle: short lines in runs between body paragraphs. A run with chrome loses its other short
        // lines, except a heading (the last line before a body paragraph, or an enumerated heading).
        let mut i = first_body;
        while i < last_body {
            if lines[i].body {
                i += 1;
                continue;
            }
            let start = i;
            while i < last_body && !lines[i].body {
                i += 1;
            }
            let run = start..i;
            if !lines[run.clone()].iter().any(|l| l.class.chrome()) {
                continue;
            }
            for j in run.clone() {
                let l = &lines[j];
                if l.class != LineClass::Content {
                    continue;
                }
                let heading = j + 1 == run.end && !ends_sentence(&l.text);
                let enumerated = RE_ENUM_HEADING.is_match(&l.text);
                // A closing sentence right after a paragraph (`In short, …`) ends the article text.
                let closing =
                    j == run.start && j > 0 && lines[j - 1].body && ends_sentence(&l.text);
                if !heading && !enumerated && !closing && l.units <= 15 && !l.protected {
                    lines[j].class = LineClass::Boilerplate("nav");
                }
            }
        }
    }
}

/// Links under a "related" label inside or after the article (`相关阅读：` / two headlines / more text):
/// the headline-like lines right after the label (short, not closed by a full stop, at most one
/// sentence mark) are links, not text, and go as "nav" together with the label. The block ends at the
/// first line that reads like text.
pub(super) fn related_links(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let lab = label(&lines[i].text);
        let is_label = lines[i].units <= 6
            && !lines[i].protected
            && (END_MARKERS.contains(&lab.as_str()) || NAV_PREFIXES.contains(&lab.as_str()));
        i += 1;
        if !is_label {
            continue;
        }
        while let Some(l) = lines.get_mut(i) {
            let t = l.text.trim_end();
            let headline = l.class == LineClass::Content
                && !l.protected
                && l.units <= 25
                && !t.ends_with(['。', '.', '；', ';', '：', ':', ','])
                && t.chars().filter(|c| spam::is_terminal(*c)).count() <= 1;
            if !headline {
                break;
            }
            l.class = LineClass::Boilerplate("nav");
            l.body = false;
            i += 1;
        }
    }
}

/// One past the last line of the list that line `last` belongs to: the following content lines that
/// start with the same list marker are further items of it (a spec list whose last long item is the
/// last "paragraph" of the page). `last + 1` when `last` is not a list item.
pub(super) fn list_continuation_end(lines: &[Line], last: usize) -> usize {
    let mut end = last + 1;
    let Some(marker) = lines.get(last).and_then(|l| list_marker(&l.text)) else {
        return field_list_end(lines, end).max(numbered_list_end(lines, end));
    };
    while lines.get(end).is_some_and(|l| {
        l.class == LineClass::Content && l.units <= 60 && list_marker(&l.text) == Some(marker)
    }) {
        end += 1;
    }
    end
}

/// A specification or form field of the page (`净重：约2.6kg`, `Material: oak`) that is still content.
fn is_field_line(l: &Line) -> bool {
    l.class == LineClass::Content && !l.body && is_field(&l.text)
}

/// The number of an enumerated item: `1.`, `2、`, `3)`, `(4)`.
static RE_ITEM_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[(（]?(\d{1,3})\s*[.、．)）]"));

/// One past a numbered list starting at `start`, perhaps after a lead-in line that ends in a colon
/// (`Here are the offers:` / `1) …` / `2) …`): items numbered 1, 2, 3… in order, at least three, with at
/// most two removed lines (links, buttons) between two items. A list the article announces is the
/// article's, wherever its items stand; a ranking widget does not count from its own lead-in. `start`
/// when there is none.
fn numbered_list_end(lines: &[Line], start: usize) -> usize {
    let content = |i: usize| lines.get(i).filter(|l| l.class == LineClass::Content);
    let mut i = start;
    if content(i).is_some_and(|l| l.units <= 60 && l.text.trim_end().ends_with([':', '：'])) {
        i += 1;
    }
    let mut expected = 1;
    let mut last_item = None;
    let mut gap = 0;
    while let Some(l) = lines.get(i) {
        let number = content(i)
            .and_then(|l| RE_ITEM_NUMBER.captures(&l.text))
            .and_then(|c| c.get(1))
            .and_then(|m| m.as_str().parse::<u32>().ok());
        if number == Some(expected) {
            expected += 1;
            last_item = Some(i);
            gap = 0;
        } else if l.class.chrome() && gap < 2 {
            gap += 1;
        } else {
            break;
        }
        i += 1;
    }
    match last_item {
        Some(last) if expected > 3 => last + 1,
        _ => start,
    }
}

/// One past a list of fields starting at `start` (`●操作系统: Windows 8`, `● 处理器：…`): at least three
/// consecutive content lines with the same bullet, each a short key, a colon and a value. Specification
/// and fact lists look like this; menus and headline lists do not. `start` when there is none.
fn field_list_end(lines: &[Line], start: usize) -> usize {
    let field = |l: &Line| -> Option<char> {
        let marker = list_marker(&l.text).filter(|&m| m != '#')?;
        let item = l.text.trim_start().trim_start_matches(marker).trim_start();
        let colon = item.find([':', '：'])?;
        let key = item.get(..colon).unwrap_or("");
        let value = item.get(colon..).unwrap_or("");
        (l.class == LineClass::Content
            && l.units <= 60
            && (1..=6).contains(&units(key))
            && units(value) >= 1)
            .then_some(marker)
    };
    let Some(marker) = lines.get(start).and_then(field) else {
        return start;
    };
    let mut end = start;
    while lines.get(end).and_then(field) == Some(marker) {
        end += 1;
    }
    if end - start >= 3 {
        end
    } else {
        start
    }
}

/// Per position `i`: the longest run of consecutive body paragraphs in `lines[i..]` (one backward pass,
/// so the end-matter check stays linear however many markers a page has).
fn longest_body_runs_after(lines: &[Line]) -> Vec<usize> {
    let mut out = vec![0; lines.len() + 1];
    let mut cur = 0;
    for i in (0..lines.len()).rev() {
        cur = if lines[i].body { cur + 1 } else { 0 };
        out[i] = out[i + 1].max(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::classifier::LineClass;
    use super::super::testing::{run, EN_BODY1, EN_BODY2, ZH_BODY1, ZH_BODY2};

    #[test]
    fn headings_and_list_items_are_kept() {
        let v = run(&[
            "国际合作概述",
            ZH_BODY1,
            "一、背景",
            ZH_BODY2,
            "- 推动增长：各国通过合作共享技术成果。",
            "二、意义",
            "各国应加强政策协调与技术交流，推动数字经济的共同发展，实现互利共赢。",
        ]);
        assert!(
            v[1..].iter().all(|x| x.class == LineClass::Content),
            "{v:?}"
        );
    }

    #[test]
    fn end_matter_after_marker_but_not_inline_related_box() {
        let p = |w: &str| {
            format!("This paragraph about {w} says that the council met again and decided many things about roads and buses today.")
        };
        let (p1, p2, p3, p4, p5) = (
            p("apples"),
            p("bridges"),
            p("canals"),
            p("docks"),
            p("engines"),
        );
        let teaser = "Another story teaser that is long enough to look like a paragraph of text in the list.";
        let lines = [
            "Headline here",
            &p1,
            &p2,
            "Related",
            "Other headline one",
            &p3,
            &p4,
            &p5,
            "Most Read",
            "Some other headline",
            teaser,
            "Yet another headline",
            teaser,
        ];
        let v = run(&lines);
        assert_eq!(v[3].class, LineClass::Boilerplate("nav"));
        assert_eq!(
            v[5].class,
            LineClass::Content,
            "inline related box: the article goes on"
        );
        assert_eq!(v[7].class, LineClass::Content);
        assert!(v[9..].iter().all(|x| x.class.removed()), "{v:?}");
        // Comment threads.
        let lines = [
            "Headline here",
            &p1,
            &p2,
            &p5,
            "alice says:",
            &p3,
            "bob says:",
            &p4,
        ];
        let v = run(&lines);
        assert_eq!(v[3].class, LineClass::Content);
        assert!(v[4..].iter().all(|x| x.class.removed()), "{v:?}");
    }

    #[test]
    fn specification_fields_under_a_product_name_are_kept() {
        let lines = [
            "双立人迷你电饭煲 2L",
            "首页 > 厨房电器 > 电饭煲",
            "外形尺寸：191x282x236mm",
            "净重：约2.6kg",
            "颜色：粉色或者白色",
            "电源：220V 50Hz 460W",
            "这款电饭煲采用涂层内锅，不易粘锅，容易清洗，小身体大容量，每天都能吃上新鲜米饭，适合两到三人的家庭使用。",
            "相关商品",
            "双立人炒锅",
        ];
        let v = run(&lines);
        for i in 2..=5 {
            assert_eq!(v[i].class, LineClass::Content, "{i}: {v:?}");
        }
        assert_eq!(v[1].class, LineClass::Boilerplate("nav"), "{v:?}");
        // Two fields are not yet a specification: a head line such as `责编：…` stays chrome.
        let v = run(&[lines[0], lines[2], lines[3], lines[6]]);
        assert_eq!(v[1].class, LineClass::Boilerplate("nav"), "{v:?}");
    }

    #[test]
    fn the_closing_turns_of_a_conversation_and_a_products_notes_stay() {
        let conversation = run(&[
            "Do Not Disturb keeps turning on by itself on my tablet every single evening.",
            "Thanks for contacting us, I will walk you through the settings one by one.",
            "It is probably a schedule that was set up some time ago and then forgotten.",
            "Go to your Home screen.",
            "Tap Settings.",
            "Tap Focus, then Do Not Disturb.",
            "OK, I'll try that now.",
            "Hope this helps!",
        ]);
        assert!(
            conversation.iter().all(|v| !v.class.removed()),
            "{conversation:?}"
        );
        let product = run(&[
            "Glass Food Storage Set",
            "Made from borosilicate glass that goes from the freezer to the oven without cracking.",
            "The lids snap shut on four sides and keep soups and sauces from leaking in a bag.",
            "Dishwasher safe.",
            "Material: borosilicate glass",
            "Colour: clear",
            "Warranty: two years",
        ]);
        assert!(
            product
                .iter()
                .skip(1)
                .all(|v| v.class == LineClass::Content),
            "{product:?}"
        );
        // Links, labels and notices after the text are still the page's footer.
        let page = run(&[
            "Headline here",
            EN_BODY1,
            EN_BODY2,
            "Previous: Council meets again",
            "Next: Budget vote delayed",
            "Contact us",
        ]);
        assert!(page[3..].iter().all(|v| v.class.removed()), "{page:?}");
    }
}
