//! Helpers shared by the tests of every file of this folder: the default classifier run over a few
//! lines, and sample body paragraphs in Chinese and English. Compiled for tests only; imports
//! `classifier.rs` only.

use super::classifier::{BoilerplateConfig, DocLines, LineClass, LineVerdict};

pub(super) fn run_batch(lines: &[&str], freq: &[u32], batch: u32) -> Vec<LineVerdict> {
    let c = BoilerplateConfig::default()
        .build()
        .expect("default config");
    c.classify(&DocLines {
        lines,
        doc_freq: freq,
        batch_docs: batch,
    })
}

pub(super) fn run(lines: &[&str]) -> Vec<LineVerdict> {
    run_batch(lines, &vec![1; lines.len()], 1)
}

pub(super) fn classes(v: &[LineVerdict]) -> Vec<LineClass> {
    v.iter().map(|x| x.class).collect()
}

pub(super) const ZH_BODY1: &str = "数字化浪潮的兴起使得各国面临新的机遇与挑战，互联网的普及和移动通信的广泛应用使社会形态发生了深刻变革。";
pub(super) const ZH_BODY2: &str = "在这一背景下，国际合作成为各国寻求共同发展的重要途径，国家间的交流能够有效提升各自的技术水平。";
pub(super) const EN_BODY1: &str = "The city council approved the new budget on Tuesday after a long debate about the cost of public transport and schools.";
pub(super) const EN_BODY2: &str = "Officials said the plan would be reviewed again next spring, once the first figures on ridership are available to the public.";
