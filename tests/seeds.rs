//! What "clean" means on the bundled sample pages (issue: foundation, "On the seeds"). These are properties of
//! the output, not copies of it: the golden files in `tests/golden/` pin the exact text.

use cleanalign::doc::Document;
use cleanalign::engine::output::CorpusRow;
use cleanalign::engine::process_bytes;
use std::sync::OnceLock;

mod common;

struct Batch {
    docs: Vec<Document>,
    corpus: Vec<CorpusRow>,
}

fn batch() -> &'static Batch {
    static B: OnceLock<Batch> = OnceLock::new();
    B.get_or_init(|| {
        let inputs = common::raw_samples();
        let pipeline = common::default_pipeline();
        let (docs, failures, corpus) = process_bytes(pipeline, &inputs);
        assert!(failures.is_empty(), "{failures:?}");
        Batch { docs, corpus }
    })
}

fn doc(prefix: &str) -> &'static Document {
    batch()
        .docs
        .iter()
        .find(|d| d.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no doc {prefix}"))
}

fn text(prefix: &str) -> String {
    doc(prefix).cleaned_text()
}

fn all_seed_text() -> String {
    ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| text(p))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_chrome_spam_or_metadata_survives() {
    let all = all_seed_text();
    for needle in [
        "免责声明",
        "本课程",
        "帮助您理解",
        "分享:",
        "分享：",
        "日韩一区",
        "毛片",
        "2022-12-30 09:07",
        "原標題",
        "原标题",
        "作者",
        "Edit:",
        "Responsible editor",
        "Source:",
        "Special statement",
        "Return to list",
        "Recommended Reading",
        "Submission mailbox",
        "ICP备",
        "Copyright",
        "All Rights Reserved",
        "在线留言",
        "留言内容",
        "联系我们",
        "Contact us",
        "扫一扫",
        "giglab2024@163.com",
        "发布时间",
        "浏览次数",
        "vi···",
        "News · Events",
        "*** ***",
    ] {
        assert!(!all.contains(needle), "`{needle}` survived cleaning");
    }
    for line in all.lines() {
        assert_ne!(line.trim(), "Links", "footer `Links` survived");
        assert_ne!(line.trim(), ">", "lone `>` survived");
        assert_ne!(line.trim(), "2022-01-20", "date line survived");
    }
}

#[test]
fn removed_material_is_accounted_for_with_reasons() {
    let d = doc("001");
    assert!(
        d.rejects.iter().any(|r| r.text.contains("日韩一区")),
        "spam footer not in rejects"
    );
    assert!(
        d.meta
            .fields
            .get("date")
            .is_some_and(|v| v.contains("2022-12-30")),
        "{:?}",
        d.meta
    );
    assert!(d
        .meta
        .fields
        .values()
        .any(|v| v.contains("中國網絡空間研究院") || v.contains("中国网络空间研究院")));
    let d2 = doc("002");
    assert!(
        d2.meta
            .fields
            .get("source")
            .is_some_and(|v| v.contains("gmw.cn")),
        "{:?}",
        d2.meta
    );
}

#[test]
fn traditional_pages_come_out_simplified_with_repairs() {
    for p in ["001", "003"] {
        let t = text(p);
        for trad in ["國", "網", "數", "與", "發"] {
            assert!(!t.contains(trad), "{p} still has Traditional {trad}");
        }
        assert!(t.contains("，"), "{p} has no full-width comma");
        assert!(
            !t.contains(",,") && !t.contains(",、") && !t.contains(",。"),
            "{p} has doubled punctuation"
        );
    }
    let t = text("003");
    for residue in ["(shù)", "(xiāng)", "(lián)", "碛辛烁喃@", "?lián)"] {
        assert!(!t.contains(residue), "003 still has {residue}");
    }
    assert!(
        !t.contains('\u{FFFD}'),
        "003 still has a replacement character"
    );
}

