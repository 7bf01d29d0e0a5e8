//! Main-content selection from DOM evidence: which element holds the article, and which of the page's lines
//! lie outside it or are page furniture inside it.
//!
//! The evidence, in the spirit of Readability and trafilatura:
//! 1. every prose-like line (long enough, few link characters) scores its container and, more weakly, the
//!    containers above (punctuation and length add to the score); a container's class and id names
//!    (`article`, `content`, `zhengwen` vs `nav`, `sidebar`, `comment`, `share`…) and its tag shift it in
//!    proportion to the prose it holds; its link density scales it down;
//! 2. the best container grows to the smallest ancestor holding 60% of the page's prose (prose under
//!    furniture not counted), so an article split by a figure or an advert stays whole; siblings that score
//!    near it or are prose paragraphs join it;
//! 3. inside it, lines under furniture (by tag: `nav`, `header`, `footer`, `aside`, `menu`, `form`; by name: a
//!    share bar, a related-links box, comments) or under captions go, and so do lines that are mostly link
//!    text; the best container and its ancestors are never furniture, whatever layout class they carry;
//! 4. the headline (`<h1>`, else `<h2>`) is kept where it stands, even above the container.
//!
//! The verdicts are a first pass: the kept lines go on to the boilerplate stage's line rules (the pipeline
//! leaves its text-only region guesses to this file). Imports only `dom.rs`.

use super::dom::{Element, Tag, TextLine, Walked};
use regex::Regex;
use std::sync::LazyLock;

/// Reason a line was removed at extraction (the `reason` column of `rejected.jsonl`).
pub const OUTSIDE_MAIN: &str = "outside-main-content";
pub const PAGE_CHROME: &str = "page-chrome";
pub const LINK_LIST: &str = "link-list";
pub const CAPTION: &str = "caption";

static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)comment|disqus|reply|replies|footer|foot\b|sidebar|side-?bar|aside|\bnav|navbar|navigation|menu|
        breadcrumb|crumb|share|sharing|social|related|recommend|promo|sponsor|advert|\bads?\b|\bad-|-ad\b|
        banner|widget|copyright|login|signup|sign-up|subscribe|newsletter|popup|modal|cookie|gdpr|masthead|
        toolbar|pagination|pager|\btags?\b|tag-?list|rank|hot-?news|most-?popular|trending|shoutbox|
        skyscraper|outbrain|taboola|byline-?bio|author-?bio|more-?stories|read-?more|also-?read|
        \bfooter|\bheader|site-?header|top-?bar|bottom|friendlink|links?\b",
    )
    .unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern compiles"))
});

static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)article|\bcontent|entry|main|\bpost|story|\btext|body|blog|detail|\bnews|artic|zhengwen|
        neirong|\bcon_|\bcon\b|trs_editor|rich_media|paragraph|prose|\bcnt|maintext|font_?zoom|
        \bzw\b|\btxt",
    )
    .unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern compiles"))
});

/// Names so clearly furniture that lines under them go even inside the main container.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)comment|disqus|sidebar|breadcrumb|crumb|share|sharing|social|related|recommend|promo|
        sponsor|advert|\bads?\b|newsletter|subscribe|copyright|pagination|pager|\btags?\b|tag-?list|
        more-?stories|also-?read|outbrain|taboola|author-?bio|byline-?bio|\bnav\b|navbar|\bmenu\b|
        most-?read|most-?popular|trending|footer|
        # the same furniture named in pinyin on Chinese sites (recommended, related, hot, ranking, comments,
        # share, copyright, navigation, advert), not inside an English word (`requirements`)
        (?:^|[^a-z])(?:tuijian|xiangguan|remen|paihang|pinglun|fenxiang|banquan|daohang|guanggao)",
    )
    .unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern compiles"))
});

/// Names of image captions and photo credits.
static CAPTION_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"caption|credit|img-?desc|image-?desc|photo-?desc|pic-?desc|pictext|img_?text")
        .unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern compiles"))
});

fn units(line: &TextLine) -> f64 {
    line.units
}

