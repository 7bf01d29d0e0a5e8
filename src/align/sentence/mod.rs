//! Monotone m-n sentence alignment of one document pair: a banded dynamic program over beads.
//!
//! What it does: given the sentences of a source and a target document, it returns beads (groups of
//! consecutive sentences, 0..=4 per side) that cover every sentence of both sides exactly once, in order.
//! Each bead is scored in [0, 1] from three kinds of evidence:
//! - **length agreement**, normalised by this document pair's own character ratio (Chinese needs about a
//!   quarter of the characters English does, German and French are close to 1: the ratio is measured, never
//!   assumed);
//! - **lexical evidence**: which content tokens on each side have a counterpart on the other side. For zh<->en a
//!   counterpart is a CC-CEDICT gloss lemma, or a romanised name: the toneless pinyin of 1-3 Chinese characters
//!   equal to a capitalised English word ("Wang Miao", "Bao-yu"); for other pairs (or with the lexicon off) it
//!   is an identical token or a shared 5-letter prefix (cognates such as *expédition*/*Expedition*);
//! - **anchors**: numbers and Latin words (inside Chinese text too) that occur on both sides, and question
//!   marks, exclamation marks and ellipses (`？`/`?`): a sentence's mood usually survives translation, and
//!   in dialogue it tells where a 1-2 bead ends (MAC-dev 0.865 -> 0.872);
//! - **associations learned from the pair itself**: after a first alignment, words that co-occur in at least
//!   two confident beads with a Dice coefficient of 0.5 or more (names, terms, and for pairs without a
//!   dictionary, frequent word translations) become counterparts, and the spread of length ratios is
//!   measured on those beads; a second alignment uses both.
//!
//! Evidence is additive, in nats: every content token contributes the log-likelihood ratio of "this bead
//! is a translation" against "these sentences are unrelated" for being matched or not (the chance of a
//! match in unrelated text is measured on far-off sentence pairs of the same documents, and grows with the
//! size of the other side, so bigger beads gain nothing from extra chance hits), weighted by LEX_WEIGHT, plus
//! a length term. The dynamic program maximises total evidence minus `merge_penalty` per sentence beyond two
//! in a bead and `null_penalty` per unaligned sentence (a run of unaligned sentences costs `null_penalty`
//! once plus `null_run_penalty` per further sentence, so an untranslated block goes unaligned as a whole).
//! Each scorer measures how many tokens of this document pair's beads find counterparts (the lexicon's
//! recall on this text); if that differs from the assumption, its pass re-runs with the measured value, so a
//! pair with no usable lexical evidence falls back to length. Each bead carries two values in [0, 1]:
//! `evidence`, a logistic map of its own evidence (used for learning and for document pairing), and `score`,
//! the smaller of that and a logistic map of half its margin over the best rival bead shape at the
//! same corner, so a bead whose boundaries were a close call scores low. On MAC-dev beads scoring 0.5
//! or more are 92% exactly right and the rest 81% (89% / 76% with the evidence alone); it is not a
//! probability.
//!
//! Speed: a coarse pass with beads of at most two sentences per side searches a band around the diagonal
//! (widened while the best path touches its edge); the fine passes try every bead shape only within
//! FINE_BAND sentences of the coarse path. Time and memory are O((n + m) × band) rather than O(n × m).
//! Sentence-pair evidence is computed once per cell of the band, and the per-token log-likelihood ratios
//! come from a table, so scoring a bead needs no exp or ln.
//!
//! What it never does: it never reorders sentences (crossing alignments cannot be expressed) and never
//! splits a sentence. Limits: a bead has at most `max_bead_size` sentences per side; in sentences with more
//! than 64 content tokens, tokens beyond the 64th share evidence bits, so their lexical score is slightly low.
//!
//! Layout: this file runs the passes and the dynamic programme (the bead search); `score` says what a
//! bead is worth, `learn` what the second pass learns from the first, `evidence` what a sentence offers
//! as evidence, `band` which cells and bead shapes the programme visits. Each file imports only files
//! listed after it, and outside the aligner only `crate::align::{lexicon, bead}` and `crate::text`.

mod band;
mod evidence;
mod learn;
mod score;

pub(crate) use self::evidence::key_bag;
pub use self::evidence::Model;
pub use self::score::{calibrate, uncalibrate, Params};

use rustc_hash::FxHashMap as HashMap;

use self::band::{shapes, touches_edge, Band};
use self::evidence::{index, prepare, Interner};
use self::learn::learn_associations;
use self::score::{rescore_by_margin, Scorer};
use super::bead::Bead;

/// One side of a document pair, tokenised and keyed once (see [`prepare_side`]): a document met by several
/// candidate partners is prepared once, not once per partner.
#[derive(Debug, Clone)]
pub struct PreparedSide(Vec<evidence::RawSent>);

