//! A streaming WARC reader (WARC 1.0 and 1.1; the caller gunzips `.warc.gz`, whose members are records).
//!
//! Records are read one at a time from a `BufRead`: the header block, then a payload bounded by its
//! `Content-Length`, so a 1 GB WARC never sits in memory. Documents are the `response` (and `resource`)
//! records whose payload is an HTML page with a 2xx status, and the `conversion` records of a WET file (plain
//! text). Other records (`warcinfo`, `request`, `metadata`, images, redirects…) are counted, not read.
//! An HTTP payload sent chunked or gzip/deflate-encoded is decoded; another content encoding is a
//! per-record error. A framing error (a missing version line, a record cut short) ends the file with an
//! error: what follows cannot be trusted.
//!
//! Imports the record types of `mod.rs`, the HTML sniffer and `flate2`.

use super::{read_line_bounded, Format, Loaded, RecordItem};
use crate::stages::decode::InputError;
use crate::stages::html::looks_like_html;
use std::io::{BufRead, Read};

/// Longest header line accepted, and most header lines per block.
const MAX_HEADER_LINE: usize = 64 * 1024;
const MAX_HEADER_LINES: usize = 1000;

/// The records of one WARC stream that are documents.
pub struct WarcRecords<R: BufRead> {
    reader: R,
    /// The number of the next record (0-based, counting every record of the file).
    next_number: u64,
    limit: u64,
    done: bool,
    /// Records that are not documents, so far.
    pub not_documents: u64,
}

impl<R: BufRead> WarcRecords<R> {
    pub fn new(reader: R, limit: u64) -> Self {
        WarcRecords {
            reader,
            next_number: 0,
            limit,
            done: false,
            not_documents: 0,
        }
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Result<RecordItem, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.read_record() {
                Ok(Some(Some(item))) => return Some(Ok(item)),
                Ok(Some(None)) => self.not_documents += 1,
                Ok(None) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

/// Header fields of a block, names lower-cased, in order.
struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn malformed(number: u64, what: &str) -> InputError {
    InputError::Malformed(format!("WARC record {number}: {what}"))
}

fn io_error(e: std::io::Error) -> InputError {
    InputError::Io(e.to_string())
}

/// Read header lines up to the blank line that ends them (continuation lines joined).
fn read_headers(reader: &mut impl BufRead, number: u64) -> Result<Headers, InputError> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut line = Vec::new();
    for _ in 0..MAX_HEADER_LINES {
        line.clear();
        let (n, overflow) =
            read_line_bounded(reader, &mut line, MAX_HEADER_LINE).map_err(io_error)?;
        if overflow {
            return Err(malformed(number, "a header line is too long"));
        }
        if n == 0 {
            return Err(malformed(number, "the file ends inside a header block"));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(Headers(headers));
        }
        if text.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(text.trim());
            }
            continue;
        }
        if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    Err(malformed(number, "too many header lines"))
}

/// The media type of a `Content-Type` value, lower-cased, and its charset parameter.
fn media_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    });
    (mime, charset)
}

fn is_html_type(mime: &str) -> bool {
    matches!(mime, "text/html" | "application/xhtml+xml")
}

impl<R: BufRead> WarcRecords<R> {
    /// One record: `None` at the end of the stream, `Some(None)` for a record that is not a document.
    fn read_record(&mut self) -> Result<Option<Option<RecordItem>>, InputError> {
        let number = self.next_number;
        let mut line = Vec::new();
        loop {
            line.clear();
            let (n, overflow) = read_line_bounded(&mut self.reader, &mut line, MAX_HEADER_LINE)
                .map_err(io_error)?;
            if n == 0 {
                return Ok(None);
            }
            if overflow || !line.trim_ascii().is_empty() {
                break;
            }
        }
        if !line.starts_with(b"WARC/") {
            return Err(malformed(
                number,
                "no `WARC/1.x` version line where a record should start",
            ));
        }
        let headers = read_headers(&mut self.reader, number)?;
        self.next_number += 1;
        let length: u64 = headers
            .get("content-length")
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| malformed(number, "no valid Content-Length"))?;
        let warc_type = headers.get("warc-type").unwrap_or("").to_ascii_lowercase();
        let mut block = (&mut self.reader).take(length);
        let content = match warc_type.as_str() {
            "response" => http_document(&headers, &mut block, self.limit, number),
            "resource" => resource_document(&headers, &mut block, self.limit),
            "conversion" => read_bounded(&mut block, self.limit).map(|r| {
                Some(r.map(|bytes| Loaded {
                    bytes,
                    format: Format::Text,
                    fields: Vec::new(),
                }))
            }),
            _ => Ok(None),
        }?;
        // Whatever the document did not read of the block is skipped.
        std::io::copy(&mut block, &mut std::io::sink()).map_err(io_error)?;
        if block.limit() > 0 {
            return Err(malformed(
                number,
                "the file ends inside the record (truncated)",
            ));
        }
        let Some(content) = content else {
            return Ok(Some(None));
        };
        let content = content.map(|mut loaded| {
            let url = headers
                .get("warc-target-uri")
                .unwrap_or("")
                .trim_matches(['<', '>']);
            for (field, value) in [
                ("url", url),
                (
                    "warc_record_id",
                    headers.get("warc-record-id").unwrap_or(""),
                ),
                ("warc_date", headers.get("warc-date").unwrap_or("")),
            ] {
                if !value.is_empty() {
                    loaded.fields.push((field.to_string(), value.to_string()));
                }
            }
            loaded
        });
        Ok(Some(Some(RecordItem {
            number,
            key: format!("{number:06}"),
            content,
        })))
    }
}

