//! Chinese mojibake: Han runs that are improbable under the character-frequency model, re-read as the bytes of
//! another code page. UTF-8 read as GBK (`鎴戜滑` = `我们`), UTF-8 or GBK read as Big5 and Big5 read as GBK (both
//! Big5 decoder families: WHATWG and ETEN/cp950), and GBK shown as Latin-1 letters (`ÎÒÃÇ` = `我们`). A re-read is
//! taken only when it lowers the mean cost per Han character by the configured margin; a run none of them explains
//! is handed to the frame-shift repair.
//!
//! Imports the frame shifts, the settings, the tables and the codecs below it in the stage, `crate::text`, and
//! `crate::stages::langid` for its kana test.

use std::ops::Range;

use super::codecs::{
    big5_encode_char, big5_pair, encode_pairs, gbk_encode, gbk_encode_char, gbk_pair, is_cont,
    mixed_byte, PairEncoder,
};
use super::frame_shift::{frame_shift, lone_stray_byte, residue_start, SHIFT_PAGES};
use super::settings::MojibakeConfig;
use super::tables::{
    big5_alternate_char, char_classes, chars_of, han_costs, is_letter, push_kind, UNKNOWN_HALF_BITS,
};
use crate::text::is_han;

/// Every character pair of a line read as one GBK character from Latin-1/Windows-1252 bytes, with suffix
/// sums along each chain of consecutive pairs, so that a span starting anywhere is judged in O(1).
struct Latin1Chains {
    /// links[j]: chars j and j+1 read as one GBK character of Chinese text (the first must be a non-ASCII
    /// lead), with the suffix sums along the chain of pairs j, j+2, ... that starts there.
    links: Vec<ChainLink>,
}

#[derive(Clone, Copy, Default)]
struct ChainLink {
    pair: Option<char>,
    /// Where the chain of pairs starting here stops (j, j+2, ... up to the first missing pair).
    end: usize,
    /// Suffix sums along the chain: Han cost in half bits, Han count, Han characters missing from the table.
    half_bits: u32,
    han: u32,
    unknown: u32,
}

impl Latin1Chains {
    fn new(chars: &[char]) -> Self {
        let n = chars.len();
        let table = han_costs();
        let classes = char_classes();
        let mut links: Vec<ChainLink> = (0..n + 2)
            .map(|end| ChainLink {
                end,
                ..ChainLink::default()
            })
            .collect();
        for j in (0..n).rev() {
            let lead_char = chars.get(j).filter(|a| !a.is_ascii());
            let pair = lead_char.zip(chars.get(j + 1)).and_then(|(&a, &b)| {
                let lead = mixed_byte(a).filter(|&l| l >= 0x81)?;
                gbk_pair(lead, mixed_byte(b)?).filter(|&c| classes.is_chinese_text(c))
            });
            let next = links.get(j + 2).copied().unwrap_or_default();
            let Some(link) = links.get_mut(j) else {
                continue;
            };
            if let Some(c) = pair {
                let han_bits = table.han_half_bits(c);
                let is = han_bits.is_some();
                let bits = han_bits.map_or(0, u32::from);
                *link = ChainLink {
                    pair,
                    end: next.end,
                    half_bits: next.half_bits + bits,
                    han: next.han + u32::from(is),
                    unknown: next.unknown + u32::from(bits >= u32::from(UNKNOWN_HALF_BITS)),
                };
            }
        }
        Latin1Chains { links }
    }

    fn pair(&self, j: usize) -> Option<char> {
        self.links.get(j).and_then(|l| l.pair)
    }
}

fn no_alternate(_: char) -> Option<[u8; 2]> {
    None
}

/// The kana Japanese writes most (particles, verb endings, the long-vowel mark and common katakana).
const COMMON_JAPANESE_KANA: &str =
    "のにはをたがでてとしいるかなっすまこれらもうんりくあけよおさきだつせやンーストルイクラリシ";

/// Kana used the way Japanese uses them: at least three, and at least half of them among the commonest.
/// Big5 read as GBK also shows kana (Big5's frequent characters have lead bytes 0xA4/0xA5, GBK's kana
/// rows), but spread evenly over all of them; on our CJK test set only 1 of 18 such lines passes this
/// test, and every Japanese line of the AEB pages does.
fn looks_japanese(line: &str) -> bool {
    let (mut kana, mut common) = (0usize, 0usize);
    for c in line.chars().filter(|&c| crate::stages::langid::is_kana(c)) {
        kana += 1;
        if COMMON_JAPANESE_KANA.contains(c) {
            common += 1;
        }
    }
    kana >= 3 && common * 2 >= kana
}

