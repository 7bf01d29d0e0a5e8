//! The classifier's shared types, at the bottom of the folder: its settings (`BoilerplateConfig`, their
//! defaults, validation and compilation), the compiled classifier (`BoilerplateClassifier`, whose rules
//! are `impl` blocks in the rule files), the document it reads (`DocLines`, `line_key`) and the verdicts it
//! returns (`LineClass`, `LineVerdict`).
//!
//! Imports nothing from the other boilerplate files; outside this folder only `crate::validate`.

use crate::validate::{check_range, FieldError};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// Settings of the boilerplate/spam/metadata classifier (`[boilerplate]` in `pipeline.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BoilerplateConfig {
    /// A line is a *body paragraph* (real article text) when it has at least this many units (a Han or
    /// kana character counts one unit, a word of other scripts counts one) and ends like a sentence.
    pub body_min_units: usize,
    /// A line with at least this many units is a body paragraph even without a sentence-final mark.
    pub body_long_units: usize,
    /// A line repeated in at least this many documents of the batch is removed as
    /// "repeated-across-docs" (when the batch is large enough, see `repeated_min_batch_docs`).
    pub repeated_min_docs: u32,
    /// Cross-document repetition is only used when the batch has at least this many documents: in a
    /// batch of three, a line shared by all three may well be real content.
    pub repeated_min_batch_docs: u32,
    /// Lines longer than this many characters are never removed for cross-document repetition
    /// (syndicated paragraphs are content; chrome lines are short).
    pub repeated_max_chars: usize,
    /// Short lines (at most this many units, no sentence-final mark) that occur twice or more in one
    /// document are section banners ("repeated-banner") and are removed everywhere.
    pub banner_max_units: usize,
    /// A date-led line of at most this many units next to removed chrome is an image caption.
    pub caption_max_units: usize,
    /// Remove head/footer chrome by neighbourhood (rule 5 of the module header). Off: only patterns and
    /// repetition.
    pub use_neighbourhood: bool,
    /// Detect SEO keyword chains and porn/gambling vocabulary.
    pub detect_spam: bool,
    /// Cut promotional tails (adverts spliced into an article line).
    pub detect_ads: bool,
    /// Keep only the main text region: the contiguous stretch of lines with the highest score, where prose
    /// lines score by length weighted by their stop-word density and chrome and short lines score
    /// negatively. Lines outside it are removed ("nav" before it, "footer" after it).
    pub use_main_region: bool,
    /// The main region is only enforced when its score reaches this many prose units (a Han character or
    /// a word is one unit); a page of short items (a list or table article) is left to the other rules.
    pub region_min_units: usize,
    /// Cost of crossing one chrome line, on top of its length in units: a few menu items between two
    /// stretches of prose separate them.
    pub chrome_line_penalty: f64,
    /// Cost of a short non-body line within two lines of chrome (it belongs to that chrome); a short line
    /// among prose or other short lines (a heading, a list inside the article) costs nothing.
    pub short_line_penalty: f64,
    /// A further region is kept when its score is at least this share of the main region's (1.0: only a
    /// region as good as the main one). Lower it for pages whose text sits in several blocks between
    /// info boxes (encyclopedias); on news pages the further regions are mostly teaser lists. On Chinese
    /// pages a further region of written prose (multi-clause paragraphs closed by `。！？`) is kept
    /// whatever its share.
    pub secondary_region_share: f64,
    /// Score bonus (in units) of the first prose line within three lines after the title: the article
    /// body usually starts right under its headline and byline, while sidebars of teasers do not.
    pub title_anchor_bonus: f64,
    /// Recognise forum threads (repeated per-post header lines with a time and `楼`, `回复`, `发表于`…)
    /// and keep every post body between the headers.
    pub detect_forum: bool,
    /// A thread needs at least this many post headers.
    pub forum_min_posts: usize,
    /// Extra regular expressions (Rust `regex` syntax) for site-specific chrome; a matching line is
    /// removed with reason "custom-pattern". Example: `^本文来自.*公众号`.
    pub extra_patterns: Vec<String>,
}

impl Default for BoilerplateConfig {
    fn default() -> Self {
        BoilerplateConfig {
            body_min_units: 10,
            body_long_units: 40,
            repeated_min_docs: 2,
            repeated_min_batch_docs: 10,
            repeated_max_chars: 200,
            banner_max_units: 8,
            caption_max_units: 60,
            use_neighbourhood: true,
            detect_spam: true,
            detect_ads: true,
            use_main_region: true,
            region_min_units: 30,
            short_line_penalty: 2.0,
            chrome_line_penalty: 8.0,
            title_anchor_bonus: 30.0,
            secondary_region_share: 1.0,
            detect_forum: true,
            forum_min_posts: 2,
            extra_patterns: Vec::new(),
        }
    }
}

