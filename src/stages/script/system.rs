//! The official OpenCC C++ library as a script engine (cargo feature `opencc-sys`), and where its dictionaries
//! are found at run time.
//!
//! The library is linked at build time (`scripts/with-opencc.sh` sets that up from PyPI's `opencc` 1.4.2 wheel);
//! its dictionaries (`share/opencc`: a JSON configuration per conversion and the `.ocd2` files it names) are
//! read when a converter is built, from the first of these folders that holds the configuration and every file
//! it names:
//! 1. `CLEANALIGN_OPENCC_DATA`, when set, and then only there: a folder named by hand that lacks a file is an
//!    error, not a reason to look elsewhere;
//! 2. `opencc-data/` beside the running binary (`with-opencc.sh` copies the dictionaries there after a build,
//!    so the binary can be moved together with that folder);
//! 3. the folder the build used, recorded at compile time from `CLEANALIGN_OPENCC_BUILD_DATA`;
//! 4. the library's own data folder (a bare file name: `/usr/share/opencc` for a system-wide OpenCC).
//!
//! When none works, the error names each place and what it lacks; `cleanalign check` prints it.
//!
//! Imports: the parent module's engine trait and conversion names, and serde_json.

// Without the feature only the folder search is compiled, for its tests.
#![cfg_attr(not(feature = "opencc-sys"), allow(dead_code))]

use super::Conversion;
use std::path::{Path, PathBuf};

/// The run-time override of the data folder.
pub const DATA_VARIABLE: &str = "CLEANALIGN_OPENCC_DATA";
/// The folder beside the binary that `scripts/with-opencc.sh` fills.
pub const BESIDE_BINARY: &str = "opencc-data";

/// OpenCC's configuration file for `conversion` (`t2s.json`, ...).
pub fn config_file(conversion: Conversion) -> String {
    format!("{}.json", conversion.name())
}

/// One folder to look in, and how messages name it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub what: String,
    pub dir: PathBuf,
}

/// The folders to look in, in order, for this process: (the hand-set one, the others).
pub fn places() -> (Option<Place>, Vec<Place>) {
    let explicit = std::env::var_os(DATA_VARIABLE).map(|dir| Place {
        what: DATA_VARIABLE.to_string(),
        dir: PathBuf::from(dir),
    });
    let mut others = Vec::new();
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|p| p.join(BESIDE_BINARY)))
    {
        others.push(Place {
            what: "beside the binary".to_string(),
            dir,
        });
    }
    if let Some(dir) = option_env!("CLEANALIGN_OPENCC_BUILD_DATA") {
        others.push(Place {
            what: "the build's data folder".to_string(),
            dir: PathBuf::from(dir),
        });
    }
    (explicit, others)
}

/// The data files `config` needs: the configuration itself and every `file` it names, at any depth.
fn needed_files(config: &str, json: &str) -> Result<Vec<String>, String> {
    fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    match v {
                        serde_json::Value::String(s) if key == "file" => {
                            if !out.contains(s) {
                                out.push(s.clone());
                            }
                        }
                        _ => collect(v, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("{config} is not valid JSON: {e}"))?;
    let mut files = vec![config.to_string()];
    collect(&value, &mut files);
    Ok(files)
}

/// Why `dir` cannot serve `config`, or `None` when it holds the configuration and every file it names.
pub fn lacks(dir: &Path, config: &str) -> Option<String> {
    if !dir.is_dir() {
        return Some("no such folder".to_string());
    }
    let json = match std::fs::read_to_string(dir.join(config)) {
        Ok(json) => json,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some(format!("no {config}"));
        }
        Err(e) => return Some(format!("cannot read {config}: {e}")),
    };
    let files = match needed_files(config, &json) {
        Ok(files) => files,
        Err(e) => return Some(e),
    };
    let missing: Vec<&str> = files
        .iter()
        .filter(|f| !dir.join(f).is_file())
        .map(String::as_str)
        .collect();
    (!missing.is_empty()).then(|| format!("missing {}", missing.join(", ")))
}

/// Where the data for `config` is: the first place that has all of it.
#[derive(Debug, PartialEq)]
pub enum Located {
    Found(Place),
    /// The hand-set folder lacks something: its message.
    ExplicitLacks(String),
    /// No place has it: one line per place saying what it lacks.
    NotFound(Vec<String>),
}

pub fn locate(config: &str, explicit: Option<&Place>, others: &[Place]) -> Located {
    if let Some(place) = explicit {
        return match lacks(&place.dir, config) {
            None => Located::Found(place.clone()),
            Some(why) => Located::ExplicitLacks(format!(
                "{}={}: {why}; point it at a folder holding OpenCC >= 1.4's share/opencc",
                place.what,
                place.dir.display()
            )),
        };
    }
    let mut tried = vec![format!("{DATA_VARIABLE}: not set")];
    for place in others {
        match lacks(&place.dir, config) {
            None => return Located::Found(place.clone()),
            Some(why) => tried.push(format!("{} ({}): {why}", place.what, place.dir.display())),
        }
    }
    Located::NotFound(tried)
}

/// Where the dictionaries for `conversion` would be read from, for `cleanalign check`.
pub fn data_source(conversion: Conversion) -> String {
    let (explicit, others) = places();
    match locate(&config_file(conversion), explicit.as_ref(), &others) {
        Located::Found(place) => format!("{} ({})", place.dir.display(), place.what),
        Located::ExplicitLacks(why) => why,
        Located::NotFound(_) => "the OpenCC library's own data folder".to_string(),
    }
}

