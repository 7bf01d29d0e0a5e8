//! `corpus.zh` and `corpus.en`: the corpus as Moses-style parallel text for fairseq, Marian or OpenNMT. Line N
//! of each file is the same corpus row, so both files have exactly as many lines as the corpus has rows, and
//! no segment holds a line break. Imports the corpus row.

use super::CorpusRow;
use std::io::Write;

/// Does a line reader split at `c`? LF and CR for every reader; the rest for Python's `str.splitlines`, which
/// some training scripts use (VT, FF, the file/group/record separators, NEL, LINE and PARAGRAPH SEPARATOR).
fn breaks_lines(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `text` on one line: each run of line-breaking characters becomes one space.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(breaks_lines) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut in_break = false;
    for c in text.chars() {
        if breaks_lines(c) {
            if !in_break {
                out.push(' ');
            }
            in_break = true;
        } else {
            out.push(c);
            in_break = false;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Write the Chinese side of every row to `zh` and the English side to `en`, one row per line.
pub fn write_moses(
    zh: &mut dyn Write,
    en: &mut dyn Write,
    rows: &[CorpusRow],
) -> std::io::Result<()> {
    for row in rows {
        let (zh_text, en_text) = row.zh_en();
        zh.write_all(one_line(zh_text).as_bytes())?;
        zh.write_all(b"\n")?;
        en.write_all(one_line(en_text).as_bytes())?;
        en.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testing::row;
    use super::*;

    #[test]
    fn line_n_of_each_file_is_row_n() {
        let rows = vec![
            row(1, "第一句。", "First."),
            row(2, "第二\n句。", "Second\r\n\r\nline\u{2028}here\u{85}."),
            row(3, "", "Empty Chinese side."),
        ];
        let (mut zh, mut en) = (Vec::new(), Vec::new());
        write_moses(&mut zh, &mut en, &rows).expect("in memory");
        let zh = String::from_utf8(zh).expect("UTF-8");
        let en = String::from_utf8(en).expect("UTF-8");
        // Python's splitlines is the strictest common reader.
        let zh_lines: Vec<&str> = zh.lines().collect();
        let en_lines: Vec<&str> = en.split(breaks_lines).filter(|l| !l.is_empty()).collect();
        assert_eq!(zh_lines, ["第一句。", "第二 句。", ""]);
        assert_eq!(
            en_lines,
            ["First.", "Second line here .", "Empty Chinese side."]
        );
        assert_eq!(zh.matches('\n').count(), rows.len());
        assert_eq!(en.matches('\n').count(), rows.len());
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(one_line("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
