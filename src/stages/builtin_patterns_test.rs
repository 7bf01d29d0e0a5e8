//! The test that every built-in regular expression compiles. Built-in patterns are constants, and the
//! code that compiles them falls back to a never-matching pattern rather than panicking in library code;
//! an invalid one would silently switch its rule off, so this test compiles every one of them, read
//! straight from the sources (a new pattern is covered without being listed). Compiled for tests only.

use regex::Regex;

/// Source files holding built-in patterns.
const SOURCES: &[(&str, &str)] = &[
    (
        "boilerplate/patterns.rs",
        include_str!("boilerplate/patterns.rs"),
    ),
    (
        "boilerplate/metadata.rs",
        include_str!("boilerplate/metadata.rs"),
    ),
    (
        "boilerplate/neighbourhood.rs",
        include_str!("boilerplate/neighbourhood.rs"),
    ),
    ("html/content.rs", include_str!("html/content.rs")),
    ("ruby.rs", include_str!("ruby.rs")),
];

/// The literal patterns passed to `re(…)` or `Regex::new(…)` in `source` (raw `r"…"`/`r#"…"#` or plain
/// `"…"` strings), and how many calls pass something else (a `format!`ed pattern, a variable).
fn literal_patterns(source: &str) -> (Vec<String>, usize) {
    let mut found = Vec::new();
    let mut other = 0;
    for call in ["re(", "Regex::new("] {
        let mut rest = source;
        while let Some(at) = rest.find(call) {
            let preceded_by_ident = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            rest = &rest[at + call.len()..];
            if preceded_by_ident {
                continue;
            }
            let arg = rest.trim_start();
            if let Some(raw) = arg.strip_prefix('r') {
                let hashes = raw.len() - raw.trim_start_matches('#').len();
                let body = &raw[hashes..];
                let Some(body) = body.strip_prefix('"') else {
                    other += 1;
                    continue;
                };
                let close = format!("\"{}", "#".repeat(hashes));
                match body.find(&close) {
                    Some(end) => found.push(body[..end].to_string()),
                    None => other += 1,
                }
            } else if let Some(body) = arg.strip_prefix('"') {
                let mut text = String::new();
                let mut chars = body.chars();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => text.push('\n'),
                            Some('t') => text.push('\t'),
                            Some(c) => text.push(c),
                            None => break,
                        },
                        c => text.push(c),
                    }
                }
                found.push(text);
            } else if !arg.starts_with(')') && !arg.starts_with("pattern: &str") {
                other += 1;
            }
        }
    }
    (found, other)
}

#[test]
fn every_built_in_pattern_compiles() {
    let mut literals = 0;
    let mut others = 0;
    for (file, source) in SOURCES {
        let (patterns, other) = literal_patterns(source);
        for p in &patterns {
            if let Err(e) = Regex::new(p) {
                panic!("{file}: built-in pattern does not compile: {e}");
            }
        }
        literals += patterns.len();
        others += other;
    }
    // The scan really reads the sources: boilerplate alone has dozens of patterns.
    assert!(literals >= 40, "only {literals} patterns found");
    // Patterns built with `format!` cannot be read from the source; they are compiled here by forcing
    // the statics that hold them, each compared with the never-matching fallback.
    assert!(
        others <= 6,
        "{others} non-literal patterns: check them below"
    );
    for pattern in [
        crate::stages::boilerplate::forum_mark_pattern(),
        crate::stages::boilerplate::buttons_pattern(),
        crate::stages::ruby::ruby_group_pattern(),
    ] {
        assert!(
            !matches!(pattern, r"[^\s\S]" | "$^"),
            "a formatted built-in pattern fell back to never matching"
        );
    }
}

#[test]
fn the_scan_finds_an_invalid_pattern() {
    let (patterns, _) = literal_patterns("let x = re(r\"(unclosed\");\nRegex::new(\"a+\")");
    assert_eq!(patterns, vec!["(unclosed".to_string(), "a+".to_string()]);
    assert!(Regex::new(&patterns[0]).is_err());
}
