//! Decode raw bytes into text, whatever the encoding, and refuse what is not text.
//!
//! Order of evidence: a byte-order mark wins; then a UTF-16 NUL-byte pattern; then valid UTF-8; then a legacy
//! encoding guessed by `chardetng` over the whole file. A legacy file is decoded line by line so that a page in GBK
//! with a UTF-8 footer pasted in (common in scrapes) keeps both halves readable.
//!
//! It never replaces bytes silently: every malformed sequence becomes U+FFFD *and* a [`DecodeIssue`] with its
//! byte offset, which the pipeline writes to `rejected.jsonl`. Files that are not text at all (images, archives,
//! NUL-filled or control-heavy bytes) are refused with an [`InputError`] naming the evidence.

use crate::validate::FieldError;
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
use serde::{Deserialize, Serialize};

/// `[decode]` in `pipeline.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DecodeConfig {
    /// Encoding to use for every input instead of detecting it (a WHATWG label such as "gb18030", "big5",
    /// "shift_jis", "windows-1252"). Empty: detect per file.
    pub force_encoding: String,
    /// Share of control characters (other than tab, CR, LF) above which a decoded file is refused as binary.
    pub max_control_ratio: f64,
    /// Share of malformed byte sequences above which a file is refused as undecodable rather than repaired.
    pub max_malformed_ratio: f64,
    /// Encodings forced by file name, for sources whose encoding is known: a list of
    /// `{ glob = "*.big5.txt", encoding = "big5" }` tables. The first glob (`*` and `?`, matched against the
    /// file name) that matches wins over `force_encoding` and detection; a byte-order mark still wins over both.
    pub force: Vec<ForcedEncoding>,
}

/// One `[[decode.force]]` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForcedEncoding {
    /// File-name glob: `*` matches any run of characters, `?` one character.
    pub glob: String,
    /// WHATWG encoding label, as for `force_encoding`.
    pub encoding: String,
}

impl Default for DecodeConfig {
    fn default() -> Self {
        DecodeConfig {
            force_encoding: String::new(),
            max_control_ratio: 0.02,
            max_malformed_ratio: 0.05,
            force: Vec::new(),
        }
    }
}

const LABEL_HINT: &str = "try utf-8, gb18030, gbk, big5, shift_jis, euc-jp, euc-kr, windows-1252";

/// Why `glob` cannot work with the file-name matcher, if it cannot.
fn glob_problem(glob: &str) -> Option<String> {
    if glob.trim().is_empty() {
        return Some("must not be empty".to_string());
    }
    if glob.contains('/') || glob.contains('\\') {
        return Some(format!(
            "`{glob}` holds a path separator, but globs are matched against file names only"
        ));
    }
    if let Some(c) = glob.chars().find(|c| matches!(c, '[' | ']' | '{' | '}')) {
        return Some(format!(
            "`{glob}` uses `{c}`: only `*` and `?` are supported (no character classes or alternatives)"
        ));
    }
    None
}

impl DecodeConfig {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !self.force_encoding.is_empty()
            && Encoding::for_label(self.force_encoding.as_bytes()).is_none()
        {
            errors.push(FieldError::new(
                "force_encoding",
                format!(
                    "unknown encoding label `{}` ({LABEL_HINT})",
                    self.force_encoding
                ),
            ));
        }
        for (i, forced) in self.force.iter().enumerate() {
            if let Some(problem) = glob_problem(&forced.glob) {
                errors.push(FieldError::new(format!("force[{i}].glob"), problem));
            }
            if Encoding::for_label(forced.encoding.trim().as_bytes()).is_none() {
                errors.push(FieldError::new(
                    format!("force[{i}].encoding"),
                    format!(
                        "unknown encoding label `{}` ({LABEL_HINT})",
                        forced.encoding
                    ),
                ));
            }
        }
        crate::validate::check_range(
            &mut errors,
            "max_control_ratio",
            self.max_control_ratio,
            0.0,
            1.0,
        );
        crate::validate::check_range(
            &mut errors,
            "max_malformed_ratio",
            self.max_malformed_ratio,
            0.0,
            1.0,
        );
        errors
    }

    pub fn build(&self) -> Result<Decoder, Vec<FieldError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Decoder {
            forced: Encoding::for_label(self.force_encoding.as_bytes()),
            forced_by_name: self
                .force
                .iter()
                .filter_map(|f| {
                    Encoding::for_label(f.encoding.trim().as_bytes()).map(|e| (f.glob.clone(), e))
                })
                .collect(),
            max_control_ratio: self.max_control_ratio,
            max_malformed_ratio: self.max_malformed_ratio,
        })
    }
}

