//! Rule 4 of the module header, forum threads: the per-post header groups (a posting time next to `楼`,
//! `回复`, `发表于`…, a floor number), whether they make the page a thread, where the post bodies sit
//! (headers above or below their posts), and the layout lines around each post that nobody wrote:
//! buttons, author blocks and names, user panels, board stamps.
//!
//! Imports the shared types of `classifier.rs`, `features.rs`, `metadata.rs`, `patterns.rs` and the
//! bottom layer `crate::stages::spam`.

use super::classifier::{BoilerplateClassifier, LineClass};
use super::features::{ends_sentence, label, units, Line};
use super::metadata::RE_FIELD;
use super::patterns::{
    END_MARKERS, RE_BUTTONS, RE_CLIENT, RE_COMMENT_SECTION, RE_FLOOR, RE_FLOOR_ONLY, RE_FORUM_MARK,
    RE_MOD_STAMP, RE_POSTED_LEAD, RE_POSTING_VERB, RE_POST_CHROME_MARK, RE_POST_TIME,
    RE_REPLY_SECTION, RE_VOTE_COUNT,
};
use crate::stages::spam;

/// Longest line (in units) that can be a user name or rank printed above a post.
const AUTHOR_LABEL_UNITS: usize = 8;

impl BoilerplateClassifier {
    /// Forum threads: find the per-post header groups (a short line with a posting time or a floor number,
    /// next to forum words such as `楼`, `回复`, `发表于`). When there are enough of them and the thread is
    /// the page's main content (its first header comes before most of the prose, unlike a comment section
    /// under an article), the headers are removed as "post-header" and every line between them is a post
    /// body that the neighbourhood and region rules leave alone. Returns the end of the last post.
    pub(super) fn forum_posts(&self, lines: &mut [Line]) -> Option<usize> {
        let n = lines.len();
        let short = |l: &Line| l.units <= 30 && !l.body;
        let is_marker = |l: &Line| short(l) && RE_FORUM_MARK.is_match(&l.text);
        let is_time = |l: &Line| short(l) && RE_POST_TIME.is_match(&l.text);
        // A marker line that is chrome, not a short reply using a forum word (`引用自哪`, `楼主说得对`).
        let is_chrome_marker = |l: &Line| {
            is_marker(l)
                && (RE_POST_CHROME_MARK.is_match(&l.text)
                    || units(&RE_FORUM_MARK.replace_all(&l.text, " ")) <= 1)
        };
        // A header group: a time line with a forum marker on it or within one line of it, or a line that
        // is a floor number (`2楼`, `#3`) on its own.
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut any_marked = false;
        let mut i = 0;
        while i < n {
            let marked = (is_time(&lines[i])
                && (is_marker(&lines[i])
                    || (i > 0 && is_marker(&lines[i - 1]))
                    || lines.get(i + 1).is_some_and(is_marker)))
                || (short(&lines[i]) && RE_FLOOR_ONLY.is_match(lines[i].text.trim()));
            // `阿明 2021-3-5 10:22`: a user name and a posting time, nothing else.
            // An article's dateline (`2022-11-05 10:21 来源：新华社`) names its fields; a post header does not.
            let bare = is_time(&lines[i])
                && units(&RE_POST_TIME.replace_all(&lines[i].text, " ")) <= 8
                && !ends_sentence(&lines[i].text)
                && !RE_FIELD.is_match(&lines[i].text);
            any_marked |= marked;
            if !marked && !bare {
                i += 1;
                continue;
            }
            let mut start = i;
            while start > 0
                && start + 2 > i
                && (is_chrome_marker(&lines[start - 1]) || is_time(&lines[start - 1]))
            {
                start -= 1;
            }
            // `阿明` / `发表于 2021-3-5 10:22`: a header that opens with the posting verb has the user
            // name on the line above.
            if start > 0
                && RE_POSTED_LEAD.is_match(lines[start].text.trim())
                && lines[start - 1].units <= 10
                && !lines[start - 1].body
                && !ends_sentence(&lines[start - 1].text)
                && lines[start - 1].class == LineClass::Content
            {
                start -= 1;
            }
            // A line after the header joins it when it is a marker too (`回复 6楼 甲 的话题`), but not a
            // sentence that merely names one (`楼主帖子开得好，顺便请教一下：` opens the post).
            let mut end = i + 1;
            while end < n
                && end < i + 3
                && (is_chrome_marker(&lines[end]) || is_time(&lines[end]))
                && !lines[end]
                    .text
                    .contains(['，', '。', '？', '！', ',', '?', '!'])
            {
                end += 1;
            }
            // Two header lines back to back belong to one group.
            match groups.last_mut() {
                Some(last) if start <= last.1 => last.1 = end,
                _ => groups.push((start, end)),
            }
            i = end;
        }
        // Groups must be separated by post text.
        let with_text: Vec<(usize, usize)> = groups
            .iter()
            .enumerate()
            .filter(|(k, g)| {
                let next = groups.get(k + 1).map_or(n, |h| h.0);
                lines[g.1..next]
                    .iter()
                    .any(|l| l.class == LineClass::Content && l.units >= 2)
            })
            .map(|(_, g)| *g)
            .collect();
        // Without any forum word, bare `name time` lines must be more numerous to make a thread.
        let needed = self.cfg.forum_min_posts + usize::from(!any_marked);
        if with_text.len() < needed {
            return None;
        }
        // Where the bodies sit. Most boards print a header above its post (`楼主`, `user 发表于 …`);
        // Tieba-style boards print the user's name above the post and the floor and time below it
        // (`1楼 2019-01-01 12:00 回复`). Headers below their posts carry no posting verb, have the first
        // post (the question, often the longest text of the thread) before the first header, and only
        // page chrome after the last one.
        let first_header = with_text.first().map_or(n, |g| g.0);
        let last_header_end = with_text.last().map_or(n, |g| g.1);
        let post_text = |l: &Line| {
            l.class == LineClass::Content
                && !is_marker(l)
                && (ends_sentence(&l.text) || l.units >= self.cfg.body_min_units)
        };
        let first_post_start = {
            // Back from the first header to the page head: the title, chrome, a comment-section label.
            let mut s = first_header;
            while s > 0 {
                let l = &lines[s - 1];
                let lab = label(&l.text);
                let section_label = l.units <= 6
                    && (RE_COMMENT_SECTION.is_match(&lab) || END_MARKERS.contains(&lab.as_str()));
                if l.class != LineClass::Content || section_label {
                    break;
                }
                s -= 1;
            }
            s
        };
        let posting_verb = with_text.iter().any(|g| {
            lines[g.0..g.1]
                .iter()
                .any(|l| RE_POSTING_VERB.is_match(&l.text))
        });
        let floors = with_text
            .iter()
            .filter(|g| lines[g.0..g.1].iter().any(|l| RE_FLOOR.is_match(&l.text)))
            .count();
        let text_units = |range: &[Line]| -> usize {
            range.iter().filter(|l| post_text(l)).map(|l| l.units).sum()
        };
        let after: Vec<&Line> = lines[last_header_end..]
            .iter()
            .take_while(|l| !l.class.chrome())
            .collect();
        let after_units: usize = after.iter().filter(|l| post_text(l)).map(|l| l.units).sum();
        // A header below its post carries no user name (that stands above the post); `1楼 网友甲
        // 2021-03-05 10:22` under an article is a comment header above its comment.
        let nameless = with_text
            .iter()
            .filter(|g| {
                lines[g.0..g.1]
                    .iter()
                    .filter(|l| RE_POST_TIME.is_match(&l.text) || RE_FLOOR.is_match(&l.text))
                    .all(|l| {
                        let rest = RE_POST_TIME.replace_all(&l.text, " ");
                        let rest = RE_CLIENT.replace_all(&rest, " ");
                        let rest = RE_FORUM_MARK.replace_all(&rest, " ");
                        units(&rest) <= 1
                    })
            })
            .count();
        // Q&A pages print `发布于 2021-03-05 10:20` (or `编辑于 …`) under each answer, with the answer's
        // buttons (`赞同 1.2万`, `添加评论`, `分享`) straight after it: a header followed by buttons
        // closes its post.
        let is_button =
            |l: &Line| !l.body && !ends_sentence(&l.text) && RE_BUTTONS.is_match(l.text.trim());
        let closed_by_buttons = with_text
            .iter()
            .filter(|g| lines.get(g.1).is_some_and(is_button))
            .count();
        let headers_below = !posting_verb
            && ((floors * 2 > with_text.len() && nameless * 2 > with_text.len())
                || closed_by_buttons * 2 > with_text.len())
            && text_units(&lines[first_post_start..first_header]) > after_units;
        let thread_start = if headers_below {
            first_post_start
        } else {
            first_header
        };
        let total: usize = lines.iter().filter(|l| l.body).map(|l| l.units).sum();
        let before: usize = lines[..thread_start]
            .iter()
            .filter(|l| l.body)
            .map(|l| l.units)
            .sum();
        if before * 2 > total {
            // An article followed by its comments: the comments, from their first header on, are end
            // matter, not the content.
            for l in lines[first_header..].iter_mut() {
                if l.class == LineClass::Content {
                    l.class = LineClass::Boilerplate("footer");
                    l.body = false;
                }
            }
            return None;
        }
        // The post bodies: between consecutive headers, plus the stretch before the first header (headers
        // below) or after the last one (headers above), which runs until the first chrome after its text.
        let mut posts: Vec<std::ops::Range<usize>> = Vec::new();
        if headers_below {
            posts.push(first_post_start..first_header);
        }
        for (k, g) in with_text.iter().enumerate() {
            for l in lines[g.0..g.1].iter_mut() {
                if !matches!(l.class, LineClass::Title) {
                    l.class = LineClass::Boilerplate("post-header");
                    l.body = false;
                }
            }
            match with_text.get(k + 1) {
                Some(next) => posts.push(g.1..next.0),
                None if !headers_below => {
                    let mut seen_text = false;
                    let mut j = g.1;
                    while j < n {
                        let l = &lines[j];
                        // Judged as in a post: a repeated line is a reply, a forum word a button.
                        let text = l.class == LineClass::Content || is_reply_line(l);
                        let button = text
                            && (is_marker(l) || RE_BUTTONS.is_match(l.text.trim()))
                            && !ends_sentence(&l.text);
                        if seen_text && (button || !text && l.class.chrome()) {
                            // The last post ends at the first chrome after its text (buttons, footer).
                            break;
                        }
                        seen_text |= text && !button;
                        j += 1;
                    }
                    posts.push(g.1..j);
                }
                None => {}
            }
        }
        // The buttons under the last post belong to its header.
        let mut last_header_end = last_header_end;
        if headers_below {
            while lines.get(last_header_end).is_some_and(is_button) {
                lines[last_header_end].class = LineClass::Boilerplate("post-header");
                last_header_end += 1;
            }
        }
        let thread_end = posts.iter().map(|p| p.end).max().unwrap_or(last_header_end);
        let thread_end = thread_end.max(last_header_end);
        for post in &posts {
            for l in lines[post.clone()].iter_mut() {
                // Short replies (`顶`, `谢谢分享`) recur across threads and inside one: in a post they
                // are the user's text, not a template.
                if is_reply_line(l) {
                    l.class = LineClass::Content;
                }
                // A button already removed as a share bar or menu item is, in a post, the post's button.
                if matches!(l.class, LineClass::Boilerplate("share" | "nav"))
                    && RE_BUTTONS.is_match(l.text.trim())
                {
                    l.class = LineClass::Content;
                }
                if l.class == LineClass::Content
                    && (is_chrome_marker(l)
                        || RE_BUTTONS.is_match(l.text.trim())
                        || RE_MOD_STAMP.is_match(l.text.trim())
                        || (l.units <= 6 && RE_REPLY_SECTION.is_match(&label(&l.text))))
                    && !ends_sentence(&l.text)
                {
                    // Post buttons, edit notes and the label over the replies (`使用道具 举报`,
                    // `本帖最后由…编辑`, `最赞回应`).
                    l.class = LineClass::Boilerplate("post-header");
                }
                if l.class == LineClass::Content {
                    l.protected = true;
                }
            }
        }
        let lead_in_removed = post_lead_in_lines(lines, &posts);
        self.post_author_lines(lines, &posts, &lead_in_removed);
        if !headers_below {
            post_trailer_lines(lines, &posts, first_header);
        }
        Some(thread_end)
    }

