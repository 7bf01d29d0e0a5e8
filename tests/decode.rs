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
