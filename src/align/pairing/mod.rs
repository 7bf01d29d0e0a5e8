//! Document pairing: which documents of a batch are translations of each other.
//!
//! In four steps, each in its own file:
//! 1. **Declared pairs** come first and skip every test (`names.rs`): `align.pairs` (ids the user knows),
//!    then, with `pair_by_name`, ids `NAME.<lang>` sharing NAME in two languages. Their confidence is still
//!    computed and reported; their documents take no part in automatic pairing.
//! 2. **Candidates** (`candidates.rs`): each document's nearest documents of the other language by the TF-IDF
//!    cosine of their dictionary-translated bags of words, found through an inverted index, plus documents
//!    whose ids or urls are the same apart from a language marker.
//! 3. **Scores** (`score.rs`): each candidate pair is aligned sentence by sentence, and scored by how much of
//!    BOTH documents the alignment explains (lines shared by many documents count little) and by how well
//!    their lengths agree; a layout match adds `pair_layout_bonus`.
//! 4. **Assignment** (`assign.rs`): pairs at or above `pair_min_score` are chosen one to one for the best
//!    total, and kept only with a margin of `pair_margin` over the runner-up; a document with two near-equal
//!    partners stays unpaired and is reported as ambiguous.
//!
//! A page that carries both languages is aligned with itself (`interleaved.rs`): its Chinese sentences
//! against its English ones, and the pairs found on single lines, each kept on its own evidence.
//!
//! What it never does: it never pairs two documents of the same language, and never pairs on length alone:
//! a bead explains text only through its evidence, and length without shared words is worth little.
//! Comparable documents (the same story written twice) share vocabulary but not sentence-by-sentence
//! content, so the alignment explains little of them. Output never depends on thread count or map order.

mod assign;
mod candidates;
mod interleaved;
mod names;
mod score;

pub use interleaved::{PageBead, PageUnit};
pub use names::{id_stem, url_stem};
pub use score::Scored;

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

use super::aligner::Aligner;
use super::bead::Bead;
use super::sentence::PreparedSide;
use crate::text::Lang;
use assign::{assign, Edge};
use candidates::{candidates, layout_keys};
use score::{
    batch_zh_ratio, coverage, implied_zh_ratio, length_factor, measure_pair, sentence_weights,
    worth_aligning, zh_to_other, Length,
};

/// A document offered for pairing: its sentences, already cleaned and segmented.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct DocForPairing {
    pub id: String,
    pub lang: String,
    pub sentences: Vec<String>,
    /// The page's url, when the input gave one (`url` of a WARC or JSONL record).
    pub url: Option<String>,
}

/// Indices into the `docs` slice; `src` is the Chinese document when one side is Chinese.
#[derive(Debug, Clone, PartialEq)]
pub struct DocPair {
    pub src: usize,
    pub tgt: usize,
    /// In [0,1]: how much of both documents the alignment explains, times length agreement (see `score.rs`).
    pub score: f64,
    /// The sentence alignment the score was measured on.
    pub beads: Vec<Bead>,
}

/// A document left unpaired because two partners scored within `pair_margin` of each other.
#[derive(Debug, Clone, PartialEq)]
pub struct AmbiguousDoc {
    pub doc: usize,
    /// Its two best partners and their scores, best first.
    pub partners: Vec<(usize, f64)>,
}

/// What pairing found: pairs sorted by (src, tgt), and ambiguous documents sorted by index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pairing {
    pub pairs: Vec<DocPair>,
    pub ambiguous: Vec<AmbiguousDoc>,
}

impl Aligner {
    /// Find translation pairs among `docs`. See the module header.
    pub fn pair_documents(&self, docs: &[DocForPairing]) -> Pairing {
        pair_documents(self, docs)
    }

    /// The pairs to measure; see [`pair_tasks`].
    pub fn pair_tasks(&self, docs: &[DocForPairing]) -> Vec<PairTask> {
        pair_tasks(self, docs)
    }

    /// Measure some of the pairs; see [`measure_pairs`].
    pub fn measure_pairs(&self, docs: &[DocForPairing], tasks: &[PairTask]) -> Vec<MeasuredPair> {
        measure_pairs(self, docs, tasks)
    }

    /// Choose the pairs from every measurement; see [`decide_pairs`].
    pub fn decide_pairs(&self, docs: &[DocForPairing], measured: Vec<MeasuredPair>) -> Pairing {
        decide_pairs(self, docs, measured)
    }

