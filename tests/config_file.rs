//! The shipped `pipeline.toml` documents every key with its default: it parses to exactly the built-in defaults,
//! and every key in it has a comment line right above it.

use cleanalign::config::{self, Config};
use std::path::Path;

fn shipped() -> (String, Config) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("pipeline.toml");
    let text = std::fs::read_to_string(&path).expect("pipeline.toml exists");
    match config::parse(&text, &path) {
        Ok(c) => (text, c),
        Err(e) => panic!("pipeline.toml does not parse:\n{e}"),
    }
}

#[test]
fn shipped_config_is_the_default() {
    let (_, parsed) = shipped();
    assert_eq!(
        parsed,
        Config::default(),
        "pipeline.toml and Config::default() disagree"
    );
}

fn leaf_keys(value: &toml::Value, prefix: &str, out: &mut Vec<String>) {
    if let toml::Value::Table(table) = value {
        for (k, v) in table {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::Table(_) => leaf_keys(v, &path, out),
                toml::Value::Array(items) if items.first().is_some_and(toml::Value::is_table) => {
                    out.push(path)
                }
                _ => out.push(path),
            }
        }
    }
}

#[test]
fn every_key_is_present_and_commented() {
    let (text, _) = shipped();
    let defaults = toml::Value::try_from(Config::default()).expect("serialisable");
    let mut keys = Vec::new();
    leaf_keys(&defaults, "", &mut keys);
    let lines: Vec<&str> = text.lines().collect();
    for key in keys {
        let (section, name) = key.rsplit_once('.').unwrap_or(("", &key));
        let header = format!("[{section}]");
        let table_array = format!("[[{section}.{name}]]");
        let start = lines
            .iter()
            .position(|l| l.trim() == header)
            .unwrap_or_else(|| panic!("no {header}"));
        let found = lines[start + 1..]
            .iter()
            .take_while(|l| !l.starts_with('[') || l.starts_with(&table_array))
            .position(|l| l.starts_with(&format!("{name} =")) || l.trim() == table_array)
            .map(|p| p + start + 1)
            .or_else(|| lines.iter().position(|l| l.trim() == table_array))
            .unwrap_or_else(|| panic!("`{key}` is not in pipeline.toml"));
        let above = lines[..found]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .copied()
            .unwrap_or("");
        assert!(above.starts_with('#'), "`{key}` has no comment above it");
    }
}
