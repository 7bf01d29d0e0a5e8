//! A page that carries both languages, through the whole pipeline: every item survives the boilerplate stage,
//! its paragraphs pair up with their translations in `corpus.csv`, bilingual headings are split into pairs,
//! and vocabulary entries come out as `term` rows. The fixture is text written for this test.

use cleanalign::engine::output::{CorpusRow, RowKind};
use cleanalign::engine::process_bytes;

mod common;

fn run(id: &str, text: &str) -> (Vec<String>, Vec<CorpusRow>) {
    let (docs, failures, corpus) = process_bytes(
        common::default_pipeline(),
        &[(id.to_string(), text.as_bytes().to_vec())],
    );
    assert!(failures.is_empty(), "{failures:?}");
    let lines = docs
        .first()
        .map(|d| d.lines.iter().map(|l| l.text.clone()).collect())
        .unwrap_or_default();
    (lines, corpus)
}

fn digest() -> String {
    std::fs::read_to_string("tests/fixtures/bilingual/weekly_digest.md").expect("fixture")
}

#[test]
fn every_item_of_a_bilingual_digest_is_kept_and_the_chrome_goes() {
    let (lines, _) = run("digest", &digest());
    let kept = |needle: &str| lines.iter().any(|l| l.contains(needle));
    for needle in [
        "三条林间步道",
        "Three new woodland trails",
        "延长时间是为了方便",
        "longer hours are meant",
        "征求居民意见，意见征集",
        "renovate the old street",
        "区长在居民座谈会上的讲话",
        "From the district head's remarks",
    ] {
        assert!(kept(needle), "lost {needle:?}: {lines:#?}");
    }
    assert!(!kept("版权所有"), "{lines:#?}");
    assert!(!kept("[首页]"), "{lines:#?}");
}

#[test]
fn a_bilingual_digest_aligns_with_itself() {
    let (_, corpus) = run("digest", &digest());
    assert!(corpus
        .iter()
        .all(|r| r.src_doc == "digest" && r.tgt_doc == "digest"));
    let has = |zh: &str, en: &str, kind: RowKind| {
        corpus
            .iter()
            .any(|r| r.src_text.contains(zh) && r.tgt_text.contains(en) && r.kind == kind)
    };
    // Paragraphs with their translations.
    assert!(
        has(
            "三条林间步道",
            "Three new woodland trails",
            RowKind::Sentence
        ),
        "{corpus:#?}"
    );
    assert!(
        has("馆长说", "The librarian said", RowKind::Sentence),
        "{corpus:#?}"
    );
    assert!(
        has("区政府正在", "The district government", RowKind::Sentence),
        "{corpus:#?}"
    );
    // A heading that holds both languages, split at the script boundary.
    assert!(
        has(
            "社区图书馆延长开放时间",
            "Community Library Extends",
            RowKind::Sentence
        ),
        "{corpus:#?}"
    );
    // Vocabulary entries and a glossary table.
    assert!(has("馆长", "librarian", RowKind::Term), "{corpus:#?}");
    assert!(
        has("改造方案", "renovation plan", RowKind::Term),
        "{corpus:#?}"
    );
    // No row pairs a paragraph with the translation of another.
    for r in &corpus {
        let crossed = r.src_text.contains("步道") && r.tgt_text.contains("library")
            || r.src_text.contains("图书馆") && r.tgt_text.contains("trail");
        assert!(!crossed, "{r:?}");
    }
}

#[test]
fn a_chinese_article_with_an_english_toolbar_gives_no_rows() {
    let text = "论坛首页 › 摄影交流\n\
        周末去西湖拍了一组照片，分享几张给大家，器材是一台老相机加一支定焦镜头。\n\
        B Color Image Link Quote Code Smilies\n\
        早上六点到的断桥，人还不多，光线也柔和，拍了几张湖面的倒影，效果比预想的好。\n\
        中午的光太硬，就找了个茶馆坐着，下午四点以后再出来拍，一直拍到天黑。\n\
        Powered by Discuz! X3.4\n";
    let (lines, corpus) = run("article", text);
    assert!(corpus.is_empty(), "{corpus:#?}");
    assert!(lines.iter().any(|l| l.contains("断桥")), "{lines:#?}");
}