    /// A page carrying both languages aligned with itself: its pairs with translation evidence and the
    /// page's confidence, or `None` when fewer than two of its pairs translate (see `interleaved.rs`).
    pub fn align_page(&self, units: &[PageUnit]) -> Option<(Vec<PageBead>, f64)> {
        interleaved::align_page(self, units)
    }
}

/// Candidate pairs measured together: their documents are tokenised once for the chunk, and only one chunk's
/// prepared documents are held at a time.
const PREPARED_CHUNK: usize = 256;

/// One pair of documents pairing must measure: a declared pair, or a candidate found by content or name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairTask {
    pub src: usize,
    pub tgt: usize,
    pub declared: bool,
}

/// A measured [`PairTask`]: the coverage of its sentence alignment (before length agreement) and the beads.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MeasuredPair {
    pub src: usize,
    pub tgt: usize,
    pub declared: bool,
    pub coverage: f64,
    pub beads: Vec<Bead>,
}

/// Find translation pairs among `docs`. See the module header.
pub fn pair_documents(aligner: &Aligner, docs: &[DocForPairing]) -> Pairing {
    let tasks = pair_tasks(aligner, docs);
    let measured = measure_pairs(aligner, docs, &tasks);
    decide_pairs(aligner, docs, measured)
}

/// Steps 1 and 2: the pairs to measure, declared pairs first, then the candidates, in a fixed order. The tasks
/// can be measured in any split (a shard each) and put back in this order for [`decide_pairs`].
pub fn pair_tasks(aligner: &Aligner, docs: &[DocForPairing]) -> Vec<PairTask> {
    let cfg = aligner.config();
    let declared: Vec<PairTask> = names::declared_pairs(cfg, docs.iter().map(|d| d.id.as_str()))
        .iter()
        .filter_map(|&(a, b)| oriented(docs, a, b))
        .map(|(src, tgt)| PairTask {
            src,
            tgt,
            declared: true,
        })
        .collect();
    let declared_docs: BTreeSet<usize> = declared.iter().flat_map(|p| [p.src, p.tgt]).collect();
    let candidates = candidates(aligner, docs, cfg.pair_candidates_per_doc)
        .into_iter()
        .filter(|(a, b)| !declared_docs.contains(a) && !declared_docs.contains(b))
        .filter_map(|(a, b)| oriented(docs, a, b))
        .map(|(src, tgt)| PairTask {
            src,
            tgt,
            declared: false,
        });
    declared.into_iter().chain(candidates).collect()
}

/// Step 3 for `tasks` (any subset of [`pair_tasks`], in its order): each pair aligned and its coverage
/// measured against the sentence weights of the whole batch `docs`. A candidate that fails a gate is left out.
pub fn measure_pairs(
    aligner: &Aligner,
    docs: &[DocForPairing],
    tasks: &[PairTask],
) -> Vec<MeasuredPair> {
    if tasks.is_empty() {
        return Vec::new();
    }
    let weights = sentence_weights(docs);
    let lengths: Vec<Length> = docs.par_iter().map(Length::of).collect();
    let side = |i: usize| -> Option<(&DocForPairing, &[f64], Length)> {
        Some((docs.get(i)?, weights.get(i)?.as_slice(), *lengths.get(i)?))
    };
    let worth = |task: &PairTask| -> bool {
        let (Some((ds, _, ls)), Some((dt, _, lt))) = (side(task.src), side(task.tgt)) else {
            return false;
        };
        worth_aligning(aligner, (ds, ls), (dt, lt))
    };
    // Each pair costs one alignment: measure them in parallel; collecting keeps the tasks' order. In chunks of
    // tasks (in their sorted order, so a document's candidates mostly share a chunk): a document is tokenised
    // once per chunk for all its candidate partners of one language, and only one chunk's prepared documents
    // are held at once, however large the batch.
    let mut measured = Vec::with_capacity(tasks.len());
    for chunk in tasks.chunks(PREPARED_CHUNK) {
        let sides: BTreeSet<(usize, &str)> = chunk
            .iter()
            .filter(|task| !task.declared && worth(task))
            .filter_map(|task| {
                let (ds, dt) = (docs.get(task.src)?, docs.get(task.tgt)?);
                Some([(task.src, dt.lang.as_str()), (task.tgt, ds.lang.as_str())])
            })
            .flatten()
            .collect();
        let prepared: BTreeMap<(usize, &str), PreparedSide> = sides
            .into_par_iter()
            .filter_map(|(i, other)| {
                let d = docs.get(i)?;
                Some(((i, other), aligner.prepare(&d.sentences, &d.lang, other)))
            })
            .collect();
        let scored: Vec<MeasuredPair> = chunk
            .par_iter()
            .filter_map(|task| {
                let (s, t) = (task.src, task.tgt);
                let ((ds, ws, _), (dt, wt, _)) = (side(s)?, side(t)?);
                let scored = if task.declared {
                    // A declared pair's confidence is measured, never required: no gate applies.
                    let beads = aligner.align(&ds.sentences, &dt.sentences, &ds.lang, &dt.lang);
                    let score = coverage(ws, wt, &beads);
                    Scored { score, beads }
                } else {
                    // Not prepared when the pair failed the gate.
                    let ps = prepared.get(&(s, dt.lang.as_str()))?;
                    let pt = prepared.get(&(t, ds.lang.as_str()))?;
                    measure_pair(aligner, (ps, ws), (pt, wt))
                };
                Some(MeasuredPair {
                    src: s,
                    tgt: t,
                    declared: task.declared,
                    coverage: scored.score,
                    beads: scored.beads,
                })
            })
            .collect();
        measured.extend(scored);
    }
    measured
}

