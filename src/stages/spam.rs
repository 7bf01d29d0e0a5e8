//! Spam detectors used by the boilerplate classifier: SEO keyword chains, porn/gambling vocabulary, and
//! promotional intrusions (ads) cut into an article line.
//!
//! What it does: three pure functions over one line of text.
//! - [`keyword_chain`]: a line made of many short comma/space-separated items that share prefixes
//!   (`日韩一区在线视频,日韩一区在线视频精品,日韩一区中文在线观看,…`), the shape of search-engine bait.
//! - [`vocab_spam`]: a line dense in porn or gambling vocabulary from a small curated list (below).
//! - [`ad_tail`]: the byte offset where a promotional tail starts (`本课程将深入解读…帮助您理解…通过`).
//!
//! What it never does: decide on a single ordinary word, or on part of one. Vocabulary terms match whole
//! words only (`色播` is not a word of `特色播客`, `porn` not of "anti-pornography"). A news sentence
//! about a gambling crackdown or a user guide saying `点击按钮` stays: vocabulary needs density (or a line
//! that is not a sentence), weak ad words need two of them on a truncated line (the advert was cut off
//! mid-sentence, the signature of an ad block spliced into scraped text), and a call to action on a
//! finished line must lead its sentence or be most of it.
//!
//! Imports `crate::text`, `crate::stages::stopwords`, `crate::stages::langid`, `crate::stages::segment`
//! and, for Chinese word boundaries, the CC-CEDICT segmentation of `crate::stages::mt`.
//!
//! Limits: the vocabulary is small and Chinese/English only; spam written as full sentences with normal
//! punctuation is not caught; ad detection looks only at the tail of a line, never the middle.
//!
//! ## Vocabulary provenance
//! The lists below were written by hand for this project (no external list was copied). They hold terms
//! that are, in practice, only used by adult or gambling spam pages (`毛片`, `无码`, `百家乐`, `娱乐城`, …),
//! in Simplified and Traditional forms. Ambiguous words that appear in news (`色情`, `赌博`, `彩票`) are
//! deliberately absent: they would remove reporting about the phenomena.

/// Terms of adult spam. Matching is case-insensitive for the Latin ones.
const PORN_TERMS: &[&str] = &[
    "毛片",
    "无码",
    "無碼",
    "有码",
    "婬乱",
    "淫乱",
    "淫亂",
    "一级片",
    "一級片",
    "三级片",
    "三級片",
    "成人影院",
    "成人视频",
    "成人視頻",
    "成人电影",
    "成人電影",
    "黄色网站",
    "黃色網站",
    "黄色视频",
    "自拍偷拍",
    "偷拍视频",
    "偷拍視頻",
    "亚洲色图",
    "亞洲色圖",
    "av女优",
    "av女優",
    "日韩av",
    "日韩一区",
    "日韩精品",
    "欧美一区",
    "国产精品视频",
    "久久精品",
    "久久综合",
    "色综合",
    "色播",
    "乱伦",
    "亂倫",
    "激情视频",
    "裸聊",
    "约炮",
    "約炮",
    "porn",
    "xxx video",
    "hentai",
    "sex video",
    "camgirl",
];

/// Terms of gambling spam.
const GAMBLING_TERMS: &[&str] = &[
    "博彩",
    "百家乐",
    "百家樂",
    "六合彩",
    "时时彩",
    "時時彩",
    "娱乐城",
    "娛樂城",
    "真人荷官",
    "老虎机",
    "老虎機",
    "网上赌场",
    "網上賭場",
    "线上赌场",
    "線上賭場",
    "开户送",
    "開戶送",
    "注册送彩金",
    "彩金",
    "澳门银河",
    "澳門銀河",
    "威尼斯人娱乐",
    "葡京娱乐",
    "体育投注",
    "體育投注",
    "现金网",
    "現金網",
    "威尼斯人",
    "太阳城",
    "太陽城",
    "申博",
    "棋牌官网",
    "棋牌平台",
    "电玩城",
    "電玩城",
    "真人娱乐",
    "真人視訊",
    "真人视讯",
    "娱乐平台",
    "娛樂平台",
    "娱乐官网",
    "娛樂官網",
    "娱乐网址",
    "娛樂網址",
    "娱乐登录",
    "娱乐注册",
    "娱乐开户",
    "体育官网",
    "體育官網",
    "体育平台",
    "體育平台",
    "体育app",
    "开奖结果",
    "開獎結果",
    "开奖网",
    "开奖官网",
    "赛车开奖",
    "飞艇开奖",
    "骰宝",
    "骰寶",
    "最高返水",
    "返水",
    "乐虎国际",
    "樂虎國際",
    "威廉希尔",
    "威廉希爾",
    "新葡京",
    "金沙娱乐",
    "永利娱乐",
    "银河娱乐",
    "bb电子",
    "ag代理",
    "ag真人",
    "yabo",
    "亚博体育",
    "online casino",
    "casino bonus",
    "sportsbook",
    "slot gacor",
    "judi online",
];

