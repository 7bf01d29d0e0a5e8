//! Reading `pipeline.toml` so that a user fixing a config sees every problem in one go. Parsing happens in
//! three passes:
//! 1. a structural walk of the TOML document against the shape of [`Config::default`] finds every unknown key
//!    (with a "did you mean" and the list of valid keys) and every value of the wrong type;
//! 2. serde deserialises (with `deny_unknown_fields`) — by now it only fails on what the walk cannot see;
//! 3. each stage's `validate` checks values (ranges, regexes, encoding labels, script targets).
//!
//! Every problem carries the file, line and column of the key it is about.

use super::sections::Config;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One problem in a config file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub message: String,
    pub help: Option<String>,
    /// The offending source line, for display.
    pub source_line: Option<String>,
    /// How many characters of the source line to underline.
    pub width: usize,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        match self.position {
            Some((line, col)) => {
                writeln!(f, "  --> {}:{line}:{col}", self.file.display())?;
                if let Some(src) = &self.source_line {
                    let gutter = line.to_string().len();
                    writeln!(f, "{:gutter$} |", "")?;
                    writeln!(f, "{line} | {src}")?;
                    let pad = " ".repeat(col.saturating_sub(1));
                    writeln!(f, "{:gutter$} | {pad}{}", "", "^".repeat(self.width.max(1)))?;
                }
            }
            None => writeln!(f, "  --> {}", self.file.display())?,
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {help}")?;
        }
        Ok(())
    }
}

/// All problems found in one config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.0 {
            writeln!(f, "{e}")?;
        }
        let n = self.0.len();
        write!(
            f,
            "{n} error{} in the configuration",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for ConfigErrors {}

/// Load and validate a config file. A missing file is an error only when the user named it explicitly.
pub fn load(path: &Path, explicit: bool) -> Result<Config, ConfigErrors> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(Config::default()),
        Err(e) => Err(ConfigErrors(vec![ConfigError {
            file: path.to_path_buf(),
            position: None,
            message: format!("cannot read the config file: {e}"),
            help: (!explicit)
                .then(|| "remove it or pass --config with a readable file".to_string()),
            source_line: None,
            width: 0,
        }])),
    }
}

/// Parse config text; `file` is only used in messages.
pub fn parse(text: &str, file: &Path) -> Result<Config, ConfigErrors> {
    let locate = |span: Option<Range<usize>>| span.map(|s| line_col(text, s.start));
    let make = |span: Option<Range<usize>>, message: String, help: Option<String>| {
        let position = locate(span.clone());
        let source_line = position.and_then(|(l, _)| text.lines().nth(l - 1).map(str::to_string));
        // Underline the span, but never past the end of its first line.
        let width = match (&span, &source_line, position) {
            (Some(s), Some(line), Some((_, col))) => {
                let spanned = text.get(s.clone()).unwrap_or("");
                let first = spanned.split('\n').next().unwrap_or("");
                first
                    .chars()
                    .count()
                    .min(line.chars().count().saturating_sub(col - 1))
                    .max(1)
            }
            _ => 1,
        };
        ConfigError {
            file: file.to_path_buf(),
            position,
            message,
            help,
            source_line,
            width,
        }
    };

    let document: toml_edit::ImDocument<String> = match text.parse() {
        Ok(doc) => doc,
        Err(e) => {
            let e: toml_edit::TomlError = e;
            return Err(ConfigErrors(vec![make(
                e.span(),
                format!("invalid TOML: {}", e.message().trim()),
                None,
            )]));
        }
    };

    // Pass 1: structure against the defaults.
    let defaults =
        toml::Value::try_from(Config::default()).unwrap_or(toml::Value::Table(Default::default()));
    let mut structural = Vec::new();
    walk_table(document.as_table(), &defaults, "", &mut structural);

    // Pass 2: serde. With structural problems, the offending keys are cut out first, so that the values of
    // everything else can still be checked and all problems are reported in one go.
    let parsed: Result<Config, toml::de::Error> = if structural.is_empty() {
        toml::from_str(text)
    } else {
        toml::from_str(&without_keys(
            text,
            structural.iter().map(|p| p.key.as_str()),
        ))
    };
    let mut errors: Vec<ConfigError> = structural
        .into_iter()
        .map(|p| make(p.span, p.message, p.help))
        .collect();
    let config = match parsed {
        Ok(c) => c,
        // A serde error in a pruned document has no place in the user's file; it will show once the
        // structural errors are fixed.
        Err(_) if !errors.is_empty() => return Err(ConfigErrors(errors)),
        Err(e) => {
            return Err(ConfigErrors(vec![make(
                e.span(),
                e.message().to_string(),
                None,
            )]))
        }
    };

    // Pass 3: values.
    let problems = config.validate();
    if problems.is_empty() && errors.is_empty() {
        return Ok(config);
    }
    errors.extend(problems.into_iter().map(|p| {
        let span = find_key_span(document.as_table(), &p.key);
        make(
            span,
            format!("invalid value for `{}`: {}", p.key, p.message),
            None,
        )
    }));
    // In file order, as a reader fixes them; problems without a place (defaults) come last.
    errors.sort_by_key(|e| e.position.unwrap_or((usize::MAX, 0)));
    Err(ConfigErrors(errors))
}