/// Step 4: the batch's length ratio, final scores and the one-to-one assignment, from every measured pair in
/// the order of [`pair_tasks`].
pub fn decide_pairs(
    aligner: &Aligner,
    docs: &[DocForPairing],
    measured: Vec<MeasuredPair>,
) -> Pairing {
    let cfg = aligner.config();
    let lengths: Vec<Length> = docs.par_iter().map(Length::of).collect();
    let (declared, measured): (Vec<MeasuredPair>, Vec<MeasuredPair>) =
        measured.into_iter().partition(|m| m.declared);
    let zh_ratio = batch_zh_ratio(
        cfg.pair_zh_en_char_ratio,
        &confident_ratios(docs, &lengths, &measured),
    );
    let final_score = |s: usize, t: usize, coverage: f64| -> f64 {
        let (Some(&ls), Some(&lt), Some(ds), Some(dt)) =
            (lengths.get(s), lengths.get(t), docs.get(s), docs.get(t))
        else {
            return 0.0;
        };
        coverage * length_factor(aligner, zh_ratio, (ls, lt), zh_to_other(ds, dt))
    };
    let mut pairs: Vec<DocPair> = declared
        .into_iter()
        .map(|m| DocPair {
            src: m.src,
            tgt: m.tgt,
            score: final_score(m.src, m.tgt, m.coverage),
            beads: m.beads,
        })
        .collect();
    let edges: Vec<Edge> = measured
        .iter()
        .filter_map(|m| {
            let (s, t) = (m.src, m.tgt);
            let (ds, dt) = (docs.get(s)?, docs.get(t)?);
            let bonus = if same_layout(ds, dt) {
                cfg.pair_layout_bonus
            } else {
                0.0
            };
            let score = (final_score(s, t, m.coverage) + bonus).min(1.0);
            (score >= cfg.pair_min_score).then_some(Edge {
                src: s,
                tgt: t,
                score,
            })
        })
        .collect();
    let chosen = assign(&edges, cfg.pair_margin);
    let mut beads_of: BTreeMap<(usize, usize), Vec<Bead>> = measured
        .into_iter()
        .map(|m| ((m.src, m.tgt), m.beads))
        .collect();
    for e in &chosen.chosen {
        pairs.push(DocPair {
            src: e.src,
            tgt: e.tgt,
            score: e.score,
            beads: beads_of.remove(&(e.src, e.tgt)).unwrap_or_default(),
        });
    }
    pairs.sort_by_key(|p| (p.src, p.tgt));
    let ambiguous = chosen
        .ambiguous
        .into_iter()
        .map(|(doc, partners)| AmbiguousDoc {
            doc,
            partners: partners
                .into_iter()
                .map(|e| (if e.src == doc { e.tgt } else { e.src }, e.score))
                .collect(),
        })
        .collect();
    Pairing { pairs, ambiguous }
}