pub(super) fn repair_cjk(
    cfg: &MojibakeConfig,
    line: &str,
    kinds: &mut Vec<&'static str>,
    flagged: &mut Vec<Range<usize>>,
) -> String {
    // Japanese kana are rare in Chinese, so the Han model alone would take clean Japanese for Big5
    // read as GBK (`販売したとして` -> `販仫仄凶午仄化`).
    if looks_japanese(line) {
        return line.to_string();
    }
    // A first pass finds which Big5 re-reads the line convincingly holds; a second also takes that
    // re-read on shorter runs of the same line (`扂蠅蚚Python` = `我们用Python`).
    // The second pass can differ from the first only where a re-read span was refused for being
    // short, so without such a span the first pass is reused.
    //
    // GBK shown as Big5 by an ETEN/cp950 decoder (Python, old Windows tools) holds characters such as
    // `し` or `③` that the WHATWG table writes with other bytes, so those decoders' pairs are tried too,
    // unless the line proves to be Big5 shown as GBK: its kana come from GBK's own kana rows and read as
    // nonsense through the other table. Which runs are Big5 shown as GBK does not depend on the ETEN
    // pairs (see `repair_cjk_pass`), so one pass decides, and only such a line is read again without them.
    let first_pass = |eten: bool| {
        let (mut kinds, mut flagged, mut refused_short) = (Vec::new(), Vec::new(), false);
        let text = repair_cjk_pass(
            cfg,
            line,
            &[],
            eten,
            &mut kinds,
            &mut flagged,
            &mut refused_short,
        );
        (text, kinds, flagged, refused_short)
    };
    let classes = char_classes();
    let mut eten = line.chars().any(|c| classes.has_big5_alternate(c));
    let (mut first, mut first_kinds, mut first_flagged, mut refused_short) = first_pass(eten);
    if eten && first_kinds.contains(&"big5-as-gbk") {
        eten = false;
        (first, first_kinds, first_flagged, refused_short) = first_pass(eten);
    }
    let confirmed: Vec<&'static str> = first_kinds
        .iter()
        .copied()
        .filter(|k| matches!(*k, "gbk-as-big5" | "big5-as-gbk"))
        .collect();
    if confirmed.is_empty() || !refused_short {
        for kind in first_kinds {
            push_kind(kinds, kind);
        }
        flagged.extend(first_flagged);
        return first;
    }
    repair_cjk_pass(
        cfg,
        line,
        &confirmed,
        eten,
        kinds,
        flagged,
        &mut refused_short,
    )
}