struct Problem {
    /// Dotted path of the offending key (`mt.glossary[1].patern`), for pruning it before pass 2.
    key: String,
    span: Option<Range<usize>>,
    message: String,
    help: Option<String>,
}

fn type_name(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "a string",
        toml::Value::Integer(_) => "an integer",
        toml::Value::Float(_) => "a number",
        toml::Value::Boolean(_) => "true or false",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(_) => "an array",
        toml::Value::Table(_) => "a table",
    }
}

fn item_type_name(item: &toml_edit::Item) -> &'static str {
    use toml_edit::{Item, Value};
    match item {
        Item::None => "nothing",
        Item::Table(_) => "a table",
        Item::ArrayOfTables(_) => "an array of tables",
        Item::Value(v) => match v {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Boolean(_) => "true or false",
            Value::Datetime(_) => "a date",
            Value::Array(_) => "an array",
            Value::InlineTable(_) => "a table",
        },
    }
}

/// Does the user's item have the shape of the default value?
fn same_shape(item: &toml_edit::Item, default: &toml::Value) -> bool {
    use toml_edit::{Item, Value};
    matches!(
        (item, default),
        (Item::Table(_), toml::Value::Table(_))
            | (Item::Value(Value::InlineTable(_)), toml::Value::Table(_))
            | (Item::ArrayOfTables(_), toml::Value::Array(_))
            | (Item::Value(Value::Array(_)), toml::Value::Array(_))
            | (Item::Value(Value::String(_)), toml::Value::String(_))
            | (Item::Value(Value::Integer(_)), toml::Value::Integer(_))
            | (Item::Value(Value::Integer(_)), toml::Value::Float(_))
            | (Item::Value(Value::Float(_)), toml::Value::Float(_))
            | (Item::Value(Value::Boolean(_)), toml::Value::Boolean(_))
    )
}

