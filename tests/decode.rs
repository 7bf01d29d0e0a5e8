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
    // Short Big5 text: detection alone has too little to go on.
    let (big5, _, _) = encoding_rs::BIG5.encode("網絡與資訊\n");
    let doc = pipeline
        .prepare("news", "in/news.big5".into(), &big5)
        .expect("decodes");
    let text: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(text, vec!["網絡與資訊"]);
}
