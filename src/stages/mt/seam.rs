//! The seam between two copies of a looped phrase: the punctuation between them, read as the copy's own
//! punctuation and a joiner. A decoder that loops on a span of text repeats the span with whatever marks
//! it holds, so a copy that ends in a comma or a full stop carries it into the seam (`market,, rising
//! market,`, `on Friday., said on Friday.`, `…announced. the election commission announced.`): the seam is
//! the end of one copy, a joiner, and the start of the next.
//!
//! Imports nothing from the stage; works on the normalised punctuation strings of `super::tokens`
//! (white space removed, curly quotes and full-width commas compared alike).

/// What a decoder puts between the copies of a loop, besides their own punctuation: nothing (a space), a
/// comma, a semicolon, a dash, a colon or an ellipsis.
const JOINERS: &[&str] = &["", ",", ";", "-", ":", "...", "…"];

/// The punctuation between two copies, split into the end of the first copy, the joiner and the start of
/// the next copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seam<'a> {
    /// The first copy's own closing punctuation (the last copy must end with it too).
    pub(super) copy_end: &'a str,
    pub(super) joiner: &'a str,
    /// The next copy's own opening punctuation (the first copy must start with it too).
    pub(super) copy_start: &'a str,
}

impl<'a> Seam<'a> {
    /// Read `between` (the punctuation between the copies) as `copy_end + joiner + copy_start`, where the
    /// last copy is followed by `after_last` (so it starts with `copy_end`) and the first is preceded by
    /// `before_first` (so it ends with `copy_start`). The reading with the most punctuation inside the
    /// copies is taken; None when no reading fits.
    pub(super) fn split(
        between: &'a str,
        before_first: &str,
        after_last: &str,
    ) -> Option<Seam<'a>> {
        let ends: Vec<usize> = between
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(between.len()))
            .collect();
        for &end in ends.iter().rev() {
            let copy_end = &between[..end];
            if !after_last.starts_with(copy_end) {
                continue;
            }
            for &start in ends.iter().filter(|&&s| s >= end) {
                let copy_start = &between[start..];
                if before_first.ends_with(copy_start) && JOINERS.contains(&&between[end..start]) {
                    return Some(Seam {
                        copy_end,
                        joiner: &between[end..start],
                        copy_start,
                    });
                }
            }
        }
        None
    }
}

/// Whether the punctuation between two copies is debris no writer produces: two marks in a row, other
/// than an ellipsis or quotes (`,,`, `.,`, `:,`, `?,`, `;,`).
pub(super) fn is_debris(between: &str) -> bool {
    let marks: Vec<char> = between
        .chars()
        .filter(|&c| !matches!(c, '"' | '\'' | '…'))
        .collect();
    marks.len() >= 2 && !marks.iter().all(|&c| c == '.') && !marks.iter().all(|&c| c == '-')
}

/// Whether the punctuation between two copies ends a sentence (`.`, `!`, `?`; not an ellipsis).
pub(super) fn ends_sentence(between: &str) -> bool {
    !between.contains("...") && between.contains(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seams_split_into_copy_punctuation_and_joiner() {
        // `market,, rising market,`: the copy ends in a comma, joined by another.
        let s = Seam::split(",,", "", ",").unwrap();
        assert_eq!((s.copy_end, s.joiner, s.copy_start), (",", ",", ""));
        // `announced. the election commission announced.`: the copy's own full stop, joined by a space.
        let s = Seam::split(".", ",", ".").unwrap();
        assert_eq!((s.copy_end, s.joiner), (".", ""));
        // `(see here, (see here`: a copy that opens with a bracket.
        let s = Seam::split(",(", "(", "").unwrap();
        assert_eq!((s.copy_end, s.joiner, s.copy_start), ("", ",", "("));
        // A full stop the last copy does not end with is no part of the copies.
        assert_eq!(Seam::split(".", "", ""), None);
        assert_eq!(Seam::split("|", "", ""), None);
    }

    #[test]
    fn debris_and_sentence_ends() {
        for debris in [",,", ".,", ":,", "?,", ",;"] {
            assert!(is_debris(debris), "{debris}");
        }
        for natural in ["", ",", ".", "...", "\"", ",\"", "-", "--"] {
            assert!(!is_debris(natural), "{natural}");
        }
        assert!(
            ends_sentence(".")
                && ends_sentence("!\"")
                && !ends_sentence("...")
                && !ends_sentence(",")
        );
    }
}