fn walk_table(
    table: &dyn toml_edit::TableLike,
    default: &toml::Value,
    path: &str,
    out: &mut Vec<Problem>,
) {
    let toml::Value::Table(known) = default else {
        return;
    };
    let mut valid: Vec<&str> = known.keys().map(String::as_str).collect();
    valid.sort_unstable();
    for (key, item) in table.iter() {
        let key_span = table
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| item.span());
        let full = if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        };
        let Some(expected) = known.get(key) else {
            let suggestion = valid
                .iter()
                .map(|v| (strsim::jaro_winkler(key, v), *v))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, v)| format!("did you mean `{v}`? "))
                .unwrap_or_default();
            let where_ = if path.is_empty() {
                "at the top level".to_string()
            } else {
                format!("in [{path}]")
            };
            out.push(Problem {
                key: full.clone(),
                span: key_span,
                message: format!("unknown key `{key}` {where_}"),
                help: Some(format!("{suggestion}valid keys: {}", valid.join(", "))),
            });
            continue;
        };
        if !same_shape(item, expected) {
            out.push(Problem {
                key: full.clone(),
                span: item.span().or(key_span),
                message: format!(
                    "`{full}` must be {}, found {}",
                    type_name(expected),
                    item_type_name(item)
                ),
                help: None,
            });
            continue;
        }
        match item {
            toml_edit::Item::Table(t) => walk_table(t, expected, &full, out),
            toml_edit::Item::Value(toml_edit::Value::InlineTable(t)) => {
                walk_table(t, expected, &full, out)
            }
            toml_edit::Item::ArrayOfTables(tables) => {
                if let toml::Value::Array(items) = expected {
                    if let Some(element) = items.first() {
                        for (i, t) in tables.iter().enumerate() {
                            walk_table(t, element, &format!("{full}[{i}]"), out);
                        }
                    }
                }
            }
            toml_edit::Item::Value(toml_edit::Value::Array(values)) => {
                if let toml::Value::Array(items) = expected {
                    if let Some(element) = items.first() {
                        for (i, v) in values.iter().enumerate() {
                            let as_item = toml_edit::Item::Value(v.clone());
                            if !same_shape(&as_item, element) {
                                out.push(Problem {
                                    key: full.clone(),
                                    span: v.span(),
                                    message: format!(
                                        "`{full}[{i}]` must be {}, found {}",
                                        type_name(element),
                                        item_type_name(&as_item)
                                    ),
                                    help: None,
                                });
                            } else if let toml_edit::Value::InlineTable(t) = v {
                                walk_table(t, element, &format!("{full}[{i}]"), out);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Find the span of a dotted key with indices (`mt.glossary[1].pattern`) in the parsed document: the key
/// itself where it is written, else the nearest enclosing element that has a place.
fn find_key_span(root: &toml_edit::Table, dotted: &str) -> Option<Range<usize>> {
    let mut current: Option<&toml_edit::Item> = None;
    let mut span = None;
    for segment in dotted.split('.') {
        let (name, index) = split_index(segment);
        let table: &dyn toml_edit::TableLike = match current {
            None => root,
            Some(item) => item.as_table_like()?,
        };
        if let Some(s) = table.key(name).and_then(|k| k.span()) {
            span = Some(s);
        }
        let mut item = table.get(name)?;
        if let Some(i) = index {
            item = item.get(i)?;
            span = item.span().or(span);
        }
        current = Some(item);
    }
    span
}

fn split_index(segment: &str) -> (&str, Option<usize>) {
    match segment.split_once('[') {
        Some((name, index)) => (name, index.trim_end_matches(']').parse().ok()),
        None => (segment, None),
    }
}

/// The config text with the given keys (dotted, with indices) removed.
fn without_keys<'a>(text: &str, keys: impl Iterator<Item = &'a str>) -> String {
    let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() else {
        return text.to_string();
    };
    for key in keys {
        let segments: Vec<(&str, Option<usize>)> = key.split('.').map(split_index).collect();
        remove_path(doc.as_table_mut(), &segments);
    }
    doc.to_string()
}

/// Remove the key at `path` below `table`. An index on the last segment means one bad array element: the
/// whole array goes, since its type is wrong.
fn remove_path(table: &mut dyn toml_edit::TableLike, path: &[(&str, Option<usize>)]) {
    match path {
        [] => {}
        [(last, _)] => {
            table.remove(last);
        }
        [(name, index), rest @ ..] => {
            let Some(item) = table.get_mut(name) else {
                return;
            };
            let next = match (index, item) {
                (Some(i), toml_edit::Item::ArrayOfTables(a)) => {
                    a.get_mut(*i).map(|t| t as &mut dyn toml_edit::TableLike)
                }
                (Some(_), _) => None,
                (None, item) => item.as_table_like_mut(),
            };
            if let Some(t) = next {
                remove_path(t, rest);
            }
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut start = offset;
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<ConfigError> {
        match parse(text, Path::new("pipeline.toml")) {
            Ok(_) => Vec::new(),
            Err(e) => e.0,
        }
    }

    #[test]
    fn empty_file_is_the_default() {
        assert_eq!(parse("", Path::new("p.toml")), Ok(Config::default()));
    }

    #[test]
    fn every_unknown_key_is_reported_with_position_and_hint() {
        let errs = errors("[input]\nraw_dri = \"x\"\n\n[output]\njbos = 2\n[nosuch]\n");
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert_eq!(errs[0].position, Some((2, 1)));
        assert!(errs[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `raw_dir`"));
        assert_eq!(errs[1].position, Some((5, 1)));
        assert!(errs[2].message.contains("nosuch"));
    }

    #[test]
    fn wrong_types_are_reported() {
        let errs = errors("[output]\njobs = \"four\"\nprogress = 1\n");
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].message.contains("must be an integer"));
        assert_eq!(errs[0].position, Some((2, 8)));
    }

    #[test]
    fn value_errors_from_every_section_at_once() {
        let errs = errors("[script]\ntarget = \"zh-XX\"\n[pipeline]\nskip = [\"nope\"]\n[normalize]\nform = \"nfkd\"\n");
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs.iter().all(|e| e.position.is_some()), "{errs:?}");
    }

    #[test]
    fn syntax_error_has_a_position() {
        let errs = errors("[input\n");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].position.is_some());
    }

    #[test]
    fn display_points_at_the_column() {
        let errs = errors("[output]\njbos = 2\n");
        let shown = errs[0].to_string();
        assert!(shown.contains("pipeline.toml:2:1"), "{shown}");
        assert!(shown.contains("2 | jbos = 2"), "{shown}");
    }
}