/// Why an input could not be turned into a document.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum InputError {
    #[error("empty file (0 bytes)")]
    Empty,
    #[error("binary file, not text: {0}")]
    Binary(String),
    #[error("not decodable as text: {0}")]
    Undecodable(String),
    #[error("file is {size} bytes, over the limit of {limit} bytes (input.max_file_bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("is a directory, not a file")]
    IsDirectory,
    #[error("cannot read: {0}")]
    Io(String),
    #[error("output name `{0}` is already used by another input (the same path without extension, or the same record id)")]
    DuplicateStem(String),
    #[error("malformed input: {0}")]
    Malformed(String),
}

/// A malformed byte sequence that was replaced by U+FFFD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeIssue {
    /// 1-based line number in the decoded text.
    pub line: usize,
    /// Offset of the first malformed byte in the raw file.
    pub byte_offset: u64,
    /// The malformed bytes, hex.
    pub bytes_hex: String,
}

/// Decoded text and how it was obtained.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// Name of the encoding (for a mixed file: the legacy one, with "+UTF-8").
    pub encoding: String,
    pub issues: Vec<DecodeIssue>,
}

/// The runtime decoder built from [`DecodeConfig`].
#[derive(Debug, Clone)]
pub struct Decoder {
    forced: Option<&'static Encoding>,
    /// (file-name glob, encoding), in config order.
    forced_by_name: Vec<(String, &'static Encoding)>,
    max_control_ratio: f64,
    max_malformed_ratio: f64,
}

/// Magic numbers of formats that often turn up renamed as `.txt` in scrapes.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media file"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
];

impl Decoder {
    /// Decode one file's bytes, honouring `[[decode.force]]` globs matched against `file_name`.
    pub fn decode_named(&self, file_name: &str, bytes: &[u8]) -> Result<Decoded, InputError> {
        let forced = self
            .forced_by_name
            .iter()
            .find(|(glob, _)| crate::glob::glob_match(glob, file_name))
            .map(|&(_, encoding)| encoding);
        self.decode_with(forced.or(self.forced), bytes)
    }

    /// Decode one file's bytes (no file name: only the global `force_encoding` applies).
    pub fn decode(&self, bytes: &[u8]) -> Result<Decoded, InputError> {
        self.decode_with(self.forced, bytes)
    }

    fn decode_with(
        &self,
        forced: Option<&'static Encoding>,
        bytes: &[u8],
    ) -> Result<Decoded, InputError> {
        refuse_empty_or_binary(bytes)?;
        if let Some(encoding) = forced {
            // A BOM still wins: it is stronger evidence than a name-based rule (a UTF-8 file saved into a
            // folder of Big5 files), and decoding it as the forced encoding would garble every line.
            if let Some(decoded) = decode_after_bom(bytes) {
                return self.accept(decoded, bytes.len());
            }
            let decoded = decode_whole(bytes, encoding);
            return self.accept(decoded, bytes.len());
        }
        if let Some(decoded) = decode_after_bom(bytes) {
            return self.accept(decoded, bytes.len());
        }
        if let Some(encoding) = sniff_utf16(bytes) {
            return self.accept(decode_whole(bytes, encoding), bytes.len());
        }
        if let Some(offset) = memchr_nul(bytes) {
            return Err(InputError::Binary(format!(
                "contains a NUL byte at offset {offset}, and is not UTF-16"
            )));
        }
        if let Ok(text) = std::str::from_utf8(bytes) {
            // Valid UTF-8 with no NUL is text, even when it is full of control characters (some spam pages
            // salt their text with them against scrapers): normalisation removes those, not the decoder.
            return Ok(Decoded {
                text: text.to_string(),
                encoding: "UTF-8".to_string(),
                issues: Vec::new(),
            });
        }
        let legacy = guess_legacy(bytes);
        self.accept(decode_lines_mixed(bytes, legacy), bytes.len())
    }

