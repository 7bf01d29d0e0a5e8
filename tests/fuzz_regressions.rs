//! Replays the inputs that made a `cargo fuzz` target fail (tests/fixtures/fuzz/<target>/, one file per
//! input, kept as found) through the same checks the targets run (fuzz/checks.rs), plus a few edge inputs
//! every target must survive. Fuzzing itself is scripts/fuzz.sh (nightly, not in CI).

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Inputs at the edges of every target's input handling: empty, NUL bytes, lone CRs, invalid UTF-8,
/// a lone byte-order mark, an unterminated tag.
const EDGES: &[&[u8]] = &[
    b"",
    b"\0",
    b"\0\0\0",
    b"\r\r\r",
    b"\n\n\n",
    b"\xff\xfe\xfd",
    b"\xef\xbb\xbf",
    b"\xfe\xff\x00",
    b"<html><body><p>a",
    "\u{3000}\u{200b}，。".as_bytes(),
];

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.is_file()
                && path
                    .file_name()
                    .is_some_and(|n| n != "README.md" && n != ".keep")
        })
        .collect();
    inputs.sort();
    for path in &inputs {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check(&data);
    }
    for edge in EDGES {
        check(edge);
    }
}

#[test]
fn decode_inputs() {
    replay("decode", checks::decode);
}

#[test]
fn fix_inputs() {
    replay("fix", checks::fix);
}

#[test]
fn align_inputs() {
    replay("align", checks::align);
}

#[test]
fn html_inputs() {
    replay("html", checks::html);
}
