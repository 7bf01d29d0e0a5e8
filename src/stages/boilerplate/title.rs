//! Rule 3 of the module header, the title: the headline-like line before the first body paragraph,
//! preferring one that the HTML `<title>` line repeats with a site suffix, one printed twice in a row, or
//! one right above its dateline or first post header. Lines before it go as "nav", its repeats as
//! "title-repeat".
//!
//! Imports the shared types of `classifier.rs`, `features.rs` and `patterns.rs`.

use super::classifier::{line_key, BoilerplateClassifier, LineClass};
use super::features::{continues_clause, cut_off, units, Line};
use super::patterns::{RE_FORUM_MARK, RE_POST_TIME};

impl BoilerplateClassifier {
    /// Rule 3: pick the title, remove what precedes it and its repeats. Returns its index.
    pub(super) fn title(&self, lines: &mut [Line]) -> Option<usize> {
        let first_body = lines.iter().position(|l| l.body).unwrap_or(lines.len());
        let headline = |l: &Line| {
            l.class == LineClass::Content
                && !l.body
                && l.units >= 2
                && l.units <= 60
                && !l.text.ends_with(['。', ':', '：'])
        };
        let mut candidates: Vec<usize> = (0..first_body).filter(|&i| headline(&lines[i])).collect();
        // A headline may end with a full stop and so look like a short body paragraph; the first line
        // of the document is still taken as the title when it is short and nothing precedes it.
        if candidates.is_empty()
            && lines.first().is_some_and(|l| {
                l.class == LineClass::Content
                    && l.units <= 25
                    && lines.iter().skip(1).any(|o| o.body)
            })
        {
            candidates.push(0);
            if let Some(l) = lines.first_mut() {
                l.body = false;
            }
        }
        let first = candidates.first().copied()?;
        // The first line is usually the HTML <title>: "Headline - Site". Its repeat in the page is the
        // real headline position.
        let stripped = site_stripped(&lines[first].text);
        let stripped_key = stripped.as_deref().map(line_key);
        let mut title = first;
        for &c in candidates.iter().skip(1) {
            if lines[c].key == lines[first].key || Some(lines[c].key) == stripped_key {
                title = c;
                break;
            }
        }
        // A headline printed twice in a row (the HTML <title>, then the page heading) is the title even
        // when it ends in `？` or `！` and so looks like a short paragraph, and even after a site-name line.
        if title == first {
            let twice = (0..lines.len().min(first_body + 1)).find(|&i| {
                let l = &lines[i];
                l.class == LineClass::Content
                    && (2..=40).contains(&l.units)
                    && lines.get(i + 1).is_some_and(|next| next.key == l.key)
            });
            if let Some(i) = twice.filter(|&i| i > first) {
                title = i;
                lines[i].body = false;
                if let Some(next) = lines.get_mut(i + 1) {
                    next.body = false;
                }
            }
        }
        // The HTML <title> is often `Headline_Section_Site`, and the headline follows it within a few
        // lines: a line that the <title> starts with, followed by a separator, is the headline even when
        // it ends in `？` and so looks like a short paragraph, and even when menus precede the <title>.
        // The document's first line, the <title> itself, may stand far above its headline: a blog prints
        // menus and lists of other posts in between, some of whose items read like sentences. For it the
        // search runs on as long as most of the page's body text still lies ahead.
        if title == first {
            let end = lines.len().min(first_body + 1);
            let mut body_units_before = Vec::with_capacity(lines.len() + 1);
            let mut sum = 0;
            for l in lines.iter() {
                body_units_before.push(sum);
                sum += if l.body { l.units } else { 0 };
            }
            let total_body_units = sum;
            let article_ahead = |i: usize| {
                body_units_before
                    .get(i)
                    .is_some_and(|&before| before * 2 <= total_body_units)
            };
            let headline = (0..end).take(64).find_map(|h| {
                let whole = lines[h].text.trim();
                let window = if h == 0 { lines.len() } else { end.min(h + 9) };
                (h + 1..window).find(|&i| {
                    let t = lines[i].text.trim();
                    (i < end || article_ahead(i))
                        && lines[i].class == LineClass::Content
                        && units(t) >= 4
                        && t.len() < whole.len()
                        && whole.starts_with(t)
                        && whole.get(t.len()..).is_some_and(|rest| {
                            rest.trim_start()
                                .starts_with(['_', '|', '｜', '-', '–', '—', ':', '：', '@', '·'])
                        })
                })
            });
            if let Some(i) = headline {
                title = i;
                lines[i].body = false;
            }
        }
        // A headline stands right above its dateline, byline or first post header (`2021-03-05 来源：…`,
        // `来自: 用户 2020-09-12 14:03`): when the first candidate does not, but a later one does, the
        // first is a menu or teaser line above the article.
        let above_byline = |i: usize| {
            lines.get(i + 1).is_some_and(|n| {
                matches!(n.class, LineClass::Metadata(_))
                    || (n.class == LineClass::Content
                        && n.units <= 30
                        && RE_POST_TIME.is_match(&n.text))
            })
        };
        if title == first && !above_byline(first) {
            // A floor label (`楼主`, `沙发`) above its post header is not a headline.
            if let Some(&c) = candidates.iter().skip(1).take(64).find(|&&c| {
                above_byline(c) && lines[c].units >= 4 && !RE_FORUM_MARK.is_match(&lines[c].text)
            }) {
                title = c;
            }
        }
        let title_key = lines[title].key;
        let title_text = lines[title].text.trim().to_lowercase();
        // Headlines do not end in a full stop or a comma. A first line taken for the title that does is a
        // sentence (of a text that has no headline), and the same sentence later on is the text saying it
        // again.
        let sentence_title = (title_text.ends_with(['。', '.']) && !cut_off(&title_text))
            || continues_clause(&title_text);
        lines[title].class = LineClass::Title;
        for (i, l) in lines.iter_mut().enumerate() {
            if i == title || (sentence_title && i > title) {
                continue;
            }
            // The <title> line (`Headline - Site`) is a repeat; a menu line before the headline is nav.
            let same = l.key == title_key
                || (i < title && l.text.trim().to_lowercase().starts_with(&title_text));
            if same && !matches!(l.class, LineClass::Metadata(_)) {
                l.class = LineClass::Boilerplate("title-repeat");
                l.body = false;
            } else if i < title && l.class == LineClass::Content {
                l.class = LineClass::Boilerplate("nav");
                l.body = false;
            }
        }
        Some(title)
    }
}

