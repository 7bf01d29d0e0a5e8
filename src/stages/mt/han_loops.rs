//! Loops in Chinese text: a stretch of characters written two or more times back to back by a decoder that
//! lost its place, found at the character level whatever its alignment to words, directly joined or joined
//! by a comma (`上海交通大交通大学`, `请问是请问是请问是，`, `但是没，有人，但是没，有人`, `共 30 人0 人0 人参加`),
//! and cut to one copy.
//!
//! Finding: for every period `q` up to [`MAX_HAN_UNIT`], a run is a stretch where each character equals
//! the one `q` places later; a run of `c·q` characters holds `c` copies, and a run one separator short of
//! that (`X，X`: the last copy has no joiner after it) holds `c` too. Each maximal run is met once, at its
//! first character, so the scan costs `MAX_HAN_UNIT` comparisons per character. Removing `(c-1)·q`
//! characters anywhere inside a run leaves the same text, so the cut needs no word boundaries.
//!
//! Deciding: a run is a loop unless the evidence says it is Chinese that repeats on purpose:
//! - units of one or two characters are reduplication (看看, 研究研究, 谢谢谢谢, 好的好的), as is a unit
//!   that is itself a repetition (哈哈哈), and "一 + measure word" said twice is distributive
//!   (一个镜头一个镜头, one shot after another);
//! - a repetition that is the whole line is a chant, a title or a table header (中国加油！中国加油！,
//!   单价 数量 单价 数量);
//! - whole clauses repeated, each copy closed by the same mark, the first opening a clause, are emphasis,
//!   a call or a song line (对不起，对不起，; 两只老虎，两只老虎，; 单价 数量 单价 数量 小计): twice, or
//!   more often for a unit of two characters (好的，好的，好的); three copies of anything longer are
//!   never prose;
//! - a set phrase said twice right before punctuation is a wish or a slogan: the unit is a CC-CEDICT
//!   headword (祝你一路平安一路平安！) or follows a verb of calling or saying (高喊中国加油中国加油。).
//!
//! Everything else is a loop: a copy that starts or ends inside a word or a clause, copies glued without
//! a mark, a mark doubled at the seam (`夏甲，，夏甲，`), a unit carrying other punctuation, and units of
//! `han_two_copy_unit_chars` or more characters, which nobody repeats on purpose inside a sentence.
//! Units without a Han character (numbers, URLs, Latin words in Chinese text) are never cut.
//!
//! Methods of [`MtRepairer`]; besides `super::config`, which defines it and the longest unit, imports
//! `super::words` (the CC-CEDICT headwords) and `crate::text`.

use super::config::{MtRepairer, MAX_HAN_UNIT};
use super::words::{han_word_ends, is_han_headword};
use crate::text::is_han;

/// Marks that join or close the copies of a repeated clause.
fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '、'
            | '。'
            | '！'
            | '!'
            | '？'
            | '?'
            | '；'
            | ';'
            | '：'
            | ':'
            | '…'
            | '—'
            | ' '
            | '\u{3000}'
    )
}

/// Characters that never belong to a word: punctuation, symbols, white space, and list numbers (`②`).
fn is_boundary(c: char) -> bool {
    !is_word_char(c)
}

/// Han, letters and digits: the characters of words and numbers.
fn is_word_char(c: char) -> bool {
    is_han(c) || c.is_alphabetic() || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Letters and digits of words and numbers written in Chinese text.
fn is_latin_word_char(c: char) -> bool {
    is_word_char(c) && !is_han(c)
}

/// Verbs of calling, saying, singing and wishing: what follows them may be a slogan quoted without marks.
const CALLING_VERBS: &str = "喊呼叫唱念说道祝吼嚷";

/// Measure words (classifiers) of Chinese.
const CLASSIFIERS: &str = "个位只条张本件块次遍步天年月句字段篇层排行批群片点些种样家间座所台部辆架棵根把枝支朵封首场声口头匹双对套份笔颗粒滴杯碗盘瓶袋箱包堆道阵番趟下回眼脚拳刀枪代届期轮圈章节课门项桩幅面页尊名员户栋";

/// One maximal run of a period: `start` and `len` in characters, the period, and the copies it holds.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    len: usize,
    period: usize,
    copies: usize,
}

impl Run {
    /// How many characters the cut removes: every copy but one.
    fn removed(&self) -> usize {
        (self.copies - 1) * self.period
    }
}