fn repair_cjk_pass(
    cfg: &MojibakeConfig,
    line: &str,
    confirmed: &[&'static str],
    eten: bool,
    kinds: &mut Vec<&'static str>,
    flagged: &mut Vec<Range<usize>>,
    refused_short: &mut bool,
) -> String {
    let chars = chars_of(line);
    let table = han_costs();
    let classes = char_classes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let Some(&c) = chars.get(i) else { break };
        if !classes.is_gbk_wide(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&k| !chars.get(k).is_some_and(|&c| classes.is_gbk_wide(c)))
            .unwrap_or(chars.len());
        let run = chars.get(i..end).unwrap_or(&[]);
        let (mean, n_han) = table.mean_bits(run);
        if n_han >= 2 && mean >= cfg.suspect_bits {
            let spans = utf8_reread(cfg, run, gbk_encode(run));
            if !spans.is_empty() {
                push_kind(kinds, "utf8-as-gbk");
                push_with_spans(&mut out, run, spans);
                i = end;
                continue;
            }
            // Big5 confusions: UTF-8 or GBK bytes read as Big5, Big5 bytes read as GBK. Any two rare
            // characters have a fair chance of reading as two commoner ones in the other code page
            // (`旮旯` -> `深身`), so a span needs four Han characters, unless the line already has one.
            // The first re-read that finds something wins, so the later ones are tried only if needed.
            let min_han = |kind| if confirmed.contains(&kind) { 2 } else { 4 };
            let big5_bytes = encode_pairs(run, big5_encode_char);
            let mut reread = Some(("utf8-as-big5", utf8_reread(cfg, run, big5_bytes)))
                .filter(|(_, s)| !s.is_empty());
            if reread.is_none() {
                let kind = "gbk-as-big5";
                let spans = pair_reread(
                    cfg,
                    run,
                    big5_encode_char,
                    None,
                    gbk_pair,
                    min_han(kind),
                    refused_short,
                );
                // Through the ETEN pairs (empty unless that reading differs): it wins where it is the
                // more probable one. Where the WHATWG reading found nothing, Big5 shown as GBK is tried
                // first, exactly as without the ETEN pairs.
                let eten_spans = if eten {
                    pair_reread(
                        cfg,
                        run,
                        big5_encode_char,
                        Some(big5_alternate_char),
                        gbk_pair,
                        min_han(kind),
                        refused_short,
                    )
                } else {
                    Vec::new()
                };
                if !spans.is_empty() {
                    let better = !eten_spans.is_empty()
                        && cost_after(run, &eten_spans) < cost_after(run, &spans);
                    reread = Some((kind, if better { eten_spans } else { spans }));
                } else {
                    let kind = "big5-as-gbk";
                    let spans = pair_reread(
                        cfg,
                        run,
                        gbk_encode_char,
                        None,
                        big5_pair,
                        min_han(kind),
                        refused_short,
                    );
                    reread = Some((kind, spans))
                        .filter(|(_, s)| !s.is_empty())
                        .or(Some(("gbk-as-big5", eten_spans)))
                        .filter(|(_, s)| !s.is_empty());
                }
            }
            if let Some((kind, spans)) = reread {
                push_kind(kinds, kind);
                push_with_spans(&mut out, run, spans);
                i = end;
                continue;
            }
            // Either two-byte code page may have slipped. GBK is tried first: Chinese web text is more
            // often GBK, and a GBK shift rarely reads as a convincing Big5 one or the other way round.
            let next = chars.get(end..).unwrap_or(&[]);
            let shift = SHIFT_PAGES
                .iter()
                .find_map(|page| frame_shift(cfg, run, next, page));
            if let Some(shift) = shift {
                push_kind(kinds, shift.kind);
                // The byte before the shifted part is an orphaned trail byte: a character is gone there, and
                // any residue just before it (`?lián)`) belongs to the same damage.
                let mut flag_start = out.len();
                out.extend(run.get(..shift.kept).unwrap_or(&[]).iter());
                if shift.kept == 0 {
                    flag_start = residue_start(&out);
                } else {
                    flag_start = flag_start.max(out.len());
                }
                out.push_str(&shift.text);
                flagged.push(flag_start..out.len());
                i = end + usize::from(shift.used_next);
                continue;
            }
        }
        if let Some((kind, shifted)) = lone_stray_byte(run, chars.get(end..).unwrap_or(&[])) {
            push_kind(kinds, kind);
            let flag_start = out.len();
            out.push(shifted);
            flagged.push(flag_start..out.len());
            i = end + 1;
            continue;
        }
        out.extend(run.iter());
        i = end;
    }
    out
}

