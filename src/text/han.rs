//! Which characters are Han ideographs: the one definition every stage uses, in a file of its own (std only)
//! because `build.rs` compiles it too, to derive the dictionary tables (`crate::align::cedict_table`).

/// A Han ideograph: CJK Unified Ideographs, extensions A–H, and the compatibility blocks.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF      // Extension A
        | 0x4E00..=0x9FFF    // Unified Ideographs
        | 0xF900..=0xFAFF    // Compatibility Ideographs
        | 0x20000..=0x2A6DF  // Extension B
        | 0x2A700..=0x2EBEF  // Extensions C–F
        | 0x2F800..=0x2FA1F  // Compatibility Supplement
        | 0x30000..=0x323AF  // Extensions G–H
    ) || c == '〇'
}
