//! Which documents are worth aligning with each other: candidate pairs, found in near-linear time.
//!
//! - **By content** (Buck & Koehn's WMT16 document-alignment method): every document becomes a bag of evidence
//!   keys in a space both languages share (a Chinese word counts under the English lemmas of its CC-CEDICT
//!   glosses; numbers, Latin words and names count as themselves), weighted by TF-IDF over the batch and
//!   normalised. An inverted index over one language gives each document of the other its cosine with every
//!   document it shares a key with; each document keeps its `pair_candidates_per_doc` nearest, in both
//!   directions. Keys held by more than [`max_postings`] documents are too common to tell documents apart
//!   and are not looked up, which keeps the cost per document bounded.
//! - **By layout**: documents whose ids or urls are equal once language markers are removed (see `names.rs`)
//!   are candidates whatever their content, as long as the group is small.
//!
//! Imports only the aligner (for the key bags) and `names.rs`.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::super::aligner::Aligner;
use super::names::{id_stem, url_stem};
use super::DocForPairing;

/// A layout group (documents sharing an id or url stem) larger than this is a naming scheme, not a pair.
const MAX_LAYOUT_GROUP: usize = 8;

/// Keys held by more documents than this are not looked up in the index.
fn max_postings(docs: usize) -> usize {
    (docs / 50).max(200)
}

fn norm_lang(doc: &DocForPairing) -> String {
    doc.lang.to_ascii_lowercase()
}

/// Candidate pairs `(i, j)` with `i < j`, documents of two different languages.
pub(super) fn candidates(
    aligner: &Aligner,
    docs: &[DocForPairing],
    per_doc: usize,
) -> BTreeSet<(usize, usize)> {
    let mut out = by_layout(docs);
    let mut by_lang: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_lang.entry(norm_lang(d)).or_default().push(i);
    }
    let groups: Vec<&Vec<usize>> = by_lang.values().collect();
    for (x, a) in groups.iter().enumerate() {
        for b in groups.iter().skip(x + 1) {
            out.extend(by_content(aligner, docs, a, b, per_doc));
        }
    }
    out
}

