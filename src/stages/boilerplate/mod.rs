//! Line classifier for page chrome: boilerplate, spam and metadata lines of one scraped document.
//!
//! What it does: given the non-blank lines of a document (already repaired) and, per line, in how many
//! documents of the batch the same normalised line occurs, it returns one verdict per line: keep it
//! (`Content`), keep it as the title, remove it as boilerplate or spam (with a reason code), or remove it
//! as metadata (its value goes to `metadata.csv`). A kept line may be trimmed: a byline parenthesis at
//! the end, an advert tail or a separator prefix is cut out and reported as a removed span.
//!
//! How it decides, in order:
//! 1. **Line patterns**: separator runs, SEO/porn/gambling spam (`spam.rs`), tag and keyword lines, ICP
//!    numbers, copyright, disclaimers, metadata field lines (`发布时间:`, `Source:`, `Edit:`…), share bars,
//!    contact blocks, nav phrases and breadcrumbs (`当前位置：首页 > …`), captions and photo credits,
//!    teasers closed by a read-more link (`…[详细]`, `阅读全文>>`), page-generator stamps (`Processed in
//!    0.05 second(s)`), user patterns. Phrase lists cover Simplified, Traditional and English; they only
//!    fire on short lines (a long paragraph is never "nav"). A gambling-site anchor injected into a
//!    sentence (`某某现金网网址：`) is cut out of the line, which stays.
//! 2. **Repetition**: lines repeated across many documents of a large enough batch (CCNet style), the
//!    title repeated as chrome, short banners repeated inside the document, exact duplicate paragraphs,
//!    truncated teasers of a later paragraph.
//! 3. **Title**: the headline-like line before the first body paragraph, preferring one that the HTML
//!    `<title>` line repeats with a section or site suffix (`Headline_Section_Site`, `Post @ Blog`; for
//!    the first line, however far below it, while most of the body text lies ahead), then one that stands
//!    right above its dateline, byline or first post header. Everything before it is removed.
//! 4. **Forum threads**: repeated per-post header groups (a posting time next to `楼`, `回复`, `发表于`,
//!    the user name above `发表于`) make the page a thread when they start before most of its prose (a
//!    comment section under an article does not). Headers and post buttons go ("post-header"); every post
//!    body between them is kept whatever rules 5 and 6 would say, and rule 6 is skipped. Headers may sit
//!    above their posts (Discuz: `楼主`, `user 发表于 …`) or below them (Tieba: `1楼 2019-01-01 12:00
//!    回复`, the first post then stands before the first header; Q&A pages: `发布于 2021-03-05 10:20`
//!    followed by the answer's buttons `赞同 1.2万` / `添加评论`); user names and ranks printed above
//!    most posts, and an author's name and bio above a vote count (`1,203 人赞同了该回答`), are removed
//!    as headers too. Boards that print the next author's panel (name, rank, post count, `查看详细资料`)
//!    after each post's button bar (`回复 引用 TOP`) lose everything after the bar up to the next
//!    header, once most posts (in a short thread, all) show that shape. Board stamps on a post (`本主题由
//!    版主 于 … 审核通过`) go too, and the page ends with the last post: the site footer after it is
//!    footer even when it holds a sentence.
//! 5. **Neighbourhood**: a *body paragraph* is a long line that ends like a sentence (not in an ellipsis,
//!    the mark of a cut-off teaser), or a line of a run of Chinese prose punctuated by spaces (blogs).
//!    Short lines between the title and the first body paragraph are page head chrome; short lines
//!    after the last body paragraph are footer chrome when the footer shows any boilerplate; short lines
//!    in the middle are removed only when sandwiched in boilerplate. A short line directly followed by
//!    a body paragraph is a heading and stays. After a substantial body, an end-matter label (`Related articles`, `相关阅读`…) not followed by three consecutive body
//!    paragraphs or straight away by more text after its links, a comment-section label (`[ 167
//!    comments ]`, `网友评论`), or a thread of comment headers (`alice says:`, or timed headers under an
//!    article) starts the footer ("footer"). Headline links right under a "related" label are "nav"
//!    wherever they stand. Items that continue the list of the last paragraph (`- …` after `- …`), a
//!    bulleted field list (`●内存: 8 GB`) or a numbered list the article announces (`…书单：` / `1.` /
//!    `2.` …, links between items allowed) after it are not footer; three or more field lines
//!    (`净重：约2.6kg`) under the title are the page's data, not head chrome.
//! 6. **Main text region**: each line gets a score: a body paragraph its length (a Han character or a
//!    word is one unit) weighted by its stop-word density, with the stop-word list of the page's
//!    language (`stopwords.rs`); page chrome minus its length and a fixed crossing cost; a short line
//!    near chrome a small cost (smoothing by neighbours); metadata, the title and in-article artefacts
//!    (captions, duplicates) nothing. The first body paragraph under the headline gets a bonus. The
//!    stretch with the highest sum (Kadane) is the article; content outside it is removed ("nav" before,
//!    "footer" after). When no stretch is worth `region_min_units`, nothing is removed this way (a
//!    list or table page is left to the other rules). Further stretches are kept when they score a
//!    `secondary_region_share` of the main one or, on Chinese pages, when they are written prose on
//!    their own evidence (multi-clause paragraphs closed by `。！？`): an encyclopedia section or an
//!    article split off by an info box.
//!
//! What it never does: change the text of a kept line other than cutting whole spans (a byline or advert
//! at the end, a separator at the start, an injected gambling anchor); remove a long paragraph because
//! another document contains it; remove anything by neighbourhood when the document has no body
//! paragraph at all (a page of short lines is left to the patterns).
//!
//! Limits: phrase lists are Chinese/English; other languages rely on repetition, stop-word lists for
//! seven European languages and the region score. Short genuine lines at the very start (after the
//! title) or in a footer full of chrome are lost; so are spec lists and tables on product pages that
//! sit next to chrome. On non-Chinese pages, text split into several blocks between info boxes keeps
//! only its main block unless `secondary_region_share` is lowered. Teaser lists made of
//! full sentences can outscore a very short article. All work is linear in the document size apart
//! from the teaser check, which only compares lines sharing a 10-character prefix.
//!
//! Layout: this file holds `classify`, which runs the rules in the order above, and re-exports the
//! public types. Each rule has its own file (`impl BoilerplateClassifier` blocks and free functions):
//! `line_rules.rs` (1), `repetition.rs` (2), `title.rs` (3), `forum.rs` (4), `neighbourhood.rs` (5),
//! `region.rs` (6). Under them lie `metadata.rs` (metadata fields, their patterns and parser), then
//! `features.rs` (the per-line working state and what is measured on a line once), and at the bottom
//! `classifier.rs` (the public types, the settings and the classifier's fields) and `patterns.rs`
//! (chrome regexes and word lists). Imports go downwards only: this file and each rule file use the
//! files under them, a rule file not another rule file (except `region.rs`, which asks
//! `neighbourhood.rs` where a list ends), and outside this folder only `crate::text`, `crate::validate`
//! and `crate::stages::{spam, stopwords}`, so the stage stays independent of the pipeline around it.
//! `testing.rs`, compiled for tests only, holds the helpers that the tests of every file share.