    /// Decode an HTML page. Order of evidence: a BOM; a `[decode]` force rule; the charset the HTTP header
    /// declared; the `<meta charset>` or `http-equiv` declaration in the first 4 KB; valid UTF-8; then the
    /// legacy guess. A declaration is evidence, not proof: a page re-saved as UTF-8 that still declares
    /// `gb2312` is read as UTF-8, and a declared encoding that leaves more than
    /// `max_malformed_ratio` of the bytes malformed gives way to detection. Issues carry byte offsets only
    /// (line 0): the page's text lines are not its source lines.
    pub fn decode_html(
        &self,
        file_name: &str,
        bytes: &[u8],
        http_charset: Option<&str>,
    ) -> Result<Decoded, InputError> {
        refuse_empty_or_binary(bytes)?;
        let unlined = |decoded: Decoded| Decoded {
            issues: decoded
                .issues
                .into_iter()
                .map(|i| DecodeIssue { line: 0, ..i })
                .collect(),
            ..decoded
        };
        if let Some(decoded) = decode_after_bom(bytes) {
            return self.accept(unlined(decoded), bytes.len());
        }
        let forced = self
            .forced_by_name
            .iter()
            .find(|(glob, _)| crate::glob::glob_match(glob, file_name))
            .map(|&(_, encoding)| encoding)
            .or(self.forced);
        if let Some(encoding) = forced {
            return self.accept(unlined(decode_whole(bytes, encoding)), bytes.len());
        }
        let utf8 = std::str::from_utf8(bytes).ok();
        let declared = http_charset
            .and_then(html_label)
            .or_else(|| meta_charset(bytes));
        if let Some(encoding) = declared {
            // Valid UTF-8 reads the same in any ASCII-compatible declaration when it is ASCII, and is UTF-8
            // when it is not: only a 7-bit encoding (ISO-2022-JP) must still be decoded as declared.
            let utf8_wins = utf8.is_some() && (encoding == UTF_8 || encoding.is_ascii_compatible());
            if !utf8_wins {
                let decoded = unlined(decode_whole(bytes, encoding));
                let malformed: usize = decoded.issues.iter().map(|i| i.bytes_hex.len() / 2).sum();
                if malformed as f64 / bytes.len() as f64 <= self.max_malformed_ratio {
                    return self.accept(decoded, bytes.len());
                }
            }
        }
        if let Some(text) = utf8 {
            return Ok(Decoded {
                text: text.to_string(),
                encoding: "UTF-8".to_string(),
                issues: Vec::new(),
            });
        }
        let legacy = guess_legacy(bytes);
        self.accept(unlined(decode_whole(bytes, legacy)), bytes.len())
    }

    /// Refuse decodes that are evidently not text.
    fn accept(&self, decoded: Decoded, byte_len: usize) -> Result<Decoded, InputError> {
        let mut chars = 0usize;
        let mut controls = 0usize;
        for c in decoded.text.chars() {
            chars += 1;
            if c.is_control()
                && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
                && !('\u{80}'..='\u{9f}').contains(&c)
            {
                controls += 1;
            }
        }
        let chars = chars.max(1);
        if controls as f64 / chars as f64 > self.max_control_ratio {
            return Err(InputError::Binary(format!(
                "{controls} of {chars} characters are control characters (decoded as {})",
                decoded.encoding
            )));
        }
        let malformed: usize = decoded.issues.iter().map(|i| i.bytes_hex.len() / 2).sum();
        if malformed as f64 / byte_len.max(1) as f64 > self.max_malformed_ratio {
            return Err(InputError::Undecodable(format!(
                "not valid UTF-8, and {malformed} of {byte_len} bytes are malformed in the best guess ({})",
                decoded.encoding
            )));
        }
        Ok(decoded)
    }
}

/// An encoding label as HTML reads it: UTF-16 cannot be declared by ASCII bytes, so it means UTF-8, and
/// `x-user-defined` means windows-1252 (the WHATWG rules).
fn html_label(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        encoding_rs::WINDOWS_1252
    } else {
        encoding
    })
}

/// The charset a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
/// 4 KB declares.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut at = 0;
    while let Some(found) = find(&head[at..], b"<meta") {
        let start = at + found + 5;
        let end = find(&head[start..], b">").map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let value: Vec<u8> = rest
                    .iter()
                    .copied()
                    .take_while(|b| {
                        !matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') && !b.is_ascii_whitespace()
                    })
                    .collect();
                if let Some(encoding) = std::str::from_utf8(&value).ok().and_then(html_label) {
                    return Some(encoding);
                }
            }
        }
        at = end.max(start);
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Refuse an empty input, or one that starts with the signature of a binary format.
fn refuse_empty_or_binary(bytes: &[u8]) -> Result<(), InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) && (*what != "gzip archive" || bytes.len() > 10) {
            return Err(InputError::Binary(format!(
                "starts with the signature of a {what}"
            )));
        }
    }
    Ok(())
}