#[test]
fn chinese_uses_full_width_punctuation() {
    let t = text("000");
    assert!(
        t.contains("（APEC）"),
        "parentheses around APEC not widened"
    );
    for line in t.lines() {
        let chars: Vec<char> = line.chars().collect();
        for w in chars.windows(3) {
            let han = |c: char| cleanalign::text::is_han(c);
            if han(w[0]) && han(w[2]) {
                assert!(
                    !matches!(w[1], ',' | ':' | ';' | '(' | ')'),
                    "ASCII `{}` between Han in: {line}",
                    w[1]
                );
            }
        }
    }
}

#[test]
fn machine_translation_glossary_applies() {
    let t = text("002");
    assert!(t.contains("Belt and Road"));
    let lower = t
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!lower.contains("one belt, one road") && !lower.contains("one belt,one road"));
    assert!(!lower.contains("one belt one road") && !lower.contains("one belt and one road"));
    assert!(!t.contains("China China"), "stutter survived");
}

#[test]
fn genuine_paragraphs_survive_in_order() {
    // Opening words of real paragraphs, in document order, per page.
    let expectations: &[(&str, &[&str])] = &[
        (
            "000",
            &[
                "数字领域国际合作是指",
                "数字化浪潮的兴起",
                "推动经济增长",
                "中美之间的数字经济合作",
                "数字领域国际合作不仅是技术",
            ],
        ),
        (
            "001",
            &[
                "中国作为全球最大的发展中国家",
                "推进全球网信基础设施建设",
                "共同打击网络犯罪",
                "党的十八大以来，中国积极务实",
            ],
        ),
        (
            "002",
            &[
                "At present, digital technology cooperation",
                "Actively convey and carry forward",
            ],
        ),
        (
            "003",
            &[
                "金秋九月",
                "如今，“共同构建网络空间命运共同体”",
                "“凡益之道",
            ],
        ),
        (
            "004",
            &[
                "In September and October 2013",
                "Continuously achieving practical results",
                "Deeply participate in global digital governance",
            ],
        ),
    ];
    for (p, openings) in expectations {
        let t = text(p);
        let mut from = 0;
        for opening in *openings {
            let found = t[from..]
                .find(opening)
                .unwrap_or_else(|| panic!("{p}: `{opening}` missing or out of order"));
            from += found + opening.len();
        }
    }
}

#[test]
fn titles_lead_their_documents() {
    for (p, title_start) in [
        ("000", "数字领域国际合作"),
        ("001", "我国网络空间"),
        ("003", "迈向数字文明"),
        ("004", "Media Interview"),
    ] {
        let d = doc(p);
        let first = d.lines.first().map(|l| l.text.as_str()).unwrap_or("");
        assert!(
            first.starts_with(title_start),
            "{p}: first line is {first:?}"
        );
        assert_eq!(
            d.meta.title, first,
            "{p}: metadata title differs from the first line"
        );
    }
    // The teaser's full paragraph is kept exactly once.
    let t = text("004");
    assert_eq!(t.matches("In September and October 2013").count(), 1);
}

#[test]
fn seeds_are_never_paired_and_the_parallel_sample_is() {
    let corpus = &batch().corpus;
    for row in corpus {
        let seed = |d: &str| d.len() > 3 && d[..3].chars().all(|c| c.is_ascii_digit());
        assert!(
            !(seed(&row.src_doc) && seed(&row.tgt_doc)),
            "seeds paired: {row:?}"
        );
    }
    let library: Vec<_> = corpus
        .iter()
        .filter(|r| r.src_doc == "library_zh" && r.tgt_doc == "library_en")
        .collect();
    assert!(
        library.len() >= 12,
        "only {} rows for the parallel sample",
        library.len()
    );
    let find = |zh: &str| {
        library
            .iter()
            .find(|r| r.src_text.contains(zh))
            .map(|r| r.tgt_text.as_str())
    };
    assert!(find("1936年").is_some_and(|en| en.contains("1936")));
    assert!(
        find("馆长李明说").is_some_and(|en| en.contains("Li Ming") && en.contains("living room"))
    );
    assert!(find("晚上九点以后").is_some_and(|en| en.contains("After nine in the evening")));
    // Chrome of the parallel pages is not in the corpus.
    assert!(library
        .iter()
        .all(|r| !r.tgt_text.contains("Copyright") && !r.tgt_text.starts_with("Share")));
}
