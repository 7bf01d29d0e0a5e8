//! Rule 6 of the module header, the main text region: every line scored (prose by length and stop-word
//! density, chrome negatively, short lines by their neighbours), the stretch with the highest sum kept
//! as the article (Kadane), further stretches kept when they score close to it or, on Chinese pages,
//! when they are written prose on their own evidence; content outside them is removed.
//!
//! Imports the shared types of `classifier.rs`, `features.rs`, `neighbourhood.rs` (where a list ends)
//! and the bottom layers (`crate::stages::spam`, `crate::stages::stopwords`, `crate::text`).

use super::classifier::{BoilerplateClassifier, LineClass};
use super::features::{body_sample, ends_sentence, is_field, reads_as_text, Line};
use super::neighbourhood::list_continuation_end;
use crate::stages::spam;
use crate::stages::stopwords::StopList;
use crate::text::is_han;

impl BoilerplateClassifier {
    /// A stretch of a Chinese page that is written text on its own evidence, not by comparison with the
    /// main region: every paragraph in it is a run of clauses (at least two clause marks `，；、：`)
    /// closed by `。！？`, mostly Han, with function characters at a fair share of the prose norm, and
    /// together they hold at least `region_min_units` characters. Chinese page chrome (menus, teaser and
    /// related lists, info boxes, tables) is made of headlines, names and labels without clause
    /// punctuation, so such a stretch is an article or encyclopedia section split off by an info box or
    /// an inline block. English teasers are full sentences, so there the test would not discriminate;
    /// it is only used on Chinese pages.
    fn written_chinese_prose(&self, region: &[Line], stop: StopList) -> bool {
        let mut prose_units = 0;
        for l in region
            .iter()
            .filter(|l| l.body && l.class == LineClass::Content)
        {
            let han = l.text.chars().filter(|c| is_han(*c)).count();
            let clause_marks = l
                .text
                .chars()
                .filter(|c| matches!(c, '，' | '；' | '、' | '：'))
                .count();
            let prose = han * 2 >= l.units
                && clause_marks >= 2
                && ends_chinese_sentence(&l.text)
                && stop.density(&l.text) >= stop.prose_density() * 0.3;
            if !prose {
                return false;
            }
            prose_units += han;
        }
        prose_units >= self.cfg.region_min_units
    }

