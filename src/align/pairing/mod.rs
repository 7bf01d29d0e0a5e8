//! Conservative document pairing: which documents of a batch are translations of each other.
//!
//! A pair is reported only on document-level evidence: both documents have at least `pair_min_sentences`
//! sentences, their character ratio is plausible for the two languages, and after sentence alignment at
//! least `pair_min_coverage` of the sentences of EACH document sit in beads scoring `pair_bead_score` or
//! more. Two documents on the same topic share vocabulary but not sentence-by-sentence content in order, so
//! they fail the coverage test; this is what keeps comparable pages (the seeds) unpaired.
//!
//! Candidate generation: when the number of cross-language combinations is at most `pair_max_exhaustive`,
//! all of them pass a cheap pre-gate (cosine of the two documents' evidence-key sets: dictionary
//! translations, numbers, names) and a combination survives when each document is among the other's
//! `pair_candidates_per_doc` best partners; those, plus any partner sharing its id stem, cost a banded
//! alignment. Above that, only documents whose ids share a stem once language markers are removed
//! (`report.zh.txt` / `report.en.txt`, `zh/012` / `en/012`), or that share at least two rare anchors (numbers
//! of 2+ digits, Latin words written in Chinese text, appearing in at most 20 documents) are compared. A true pair with neither a shared stem nor shared rare anchors is
//! missed in that regime: that is the documented limit.
//!
//! Declared pairs come first and skip every test above: `align.pairs` (document ids the user knows), then,
//! with `pair_by_name`, ids `NAME.<lang>` sharing NAME in two different languages (`report.zh.txt` /
//! `report.en.txt`). Their confidence is still computed and reported; their documents take no part in
//! automatic pairing.
//!
//! Each document ends up in at most one pair (best score first, ties by index), so output is deterministic.
//! What it never does: it never pairs two documents of the same language.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

use super::aligner::Aligner;
use super::bead::Bead;
use super::config::AlignConfig;
use super::lexicon::literal_key;
use crate::text::Lang;

/// A document offered for pairing: its sentences, already cleaned and segmented.
#[derive(Debug, Clone, PartialEq)]
pub struct DocForPairing {
    pub id: String,
    pub lang: String,
    pub sentences: Vec<String>,
}

/// Indices into the `docs` slice; `src` is the Chinese document when one side is Chinese.
#[derive(Debug, Clone, PartialEq)]
pub struct DocPair {
    pub src: usize,
    pub tgt: usize,
    /// In [0,1]: the smaller of the two documents' shares of sentences in good beads.
    pub score: f64,
}

impl Aligner {
    /// Conservative pairing of documents that are translations of each other (zh<->en at least).
    pub fn pair_documents(&self, docs: &[DocForPairing]) -> Vec<DocPair> {
        pair_documents(self, docs)
    }

    /// Chinese/English beads of one interleaved bilingual page (indices into its own sentences, Chinese as
    /// source) and the pairing confidence, when the page alternates the two languages and passes the pairing
    /// coverage test. See [`align_interleaved`].
    pub fn align_interleaved(&self, sentences: &[String]) -> Option<(Vec<Bead>, f64)> {
        align_interleaved(self, sentences)
    }
}

/// Anchors that appear in more documents than this are too common to suggest a pair.
const MAX_ANCHOR_DF: usize = 20;