/// Every maximal run of every period from 2 to [`MAX_HAN_UNIT`] that holds two copies or more, in
/// order of start and period. One pass per period over pairs of characters `q` apart, so a line
/// without repetition costs [`MAX_HAN_UNIT`] comparisons per character and no allocation.
fn find_runs(chars: &[char], min_unit: usize) -> Vec<Run> {
    let mut runs = Vec::new();
    for q in (2..=MAX_HAN_UNIT).filter(|&q| q >= min_unit || q == 2) {
        if chars.len() <= q {
            break;
        }
        let mut matched = 0;
        for (i, (a, b)) in chars.iter().zip(&chars[q..]).enumerate() {
            if a == b {
                matched += 1;
                continue;
            }
            if matched + 2 >= q && matched > 0 {
                runs.extend(run_of(chars, i - matched, matched, q));
            }
            matched = 0;
        }
        if matched + 2 >= q && matched > 0 {
            runs.extend(run_of(chars, chars.len() - q - matched, matched, q));
        }
    }
    runs.sort_by_key(|r| (r.start, r.period));
    runs
}

/// The run of period `q` starting at `start` in which `matched` characters equal the one `q` later, if it
/// holds two copies or more. Two characters are reduplication (看看, 好的好的), except a character and
/// a mark after it, which the rules judge like any unit (`了。了。`, but `好，好，`).
fn run_of(chars: &[char], start: usize, matched: usize, q: usize) -> Option<Run> {
    if q == 2
        && !chars[start..start + 2]
            .iter()
            .any(|&c| is_clause_mark(c) && !c.is_whitespace())
    {
        return None;
    }
    let len = matched + q;
    let mut copies = len / q;
    let rest = len % q;
    // `X，X`: the characters that would complete another copy are its joiner (one or two marks), so the
    // run ends with a whole copy of the text.
    if rest > 0
        && q - rest <= 2
        && chars[start + rest..start + q]
            .iter()
            .all(|&c| is_clause_mark(c))
    {
        copies += 1;
    }
    (copies >= 2).then_some(Run {
        start,
        len,
        period: q,
        copies,
    })
}

fn is_primitive(unit: &[char]) -> bool {
    let n = unit.len();
    (1..n)
        .filter(|d| n % d == 0)
        .all(|d| (d..n).any(|k| unit[k] != unit[k % d]))
}

/// "一 + measure word + noun" said twice is distributive reduplication, "one by one": 一个镜头一个镜头
/// (shot after shot), 一个人一个人地. The noun is one character or a CC-CEDICT word of two (not
/// 一把三齿, 一天的星, 一名粗工太). A unit with a second 一 (一带一路) is a name, not this.
fn is_distributive(unit: &[char]) -> bool {
    let noun = unit.get(2..).unwrap_or(&[]);
    unit.first() == Some(&'一')
        && unit.get(1).is_some_and(|c| CLASSIFIERS.contains(*c))
        && noun.iter().all(|&c| is_han(c) && c != '一')
        && match noun.len() {
            1 => !NOT_PHRASE_END.contains(noun[0]) && !"起来去上下过中里".contains(noun[0]),
            2 => is_han_headword(&noun.iter().collect::<String>()),
            _ => false,
        }
}

/// Whether the seam of two copies glued together reads as a word (`子，儿|子，儿` in 妻子，儿子，儿妇;
/// `是优|美的` in 是完美的，是优美的，是优雅的): a stretch of real text whose parallel phrases share
/// characters, not a copy made by a decoder, whose seam joins the end of a span to its start at random.
fn seam_is_word(chars: &[char], run: &Run) -> bool {
    let q = run.period;
    let slack = run.len - (run.copies * q).min(run.len);
    (run.start..=run.start + slack).any(|o| {
        let seam = o + q;
        seam >= 1
            && seam < chars.len()
            && is_han(chars[seam - 1])
            && is_han(chars[seam])
            && is_han_headword(&chars[seam - 1..=seam].iter().collect::<String>())
    })
}

/// Where the words of a line start and end (the first and last character that is not a mark).
struct LineWords {
    first_word: usize,
    last_word: usize,
}

/// How far a clause is read on either side of a copy to find word boundaries: enough for the longest
/// headword, and it keeps the work per candidate bounded in a line without punctuation.
const CLAUSE_WINDOW: usize = 24;