    /// User names and ranks printed above each post (`光影小林` / `初学者` / text): when most posts of a
    /// thread (at least three) open with short label lines (no punctuation, at most
    /// `AUTHOR_LABEL_UNITS` units) followed by more text, those lines are the layout's author block, not
    /// what the user wrote. A post that is only short lines keeps its last one (`同问`).
    /// Posts whose author block `post_lead_in_lines` already removed count as having one and are left
    /// alone (their first remaining line is the answer's own text, perhaps a short heading).
    fn post_author_lines(
        &self,
        lines: &mut [Line],
        posts: &[std::ops::Range<usize>],
        lead_in_removed: &[bool],
    ) {
        let label_like = |l: &Line| {
            l.class == LineClass::Content
                && !l.body
                && l.units <= AUTHOR_LABEL_UNITS
                && !l.text.chars().any(|c| {
                    spam::is_terminal(c) || matches!(c, '，' | ',' | '；' | ';' | '、' | '：' | ':')
                })
        };
        let author_blocks: Vec<Vec<usize>> = posts
            .iter()
            .enumerate()
            .map(|(k, post)| {
                if lead_in_removed.get(k).copied().unwrap_or(false) {
                    return Vec::new();
                }
                let kept: Vec<usize> = post
                    .clone()
                    .filter(|&j| lines[j].class == LineClass::Content)
                    .collect();
                let run = kept.iter().take_while(|&&j| label_like(&lines[j])).count();
                // At least one line of the post is what the user wrote.
                kept.get(..run.min(kept.len().saturating_sub(1)))
                    .unwrap_or(&[])
                    .to_vec()
            })
            .collect();
        let with_block = author_blocks.iter().filter(|b| !b.is_empty()).count()
            + lead_in_removed.iter().filter(|&&r| r).count();
        if posts.len() < 3 || with_block * 3 < posts.len() * 2 {
            return;
        }
        for j in author_blocks.into_iter().flatten() {
            lines[j].class = LineClass::Boilerplate("post-header");
            lines[j].protected = false;
        }
    }
}