/// Find translation pairs among `docs`. See the module header.
pub fn pair_documents(aligner: &Aligner, docs: &[DocForPairing]) -> Vec<DocPair> {
    let cfg = aligner.config();
    // Pairs the user declared (by name convention or in `align.pairs`) are taken as they are; their
    // documents then take no part in automatic pairing.
    let declared = declared_pairs(cfg, docs);
    let mut out: Vec<DocPair> = declared
        .par_iter()
        .filter_map(|&(a, b)| {
            let (s, t) = oriented(docs, a, b)?;
            let (ds, dt) = (docs.get(s)?, docs.get(t)?);
            let beads = aligner.align(&ds.sentences, &dt.sentences, &ds.lang, &dt.lang);
            let score = coverage(cfg, &beads, ds.sentences.len(), dt.sentences.len());
            Some(DocPair {
                src: s,
                tgt: t,
                score,
            })
        })
        .collect();
    let mut used: BTreeSet<usize> = out.iter().flat_map(|p| [p.src, p.tgt]).collect();
    let candidates: Vec<(usize, usize)> = candidates(aligner, docs, cfg.pair_max_exhaustive)
        .into_iter()
        .filter(|(a, b)| !used.contains(a) && !used.contains(b))
        .collect();
    // Each candidate costs one banded alignment: score them in parallel (the order is restored below).
    let mut scored: Vec<DocPair> = candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let (s, t) = oriented(docs, a, b)?;
            let (ds, dt) = (docs.get(s)?, docs.get(t)?);
            pair_score(aligner, ds, dt).map(|score| DocPair {
                src: s,
                tgt: t,
                score,
            })
        })
        .collect();
    scored.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.src.cmp(&y.src))
            .then(x.tgt.cmp(&y.tgt))
    });
    for p in scored {
        if used.contains(&p.src) || used.contains(&p.tgt) {
            continue;
        }
        used.insert(p.src);
        used.insert(p.tgt);
        out.push(p);
    }
    out.sort_by_key(|p| (p.src, p.tgt));
    out
}

/// `(src, tgt)` with Chinese as the source; otherwise the language code that sorts first, for determinism.
fn oriented(docs: &[DocForPairing], a: usize, b: usize) -> Option<(usize, usize)> {
    let (da, db) = (docs.get(a)?, docs.get(b)?);
    let a_first = match (Lang::from_code(&da.lang), Lang::from_code(&db.lang)) {
        (Some(Lang::Zh), _) => true,
        (_, Some(Lang::Zh)) => false,
        _ => da.lang <= db.lang,
    };
    Some(if a_first { (a, b) } else { (b, a) })
}

/// Pairs the user declared, as document indices, each document in at most one: first `align.pairs` in
/// the order written, then (with `pair_by_name`) ids `NAME.<lang>` sharing NAME with two different
/// languages, in id order. A name shared by more than two documents is ambiguous and pairs nothing.
fn declared_pairs(cfg: &AlignConfig, docs: &[DocForPairing]) -> Vec<(usize, usize)> {
    let index: BTreeMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    let mut take = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        if a != b && !used.contains(&a) && !used.contains(&b) {
            used.insert(a);
            used.insert(b);
            out.push((a, b));
        }
    };
    for pair in &cfg.pairs {
        if let (Some(&a), Some(&b)) = (index.get(pair.src.as_str()), index.get(pair.tgt.as_str())) {
            take(a, b, &mut out);
        }
    }
    if cfg.pair_by_name {
        let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, d) in docs.iter().enumerate() {
            if let Some((name, _)) =
                d.id.rsplit_once('.')
                    .filter(|(n, c)| !n.is_empty() && is_lang_code(c))
            {
                by_name.entry(name).or_default().push(i);
            }
        }
        for group in by_name.values() {
            if let [a, b] = group.as_slice() {
                // `zh` and `zh-Hant` are one language in two scripts, not a translation.
                let base = |i: usize| {
                    docs.get(i)
                        .and_then(|d| d.id.rsplit_once('.'))
                        .and_then(|(_, c)| c.split(['-', '_']).next())
                        .map(str::to_ascii_lowercase)
                };
                if base(*a) != base(*b) {
                    take(*a, *b, &mut out);
                }
            }
        }
    }
    out
}