/// The byte span of a gambling-site anchor injected into a real sentence, such as `某某现金网网址：` in
/// `3月11日，某某现金网网址：宜春市发生…`: a clause of at most 24 characters that holds a gambling term and
/// ends in a colon, between punctuation (or the line start) and the rest of the sentence. `None` when the
/// line has no such clause; the caller cuts the span and keeps the sentence.
pub fn injected_gambling_anchor(line: &str) -> Option<(usize, usize)> {
    let automaton = gambling_automaton()?;
    for m in automaton.find_iter(line) {
        if !is_whole_word(line, m.start(), m.end()) {
            continue;
        }
        let before = line.get(..m.start()).unwrap_or("");
        // Walk back to the clause start, at most 24 characters: a longer clause is no anchor, and the
        // bound keeps a long line full of terms linear.
        let mut start = m.start();
        let mut found_start = false;
        for (n, (i, c)) in before.char_indices().rev().enumerate() {
            if is_clause_break(c) {
                found_start = true;
                break;
            }
            if n >= 24 {
                break;
            }
            start = i;
        }
        if !found_start && start != 0 {
            continue;
        }
        let after = line.get(m.end()..).unwrap_or("");
        let mut end = None;
        for (n, (i, c)) in after.char_indices().enumerate() {
            if n > 16 {
                break;
            }
            if c == '：' || c == ':' {
                end = Some(m.end() + i + c.len_utf8());
                break;
            }
            // Before a comma only a site name counts (`某某现金网网址，`): a sentence about a gambling
            // site (`警方查获某某现金网，`) names no URL or login page.
            if c == '，' || c == ',' {
                let clause_so_far = line.get(start..m.end() + i).unwrap_or("");
                if SITE_SUFFIXES.iter().any(|s| clause_so_far.ends_with(s)) {
                    end = Some(m.end() + i + c.len_utf8());
                }
                break;
            }
            if is_clause_break(c) {
                break;
            }
        }
        let Some(end) = end else { continue };
        let clause = line.get(start..end).unwrap_or("");
        let rest = line.get(end..).unwrap_or("").trim();
        // Only an anchor inside running text: a sentence must follow.
        if clause.chars().count() <= 24 && rest.chars().count() >= 10 {
            return Some((start, end));
        }
    }
    None
}

/// The byte span of a bracketed gambling tag stuck onto an otherwise clean line
/// (`德邦物流能否代替顺丰？【某某体育app】`): `【…】` or `[…]` of at most 20 characters holding a gambling
/// term, when the rest of the line holds none and is not empty. `None` otherwise.
pub fn bracketed_gambling_tag(line: &str) -> Option<(usize, usize)> {
    let automaton = gambling_automaton()?;
    let m = automaton
        .find_iter(line)
        .find(|m| is_whole_word(line, m.start(), m.end()))?;
    let before = line.get(..m.start())?;
    let open = before.rfind(['【', '['])?;
    let close_rel = line.get(m.end()..)?.find(['】', ']'])?;
    let close_char = line.get(m.end() + close_rel..)?.chars().next()?;
    let end = m.end() + close_rel + close_char.len_utf8();
    let inside = line.get(open..end)?;
    if inside.chars().count() > 22
        || inside.contains(['】', ']']) && inside.find(['】', ']'])? + 3 < inside.len()
    {
        return None;
    }
    let rest = format!("{}{}", line.get(..open)?, line.get(end..)?);
    let rest_letters = rest.chars().filter(|c| c.is_alphanumeric()).count();
    if rest_letters < 5 || automaton.is_match(&rest) {
        return None;
    }
    Some((open, end))
}

/// Endings that make a gambling term a site name: its address, home page, login or download.
const SITE_SUFFIXES: &[&str] = &[
    "网址", "網址", "官网", "官網", "登录", "登入", "登錄", "注册", "註冊", "下载", "下載",
];

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '。' | '！' | '？' | '；' | ';' | '：' | ':' | '、'
    ) || c.is_whitespace()
}