/// `Headline - Site` / `Headline | Site` / `Headline_Site`: the headline part, when there is a separator.
fn site_stripped(text: &str) -> Option<String> {
    for sep in [" | ", " - ", " – ", " — ", " :: ", "｜", "_", "-", "|"] {
        if let Some(pos) = text.rfind(sep) {
            let head = text.get(..pos).unwrap_or("").trim();
            if units(head) >= 2 {
                return Some(head.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::classifier::LineClass;
    use super::super::testing::{classes, run, EN_BODY1, EN_BODY2, ZH_BODY1, ZH_BODY2};

    #[test]
    fn title_share_date_and_views_in_chinese_head() {
        let v = run(&[
            "我国数字经济国际合作成就",
            "2022-12-30 09:07",
            "分享:",
            "浏览次数:10",
            ZH_BODY1,
            ZH_BODY2,
        ]);
        assert_eq!(
            classes(&v),
            vec![
                LineClass::Title,
                LineClass::Metadata("date"),
                LineClass::Boilerplate("share"),
                LineClass::Metadata("views"),
                LineClass::Content,
                LineClass::Content
            ]
        );
        assert_eq!(
            v[1].metadata,
            vec![("date", "2022-12-30 09:07".to_string())]
        );
        assert_eq!(v[3].metadata, vec![("views", "10".to_string())]);
        assert!(v[0]
            .metadata
            .contains(&("title", "我国数字经济国际合作成就".to_string())));
    }

    #[test]
    fn blog_title_far_below_its_html_title_and_prose_punctuated_by_spaces() {
        // A blog page: the <title> (`Post @ Blog :: Host ::`), menus and a list of other posts (some of
        // whose items end like sentences), then the post, written with spaces instead of commas.
        let v = run(&[
            "山中小屋的秋天 @ 阿明的旅行日记 :: 某某部落格 ::",
            "首页",
            "旅游",
            "美食",
            "住宿心得",
            "湖边酒店住一晚，好吃又好玩！",
            "山上民宿推荐，来这里必住的民宿！",
            "[秋天旅行]北部赏枫之旅伴手礼篇(米粉、糕饼.......)",
            "阿明的旅行日记",
            "Dec 28 Sat 2013 00:28",
            "山中小屋的秋天",
            "一阵阵 冷风吹过山谷 已经把后山一带的层层山峦染成了红色",
            "沿着山路一路往上开 云雾停在山头 转过几个弯 不久就到了我们的小屋",
            "小屋的主人早已在门口等着 我们放下行李 就去看那片有名的枫树林",
            "林子里的叶子已经由绿转黄 再由黄转红 走在下面像是走进了一幅画",
        ]);
        assert_eq!(v[10].class, LineClass::Title);
        for (i, verdict) in v.iter().enumerate().take(10) {
            assert!(verdict.class.removed(), "line {i} {:?}", verdict.class);
        }
        for (i, verdict) in v.iter().enumerate().skip(11) {
            assert_eq!(verdict.class, LineClass::Content, "line {i}");
        }
    }

    #[test]
    fn nav_before_title_and_page_title_with_site_suffix() {
        let v = run(&[
            "Council approves budget - City News",
            "Home",
            "News · Events News · Events",
            "Council approves budget",
            "By Jane Smith",
            EN_BODY1,
            EN_BODY2,
        ]);
        assert_eq!(v[0].class, LineClass::Boilerplate("title-repeat"));
        assert_eq!(v[1].class, LineClass::Boilerplate("nav"));
        assert_eq!(v[2].class, LineClass::Boilerplate("nav"));
        assert_eq!(v[3].class, LineClass::Title);
        assert_eq!(v[4].class, LineClass::Metadata("author"));
        assert_eq!(v[4].metadata, vec![("author", "Jane Smith".to_string())]);
        assert_eq!(v[5].class, LineClass::Content);
    }

    #[test]
    fn title_repeat_and_caption() {
        let v = run(&[
            "網絡合作成就與變革",
            ZH_BODY1,
            "網絡合作成就與變革",
            "2022年7月12日,世界互聯網大會在北京召開。",
            "持續深化網絡安全合作",
            ZH_BODY2,
        ]);
        assert_eq!(v[0].class, LineClass::Title);
        assert_eq!(v[2].class, LineClass::Boilerplate("title-repeat"));
        assert_eq!(v[3].class, LineClass::Boilerplate("caption"));
        assert_eq!(v[4].class, LineClass::Content);
    }

    #[test]
    fn headline_above_the_dateline_wins_over_a_teaser_line_above_it() {
        let lines = [
            "热点：地铁三号线下月开通试运营",
            "河滨县老城区改造工程正式启动",
            "2021-03-05 10:22 来源：某某日报",
            "3月4日上午，河滨县老城区改造工程在西门广场正式启动，这是该县今年投资规模最大的民生项目。",
            "据了解，改造范围涉及12个老旧小区，共计3600多户居民，主要内容包括道路修缮和管网更新。",
        ];
        let v = run(&lines);
        assert_eq!(v[1].class, LineClass::Title, "{v:?}");
        assert_eq!(v[0].class, LineClass::Boilerplate("nav"), "{v:?}");
        assert!(matches!(v[2].class, LineClass::Metadata(_)), "{v:?}");
        // Without a dateline, the first headline-like line stays the title.
        let v = run(&[lines[0], lines[1], lines[3], lines[4]]);
        assert_eq!(v[0].class, LineClass::Title, "{v:?}");
    }
}