fn link_density(chars: usize, link_chars: usize) -> f64 {
    if chars == 0 {
        0.0
    } else {
        link_chars as f64 / chars as f64
    }
}

/// A prose line's contribution to its containers.
fn paragraph_score(line: &TextLine) -> Option<f64> {
    let u = units(line);
    if u < 25.0 || link_density(line.chars, line.link_chars) >= 0.5 {
        return None;
    }
    let marks = line
        .text
        .chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '。' | ';' | '；'))
        .count() as f64;
    Some(1.0 + marks.min(10.0) + (u / 100.0).min(3.0))
}

fn name_weight(names: &str) -> f64 {
    if names.is_empty() {
        return 0.0;
    }
    if FURNITURE.is_match(names) {
        return -25.0;
    }
    let mut w = 0.0;
    if NEGATIVE.is_match(names) {
        w -= 25.0;
    }
    if POSITIVE.is_match(names) {
        w += 25.0;
    }
    w
}

fn tag_weight(el: &Element) -> f64 {
    match el.tag {
        Tag::Container => 5.0,
        Tag::Para => 3.0,
        Tag::Caption => -3.0,
        Tag::ListItem | Tag::Chrome => -3.0,
        Tag::Heading(_) => -5.0,
        _ => 0.0,
    }
}

/// Ancestors of `start` (itself first).
fn chain(elements: &[Element], start: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(Some(start), move |&i| elements[i].parent)
}

/// The verdict for every line of `walked`: `None` to keep, or the reason it goes.
pub fn select(walked: &Walked) -> Vec<Option<&'static str>> {
    let elements = &walked.elements;
    let lines = &walked.lines;
    let prose: Vec<Option<f64>> = lines.iter().map(paragraph_score).collect();
    let mut score: Vec<Option<f64>> = vec![None; elements.len()];
    const LEVELS: [f64; 5] = [1.0, 0.5, 1.0 / 6.0, 1.0 / 9.0, 1.0 / 12.0];
    for (line, s) in lines.iter().zip(&prose) {
        let Some(s) = *s else {
            continue;
        };
        let block = &elements[line.block];
        let start = match block.tag {
            Tag::Para | Tag::Heading(_) | Tag::ListItem | Tag::Link | Tag::Inline => block.parent,
            _ => Some(line.block),
        };
        let Some(start) = start else { continue };
        for (level, i) in chain(elements, start).take(LEVELS.len()).enumerate() {
            *score[i].get_or_insert(0.0) += s * LEVELS[level];
        }
    }
    // Names and tags shift a container in proportion to the prose it holds: a `content` class on a
    // one-line wrapper must not outscore the article.
    let final_score = |i: usize| -> Option<f64> {
        score[i].map(|s| {
            let el = &elements[i];
            let shift = (name_weight(&el.names) + tag_weight(el)) * (s / 15.0).min(1.0);
            (s + shift) * (1.0 - link_density(el.chars, el.link_chars))
        })
    };
    let mut top: Option<(usize, f64)> = None;
    for i in 0..elements.len() {
        if let Some(s) = final_score(i) {
            if top.is_none_or(|(_, best)| s > best) {
                top = Some((i, s));
            }
        }
    }
    // Furniture and captions by tag or name, except the best container and its ancestors: a layout class
    // (`l-sidebar-fixed`, `url-breadcrumb`) on the article's own wrapper does not make the article chrome.
    let mut exempt = vec![false; elements.len()];
    if let Some((best, _)) = top {
        for i in chain(elements, best) {
            exempt[i] = true;
        }
    }
    let named = |i: usize, tag: Tag, names: &Regex| {
        let el = &elements[i];
        !exempt[i] && (el.tag == tag || (!el.names.is_empty() && names.is_match(&el.names)))
    };
    let is_furniture: Vec<bool> = (0..elements.len())
        .map(|i| named(i, Tag::Chrome, &FURNITURE))
        .collect();
    let is_caption: Vec<bool> = (0..elements.len())
        .map(|i| named(i, Tag::Caption, &CAPTION_NAMES))
        .collect();
    let marks = Marks {
        furniture: &is_furniture,
        caption: &is_caption,
    };
    let Some((top, top_score)) = top else {
        // No prose at all: only furniture by tag goes, the boilerplate stage decides the rest.
        return lines
            .iter()
            .map(|l| furniture(elements, &marks, l, None))
            .collect();
    };
    // An article split into several blocks (text, a figure, more text) scores each block apart: the region
    // grows from the best container to the smallest ancestor holding most of the page's prose, not counting
    // prose under furniture (comments, sidebars).
    let mut mass = vec![0.0f64; elements.len()];
    let mut total = 0.0;
    for (line, p) in lines.iter().zip(&prose) {
        if p.is_none() || chain(elements, line.block).any(|i| is_furniture[i]) {
            continue;
        }
        let u = units(line);
        total += u;
        for i in chain(elements, line.block) {
            mass[i] += u;
        }
    }
    let mut top = top;
    while mass[top] < 0.6 * total {
        match elements[top].parent {
            Some(parent) => top = parent,
            None => break,
        }
    }
    let top_score = final_score(top).unwrap_or(top_score);
    // The region: the top container and the siblings that score near it or hold prose of their own.
    let mut region = vec![top];
    if let Some(parent) = elements[top].parent {
        let threshold = (top_score * 0.2).max(10.0);
        for (i, el) in elements.iter().enumerate() {
            if i == top || el.parent != Some(parent) {
                continue;
            }
            let density = link_density(el.chars, el.link_chars);
            let near = final_score(i).is_some_and(|s| s >= threshold);
            let prose = el.tag == Tag::Para && density < 0.25 && el.chars >= 80;
            if (near || prose) && name_weight(&el.names) >= 0.0 {
                region.push(i);
            }
        }
    }
    let root_of = |line: &TextLine| chain(elements, line.block).find(|i| region.contains(i));
    let under_furniture = |line: &TextLine| chain(elements, line.block).any(|i| is_furniture[i]);
    let headline = headline_line(walked, &root_of, &under_furniture);
    lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            if Some(n) == headline {
                return None;
            }
            match root_of(line) {
                None => Some(OUTSIDE_MAIN),
                Some(root) => furniture(elements, &marks, line, Some(root)),
            }
        })
        .collect()
}