    /// The main text region: the contiguous stretch of lines with the highest total score (Kadane's
    /// maximum subarray). Prose lines score their length weighted by stop-word density (half when they
    /// do not end like a sentence); chrome scores minus its length and `chrome_line_penalty`; a short line
    /// near chrome costs `short_line_penalty`, elsewhere nothing (smoothing by neighbours); metadata, the
    /// title and in-article artefacts are neutral; the first prose line under the headline gets
    /// `title_anchor_bonus`. Penalties are doubled on Chinese pages, where a unit is a character. Content
    /// outside the region is removed; nothing is removed when the best region is worth less than
    /// `region_min_units`.
    pub(super) fn main_region(&self, lines: &mut [Line], title: Option<usize>, stop: StopList) {
        let content = body_sample(lines);
        let prose = stop.prose_density();
        // Penalties are in English words; a word carries about as much text as two Han characters.
        let unit_scale = if stop == StopList::Zh { 2.0 } else { 1.0 };
        let chrome_cost = self.cfg.chrome_line_penalty * unit_scale;
        let short_cost = self.cfg.short_line_penalty * unit_scale;
        // A page in a language none of the lists covers has low densities everywhere: then the density
        // says nothing and every prose line counts in full.
        let informative = stop.density(&content) >= prose * 0.4;
        let n = lines.len();
        let scores: Vec<f64> = (0..n)
            .map(|i| {
                let l = &lines[i];
                match l.class {
                    LineClass::Title | LineClass::Metadata(_) => 0.0,
                    // Removed, but things found inside articles (an image caption, the headline repeated
                    // over the text, a duplicated paragraph, a spliced advert): no evidence of page chrome.
                    LineClass::Boilerplate(
                        "caption" | "title-repeat" | "duplicate" | "teaser" | "separator",
                    )
                    | LineClass::Spam("ad") => 0.0,
                    LineClass::Boilerplate(_) | LineClass::Spam(_) => {
                        -(l.units.clamp(1, 20) as f64) - chrome_cost
                    }
                    LineClass::Content if l.body => {
                        let weight = if informative {
                            0.25 + 0.75 * (stop.density(&l.text) / prose).min(1.0)
                        } else {
                            1.0
                        };
                        // Real paragraphs end like sentences; a long unpunctuated line is as often a
                        // row of glued headlines or a caption, so it counts half.
                        let finished = if ends_sentence(&l.text) { 1.0 } else { 0.5 };
                        l.units as f64 * weight * finished
                    }
                    LineClass::Content => {
                        // Smoothing by the neighbourhood: a short line near chrome is part of it; among
                        // prose or other short lines (a heading, a list inside the article) it costs nothing.
                        let lo = i.saturating_sub(2);
                        let near_chrome =
                            lines[lo..(i + 3).min(n)].iter().any(|o| o.class.chrome());
                        if near_chrome {
                            -short_cost
                        } else {
                            0.0
                        }
                    }
                }
            })
            .collect();
        let mut scores = scores;
        // A news article's text starts right after its headline (and byline): the first prose line within
        // three lines of the title is the likeliest start of the main region.
        if let Some(t) = title {
            // The headline itself, and its repeats in the page (the title may be the HTML <title> with a
            // site suffix, the headline then stands above the article without it).
            let head = lines[t].text.trim().to_lowercase();
            let anchors: Vec<usize> = (t..n)
                .filter(|&i| {
                    let text = lines[i].text.trim().to_lowercase();
                    i == t
                        || (!lines[i].body && text.chars().count() >= 10 && head.starts_with(&text))
                })
                // A handful is enough, and bounds the work on a page of repeated headlines.
                .take(4)
                .collect();
            for a in anchors {
                if let Some(first) = lines
                    .iter()
                    .enumerate()
                    .skip(a + 1)
                    .filter(|(_, l)| !matches!(l.class, LineClass::Metadata(_)))
                    .take(3)
                    .find(|(_, l)| l.body)
                    .map(|(i, _)| i)
                {
                    if let Some(s) = scores.get_mut(first) {
                        *s += self.cfg.title_anchor_bonus;
                    }
                }
            }
        }
        let (score, start, end) = max_subarray(&scores, 0..n);
        if score < self.cfg.region_min_units as f64 {
            return;
        }
        // Further regions (an article split by a large inline block, an encyclopedia page whose sections
        // sit between info boxes) are kept when they are worth a large share of the main one.
        let mut regions = vec![(start, end)];
        let secondary_min =
            (score * self.cfg.secondary_region_share).max(self.cfg.region_min_units as f64);
        while regions.len() < 16 {
            regions.sort_unstable();
            let mut gaps = Vec::new();
            let mut prev = 0;
            for &(s, e) in &regions {
                gaps.push(prev..s);
                prev = e;
            }
            gaps.push(prev..n);
            let found = gaps
                .into_iter()
                .map(|g| max_subarray(&scores, g))
                .filter(|r| {
                    r.0 >= secondary_min
                        || (stop == StopList::Zh
                            && r.0 >= self.cfg.region_min_units as f64
                            && self.written_chinese_prose(&lines[r.1..r.2], stop))
                })
                .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
            match found {
                Some((_, s, e)) => regions.push((s, e)),
                None => break,
            }
        }
        for region in regions.iter_mut() {
            if region.1 > region.0 {
                region.1 = list_continuation_end(lines, region.1 - 1);
            }
        }
        // Short sentences and fields right before or after a region, with no chrome near them, continue it
        // (a conversation's opening and closing turns, a product's care notes and specifications): Kadane
        // stops where the sum stops growing, not where the text ends.
        let continues_text = |i: usize| {
            lines.get(i).is_some_and(|l| {
                l.class == LineClass::Content
                    && !l.body
                    && (reads_as_text(&l.text) || is_field(&l.text))
            }) && scores.get(i).is_some_and(|s| *s == 0.0)
        };
        for region in regions.iter_mut() {
            while continues_text(region.1) {
                region.1 += 1;
            }
            while region.0 > 0 && continues_text(region.0 - 1) {
                region.0 -= 1;
            }
        }
        let (first_start, last_end) = (
            regions.iter().map(|r| r.0).min().unwrap_or(start),
            regions.iter().map(|r| r.1).max().unwrap_or(end),
        );
        for (i, l) in lines.iter_mut().enumerate() {
            let inside = regions.iter().any(|&(s, e)| (s..e).contains(&i));
            if l.class == LineClass::Content && !l.protected && !inside {
                l.class = LineClass::Boilerplate(if i < first_start {
                    "nav"
                } else if i >= last_end {
                    "footer"
                } else {
                    "off-main-text"
                });
                l.body = false;
            }
        }
    }
}