/// A file-name language marker: `zh`, `en` and their variants (`zh-Hant`, `eng`), or any two-letter code
/// (`de`, `fr`). Anything longer (`final`, `v2`) is part of the name, not a language.
fn is_lang_code(code: &str) -> bool {
    matches!(Lang::from_code(code), Some(Lang::Zh | Lang::En))
        || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// `Some(score)` when the two documents pass every document-level test, `None` otherwise.
fn pair_score(aligner: &Aligner, src: &DocForPairing, tgt: &DocForPairing) -> Option<f64> {
    let cfg = aligner.config();
    let ns = src
        .sentences
        .iter()
        .filter(|s| !crate::text::is_blank(s))
        .count();
    let nt = tgt
        .sentences
        .iter()
        .filter(|s| !crate::text::is_blank(s))
        .count();
    if ns < cfg.pair_min_sentences || nt < cfg.pair_min_sentences {
        return None;
    }
    if !plausible_lengths(cfg, src, tgt) {
        return None;
    }
    let beads = aligner.align(&src.sentences, &tgt.sentences, &src.lang, &tgt.lang);
    let score = coverage(cfg, &beads, src.sentences.len(), tgt.sentences.len());
    (score >= cfg.pair_min_coverage).then_some(score)
}

/// Share of a document's classified sentences the smaller language must hold for it to count as an
/// interleaved bilingual page (a Chinese page with one English slogan is not one).
const INTERLEAVED_MIN_SHARE: f64 = 0.25;

/// Which language a sentence is written in, for interleaved pages: Chinese when Han characters make up at
/// least a third of its letters, English when it has no Han at all and at least 8 Latin letters.
fn sentence_lang(s: &str) -> Option<Lang> {
    let han = s.chars().filter(|&c| crate::text::is_han(c)).count();
    let latin = s.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if han > 0 && 3 * han >= han + latin {
        Some(Lang::Zh)
    } else if han == 0 && latin >= 8 {
        Some(Lang::En)
    } else {
        None
    }
}

/// A page alternating Chinese passages and their English translations: the indices of its Chinese and
/// of its English sentences, when both languages hold at least INTERLEAVED_MIN_SHARE of the classified
/// sentences, at least `min_sentences` each, and the languages alternate at least twice (a page with one
/// English block is a page with a summary, not an interleaved translation). Sentences of neither
/// language (numbers, headings in other scripts) are left out.
pub fn interleaved_sides(
    sentences: &[String],
    min_sentences: usize,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let mut switches = 0usize;
    let mut last = None;
    for (i, s) in sentences.iter().enumerate() {
        let Some(lang) = sentence_lang(s) else {
            continue;
        };
        if last.is_some_and(|l| l != lang) {
            switches += 1;
        }
        last = Some(lang);
        if lang == Lang::Zh {
            zh.push(i);
        } else {
            en.push(i);
        }
    }
    let total = (zh.len() + en.len()) as f64;
    let small = zh.len().min(en.len());
    (small >= min_sentences.max(1)
        && small as f64 >= INTERLEAVED_MIN_SHARE * total
        && switches >= 3)
        .then_some((zh, en))
}

/// Align the Chinese and the English sentences of one interleaved page (see [`interleaved_sides`]) when
/// they pass the same coverage test as a document pair. Bead indices refer to the page's own sentences;
/// the second value is the pairing confidence.
pub fn align_interleaved(aligner: &Aligner, sentences: &[String]) -> Option<(Vec<Bead>, f64)> {
    let cfg = aligner.config();
    let (zh_idx, en_idx) = interleaved_sides(sentences, cfg.pair_min_sentences)?;
    let pick = |idx: &[usize]| -> Vec<String> {
        idx.iter()
            .filter_map(|&i| sentences.get(i).cloned())
            .collect()
    };
    let (zh, en) = (pick(&zh_idx), pick(&en_idx));
    let beads = aligner.align(&zh, &en, "zh", "en");
    let score = coverage(cfg, &beads, zh.len(), en.len());
    if score < cfg.pair_min_coverage {
        return None;
    }
    let remap = |v: &[usize], idx: &[usize]| -> Vec<usize> {
        v.iter().filter_map(|&k| idx.get(k).copied()).collect()
    };
    let beads = beads
        .into_iter()
        .map(|b| Bead {
            src: remap(&b.src, &zh_idx),
            tgt: remap(&b.tgt, &en_idx),
            score: b.score,
            evidence: b.evidence,
        })
        .collect();
    Some((beads, score))
}

/// The smaller of the two sides' shares of sentences sitting in beads scoring `pair_bead_score` or more.
fn coverage(cfg: &AlignConfig, beads: &[Bead], ns: usize, nt: usize) -> f64 {
    let mut good_s = 0usize;
    let mut good_t = 0usize;
    for b in beads {
        if !b.src.is_empty() && !b.tgt.is_empty() && b.evidence >= cfg.pair_bead_score {
            good_s += b.src.len();
            good_t += b.tgt.len();
        }
    }
    let cov_s = good_s as f64 / ns.max(1) as f64;
    let cov_t = good_t as f64 / nt.max(1) as f64;
    cov_s.min(cov_t)
}

fn visible_chars(doc: &DocForPairing) -> f64 {
    doc.sentences
        .iter()
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).count())
        .sum::<usize>() as f64
}