/// Decode by the byte-order mark, if there is one (issue offsets count the mark).
fn decode_after_bom(bytes: &[u8]) -> Option<Decoded> {
    let (encoding, bom_len) = Encoding::for_bom(bytes)?;
    let decoded = decode_whole(&bytes[bom_len..], encoding);
    Some(Decoded {
        issues: shift_offsets(decoded.issues, bom_len as u64),
        ..decoded
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn shift_offsets(issues: Vec<DecodeIssue>, by: u64) -> Vec<DecodeIssue> {
    issues
        .into_iter()
        .map(|i| DecodeIssue {
            byte_offset: i.byte_offset + by,
            ..i
        })
        .collect()
}

/// UTF-16 without a BOM shows up as NUL bytes on one parity: mostly-ASCII text puts the zero high byte on odd
/// offsets (LE) or even offsets (BE). CJK-only UTF-16 has few NULs and is left to the other checks.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // A few NULs in a short file are binary garbage, not evidence of UTF-16.
    if odd_nuls >= 4 && odd_nuls * 10 >= pairs * 3 && even_nuls * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_nuls >= 4 && even_nuls * 10 >= pairs * 3 && odd_nuls * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Ask chardetng for the most likely legacy encoding, fed only the lines that are not valid UTF-8 (a UTF-8 footer
/// in a GBK page would otherwise push the guess toward a single-byte encoding). A megabyte of such lines is
/// plenty of evidence and bounds the cost on huge files.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    let mut fed = 0usize;
    for line in bytes.split(|&b| b == b'\n') {
        if fed >= 1 << 20 {
            break;
        }
        if std::str::from_utf8(line).is_err() {
            detector.feed(line, false);
            detector.feed(b"\n", false);
            fed += line.len() + 1;
        }
    }
    detector.feed(b"", true);
    let guess = detector.guess(None, false);
    if guess.is_single_byte() {
        // chardetng rules out any encoding with a single error, so one truncated character at the end of a GBK
        // file is enough to make it answer windows-1252. For a Chinese corpus tool that is the wrong trade: if a
        // CJK encoding decodes all but a few bytes into mostly Han text, it is the better reading.
        for candidate in [encoding_rs::GB18030, encoding_rs::BIG5] {
            if reads_as_chinese(bytes, candidate) {
                return candidate;
            }
        }
    }
    guess
}

/// Whether `encoding` decodes the non-ASCII part of `bytes` with almost no errors into mostly Han characters.
fn reads_as_chinese(bytes: &[u8], encoding: &'static Encoding) -> bool {
    let sample = &bytes[..bytes.len().min(1 << 20)];
    let (text, _) = encoding.decode_without_bom_handling(sample);
    let mut non_ascii = 0usize;
    let mut han = 0usize;
    let mut replacement = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if c == '\u{FFFD}' {
            replacement += 1;
        } else if crate::text::is_han(c) || crate::text::is_cjk_punct(c) {
            han += 1;
        }
    }
    // One bad sequence is allowed for a truncated last character, plus 0.5% of the rest.
    non_ascii >= 4 && replacement <= 1 + non_ascii / 200 && han * 10 >= non_ascii * 8
}

/// Decode a whole buffer with one encoding, recording every malformed sequence.
fn decode_whole(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let mut issues = Vec::new();
    let text = decode_recording(bytes, encoding, 0, &mut issues);
    number_issue_lines(&text, &mut issues, bytes, encoding);
    Decoded {
        text,
        encoding: encoding.name().to_string(),
        issues,
    }
}

/// Line numbers for issues of a whole-buffer decode: count newlines in the raw bytes before each offset. UTF-16
/// has two-byte newlines, so it counts in the decoded text instead (offsets are halved).
fn number_issue_lines(
    _text: &str,
    issues: &mut [DecodeIssue],
    bytes: &[u8],
    encoding: &'static Encoding,
) {
    for issue in issues.iter_mut() {
        let end = (issue.byte_offset as usize).min(bytes.len());
        let newlines = if encoding == UTF_16LE || encoding == UTF_16BE {
            bytes[..end]
                .chunks(2)
                .filter(|c| c == &[b'\n', 0] || c == &[0, b'\n'])
                .count()
        } else {
            bytes[..end].iter().filter(|&&b| b == b'\n').count()
        };
        issue.line = newlines + 1;
    }
}

/// Decode with U+FFFD for malformed sequences, pushing an issue for each (offsets relative to `base`).
fn decode_recording(
    bytes: &[u8],
    encoding: &'static Encoding,
    base: u64,
    issues: &mut Vec<DecodeIssue>,
) -> String {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity.min(bytes.len().saturating_mul(3) + 16));
    let mut read_total = 0usize;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                out.reserve(bytes.len() - read_total + 16);
            }
            DecoderResult::Malformed(bad, consumed_after) => {
                let bad = bad as usize;
                let after = consumed_after as usize;
                let start = read_total.saturating_sub(bad + after);
                let end = (start + bad).min(bytes.len());
                issues.push(DecodeIssue {
                    line: 0,
                    byte_offset: base + start as u64,
                    bytes_hex: bytes[start..end]
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect(),
                });
                out.push('\u{FFFD}');
            }
        }
    }
    out
}

