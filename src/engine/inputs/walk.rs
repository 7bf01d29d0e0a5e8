//! Listing the raw folder: walked recursively in a stable order, each file given its kind and its doc id.
//!
//! Order: depth first, the entries of each folder sorted by name, so `raw/a/z.txt` comes before `raw/b.txt`
//! and a flat folder lists as it always did. A doc id is the relative path with `/` separators and without
//! the extension (`site/zh/a.html.gz` → `site/zh/a`). Symbolic links are followed only while they stay inside
//! the raw folder; one that leaves it, or a folder reached twice through links, is reported as skipped.
//! `include`/`exclude` globs without a `/` match a file (or, for `exclude`, a folder) name at any depth;
//! globs with a `/` match the relative path, `*` crossing folders.
//!
//! Imports the input config, the glob matcher and the `Input` type of `mod.rs`.

use super::{Input, InputKind};
use crate::config::InputConfig;
use crate::glob::glob_match;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Whether any glob matches the entry (`rel` is its path relative to the raw folder, `name` its own name).
fn matches(globs: &[String], rel: &str, name: &str) -> bool {
    globs.iter().any(|g| {
        if g.contains('/') {
            glob_match(g, rel)
        } else {
            glob_match(g, name)
        }
    })
}

/// The kind of a file, whether it is gzipped, and its name without the extensions that say so.
pub fn kind_of(name: &str) -> (InputKind, bool, &str) {
    let lower = name.to_ascii_lowercase();
    let (gzip, inner_len) = match lower.strip_suffix(".gz") {
        Some(inner) if !inner.is_empty() => (true, inner.len()),
        _ => (false, lower.len()),
    };
    let inner = &lower[..inner_len];
    let stem_of = |ext_len: usize| &name[..inner_len - ext_len];
    for (ext, kind) in [
        (".html", InputKind::Html),
        (".htm", InputKind::Html),
        (".xhtml", InputKind::Html),
        // Common Crawl's text extracts (`*.warc.wet.gz`) and metadata files (`*.warc.wat.gz`).
        (".warc.wet", InputKind::Warc),
        (".warc.wat", InputKind::Warc),
        (".wet", InputKind::Warc),
        (".warc", InputKind::Warc),
        (".jsonl", InputKind::Jsonl),
    ] {
        if inner.len() > ext.len() && inner.ends_with(ext) {
            return (kind, gzip, stem_of(ext.len()));
        }
    }
    // Any other file is text; its id drops the last extension, as it always did (`.hidden` keeps its dot).
    let inner_name = &name[..inner_len];
    let stem = match inner_name.rfind('.') {
        Some(dot) if dot > 0 => &inner_name[..dot],
        _ => inner_name,
    };
    (InputKind::Text, gzip, stem)
}