/// Per element: furniture by tag or name, caption by tag or name (never the best container or above it).
struct Marks<'a> {
    furniture: &'a [bool],
    caption: &'a [bool],
}

/// Whether a line is furniture: under a furniture tag or name below `root` (the whole page when `None`), or
/// mostly link text.
fn furniture(
    elements: &[Element],
    marks: &Marks,
    line: &TextLine,
    root: Option<usize>,
) -> Option<&'static str> {
    for i in chain(elements, line.block) {
        if Some(i) == root {
            break;
        }
        if marks.furniture[i] {
            return Some(PAGE_CHROME);
        }
        if marks.caption[i] {
            return Some(CAPTION);
        }
    }
    let density = link_density(line.chars, line.link_chars);
    if density > 0.5 && units(line) < 300.0 {
        return Some(LINK_LIST);
    }
    None
}

/// The headline: the last `<h1>` (else `<h2>`) standing before the first line of the main content, or the
/// first inside it that is not under furniture (a recommendation box's own heading is not the headline).
fn headline_line(
    walked: &Walked,
    root_of: &dyn Fn(&TextLine) -> Option<usize>,
    under_furniture: &dyn Fn(&TextLine) -> bool,
) -> Option<usize> {
    let first_main = walked.lines.iter().position(|l| root_of(l).is_some())?;
    let level = |l: &TextLine| match walked.elements[l.block].tag {
        Tag::Heading(h) => Some(h),
        _ => None,
    };
    for wanted in [1u8, 2] {
        let before = walked.lines[..first_main]
            .iter()
            .rposition(|l| level(l) == Some(wanted) && link_density(l.chars, l.link_chars) < 0.5);
        if before.is_some() {
            return before;
        }
        let inside = walked.lines[first_main..]
            .iter()
            .position(|l| level(l) == Some(wanted) && root_of(l).is_some() && !under_furniture(l));
        if let Some(i) = inside {
            return Some(first_main + i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::dom::walk;
    use super::*;

    const PARA: &str =
        "The committee met on Tuesday to discuss the budget, and after a long debate it agreed \
                        to fund the new library, the bus line and the repairs to the old bridge.";

    /// (line text, verdict) for every line of a page.
    fn verdicts(html: &str) -> Vec<(String, Option<&'static str>)> {
        let walked = walk(html);
        let verdicts = select(&walked);
        walked
            .lines
            .into_iter()
            .map(|l| l.text)
            .zip(verdicts)
            .collect()
    }

    fn verdict_of(got: &[(String, Option<&'static str>)], text: &str) -> Option<&'static str> {
        got.iter()
            .find(|(t, _)| t == text)
            .unwrap_or_else(|| panic!("no line {text}: {got:?}"))
            .1
    }

    #[test]
    fn an_article_split_by_a_figure_stays_whole_and_comments_go() {
        let html = format!(
            "<body><div id='page'><div class='story'><h1>Budget agreed</h1>\
             <div class='part'><p>{PARA} One.</p><p>{PARA} Two.</p></div>\
             <figure><img src='x'><figcaption>The bridge in 1950. Photo: archive</figcaption></figure>\
             <div class='part'><p>{PARA} Three.</p><p>{PARA} Four.</p></div></div>\
             <div class='comments'><p>{PARA} A reader.</p></div>\
             <ul class='related'><li><a href='/a'>Another story about the budget</a></li></ul></div></body>"
        );
        let got = verdicts(&html);
        for kept in [
            "Budget agreed",
            &format!("{PARA} One."),
            &format!("{PARA} Four."),
        ] {
            assert_eq!(verdict_of(&got, kept), None, "{kept}");
        }
        assert_eq!(
            verdict_of(&got, "The bridge in 1950. Photo: archive"),
            Some(CAPTION)
        );
        assert!(verdict_of(&got, &format!("{PARA} A reader.")).is_some());
        assert!(verdict_of(&got, "Another story about the budget").is_some());
    }

    #[test]
    fn furniture_named_in_pinyin_goes_but_not_an_english_word_containing_it() {
        let para =
            "这是一段足够长的正文，包含多个分句，用来说明文章的主体内容在哪里，读者会从头读到尾。";
        let teaser =
            "十一假期前，有关部门召开会议，部署了一系列下一步的重点工作，引起市场广泛关注和讨论。";
        let html = format!(
            "<body><div class='wrap'><div class='txt_con'><p>{para}</p></div>\
             <div class='tuijian'><h2>为你推荐</h2><p>{teaser}</p><p>{teaser}</p></div>\
             <div class='requirements'><p>{para}第二段。</p></div></div></body>"
        );
        let got = verdicts(&html);
        assert_eq!(verdict_of(&got, para), None);
        assert_eq!(verdict_of(&got, &format!("{para}第二段。")), None);
        assert!(verdict_of(&got, "为你推荐").is_some());
        assert!(verdict_of(&got, teaser).is_some());
    }

    #[test]
    fn a_layout_class_on_the_article_wrapper_is_not_furniture() {
        let html = format!(
            "<body><nav><a href='/'>Home</a></nav><div class='l-sidebar-fixed'><div>\
             <p>{PARA} One.</p><p>{PARA} Two.</p><p>{PARA} Three.</p></div></div></body>"
        );
        let got = verdicts(&html);
        assert_eq!(verdict_of(&got, &format!("{PARA} Two.")), None);
        assert!(verdict_of(&got, "Home").is_some());
    }

    #[test]
    fn a_page_without_prose_keeps_all_but_furniture() {
        let got = verdicts("<body><nav><a href='/'>Home</a></nav><p>Short note.</p></body>");
        assert_eq!(verdict_of(&got, "Short note."), None);
        assert_eq!(verdict_of(&got, "Home"), Some(PAGE_CHROME));
    }
}