/// Longest line (in units) that can be an author's one-line bio above a post's vote count.
const LEAD_IN_UNITS: usize = 20;

/// The author block of a Q&A answer: `林间小路` / `外语教师，十年一线教学经验` / `1,203 人赞同了该回答` /
/// answer. When a post opens with short lines that are not sentences and then a vote count with the
/// post's text after it, those short lines are the author's name and bio, printed by the layout above
/// the header, not what the author wrote. A bio may hold a comma, so
/// `post_author_lines` (which needs label-like lines on most posts) does not catch it.
/// Returns, per post, whether its author block was removed this way.
fn post_lead_in_lines(lines: &mut [Line], posts: &[std::ops::Range<usize>]) -> Vec<bool> {
    let mut removed = vec![false; posts.len()];
    for (k, post) in posts.iter().enumerate() {
        let Some(first) = post.clone().find(|&j| lines[j].class == LineClass::Content) else {
            continue;
        };
        let lead_in = |l: &Line| {
            l.class == LineClass::Content
                && !l.body
                && l.units <= LEAD_IN_UNITS
                && !ends_sentence(&l.text)
        };
        let run_end = (first..post.end)
            .find(|&j| !lead_in(&lines[j]))
            .unwrap_or(post.end);
        // The in-post header must be a vote count: a button bar (`引用 回复 TOP`) closes a post instead, and
        // the short lines above it are the post's own text (`据说以后上推改用这种方式了`).
        let header_then_text = lines.get(run_end).is_some_and(|l| {
            l.class == LineClass::Boilerplate("post-header")
                && RE_VOTE_COUNT.is_match(l.text.trim())
        }) && (run_end + 1..post.end)
            .any(|j| lines[j].class == LineClass::Content);
        if run_end > first && header_then_text {
            for l in lines[first..run_end].iter_mut() {
                l.class = LineClass::Boilerplate("post-header");
                l.protected = false;
            }
            if let Some(r) = removed.get_mut(k) {
                *r = true;
            }
        }
    }
    removed
}