mod classifier;
mod features;
mod forum;
mod line_rules;
mod metadata;
mod neighbourhood;
mod patterns;
mod region;
mod repetition;
mod title;

#[cfg(test)]
mod testing;

/// The formatted built-in patterns, for the test that compiles every built-in pattern.
#[cfg(test)]
pub(crate) fn forum_mark_pattern() -> &'static str {
    patterns::RE_FORUM_MARK.as_str()
}

#[cfg(test)]
pub(crate) fn buttons_pattern() -> &'static str {
    patterns::RE_BUTTONS.as_str()
}

use crate::stages::bilingual::{bilingual_lines, split_mixed};
use crate::stages::stopwords::StopList;

use features::{ends_sentence, page_stop_list, space_punctuated_prose, Line};
use neighbourhood::related_links;

pub use classifier::{
    line_key, BoilerplateClassifier, BoilerplateConfig, DocLines, LineClass, LineVerdict,
};

impl BoilerplateClassifier {
    /// Classify every line of a document; exactly one verdict per input line.
    pub fn classify(&self, doc: &DocLines) -> Vec<LineVerdict> {
        let mut lines: Vec<Line> = doc.lines.iter().map(|raw| self.patterns(raw)).collect();
        let n = lines.len();
        // A page that carries both languages is made of texts and their translations: the lines that take
        // part in that structure are content, whatever the positional rules below would make of them (a
        // digest of a dozen translated items is not one article with chrome around it).
        // A line holding one pair that the line patterns took for a menu (`| 改造方案 | renovation plan |`) is
        // a glossary row there; a menu of several bilingual labels (`Home 首页 | About 关于`) stays a menu.
        if let Some(part) = bilingual_lines(doc.lines) {
            for ((l, raw), takes_part) in lines.iter_mut().zip(doc.lines).zip(part) {
                let menu_pair =
                    l.class == LineClass::Boilerplate("nav") && split_mixed(raw).len() == 1;
                if takes_part && (l.class == LineClass::Content || menu_pair) {
                    l.class = LineClass::Content;
                    l.protected = true;
                }
            }
        }
        let stop = page_stop_list(&lines);
        // A long line without a sentence end and almost without function words is a run of menu items
        // or headlines glued together (`时政地方法治高层人事理论国际…`), not a paragraph.
        for l in lines
            .iter_mut()
            .filter(|l| l.body && !ends_sentence(&l.text))
        {
            if stop.density(&l.text) < stop.prose_density() * 0.3 {
                l.body = false;
            }
        }
        if stop == StopList::Zh {
            space_punctuated_prose(&mut lines, stop);
        }
        self.cross_doc(doc, &mut lines);
        let title = self.title(&mut lines);
        self.repetition(&mut lines, title);
        let thread_end = if self.cfg.detect_forum {
            self.forum_posts(&mut lines)
        } else {
            None
        };
        if self.cfg.use_neighbourhood {
            related_links(&mut lines);
            self.neighbourhood(&mut lines, title, thread_end);
        }
        if self.cfg.use_main_region && thread_end.is_none() {
            self.main_region(&mut lines, title, stop);
        }
        debug_assert_eq!(lines.len(), n);
        lines
            .into_iter()
            .map(|l| {
                let mut metadata = l.meta;
                if l.class == LineClass::Title {
                    metadata.push(("title", l.text.trim().to_string()));
                }
                let keep = !l.class.removed();
                LineVerdict {
                    class: l.class,
                    text: (keep && l.trimmed).then_some(l.text),
                    removed_spans: if keep { l.spans } else { Vec::new() },
                    metadata,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{run, run_batch, ZH_BODY1, ZH_BODY2};
    use super::*;

    #[test]
    fn config_validation_reports_every_bad_pattern() {
        let cfg = BoilerplateConfig {
            extra_patterns: vec!["ok".into(), "(unclosed".into(), "a*".into()],
            repeated_min_docs: 1,
            ..BoilerplateConfig::default()
        };
        let errs = cfg.validate();
        let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "repeated_min_docs",
                "extra_patterns[1]",
                "extra_patterns[2]"
            ]
        );
        assert!(cfg.build().is_err());
        let ok = BoilerplateConfig {
            extra_patterns: vec!["^本文来自.*公众号".into()],
            ..BoilerplateConfig::default()
        };
        let c = ok.build().expect("valid");
        let v = c.classify(&DocLines {
            lines: &["标题", ZH_BODY1, "本文来自某某公众号", ZH_BODY2],
            doc_freq: &[1, 1, 1, 1],
            batch_docs: 1,
        });
        assert_eq!(v[2].class, LineClass::Boilerplate("custom-pattern"));
    }

    #[test]
    fn no_panic_and_one_verdict_per_line_on_odd_input() {
        let big = "数".repeat(300_000);
        let lines = ["", "…", "(", "（作者:", big.as_str(), "🙂🙂", ">"];
        let v = run(&lines);
        assert_eq!(v.len(), lines.len());
        let v = run_batch(&lines, &[], 100);
        assert_eq!(v.len(), lines.len());
        assert!(run(&[]).is_empty());
    }
}
