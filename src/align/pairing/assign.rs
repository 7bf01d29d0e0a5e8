//! Choosing pairs one to one from scored candidates: the best total, not the best first.
//!
//! Candidates at or above `pair_min_score` form a bipartite graph. Each connected part of it is solved on its
//! own: exactly (maximum-weight assignment by the Hungarian method) when it has at most [`EXACT_LIMIT`]
//! documents on a side, greedily by score otherwise (ties by index, so the result never depends on the
//! order in which scores were computed). Greedy choice per document invites swaps between look-alike
//! documents (a six-sentence conversation taking the three-sentence one that shares its end); the total does
//! not, because the right pairing explains both documents fully.
//!
//! A chosen pair is kept only with a margin over the runner-up: the part's best total without that pair must
//! be at least `pair_margin` lower (in a part solved greedily: each of the two documents' next-best
//! candidate must score that much lower). Otherwise both documents stay unpaired and are reported as
//! ambiguous, with their two best partners, rather than guessed.
//!
//! Imports nothing of the pairing layer: it sees scores on index pairs only.

use std::collections::BTreeMap;

/// Connected parts with more documents than this on a side are assigned greedily (the exact method costs
/// the cube of the part's size, and once more per chosen pair for the runner-up).
const EXACT_LIMIT: usize = 40;

/// A scored candidate: source index, target index, score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Edge {
    pub(super) src: usize,
    pub(super) tgt: usize,
    pub(super) score: f64,
}

/// The outcome: chosen edges, and documents left unpaired for want of a margin, each with its two best
/// partners.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Assignment {
    pub(super) chosen: Vec<Edge>,
    pub(super) ambiguous: Vec<(usize, Vec<Edge>)>,
}

/// Choose pairs from `edges` (all at or above the score threshold already) with the given margin.
pub(super) fn assign(edges: &[Edge], margin: f64) -> Assignment {
    let mut parts: BTreeMap<usize, Vec<Edge>> = BTreeMap::new();
    {
        // Union-find over document indices; sources and targets share one index space.
        let mut parent: BTreeMap<usize, usize> = BTreeMap::new();
        fn find(parent: &mut BTreeMap<usize, usize>, x: usize) -> usize {
            let mut root = x;
            while let Some(&p) = parent.get(&root) {
                if p == root {
                    break;
                }
                root = p;
            }
            let mut cur = x;
            while cur != root {
                let next = parent.get(&cur).copied().unwrap_or(root);
                parent.insert(cur, root);
                cur = next;
            }
            root
        }
        for e in edges {
            parent.entry(e.src).or_insert(e.src);
            parent.entry(e.tgt).or_insert(e.tgt);
            let (ra, rb) = (find(&mut parent, e.src), find(&mut parent, e.tgt));
            if ra != rb {
                parent.insert(ra.max(rb), ra.min(rb));
            }
        }
        for e in edges {
            let root = find(&mut parent, e.src);
            parts.entry(root).or_default().push(*e);
        }
    }
    let mut out = Assignment::default();
    for part in parts.values() {
        let (chosen, total) = solve_part(part, None);
        let exact = fits_exactly(part);
        for e in &chosen {
            // The runner-up: the best total of this part without this pair (exact parts), or each document's
            // next-best candidate (large parts, solved greedily).
            let runner_up_gap = if exact {
                total - solve_part(part, Some(e)).1
            } else {
                let rival = |pick: &dyn Fn(&Edge) -> bool| {
                    part.iter()
                        .filter(|x| pick(x) && !(x.src == e.src && x.tgt == e.tgt))
                        .map(|x| x.score)
                        .fold(0.0f64, f64::max)
                };
                e.score - rival(&|x| x.src == e.src).max(rival(&|x| x.tgt == e.tgt))
            };
            if runner_up_gap >= margin {
                out.chosen.push(*e);
                continue;
            }
            for (doc, is_src) in [(e.src, true), (e.tgt, false)] {
                let mut partners: Vec<Edge> = part
                    .iter()
                    .filter(|x| if is_src { x.src == doc } else { x.tgt == doc })
                    .copied()
                    .collect();
                partners.sort_by(|x, y| {
                    y.score
                        .total_cmp(&x.score)
                        .then(x.src.cmp(&y.src))
                        .then(x.tgt.cmp(&y.tgt))
                });
                partners.truncate(2);
                // Only a document with two partners is ambiguous; its partner is merely left unpaired.
                if partners.len() == 2 {
                    out.ambiguous.push((doc, partners));
                }
            }
        }
    }
    out.chosen.sort_by_key(|e| (e.src, e.tgt));
    out.ambiguous.sort_by_key(|a| a.0);
    out.ambiguous.dedup_by_key(|a| a.0);
    out
}