/// Prepare the sentences of one side for `model`; `side_is_zh` tells whether this is the Chinese side of a
/// lexicon model.
pub fn prepare_side(sents: &[String], side_is_zh: bool, model: Model) -> PreparedSide {
    let lex = match model {
        Model::Lexicon { lex, .. } => Some(lex),
        Model::Surface => None,
    };
    let mut int = Interner::new(lex);
    PreparedSide(prepare(sents, side_is_zh, model, &mut int))
}

/// Align two sentence lists. See the module header.
pub fn align(src: &[String], tgt: &[String], model: Model, params: &Params) -> Vec<Bead> {
    let (src_zh, tgt_zh) = match model {
        Model::Lexicon { zh_is_src, .. } => (zh_is_src, !zh_is_src),
        Model::Surface => (false, false),
    };
    align_prepared(
        &prepare_side(src, src_zh, model),
        &prepare_side(tgt, tgt_zh, model),
        params,
    )
}

/// Align two prepared sides (prepared for the same model, one as its source and one as its target).
pub fn align_prepared(src: &PreparedSide, tgt: &PreparedSide, params: &Params) -> Vec<Bead> {
    let (src_raw, tgt_raw) = (&src.0, &tgt.0);
    let n = src_raw.len();
    let m = tgt_raw.len();
    if n == 0 || m == 0 {
        let mut out: Vec<Bead> = (0..n)
            .map(|i| Bead {
                src: vec![i],
                tgt: vec![],
                score: 0.0,
                evidence: 0.0,
            })
            .collect();
        out.extend((0..m).map(|j| Bead {
            src: vec![],
            tgt: vec![j],
            score: 0.0,
            evidence: 0.0,
        }));
        return out;
    }
    let no_learning = HashMap::default();
    let mut scorer = Scorer::new(
        index(src_raw, &no_learning),
        index(tgt_raw, &no_learning),
        params,
    );
    let w = params
        .min_band
        .max(n.max(m) / 20)
        .min(params.max_band)
        .max(1);
    // Coarse pass: small beads in a wide band find the path (and the recall of this document pair); the
    // fine pass tries every bead shape in a narrow band around it, so time stays linear in length.
    let k = params.max_bead_size;
    // Recall is measured on the fine pass's beads: small beads alone would understate it.
    scorer.refined = true;
    let (path, _) = solve(
        &mut scorer,
        Band::diagonal(n, m, w),
        w,
        COARSE_BEAD.min(k),
        n,
        m,
    );
    let fine = |path: &[(usize, usize)]| Band::around(path, n, m, FINE_BAND);
    scorer.refined = false;
    let (path, beads) = solve(&mut scorer, fine(&path), FINE_BAND, k, n, m);
    // Second pass: words that keep landing in the same confident beads (names, terms, and for pairs without
    // a dictionary, frequent word translations) become evidence too, and the length model uses the spread
    // of length ratios measured on those beads.
    let (learned_src, learned_tgt) = learn_associations(src_raw, tgt_raw, &beads);
    if learned_src.is_empty() {
        let mut beads = beads;
        rescore_by_margin(&scorer, &mut beads, k);
        return beads;
    }
    let sigma = scorer.measured_len_sigma(&beads);
    let mut scorer = Scorer::new(
        index(src_raw, &learned_src),
        index(tgt_raw, &learned_tgt),
        params,
    );
    scorer.len_sigma = sigma;
    let (_, mut beads) = solve(&mut scorer, fine(&path), FINE_BAND, k, n, m);
    rescore_by_margin(&scorer, &mut beads, k);
    beads
}

/// Banded search: run the program in `band` with beads of up to `max_bead` sentences per side, re-estimate
/// recall once per scorer, and widen the band around the path while the path touches its edge.
fn solve(
    scorer: &mut Scorer,
    mut band: Band,
    mut w: usize,
    max_bead: usize,
    n: usize,
    m: usize,
) -> (Vec<(usize, usize)>, Vec<Bead>) {
    loop {
        scorer.fill_pairs(&band);
        let (mut path, mut beads) = run_dp(scorer, &band, max_bead, n, m);
        if !scorer.refined {
            scorer.refined = true;
            if scorer.refine_recall(&beads) {
                (path, beads) = run_dp(scorer, &band, max_bead, n, m);
            }
        }
        let full = band.cells() >= (n + 1) * (m + 1);
        if full || !touches_edge(&band, &path, m) || w >= n.max(m) {
            return (path, beads);
        }
        w = (w * 2).min(n.max(m));
        band = Band::around(&path, n, m, w);
    }
}