/// Pairs of documents in two languages whose layout keys (id stem, url stem) are equal.
pub(super) fn by_layout(docs: &[DocForPairing]) -> BTreeSet<(usize, usize)> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for key in layout_keys(d) {
            groups.entry(key).or_default().push(i);
        }
    }
    let mut out = BTreeSet::new();
    for group in groups.values().filter(|g| g.len() <= MAX_LAYOUT_GROUP) {
        for (x, &i) in group.iter().enumerate() {
            for &j in group.iter().skip(x + 1) {
                if norm_lang(&docs[i]) != norm_lang(&docs[j]) {
                    out.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    out
}

/// The keys under which a document meets its translation by layout: its id stem, and its url stem.
pub(super) fn layout_keys(doc: &DocForPairing) -> Vec<String> {
    let mut keys = vec![format!("id:{}", id_stem(&doc.id))];
    if let Some(url) = doc.url.as_deref().and_then(url_stem) {
        keys.push(format!("url:{url}"));
    }
    keys
}

/// A document's TF-IDF vector: (key, weight) sorted by key, of unit length.
type Vector = Vec<(u64, f32)>;

/// Nearest documents across two language groups `a` and `b`, by TF-IDF cosine, both directions.
fn by_content(
    aligner: &Aligner,
    docs: &[DocForPairing],
    a: &[usize],
    b: &[usize],
    per_doc: usize,
) -> BTreeSet<(usize, usize)> {
    let (Some(&fa), Some(&fb)) = (a.first(), b.first()) else {
        return BTreeSet::new();
    };
    let (la, lb) = (docs[fa].lang.as_str(), docs[fb].lang.as_str());
    let bags = |group: &[usize], lang: &str, other: &str| -> Vec<Vec<(u64, f32)>> {
        group
            .par_iter()
            .map(|&i| aligner.key_bag(&docs[i].sentences, lang, other))
            .collect()
    };
    let bags_a = bags(a, la, lb);
    let bags_b = bags(b, lb, la);
    let mut df: HashMap<u64, u32> = HashMap::new();
    for bag in bags_a.iter().chain(&bags_b) {
        for &(k, _) in bag {
            *df.entry(k).or_default() += 1;
        }
    }
    let n = (a.len() + b.len()) as f64;
    let vectorise = |bag: &Vec<(u64, f32)>| -> Vector {
        let mut v: Vector = bag
            .iter()
            .map(|&(k, w)| {
                let idf = (n / df.get(&k).copied().unwrap_or(1).max(1) as f64).ln() + 1.0;
                (k, ((1.0 + w as f64).ln() * idf) as f32)
            })
            .collect();
        let norm = v.iter().map(|x| (x.1 as f64).powi(2)).sum::<f64>().sqrt();
        if norm > 0.0 {
            for x in &mut v {
                x.1 = (x.1 as f64 / norm) as f32;
            }
        }
        v
    };
    let vec_a: Vec<Vector> = bags_a.par_iter().map(vectorise).collect();
    let vec_b: Vec<Vector> = bags_b.par_iter().map(vectorise).collect();
    let cap = max_postings(a.len() + b.len());
    let nearest_ab = nearest(&vec_a, &vec_b, cap, per_doc);
    let nearest_ba = nearest(&vec_b, &vec_a, cap, per_doc);
    let mut out = BTreeSet::new();
    for (ia, near) in nearest_ab.iter().enumerate() {
        for &jb in near {
            let (i, j) = (a[ia], b[jb]);
            out.insert((i.min(j), i.max(j)));
        }
    }
    for (jb, near) in nearest_ba.iter().enumerate() {
        for &ia in near {
            let (i, j) = (a[ia], b[jb]);
            out.insert((i.min(j), i.max(j)));
        }
    }
    out
}

/// For each query vector, the indices of its `k` nearest `targets` by cosine (ties by index), through an
/// inverted index over the targets; keys with more than `cap` postings are skipped.
fn nearest(queries: &[Vector], targets: &[Vector], cap: usize, k: usize) -> Vec<Vec<usize>> {
    let mut postings: HashMap<u64, Vec<(u32, f32)>> = HashMap::new();
    for (t, v) in targets.iter().enumerate() {
        for &(key, w) in v {
            postings.entry(key).or_default().push((t as u32, w));
        }
    }
    postings.retain(|_, list| list.len() <= cap);
    queries
        .par_iter()
        .map_init(
            || (vec![0f32; targets.len()], Vec::new()),
            |(acc, touched), q| {
                for &(key, w) in q {
                    if let Some(list) = postings.get(&key) {
                        for &(t, tw) in list {
                            let slot = &mut acc[t as usize];
                            if *slot == 0.0 {
                                touched.push(t);
                            }
                            *slot += w * tw;
                        }
                    }
                }
                let mut scored: Vec<(f32, u32)> =
                    touched.iter().map(|&t| (acc[t as usize], t)).collect();
                for &t in touched.iter() {
                    acc[t as usize] = 0.0;
                }
                touched.clear();
                scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                scored
                    .into_iter()
                    .filter(|s| s.0 > 0.0)
                    .take(k)
                    .map(|s| s.1 as usize)
                    .collect()
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(v: &[(u64, f32)]) -> Vector {
        let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        v.iter().map(|&(k, w)| (k, w / n)).collect()
    }

    #[test]
    fn nearest_ranks_by_cosine_and_skips_common_keys() {
        let targets = vec![
            unit(&[(1, 1.0), (2, 1.0)]),
            unit(&[(2, 1.0), (3, 1.0)]),
            unit(&[(9, 1.0)]),
        ];
        let queries = vec![
            unit(&[(3, 1.0), (2, 0.2)]),
            unit(&[(9, 1.0)]),
            unit(&[(7, 1.0)]),
        ];
        let near = nearest(&queries, &targets, 10, 2);
        assert_eq!(near, vec![vec![1, 0], vec![2], vec![]]);
        // With key 2 held by two targets and a cap of 1, only key 3 still links the first query.
        let capped = nearest(&queries, &targets, 1, 2);
        assert_eq!(capped[0], vec![1]);
    }
}
