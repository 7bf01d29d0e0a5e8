//! The search space of the dynamic programme: the band of cells it fills (around the diagonal, then
//! around a path, so time and memory grow with n + m rather than n × m) and the bead shapes it tries at
//! each cell.
//!
//! Imports nothing from the aligner.

/// A band of DP cells: row i (source sentences consumed) spans target positions `lo[i]..=hi[i]`.
#[derive(Debug, Clone)]
pub(super) struct Band {
    pub(super) lo: Vec<usize>,
    pub(super) hi: Vec<usize>,
}

impl Band {
    /// Around the straight line from (0,0) to (n,m): row i covers the slab the line crosses between rows
    /// i and i+1, widened by `w`, so consecutive rows always overlap.
    pub(super) fn diagonal(n: usize, m: usize, w: usize) -> Band {
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        for i in 0..=n {
            let (a, b) = match (i * m).checked_div(n) {
                None => (0, m),
                Some(a) => (a, ((i + 1) * m).div_ceil(n).min(m)),
            };
            lo.push(a.saturating_sub(w));
            hi.push((b + w).min(m));
        }
        Band { lo, hi }
    }

    /// Around a monotone path of cells from (0,0) to (n,m).
    pub(super) fn around(path: &[(usize, usize)], n: usize, m: usize, w: usize) -> Band {
        let mut a = vec![usize::MAX; n + 1];
        let mut b = vec![0usize; n + 1];
        for &(i, j) in path {
            if let (Some(x), Some(y)) = (a.get_mut(i), b.get_mut(i)) {
                *x = (*x).min(j);
                *y = (*y).max(j);
            }
        }
        let mut prev = 0usize;
        for i in 0..=n {
            if a[i] == usize::MAX {
                a[i] = prev;
                b[i] = prev;
            }
            prev = b[i];
        }
        Band {
            lo: a.iter().map(|&x| x.saturating_sub(w)).collect(),
            hi: b.iter().map(|&y| (y + w).min(m)).collect(),
        }
    }

    pub(super) fn contains(&self, i: usize, j: usize) -> bool {
        matches!((self.lo.get(i), self.hi.get(i)), (Some(&l), Some(&h)) if l <= j && j <= h)
    }

    pub(super) fn cells(&self) -> usize {
        self.lo
            .iter()
            .zip(&self.hi)
            .map(|(l, h)| h + 1 - l.min(&(h + 1)))
            .sum()
    }
}

pub(super) fn touches_edge(band: &Band, path: &[(usize, usize)], m: usize) -> bool {
    const MARGIN: usize = 3;
    path.iter().any(|&(i, j)| {
        let lo = band.lo.get(i).copied().unwrap_or(0);
        let hi = band.hi.get(i).copied().unwrap_or(m);
        (lo > 0 && j < lo + MARGIN) || (hi < m && j + MARGIN > hi)
    })
}

/// The bead shapes tried, nulls first, then by size, so ties prefer the simplest shape.
pub(super) fn shapes(k: usize) -> Vec<(usize, usize)> {
    let mut v = vec![(1, 0), (0, 1), (1, 1)];
    for total in 3..=(k + 1) {
        for a in 1..total {
            let b = total - a;
            if a <= k && b <= k {
                v.push((a, b));
            }
        }
    }
    v.sort_by_key(|&(a, b)| (a + b, a.max(b), a));
    v.dedup();
    for &k in NULL_RUNS {
        v.push((k, 0));
        v.push((0, k));
    }
    v
}

/// Lengths of the runs of unaligned sentences the program can take in one step (longer gaps chain them);
/// each costs `null_penalty` once plus `null_run_penalty` per further sentence.
const NULL_RUNS: &[usize] = &[2, 3, 4, 6, 8, 12, 16];