/// Read the rest of `block`, refusing more than `limit` bytes (the rest is then left for the caller to skip).
fn read_bounded(
    block: &mut impl Read,
    limit: u64,
) -> Result<Result<Vec<u8>, InputError>, InputError> {
    let mut bytes = Vec::new();
    block
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Ok(Err(InputError::TooLarge {
            size: bytes.len() as u64,
            limit,
        }));
    }
    Ok(Ok(bytes))
}

/// Outer `Ok(None)`: not a document. Outer `Err`: the stream itself failed. Inner `Err`: this record failed.
type RecordContent = Result<Option<Result<Loaded, InputError>>, InputError>;

/// A `resource` record holding an HTML page directly.
fn resource_document(headers: &Headers, block: &mut impl BufRead, limit: u64) -> RecordContent {
    let (mime, charset) = media_type(headers.get("content-type").unwrap_or(""));
    if !is_html_type(&mime) {
        return Ok(None);
    }
    Ok(Some(read_bounded(block, limit)?.map(|bytes| Loaded {
        bytes,
        format: Format::Html {
            http_charset: charset,
        },
        fields: Vec::new(),
    })))
}

/// A `response` record: an HTTP response whose body is a document when it is HTML with a 2xx status.
fn http_document(
    headers: &Headers,
    block: &mut impl BufRead,
    limit: u64,
    number: u64,
) -> RecordContent {
    let (record_type, _) = media_type(headers.get("content-type").unwrap_or(""));
    if !record_type.starts_with("application/http") {
        return Ok(None);
    }
    let mut status_line = Vec::new();
    let (n, overflow) =
        read_line_bounded(block, &mut status_line, MAX_HEADER_LINE).map_err(io_error)?;
    if n == 0 || overflow {
        return Ok(None);
    }
    let status = String::from_utf8_lossy(&status_line);
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let http = match read_headers(block, number) {
        Ok(h) => h,
        // A response whose HTTP head is broken is not a page we can read; the WARC framing is intact.
        Err(_) => return Ok(None),
    };
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let (mime, charset) = media_type(http.get("content-type").unwrap_or(""));
    if !mime.is_empty() && !is_html_type(&mime) {
        return Ok(None);
    }
    let body = match read_bounded(block, limit)? {
        Ok(body) => body,
        Err(e) => return Ok(Some(Err(e))),
    };
    let body = match decode_body(&http, body, limit) {
        Ok(body) => body,
        Err(e) => return Ok(Some(Err(e))),
    };
    if mime.is_empty() && !looks_like_html(&body) {
        return Ok(None);
    }
    Ok(Some(Ok(Loaded {
        bytes: body,
        format: Format::Html {
            http_charset: charset,
        },
        fields: Vec::new(),
    })))
}