/// Whether a part is small enough for the exact method.
fn fits_exactly(part: &[Edge]) -> bool {
    let count = |side: &dyn Fn(&Edge) -> usize| {
        let mut ids: Vec<usize> = part.iter().map(side).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    count(&|e| e.src) <= EXACT_LIMIT && count(&|e| e.tgt) <= EXACT_LIMIT
}

/// The best one-to-one choice inside one connected part, without the edge `forbidden`, and its total score.
fn solve_part(part: &[Edge], forbidden: Option<&Edge>) -> (Vec<Edge>, f64) {
    let allowed: Vec<Edge> = part
        .iter()
        .filter(|e| forbidden.is_none_or(|f| !(f.src == e.src && f.tgt == e.tgt)))
        .copied()
        .collect();
    let chosen = if fits_exactly(part) {
        exact(&allowed)
    } else {
        greedy(&allowed)
    };
    let total = chosen.iter().map(|e| e.score).sum();
    (chosen, total)
}

/// Maximum-weight one-to-one choice (Hungarian method on the part's square weight matrix).
fn exact(part: &[Edge]) -> Vec<Edge> {
    let mut srcs: Vec<usize> = part.iter().map(|e| e.src).collect();
    let mut tgts: Vec<usize> = part.iter().map(|e| e.tgt).collect();
    srcs.sort_unstable();
    srcs.dedup();
    tgts.sort_unstable();
    tgts.dedup();
    let size = srcs.len().max(tgts.len());
    let mut weight = vec![vec![0.0f64; size]; size];
    for e in part {
        if let (Ok(r), Ok(c)) = (srcs.binary_search(&e.src), tgts.binary_search(&e.tgt)) {
            weight[r][c] = e.score;
        }
    }
    let row_to_col = max_weight_assignment(&weight);
    let mut out = Vec::new();
    for (r, c) in row_to_col.into_iter().enumerate() {
        let (Some(&src), Some(&tgt)) = (srcs.get(r), tgts.get(c)) else {
            continue;
        };
        if let Some(e) = part.iter().find(|e| e.src == src && e.tgt == tgt) {
            out.push(*e);
        }
    }
    out
}

/// Highest score first, each document at most once.
fn greedy(part: &[Edge]) -> Vec<Edge> {
    let mut sorted = part.to_vec();
    sorted.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.src.cmp(&y.src))
            .then(x.tgt.cmp(&y.tgt))
    });
    let mut used_s = std::collections::BTreeSet::new();
    let mut used_t = std::collections::BTreeSet::new();
    sorted
        .into_iter()
        .filter(|e| {
            let free = !used_s.contains(&e.src) && !used_t.contains(&e.tgt);
            if free {
                used_s.insert(e.src);
                used_t.insert(e.tgt);
            }
            free
        })
        .collect()
}