/// List the inputs of `raw_dir` and everything below it. Returns the inputs and what was skipped (by
/// `exclude`/`include`, or a link leaving the folder), each as its relative path with the reason.
pub fn list_inputs(
    config: &InputConfig,
    raw_dir: &Path,
) -> std::io::Result<(Vec<Input>, Vec<String>)> {
    let root = raw_dir.canonicalize()?;
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    let mut visited: BTreeSet<PathBuf> = BTreeSet::new();
    visited.insert(root.clone());
    // A folder to list (at most one: it is listed on the next turn, before its later siblings), and the
    // entries waiting to be visited, in reverse order, so popping from the end walks depth first.
    let mut stack: Vec<(PathBuf, String)> = vec![(raw_dir.to_path_buf(), String::new())];
    let mut pending: Vec<(PathBuf, String, String)> = Vec::new();
    loop {
        if let Some((dir, prefix)) = stack.pop() {
            let mut names = Vec::new();
            for entry in std::fs::read_dir(&dir)? {
                names.push(entry?.file_name().to_string_lossy().into_owned());
            }
            names.sort();
            for name in names.into_iter().rev() {
                let rel = format!("{prefix}{name}");
                pending.push((dir.join(&name), rel, name));
            }
        }
        let Some((path, rel, name)) = pending.pop() else {
            break;
        };
        let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        let target = if link {
            match path.canonicalize() {
                Ok(target) if !target.starts_with(&root) => {
                    skipped.push(format!(
                        "{rel} (symbolic link to {}, outside the raw folder: not followed)",
                        target.display()
                    ));
                    continue;
                }
                Ok(target) => Some(target),
                // A dangling link is an input that cannot be read: it fails with that error.
                Err(_) => None,
            }
        } else {
            None
        };
        if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            if matches(&config.exclude, &rel, &name) {
                skipped.push(format!("{rel}/"));
                continue;
            }
            let canonical = target.unwrap_or_else(|| path.canonicalize().unwrap_or(path.clone()));
            if !visited.insert(canonical) {
                skipped.push(format!(
                    "{rel}/ (a folder already listed, reached again through a link)"
                ));
                continue;
            }
            stack.push((path, format!("{rel}/")));
            continue;
        }
        if matches(&config.exclude, &rel, &name) || !matches(&config.include, &rel, &name) {
            skipped.push(rel);
            continue;
        }
        let (kind, gzip, stem) = kind_of(&name);
        let folder = &rel[..rel.len() - name.len()];
        inputs.push(Input {
            id: format!("{folder}{stem}"),
            path,
            kind,
            gzip,
        });
    }
    Ok((inputs, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_stems() {
        assert_eq!(kind_of("a.txt"), (InputKind::Text, false, "a"));
        assert_eq!(kind_of("a.b.txt"), (InputKind::Text, false, "a.b"));
        assert_eq!(kind_of(".hidden"), (InputKind::Text, false, ".hidden"));
        assert_eq!(kind_of("p.HTML.gz"), (InputKind::Html, true, "p"));
        assert_eq!(kind_of("crawl.warc.gz"), (InputKind::Warc, true, "crawl"));
        assert_eq!(
            kind_of("cc-00001.warc.wet.gz"),
            (InputKind::Warc, true, "cc-00001")
        );
        assert_eq!(kind_of("dump.jsonl"), (InputKind::Jsonl, false, "dump"));
        assert_eq!(kind_of("notes.txt.gz"), (InputKind::Text, true, "notes"));
        assert_eq!(kind_of("x.gz"), (InputKind::Text, true, "x"));
    }

    #[test]
    fn walks_depth_first_in_name_order() {
        let dir = tempfile::tempdir().expect("tmp");
        let raw = dir.path();
        for rel in [
            "b.txt",
            "a/z.txt",
            "a/y/x.html",
            "c/zh/1.txt",
            "README.md",
            ".git/x",
        ] {
            let path = raw.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "x").expect("write");
        }
        let (inputs, skipped) = list_inputs(&InputConfig::default(), raw).expect("list");
        let ids: Vec<&str> = inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["a/y/x", "a/z", "b", "c/zh/1"]);
        assert_eq!(skipped, vec![".git/", "README.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_leaving_the_folder_are_skipped() {
        let dir = tempfile::tempdir().expect("tmp");
        let raw = dir.path().join("raw");
        std::fs::create_dir_all(raw.join("in")).expect("mkdir");
        std::fs::write(dir.path().join("outside.txt"), "x").expect("write");
        std::fs::write(raw.join("in/a.txt"), "x").expect("write");
        std::os::unix::fs::symlink(dir.path().join("outside.txt"), raw.join("out.txt"))
            .expect("link");
        std::os::unix::fs::symlink(raw.join("in"), raw.join("loop")).expect("link");
        let (inputs, skipped) = list_inputs(&InputConfig::default(), &raw).expect("list");
        let ids: Vec<&str> = inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["in/a"]);
        assert!(skipped[0].starts_with("loop/"), "{skipped:?}");
        assert!(
            skipped[1].starts_with("out.txt (symbolic link"),
            "{skipped:?}"
        );
    }
}