/// Undo the transfer and content encodings an archived HTTP body may still carry.
fn decode_body(http: &Headers, body: Vec<u8>, limit: u64) -> Result<Vec<u8>, InputError> {
    let chunked = http
        .get("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked { dechunk(&body)? } else { body };
    let encoding = http
        .get("content-encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let mut out = Vec::new();
    let read = match encoding.as_str() {
        "" | "identity" | "none" => return Ok(body),
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(&body[..])
            .take(limit.saturating_add(1))
            .read_to_end(&mut out),
        "deflate" => {
            // "deflate" is zlib-wrapped by the standard and raw deflate by some servers.
            let zlib = flate2::read::ZlibDecoder::new(&body[..])
                .take(limit.saturating_add(1))
                .read_to_end(&mut out);
            if zlib.is_err() {
                out.clear();
                flate2::read::DeflateDecoder::new(&body[..])
                    .take(limit.saturating_add(1))
                    .read_to_end(&mut out)
            } else {
                zlib
            }
        }
        other => {
            return Err(InputError::Undecodable(format!(
                "the HTTP body is {other}-encoded, which is not supported"
            )))
        }
    };
    read.map_err(|e| InputError::Undecodable(format!("the {encoding} HTTP body is broken: {e}")))?;
    if out.len() as u64 > limit {
        return Err(InputError::TooLarge {
            size: out.len() as u64,
            limit,
        });
    }
    Ok(out)
}

/// Join the chunks of a chunked HTTP body.
fn dechunk(body: &[u8]) -> Result<Vec<u8>, InputError> {
    let bad = |what: &str| InputError::Undecodable(format!("chunked HTTP body: {what}"));
    let mut out = Vec::with_capacity(body.len());
    let mut at = 0;
    loop {
        let end = body[at..]
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| bad("a chunk size line is missing"))?;
        let line = String::from_utf8_lossy(&body[at..at + end]);
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size =
            usize::from_str_radix(size_text, 16).map_err(|_| bad("a chunk size is not hex"))?;
        at += end + 1;
        if size == 0 {
            return Ok(out);
        }
        let chunk = body
            .get(at..at.saturating_add(size))
            .ok_or_else(|| bad("a chunk is cut short"))?;
        out.extend_from_slice(chunk);
        at += size;
        // The CRLF after the chunk.
        while at < body.len() && matches!(body[at], b'\r' | b'\n') {
            at += 1;
            if body[at - 1] == b'\n' {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(warc_type: &str, content_type: &str, block: &[u8], uri: &str) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{warc_type}>\r\n\
             WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    fn items(bytes: &[u8]) -> Vec<Result<RecordItem, InputError>> {
        WarcRecords::new(bytes, 1 << 20).collect()
    }

    #[test]
    fn html_responses_and_conversions_are_documents() {
        let mut warc = record(
            "warcinfo",
            "application/warc-fields",
            b"software: x\r\n",
            "",
        );
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                "Content-Type: text/html; charset=gbk\r\n",
                b"<p>hi</p>",
            ),
            "http://a.example/zh/1",
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
            "http://a.example/i.png",
        ));
        warc.extend(record(
            "response",
            "application/http; msgtype=response",
            &http(
                "301 Moved",
                "Location: /x\r\nContent-Type: text/html\r\n",
                b"",
            ),
            "http://a.example/old",
        ));
        warc.extend(record(
            "conversion",
            "text/plain",
            "正文".as_bytes(),
            "http://b/",
        ));
        let got = items(&warc);
        assert_eq!(got.len(), 2);
        let first = got[0].as_ref().expect("record");
        assert_eq!(first.key, "000001");
        let loaded = first.content.as_ref().expect("content");
        assert_eq!(loaded.bytes, b"<p>hi</p>");
        assert!(matches!(&loaded.format, Format::Html { http_charset: Some(c) } if c == "gbk"));
        assert!(loaded
            .fields
            .contains(&("url".to_string(), "http://a.example/zh/1".to_string())));
        let second = got[1].as_ref().expect("record");
        assert_eq!(second.key, "000004");
        assert!(matches!(
            second.content.as_ref().map(|l| &l.format),
            Ok(Format::Text)
        ));
    }

    #[test]
    fn chunked_and_gzipped_bodies_are_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<html>page</html>").expect("gzip");
        let gz = gz.finish().expect("gzip");
        let mut chunked = format!("{:x}\r\n", 5).into_bytes();
        chunked.extend_from_slice(&gz[..5]);
        chunked.extend(format!("\r\n{:x}\r\n", gz.len() - 5).into_bytes());
        chunked.extend_from_slice(&gz[5..]);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let warc = record(
            "response",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked,
            ),
            "http://a/",
        );
        let got = items(&warc);
        let loaded = got[0]
            .as_ref()
            .expect("record")
            .content
            .as_ref()
            .expect("body");
        assert_eq!(loaded.bytes, b"<html>page</html>");
    }

    #[test]
    fn a_truncated_record_ends_the_file_with_an_error() {
        let mut warc = record("conversion", "text/plain", b"first document", "http://a/");
        let second = record("conversion", "text/plain", b"second document", "http://b/");
        warc.extend_from_slice(&second[..second.len() - 12]);
        let got = items(&warc);
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        assert!(matches!(&got[1], Err(InputError::Malformed(m)) if m.contains("truncated")));
    }

    #[test]
    fn garbage_is_a_framing_error_not_a_panic() {
        let got = items(b"this is not a WARC file\n");
        assert!(matches!(&got[..], [Err(InputError::Malformed(_))]));
        assert!(items(b"").is_empty());
    }
}