fn gambling_automaton() -> Option<&'static aho_corasick::AhoCorasick> {
    static GAMBLING: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(GAMBLING_TERMS)
                .ok()
        });
    GAMBLING.as_ref()
}

/// Calls to action that mark an advert wherever the line ends (even on a complete sentence).
const STRONG_AD: &[&str] = &[
    "扫码关注",
    "扫码添加",
    "扫码领取",
    "扫码报名",
    "扫描二维码",
    "長按二維碼",
    "长按二维码",
    "长按识别",
    "加微信",
    "添加微信",
    "加v信",
    "微信号：",
    "微信号:",
    "点击下方",
    "点击查看",
    "點擊查看",
    "点击进入",
    "點擊進入",
    "点击这里",
    "點擊這裡",
    "点击此处",
    "點擊此處",
    "点击阅读原文",
    "點擊下方",
    "立即购买",
    "立即报名",
    "立即咨询",
    "免费领取",
    "限时优惠",
    "关注公众号",
    "关注微信公众号",
    "關注公眾號",
    "click here",
    "subscribe now",
    "sign up for our newsletter",
    "buy now",
];

/// What may stand before a call to action that leads its sentence: nothing, or a polite imperative.
const CALL_LEADS: &[&str] = &["", "请", "請", "please", "欢迎", "歡迎", "敬请", "敬請"];

/// Longest line without any sentence-final mark in which a weak ad word still marks an advert.
const UNPUNCTUATED_AD_MAX_CHARS: usize = 30;

/// Promotional words that are ordinary in real prose; two different ones on a truncated line mark an
/// advert (`…为您创造安全高速省钱的作业环境.欢迎新老客户前来`, `欢迎咨询 销售热线…`). One alone is
/// prose: a polite `您` asks a question (`您觉得这个方案能按时完成吗`), and Common Crawl cuts real
/// paragraphs off mid-sentence (`…中速度和精度的性能壁垒。在您`).
const WEAK_AD: &[&str] = &[
    "本课程",
    "本課程",
    "本讲座",
    "本講座",
    "您",
    "咨询",
    "諮詢",
    "点击",
    "點擊",
    "扫码",
    "掃碼",
    "关注我们",
    "關注我們",
    "欢迎",
    "歡迎",
];

/// Sentence-final marks (Chinese and Latin) used to decide whether a line was cut off.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '.' | '!' | '?' | '…' | '；' | ';' | '．' | '｡'
    )
}

/// Closing quotes and brackets that may follow a sentence-final mark.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '」' | '』' | '）' | ')' | ']' | '】' | '》' | '〉' | '»'
    )
}

/// Characters that separate the items of a keyword list.
fn is_item_sep(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '|' | '｜' | ';' | '；' | '/')
}

/// A line that is nothing but a chain of short keywords sharing prefixes (SEO bait).
///
/// Needs at least five items, no item longer than 40 characters, no sentence-final mark inside the items,
/// and at least 60% of the items sharing their first two characters (CJK) or first word (Latin) with
/// another item. A list of different names (`中国、美国、欧盟、俄罗斯、巴西`) shares no prefixes and stays.
pub fn keyword_chain(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.chars().any(|c| matches!(c, '。' | '！' | '？')) {
        return false;
    }
    let mut items: Vec<&str> = trimmed
        .split(is_item_sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 5 {
        // Space-separated chains only count for CJK items (Latin words are separated by spaces anyway).
        let spaced: Vec<&str> = trimmed.split_whitespace().collect();
        if spaced
            .iter()
            .all(|s| s.chars().filter(|c| crate::text::is_han(*c)).count() >= 2)
        {
            items = spaced;
        }
    }
    if items.len() < 5 || items.iter().any(|s| s.chars().count() > 40) {
        return false;
    }
    // Latin keyword chains are nouns and adjectives; a line of running English, however list-like
    // (`the God of Abraham, the God of Isaac, and the God of Jacob`), is full of function words.
    let english = crate::stages::stopwords::StopList::english();
    if !items.iter().any(|s| s.chars().any(crate::text::is_han))
        && english.density(trimmed) >= english.prose_density() * 0.5
    {
        return false;
    }
    let keys: Vec<String> = items.iter().map(|s| prefix_key(s)).collect();
    let shared = keys
        .iter()
        .enumerate()
        .filter(|(i, k)| {
            !k.is_empty()
                && keys
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != *i && other == *k)
        })
        .count();
    // Items compared pairwise only for short lists; long lists are sampled by the first 200 items,
    // which keeps the check linear-ish on a pathological line.
    shared * 10 >= items.len().min(200) * 6
}