/// `(coverage, implied zh ratio)` of each Chinese document's best-covered candidate, for measuring the
/// batch's length ratio.
fn confident_ratios(
    docs: &[DocForPairing],
    lengths: &[Length],
    measured: &[MeasuredPair],
) -> Vec<(f64, f64)> {
    let mut best: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
    for MeasuredPair {
        src: s,
        tgt: t,
        coverage,
        ..
    } in measured
    {
        let (Some(ds), Some(dt)) = (docs.get(*s), docs.get(*t)) else {
            continue;
        };
        if !zh_to_other(ds, dt) {
            continue;
        }
        let entry = best.entry(*s).or_insert((*coverage, *t));
        if *coverage > entry.0 || (*coverage == entry.0 && *t < entry.1) {
            *entry = (*coverage, *t);
        }
    }
    best.into_iter()
        .filter_map(|(s, (cov, t))| {
            Some((cov, implied_zh_ratio(*lengths.get(s)?, *lengths.get(t)?)?))
        })
        .collect()
}

/// Whether two documents share a layout key (id or url stem).
fn same_layout(a: &DocForPairing, b: &DocForPairing) -> bool {
    let kb = layout_keys(b);
    layout_keys(a).iter().any(|k| kb.contains(k))
}

/// `(src, tgt)` with Chinese as the source; otherwise the language code that sorts first, for determinism.
/// `None` for two documents of one language.
fn oriented(docs: &[DocForPairing], a: usize, b: usize) -> Option<(usize, usize)> {
    let (da, db) = (docs.get(a)?, docs.get(b)?);
    if da.lang.eq_ignore_ascii_case(&db.lang) {
        return None;
    }
    let a_first = match (Lang::from_code(&da.lang), Lang::from_code(&db.lang)) {
        (Some(Lang::Zh), _) => true,
        (_, Some(Lang::Zh)) => false,
        _ => da.lang <= db.lang,
    };
    Some(if a_first { (a, b) } else { (b, a) })
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
            url: None,
        }
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

    fn aligner() -> Aligner {
        AlignConfig::default()
            .build()
            .expect("default config is valid")
    }

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
        let pairs = al.pair_documents(&docs).pairs;
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!((pairs[0].src, pairs[0].tgt), (3, 1));
        assert!(pairs[0].score >= 0.6, "{}", pairs[0].score);
        assert_eq!(pairs[0].beads.len(), 5);
    }

    #[test]
    fn never_pairs_same_language_or_tiny_docs() {
        let al = AlignConfig::default()
            .build()
            .expect("default config is valid");
        let same = vec![doc("a", "en", &EN), doc("b", "en", &EN)];
        assert!(al.pair_documents(&same).pairs.is_empty());
        let tiny = vec![doc("a", "zh", &ZH[..2]), doc("b", "en", &EN[..2])];
        assert!(al.pair_documents(&tiny).pairs.is_empty());
    }

    #[test]
    fn a_bilingual_page_yields_its_own_pairs() {
        let al = aligner();
        // Paragraph by paragraph: Chinese, then its English translation; a glossary line between them.
        let mut units = Vec::new();
        for (z, e) in ZH.iter().zip(EN.iter()) {
            units.push(PageUnit::Zh(z));
            units.push(PageUnit::En(e));
        }
        units.push(PageUnit::Pair("博物馆", "museum"));
        let (beads, score) = al.align_page(&units).expect("a bilingual page");
        assert!(score >= 0.6, "{score}");
        let pairs: Vec<(Vec<usize>, Vec<usize>)> =
            beads.iter().map(|b| (b.zh.clone(), b.en.clone())).collect();
        assert_eq!(
            pairs,
            vec![
                (vec![0], vec![1]),
                (vec![2], vec![3]),
                (vec![4], vec![5]),
                (vec![6], vec![7]),
                (vec![8], vec![9]),
                (vec![10], vec![10]),
            ]
        );
        // The same layout with English that does not translate the Chinese gives nothing.
        let mut unrelated = Vec::new();
        for (z, e) in ZH.iter().zip(EN_TOPIC.iter().chain(EN_TOPIC.iter())) {
            unrelated.push(PageUnit::Zh(z));
            unrelated.push(PageUnit::En(e));
        }
        unrelated.push(PageUnit::Pair("博物馆", "cyber security"));
        assert!(al.align_page(&unrelated).is_none());
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
        let pairs = pair_documents(&aligner, &docs).pairs;
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].src, pairs[0].tgt), (0, 1));
        assert!((0.0..=1.0).contains(&pairs[0].score));

        let mut cfg = AlignConfig {
            pair_by_name: false,
            use_lexicon: false,
            ..AlignConfig::default()
        };
        let aligner = cfg.build().expect("config builds");
        assert!(pair_documents(&aligner, &docs).pairs.is_empty());
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
        let pairs = pair_documents(&aligner, &docs).pairs;
        assert_eq!(pairs.len(), 1);
        // Chinese is the source whatever the order of the declaration.
        assert_eq!((pairs[0].src, pairs[0].tgt), (2, 3));
    }

    #[test]
    fn name_convention_needs_a_language_marker_and_exactly_two_documents() {
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
        let pairs = pair_documents(&aligner, &docs).pairs;
        assert_eq!(
            pairs.iter().map(|p| (p.src, p.tgt)).collect::<Vec<_>>(),
            vec![(6, 5)]
        );
    }

    #[test]
    fn a_truncated_copy_does_not_take_the_full_translation() {
        // The first three sentences of the Chinese story, as a second document: it explains only part of the
        // English, and the full translation is chosen.
        let docs = vec![
            doc("cut", "zh", &ZH[..3]),
            doc("full", "zh", &ZH),
            doc("en", "en", &EN),
        ];
        let found = aligner().pair_documents(&docs);
        let pairs: Vec<(usize, usize)> = found.pairs.iter().map(|p| (p.src, p.tgt)).collect();
        assert_eq!(pairs, vec![(1, 2)], "{found:?}");
    }

    #[test]
    fn two_copies_of_a_translation_are_ambiguous_not_guessed() {
        let docs = vec![
            doc("zh", "zh", &ZH),
            doc("en-a", "en", &EN),
            doc("en-b", "en", &EN),
        ];
        let found = aligner().pair_documents(&docs);
        assert!(found.pairs.is_empty(), "{found:?}");
        assert_eq!(found.ambiguous.len(), 1, "{found:?}");
        assert_eq!(found.ambiguous[0].doc, 0);
        let partners: Vec<usize> = found.ambiguous[0].partners.iter().map(|p| p.0).collect();
        assert_eq!(partners, vec![1, 2]);
    }

    #[test]
    fn three_sentences_with_word_evidence_pair_and_length_alone_does_not() {
        let zh = [
            "请问你们几点关门？",
            "我们晚上九点关门。",
            "谢谢，我明天再来。",
        ];
        let en = [
            "What time do you close?",
            "We close at nine in the evening.",
            "Thanks, I will come back tomorrow.",
        ];
        // Sentences of the same lengths with nothing in common.
        let other = [
            "The river froze early.",
            "Bridges were shut for a week or more.",
            "Farmers moved their herds to the south.",
        ];
        let found = aligner().pair_documents(&[doc("a", "zh", &zh), doc("b", "en", &en)]);
        assert_eq!(found.pairs.len(), 1, "{found:?}");
        let found = aligner().pair_documents(&[doc("a", "zh", &zh), doc("b", "en", &other)]);
        assert!(found.pairs.is_empty(), "{found:?}");
    }

    #[test]
    fn layout_is_strong_evidence() {
        // A loose translation: the layout (`zh/x`, `en/x`) carries it over the threshold; the same two
        // documents under unrelated names stay below it.
        let zh = ["今天的天气很好。", "孩子们在公园里玩。", "妈妈在做饭。"];
        let en = [
            "What a lovely day it is.",
            "The kids are out playing in the park.",
            "Dinner is on the stove.",
        ];
        let al = aligner();
        let named = al.pair_documents(&[doc("site/zh/x", "zh", &zh), doc("site/en/x", "en", &en)]);
        let unnamed = al.pair_documents(&[doc("p1", "zh", &zh), doc("q7", "en", &en)]);
        let score = |f: &Pairing| f.pairs.first().map_or(0.0, |p| p.score);
        assert!(
            score(&named) >= score(&unnamed) + 0.2,
            "{named:?} vs {unnamed:?}"
        );
        assert_eq!(named.pairs.len(), 1);
    }

    #[test]
    fn candidates_are_the_nearest_documents_by_content() {
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
        let cands = candidates(&al, &docs, 1);
        // Each document keeps its one nearest partner: the story and its translation find each other.
        assert!(cands.contains(&(1, 3)), "{cands:?}");
        assert!(cands.len() <= 4, "{cands:?}");
    }
}
