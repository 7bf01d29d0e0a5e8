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

fn messy_line() -> impl Strategy<Value = String> {
    prop::collection::vec(messy_char(), 0..80).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn fix_never_adds_or_removes_a_line(line in messy_line()) {
        let fixed = chain().fix_line(&line);
        prop_assert!(!fixed.contains('\n') && !fixed.contains('\r'), "{:?} -> {:?}", line, fixed);
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
        }

        /// Arbitrary Unicode text never panics either, and every cleaned line is non-blank and single-line.
        #[test]
        fn arbitrary_text(text in "\\PC{0,300}(\n\\PC{0,120}){0,6}") {
            let inputs = vec![("t".to_string(), text.into_bytes())];
            let (cleaned, _, _) = process_bytes(common::default_pipeline(), &inputs);
            for doc in &cleaned {
                for line in &doc.lines {
                    prop_assert!(!cleanalign::text::is_blank(&line.text));
                    prop_assert!(!line.text.contains('\n'));
                }
            }
        }
    }
}