/// The first two characters of a CJK item, or the first content word of a Latin one (lower-cased).
///
/// Function words are skipped: a list in running English (`Ephah, and Epher, and Hanoch, and Abidah`)
/// repeats its `and`, a keyword chain (`cheap shoes, cheap shoes online, cheap shoes sale`) its keyword.
fn prefix_key(item: &str) -> String {
    let first = item.chars().next();
    match first {
        Some(c) if crate::text::is_han(c) => item.chars().take(2).collect(),
        Some(_) => item
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .find(|w| {
                !w.is_empty() && !crate::stages::stopwords::StopList::english().is_stop_word(w)
            })
            .unwrap_or_default(),
        None => String::new(),
    }
}

/// `Some("spam-porn")` or `Some("spam-gambling")` when the line is adult or gambling spam.
///
/// A line is spam when its vocabulary hits cover at least 12% of its visible characters, or when it
/// has a hit and is not running prose (no sentence-final mark and at most 60 characters), or when it
/// holds three or more different terms. A news sentence that names one or two of the terms stays.
pub fn vocab_spam(line: &str) -> Option<&'static str> {
    // One pass of an automaton over all terms settles the common case (no term at all) before the
    // per-term counting below; ASCII case is folded by the automaton, the rest by the vocabulary itself.
    static ANY_TERM: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(PORN_TERMS.iter().chain(GAMBLING_TERMS.iter()))
                .ok()
        });
    if let Some(automaton) = ANY_TERM.as_ref() {
        if !automaton.is_match(line) {
            return None;
        }
    }
    let lower = line.to_lowercase();
    let (porn_hits, porn_chars) = hits(&lower, PORN_TERMS);
    let (gamb_hits, gamb_chars) = hits(&lower, GAMBLING_TERMS);
    let total = porn_hits + gamb_hits;
    if total == 0 {
        return None;
    }
    let visible = line.chars().filter(|c| !c.is_whitespace()).count().max(1);
    let prose = line.chars().any(is_terminal) && visible > 20;
    let dense = (porn_chars + gamb_chars) * 100 >= visible * 12;
    let short_non_prose = !prose && visible <= 60;
    if dense || short_non_prose || total >= 3 {
        Some(if porn_hits >= gamb_hits {
            "spam-porn"
        } else {
            "spam-gambling"
        })
    } else {
        None
    }
}

/// Number of distinct terms found as whole words and the characters they cover (each term counted once
/// per occurrence).
fn hits(lower: &str, terms: &[&str]) -> (usize, usize) {
    let mut distinct = 0;
    let mut chars = 0;
    for term in terms {
        let n = lower
            .match_indices(term)
            .filter(|(at, _)| is_whole_word(lower, *at, at + term.len()))
            .count();
        if n > 0 {
            distinct += 1;
            chars += n * term.chars().count();
        }
    }
    (distinct, chars)
}