fn plausible_lengths(cfg: &AlignConfig, src: &DocForPairing, tgt: &DocForPairing) -> bool {
    let ls = visible_chars(src);
    let lt = visible_chars(tgt);
    if ls <= 0.0 || lt <= 0.0 {
        return false;
    }
    match (Lang::from_code(&src.lang), Lang::from_code(&tgt.lang)) {
        (Some(Lang::Zh), Some(Lang::En)) => {
            let r = lt / ls;
            r >= cfg.pair_zh_en_min_char_ratio && r <= cfg.pair_zh_en_max_char_ratio
        }
        (Some(Lang::En), Some(Lang::Zh)) => {
            let r = ls / lt;
            r >= cfg.pair_zh_en_min_char_ratio && r <= cfg.pair_zh_en_max_char_ratio
        }
        _ => ls.max(lt) / ls.min(lt) <= cfg.pair_max_char_ratio,
    }
}

fn norm_lang(doc: &DocForPairing) -> String {
    doc.lang.to_ascii_lowercase()
}

/// Candidate pairs (i < j) of documents in different languages.
fn candidates(
    aligner: &Aligner,
    docs: &[DocForPairing],
    max_exhaustive: usize,
) -> Vec<(usize, usize)> {
    let mut by_lang: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_lang.entry(norm_lang(d)).or_default().push(i);
    }
    let langs: Vec<&Vec<usize>> = by_lang.values().collect();
    let mut cross = 0usize;
    for (x, a) in langs.iter().enumerate() {
        for b in langs.iter().skip(x + 1) {
            cross = cross.saturating_add(a.len().saturating_mul(b.len()));
        }
    }
    let mut out = BTreeSet::new();
    if cross <= max_exhaustive {
        let per_doc = aligner.config().pair_candidates_per_doc;
        out.extend(gated(aligner, docs, &langs, per_doc));
        // Documents named as a pair (`x.zh.txt` / `x.en.txt`) are always compared.
        let mut by_stem: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, d) in docs.iter().enumerate() {
            by_stem.entry(id_stem(&d.id)).or_default().push(i);
        }
        for group in by_stem.values() {
            add_cross(docs, group, &mut out);
        }
        return out.into_iter().collect();
    }
    // Shared id stem.
    let mut by_stem: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_stem.entry(id_stem(&d.id)).or_default().push(i);
    }
    for group in by_stem.values() {
        add_cross(docs, group, &mut out);
    }
    // Two or more shared rare anchors.
    let mut postings: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for a in doc_anchors(d) {
            postings.entry(a).or_default().push(i);
        }
    }
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for list in postings.values().filter(|l| l.len() <= MAX_ANCHOR_DF) {
        for (x, &i) in list.iter().enumerate() {
            for &j in list.iter().skip(x + 1) {
                if norm_lang(&docs[i]) != norm_lang(&docs[j]) {
                    *shared.entry((i.min(j), i.max(j))).or_default() += 1;
                }
            }
        }
    }
    out.extend(shared.into_iter().filter(|&(_, c)| c >= 2).map(|(p, _)| p));
    out.into_iter().collect()
}

