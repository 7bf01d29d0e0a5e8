//! Inputs beyond a flat folder of text files: folders of any depth, HTML pages (plain and gzipped, in a legacy
//! encoding declared by `<meta>`), WARC files (gzip member per record, as standard writers make them) and
//! JSONL dumps, all in one run, through the library's `engine::run`.

mod common;

use cleanalign::engine;
use cleanalign::engine::progress::ProgressMode;
use std::io::Write;
use std::path::Path;

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).expect("gzip");
    gz.finish().expect("gzip")
}

const PROSE_ZH: &str =
    "老城图书馆建于1936年，是这座城市最早的公共图书馆，几代读者在这里度过了安静的下午。";
const PROSE_EN: &str =
    "The Old Town Library was built in 1936 and was the first public library of the city, where \
     generations of readers spent quiet afternoons among the shelves.";

fn page(title: &str, para: &str, charset: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"{charset}\"><title>{title} - 新闻网</title>\
         <meta name=\"author\" content=\"李明\"><meta property=\"article:published_time\" content=\"2021-03-04\">\
         <script>var tracking = 1;</script><style>p {{ color: red }}</style></head><body>\
         <nav><a href=\"/\">首页</a> <a href=\"/news\">新闻</a> <a href=\"/sport\">体育</a></nav>\
         <div class=\"article\"><h1>{title}</h1><p>{para}</p><p>{para}</p><p>{para}</p></div>\
         <div class=\"footer\"><a href=\"/about\">关于我们</a> | <a href=\"/contact\">联系我们</a></div>\
         </body></html>"
    )
}