/// Whether `line[start..end]` is a word (or a run of words) of its line, not part of a longer one.
///
/// Latin: no letter or digit right before or after, and no hyphen before (`porn` is not a word of
/// "anti-pornography" or "anti-porn"). Chinese: the span starts and ends where the CC-CEDICT
/// longest-match segmentation of its run of Han characters puts word boundaries (`色播` is not a word
/// of `特色播客`, cut as 特色|播客). Mixed terms (`bb电子`) check their Latin side only.
fn is_whole_word(line: &str, start: usize, end: usize) -> bool {
    let before = line.get(..start).and_then(|s| s.chars().next_back());
    let after = line.get(end..).and_then(|s| s.chars().next());
    let term = line.get(start..end).unwrap_or("");
    let (Some(first), Some(last)) = (term.chars().next(), term.chars().next_back()) else {
        return false;
    };
    let latin_glued = |c: Option<char>, edge: char| {
        !crate::text::is_han(edge)
            && c.is_some_and(|c| c.is_alphanumeric() && !crate::text::is_han(c))
    };
    if latin_glued(before, first) || latin_glued(after, last) {
        return false;
    }
    if !crate::text::is_han(first) && before == Some('-') {
        return false;
    }
    if !crate::text::is_han(first) && !crate::text::is_han(last) {
        return true;
    }
    // The Han part of the term, and the run of Han characters around it, segmented into words.
    let is_han = crate::text::is_han;
    let Some(han_from) = term
        .char_indices()
        .find(|(_, c)| is_han(*c))
        .map(|(i, _)| start + i)
    else {
        return true;
    };
    let han_to = term
        .char_indices()
        .rfind(|(_, c)| is_han(*c))
        .map_or(end, |(i, c)| start + i + c.len_utf8());
    let run_start = line
        .get(..han_from)
        .unwrap_or("")
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_han(*c))
        .last()
        .map_or(han_from, |(i, _)| i);
    let run_end = line
        .get(han_to..)
        .unwrap_or("")
        .char_indices()
        .find(|(_, c)| !is_han(*c))
        .map_or(line.len(), |(i, _)| han_to + i);
    let run: Vec<char> = line.get(run_start..run_end).unwrap_or("").chars().collect();
    let ends = crate::stages::mt::han_word_ends(&run);
    let char_at = |byte: usize| line.get(run_start..byte).map_or(0, |s| s.chars().count());
    let boundary = |byte: usize| ends.get(char_at(byte)).copied().unwrap_or(false);
    boundary(han_from) && boundary(han_to)
}

/// The byte offset where a promotional tail begins, `Some(0)` when the whole line is an advert.
///
/// The line is cut into sentences. Walking back from the end, sentences are taken into the tail while
/// they are promotional: a strong call to action (`扫码关注`, `click here`) always counts; two weak words
/// (`您`, `本课程`, `点击`, `欢迎`) count only when the line is truncated (it does not end in a sentence-final
/// mark), because a cut-off promotional sentence is what a spliced-in advert looks like. A short
/// truncated fragment at the very end (`通过`) joins the tail when a promotional sentence precedes it.
pub fn ad_tail(line: &str) -> Option<usize> {
    let trimmed_end = line.trim_end();
    let truncated = !trimmed_end
        .chars()
        .rev()
        .find(|c| !is_closer(*c))
        .is_some_and(is_terminal);
    // A long line with no sentence-final mark at all is not cut off: it is prose punctuated by commas
    // or spaces (a forum reply, a blog) and says nothing about a spliced-in advert. A short one is a
    // label or a button (`为您提供优质服务`, `点击图片查看详细资料`).
    let truncated = truncated
        && (trimmed_end.chars().any(is_terminal)
            || trimmed_end.chars().filter(|c| !c.is_whitespace()).count()
                <= UNPUNCTUATED_AD_MAX_CHARS);
    let sentences = sentence_starts(trimmed_end);
    let mut cut: Option<usize> = None;
    let mut idx = sentences.len();
    let mut pending_fragment = false;
    while idx > 0 {
        idx -= 1;
        let start = sentences[idx];
        let end = sentences.get(idx + 1).copied().unwrap_or(trimmed_end.len());
        let sentence = trimmed_end.get(start..end).unwrap_or("");
        let lower = sentence.to_lowercase();
        // On a finished line a call to action leads its sentence (`Click here to…`, `请扫码关注…`); a
        // sentence that names one (`车企推出限时优惠、置换补贴等措施。`, `用户点击查看按钮后…`) is
        // reporting or instructions.
        let call = |m: &&str| {
            lower.find(*m).is_some_and(|at| {
                let lead = lower
                    .get(..at)
                    .unwrap_or("")
                    .trim_matches(|c: char| !c.is_alphanumeric());
                truncated || CALL_LEADS.contains(&lead)
            })
        };
        let strong = STRONG_AD.iter().any(call);
        // `受欢迎` is "popular" (`广受欢迎的景点`), not a welcome to customers;
        // `您好` opens a reply or a question (`您好，请问…`), not an advert.
        let weak = truncated && {
            let weak_text = lower
                .replace("受欢迎", "")
                .replace("受歡迎", "")
                .replace("您好", "");
            WEAK_AD.iter().filter(|m| weak_text.contains(*m)).count() >= 2
        };
        if strong || weak {
            cut = Some(start);
            pending_fragment = false;
            continue;
        }
        let is_last = idx + 1 == sentences.len();
        if is_last && truncated && sentence.chars().count() <= 20 {
            // The cut-off end of the advert; it belongs to the tail only if an advert precedes it.
            pending_fragment = true;
            continue;
        }
        break;
    }
    if pending_fragment {
        return None;
    }
    cut
}

