//! The pipeline: `pipeline.toml` built into runtime stages, and what happens to one document.
//!
//! For each document, in this order:
//! 1. **prepare** — decode, remove over-long lines, repair mojibake, normalise, strip ruby residue;
//! 2. **clean** — boilerplate/spam/metadata (with the batch's line counts), punctuation width,
//!    machine-translation repair, script conversion, normalisation again, language of each line, sentences.
//!
//! How a run walks the whole batch (statistics pass, cleaning pass, alignment) is in `batch.rs`;
//! [`Pipeline::run`] ties it to the output folder.

use crate::align::Aligner;
use crate::engine::batch::Source;
use crate::config::Config;
use crate::doc::{Document, Line, Reject};
use crate::glob::glob_match;
use crate::engine::output::report::Report;
use crate::engine::output::{FileSink, InputFailure};
use crate::stages::boilerplate::{BoilerplateClassifier, DocLines, LineClass};
use crate::stages::decode::{Decoder, InputError};
use crate::stages::mojibake::MojibakeRepairer;
use crate::stages::mt::MtRepairer;
use crate::stages::normalize::Normalizer;
use crate::stages::punct::PunctWidth;
use crate::stages::ruby::RubyRepair;
use crate::stages::script::ScriptConverter;
use crate::stages::{apply_line_repair, langid, segment, LineRepair};
use crate::text::{truncate_chars, Lang};
use crate::validate::FieldError;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One input file to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file stem, used as the document id.
    pub id: String,
    pub path: PathBuf,
}

/// Summary returned by [`Pipeline::run`].
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    pub inputs: usize,
    pub documents: usize,
    pub failed: Vec<InputFailure>,
    pub skipped: Vec<String>,
    pub corpus_rows: usize,
    pub out_dir: PathBuf,
}

