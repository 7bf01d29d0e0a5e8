//! Which corpus files a run writes (`[output] formats`) and writing them: `corpus.csv` (in `mod.rs`),
//! `corpus.tmx` (`tmx.rs`), `corpus.zh` + `corpus.en` (`moses.rs`) and `corpus.jsonl` (`jsonl.rs`). Every
//! format holds one unit per corpus row, in the same order. Imports the config (for the formats and the
//! script target) and the writers beside it.

use super::{corpus_csv, AtomicFile, CorpusRow};
use crate::config::Config;
use std::path::Path;

/// One of the corpus formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CorpusFormat {
    Csv,
    Tmx,
    Moses,
    Jsonl,
}

impl CorpusFormat {
    pub const ALL: [CorpusFormat; 4] = [
        CorpusFormat::Csv,
        CorpusFormat::Tmx,
        CorpusFormat::Moses,
        CorpusFormat::Jsonl,
    ];

    /// The format named `name` in `[output] formats`.
    pub fn parse(name: &str) -> Option<CorpusFormat> {
        CorpusFormat::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            CorpusFormat::Csv => "csv",
            CorpusFormat::Tmx => "tmx",
            CorpusFormat::Moses => "moses",
            CorpusFormat::Jsonl => "jsonl",
        }
    }

    /// The files of this format in the output folder.
    pub fn files(self) -> &'static [&'static str] {
        match self {
            CorpusFormat::Csv => &["corpus.csv"],
            CorpusFormat::Tmx => &["corpus.tmx"],
            CorpusFormat::Moses => &["corpus.zh", "corpus.en"],
            CorpusFormat::Jsonl => &["corpus.jsonl"],
        }
    }
}

/// What the corpus writers need to know of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusOptions {
    /// Formats to write, sorted, without repeats.
    pub formats: Vec<CorpusFormat>,
    /// Language tag of the Chinese side in corpus.tmx: the script the run converted to (`zh-Hans`, `zh-Hant`,
    /// `zh-TW`, `zh-HK`), or plain `zh` when the script was left as it came.
    pub zh_tag: &'static str,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            formats: CorpusFormat::ALL.to_vec(),
            zh_tag: "zh-Hans",
        }
    }
}

impl CorpusOptions {
    /// The options a validated config asks for (names it does not know were refused by validation).
    pub fn from_config(config: &Config) -> CorpusOptions {
        let mut formats: Vec<CorpusFormat> = config
            .output
            .formats
            .iter()
            .filter_map(|f| CorpusFormat::parse(f))
            .collect();
        formats.sort_unstable();
        formats.dedup();
        let zh_tag = if config.runs("script") {
            zh_tag_for_target(&config.script.target)
        } else {
            "zh"
        };
        CorpusOptions { formats, zh_tag }
    }

    /// The files these options write, in format order.
    pub fn files(&self) -> Vec<&'static str> {
        self.formats
            .iter()
            .flat_map(|f| f.files())
            .copied()
            .collect()
    }
}

/// The language tag for Chinese converted to `target` (`[script] target`).
pub fn zh_tag_for_target(target: &str) -> &'static str {
    match target {
        "zh-Hans" => "zh-Hans",
        "zh-Hant" => "zh-Hant",
        "zh-TW" => "zh-TW",
        "zh-HK" => "zh-HK",
        _ => "zh",
    }
}

/// Write the chosen corpus files into `out_dir`, each atomically, and remove the files of formats not chosen,
/// so that a `corpus.tmx` left by an earlier run is not taken for this run's.
pub fn write_corpus_files(
    out_dir: &Path,
    rows: &[CorpusRow],
    options: &CorpusOptions,
) -> std::io::Result<()> {
    for format in CorpusFormat::ALL {
        if !options.formats.contains(&format) {
            for name in format.files() {
                match std::fs::remove_file(out_dir.join(name)) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                    _ => {}
                }
            }
            continue;
        }
        match format {
            CorpusFormat::Csv => {
                let bytes = corpus_csv(rows).map_err(|e| std::io::Error::other(e.to_string()))?;
                super::atomic_write(&out_dir.join("corpus.csv"), &bytes)?;
            }
            CorpusFormat::Tmx => {
                let mut file = AtomicFile::create(&out_dir.join("corpus.tmx"))?;
                super::tmx::write_tmx(&mut file, rows, options.zh_tag)?;
                file.commit()?;
            }
            CorpusFormat::Moses => {
                let mut zh = AtomicFile::create(&out_dir.join("corpus.zh"))?;
                let mut en = AtomicFile::create(&out_dir.join("corpus.en"))?;
                super::moses::write_moses(&mut zh, &mut en, rows)?;
                zh.commit()?;
                en.commit()?;
            }
            CorpusFormat::Jsonl => {
                let mut file = AtomicFile::create(&out_dir.join("corpus.jsonl"))?;
                super::jsonl::write_jsonl(&mut file, rows)?;
                file.commit()?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_follow_the_config() {
        let mut config = Config::default();
        assert_eq!(
            CorpusOptions::from_config(&config),
            CorpusOptions::default()
        );
        config.output.formats = vec!["jsonl".into(), "csv".into(), "jsonl".into()];
        config.script.target = "zh-TW".into();
        let options = CorpusOptions::from_config(&config);
        assert_eq!(options.formats, [CorpusFormat::Csv, CorpusFormat::Jsonl]);
        assert_eq!(options.zh_tag, "zh-TW");
        assert_eq!(options.files(), ["corpus.csv", "corpus.jsonl"]);
        config.script.target = "none".into();
        assert_eq!(CorpusOptions::from_config(&config).zh_tag, "zh");
        config.script.target = "zh-Hant".into();
        config.pipeline.skip = vec!["script".into()];
        assert_eq!(CorpusOptions::from_config(&config).zh_tag, "zh");
    }

    #[test]
    fn every_format_name_round_trips() {
        for f in CorpusFormat::ALL {
            assert_eq!(CorpusFormat::parse(f.name()), Some(f));
        }
        assert_eq!(CorpusFormat::parse("xml"), None);
        let names: Vec<&str> = CorpusFormat::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, crate::config::CORPUS_FORMATS);
    }
}