impl MtRepairer {
    /// Cut character loops in a line of Chinese text.
    pub(super) fn collapse_han(&self, line: &str) -> String {
        if !self.collapse_loops {
            return line.to_string();
        }
        let chars: Vec<char> = line.chars().collect();
        let runs = find_runs(&chars, self.han_min_unit);
        if runs.is_empty() {
            return line.to_string();
        }
        let words = LineWords {
            first_word: chars.iter().position(|&c| !is_boundary(c)).unwrap_or(0),
            last_word: chars.iter().rposition(|&c| !is_boundary(c)).unwrap_or(0),
        };
        let mut out = String::with_capacity(line.len());
        // Runs in order of start: the first loop found is cut, and runs that start inside it are passed.
        let mut next = 0;
        for run in &runs {
            if run.start < next || !self.is_han_loop(&words, &chars, run) {
                continue;
            }
            out.extend(&chars[next..run.start + run.len - run.removed()]);
            next = run.start + run.len;
        }
        out.extend(&chars[next..]);
        out
    }

    fn is_han_loop(&self, line: &LineWords, chars: &[char], run: &Run) -> bool {
        let q = run.period;
        let unit = &chars[run.start..run.start + q];
        if run.copies < self.han_min_repeats || !is_primitive(unit) {
            return false;
        }
        // The whole line (apart from marks around it) is the repetition, said twice: a chant, a title, a
        // header row (中国加油！中国加油！, 单价 数量 单价 数量). A long sentence glued to itself is a loop.
        let content = unit.iter().filter(|&&c| !is_boundary(c)).count();
        if run.copies == 2
            && run.start <= line.first_word
            && run.start + run.len > line.last_word
            && (content < self.han_two_copy_unit || unit.iter().any(|&c| is_boundary(c)))
        {
            return false;
        }
        if !unit.iter().any(|&c| is_han(c)) {
            return is_latin_loop(chars, run);
        }
        if (run.copies == 2 && is_distributive(unit)) || two_character_pattern(unit) {
            return false;
        }
        let Some(shape) = clause_shape(chars, run) else {
            // Copies glued together, or a seam of debris (`夏甲，，夏甲，`): only a set phrase said twice
            // stays, or parallel phrases across one mark whose seam is a word.
            let marks = unit.iter().filter(|&&c| is_boundary(c)).count();
            if run.copies != 2 {
                return true;
            }
            if marks == 0 {
                return !(q < self.han_two_copy_unit && is_set_phrase_said_twice(chars, run));
            }
            return !(marks == 1 && seam_is_word(chars, run));
        };
        let words = shape.word_len;
        if shape.opens && shape.closes {
            // Whole clauses said again: emphasis, a call or a song line, but three copies of anything
            // longer than two characters are no prose.
            return !(run.copies == 2 || words <= 2);
        }
        // A stammer (`我……我昨晚`, `那部书…… 书……`).
        if words <= 2 && matches!(shape.mark, '…' | '—') {
            return false;
        }
        if run.copies > 2 {
            return true;
        }
        // List items that share a word (`拉手、手柄、手柄球`, `泳池水处理设备、水处理设备`): an enumeration
        // names things, and two of them may start or end alike.
        if shape.mark == '、' {
            return false;
        }
        // Two copies, the first glued to the text before it, the last a clause of its own
        // (`…的前男友，前男友，`).
        if shape.closes {
            return true;
        }
        // The last copy runs on into its clause. A word of one or two characters that ends one clause and
        // starts the next (`以扫，以扫吃了`); a stammer of one character (`我，我不知道`).
        if words == 1 || (words == 2 && !shape.opens) {
            return false;
        }
        // A sentence that starts with the word the last one ended with (`…技术。技术通过…`).
        if matches!(shape.mark, '。' | '！' | '？' | '.' | '!' | '?') {
            return false;
        }
        // A reduplicated adverb said again (`轻轻地、轻轻地握住`).
        let first_words = &chars[shape.first..shape.first + words];
        if first_words[0] == first_words[1] && matches!(first_words[words - 1], '地' | '的') {
            return false;
        }
        if shape.opens {
            // A term, a colon and its definition starting with the term (`加热室：加热室是由…`); a clause of
            // its own said again to start the next is no prose (`逾越节，逾越节的祭物`).
            return !matches!(shape.mark, '：' | ':');
        }
        // Anadiplosis: the end of one clause starts the next (`你必恋慕你丈夫，你丈夫必管辖你`). The
        // repeated part is then a phrase of its own: whole words on both sides, not starting or ending
        // with a particle, preposition or adverb. A copy cut out of running text is seldom one.
        !(words < self.han_two_copy_unit && shape.is_phrase(chars, run))
    }
}