/// The pre-gate: every cross-language combination is scored by the cosine of the two documents' evidence
/// key sets (dictionary translations, numbers, names; cheap, no alignment), and a combination is aligned
/// only when each document is among the other's `per_doc` best partners (mutual nearest neighbours, as in
/// bitext mining). A translation shares more keys with its source than any other document does, so it
/// survives. Requiring it both ways matters for speed: a long page full of common words is among the best
/// partners of half the batch (a hub) but keeps only its own few, which cut the alignments of a 408-page
/// batch from 1,143 to 36.
fn gated(
    aligner: &Aligner,
    docs: &[DocForPairing],
    langs: &[&Vec<usize>],
    per_doc: usize,
) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    for (x, a) in langs.iter().enumerate() {
        for b in langs.iter().skip(x + 1) {
            let (Some(&fa), Some(&fb)) = (a.first(), b.first()) else {
                continue;
            };
            let (la, lb) = (docs[fa].lang.as_str(), docs[fb].lang.as_str());
            let sig_a: Vec<Vec<u64>> = a
                .par_iter()
                .map(|&i| aligner.signature(&docs[i].sentences, la, lb))
                .collect();
            let sig_b: Vec<Vec<u64>> = b
                .par_iter()
                .map(|&j| aligner.signature(&docs[j].sentences, lb, la))
                .collect();
            let scores: Vec<Vec<f64>> = sig_a
                .par_iter()
                .map(|sa| sig_b.iter().map(|sb| set_cosine(sa, sb)).collect())
                .collect();
            for (ia, jb) in mutual_best(&scores, per_doc) {
                if let (Some(&i), Some(&j)) = (a.get(ia), b.get(jb)) {
                    out.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    out
}

/// The (row, column) cells of `scores` where the column is among the row's `k` best and the row among the
/// column's `k` best.
fn mutual_best(scores: &[Vec<f64>], k: usize) -> Vec<(usize, usize)> {
    let columns = scores.first().map_or(0, Vec::len);
    let cols_best: Vec<Vec<usize>> = (0..columns)
        .map(|jb| {
            let col = scores
                .iter()
                .enumerate()
                .map(|(ia, r)| (r.get(jb).copied().unwrap_or(0.0), ia))
                .collect();
            best_of(col, k)
        })
        .collect();
    let mut out = Vec::new();
    for (ia, row) in scores.iter().enumerate() {
        for jb in best_of(row.iter().copied().zip(0..).collect(), k) {
            if cols_best.get(jb).is_some_and(|c| c.contains(&ia)) {
                out.push((ia, jb));
            }
        }
    }
    out
}

/// Indices of the `k` highest scores, ties to the lower index.
fn best_of(mut list: Vec<(f64, usize)>, k: usize) -> Vec<usize> {
    list.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
    list.into_iter().take(k).map(|p| p.1).collect()
}

/// |A ∩ B| / sqrt(|A| |B|) of two sorted, de-duplicated key lists.
fn set_cosine(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut x, mut y, mut shared) = (0usize, 0usize, 0usize);
    while let (Some(p), Some(q)) = (a.get(x), b.get(y)) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                x += 1;
                y += 1;
            }
        }
    }
    shared as f64 / ((a.len() * b.len()) as f64).sqrt()
}

fn add_cross(docs: &[DocForPairing], group: &[usize], out: &mut BTreeSet<(usize, usize)>) {
    // A stem shared by hundreds of ids ("index") is not evidence; bound the work.
    if group.len() > MAX_ANCHOR_DF {
        return;
    }
    for (x, &i) in group.iter().enumerate() {
        for &j in group.iter().skip(x + 1) {
            if norm_lang(&docs[i]) != norm_lang(&docs[j]) {
                out.insert((i.min(j), i.max(j)));
            }
        }
    }
}

