//! The pipeline: `pipeline.toml` built into runtime stages, and what happens to one document.
//!
//! For each document, in this order:
//! 1. **prepare** — decode, remove over-long lines, repair mojibake, normalise, strip ruby residue;
//! 2. **clean** — boilerplate/spam/metadata (with the batch's line counts), punctuation width,
//!    machine-translation repair, script conversion, normalisation again, language of each line, sentences.
//!
//! The pipeline knows nothing of files or batches: it is given bytes and the batch's line counts, and imports
//! only the configuration, the stages and the bottom layers. How a run walks a whole batch (statistics pass,
//! cleaning pass, alignment) and writes the output folder is the engine's (`engine/`).

use crate::align::Aligner;
use crate::config::Config;
use crate::doc::{Document, Line, Reject};
use crate::stages::boilerplate::{line_key, BoilerplateClassifier, DocLines, LineClass};
use crate::stages::decode::{DecodeIssue, Decoder, InputError};
use crate::stages::html;
use crate::stages::mojibake::MojibakeRepairer;
use crate::stages::mt::MtRepairer;
use crate::stages::normalize::Normalizer;
use crate::stages::punct::PunctWidth;
use crate::stages::ruby::RubyRepair;
use crate::stages::script::ScriptConverter;
use crate::stages::{apply_line_repair, langid, segment, LineRepair};
use crate::text::{truncate_chars, Lang};
use crate::validate::FieldError;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The runtime pipeline, built once from a [`Config`] and shared by all worker threads.
pub struct Pipeline {
    config: Config,
    decoder: Decoder,
    mojibake: Option<MojibakeRepairer>,
    normalizer: Option<Normalizer>,
    /// The normaliser of the first pass: spaces between Chinese characters stay until boilerplate removal.
    first_normalizer: Option<Normalizer>,
    ruby: Option<RubyRepair>,
    punct: Option<PunctWidth>,
    mt: Option<MtRepairer>,
    script: Option<ScriptConverter>,
    boilerplate: Option<BoilerplateClassifier>,
    /// The boilerplate classifier for HTML pages: the DOM has already chosen the main content, so the
    /// text-only guesses at it (the main text region, chrome by neighbourhood) are off; line patterns,
    /// repetition, title and forum rules still run.
    boilerplate_html: Option<BoilerplateClassifier>,
    aligner: Option<Aligner>,
    /// [`Config::hash`], computed once: a configuration that cannot be hashed is a configuration error.
    config_hash: String,
}