/// A unit of four characters or more written with two only (`长长短短长长`, a pattern of long and short
/// signals): a code or reduplication, not a loop.
fn two_character_pattern(unit: &[char]) -> bool {
    let mut words = unit.iter().filter(|&&c| !is_boundary(c));
    let Some(&first) = words.next() else {
        return true;
    };
    let second = words.find(|&&c| c != first).copied();
    let mut count = 0;
    unit.iter().filter(|&&c| !is_boundary(c)).all(|&c| {
        count += 1;
        c == first || Some(c) == second
    }) && count >= 4
}

/// How the copies of a run sit among clauses: each copy is a stretch of words `W` and a closing mark.
struct ClauseShape {
    /// Where the first copy's words start, and how many characters they have.
    first: usize,
    word_len: usize,
    /// The mark that closes each copy (its first character).
    mark: char,
    /// The first copy starts a clause (line start or after a mark).
    opens: bool,
    /// The last copy's words are followed by a mark or the line end.
    closes: bool,
}

/// The copies of a run as words and a closing mark: some rotation of the unit is `W` (starting and
/// ending with a word character) and a block of marks, which must read as one: a clause mark, an ellipsis
/// or a dash, and spaces after it (`，`, `……`, `： `). A seam of two marks (`，，`, `。，`, `、，`) is
/// debris, and so is a unit carrying other punctuation inside its words, except the same mark when it is
/// said twice (two clauses of a song line, `两只老虎，跑得快，两只老虎，跑得快`). None when no rotation fits.
fn clause_shape(chars: &[char], run: &Run) -> Option<ClauseShape> {
    let q = run.period;
    let run_end = run.start + run.len;
    (run.start..run.start + q).find_map(|o| {
        let unit = chars.get(o..o + q)?;
        if is_boundary(unit[0]) || !is_boundary(unit[q - 1]) {
            return None;
        }
        let word_len = unit.iter().rposition(|&c| !is_boundary(c))? + 1;
        let (words, marks) = unit.split_at(word_len);
        let mark = marks[0];
        let rest = &marks[1..];
        let natural = if matches!(mark, '…' | '—') {
            rest.iter().all(|&c| c == mark || c.is_whitespace())
        } else {
            is_clause_mark(mark) && rest.iter().all(|&c| c.is_whitespace())
        };
        if !natural
            || words
                .iter()
                .any(|&c| is_boundary(c) && (run.copies > 2 || !marks.contains(&c)))
        {
            return None;
        }
        // Clauses split by spaces are cells of a header row: words, not a number and its unit spaced
        // out (`8 月 8 月`).
        if mark.is_whitespace()
            && words
                .split(|&c| c == mark)
                .any(|cell| cell.len() < 2 || cell.iter().any(|c| c.is_ascii_digit()))
        {
            return None;
        }
        // Every copy's words lie in the run (the last copy may lack its mark).
        let last_words_end = o + (run.copies - 1) * q + word_len;
        if last_words_end > run_end {
            return None;
        }
        Some(ClauseShape {
            first: o,
            word_len,
            mark,
            opens: o == 0 || is_boundary(chars[o - 1]),
            closes: chars.get(last_words_end).is_none_or(|&c| is_boundary(c)),
        })
    })
}

/// Characters that do not start a phrase that could be said again as the subject of a clause: particles,
/// prepositions, conjunctions, adverbs and negation.
const NOT_PHRASE_START: &str =
    "的了着过地得在是把将被给对向从和与及或就都又还才也很不没而但却并且则吗呢吧啊之于以所因";
/// Characters that do not end such a phrase: particles, prepositions, conjunctions and adverbs.
const NOT_PHRASE_END: &str =
    "的了着过地得在是把将被给对向从和与及或就都又还才也很不没而但却并且则吗呢吧啊之于以所因为";

/// What comes before the head of a phrase rather than before an object: particles of modification,
/// determiners, common measure words, prepositions and conjunctions (not 给 and 让, which are verbs
/// as often: `又给她丈夫，她丈夫也吃了`).
const BOUND_BEFORE: &str = "的之该这那此其每各个位件张条只本种名些在于为将把被对向从和与及并或由以";