/// Longest line (in units) of the user panel printed between one post's buttons and the next post's header.
const PANEL_LINE_UNITS: usize = 30;

/// Boards that print a header above each post and a button bar under it (`引用 回复 TOP`) put the next
/// author's panel between the two: name, rank, a motto (`金属灰` / `GFW出没注意`), and above the buttons a
/// profile link repeated in every post (`查看详细资料`). In such a thread (at least three posts with a
/// button bar, two thirds of them followed only by short lines; or every post with a bar and every post
/// but the last followed only by short lines), the short lines after each post's last
/// button bar, the same lines before the first header, and a short line that stands right above the
/// buttons in three or more posts are layout, not what anybody wrote ("post-header").
fn post_trailer_lines(lines: &mut [Line], posts: &[std::ops::Range<usize>], first_header: usize) {
    // (The bar under the last post may have been removed for recurring: any removal counts.)
    // Only a line of buttons: a reply header inside a post (`回复 3楼 甲 的话题`) opens the post's text.
    let is_bar = |l: &Line| {
        matches!(l.class, LineClass::Boilerplate(_))
            && RE_BUTTONS.is_match(l.text.trim())
            && !ends_sentence(&l.text)
    };
    // A motto may end like a sentence (`想象力比知识更重要。`); the layout, not the line, says it is a panel.
    let panel_like = |l: &Line| l.class == LineClass::Content && l.units <= PANEL_LINE_UNITS;
    // Per post with a button bar: where the last bar is, and whether only panel-like lines follow it.
    let bars: Vec<(std::ops::Range<usize>, usize, bool)> = posts
        .iter()
        .enumerate()
        .filter_map(|(k, post)| {
            // The last post ends where its button bar begins; the others end at the next header.
            let end = if k + 1 == posts.len() {
                (post.end + 1).min(lines.len())
            } else {
                post.end
            };
            let bar = (post.start..end).rev().find(|&j| is_bar(&lines[j]))?;
            let mut tail = (bar + 1..post.end)
                .filter(|&j| lines[j].class == LineClass::Content)
                .peekable();
            let panel = tail.peek().is_some() && tail.all(|j| panel_like(&lines[j]));
            Some((post.clone(), bar, panel))
        })
        .collect();
    let with_panel = bars.iter().filter(|b| b.2).count();
    // Two thirds of the posts show the shape; in a short thread, every post has a bar and every post but
    // the last (whose panel would be the page footer) is followed by a panel.
    let most = bars.len() >= 3 && with_panel * 3 >= bars.len() * 2;
    let every = bars.len() >= 2
        && bars.len() == posts.len()
        && bars.iter().take(bars.len() - 1).all(|b| b.2);
    if !most && !every {
        return;
    }
    // Once the layout is clear, a longer motto in a panel is a panel line too.
    for (post, bar, _) in &bars {
        for l in lines
            .get_mut(bar + 1..post.end)
            .unwrap_or_default()
            .iter_mut()
        {
            if l.class == LineClass::Content {
                l.class = LineClass::Boilerplate("post-header");
                l.protected = false;
            }
        }
    }
    // The first author's panel, above the first header.
    let mut j = first_header;
    while j > 0 && panel_like(&lines[j - 1]) && !ends_sentence(&lines[j - 1].text) {
        j -= 1;
        lines[j].class = LineClass::Boilerplate("post-header");
        lines[j].protected = false;
    }
    // Short lines right above the bar that recur in three or more posts: profile links, not replies.
    let above_bar = |lines: &[Line], post: &std::ops::Range<usize>, bar: usize| -> Vec<usize> {
        (post.start..bar)
            .rev()
            .filter(|&j| lines[j].class != LineClass::Boilerplate("post-header"))
            .take(3)
            .take_while(|&j| {
                let l = &lines[j];
                l.class == LineClass::Content
                    && !l.body
                    && l.units <= AUTHOR_LABEL_UNITS
                    && !ends_sentence(&l.text)
            })
            .collect()
    };
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for (post, bar, _) in &bars {
        for j in above_bar(lines, post, *bar) {
            *counts.entry(lines[j].text.trim().to_string()).or_default() += 1;
        }
    }
    for (post, bar, _) in &bars {
        for j in above_bar(lines, post, *bar) {
            if counts.get(lines[j].text.trim()).is_some_and(|&n| n >= 3) {
                lines[j].class = LineClass::Boilerplate("post-header");
                lines[j].protected = false;
            }
        }
    }
}

/// A line removed only because it recurs (in the batch or in the page): inside a forum post that is a
/// short reply (`顶`, `谢谢分享`) or the user's name, not a template; and a reply that trails off (`…`)
/// which the page prints again (a no-script copy of the thread), not a teaser.
fn is_reply_line(l: &Line) -> bool {
    matches!(
        l.class,
        LineClass::Boilerplate("repeated-across-docs" | "repeated-banner")
    ) || (l.class == LineClass::Boilerplate("teaser") && l.teaser_of_copy)
}