/// Why a run could not finish at all (per-file problems are [`InputFailure`]s, not this).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot read the input folder {path}: {source}")]
    InputDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write to the output folder {path}: {source}")]
    Output {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

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
    aligner: Option<Aligner>,
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
        let aligner = built_if(runs("align"), &mut errors, "align", || config.align.build());
        let Some(decoder) = decoder else {
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
            aligner,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The aligner, when the align stage is on.
    pub(crate) fn aligner(&self) -> Option<&Aligner> {
        self.aligner.as_ref()
    }

    /// Run the batch over `raw_dir` and write every output file into `out_dir`.
    pub fn run(
        &self,
        raw_dir: &Path,
        out_dir: &Path,
        progress: bool,
    ) -> Result<RunSummary, RunError> {
        let started = Instant::now();
        let (inputs, skipped) = self.list_inputs(raw_dir)?;
        let out_err = |source| RunError::Output {
            path: out_dir.to_path_buf(),
            source,
        };
        let mut sink = FileSink::create(out_dir).map_err(out_err)?;
        let sources: Vec<Source> = inputs.iter().map(Source::File).collect();
        let mut outcome = self
            .run_batch(&sources, &mut sink, progress)
            .map_err(out_err)?;
        let write_started = Instant::now();
        sink.finish(&outcome.corpus).map_err(out_err)?;
        outcome
            .timings_ms
            .insert("write", write_started.elapsed().as_millis());
        let report = Report::new(
            self,
            &outcome,
            inputs.len(),
            &skipped,
            started.elapsed().as_secs_f64(),
        );
        report.write(out_dir).map_err(out_err)?;
        Ok(RunSummary {
            inputs: inputs.len(),
            documents: outcome.tally.documents,
            failed: outcome.failures,
            skipped,
            corpus_rows: outcome.corpus.len(),
            out_dir: out_dir.to_path_buf(),
        })
    }

    /// List the inputs of a folder: entries matching `include` and not `exclude`, sorted by name. Returns the
    /// inputs and the names skipped by `exclude` (reported, never silently ignored).
    pub fn list_inputs(&self, raw_dir: &Path) -> Result<(Vec<Input>, Vec<String>), RunError> {
        let entries = std::fs::read_dir(raw_dir).map_err(|source| RunError::InputDir {
            path: raw_dir.to_path_buf(),
            source,
        })?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| RunError::InputDir {
                path: raw_dir.to_path_buf(),
                source,
            })?;
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        let matches = |globs: &[String], name: &str| globs.iter().any(|g| glob_match(g, name));
        let mut inputs = Vec::new();
        let mut skipped = Vec::new();
        for name in names {
            if matches(&self.config.input.exclude, &name)
                || !matches(&self.config.input.include, &name)
            {
                skipped.push(name);
                continue;
            }
            let id = match name.rfind('.') {
                Some(dot) if dot > 0 => name[..dot].to_string(),
                _ => name.clone(),
            };
            inputs.push(Input {
                id,
                path: raw_dir.join(&name),
            });
        }
        Ok((inputs, skipped))
    }

    /// Read an input file, refusing directories and files over the size limit before reading them.
    pub(crate) fn read_input(&self, input: &Input) -> Result<Vec<u8>, InputError> {
        let meta = std::fs::metadata(&input.path).map_err(|e| InputError::Io(e.to_string()))?;
        if meta.is_dir() {
            return Err(InputError::IsDirectory);
        }
        let limit = self.config.input.max_file_bytes;
        if meta.len() > limit {
            return Err(InputError::TooLarge {
                size: meta.len(),
                limit,
            });
        }
        std::fs::read(&input.path).map_err(|e| InputError::Io(e.to_string()))
    }

    /// Phase 1 for one document.
    pub fn prepare(&self, id: &str, path: PathBuf, bytes: &[u8]) -> Result<Document, InputError> {
        let file_name = path
            .file_name()
            .map_or_else(|| id.to_string(), |n| n.to_string_lossy().into_owned());
        let decoded = self.decoder.decode_named(&file_name, bytes)?;
        let mut doc = Document::from_text(
            id,
            path,
            &decoded.encoding,
            bytes.len() as u64,
            &decoded.text,
        );
        for issue in &decoded.issues {
            doc.rejects.push(Reject {
                doc: doc.id.clone(),
                line: issue.line,
                stage: "decode",
                reason: "undecodable-bytes".to_string(),
                text: issue.bytes_hex.clone(),
                byte_offset: Some(issue.byte_offset),
            });
        }
        self.remove_overlong_lines(&mut doc);
        doc.script_in = langid::detect_script(&decoded.text).code();
        if let Some(mojibake) = &self.mojibake {
            repair_mojibake(mojibake, &mut doc);
        }
        if let Some(n) = &self.first_normalizer {
            crate::stages::normalize::record_invisible(&mut doc);
            apply_line_repair(n, &mut doc);
        }
        if let Some(r) = &self.ruby {
            apply_line_repair(r, &mut doc);
        }
        Ok(doc)
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

    /// Phase 3 for one document.
    pub(crate) fn clean(&self, doc: &mut Document, doc_freq: &[u32], batch_docs: u32) {
        if let Some(classifier) = &self.boilerplate {
            apply_boilerplate(classifier, doc, doc_freq, batch_docs);
        } else if let Some(first) = doc.lines.first_mut() {
            first.is_title = false;
        }
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

pub(crate) fn progress_bar(enabled: bool, len: usize, what: &str) -> ProgressBar {
    if !enabled || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{prefix:>8} [{bar:40}] {pos}/{len} {elapsed}")
    {
        pb.set_style(style.progress_chars("=> "));
    }
    pb.set_prefix(what.to_string());
    pb
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

/// Build a rayon pool with `jobs` threads (0: one per core) and run `f` in it.
pub fn with_jobs<T: Send>(jobs: usize, f: impl FnOnce() -> T + Send) -> Result<T, RunError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;
    Ok(pool.install(f))
}