impl ClauseShape {
    /// Whether the repeated words are a phrase of their own: whole words where the first copy starts and
    /// where the last one ends (by [`han_word_ends`] over their clauses), with no particle, preposition or
    /// adverb at either end.
    fn is_phrase(&self, chars: &[char], run: &Run) -> bool {
        let words = &chars[self.first..self.first + self.word_len];
        if words.iter().any(|&c| !is_han(c))
            || NOT_PHRASE_START.contains(words[0])
            || NOT_PHRASE_END.contains(words[self.word_len - 1])
        {
            return false;
        }
        // The first copy ends its clause as the object of a verb (`恋慕你丈夫`, `吹响了大喇叭`); after a
        // modifier, a determiner, a measure word or a preposition it is the head of a phrase that goes
        // on, which is how a copy cut out of running text reads (`我们的客服时间，客服时间为`,
        // `在工程师，工程师检查`).
        if self.first > 0 && BOUND_BEFORE.contains(chars[self.first - 1]) {
            return false;
        }
        let window_start = self.first.saturating_sub(CLAUSE_WINDOW);
        let clause_start = chars[window_start..self.first]
            .iter()
            .rposition(|&c| is_boundary(c))
            .map_or(window_start, |k| window_start + k + 1);
        let before = han_word_ends(&chars[clause_start..self.first + self.word_len]);
        if !before[self.first - clause_start] {
            return false;
        }
        let last = self.first + (run.copies - 1) * run.period;
        let window_end = (last + self.word_len + CLAUSE_WINDOW).min(chars.len());
        let clause_end = chars[last..window_end]
            .iter()
            .position(|&c| is_boundary(c))
            .map_or(window_end, |k| last + k);
        han_word_ends(&chars[last..clause_end])[self.word_len]
    }
}

/// A repeated stretch without Han in Chinese text (names, numbers, URLs) is a loop only when its copies
/// cut a word or a number: copies divided by marks that end or start inside a word (`Lar，Lar，Larry`,
/// `iPod ，od`, `1,20，1,20，1,200`), or copies inside one word said three times (`Deeneyneyney`) or
/// meeting a capital (`RahRahul`). Whole words said again (`Modi，Modi`, `bonbon`) and a word that repeats
/// letters of its own (`Mississippi`) stay, and so do plain numbers (`13912341234`).
fn is_latin_loop(chars: &[char], run: &Run) -> bool {
    let q = run.period;
    let unit = &chars[run.start..run.start + q];
    let letters = unit.iter().any(|c| c.is_alphabetic());
    let wide_mark = unit.iter().any(|&c| is_boundary(c) && !c.is_ascii());
    if (!letters && !wide_mark) || unit.iter().filter(|&&c| is_latin_word_char(c)).count() < 2 {
        return false;
    }
    // Where the copies can lie inside the run, and whether any placement keeps whole words.
    let span = (run.copies * q).min(run.len);
    let cuts_word = |at: usize| {
        at > 0
            && at < chars.len()
            && is_latin_word_char(chars[at - 1])
            && is_latin_word_char(chars[at])
    };
    let aligned =
        (run.start..=run.start + run.len - span).any(|o| !cuts_word(o) && !cuts_word(o + span));
    if aligned {
        return false;
    }
    // Copies divided by marks: a full-width mark inside a Latin word is debris (`Lar，Lar，Larry`), and so
    // are three copies; two divided by a space may be a name (`Jo Jorgensen`).
    if unit.iter().any(|&c| is_boundary(c)) {
        return wide_mark || run.copies >= 3;
    }
    let capital_seam = unit.iter().position(|c| c.is_uppercase()).is_some_and(|k| {
        let at = run.start + k + q;
        chars.get(at - 1).is_some_and(|c| c.is_lowercase())
    });
    run.copies >= 3 || capital_seam
}