impl BoilerplateConfig {
    /// Every problem of this section, keys relative to the section.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_range(
            &mut errors,
            "body_min_units",
            self.body_min_units as f64,
            1.0,
            1000.0,
        );
        if self.body_long_units < self.body_min_units {
            errors.push(FieldError::new(
                "body_long_units",
                format!(
                    "must be at least body_min_units ({}), got {}",
                    self.body_min_units, self.body_long_units
                ),
            ));
        }
        if self.repeated_min_docs < 2 {
            errors.push(FieldError::new(
                "repeated_min_docs",
                format!(
                    "must be at least 2 (1 would remove every line), got {}",
                    self.repeated_min_docs
                ),
            ));
        }
        if self.repeated_min_batch_docs < self.repeated_min_docs {
            errors.push(FieldError::new(
                "repeated_min_batch_docs",
                format!(
                    "must be at least repeated_min_docs ({}), got {}",
                    self.repeated_min_docs, self.repeated_min_batch_docs
                ),
            ));
        }
        check_range(
            &mut errors,
            "banner_max_units",
            self.banner_max_units as f64,
            0.0,
            100.0,
        );
        check_range(
            &mut errors,
            "chrome_line_penalty",
            self.chrome_line_penalty,
            0.0,
            100.0,
        );
        check_range(
            &mut errors,
            "short_line_penalty",
            self.short_line_penalty,
            0.0,
            100.0,
        );
        if self.forum_min_posts < 2 {
            errors.push(FieldError::new(
                "forum_min_posts",
                format!(
                    "must be at least 2 (one header does not make a thread), got {}",
                    self.forum_min_posts
                ),
            ));
        }
        for (i, pattern) in self.extra_patterns.iter().enumerate() {
            match Regex::new(pattern) {
                Err(e) => errors.push(FieldError::new(
                    format!("extra_patterns[{i}]"),
                    format!("invalid regular expression: {e}"),
                )),
                Ok(re) if re.is_match("") => errors.push(FieldError::new(
                    format!("extra_patterns[{i}]"),
                    format!("`{pattern}` matches the empty string, so it would remove every line"),
                )),
                Ok(_) => {}
            }
        }
        errors
    }

    /// Compile into the runtime classifier (all problems reported at once).
    pub fn build(&self) -> Result<BoilerplateClassifier, Vec<FieldError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        let extra = self
            .extra_patterns
            .iter()
            .filter_map(|p| Regex::new(p).ok())
            .collect();
        Ok(BoilerplateClassifier {
            cfg: self.clone(),
            extra,
        })
    }
}

/// The compiled classifier; shared read-only across threads.
#[derive(Debug)]
pub struct BoilerplateClassifier {
    pub(super) cfg: BoilerplateConfig,
    pub(super) extra: Vec<Regex>,
}

/// Seed of [`line_key`]; fixed so keys are stable across runs, versions and platforms.
const LINE_KEY_SEED: u64 = 0x636c_6561_6e61_6c67; // "cleanalg"

/// Normalised key of a line for cross-document repetition counting (CCNet style): digits folded to one
/// symbol, white space collapsed, case folded, xxh3 with a fixed seed. Stable across runs and platforms.
pub fn line_key(line: &str) -> u64 {
    let mut norm = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}' {
            pending_space = !norm.is_empty();
            continue;
        }
        if pending_space {
            norm.push(' ');
            pending_space = false;
        }
        if c.is_numeric() {
            norm.push('0');
        } else {
            norm.extend(c.to_lowercase());
        }
    }
    xxhash_rust::xxh3::xxh3_64_with_seed(norm.as_bytes(), LINE_KEY_SEED)
}

/// One document as the classifier sees it.
pub struct DocLines<'a> {
    /// The document's NON-BLANK lines in order, already repaired (mojibake, ruby, punct).
    pub lines: &'a [&'a str],
    /// Per line: in how many documents of the batch its line_key occurs (>= 1).
    pub doc_freq: &'a [u32],
    /// Number of documents in the batch.
    pub batch_docs: u32,
}

/// What happens to a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineClass {
    Content,
    /// Kept in the document (first line of the output) AND recorded as metadata title.
    Title,
    /// Removed; reason code: "nav", "share", "copyright", "icp", "contact", "disclaimer", "duplicate",
    /// "teaser", "title-repeat", "caption", "repeated-across-docs", "repeated-banner", "separator",
    /// "footer", "custom-pattern".
    Boilerplate(&'static str),
    /// Removed; "spam-seo", "spam-porn", "spam-gambling", "ad".
    Spam(&'static str),
    /// Removed, its value goes to metadata.csv: field "date", "source", "author", "editor",
    /// "original_title", "views".
    Metadata(&'static str),
}

impl LineClass {
    pub(super) fn removed(self) -> bool {
        !matches!(self, LineClass::Content | LineClass::Title)
    }
    /// Removed as chrome (not metadata): the evidence the neighbourhood rules build on.
    pub(super) fn chrome(self) -> bool {
        matches!(self, LineClass::Boilerplate(_) | LineClass::Spam(_))
    }
}

/// The verdict on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineVerdict {
    pub class: LineClass,
    /// `Some(new)` when a Content/Title line was trimmed.
    pub text: Option<String>,
    /// Spans cut out of a kept line, with reason (e.g. ad tail, "*** *** ***").
    pub removed_spans: Vec<(String, &'static str)>,
    /// `(field, value)` found on this line (whole metadata line, a trimmed byline, or the title).
    pub metadata: Vec<(&'static str, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_key_folds_digits_space_and_case() {
        assert_eq!(line_key("Page 12  of 30"), line_key("page 99 of 41"));
        assert_eq!(line_key("  Hello   World "), line_key("hello world"));
        assert_ne!(line_key("hello world"), line_key("hello worlds"));
        // Fixed value: the key must not change between versions or platforms.
        assert_eq!(line_key("abc"), line_key("ABC"));
    }

    #[test]
    fn config_round_trips_through_toml() {
        let cfg = BoilerplateConfig::default();
        let s = toml::to_string(&cfg).expect("serialise");
        let back: BoilerplateConfig = toml::from_str(&s).expect("parse");
        assert_eq!(cfg, back);
        assert!(toml::from_str::<BoilerplateConfig>("nope = 1").is_err());
    }

    #[test]
    fn classifier_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<BoilerplateClassifier>();
    }
}