/// Largest bead side of the coarse pass, which only has to find the path through a wide band.
const COARSE_BEAD: usize = 2;
/// Half-width of the band around the coarse path in which the full set of bead shapes is tried.
const FINE_BAND: usize = 8;

/// The banded dynamic program. Returns the path of cells and the beads along it.
fn run_dp(
    sc: &Scorer,
    band: &Band,
    max_bead: usize,
    n: usize,
    m: usize,
) -> (Vec<(usize, usize)>, Vec<Bead>) {
    let shapes = shapes(max_bead.max(1));
    // Row-major storage of the band: offset[i] is where row i starts.
    let mut offset = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for i in 0..=n {
        offset.push(total);
        total += band.hi[i] + 1 - band.lo[i].min(band.hi[i] + 1);
    }
    let idx = |i: usize, j: usize| -> Option<usize> {
        if band.contains(i, j) {
            Some(offset[i] + (j - band.lo[i]))
        } else {
            None
        }
    };
    let mut best = vec![f64::NEG_INFINITY; total];
    let mut back: Vec<u8> = vec![u8::MAX; total];
    if let Some(z) = idx(0, 0) {
        best[z] = 0.0;
    }
    let null = sc.params.null_penalty;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let Some(here) = idx(i, j) else { continue };
            for (s, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = idx(i - a, j - b) else {
                    continue;
                };
                let pb = best[prev];
                if pb == f64::NEG_INFINITY {
                    continue;
                }
                let gain = if a == 0 || b == 0 {
                    let extra = (a + b).saturating_sub(1) as f64;
                    -null - extra * sc.params.null_run_penalty
                } else {
                    let q = sc.score(i - a, i, j - b, j);
                    let size = (a + b) as f64;
                    q - sc.params.merge_penalty * (size - 2.0)
                };
                let v = pb + gain;
                if v > best[here] {
                    best[here] = v;
                    back[here] = s as u8;
                }
            }
        }
    }
    // Trace back from (n, m).
    let mut path = vec![(n, m)];
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = idx(i, j) else { break };
        let Some(&(a, b)) = shapes.get(back[here] as usize) else {
            break;
        };
        if a + b > 1 && (a == 0 || b == 0) {
            // A run of unaligned sentences is written as one null bead per sentence.
            for _ in 0..a + b {
                beads.push(Bead {
                    src: if a > 0 { vec![i - 1] } else { vec![] },
                    tgt: if b > 0 { vec![j - 1] } else { vec![] },
                    score: 0.0,
                    evidence: 0.0,
                });
                i -= a.min(1);
                j -= b.min(1);
                path.push((i, j));
            }
            continue;
        }
        // Until `rescore_by_margin` runs on the final pass, the score is the evidence alone.
        let evidence = calibrate(sc.score(i - a, i, j - b, j));
        beads.push(Bead {
            src: (i - a..i).collect(),
            tgt: (j - b..j).collect(),
            score: evidence,
            evidence,
        });
        i -= a;
        j -= b;
        path.push((i, j));
    }
    if i > 0 || j > 0 {
        // Unreachable in a connected band; kept so a defect degrades to null beads instead of a panic.
        for ii in (0..i).rev() {
            beads.push(Bead {
                src: vec![ii],
                tgt: vec![],
                score: 0.0,
                evidence: 0.0,
            });
        }
        for jj in (0..j).rev() {
            beads.push(Bead {
                src: vec![],
                tgt: vec![jj],
                score: 0.0,
                evidence: 0.0,
            });
        }
    }
    beads.reverse();
    path.reverse();
    (path, beads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::lexicon::Lexicon;
    use proptest::prelude::*;

    fn params() -> Params {
        let c = crate::align::config::AlignConfig::default();
        Params {
            max_bead_size: c.max_bead_size,
            null_penalty: c.null_penalty,
            null_run_penalty: c.null_run_penalty,
            merge_penalty: c.merge_penalty,
            min_band: c.min_band,
            max_band: c.max_band,
        }
    }

    fn lex_model() -> Model<'static> {
        Model::Lexicon {
            lex: Lexicon::global().expect("embedded dictionary"),
            zh_is_src: true,
        }
    }

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    fn shape(beads: &[Bead]) -> Vec<(Vec<usize>, Vec<usize>)> {
        beads
            .iter()
            .map(|b| (b.src.clone(), b.tgt.clone()))
            .collect()
    }

    const ZH: [&str; 6] = [
        "我们明天早上去北京参观博物馆。",
        "他在大学学习中文，他的老师非常喜欢他。",
        "今天的天气很好，孩子们在公园里玩。",
        "这本书讲的是一个农民和他的三个儿子的故事。",
        "会议将于2024年5月在上海举行。",
        "妈妈在厨房里做饭，爸爸在看报纸。",
    ];
    const EN: [&str; 7] = [
        "Tomorrow morning we will go to Beijing to visit the museum.",
        "He studies Chinese at the university.",
        "His teacher likes him very much.",
        "The weather is fine today, and the children are playing in the park.",
        "This book tells the story of a farmer and his three sons.",
        "The meeting will be held in Shanghai in May 2024.",
        "Mother is cooking in the kitchen, and father is reading the newspaper.",
    ];

    #[test]
    fn finds_a_one_to_two_bead() {
        let beads = align(&v(&ZH), &v(&EN), lex_model(), &params());
        let expect: Vec<(Vec<usize>, Vec<usize>)> = vec![
            (vec![0], vec![0]),
            (vec![1], vec![1, 2]),
            (vec![2], vec![3]),
            (vec![3], vec![4]),
            (vec![4], vec![5]),
            (vec![5], vec![6]),
        ];
        assert_eq!(shape(&beads), expect);
        for b in &beads {
            assert!(b.score > 0.5, "translation bead scored low: {b:?}");
        }
    }

    #[test]
    fn unrelated_sentences_score_low() {
        // Same lengths, wrong order: every bead pairs sentences that are not translations.
        let zh = v(&[ZH[5], ZH[3]]);
        let en = v(&[EN[0], EN[5]]);
        for b in align(&zh, &en, lex_model(), &params()) {
            assert!(b.score < 0.3, "unrelated bead scored high: {b:?}");
        }
    }

    #[test]
    fn untranslated_sentence_gets_a_null_bead() {
        let mut zh = v(&ZH);
        // A boilerplate line with no English counterpart, between two translated sentences.
        zh.insert(3, "本网站所有内容均为原创，未经书面许可，任何单位和个人不得以任何形式转载、摘编或者复制。".into());
        let mut p = params();
        p.null_penalty = 2.0;
        let beads = align(&zh, &v(&EN), lex_model(), &p);
        assert!(shape(&beads).contains(&(vec![3], vec![])), "{beads:?}");
        assert!(shape(&beads).contains(&(vec![4], vec![4])), "{beads:?}");
    }

    #[test]
    fn surface_model_aligns_cognates_and_numbers() {
        let de = v(&[
            "Die Expedition erreichte am 12. Mai das Basislager auf 5200 Metern.",
            "Das Wetter war schlecht.",
            "Der Gipfel wurde am 29. Mai bestiegen.",
        ]);
        let fr = v(&[
            "L'expédition atteignit le camp de base à 5200 mètres le 12 mai.",
            "Le temps était mauvais.",
            "Le sommet fut atteint le 29 mai.",
        ]);
        let beads = align(&de, &fr, Model::Surface, &params());
        assert_eq!(
            shape(&beads),
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
    }

    #[test]
    fn empty_sides() {
        let beads = align(&[], &v(&["a", "b"]), Model::Surface, &params());
        assert_eq!(shape(&beads), vec![(vec![], vec![0]), (vec![], vec![1])]);
        assert!(align(&[], &[], Model::Surface, &params()).is_empty());
    }

    #[test]
    fn long_unbalanced_documents_stay_fast_and_complete() {
        // 3000 x 40: the band must widen to reach (n, m) without a full matrix.
        let src: Vec<String> = (0..3000).map(|i| format!("zeile {i} mit text")).collect();
        let tgt: Vec<String> = (0..40).map(|i| format!("ligne {i}")).collect();
        let beads = align(&src, &tgt, Model::Surface, &params());
        check_cover(&beads, src.len(), tgt.len());
    }

    fn check_cover(beads: &[Bead], n: usize, m: usize) {
        let s: Vec<usize> = beads.iter().flat_map(|b| b.src.clone()).collect();
        let t: Vec<usize> = beads.iter().flat_map(|b| b.tgt.clone()).collect();
        assert_eq!(s, (0..n).collect::<Vec<_>>());
        assert_eq!(t, (0..m).collect::<Vec<_>>());
        for b in beads {
            assert!(!(b.src.is_empty() && b.tgt.is_empty()));
            assert!((0.0..=1.0).contains(&b.score));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn every_sentence_once_in_order(
            src in proptest::collection::vec("[a-z0-9 ]{0,30}|[数字经济合作中国发展。]{0,12}", 0..40),
            tgt in proptest::collection::vec("[a-z0-9 ]{0,40}", 0..40),
            lexicon in any::<bool>(),
        ) {
            let model = if lexicon { lex_model() } else { Model::Surface };
            let beads = align(&src, &tgt, model, &params());
            check_cover(&beads, src.len(), tgt.len());
        }
    }
}