#[cfg(feature = "opencc-sys")]
mod engine {
    use super::{config_file, locate, places, Located, BESIDE_BINARY, DATA_VARIABLE};
    use crate::stages::script::{Conversion, ScriptEngine};
    use opencc_rust::OpenCC;

    pub struct SystemEngine(OpenCC);

    pub fn load(conversion: Conversion) -> Result<SystemEngine, String> {
        let config = config_file(conversion);
        let (explicit, others) = places();
        let tried = match locate(&config, explicit.as_ref(), &others) {
            Located::Found(place) => {
                let path = place.dir.join(&config);
                return OpenCC::new(&path)
                    .map(SystemEngine)
                    .map_err(|e| format!("OpenCC could not load {}: {e}", path.display()));
            }
            Located::ExplicitLacks(why) => return Err(why),
            Located::NotFound(tried) => tried,
        };
        // A system-wide OpenCC resolves a bare name against its own data folder.
        let own = match OpenCC::new(&config) {
            Ok(engine) => return Ok(SystemEngine(engine)),
            Err(e) => format!("the OpenCC library's own data folder: {e}"),
        };
        Err(format!(
            "OpenCC's dictionaries for {} ({config} and the .ocd2 files it names) were not found. Looked in:\n  \
             {}\n  {own}\n  Build with scripts/with-opencc.sh (it records its data folder in the binary and \
             copies it to {BESIDE_BINARY}/ beside the binary), copy an {BESIDE_BINARY}/ folder beside the \
             binary, or set {DATA_VARIABLE} to OpenCC >= 1.4's share/opencc",
            conversion.name(),
            tried.join("\n  ")
        ))
    }

    impl ScriptEngine for SystemEngine {
        fn convert(&self, text: &str) -> String {
            // The C library fails only on resources (or interior NUL bytes): leave the text as it was.
            self.0.convert(text).unwrap_or_else(|_| text.to_string())
        }
    }
}

#[cfg(feature = "opencc-sys")]
pub use engine::load;

#[cfg(test)]
mod tests {
    use super::*;

    const T2S: &str = r#"{
      "name": "Traditional Chinese to Simplified Chinese",
      "segmentation": { "type": "mmseg", "dict": { "type": "ocd2", "file": "TSPhrases.ocd2" } },
      "conversion_chain": [{ "dict": { "type": "group", "dicts": [
        { "type": "ocd2", "file": "TSPhrases.ocd2" },
        { "type": "ocd2", "file": "TSCharacters.ocd2" } ] } }]
    }"#;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, body) in files {
            std::fs::write(dir.path().join(name), body).expect("write");
        }
        dir
    }

    fn place(what: &str, dir: &Path) -> Place {
        Place {
            what: what.to_string(),
            dir: dir.to_path_buf(),
        }
    }

    #[test]
    fn every_named_file_is_needed_once() {
        assert_eq!(
            needed_files("t2s.json", T2S).expect("valid"),
            ["t2s.json", "TSPhrases.ocd2", "TSCharacters.ocd2"]
        );
        assert!(needed_files("t2s.json", "{").is_err());
    }

    #[test]
    fn a_folder_is_taken_only_when_complete() {
        let partial = folder(&[("t2s.json", T2S), ("TSPhrases.ocd2", "")]);
        let complete = folder(&[
            ("t2s.json", T2S),
            ("TSPhrases.ocd2", ""),
            ("TSCharacters.ocd2", ""),
        ]);
        assert_eq!(
            lacks(partial.path(), "t2s.json").as_deref(),
            Some("missing TSCharacters.ocd2")
        );
        assert_eq!(lacks(complete.path(), "t2s.json"), None);
        assert_eq!(
            lacks(complete.path(), "s2t.json").as_deref(),
            Some("no s2t.json")
        );
        let others = [
            place("beside the binary", &partial.path().join("absent")),
            place("partial", partial.path()),
            place("complete", complete.path()),
        ];
        assert_eq!(
            locate("t2s.json", None, &others),
            Located::Found(others[2].clone())
        );
    }

    #[test]
    fn the_error_names_every_place_and_what_it_lacks() {
        let partial = folder(&[("t2s.json", T2S)]);
        let absent = partial.path().join("absent");
        let others = [
            place("beside the binary", &absent),
            place("build", partial.path()),
        ];
        let Located::NotFound(lines) = locate("t2s.json", None, &others) else {
            panic!("nothing complete, nothing found");
        };
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains(DATA_VARIABLE) && lines[0].contains("not set"));
        assert!(
            lines[1].contains(&absent.display().to_string())
                && lines[1].ends_with("no such folder")
        );
        assert!(lines[2].ends_with("missing TSPhrases.ocd2, TSCharacters.ocd2"));
    }

    #[test]
    fn a_hand_set_folder_is_the_only_one_looked_in() {
        let partial = folder(&[("t2s.json", T2S)]);
        let complete = folder(&[
            ("t2s.json", T2S),
            ("TSPhrases.ocd2", ""),
            ("TSCharacters.ocd2", ""),
        ]);
        let explicit = place(DATA_VARIABLE, partial.path());
        match locate("t2s.json", Some(&explicit), &[place("c", complete.path())]) {
            Located::ExplicitLacks(why) => {
                assert!(why.starts_with(DATA_VARIABLE) && why.contains("missing TSPhrases.ocd2"))
            }
            other => panic!("{other:?}"),
        }
        let explicit = place(DATA_VARIABLE, complete.path());
        assert_eq!(
            locate("t2s.json", Some(&explicit), &[]),
            Located::Found(explicit.clone())
        );
    }
}