/// A Chinese sentence closes with one of these (before closing quotes and a citation mark `[12]`).
fn ends_chinese_sentence(text: &str) -> bool {
    let mut t = text.trim_end();
    // Encyclopedias and papers put citation marks after the full stop: `…单曲 [61] 。` or `…。[3-5]`.
    // A bracketed word (`…。[详细]`) is a link, so the line is a teaser, not a finished sentence.
    while let Some(open) = t.ends_with(']').then(|| t.rfind('[')).flatten() {
        let mark = t.get(open + 1..t.len() - 1).unwrap_or("");
        if mark.is_empty()
            || !mark
                .chars()
                .all(|c| c.is_ascii_digit() || "-–,， ".contains(c))
        {
            return false;
        }
        t = t.get(..open).unwrap_or("").trim_end();
    }
    t.chars()
        .rev()
        .find(|c| !spam::is_closer(*c))
        .is_some_and(|c| matches!(c, '。' | '！' | '？'))
}

/// The stretch of `range` with the highest positive sum: `(sum, start, end)`, `(0.0, start, start)` when
/// no stretch is positive. Kadane's algorithm, one pass.
fn max_subarray(scores: &[f64], range: std::ops::Range<usize>) -> (f64, usize, usize) {
    let mut best = (0.0, range.start, range.start);
    let mut run_start = range.start;
    let mut run_sum = 0.0;
    for i in range {
        let s = scores.get(i).copied().unwrap_or(0.0);
        if run_sum <= 0.0 {
            run_start = i;
            run_sum = 0.0;
        }
        run_sum += s;
        if run_sum > best.0 {
            best = (run_sum, run_start, i + 1);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::classifier::{BoilerplateConfig, DocLines, LineClass};
    use super::super::testing::{run, EN_BODY1, EN_BODY2};
    use super::*;

    #[test]
    fn max_subarray_finds_the_best_stretch() {
        let s = [-5.0, 3.0, 4.0, -2.0, 6.0, -20.0, 10.0];
        assert_eq!(max_subarray(&s, 0..s.len()), (11.0, 1, 5));
        assert_eq!(max_subarray(&s, 5..7), (10.0, 6, 7));
        assert_eq!(max_subarray(&[-1.0, -2.0], 0..2), (0.0, 0, 0));
        assert_eq!(max_subarray(&[], 0..0), (0.0, 0, 0));
        // Out-of-range indices are treated as zero, never a panic.
        assert_eq!(max_subarray(&[1.0], 0..3).0, 1.0);
    }

    #[test]
    fn chinese_sentence_end_looks_past_quotes_and_citation_marks() {
        assert!(ends_chinese_sentence("并收录于同名专辑中 [61] 。"));
        assert!(ends_chinese_sentence("工程已经完工。[3]"));
        assert!(ends_chinese_sentence("他说：“终于等到了！”"));
        assert!(!ends_chinese_sentence("河口泥沙运动 海洋出版社 1996"));
        assert!(!ends_chinese_sentence("The bridge was opened."));
        assert!(!ends_chinese_sentence("[1]"));
        assert!(!ends_chinese_sentence("今年全市将新建社区食堂50家。[详细]"));
        assert!(!ends_chinese_sentence(""));
    }

    #[test]
    fn main_region_drops_prose_far_from_the_article_across_chrome() {
        // Article under its headline; after a block of navigation, one more long paragraph (a site blurb).
        let blurb = "Example Media is a company that publishes news about the region and it was founded in the year of two thousand.";
        let lines = [
            "Council approves budget",
            EN_BODY1,
            EN_BODY2,
            "Home",
            "News",
            "Sport",
            "Weather",
            "Contact us",
            blurb,
        ];
        let v = run(&lines);
        assert_eq!(v[1].class, LineClass::Content);
        assert_eq!(v[2].class, LineClass::Content);
        assert_eq!(v[8].class, LineClass::Boilerplate("footer"), "{v:?}");
        // Switched off, the blurb stays (no other rule touches a body paragraph).
        let c = BoilerplateConfig {
            use_main_region: false,
            ..BoilerplateConfig::default()
        }
        .build()
        .expect("valid");
        let v = c.classify(&DocLines {
            lines: &lines,
            doc_freq: &[1; 9],
            batch_docs: 1,
        });
        assert_eq!(v[8].class, LineClass::Content);
    }
}
