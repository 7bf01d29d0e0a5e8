//! The alignment bead and its text form. Imports nothing of the align layer.

/// One alignment bead: consecutive source and target sentence indices (either side may be empty).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Bead {
    pub src: Vec<usize>,
    pub tgt: Vec<usize>,
    /// In [0,1], higher is better; 0 for null beads. Also weighs how clearly the bead beat rival bead
    /// shapes at the same place, so it separates exactly right beads from wrong ones better than `evidence`.
    pub score: f64,
    /// In [0,1]: the bead's own translation evidence, mapped monotonically (0 for null beads). Document
    /// pairing tests coverage on this, since it asks whether sentences are translations, not where beads end.
    pub evidence: f64,
}

/// `[0, 1]:[2]:0.8123` — the bead line format of `cleanalign align` (and of the MAC/Bertalign gold files,
/// whose scorer ignores the third field).
pub fn format_bead(b: &Bead) -> String {
    let join = |v: &[usize]| {
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("[{}]:[{}]:{:.4}", join(&b.src), join(&b.tgt), b.score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bead_format_matches_the_scorer() {
        let b = Bead {
            src: vec![0, 1],
            tgt: vec![2],
            score: 0.81234,
            evidence: 0.9,
        };
        assert_eq!(format_bead(&b), "[0, 1]:[2]:0.8123");
        let n = Bead {
            src: vec![3],
            tgt: vec![],
            score: 0.0,
            evidence: 0.0,
        };
        assert_eq!(format_bead(&n), "[3]:[]:0.0000");
    }
}