fn warc_record(headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = b"WARC/1.0\r\n".to_vec();
    for (name, value) in headers {
        out.extend(format!("{name}: {value}\r\n").into_bytes());
    }
    out.extend(format!("Content-Length: {}\r\n\r\n", block.len()).into_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    gzip(&out)
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

fn metadata_rows(out: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(out.join("metadata.csv")).expect("metadata.csv");
    reader.deserialize().map(|r| r.expect("row")).collect()
}

#[test]
fn html_warc_jsonl_and_nested_folders_in_one_run() {
    let dir = tempfile::tempdir().expect("tmp");
    let raw = dir.path().join("raw");
    write(
        &raw.join("site/zh/a.txt"),
        format!("{PROSE_ZH}\n").as_bytes(),
    );
    write(
        &raw.join("site/en/a.txt"),
        format!("{PROSE_EN}\n").as_bytes(),
    );
    let gbk = encoding_rs::GBK
        .encode(&page("图书馆重新开放", PROSE_ZH, "gbk"))
        .0
        .into_owned();
    write(&raw.join("pages/library.html"), &gbk);
    write(
        &raw.join("pages/packed.html.gz"),
        &gzip(page("另一篇文章", PROSE_ZH, "utf-8").as_bytes()),
    );
    let mut warc = warc_record(
        &[
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", "<urn:uuid:0>"),
        ],
        b"software: test\r\n",
    );
    warc.extend(warc_record(
        &[
            ("WARC-Type", "response"),
            ("WARC-Record-ID", "<urn:uuid:1>"),
            ("WARC-Date", "2024-05-06T07:08:09Z"),
            ("WARC-Target-URI", "https://example.org/zh/library"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &http_response(
            "text/html; charset=utf-8",
            page("档案页面", PROSE_ZH, "utf-8").as_bytes(),
        ),
    ));
    warc.extend(warc_record(
        &[
            ("WARC-Type", "response"),
            ("WARC-Record-ID", "<urn:uuid:2>"),
            ("WARC-Target-URI", "https://example.org/logo.png"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &http_response("image/png", b"\x89PNG\r\n\x1a\n"),
    ));
    write(&raw.join("crawl/cc.warc.gz"), &warc);
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "doc-1", "text": PROSE_EN, "url": "https://example.org/en/1", "title": "The library", "lang": "en"}),
        serde_json::json!({"text": PROSE_ZH})
    );
    write(&raw.join("dump.jsonl"), jsonl.as_bytes());

    let out = dir.path().join("out");
    let summary = engine::run(common::default_pipeline(), &raw, &out, ProgressMode::None)
        .expect("run finishes");
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    for doc in [
        "site/zh/a",
        "site/en/a",
        "pages/library",
        "pages/packed",
        "crawl/cc/000001",
        "dump/doc-1",
        "dump/2",
    ] {
        assert!(
            out.join(format!("docs/{doc}.txt")).exists(),
            "docs/{doc}.txt"
        );
    }
    // Only the HTML response of the WARC is a document.
    assert!(!out.join("docs/crawl/cc/000002.txt").exists());

    // The GBK page: decoded by its <meta charset>, navigation and footer gone with a reason, metadata read.
    let library = std::fs::read_to_string(out.join("docs/pages/library.txt")).expect("doc");
    assert!(library.contains("老城图书馆建于1936年"), "{library}");
    for chrome in ["首页", "关于我们", "tracking", "color"] {
        assert!(!library.contains(chrome), "{chrome} in {library}");
    }
    let rejected = std::fs::read_to_string(out.join("rejected.jsonl")).expect("rejected");
    assert!(rejected
        .lines()
        .any(|l| l.contains("\"doc\":\"pages/library\"")
            && l.contains("\"stage\":\"html\"")
            && l.contains("首页")));
    let rows = metadata_rows(&out);
    let row = |doc: &str| {
        rows.iter()
            .find(|r| r["doc"] == doc)
            .unwrap_or_else(|| panic!("no metadata row for {doc}"))
    };
    assert_eq!(row("pages/library")["author"], "李明");
    assert_eq!(row("pages/library")["date"], "2021-03-04");
    assert!(row("pages/library")["encoding"].eq_ignore_ascii_case("gbk"));
    let record = row("crawl/cc/000001");
    assert_eq!(record["url"], "https://example.org/zh/library");
    assert_eq!(record["warc_record_id"], "<urn:uuid:1>");
    assert_eq!(record["warc_date"], "2024-05-06T07:08:09Z");
    assert_eq!(row("dump/doc-1")["url"], "https://example.org/en/1");
    // A record's title is the title; a field named like a fixed column keeps a prefix.
    assert_eq!(row("dump/doc-1")["title"], "The library");
    assert_eq!(row("dump/doc-1")["record_lang"], "en");
}

#[test]
fn two_inputs_with_one_doc_id_fail_loudly_instead_of_overwriting() {
    let dir = tempfile::tempdir().expect("tmp");
    let raw = dir.path().join("raw");
    write(
        &raw.join("a.html"),
        page("标题", PROSE_ZH, "utf-8").as_bytes(),
    );
    write(&raw.join("a.txt"), format!("{PROSE_EN}\n").as_bytes());
    let out = dir.path().join("out");
    let summary =
        engine::run(common::default_pipeline(), &raw, &out, ProgressMode::None).expect("run");
    assert_eq!(summary.failed.len(), 1, "{:?}", summary.failed);
    assert!(summary.failed[0].file.ends_with("a.txt"));
    assert!(summary.failed[0].error.contains("already used"));
    let kept = std::fs::read_to_string(out.join("docs/a.txt")).expect("doc");
    assert!(
        kept.contains("老城图书馆"),
        "the first input keeps the name: {kept}"
    );
}

#[test]
fn a_broken_warc_keeps_its_good_records_and_reports_the_rest() {
    let dir = tempfile::tempdir().expect("tmp");
    let raw = dir.path().join("raw");
    let mut warc = warc_record(
        &[
            ("WARC-Type", "conversion"),
            ("WARC-Target-URI", "https://example.org/1"),
            ("Content-Type", "text/plain"),
        ],
        format!("{PROSE_ZH}\n").as_bytes(),
    );
    warc.extend_from_slice(&gzip(
        b"WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 9999\r\n\r\ncut",
    ));
    write(&raw.join("x.warc.gz"), &warc);
    let out = dir.path().join("out");
    let summary =
        engine::run(common::default_pipeline(), &raw, &out, ProgressMode::None).expect("run");
    assert!(out.join("docs/x/000000.txt").exists());
    assert_eq!(summary.failed.len(), 1, "{:?}", summary.failed);
    assert!(
        summary.failed[0].error.contains("truncated"),
        "{:?}",
        summary.failed
    );
}

#[cfg(unix)]
#[test]
fn links_leaving_the_raw_folder_are_reported_not_followed() {
    let dir = tempfile::tempdir().expect("tmp");
    let raw = dir.path().join("raw");
    write(&raw.join("in.txt"), format!("{PROSE_EN}\n").as_bytes());
    write(
        &dir.path().join("secret/outside.txt"),
        b"not for the corpus\n",
    );
    std::os::unix::fs::symlink(dir.path().join("secret"), raw.join("escape")).expect("link");
    let out = dir.path().join("out");
    let summary =
        engine::run(common::default_pipeline(), &raw, &out, ProgressMode::None).expect("run");
    assert_eq!(summary.documents, 1);
    assert!(summary
        .skipped
        .iter()
        .any(|s| s.starts_with("escape") && s.contains("outside")));
    assert!(!out.join("docs/escape").exists());
}

/// A WARC written by warcio (`scripts/gen_warc_fixture.py`, from the project's own library pages): every
/// HTML response with a 2xx status and the WET conversion record are documents, found by record number and
/// url; the GB18030 page is decoded by its HTTP charset, the English one through its chunked gzip body.
#[test]
fn a_warc_written_by_warcio_is_read_record_by_record() {
    let dir = tempfile::tempdir().expect("tmp");
    let raw = dir.path().join("raw");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/warc/library.warc.gz");
    write(
        &raw.join("crawl/library.warc.gz"),
        &std::fs::read(fixture).expect("fixture"),
    );
    let out = dir.path().join("out");
    let summary =
        engine::run(common::default_pipeline(), &raw, &out, ProgressMode::None).expect("run");
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    let docs: Vec<String> = metadata_rows(&out)
        .iter()
        .map(|r| r["doc"].clone())
        .collect();
    assert_eq!(
        docs,
        vec![
            "crawl/library/000002",
            "crawl/library/000003",
            "crawl/library/000006"
        ]
    );
    let rows = metadata_rows(&out);
    assert_eq!(rows[0]["url"], "https://library.example/zh/renovation");
    assert_eq!(rows[1]["url"], "https://library.example/en/renovation");
    assert!(rows
        .iter()
        .all(|r| r["warc_record_id"].starts_with("<urn:uuid:")));
    assert!(rows.iter().all(|r| !r["warc_date"].is_empty()));
    let zh = std::fs::read_to_string(out.join("docs/crawl/library/000002.txt")).expect("zh");
    assert!(zh.contains("老城图书馆建于1936年"), "{zh}");
    assert!(!zh.contains("版权所有"), "{zh}");
    let en = std::fs::read_to_string(out.join("docs/crawl/library/000003.txt")).expect("en");
    assert!(
        en.contains("The Old Town Library was built in 1936"),
        "{en}"
    );
    assert!(!en.contains("window.stats"), "{en}");
}