/// Maximum-weight perfect assignment of a square matrix (the Hungarian method with potentials, O(n³)):
/// the column of each row. Missing edges are weight 0, so a row "assigned" to one is unpaired.
fn max_weight_assignment(weight: &[Vec<f64>]) -> Vec<usize> {
    let n = weight.len();
    if n == 0 {
        return Vec::new();
    }
    // Minimise cost = max - weight; 1-based arrays with a sentinel column 0, as in the textbook method.
    let max = weight
        .iter()
        .flat_map(|r| r.iter().copied())
        .fold(0.0f64, f64::max);
    let cost = |i: usize, j: usize| max - weight[i - 1][j - 1];
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; n + 1];
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0usize;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0, j) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut row_to_col = vec![0usize; n];
    for j in 1..=n {
        if p[j] > 0 {
            row_to_col[p[j] - 1] = j - 1;
        }
    }
    row_to_col
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(src: usize, tgt: usize, score: f64) -> Edge {
        Edge { src, tgt, score }
    }

    #[test]
    fn the_best_total_beats_the_best_first() {
        // Greedy would take (0,10) at 0.9 and leave 1 with nothing; the total pairs both.
        let edges = [e(0, 10, 0.9), e(0, 11, 0.85), e(1, 10, 0.8)];
        let a = assign(&edges, 0.0);
        assert_eq!(a.chosen, vec![e(0, 11, 0.85), e(1, 10, 0.8)]);
    }

    #[test]
    fn look_alikes_do_not_swap() {
        // Long and short conversations: each explains itself fully, the other only in part.
        let edges = [
            e(0, 10, 0.95),
            e(1, 11, 0.9),
            e(0, 11, 0.45),
            e(1, 10, 0.45),
        ];
        let a = assign(&edges, 0.05);
        assert_eq!(a.chosen, vec![e(0, 10, 0.95), e(1, 11, 0.9)]);
        assert!(a.ambiguous.is_empty());
    }

    #[test]
    fn near_equal_partners_are_ambiguous() {
        // Document 0 has two copies of its translation (10 and 11): nothing is guessed.
        let edges = [e(0, 10, 0.8), e(0, 11, 0.79), e(2, 12, 0.7)];
        let a = assign(&edges, 0.05);
        assert_eq!(a.chosen, vec![e(2, 12, 0.7)]);
        assert_eq!(a.ambiguous.len(), 1);
        assert_eq!(a.ambiguous[0].0, 0);
        assert_eq!(a.ambiguous[0].1, vec![e(0, 10, 0.8), e(0, 11, 0.79)]);
    }

    #[test]
    fn hungarian_matches_brute_force() {
        let w = vec![
            vec![0.1, 0.7, 0.3, 0.0],
            vec![0.6, 0.65, 0.0, 0.2],
            vec![0.0, 0.4, 0.5, 0.45],
            vec![0.3, 0.0, 0.55, 0.1],
        ];
        let cols = max_weight_assignment(&w);
        let total: f64 = cols.iter().enumerate().map(|(r, &c)| w[r][c]).sum();
        // Brute force over all 24 permutations.
        let mut best = 0.0f64;
        let perms = [
            [0, 1, 2, 3],
            [0, 1, 3, 2],
            [0, 2, 1, 3],
            [0, 2, 3, 1],
            [0, 3, 1, 2],
            [0, 3, 2, 1],
            [1, 0, 2, 3],
            [1, 0, 3, 2],
            [1, 2, 0, 3],
            [1, 2, 3, 0],
            [1, 3, 0, 2],
            [1, 3, 2, 0],
            [2, 0, 1, 3],
            [2, 0, 3, 1],
            [2, 1, 0, 3],
            [2, 1, 3, 0],
            [2, 3, 0, 1],
            [2, 3, 1, 0],
            [3, 0, 1, 2],
            [3, 0, 2, 1],
            [3, 1, 0, 2],
            [3, 1, 2, 0],
            [3, 2, 0, 1],
            [3, 2, 1, 0],
        ];
        for p in perms {
            best = best.max(p.iter().enumerate().map(|(r, &c)| w[r][c]).sum());
        }
        assert!((total - best).abs() < 1e-9, "{total} vs {best}");
    }
}
