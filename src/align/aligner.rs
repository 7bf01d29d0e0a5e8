//! The runtime aligner: `[align]` built into the sentence aligner's parameters, with the zh<->en dictionary
//! model chosen per language pair. Imports the config, the bead, the lexicon and the sentence aligner below it;
//! document pairing (above it) adds its own methods in `pairing.rs`.

use super::bead::Bead;
use super::config::AlignConfig;
use super::{lexicon, sentence};
use crate::text::Lang;
use crate::validate::FieldError;

impl AlignConfig {
    /// Compile into the runtime aligner. The dictionary itself is parsed on first use, not here, but it is
    /// checked here (decompressed once per process, its checksum verified): a dictionary that cannot be
    /// read is an error, never a silent fall-back to the weaker surface model.
    pub fn build(&self) -> Result<Aligner, Vec<FieldError>> {
        self.build_checking(lexicon::embedded_dictionary_error())
    }

    fn build_checking(&self, dictionary_error: Option<&str>) -> Result<Aligner, Vec<FieldError>> {
        let mut errors = self.validate();
        if let (true, Some(e)) = (self.use_lexicon, dictionary_error) {
            errors.push(FieldError::new(
                "use_lexicon",
                format!(
                    "the bundled dictionary cannot be read ({e}); set use_lexicon = false to align \
                     by length and surface evidence only"
                ),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Aligner {
            params: sentence::Params {
                max_bead_size: self.max_bead_size,
                null_penalty: self.null_penalty,
                null_run_penalty: self.null_run_penalty,
                merge_penalty: self.merge_penalty,
                min_band: self.min_band,
                max_band: self.max_band,
            },
            config: self.clone(),
        })
    }
}

/// The runtime aligner. Holds no dictionary itself: CC-CEDICT is shared process-wide (see
/// [`lexicon::Lexicon::global`]).
#[derive(Debug, Clone)]
pub struct Aligner {
    params: sentence::Params,
    config: AlignConfig,
}

impl Aligner {
    /// Every sentence of both sides in exactly one bead, in order (monotone); null beads allowed.
    pub fn align(
        &self,
        src: &[String],
        tgt: &[String],
        src_lang: &str,
        tgt_lang: &str,
    ) -> Vec<Bead> {
        sentence::align(src, tgt, self.model(src_lang, tgt_lang), &self.params)
    }

    /// Beads scoring below this are not written to the corpus.
    pub fn min_bead_score(&self) -> f64 {
        self.config.min_bead_score
    }

    pub(crate) fn config(&self) -> &AlignConfig {
        &self.config
    }

    /// A document's weighted bag of evidence keys, in a space shared by both languages (see
    /// [`sentence::key_bag`]), for finding pairing candidates.
    pub fn key_bag(&self, sents: &[String], lang: &str, other_lang: &str) -> Vec<(u64, f32)> {
        let model = self.model(lang, other_lang);
        let is_zh = Lang::from_code(lang) == Some(Lang::Zh);
        sentence::key_bag(sents, is_zh, model)
    }

    /// Start loading the dictionary on a thread of its own, when it is enabled (loading is idempotent: the
    /// first caller of `Lexicon::global` loads it, later ones wait for it).
    pub fn warm_up_in_background(&self) {
        if self.config.use_lexicon {
            std::thread::spawn(|| {
                lexicon::Lexicon::global();
            });
        }
    }

    /// The dictionary model for zh<->en when enabled and loadable, the surface model otherwise.
    fn model(&self, src_lang: &str, tgt_lang: &str) -> sentence::Model<'static> {
        let s = Lang::from_code(src_lang);
        let t = Lang::from_code(tgt_lang);
        let zh_en = matches!(
            (s, t),
            (Some(Lang::Zh), Some(Lang::En)) | (Some(Lang::En), Some(Lang::Zh))
        );
        if zh_en && self.config.use_lexicon {
            if let Some(lex) = lexicon::Lexicon::global() {
                return sentence::Model::Lexicon {
                    lex,
                    zh_is_src: s == Some(Lang::Zh),
                };
            }
        }
        sentence::Model::Surface
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_reports_every_problem() {
        let cfg = AlignConfig {
            max_bead_size: 0,
            min_bead_score: 1.5,
            min_band: 10,
            max_band: 5,
            pair_margin: 1.5,
            ..AlignConfig::default()
        };
        let keys: Vec<String> = cfg.validate().into_iter().map(|e| e.key).collect();
        assert_eq!(
            keys,
            vec!["max_bead_size", "min_bead_score", "max_band", "pair_margin"]
        );
        assert!(cfg.build().is_err());
        assert!(AlignConfig::default().validate().is_empty());
    }

    #[test]
    fn an_unreadable_dictionary_is_an_error_not_a_weaker_model() {
        let corrupt = lexicon::dictionary_error(&lexicon::CEDICT_GZ[..1000]);
        assert!(corrupt.is_some());
        let errors = AlignConfig::default()
            .build_checking(corrupt.as_deref())
            .expect_err("a corrupt dictionary fails the build");
        assert_eq!(errors[0].key, "use_lexicon");
        let without = AlignConfig {
            use_lexicon: false,
            ..AlignConfig::default()
        };
        assert!(without.build_checking(corrupt.as_deref()).is_ok());
        assert_eq!(lexicon::embedded_dictionary_error(), None);
        assert!(AlignConfig::default().build().is_ok());
    }

    #[test]
    fn aligner_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Aligner>();
    }
}
