//! Systematic mistranslations: the glossary's literal replacements (一带一路 rendered word by word as
//! "one belt, one road") and the doubled article before a name that carries its own "the" ("the third
//! the Belt and Road Forum"). These run first: their hits are evidence of MT damage for the loop and
//! stutter rules.
//!
//! Methods of [`MtRepairer`]; besides `super::config`, which defines it, imports only `super::tokens`
//! and `super::splice`.

use super::config::MtRepairer;
use super::splice::{apply_cuts, splice_tidy};
use super::tokens::{is_quote, is_sentence_start, match_at, norm_word, tokenize};

/// Determiners after which "the TERM" doubles the article. Words that can also be pronouns or
/// conjunctions before a noun phrase ("that", "her", "this") are left out: "said that the Belt and
/// Road…" is correct English.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "these", "those", "its", "our", "their", "his", "my", "your", "each", "every",
];

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "next", "last", "new",
];

fn is_ordinal(w: &str) -> bool {
    ORDINALS.contains(&w)
        || (w.len() > 2
            && w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th")))
}

impl MtRepairer {
    /// Apply the glossary left to right; the longest pattern wins at each position, then the first.
    pub(super) fn apply_glossary(&self, line: &str) -> (String, usize) {
        if self.glossary.is_empty() {
            return (line.to_string(), 0);
        }
        let toks = tokenize(line);
        let mut out = String::with_capacity(line.len());
        let mut last = 0;
        let mut hits = 0;
        let mut i = 0;
        while i < toks.len() {
            let mut best: Option<(usize, &str)> = None;
            for (pat, rep) in &self.glossary {
                if pat.len() > best.map_or(0, |b| b.0) && match_at(line, &toks, i, pat) {
                    best = Some((pat.len(), rep));
                }
            }
            let Some((len, rep)) = best else {
                i += 1;
                continue;
            };
            let start = toks[i].start;
            let end = toks[i + len - 1].end;
            let matched = &line[start..end];
            out.push_str(&line[last..start]);
            let sentence_start = is_sentence_start(&out);
            let mut quotes = matched.chars().filter(|&c| is_quote(c));
            let mut replaced: String = rep
                .chars()
                .map(|c| {
                    if is_quote(c) {
                        quotes.next().unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect();
            if sentence_start && matched.chars().next().is_some_and(|c| c.is_uppercase()) {
                replaced = upper_first(&replaced);
            }
            if replaced.is_empty() {
                splice_tidy(&mut out, &line[end..]);
                last = end + (line[end..].len() - line[end..].trim_start().len());
            } else {
                out.push_str(&replaced);
                last = end;
            }
            hits += 1;
            i += len;
        }
        out.push_str(&line[last..]);
        (out, hits)
    }

    /// Drop the "the" of "DET [ordinal] [quote] the TERM".
    pub(super) fn fix_articles(&self, text: &str) -> (String, usize) {
        if self.article_terms.is_empty() {
            return (text.to_string(), 0);
        }
        let toks = tokenize(text);
        let word_at = |k: usize| -> Option<String> {
            toks.get(k)
                .filter(|t| t.word)
                .map(|t| norm_word(&text[t.start..t.end]))
        };
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            if !t.word || word_at(k).as_deref() != Some("the") {
                continue;
            }
            let term_follows = self.article_terms.iter().any(|term| {
                term.iter()
                    .enumerate()
                    .all(|(m, w)| word_at(k + 1 + m).as_deref() == Some(w.as_str()))
            });
            if !term_follows || k == 0 {
                continue;
            }
            let mut p = k - 1;
            if !toks[p].word && is_quote(text[toks[p].start..].chars().next().unwrap_or(' ')) {
                if p == 0 {
                    continue;
                }
                p -= 1;
            }
            if word_at(p).is_some_and(|w| is_ordinal(&w)) && p > 0 {
                p -= 1;
            }
            if word_at(p).is_some_and(|w| DETERMINERS.contains(&w.as_str())) {
                let next_start = toks.get(k + 1).map_or(t.end, |n| n.start);
                cuts.push((t.start, next_start));
            }
        }
        let n = cuts.len();
        (apply_cuts(text, &cuts), n)
    }
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::stages::mt::tests::{fix, rep};

    #[test]
    fn glossary_is_case_and_spacing_insensitive() {
        assert_eq!(
            fix("China's one belt , one road initiative grew."),
            "China's Belt and Road initiative grew."
        );
        assert_eq!(
            fix("We discussed One Belt,One Road projects."),
            "We discussed Belt and Road projects."
        );
        assert_eq!(
            fix("the “one belt and one road” plan"),
            "the “Belt and Road” plan"
        );
        // Whole words only.
        assert_eq!(rep().repair("Someone beltone road trip."), None);
    }

    #[test]
    fn doubled_articles() {
        assert_eq!(
            fix("part of the \"the Belt and Road\" plan and the third the Belt and Road Forum"),
            "part of the \"Belt and Road\" plan and the third Belt and Road Forum"
        );
        assert_eq!(
            fix("The the Belt and Road countries"),
            "The Belt and Road countries"
        );
        // The repair is evidence of MT damage, but "win win" is a reduplicative compound.
        assert_eq!(
            fix("A win win plan for the \"the Belt and Road\" countries."),
            "A win win plan for the \"Belt and Road\" countries."
        );
        // "that" is a conjunction here, the article is right.
        assert_eq!(rep().repair("He said that the Belt and Road helps."), None);
    }
}
