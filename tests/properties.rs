//! Property tests of the `fix` chain: one line in, one line out; idempotent; clean text untouched.

use cleanalign::config::Config;
use cleanalign::fix::FixChain;
use proptest::prelude::*;
use std::sync::OnceLock;

mod common;

fn chain() -> &'static FixChain {
    static CHAIN: OnceLock<FixChain> = OnceLock::new();
    CHAIN.get_or_init(|| match FixChain::all(&Config::default()) {
        Ok(c) => c,
        Err(e) => panic!("default fix chain must build: {e:?}"),
    })
}

/// Characters that exercise every stage: Han (both scripts), full- and half-width punctuation, pinyin with tone
/// marks, Latin-1 mojibake material, digits, spaces and zero-width characters.
fn messy_char() -> impl Strategy<Value = char> {
    prop::sample::select(
        "数字领域國際合作網絡发展的是了在和有一这中国人 ,.:;!?()（），。、：；！？“”《》0123456789abcXYZ éÃ©â€™ shùlián()*-·|ＡＢ１\u{200B}\u{3000}\u{A0}\t"
            .chars()
            .collect::<Vec<_>>(),
    )
}

/// A line that may hold characters a stage might read or write as a line break.
fn messy_line_with_breaks() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => messy_char(),
            1 => prop::sample::select(vec!['\u{2028}', '\u{2029}', '\u{85}', '\u{b}', '\u{c}']),
        ],
        0..60,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn messy_line() -> impl Strategy<Value = String> {
    prop::collection::vec(messy_char(), 0..80).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Whole texts with every kind of line break (LF, CRLF, a lone CR) and the characters that stages could
    /// turn into one (U+2028, U+0085, vertical tab, form feed): the output's line breaks are the input's.
    #[test]
    fn fix_never_adds_or_removes_a_line(lines in prop::collection::vec(messy_line_with_breaks(), 1..6),
                                        endings in prop::collection::vec(prop::sample::select(vec!["\n", "\r\n", "\r", ""]), 6)) {
        let text: String = lines.iter().zip(&endings).map(|(l, e)| format!("{l}{e}")).collect();
        let fixed = chain().fix_text(&text);
        let breaks = |t: &str| t.match_indices(['\n', '\r']).map(|(_, b)| b.to_string()).collect::<Vec<_>>();
        prop_assert_eq!(breaks(&fixed), breaks(&text), "{:?} -> {:?}", text, fixed);
        let count = |t: &str| t.split(['\n', '\r']).count();
        prop_assert_eq!(count(&fixed), count(&text));
    }

    #[test]
    fn fix_is_idempotent(line in messy_line()) {
        let once = chain().fix_line(&line);
        let twice = chain().fix_line(&once);
        prop_assert_eq!(&once, &twice, "input {:?}", line);
    }
}

/// Clean Simplified Chinese and English sentences, written for this test, assembled into many combinations.
const CLEAN_ZH: &[&str] = &[
    "今天天气很好，我们去公园散步。",
    "他说：“这本书值得一读。”",
    "会议于2023年5月12日在北京举行，共有1,200人参加。",
    "研究人员发现，人工智能（AI）正在改变医疗行业。",
    "你吃饭了吗？还没有！",
    "我们要看看、想想，再做决定。",
    "《红楼梦》是中国古典小说的代表作之一。",
    "价格从3.5元涨到了4.2元；销量却没有下降。",
    "常常有人问我：学习中文难不难？",
    "请在下午3:30之前提交报告。",
];

const CLEAN_EN: &[&str] = &[
    "The weather is nice today, so we went for a walk in the park.",
    "He said: \"This book is worth reading.\"",
    "The meeting was held in Beijing on 12 May 2023, with 1,200 participants.",
    "Researchers found that artificial intelligence (AI) is changing health care.",
    "Have you eaten yet? Not yet!",
    "Prices rose from $3.50 to $4.20; sales did not fall.",
    "Mr. Smith arrived at 3:30 p.m. with his wife.",
    "Visit https://example.com/path?q=1 for details.",
    "She had had enough of the noise.",
    "I think that that is the right answer.",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    // Distinct sentences: the same sentence three times in a row is a loop the mt stage rightly collapses.
    fn clean_chinese_is_unchanged(picks in prop::sample::subsequence((0..CLEAN_ZH.len()).collect::<Vec<_>>(), 1..4)) {
        let line: String = picks.iter().map(|&i| CLEAN_ZH[i]).collect();
        prop_assert_eq!(chain().fix_line(&line), line);
    }

    #[test]
    fn clean_english_is_unchanged(picks in prop::sample::subsequence((0..CLEAN_EN.len()).collect::<Vec<_>>(), 1..4)) {
        let line = picks.iter().map(|&i| CLEAN_EN[i]).collect::<Vec<_>>().join(" ");
        prop_assert_eq!(chain().fix_line(&line), line);
    }
}

mod pipeline_never_panics {
    use proptest::prelude::*;

    /// Line accounting (DESIGN.md): every non-blank raw line of a cleaned document is kept (possibly
    /// changed) or has a row in the rejects, and nothing points past the end of the input.
    fn accounted(doc: &cleanalign::doc::Document) -> bool {
        let mut seen = std::collections::BTreeSet::new();
        for line in &doc.lines {
            seen.insert(line.raw_no);
        }
        for reject in doc.rejects.iter().filter(|r| r.line > 0) {
            seen.insert(reject.line);
        }
        let raw = doc.stats.raw_lines;
        seen.iter().all(|&n| (1..=raw).contains(&n)) && seen.len() == raw - doc.stats.blank_lines
    }

    use super::common;
    use cleanalign::engine::process_bytes;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Arbitrary bytes (binary, truncated UTF-8, legacy encodings, NULs) never panic the whole pipeline:
        /// each input is either cleaned or refused with an error.
        #[test]
        fn arbitrary_bytes(docs in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..400), 1..4)) {
            let inputs: Vec<(String, Vec<u8>)> =
                docs.into_iter().enumerate().map(|(i, b)| (format!("d{i}"), b)).collect();
            let (cleaned, failed, _) = process_bytes(common::default_pipeline(), &inputs);
            prop_assert_eq!(cleaned.len() + failed.len(), inputs.len());
            for (id, error) in &failed {
                prop_assert!(!error.to_string().trim().is_empty(), "{} failed without a reason", id);
            }
            for doc in &cleaned {
                prop_assert!(accounted(doc), "{}: a raw line neither kept nor rejected", doc.id);
            }
        }

        /// Arbitrary Unicode text never panics either, and every cleaned line is non-blank and single-line.
        #[test]
        fn arbitrary_text(text in "\\PC{0,300}(\n\\PC{0,120}){0,6}") {
            let inputs = vec![("t".to_string(), text.into_bytes())];
            let (cleaned, _, _) = process_bytes(common::default_pipeline(), &inputs);
            for doc in &cleaned {
                prop_assert!(accounted(doc), "{}: a raw line neither kept nor rejected", doc.id);
                for line in &doc.lines {
                    prop_assert!(!cleanalign::text::is_blank(&line.text));
                    prop_assert!(!line.text.contains('\n'));
                }
            }
        }
    }
}
