//! Putting a line back together after a repair has cut or replaced part of it: without doubled white
//! space or a doubled comma at the seam.
//!
//! Imports nothing from the stage.

/// Remove the byte ranges `cuts` (sorted by end, possibly nested) from `text`.
pub(super) fn apply_cuts(text: &str, cuts: &[(usize, usize)]) -> String {
    if cuts.is_empty() {
        return text.to_string();
    }
    let mut spans: Vec<(usize, usize)> = cuts.to_vec();
    spans.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (s, e) in merged {
        let piece = text.get(last..s).unwrap_or("");
        if last == 0 {
            out.push_str(piece);
        } else {
            push_spliced(&mut out, piece);
        }
        last = e;
    }
    push_spliced(&mut out, text.get(last..).unwrap_or(""));
    out
}

/// Append `rest` after a removal, without doubling white space or punctuation at the seam.
fn push_spliced(out: &mut String, rest: &str) {
    splice_tidy(out, rest);
    out.push_str(rest.get(leading_ws_to_drop(out, rest)..).unwrap_or(rest));
}

/// How many bytes of leading white space of `rest` would double white space already ending `out`.
fn leading_ws_to_drop(out: &str, rest: &str) -> usize {
    if out.ends_with(char::is_whitespace) || out.is_empty() {
        rest.len() - rest.trim_start().len()
    } else {
        0
    }
}

/// Before joining `rest` to `out` across a removal: drop a comma or space in `out` that would be doubled.
pub(super) fn splice_tidy(out: &mut String, rest: &str) {
    let next = rest.trim_start().chars().next();
    if matches!(next, Some(',' | '.' | ';' | ':' | '!' | '?' | ')') | None) {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        if next == Some(',') && out.ends_with(',') {
            out.pop();
        }
    }
}
