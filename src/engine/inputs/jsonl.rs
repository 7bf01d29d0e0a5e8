//! A streaming JSONL reader: one document per record, from its `text` field.
//!
//! Lines are read one at a time, each bounded by `input.max_file_bytes`. A record's key (the part of its doc
//! id after the file's) is its `id` field (a string or a number) when that can name a file, else its
//! 1-based line number. Its other string fields go to `metadata.csv` (`url` among them). A line that is not
//! a JSON object with a string `text` is a per-record error; blank lines are skipped.
//!
//! Imports the record types of `mod.rs` and `serde_json`.

use super::{read_line_bounded, Format, Loaded, RecordItem};
use crate::stages::decode::InputError;
use serde_json::Value;
use std::io::BufRead;

/// Columns `metadata.csv` already has: a record field of that name goes in with a `record_` prefix.
const RESERVED: &[&str] = &["doc", "lang", "script_in", "encoding", "text", "id"];

/// The records of one JSONL stream.
pub struct JsonlRecords<R: BufRead> {
    reader: R,
    line_no: u64,
    limit: u64,
    done: bool,
}

impl<R: BufRead> JsonlRecords<R> {
    pub fn new(reader: R, limit: u64) -> Self {
        JsonlRecords {
            reader,
            line_no: 0,
            limit,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<RecordItem, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        while !self.done {
            line.clear();
            let limit = usize::try_from(self.limit).unwrap_or(usize::MAX);
            let (n, overflow) = match read_line_bounded(&mut self.reader, &mut line, limit) {
                Ok(read) => read,
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError::Io(e.to_string())));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            self.line_no += 1;
            let number = self.line_no;
            if overflow {
                return Some(Ok(RecordItem {
                    number,
                    key: number.to_string(),
                    content: Err(InputError::TooLarge {
                        size: n as u64,
                        limit: self.limit,
                    }),
                }));
            }
            if line.trim_ascii().is_empty() {
                continue;
            }
            return Some(Ok(parse_record(&line, number)));
        }
        None
    }
}

/// The key a record's `id` field gives, when it can name a file.
fn key_of(id: Option<&Value>) -> Option<String> {
    let id = match id? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let id: String = id
        .chars()
        .map(|c| if matches!(c, '/' | '\\') { '_' } else { c })
        .collect();
    let usable = !id.is_empty()
        && !id.starts_with('.')
        && id.len() <= 200
        && !id.chars().any(char::is_control);
    usable.then_some(id)
}

fn parse_record(line: &[u8], number: u64) -> RecordItem {
    let failed = |what: String| RecordItem {
        number,
        key: number.to_string(),
        content: Err(InputError::Malformed(format!(
            "JSONL line {number}: {what}"
        ))),
    };
    let value: Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return failed(format!("not valid JSON ({e})")),
    };
    let Value::Object(map) = value else {
        return failed("not a JSON object".to_string());
    };
    let key = key_of(map.get("id")).unwrap_or_else(|| number.to_string());
    let Some(Value::String(text)) = map.get("text") else {
        return RecordItem {
            key,
            ..failed("no string `text` field".to_string())
        };
    };
    let fields = map
        .iter()
        .filter(|(name, _)| name.as_str() != "text" && name.as_str() != "id")
        .filter_map(|(name, value)| {
            let value = value.as_str()?.trim();
            if value.is_empty() {
                return None;
            }
            let name = if RESERVED.contains(&name.as_str()) {
                format!("record_{name}")
            } else {
                name.clone()
            };
            Some((name, value.to_string()))
        })
        .collect();
    RecordItem {
        number,
        key,
        content: Ok(Loaded {
            bytes: text.clone().into_bytes(),
            format: Format::Text,
            fields,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<RecordItem> {
        JsonlRecords::new(text.as_bytes(), 1 << 20)
            .map(|r| r.expect("record"))
            .collect()
    }

    #[test]
    fn records_keys_and_fields() {
        let got = items(
            "{\"id\": \"a/1\", \"text\": \"第一\", \"url\": \"http://x/zh/1\", \"n\": 3}\n\n\
             {\"text\": \"second\"}\n{\"id\": \"..\", \"text\": \"third\"}\n",
        );
        let keys: Vec<&str> = got.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, vec!["a_1", "3", "4"]);
        let first = got[0].content.as_ref().expect("content");
        assert_eq!(first.bytes, "第一".as_bytes());
        assert_eq!(
            first.fields,
            vec![("url".to_string(), "http://x/zh/1".to_string())]
        );
    }

    #[test]
    fn bad_lines_are_per_record_errors() {
        let got = items("not json\n{\"text\": 5}\n[1]\n{\"text\": \"ok\"}");
        assert_eq!(got.len(), 4);
        assert!(got[..3].iter().all(|r| r.content.is_err()));
        assert!(got[3].content.is_ok());
    }

    #[test]
    fn an_overlong_line_is_refused_and_the_next_one_read() {
        let long = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"b\"}}\n",
            "x".repeat(100)
        );
        let got: Vec<RecordItem> = JsonlRecords::new(long.as_bytes(), 50)
            .map(|r| r.expect("record"))
            .collect();
        assert_eq!(got.len(), 2);
        assert!(matches!(got[0].content, Err(InputError::TooLarge { .. })));
        assert!(got[1].content.is_ok());
    }
}