/// `chars` are the characters of `line`.
pub(super) fn repair_gbk_as_latin1(
    cfg: &MojibakeConfig,
    line: &str,
    chars: &[char],
    kinds: &mut Vec<&'static str>,
) -> Option<String> {
    let chains = Latin1Chains::new(chars);
    // Once one convincing span is found, the line is known to be GBK shown as Latin-1, and the short
    // spans the strict test refuses (`Äê¡£` = `年。`, `¡¡` = two ideographic spaces) are decoded too.
    if !(0..chars.len()).any(|i| gbk_as_latin1(cfg, chars, &chains, i, false).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if let Some(end) = gbk_as_latin1(cfg, chars, &chains, i, true) {
            let mut j = i;
            while j < end {
                out.extend(chains.pair(j));
                j += 2;
            }
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    push_kind(kinds, "gbk-as-latin1");
    Some(out)
}

/// `ÎÒÃÇ` -> `我们`: GBK pairs read from Latin-1/cp1252 characters (a trail byte may be ASCII), starting at
/// `i`; returns where the span ends. Strict mode needs two or more common Han characters and no Latin word
/// around; relaxed mode (the line already has a strict span) takes any pair that decodes to known Chinese.
fn gbk_as_latin1(
    cfg: &MojibakeConfig,
    chars: &[char],
    chains: &Latin1Chains,
    i: usize,
    relaxed: bool,
) -> Option<usize> {
    let link = chains.links.get(i)?;
    link.pair?;
    let k = link.end;
    let rest = chains.links.get(k)?;
    let n_han = link.han - rest.han;
    let unknown = link.unknown - rest.unknown;
    let half_bits = link.half_bits - rest.half_bits;
    let min_han = if relaxed { 0 } else { 2 };
    if n_han < min_han || unknown > 0 {
        return None;
    }
    let limit = cfg.max_clean_bits + if relaxed { 4.0 } else { 0.0 };
    if n_han > 0 && f64::from(half_bits) / 2.0 / f64::from(n_han) > limit {
        return None;
    }
    // The Unicode letter tests come last: they are the slowest.
    let latin_before = i > 0 && chars.get(i - 1).is_some_and(|&c| is_letter(c));
    let latin_after = chars.get(k).is_some_and(|&c| !c.is_ascii() && is_letter(c));
    (relaxed || !(latin_before || latin_after)).then_some(k)
}

/// `鎴戜滑` -> `我们`: spans of the run whose GBK bytes are valid UTF-8 of clearly more probable Chinese.
/// Returns (first char, end char, decoded text) per span, in order. Linear: a rejected span is skipped whole.
fn utf8_reread(
    cfg: &MojibakeConfig,
    run: &[char],
    bytes: Option<Vec<u8>>,
) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let Some(bytes) = bytes else {
        return found;
    };
    let table = han_costs();
    let classes = char_classes();
    let mut a = 0;
    while a + 1 < run.len() {
        // A bounded window keeps this linear; a longer garbled stretch is repaired window by window.
        let tail = bytes
            .get(2 * a..(2 * a + 192).min(bytes.len()))
            .unwrap_or(&[]);
        // Every pair starts with a byte above 0x80, so UTF-8 can start here only with a lead byte
        // followed by a continuation byte (the common case, a quick no).
        let utf8_start =
            matches!(tail.first(), Some(0xC2..=0xF4)) && tail.get(1).is_some_and(|&b| is_cont(b));
        if !utf8_start {
            a += 1;
            continue;
        }
        let valid = match std::str::from_utf8(tail) {
            Ok(_) => tail.len(),
            Err(e) => e.valid_up_to(),
        };
        // The span must end on both a GBK and a UTF-8 character boundary.
        let valid_str = std::str::from_utf8(tail.get(..valid).unwrap_or(&[])).unwrap_or("");
        let mut n_chars = valid / 2;
        while n_chars > 0 && !valid_str.is_char_boundary(2 * n_chars) {
            n_chars -= 1;
        }
        if n_chars < 2 {
            a += 1;
            continue;
        }
        let b = a + n_chars;
        let decoded = valid_str.get(..2 * n_chars).unwrap_or("");
        let before = table.mean_bits(run.get(a..b).unwrap_or(&[])).0;
        let (mean, n) = table.mean_bits_iter(decoded.chars());
        let good = n >= 2
            && mean + cfg.min_gain_bits <= before
            && decoded.chars().all(|c| {
                classes.is_chinese_text(c)
                    || c.is_ascii_graphic()
                    || ('\u{2010}'..='\u{2027}').contains(&c)
            });
        if good {
            found.push((a, b, decoded.to_string()));
            a = b;
        } else {
            a += 1;
        }
    }
    found
}

/// `run` written in one double-byte encoding (`encode`: the pair each character stands for) and read back
/// pair by pair with another (`decode`): spans of at least `min_han` Han characters whose reading is
/// clearly more probable. With an `alternative` (the pairs of another variant of the first encoding, where
/// it disagrees), only the reading through it is returned, and nothing when it is not decisive.
/// `refused_short` is set when a span of two or more was refused only for having fewer than `min_han`.
fn pair_reread(
    cfg: &MojibakeConfig,
    run: &[char],
    encode: PairEncoder,
    alternative: Option<PairEncoder>,
    decode: fn(u8, u8) -> Option<char>,
    min_han: usize,
    refused_short: &mut bool,
) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let table = han_costs();
    let classes = char_classes();
    let reading = |encode: PairEncoder| {
        move |c: char| {
            encode(c)
                .and_then(|[a, b]| decode(a, b))
                .filter(|&c| classes.is_chinese_text(c))
        }
    };
    let primary = reading(encode);
    let alternate = reading(alternative.unwrap_or(no_alternate));
    // One decoder made the whole run, so one variant is used throughout: the alternative once one of its
    // readings is decisive (Chinese where the primary pair reads none, or cheaper by the repair margin).
    // A single character whose two readings are both plausible (`ヶ`: `球` or `前`) proves nothing.
    let cost = |c: char| f64::from(table.han_half_bits(c).unwrap_or(0)) / 2.0;
    let alternate_made = alternative.is_some()
        && run.iter().any(|&c| match alternate(c) {
            None => false,
            Some(q) => primary(c).is_none_or(|p| cost(p) - cost(q) >= cfg.min_gain_bits),
        });
    // Without a decisive alternative, the caller has this reading already.
    if alternative.is_some() && !alternate_made {
        return found;
    }
    let read = |c: char| {
        if alternate_made {
            alternate(c).or_else(|| primary(c))
        } else {
            primary(c)
        }
    };
    let mut decoded: Vec<char> = Vec::new();
    let mut a = 0;
    while a < run.len() {
        decoded.clear();
        decoded.extend(run.get(a..).unwrap_or(&[]).iter().map_while(|&c| read(c)));
        if decoded.is_empty() {
            a += 1;
            continue;
        }
        let b = a + decoded.len();
        let (after, n_after) = table.mean_bits(&decoded);
        let all_known = decoded
            .iter()
            .filter_map(|&c| table.han_half_bits(c))
            .all(|bits| bits < UNKNOWN_HALF_BITS);
        if n_after >= min_han.min(2) && all_known {
            let (before, _) = table.mean_bits(run.get(a..b).unwrap_or(&[]));
            if after + cfg.min_gain_bits <= before {
                // Evidence is in distinct characters: a reduplicated word (`勤勤懇懇`) has half the
                // characters it seems to, and two rare ones read as two common ones by chance.
                let mut distinct: Vec<char> =
                    decoded.iter().copied().filter(|&c| is_han(c)).collect();
                distinct.sort_unstable();
                distinct.dedup();
                if distinct.len() >= min_han {
                    found.push((a, b, decoded.iter().collect()));
                } else {
                    *refused_short = true;
                }
            }
        }
        a = b;
    }
    found
}