/// Document id with its extension and language markers removed: `news_0012.zh.txt` -> `news_0012`.
pub fn id_stem(id: &str) -> String {
    let lower = id.to_lowercase();
    let base = lower.rsplit('/').next().unwrap_or(&lower).to_string();
    let dir = lower.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    const MARKERS: [&str; 14] = [
        "zh", "en", "cn", "chs", "cht", "tw", "hk", "hans", "hant", "eng", "english", "chinese",
        "txt", "html",
    ];
    let keep = |p: &&str| !p.is_empty() && !MARKERS.contains(p);
    let file: Vec<&str> = base.split(['.', '_', '-']).filter(keep).collect();
    let dirs: Vec<&str> = dir.split(['/', '.', '_', '-']).filter(keep).collect();
    format!("{}|{}", dirs.join("/"), file.join("_"))
}

/// Rare-anchor candidates of a document: numbers of 2+ digits, and Latin words of 3+ letters when the
/// document is Chinese (in English every word is Latin, so there only numbers are used).
fn doc_anchors(doc: &DocForPairing) -> BTreeSet<String> {
    let is_zh = Lang::from_code(&doc.lang) == Some(Lang::Zh);
    let mut out = BTreeSet::new();
    for s in &doc.sentences {
        for w in s.split(|c: char| !(c.is_ascii_alphanumeric() || ('０'..='９').contains(&c))) {
            let Some(k) = literal_key(w) else { continue };
            let digits = k.chars().all(|c| c.is_ascii_digit());
            if (digits && k.len() >= 2) || (is_zh && !digits && k.len() >= 3) {
                out.insert(k);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::config::{AlignConfig, DeclaredPair};

    fn doc(id: &str, lang: &str, s: &[&str]) -> DocForPairing {
        DocForPairing {
            id: id.into(),
            lang: lang.into(),
            sentences: s.iter().map(|x| x.to_string()).collect(),
        }
    }

    #[test]
    fn a_hub_keeps_only_its_own_best_partners() {
        // Rows are documents of one language, columns of the other. Column 0 is a hub: it scores high with
        // every row. Row 2's true partner is column 2 (its best), and row 2 is column 2's best too.
        let scores = vec![
            vec![0.30, 0.20, 0.01],
            vec![0.29, 0.10, 0.02],
            vec![0.28, 0.05, 0.40],
            vec![0.27, 0.04, 0.03],
        ];
        assert_eq!(mutual_best(&scores, 1), vec![(0, 0), (2, 2)]);
        // With two partners each, row 3 lists the hub, but the hub lists rows 0 and 1 only.
        let two = mutual_best(&scores, 2);
        assert!(two.contains(&(1, 0)) && two.contains(&(2, 2)));
        assert!(!two.contains(&(3, 0)) && !two.contains(&(2, 0)));
        assert!(mutual_best(&[], 3).is_empty());
    }

    const ZH: [&str; 5] = [
        "我们明天早上去北京参观博物馆。",
        "他在大学学习中文，他的老师非常喜欢他。",
        "今天的天气很好，孩子们在公园里玩。",
        "这本书讲的是一个农民和他的三个儿子的故事。",
        "妈妈在厨房里做饭，爸爸在看报纸。",
    ];
    const EN: [&str; 5] = [
        "Tomorrow morning we will go to Beijing to visit the museum.",
        "He studies Chinese at the university, and his teacher likes him very much.",
        "The weather is fine today, and the children are playing in the park.",
        "This book tells the story of a farmer and his three sons.",
        "Mother is cooking in the kitchen, and father is reading the newspaper.",
    ];
    // Same topic as each other (digital economy), written independently: comparable, not parallel.
    const ZH_TOPIC: [&str; 4] = [
        "数字经济已经成为推动全球发展的重要力量。",
        "中国愿意与各国加强数字领域的合作。",
        "网络基础设施建设取得了明显进展。",
        "专家认为，数据安全问题需要各方共同应对。",
    ];
    const EN_TOPIC: [&str; 4] = [
        "Digital trade between the two regions grew quickly last year.",
        "Several companies announced new data centres in the region.",
        "Officials discussed cooperation on cyber security at the forum.",
        "The digital economy is expected to create many new jobs.",
    ];

    #[test]
    fn pairs_a_translation_and_not_comparable_text() {
        let al = AlignConfig::default()
            .build()
            .expect("default config is valid");
        let docs = vec![
            doc("topic.zh", "zh", &ZH_TOPIC),
            doc("story_en", "en", &EN),
            doc("news-en", "en", &EN_TOPIC),
            doc("story_zh", "zh", &ZH),
        ];
        let pairs = al.pair_documents(&docs);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!((pairs[0].src, pairs[0].tgt), (3, 1));
        assert!(pairs[0].score >= 0.6);
    }

    #[test]
    fn never_pairs_same_language_or_tiny_docs() {
        let al = AlignConfig::default()
            .build()
            .expect("default config is valid");
        let same = vec![doc("a", "en", &EN), doc("b", "en", &EN)];
        assert!(al.pair_documents(&same).is_empty());
        let tiny = vec![doc("a", "zh", &ZH[..2]), doc("b", "en", &EN[..2])];
        assert!(al.pair_documents(&tiny).is_empty());
    }

    #[test]
    fn pre_gate_keeps_the_translation_among_few_candidates() {
        let al = AlignConfig {
            pair_candidates_per_doc: 1,
            ..AlignConfig::default()
        }
        .build()
        .expect("valid config");
        let docs = vec![
            doc("a", "zh", &ZH_TOPIC),
            doc("b", "en", &EN),
            doc("c", "en", &EN_TOPIC),
            doc("d", "zh", &ZH),
        ];
        let cands = candidates(&al, &docs, 1000);
        // The story's translation is its best partner on both sides; four combinations shrink to at most
        // one per document.
        assert!(cands.contains(&(1, 3)), "{cands:?}");
        assert!(cands.len() <= 3, "{cands:?}");
        assert_eq!(set_cosine(&[1, 2, 3, 4], &[3, 4, 5, 6]), 0.5);
        assert_eq!(set_cosine(&[], &[1]), 0.0);
    }

    #[test]
    fn interleaved_page_yields_its_own_pairs() {
        let al = AlignConfig::default()
            .build()
            .expect("default config is valid");
        // Paragraph by paragraph: Chinese, then its English translation.
        // A line of neither language (a page number) belongs to neither side.
        let mut page = vec!["- 1 -".to_string()];
        for (z, e) in ZH.iter().zip(EN.iter()) {
            page.push(z.to_string());
            page.push(e.to_string());
        }
        let (beads, score) = align_interleaved(&al, &page).expect("an interleaved translation");
        assert!(score >= 0.6, "{score}");
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = beads
            .iter()
            .map(|b| (b.src.clone(), b.tgt.clone()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (vec![1], vec![2]),
                (vec![3], vec![4]),
                (vec![5], vec![6]),
                (vec![7], vec![8]),
                (vec![9], vec![10]),
            ]
        );
        // A Chinese page quoting one English sentence is not interleaved.
        let mut quote: Vec<String> = ZH.iter().map(|s| s.to_string()).collect();
        quote.push(EN[0].to_string());
        assert!(interleaved_sides(&quote, 3).is_none());
        // Alternating, but the English is not a translation: coverage fails.
        let mut unrelated = Vec::new();
        for (z, e) in ZH.iter().zip(EN_TOPIC.iter().chain(EN_TOPIC.iter())) {
            unrelated.push(z.to_string());
            unrelated.push(e.to_string());
        }
        assert!(interleaved_sides(&unrelated, 3).is_some());
        assert!(align_interleaved(&al, &unrelated).is_none());
    }

    #[test]
    fn declared_pairs_skip_the_automatic_tests() {
        // Too short to pass pair_min_sentences, and not translations: only a declaration pairs them.
        let docs = vec![
            doc("report.zh", "zh", &["今天下雨。"]),
            doc("report.en", "en", &["The market opened late."]),
            doc("notes.zh", "zh", &["我们去公园。"]),
            doc("memo", "en", &["Bring the keys."]),
            doc("report_final", "en", &["Nothing here."]),
        ];
        let aligner = AlignConfig {
            use_lexicon: false,
            ..AlignConfig::default()
        }
        .build()
        .expect("config builds");
        let pairs = pair_documents(&aligner, &docs);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].src, pairs[0].tgt), (0, 1));
        assert!((0.0..=1.0).contains(&pairs[0].score));

        let mut cfg = AlignConfig {
            pair_by_name: false,
            use_lexicon: false,
            ..AlignConfig::default()
        };
        let aligner = cfg.build().expect("config builds");
        assert!(pair_documents(&aligner, &docs).is_empty());
        cfg.pairs = vec![
            DeclaredPair {
                src: "memo".into(),
                tgt: "notes.zh".into(),
            },
            // The second declaration of an already paired document is ignored, as is an unknown id.
            DeclaredPair {
                src: "notes.zh".into(),
                tgt: "report_final".into(),
            },
            DeclaredPair {
                src: "missing".into(),
                tgt: "report.zh".into(),
            },
        ];
        let aligner = cfg.build().expect("config builds");
        let pairs = pair_documents(&aligner, &docs);
        assert_eq!(pairs.len(), 1);
        // Chinese is the source whatever the order of the declaration.
        assert_eq!((pairs[0].src, pairs[0].tgt), (2, 3));
    }

    #[test]
    fn name_convention_needs_a_language_marker_and_exactly_two_documents() {
        assert!(
            is_lang_code("zh")
                && is_lang_code("en")
                && is_lang_code("zh-Hant")
                && is_lang_code("de")
        );
        assert!(!is_lang_code("final") && !is_lang_code("v2") && !is_lang_code(""));
        let docs = vec![
            doc("a.zh", "zh", &["今天下雨。"]),
            doc("a.en", "en", &["It rains today."]),
            doc("a.fr", "fr", &["Il pleut."]),
            doc("b.zh", "zh", &["我们走吧。"]),
            doc("b.zh-Hant", "zh", &["我們走吧。"]),
            doc("c.fr", "fr", &["Il pleut."]),
            doc("c.de", "de", &["Es regnet."]),
        ];
        let aligner = AlignConfig {
            use_lexicon: false,
            ..AlignConfig::default()
        }
        .build()
        .expect("config builds");
        // `a` names three documents (ambiguous); `b` is one language in two scripts; `c` pairs, the
        // language code that sorts first as the source.
        let pairs = pair_documents(&aligner, &docs);
        assert_eq!(
            pairs.iter().map(|p| (p.src, p.tgt)).collect::<Vec<_>>(),
            vec![(6, 5)]
        );
    }

    #[test]
    fn stems_drop_language_markers() {
        assert_eq!(id_stem("news_0012.zh.txt"), id_stem("news_0012.en.txt"));
        assert_eq!(id_stem("zh/012"), id_stem("en/012"));
        assert_ne!(id_stem("news_0012.zh"), id_stem("news_0013.en"));
    }

    #[test]
    fn anchor_candidates_above_the_exhaustive_limit() {
        let mut zh = doc("a", "zh", &ZH);
        zh.sentences.push("2023年和2024年的GDP增长。".into());
        let mut en = doc("b", "en", &EN);
        en.sentences.push("GDP growth in 2023 and 2024.".into());
        let other = doc("c", "en", &EN_TOPIC);
        let al = AlignConfig::default()
            .build()
            .expect("default config is valid");
        let cands = candidates(&al, &[zh, en, other], 0);
        assert_eq!(cands, vec![(0, 1)]);
    }
}