/// Byte offsets where sentences start (the first is always 0). A sentence ends after a run of
/// sentence-final marks and any closing quotes; Latin `.` needs a following space.
fn sentence_starts(text: &str) -> Vec<usize> {
    // The pipeline's own segmenter, so that "a sentence" means the same thing here as in the corpus.
    let lang = crate::stages::langid::detect_lang(text);
    let mut starts: Vec<usize> = crate::stages::segment::split_sentences(text, lang)
        .into_iter()
        .map(|r| r.start)
        .collect();
    match starts.first_mut() {
        Some(first) => *first = 0,
        None => starts.push(0),
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_chain_detects_prefix_sharing_lists() {
        assert!(keyword_chain(
            "免费电影在线看,免费电影下载,免费电影高清,免费电影网站,免费电影排行"
        ));
        assert!(keyword_chain(
            "cheap shoes, cheap shoes online, cheap shoes sale, cheap shoes men, cheap shoes women"
        ));
        assert!(keyword_chain(
            "手机游戏 手机游戏排行 手机游戏下载 手机游戏大全 手机游戏推荐"
        ));
    }

    #[test]
    fn keyword_chain_keeps_real_lists_and_sentences() {
        // Different names: no shared prefixes.
        assert!(!keyword_chain(
            "中国、美国、欧盟、俄罗斯、巴西、新加坡、尼日利亚"
        ));
        // A sentence that enumerates shared-prefix items is prose.
        assert!(!keyword_chain(
            "各国在数字经济、数字技术、数字治理、数字贸易、数字人才等方面进行了合作。"
        ));
        assert!(!keyword_chain("one, two"));
        // Running English lists repeat their conjunction, not a keyword.
        assert!(!keyword_chain(
            "And the sons of Midian; Ephah, and Epher, and Hanoch, and Abidah, and Eldaah."
        ));
        assert!(!keyword_chain(
            "And he took butter, and milk, and the calf, and set it before them, and they did eat."
        ));
        assert!(!keyword_chain(
            "I am the God of thy father, the God of Abraham, the God of Isaac, and the God of Jacob."
        ));
    }

    #[test]
    fn vocabulary_needs_density_or_non_prose() {
        assert_eq!(vocab_spam("最新毛片免费在线观看"), Some("spam-porn"));
        assert_eq!(
            vocab_spam("百家乐 娱乐城 注册送彩金"),
            Some("spam-gambling")
        );
        assert_eq!(
            vocab_spam("Best online casino bonus codes"),
            Some("spam-gambling")
        );
        // A news sentence naming a term once stays.
        assert_eq!(
            vocab_spam("警方近日破获一起利用境外网站组织六合彩投注的案件，抓获犯罪嫌疑人十二名，涉案金额巨大。"),
            None
        );
        assert_eq!(vocab_spam("今天天气很好。"), None);
    }

    #[test]
    fn injected_gambling_anchor_is_cut_from_a_real_sentence() {
        let line =
            "据当地消息：5月2日8时10分，某某现金网网址：河滨县一家工厂发生火灾，造成2人受伤。";
        let (s, e) = injected_gambling_anchor(line).expect("anchor");
        assert_eq!(&line[s..e], "某某现金网网址：");
        // A news sentence about gambling without an injected anchor stays whole.
        assert_eq!(
            injected_gambling_anchor("警方捣毁一个网络赌博团伙，查获现金网账户二十余个。"),
            None
        );
        // Before a comma, only a site name is an anchor.
        let line = "文章摘要：某某现金网网址，闪电划过夜空，城里的人们都抬起头来看着天空。";
        let (s, e) = injected_gambling_anchor(line).expect("site-name anchor");
        assert_eq!(&line[s..e], "某某现金网网址，");
        assert_eq!(
            injected_gambling_anchor("警方查获某某现金网，抓获犯罪嫌疑人十二名，涉案金额巨大。"),
            None
        );
        // A term followed by a colon but nothing after it is a whole-line matter, not a span.
        assert_eq!(injected_gambling_anchor("某某现金网网址：相关新闻"), None);
    }

    #[test]
    fn bracketed_gambling_tag_is_cut_from_a_headline() {
        let line = "德邦物流能否成功代替快递巨头顺丰？【某某体育app】";
        let (s, e) = bracketed_gambling_tag(line).expect("tag");
        assert_eq!(&line[s..e], "【某某体育app】");
        // Nothing else on the line: the whole line is spam, not a tag.
        assert_eq!(bracketed_gambling_tag("【某某体育app】"), None);
        // A bracket that holds no gambling term is left alone.
        assert_eq!(
            bracketed_gambling_tag("【新华时评】百家乐娱乐城开户送彩金"),
            None
        );
    }

    #[test]
    fn casino_name_chains_are_gambling_spam() {
        assert_eq!(
            vocab_spam("某某国际ag代理 某某现金直营 太阳城电玩城手机版 某某娱乐代理网址"),
            Some("spam-gambling")
        );
        assert_eq!(vocab_spam("秒速赛车开奖结果网址"), Some("spam-gambling"));
    }

    #[test]
    fn ad_tail_cuts_truncated_promotion() {
        let line = "中国正在推进现代化进程。规划勾勒了未来蓝图。本课程将深入解读规划的背景，帮助您理解发展路径。通过";
        let cut = ad_tail(line).expect("advert tail");
        assert_eq!(
            &line[cut..],
            "本课程将深入解读规划的背景，帮助您理解发展路径。通过"
        );
        // Whole line an advert.
        assert_eq!(ad_tail("扫码关注公众号，获取更多资料"), Some(0));
        // English call to action at the end of a complete line.
        let en = "The report was published on Monday. Click here to download the full report.";
        let cut = ad_tail(en).expect("cta");
        assert_eq!(&en[cut..], "Click here to download the full report.");
    }

    #[test]
    fn ad_words_in_real_sentences_stay() {
        assert_eq!(ad_tail("用户点击按钮后，页面会跳转到登录界面。"), None);
        assert_eq!(ad_tail("用户点击查看按钮后，页面会跳转。"), None);
        assert_eq!(ad_tail("点击“设置”"), None);
        assert_eq!(ad_tail("点击查看大图"), Some(0));
        assert_eq!(ad_tail("如果您有任何问题，可以咨询当地政府部门。"), None);
        assert_eq!(ad_tail("本课程将于下学期开设，面向全体学生。"), None);
        assert_eq!(
            ad_tail("今年以来市场竞争日趋白热化，多家车企先后推出限时优惠、置换补贴等措施。"),
            None
        );
        // Truncated, but nothing promotional.
        assert_eq!(ad_tail("会议讨论了数字经济的发展。与会代表认为"), None);
        // Cut off, but "popular" is not a welcome (`欢迎` after `受`), and `您好` is a greeting.
        assert_eq!(
            ad_tail("营地在山里。这家营地广受欢迎，秋天枫叶由绿转黄"),
            None
        );
        assert_eq!(ad_tail("我看了你的帖子。您好，请问这个插件怎么安装"), None);
        // One weak word is prose: a welcome, a polite question cut off, a slogan.
        assert_eq!(ad_tail("营地在山里。欢迎大家来玩，秋天枫叶由绿转黄"), None);
        assert_eq!(
            ad_tail("我昨天去看了现场。您觉得这个方案能按时完成吗"),
            None
        );
        assert_eq!(ad_tail("为您的业务提供一站式解决方案"), None);
        assert_eq!(
            ad_tail("营地在山里。欢迎您扫码预订，秋天枫叶由绿转黄"),
            Some("营地在山里。".len())
        );
        assert_eq!(ad_tail("欢迎咨询 销售热线 010-12345678"), Some(0));
        // A long reply punctuated only by commas is not cut off.
        assert_eq!(
            ad_tail("我看了一下源代码，您的配置文件里少了一个跳过标签的选项，所以设置一直没有生效"),
            None
        );
    }

    #[test]
    fn vocabulary_matches_words_not_substrings() {
        assert_eq!(vocab_spam("特色播客节目推荐"), None);
        assert_eq!(vocab_spam("Court upholds anti-pornography law"), None);
        assert_eq!(vocab_spam("Court upholds anti-porn law"), None);
        assert_eq!(vocab_spam("羊毛片加工厂"), None);
        assert_eq!(vocab_spam("free porn videos"), Some("spam-porn"));
        assert_eq!(vocab_spam("色播五月 色综合"), Some("spam-porn"));
        assert_eq!(vocab_spam("澳门威尼斯人官网"), Some("spam-gambling"));
        assert_eq!(vocab_spam("bb电子游戏 最高返水"), Some("spam-gambling"));
    }
}