/// The Han cost of `run` in half bits once `spans` (first char, end char, replacement) are put in.
fn cost_after(run: &[char], spans: &[(usize, usize, String)]) -> u64 {
    let table = han_costs();
    let han_cost = |c: char| u64::from(table.han_half_bits(c).unwrap_or(0));
    let mut total = 0;
    let mut next = 0;
    for (a, b, text) in spans {
        total += run
            .get(next..*a)
            .unwrap_or(&[])
            .iter()
            .map(|&c| han_cost(c))
            .sum::<u64>();
        total += text.chars().map(han_cost).sum::<u64>();
        next = *b;
    }
    total
        + run
            .get(next..)
            .unwrap_or(&[])
            .iter()
            .map(|&c| han_cost(c))
            .sum::<u64>()
}

/// Append `run` to `out` with each span `(start, end, decoded)` (character indices, in order) replaced by
/// its decoded text.
fn push_with_spans(out: &mut String, run: &[char], spans: Vec<(usize, usize, String)>) {
    let mut next = 0;
    for (a, b, decoded) in spans {
        out.extend(run.get(next..a).unwrap_or(&[]).iter());
        out.push_str(&decoded);
        next = b;
    }
    out.extend(run.get(next..).unwrap_or(&[]).iter());
}

#[cfg(test)]
mod tests {
    use super::super::tests::{fixed, rep};
    use super::*;

    #[test]
    fn gbk_read_as_big5_by_either_decoder_family() {
        let want = "我们买了苹果和葡萄，还有香蕉。";
        // Python (ETEN/cp950 table): want.encode('gbk').decode('big5')
        assert_eq!(fixed("扂蠅鎗賸し彆睿に曶ㄛ遜衄眅蓿﹝"), want);
        // A browser (WHATWG table, encoding_rs) reads the same bytes otherwise.
        assert_eq!(fixed("扂蠅鎗賸ⅶ彆睿廴曶ㄛ遜衄眅蓿﹝"), want);
        let want = "这个学期我们要加强合作。";
        assert_eq!(fixed("涴跺悝ぶ扂蠅猁樓Ч磁釬﹝"), want);
        assert_eq!(fixed("涴跺悝ヽ扂蠅猁樓ッ磁釬﹝"), want);
        // GBK's `？` is Big5's bopomofo tone mark `ˋ`.
        assert_eq!(fixed("斕勛溯賸鎘ˋ"), "你吃饭了吗？");
        // `ヶ` reads as `球` through the WHATWG pair and as `前` through the ETEN one; nothing in this line
        // says an ETEN decoder made it, so the WHATWG reading stays (`全球经济…`, `全` lost as U+FFFD).
        let r = rep().repair("�ヶ冪撳淏婓鞣鞣閥葩﹝").unwrap();
        assert_eq!(r.text, "�球经济正在慢慢恢复。");
    }