impl Pipeline {
    /// Build every enabled stage; all configuration problems are returned together.
    pub fn from_config(config: Config) -> Result<Pipeline, Vec<FieldError>> {
        let mut errors = Vec::new();
        let runs = |stage: &str| config.runs(stage);
        let decoder = built(&mut errors, "decode", config.decode.build());
        let mojibake = built_if(runs("mojibake"), &mut errors, "mojibake", || {
            config.mojibake.build()
        });
        let normalizer = built_if(runs("normalize"), &mut errors, "normalize", || {
            config.normalize.build()
        });
        let mt = built_if(runs("mt"), &mut errors, "mt", || config.mt.build());
        let script = built_if(runs("script"), &mut errors, "script", || {
            config.script.build()
        });
        let boilerplate = built_if(runs("boilerplate"), &mut errors, "boilerplate", || {
            config.boilerplate.build()
        });
        let boilerplate_html = built_if(runs("boilerplate"), &mut errors, "boilerplate", || {
            let mut dom_chosen = config.boilerplate.clone();
            dom_chosen.use_main_region = false;
            dom_chosen.use_neighbourhood = false;
            dom_chosen.build()
        });
        let aligner = built_if(runs("align"), &mut errors, "align", || config.align.build());
        let config_hash = config.hash().map_err(|e| errors.push(e)).ok();
        let (Some(decoder), Some(config_hash)) = (decoder, config_hash) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Pipeline {
            ruby: config.runs("ruby").then_some(RubyRepair),
            punct: config.runs("punct").then_some(PunctWidth),
            config,
            decoder,
            mojibake,
            first_normalizer: normalizer.as_ref().map(Normalizer::keeping_han_spaces),
            normalizer,
            mt,
            script,
            boilerplate,
            boilerplate_html,
            aligner,
            config_hash,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The hash of the configuration and version ([`Config::hash`]).
    pub fn config_hash(&self) -> &str {
        &self.config_hash
    }

    /// The aligner, when the align stage is on.
    pub(crate) fn aligner(&self) -> Option<&Aligner> {
        self.aligner.as_ref()
    }

    /// Phase 1 for one document.
    pub fn prepare(&self, id: &str, path: PathBuf, bytes: &[u8]) -> Result<Document, InputError> {
        let file_name = file_name(id, &path);
        let decoded = self.decoder.decode_named(&file_name, bytes)?;
        let mut doc = Document::from_text(
            id,
            path,
            &decoded.encoding,
            bytes.len() as u64,
            &decoded.text,
        );
        self.repair_decoded(&mut doc, &decoded.issues, &decoded.text);
        Ok(doc)
    }

    /// Phase 1 for an HTML page: decoded with the HTML charset rules (`http_charset`: what an HTTP header
    /// declared), reduced to its text lines, the lines outside the main content removed (stage `html`), the
    /// DOM's metadata recorded; then the same repairs as a text file.
    pub fn prepare_html(
        &self,
        id: &str,
        path: PathBuf,
        bytes: &[u8],
        http_charset: Option<&str>,
    ) -> Result<Document, InputError> {
        let decoded = self
            .decoder
            .decode_html(&file_name(id, &path), bytes, http_charset)?;
        let page = html::extract(&decoded.text);
        let mut doc =
            Document::from_text(id, path, &decoded.encoding, bytes.len() as u64, &page.text);
        doc.from_html = true;
        let removed: BTreeMap<usize, &str> = page.removed.iter().copied().collect();
        let mut dropped = Vec::new();
        doc.lines
            .retain_mut(|line| match removed.get(&line.raw_no) {
                Some(reason) => {
                    dropped.push((line.raw_no, *reason, std::mem::take(&mut line.text)));
                    false
                }
                None => true,
            });
        for (raw_no, reason, text) in dropped {
            doc.reject(raw_no, html::STAGE, reason, &text);
        }
        for (field, value) in &page.fields {
            if *field == "title" {
                doc.meta.title = value.clone();
            } else {
                doc.meta.add(field, value);
            }
        }
        self.repair_decoded(&mut doc, &decoded.issues, &page.text);
        Ok(doc)
    }

    /// The rest of phase 1, after decoding: decode issues recorded, over-long lines removed, mojibake
    /// repaired, normalised, ruby residue stripped.
    fn repair_decoded(&self, doc: &mut Document, issues: &[DecodeIssue], text: &str) {
        for issue in issues {
            doc.rejects.push(Reject {
                doc: doc.id.clone(),
                line: issue.line,
                stage: "decode",
                reason: "undecodable-bytes".to_string(),
                text: issue.bytes_hex.clone(),
                byte_offset: Some(issue.byte_offset),
            });
        }
        self.remove_overlong_lines(doc);
        doc.script_in = langid::detect_script(text).code();
        if let Some(mojibake) = &self.mojibake {
            repair_mojibake(mojibake, doc);
        }
        if let Some(n) = &self.first_normalizer {
            crate::stages::normalize::record_invisible(doc);
            apply_line_repair(n, doc);
        }
        if let Some(r) = &self.ruby {
            apply_line_repair(r, doc);
        }
    }

    fn remove_overlong_lines(&self, doc: &mut Document) {
        let limit = self.config.input.max_line_chars;
        let mut overlong = Vec::new();
        doc.lines.retain_mut(|line| {
            // Byte length bounds the character count from above: the common case needs no counting.
            if line.text.len() <= limit || line.text.chars().count() <= limit {
                return true;
            }
            overlong.push((line.raw_no, std::mem::take(&mut line.text)));
            false
        });
        for (raw_no, text) in overlong {
            let shown = format!(
                "{}… [{} characters in all]",
                truncate_chars(&text, 1000),
                text.chars().count()
            );
            doc.reject(raw_no, "decode", "line-too-long", &shown);
        }
    }

    /// Phase 2 for one document, given the batch's statistics: `doc_freq` has one entry per line of `doc`
    /// (in how many of the batch's documents a line with its [`line_key`] occurs, 1 for a line seen nowhere
    /// else), and `batch_docs` is the number of documents the batch loaded. `cleanalign run` gathers these in
    /// a first pass over the batch; the Python package's datatrove steps gather them across tasks.
    pub fn clean(&self, doc: &mut Document, doc_freq: &[u32], batch_docs: u32) {
        let classifier = if doc.from_html {
            self.boilerplate_html.as_ref()
        } else {
            self.boilerplate.as_ref()
        };
        if let Some(classifier) = classifier {
            apply_boilerplate(classifier, doc, doc_freq, batch_docs);
        } else if let Some(first) = doc.lines.first_mut() {
            first.is_title = false;
        }
        // The script of the text that stays, before conversion: a page's chrome (an ICP line in Chinese
        // under an English article) says nothing about the script of its text.
        let kept: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        doc.script_in = langid::detect_script(&kept.join("\n")).code();
        // A Japanese page keeps its kanji: converting it as Chinese would turn 聞 into 闻. Decided per
        // document, because many of its lines (dates, headings) are kanji only.
        let japanese = is_japanese(doc);
        // Normalisation runs again last: earlier repairs can leave spacing only it settles.
        let repairs: [Option<&dyn LineRepair>; 4] = [
            self.punct.as_ref().map(|r| r as &dyn LineRepair),
            self.mt.as_ref().map(|r| r as &dyn LineRepair),
            self.script
                .as_ref()
                .filter(|_| !japanese)
                .map(|r| r as &dyn LineRepair),
            self.normalizer.as_ref().map(|r| r as &dyn LineRepair),
        ];
        for repair in repairs.into_iter().flatten() {
            apply_line_repair(repair, doc);
        }
        if let Some(mt) = &self.mt {
            mt.drop_garbled(doc);
        }
        if let Some(title) = doc.lines.iter().find(|l| l.is_title) {
            doc.meta.title = title.text.clone();
        }
        // Metadata is read in the output script too, so that `author` matches the document's own spelling.
        if let Some(script) = &self.script {
            for value in doc.meta.fields.values_mut() {
                if let Some(converted) = script.repair(value) {
                    *value = converted;
                }
            }
        }
        // Language per line, and of the document by share of visible characters.
        let mut weight: BTreeMap<Lang, usize> = BTreeMap::new();
        for line in &mut doc.lines {
            line.lang = langid::detect_lang(&line.text);
            *weight.entry(line.lang).or_default() +=
                line.text.chars().filter(|c| !c.is_whitespace()).count();
        }
        doc.lang = weight
            .iter()
            .max_by_key(|(lang, w)| (**w, std::cmp::Reverse(**lang)))
            .map_or(Lang::Other, |(lang, _)| *lang);
        doc.sentences = doc
            .lines
            .iter()
            .filter(|l| l.lang == doc.lang)
            .flat_map(|l| {
                segment::split_sentences(&l.text, l.lang)
                    .into_iter()
                    .filter_map(|r| l.text.get(r).map(str::to_string))
                    .collect::<Vec<_>>()
            })
            .collect();
    }
}

/// The distinct [`line_key`]s of a prepared document, sorted: what the document adds to the batch's line
/// counts (each key counts once per document, however often the line repeats inside it).
pub fn line_keys(doc: &Document) -> Vec<u64> {
    let mut keys: Vec<u64> = doc.lines.iter().map(|l| line_key(&l.text)).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The file name that `[[decode.force]]` globs are matched against: the path's, or the id's.
fn file_name(id: &str, path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(|| id.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Keep a built stage, or collect its errors prefixed with the config section.
fn built<T>(
    errors: &mut Vec<FieldError>,
    section: &str,
    result: Result<T, Vec<FieldError>>,
) -> Option<T> {
    match result {
        Ok(stage) => Some(stage),
        Err(found) => {
            errors.extend(
                found
                    .into_iter()
                    .map(|e| FieldError::new(format!("{section}.{}", e.key), e.message)),
            );
            None
        }
    }
}

fn built_if<T>(
    enabled: bool,
    errors: &mut Vec<FieldError>,
    section: &str,
    build: impl FnOnce() -> Result<T, Vec<FieldError>>,
) -> Option<T> {
    if enabled {
        built(errors, section, build())
    } else {
        None
    }
}

/// Mojibake repair inside `run`: repaired lines replace the originals; sentences holding an unrecoverable span
/// are cut out and recorded, because a half-garbled sentence must not reach the corpus.
fn repair_mojibake(repairer: &MojibakeRepairer, doc: &mut Document) {
    doc.edit_and_cut(
        "mojibake",
        "unrecoverable-mojibake",
        |line| {
            let repair = repairer.repair(line)?;
            if repair.unrecoverable.is_empty() {
                return Some((repair.text, Vec::new()));
            }
            let lang = langid::detect_lang(&repair.text);
            let bad = segment::split_sentences(&repair.text, lang)
                .into_iter()
                .filter(|s| {
                    repair
                        .unrecoverable
                        .iter()
                        .any(|u| u.start < s.end && s.start < u.end.max(u.start + 1))
                })
                .collect();
            Some((repair.text, bad))
        },
        |kept| kept.trim().to_string(),
    );
}

/// Kana make up a fifth or more of the document's Han and kana characters (and there are enough of them
/// to be more than a quoted name): the page is Japanese.
fn is_japanese(doc: &Document) -> bool {
    langid::reads_as_japanese(doc.lines.iter().flat_map(|l| l.text.chars()), 20)
}

/// Apply the boilerplate classifier's verdicts to a document.
fn apply_boilerplate(
    classifier: &BoilerplateClassifier,
    doc: &mut Document,
    doc_freq: &[u32],
    batch_docs: u32,
) {
    let texts: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
    let verdicts = classifier.classify(&DocLines {
        lines: &texts,
        doc_freq,
        batch_docs,
    });
    let old_lines = std::mem::take(&mut doc.lines);
    let mut kept: Vec<Line> = Vec::with_capacity(old_lines.len());
    for (mut line, verdict) in old_lines.into_iter().zip(verdicts) {
        // The title is taken from the kept Title line at the end of cleaning, in the output script.
        for (field, value) in verdict.metadata.iter().filter(|(f, _)| *f != "title") {
            doc.meta.add(field, value);
        }
        for (span, reason) in &verdict.removed_spans {
            doc.reject(line.raw_no, "boilerplate", reason, span);
        }
        match verdict.class {
            LineClass::Content | LineClass::Title => {
                line.is_title = matches!(verdict.class, LineClass::Title);
                if let Some(text) = verdict.text {
                    if crate::text::is_blank(&text) {
                        continue;
                    }
                    line.text = text;
                }
                kept.push(line);
            }
            LineClass::Boilerplate(reason) | LineClass::Spam(reason) => {
                let stage = if matches!(verdict.class, LineClass::Spam(_)) {
                    "spam"
                } else {
                    "boilerplate"
                };
                doc.reject(line.raw_no, stage, reason, &line.text);
            }
            LineClass::Metadata(field) => {
                if verdict.metadata.is_empty() {
                    doc.meta.add(field, &line.text);
                }
                doc.reject(
                    line.raw_no,
                    "boilerplate",
                    &format!("metadata:{field}"),
                    &line.text,
                );
            }
        }
    }
    // The title, if any, is the first line of the document.
    if let Some(pos) = kept.iter().position(|l| l.is_title) {
        if pos > 0 {
            let title = kept.remove(pos);
            kept.insert(0, title);
        }
    }
    doc.lines = kept;
}
