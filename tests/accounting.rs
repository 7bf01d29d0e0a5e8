//! Line accounting: every raw line is kept (possibly changed), moved to metadata, or listed in rejected rows.
//! Metadata lines are listed in the rejected rows too (reason `metadata:<field>`), so the rule is simply:
//! every non-blank raw line is either in the document or in a reject row.

use cleanalign::doc::Document;
use cleanalign::engine::process_bytes;
use cleanalign::pipeline::Pipeline;
use proptest::prelude::*;

mod common;
use std::collections::BTreeSet;

fn pipeline() -> &'static Pipeline {
    common::default_pipeline()
}

fn check_accounting(raw: &str, doc: &Document) -> Result<(), String> {
    let body = raw.strip_suffix('\n').unwrap_or(raw);
    let non_blank: BTreeSet<usize> = if raw.is_empty() {
        BTreeSet::new()
    } else {
        body.split('\n')
            .enumerate()
            .filter(|(_, l)| !cleanalign::text::is_blank(l.strip_suffix('\r').unwrap_or(l)))
            .map(|(i, _)| i + 1)
            .collect()
    };
    let kept: Vec<usize> = doc.lines.iter().map(|l| l.raw_no).collect();
    let kept_set: BTreeSet<usize> = kept.iter().copied().collect();
    if kept_set.len() != kept.len() {
        return Err(format!(
            "{}: a raw line appears twice in the document",
            doc.id
        ));
    }
    let rejected: BTreeSet<usize> = doc.rejects.iter().map(|r| r.line).collect();
    for n in &non_blank {
        if !kept_set.contains(n) && !rejected.contains(n) {
            return Err(format!(
                "{}: raw line {n} vanished without a reject row",
                doc.id
            ));
        }
    }
    for n in kept_set.iter().chain(rejected.iter()) {
        if !non_blank.contains(n) {
            return Err(format!("{}: line {n} is not a non-blank raw line", doc.id));
        }
    }
    for r in &doc.rejects {
        if r.reason.is_empty() || r.stage.is_empty() {
            return Err(format!("{}: reject without stage or reason: {r:?}", doc.id));
        }
    }
    Ok(())
}

#[test]
fn every_raw_line_of_the_samples_is_accounted_for() {
    let inputs = common::raw_samples();
    assert!(inputs.len() >= 7);
    let (docs, failures, _) = process_bytes(pipeline(), &inputs);
    assert!(failures.is_empty(), "{failures:?}");
    for (doc, (_, bytes)) in docs.iter().zip(&inputs) {
        // Some samples are in legacy encodings: count lines in the decoded text, as the pipeline does.
        let decoder = cleanalign::config::Config::default()
            .decode
            .build()
            .expect("decoder");
        let raw = decoder.decode(bytes).expect("samples decode").text;
        if let Err(e) = check_accounting(&raw, doc) {
            panic!("{e}");
        }
    }
}

/// Lines of the kinds the cleaner meets: content in both languages, chrome, spam, garbage, blanks.
const POOL: &[&str] = &[
    "数字经济已成为国家竞争力的重要组成部分,国家间的合作与交流能够有效提升各自的技术水平。",
    "The renovation took two years, with a total investment of about 32 million yuan.",
    "分享:",
    "2022-12-30 09:07",
    "Copyright © 2024 Example Inc. All Rights Reserved.",
    "粤ICP备19140089号",
    "日韩一区在线视频,日韩一区在线视频精品,日韩一区中文在线观看",
    "邁向數(shù)字文明新時代",
    "cafÃ© crÃ¨me",
    "下?lián)碛辛烁喃@得感",
    "",
    "   ",
    "免责声明:本站内容均来源于网络。",
    "Return to list",
    "One belt, one road, one belt, one road is a good thing.",
    "*** *** ***",
    "短行",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn accounting_holds_for_random_documents(picks in prop::collection::vec(0..POOL.len(), 0..30), crlf in any::<bool>()) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let raw = picks.iter().map(|&i| POOL[i]).collect::<Vec<_>>().join(sep);
        let inputs = vec![("doc".to_string(), raw.clone().into_bytes())];
        let (docs, failures, _) = process_bytes(pipeline(), &inputs);
        if raw.is_empty() {
            prop_assert_eq!(failures.len(), 1);
        } else {
            prop_assert!(failures.is_empty());
            let normalized = raw.replace("\r\n", "\n");
            if let Err(e) = check_accounting(&normalized, &docs[0]) {
                prop_assert!(false, "{}", e);
            }
        }
    }
}
