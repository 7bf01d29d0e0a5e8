//! What the second pass learns from the first: words of the two sides that keep landing in the same
//! confident beads (names, terms, and for pairs without a dictionary, frequent word translations)
//! become keys of each other, so that they meet as evidence.
//!
//! Imports only `super::evidence` and `crate::align::Bead`.

use rustc_hash::FxHashMap as HashMap;

use super::evidence::RawSent;
use crate::align::bead::Bead;

/// Fewest confident beads two words must share to be associated.
const LEARN_MIN_COOCCUR: u32 = 2;
/// Smallest Dice coefficient (shared beads relative to the words' bead counts) of an association.
const LEARN_MIN_DICE: f64 = 0.5;
/// Beads scoring at least this take part in learning.
pub(super) const LEARN_MIN_BEAD_SCORE: f64 = 0.5;

/// Associations learned from the first pass: (source word -> target keys, target word -> source keys).
/// A source word and a target word are associated when they co-occur in at least LEARN_MIN_COOCCUR
/// confident beads and their Dice coefficient reaches LEARN_MIN_DICE; the target word's identity is then
/// added as a key of the source word, so the two meet.
pub(super) fn learn_associations(
    src: &[RawSent],
    tgt: &[RawSent],
    beads: &[Bead],
) -> (HashMap<u64, Vec<u64>>, HashMap<u64, Vec<u64>>) {
    let mut cs: HashMap<u64, u32> = HashMap::default();
    let mut ct: HashMap<u64, u32> = HashMap::default();
    let mut bead_words: Vec<(Vec<u64>, Vec<u64>)> = Vec::new();
    for b in beads.iter().filter(|b| b.evidence >= LEARN_MIN_BEAD_SCORE) {
        let words = |side: &[RawSent], idx: &[usize]| -> Vec<u64> {
            let mut v: Vec<u64> = idx
                .iter()
                .filter_map(|&i| side.get(i))
                .flat_map(|r| r.toks.iter().map(|t| t.word))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let (ws, wt) = (words(src, &b.src), words(tgt, &b.tgt));
        for w in &ws {
            *cs.entry(*w).or_default() += 1;
        }
        for w in &wt {
            *ct.entry(*w).or_default() += 1;
        }
        bead_words.push((ws, wt));
    }
    // Only words seen in LEARN_MIN_COOCCUR beads can be associated: skipping the rest keeps counting small.
    let mut joint: HashMap<(u64, u64), u32> = HashMap::default();
    for (ws, wt) in &bead_words {
        let wt: Vec<u64> = wt
            .iter()
            .copied()
            .filter(|w| ct.get(w).copied().unwrap_or(0) >= LEARN_MIN_COOCCUR)
            .collect();
        for s in ws
            .iter()
            .filter(|w| cs.get(w).copied().unwrap_or(0) >= LEARN_MIN_COOCCUR)
        {
            for &t in &wt {
                *joint.entry((*s, t)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<(u64, u64)> = joint
        .into_iter()
        .filter(|&((s, t), c)| {
            let a = cs.get(&s).copied().unwrap_or(0) as f64;
            let b = ct.get(&t).copied().unwrap_or(0) as f64;
            c >= LEARN_MIN_COOCCUR && 2.0 * c as f64 / (a + b) >= LEARN_MIN_DICE
        })
        .map(|(p, _)| p)
        .collect();
    pairs.sort_unstable();
    let mut to_tgt: HashMap<u64, Vec<u64>> = HashMap::default();
    let mut to_src: HashMap<u64, Vec<u64>> = HashMap::default();
    for (s, t) in pairs {
        // The target word's own id becomes a key of both words (Chinese word identities are not keys
        // by themselves, so the target side gets it explicitly).
        if s != t {
            to_tgt.entry(s).or_default().push(t);
            to_src.entry(t).or_insert_with(|| vec![t]);
        }
    }
    (to_tgt, to_src)
}
