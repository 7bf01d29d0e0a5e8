//! `[[decode.force]]` reaches the pipeline: the file name picks the encoding.

use cleanalign::config::Config;
use cleanalign::pipeline::Pipeline;
use cleanalign::stages::decode::ForcedEncoding;

#[test]
fn pipeline_decodes_by_file_name_glob() {
    let mut config = Config::default();
    config.decode.force = vec![ForcedEncoding {
        glob: "*.big5".to_string(),
        encoding: "big5".to_string(),
    }];
    let pipeline = Pipeline::from_config(config).expect("valid config");
    // GBK bytes of Simplified text, which detection reads as GBK; the name forces Big5 regardless.
    let zh = "我们的网络信息服务平台\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(zh);
    let detected = pipeline
        .prepare("a", "in/a.txt".into(), &gbk)
        .expect("decodes");
    assert_eq!(detected.lines[0].text, zh.trim_end());
    let forced = pipeline
        .prepare("b", "in/b.big5".into(), &gbk)
        .expect("decodes");
    // (The text itself may come back repaired: the mojibake stage recognises GBK read as Big5.)
    assert_eq!(forced.encoding, "Big5");
    assert_ne!(detected.encoding, "Big5");
}

/// HTML charset rules: BOM, then the HTTP header, then `<meta>`, then UTF-8 validity, then detection; a
/// declaration the bytes contradict gives way.
#[test]
fn html_charset_evidence_order() {
    let decoder = cleanalign::config::Config::default()
        .decode
        .build()
        .expect("default decoder");
    let text =
        "<html><head><meta charset=\"gbk\"></head><body><p>数字领域国际合作</p></body></html>";
    let gbk = encoding_rs::GBK.encode(text).0.into_owned();
    let by_meta = decoder.decode_html("a.html", &gbk, None).expect("decodes");
    assert_eq!(by_meta.encoding, "GBK");
    assert!(by_meta.text.contains("数字领域国际合作"));
    // http-equiv form, single quotes.
    let equiv = text.replace(
        "<meta charset=\"gbk\">",
        "<meta http-equiv='Content-Type' content='text/html; charset=GB2312'>",
    );
    let equiv = encoding_rs::GBK.encode(&equiv).0.into_owned();
    assert_eq!(
        decoder
            .decode_html("a.html", &equiv, None)
            .expect("decodes")
            .encoding,
        "GBK"
    );
    // A page re-saved as UTF-8 that still declares GBK is UTF-8.
    let resaved = decoder
        .decode_html("a.html", text.as_bytes(), None)
        .expect("decodes");
    assert_eq!(resaved.encoding, "UTF-8");
    assert!(resaved.text.contains("数字领域国际合作"));
    // The HTTP header's charset comes before the page's own declaration.
    let big5_text = text
        .replace("gbk", "utf-8")
        .replace("数字领域国际合作", "數字領域國際合作");
    let big5 = encoding_rs::BIG5.encode(&big5_text).0.into_owned();
    let by_header = decoder
        .decode_html("a.html", &big5, Some("big5"))
        .expect("decodes");
    assert_eq!(by_header.encoding, "Big5");
    assert!(by_header.text.contains("數字領域國際合作"));
    // A BOM wins over everything.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(
        decoder
            .decode_html("a.html", &bom, Some("big5"))
            .expect("decodes")
            .encoding,
        "UTF-8"
    );
}