    #[test]
    fn gbk_brackets_and_quotes_read_as_big5_symbols_are_restored() {
        // Python: s.encode('gbk').decode('big5'). Big5 shows GBK's `《》` as `▲◎`, `「」` as `☆★`, `“”` as
        // `※§`, `【】` as `▽▼`, `〔〕` as `〃○`, `～—` as `‵〞`; a short run between two titles (`和`) is
        // part of the same run.
        for (garbled, want) in [
            (
                "坻酖毞艘俇賸▲昹蚔暮◎睿▲綻瞼襞◎﹝",
                "他昨天看完了《西游记》和《红楼梦》。",
            ),
            ("扂蠅鎗賸▲笢弊華芞◎﹝", "我们买了《中国地图》。"),
            (
                "坴佽ㄩ※涴掛☆苤佽★扂艘賸謗梢﹝§",
                "她说：“这本「小说」我看了两遍。”",
            ),
            ("晤瘍〃媼○腔恅璃獗▽蜇璃▼﹝", "编号〔二〕的文件见【附件】。"),
            (
                "歎跡ㄩ珨啃啋‵媼啃啋〞漪堍煤﹝",
                "价格：一百元～二百元—含运费。",
            ),
        ] {
            assert_eq!(fixed(garbled), want);
        }
        // The same symbols in clean text stay.
        for clean in [
            "▲新品上市◎限时优惠",
            "※注意：本店周一休息。",
            "★★★★☆ 四星好评",
            "第三条 § 2 规定如下。",
        ] {
            assert_eq!(rep().repair(clean), None, "{clean}");
        }
    }

    #[test]
    fn utf8_read_as_gbk() {
        // Python: '这是我的朋友'.encode('utf-8').decode('gbk')
        let r = rep().repair("他说杩欐槸鎴戠殑鏈嬪弸。").unwrap();
        assert_eq!(r.text, "他说这是我的朋友。");
        assert_eq!(r.kinds, vec!["utf8-as-gbk"]);
        assert!(r.unrecoverable.is_empty());
    }

    #[test]
    fn japanese_text_is_not_big5_read_as_gbk() {
        let r = rep();
        for clean in [
            "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕されました。",
            "今回はそのKindleデスクトップアプリ Kindle for PC に関する話。",
            "東京の天気は明日から崩れる見込みです。",
        ] {
            assert!(r.repair(clean).is_none(), "{clean}");
        }
        // Python: '我們都很高興地學習中文，老師說明天考試。'.encode('big5').decode('gbk', 'replace')
        assert!(!looks_japanese("и�坛＋馨�砍�a厩策いゅ�Aρ畍弧��ぱσ刚�C"));
    }

    #[test]
    fn gbk_read_as_big5() {
        // Python: '他们说了很多话，我们都很高兴。'.encode('gbk').decode('big5')
        let r = rep().repair("坻蠅佽賸竭嗣趕ㄛ扂蠅飲竭詢倓﹝").unwrap();
        assert_eq!(r.text, "他们说了很多话，我们都很高兴。");
        assert_eq!(r.kinds, vec!["gbk-as-big5"]);
        // Two rare characters alone are not enough evidence for a re-read.
        assert_eq!(rep().repair("旮旯"), None);
    }

    #[test]
    fn gbk_read_as_latin1() {
        // Python: '他们说了很多话'.encode('gbk').decode('latin-1'), and '我们' via cp1252
        assert_eq!(fixed("ËûÃÇËµÁËºÜ¶à»°"), "他们说了很多话");
        assert_eq!(fixed("ÎÒÃÇ"), "我们");
    }

    #[test]
    fn rare_but_real_chinese_stays() {
        for line in [
            "饕餮之徒觊觎珍馐",
            "耶和华的使者向他显现",
            "麒麟与貔貅",
            "A股和B超检查",
        ] {
            assert_eq!(rep().repair(line), None, "{line}");
        }
    }
}