/// Decode a legacy-encoded file line by line; lines that are valid UTF-8 (a pasted footer) stay UTF-8.
fn decode_lines_mixed(bytes: &[u8], legacy: &'static Encoding) -> Decoded {
    let mut text = String::with_capacity(bytes.len() * 3 / 2);
    let mut issues = Vec::new();
    let mut utf8_lines = 0usize;
    let mut offset = 0usize;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(s) => {
                if !s.is_ascii() {
                    utf8_lines += 1;
                }
                text.push_str(s);
            }
            Err(_) => {
                let before = issues.len();
                let decoded = decode_recording(line, legacy, offset as u64, &mut issues);
                for issue in &mut issues[before..] {
                    issue.line = i + 1;
                }
                text.push_str(&decoded);
            }
        }
        offset += line.len() + 1;
    }
    let encoding = if utf8_lines > 0 {
        format!("{}+UTF-8", legacy.name())
    } else {
        legacy.name().to_string()
    };
    Decoded {
        text,
        encoding,
        issues,
    }
}

/// Decode bytes that must be UTF-8 (or another detectable encoding) for the line-preserving `fix` filter: the
/// same decision as for a file, but an error never stops the filter; it falls back to lossy UTF-8.
pub fn decode_for_filter(decoder: &Decoder, bytes: &[u8]) -> Decoded {
    match decoder.decode(bytes) {
        Ok(decoded) => decoded,
        Err(_) => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: UTF_8.name().to_string(),
            issues: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoder() -> Decoder {
        DecodeConfig::default()
            .build()
            .expect("default config is valid")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decoder().decode("数字 text".as_bytes()).expect("utf-8");
        assert_eq!(d.text, "数字 text");
        assert_eq!(d.encoding, "UTF-8");
        let d = decoder().decode(b"\xEF\xBB\xBFabc").expect("bom");
        assert_eq!(d.text, "abc");
    }

    #[test]
    fn utf16_with_bom_and_by_nul_pattern() {
        let le: Vec<u8> = "hello, 世界\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend_from_slice(&le);
        assert_eq!(
            decoder().decode(&with_bom).expect("bom").text,
            "hello, 世界\n"
        );
        assert_eq!(
            decoder().decode(&le).expect("sniffed").text,
            "hello, 世界\n"
        );
        let be: Vec<u8> = "plain ascii text"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(
            decoder().decode(&be).expect("sniffed be").text,
            "plain ascii text"
        );
    }

    #[test]
    fn gbk_and_big5_are_detected() {
        let zh = "数字领域国际合作是指各国在数字经济、数字技术、数字治理等方面进行的交流、协作与共同发展。";
        let (gbk, _, _) = encoding_rs::GBK.encode(zh);
        let d = decoder().decode(&gbk).expect("gbk");
        assert_eq!(d.text, zh);
        assert!(d.issues.is_empty());
        let tw = "數字領域國際合作是指各國在數字經濟、數字技術、數字治理等方面進行的交流、協作與共同發展。";
        let (big5, _, _) = encoding_rs::BIG5.encode(tw);
        assert_eq!(decoder().decode(&big5).expect("big5").text, tw);
    }

    #[test]
    fn mixed_gbk_page_with_utf8_footer_keeps_both() {
        let body =
            "我们在信息化建设的不断推进下拥有了更多获得感，这是一个很长的句子用来帮助检测编码。";
        let (gbk, _, _) = encoding_rs::GBK.encode(body);
        let mut bytes = gbk.into_owned();
        bytes.extend_from_slice("\n版权所有 © 2024\n".as_bytes());
        let d = decoder().decode(&bytes).expect("mixed");
        assert_eq!(d.text, format!("{body}\n版权所有 © 2024\n"));
        assert!(d.encoding.ends_with("+UTF-8"), "{}", d.encoding);
    }

    #[test]
    fn malformed_bytes_are_recorded_with_offsets() {
        let zh = "数字领域国际合作是指各国在数字经济方面进行的交流与共同发展。";
        let (gbk, _, _) = encoding_rs::GBK.encode(zh);
        let mut bytes = b"first line\n".to_vec();
        bytes.extend_from_slice(&gbk);
        bytes.push(0x81); // a lone GBK lead byte at the end of the file
        let d = decoder().decode(&bytes).expect("decodes");
        assert_eq!(d.issues.len(), 1);
        assert_eq!(d.issues[0].line, 2);
        assert_eq!(d.issues[0].byte_offset as usize, bytes.len() - 1);
        assert!(d.text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn binary_inputs_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        assert!(matches!(decoder().decode(png), Err(InputError::Binary(_))));
        assert!(matches!(
            decoder().decode(b"abc\x00def"),
            Err(InputError::Binary(_))
        ));
        assert_eq!(decoder().decode(b""), Err(InputError::Empty));
        // Pseudo-random bytes without NUL: no encoding makes text of them.
        let mut state = 0x2545F491u32;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                (state % 255 + 1) as u8
            })
            .collect();
        assert!(decoder().decode(&noise).is_err());
    }

    #[test]
    fn control_salted_utf8_is_still_text() {
        let salted =
            "所属分类\u{6}\u{8}\u{5}：冻煮\u{7}\u{7}杂色蛤肉\u{5}\u{8}，蚬子\u{5}\u{8}\u{6}";
        assert!(decoder().decode(salted.as_bytes()).is_ok());
    }

    #[test]
    fn forced_encoding_and_bad_label() {
        let cfg = DecodeConfig {
            force_encoding: "no-such-codec".into(),
            ..DecodeConfig::default()
        };
        assert_eq!(cfg.validate().len(), 1);
        let cfg = DecodeConfig {
            force_encoding: "big5".into(),
            ..DecodeConfig::default()
        };
        let (big5, _, _) = encoding_rs::BIG5.encode("網絡");
        assert_eq!(
            cfg.build()
                .expect("valid")
                .decode(&big5)
                .expect("big5")
                .text,
            "網絡"
        );
    }

    #[test]
    fn encoding_forced_per_file_name_glob() {
        let cfg: DecodeConfig = toml::from_str(
            r#"
            [[force]]
            glob = "*.big5.txt"
            encoding = "big5"
            [[force]]
            glob = "legacy-??.txt"
            encoding = "GBK"
            "#,
        )
        .expect("parses");
        let decoder = cfg.build().expect("valid");
        // Two characters are too little evidence for detection; the name decides.
        let (big5, _, _) = encoding_rs::BIG5.encode("網絡");
        assert_eq!(
            decoder
                .decode_named("news.big5.txt", &big5)
                .expect("big5")
                .text,
            "網絡"
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("网络");
        let d = decoder.decode_named("legacy-01.txt", &gbk).expect("gbk");
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("网络", "GBK"));
        // No glob matches: detection as usual; a UTF-8 BOM beats a matching glob.
        let d = decoder
            .decode_named("other.txt", "网络".as_bytes())
            .expect("utf-8");
        assert_eq!(d.encoding, "UTF-8");
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice("網絡".as_bytes());
        assert_eq!(
            decoder
                .decode_named("x.big5.txt", &with_bom)
                .expect("bom")
                .text,
            "網絡"
        );
    }

    #[test]
    fn forced_encodings_are_validated_all_at_once() {
        let cfg: DecodeConfig = toml::from_str(
            r#"
            force_encoding = "nope"
            force = [
                { glob = "*.txt", encoding = "big5" },
                { glob = "", encoding = "klingon" },
                { glob = "[ab]*.txt", encoding = "gbk" },
                { glob = "dir/*.txt", encoding = "utf-8" },
            ]
            "#,
        )
        .expect("parses");
        let keys: Vec<String> = cfg.validate().into_iter().map(|e| e.key).collect();
        assert_eq!(
            keys,
            vec![
                "force_encoding",
                "force[1].glob",
                "force[1].encoding",
                "force[2].glob",
                "force[3].glob"
            ]
        );
        assert!(toml::from_str::<DecodeConfig>(
            r#"force = [{ glob = "*", encoding = "gbk", extra = 1 }]"#
        )
        .is_err());
    }
}