/// A set phrase said twice before punctuation or the line end, as a wish or a slogan is: the unit (in some
/// rotation inside the run) is a CC-CEDICT headword of three characters or more (一路平安), or it follows a
/// verb of calling, saying or wishing (高喊中国加油中国加油).
fn is_set_phrase_said_twice(chars: &[char], run: &Run) -> bool {
    let q = run.period;
    let run_end = run.start + run.len;
    (run.start..=run_end.saturating_sub(2 * q)).any(|o| {
        let after = o + 2 * q;
        if chars.get(after).is_some_and(|&c| !is_boundary(c)) {
            return false;
        }
        let called = o >= 1
            && (CALLING_VERBS.contains(chars[o - 1])
                || (o >= 2
                    && "着了道".contains(chars[o - 1])
                    && CALLING_VERBS.contains(chars[o - 2])));
        called || {
            let unit: String = chars[o..o + q].iter().collect();
            is_han_headword(&unit)
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::stages::mt::tests::rep;

    fn fix(s: &str) -> String {
        rep().repair(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn loops_of_any_alignment_are_cut() {
        for (looped, original) in [
            // Three characters across a word boundary, said twice and three times.
            ("我们在上海交通大交通大学见面。", "我们在上海交通大学见面。"),
            (
                "请问是请问是请问是，您的订单号多少？",
                "请问是，您的订单号多少？",
            ),
            // Joined by a comma, the copies holding a comma of their own.
            (
                "他说要买，但是没，有人，但是没，有人卖给他。",
                "他说要买，但是没，有人卖给他。",
            ),
            (
                "这件衣服的颜色，衣服的颜色，衣服的颜色很好看。",
                "这件衣服的颜色很好看。",
            ),
            // A span ending in a comma, joined by another: the seam shows a doubled comma.
            (
                "客服说，明天，，明天，可以发货。",
                "客服说，明天，可以发货。",
            ),
            // Digits, a space and Latin letters inside the unit.
            ("本次活动共 30 人0 人0 人参加。", "本次活动共 30 人参加。"),
            (
                "新款手机支持5G网络5G网络，续航更长。",
                "新款手机支持5G网络，续航更长。",
            ),
            // After the final stop, and more copies than the protocol writes.
            ("我们会尽快为您处理。为您处理。", "我们会尽快为您处理。"),
            (
                "本店所有商品包邮，包邮，包邮，包邮，包邮，欢迎选购。",
                "本店所有商品包邮，欢迎选购。",
            ),
            // Three copies of anything longer than two characters are no prose, even as a whole line;
            // a sentence glued to itself is no chant.
            ("我爱你我爱你我爱你", "我爱你"),
            ("我搞纳米材料我搞纳米材料。", "我搞纳米材料。"),
            // A long clause said three times.
            (
                "我们要加强数字合作，我们要加强数字合作，我们要加强数字合作，推动发展。",
                "我们要加强数字合作，推动发展。",
            ),
        ] {
            assert_eq!(fix(looped), original, "{looped}");
        }
    }

    #[test]
    fn earlier_decisions_hold() {
        for (looped, original) in [
            ("推动一带一路一带一路一带一路建设", "推动一带一路建设"),
            ("推动一带一路一带一路建设", "推动一带一路建设"),
            (
                "我们要推动数字经济数字经济发展。",
                "我们要推动数字经济发展。",
            ),
            (
                "我们要加强数字合作我们要加强数字合作，推动发展。",
                "我们要加强数字合作，推动发展。",
            ),
        ] {
            assert_eq!(fix(looped), original, "{looped}");
        }
        for clean in [
            "看看常常研究研究高高兴兴",
            "哈哈哈哈哈哈哈哈哈哈哈哈",
            "一路平安一路平安",
            "短长长长长、短长长长长、短短短短短",
            "研究研究",
            "而是一个镜头一个镜头分别拍了。",
            "他们一步一步一步一步地走。",
        ] {
            assert_eq!(fix(clean), clean);
        }
    }

    #[test]
    fn chinese_that_repeats_on_purpose_stays() {
        for clean in [
            "这个方案我们还需要研究研究，下周再给您答复。",
            "好的好的，我这就帮您查一下。",
            "导演一个镜头一个镜头地抠细节。",
            "对不起，对不起，是我们的失误。",
            "好的，好的，好的，马上给您安排。",
            "两只老虎，两只老虎，跑得快，跑得快。",
            "中国加油！中国加油！",
            "单价 数量 单价 数量",
            "单价 数量 单价 数量 小计",
            "祝你一路平安一路平安！",
            "我们高喊中国加油中国加油。",
            "活动将于11月11日11点11分准时开始。",
            "请拨打400-800-8000咨询。",
            "详情请访问 https://example.com/help/help，或拨打客服电话。",
            // Parallel phrases whose seam is a word: 是完[美的，是优]美的，是优雅的.
            "最好的产品不是完美的，是优美的，是优雅的。",
            "你和你的妻子，儿子，儿妇都可以出方舟。",
        ] {
            assert_eq!(fix(clean), clean);
        }
    }
}
