//! The batch: inputs → documents → cleaned documents → aligned corpus → output folder.
//!
//! Phases, each parallel over documents with rayon and each collected in input order (so the output never
//! depends on the number of threads):
//! 1. **prepare** — read, decode, repair mojibake, normalise, strip ruby residue;
//! 2. **corpus statistics** — how many documents each normalised line occurs in (CCNet-style), a global pass;
//! 3. **clean** — boilerplate/spam/metadata, punctuation width, machine-translation repair, script
//!    conversion, language of each line, sentence segmentation;
//! 4. **align** — pair documents that translate each other, align their sentences, build corpus rows.

use crate::align::{pairing::DocForPairing, Aligner};
use crate::config::Config;
use crate::doc::{Document, Line, Reject};
use crate::output::{self, CorpusRow, InputFailure};
use crate::stages::boilerplate::{line_key, BoilerplateClassifier, DocLines, LineClass};
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
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
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

/// Everything a batch produced, in memory.
#[derive(Debug, Default)]
pub struct BatchResult {
    pub docs: Vec<Document>,
    pub failures: Vec<InputFailure>,
    pub corpus: Vec<CorpusRow>,
    pub doc_pairs: Vec<(String, String, f64)>,
    pub timings_ms: BTreeMap<&'static str, u128>,
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

    /// Process a batch of files in memory.
    pub fn process(&self, inputs: &[Input], progress: bool) -> BatchResult {
        let bar = |len: usize, what: &str| progress_bar(progress, len, what);
        let mut timings = BTreeMap::new();
        let mut seen_ids = HashSet::new();

        // Phase 1: prepare.
        let started = Instant::now();
        let pb = bar(inputs.len(), "prepare");
        let duplicate: Vec<bool> = inputs
            .iter()
            .map(|i| !seen_ids.insert(i.id.clone()))
            .collect();
        let prepared: Vec<Result<Document, InputError>> = inputs
            .par_iter()
            .zip(duplicate.par_iter())
            .map(|(input, &dup)| {
                let result = if dup {
                    Err(InputError::DuplicateStem(input.id.clone()))
                } else {
                    self.read_and_prepare(input)
                };
                pb.inc(1);
                result
            })
            .collect();
        pb.finish_and_clear();
        timings.insert("prepare", started.elapsed().as_millis());

        let mut docs = Vec::new();
        let mut failures = Vec::new();
        for (input, result) in inputs.iter().zip(prepared) {
            match result {
                Ok(doc) => docs.push(doc),
                Err(error) => failures.push(InputFailure {
                    file: input.path.display().to_string(),
                    error: error.to_string(),
                }),
            }
        }
        let mut result = self.finish_batch(docs, bar, &mut timings);
        result.failures = failures;
        result.timings_ms = timings;
        result
    }

    /// Process documents given as bytes (tests, library users). Ids must be unique.
    pub fn process_bytes(
        &self,
        inputs: &[(String, Vec<u8>)],
    ) -> (Vec<Document>, Vec<(String, InputError)>, Vec<CorpusRow>) {
        let mut docs = Vec::new();
        let mut failures = Vec::new();
        let prepared: Vec<_> = inputs
            .par_iter()
            .map(|(id, bytes)| self.prepare(id, PathBuf::from(id), bytes))
            .collect();
        for ((id, _), r) in inputs.iter().zip(prepared) {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => failures.push((id.clone(), e)),
            }
        }
        let mut timings = BTreeMap::new();
        let result = self.finish_batch(
            docs,
            |len, what| progress_bar(false, len, what),
            &mut timings,
        );
        (result.docs, failures, result.corpus)
    }

    fn finish_batch(
        &self,
        mut docs: Vec<Document>,
        bar: impl Fn(usize, &str) -> ProgressBar,
        timings: &mut BTreeMap<&'static str, u128>,
    ) -> BatchResult {
        // Phase 2: in how many documents does each line occur?
        let started = Instant::now();
        let doc_keys: Vec<Vec<u64>> = docs
            .par_iter()
            .map(|d| d.lines.iter().map(|l| line_key(&l.text)).collect())
            .collect();
        let mut doc_freq: HashMap<u64, u32> = HashMap::new();
        for keys in &doc_keys {
            let unique: HashSet<&u64> = keys.iter().collect();
            for key in unique {
                *doc_freq.entry(*key).or_default() += 1;
            }
        }
        timings.insert("corpus_stats", started.elapsed().as_millis());

        // Phase 3: clean.
        let started = Instant::now();
        let batch_docs = u32::try_from(docs.len()).unwrap_or(u32::MAX);
        let pb = bar(docs.len(), "clean");
        docs.par_iter_mut()
            .zip(doc_keys.par_iter())
            .for_each(|(doc, keys)| {
                let freq: Vec<u32> = keys
                    .iter()
                    .map(|k| doc_freq.get(k).copied().unwrap_or(1))
                    .collect();
                self.clean(doc, &freq, batch_docs);
                pb.inc(1);
            });
        pb.finish_and_clear();
        timings.insert("clean", started.elapsed().as_millis());

        // Phase 4: align.
        let started = Instant::now();
        let (corpus, doc_pairs) = match &self.aligner {
            Some(aligner) => align_batch(aligner, &docs, &bar),
            None => (Vec::new(), Vec::new()),
        };
        timings.insert("align", started.elapsed().as_millis());
        BatchResult {
            docs,
            failures: Vec::new(),
            corpus,
            doc_pairs,
            timings_ms: BTreeMap::new(),
        }
    }

    fn read_and_prepare(&self, input: &Input) -> Result<Document, InputError> {
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
        let bytes = std::fs::read(&input.path).map_err(|e| InputError::Io(e.to_string()))?;
        self.prepare(&input.id, input.path.clone(), &bytes)
    }

    /// Phase 1 for one document.
    pub fn prepare(&self, id: &str, path: PathBuf, bytes: &[u8]) -> Result<Document, InputError> {
        let decoded = self.decoder.decode(bytes)?;
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
        if let Some(n) = &self.normalizer {
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
    fn clean(&self, doc: &mut Document, doc_freq: &[u32], batch_docs: u32) {
        if let Some(classifier) = &self.boilerplate {
            apply_boilerplate(classifier, doc, doc_freq, batch_docs);
        } else if let Some(first) = doc.lines.first_mut() {
            first.is_title = false;
        }
        // Normalisation runs again last: earlier repairs can leave spacing only it settles.
        let repairs: [Option<&dyn LineRepair>; 4] = [
            self.punct.as_ref().map(|r| r as &dyn LineRepair),
            self.mt.as_ref().map(|r| r as &dyn LineRepair),
            self.script.as_ref().map(|r| r as &dyn LineRepair),
            self.normalizer.as_ref().map(|r| r as &dyn LineRepair),
        ];
        for repair in repairs.into_iter().flatten() {
            apply_line_repair(repair, doc);
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

    /// Run the batch over `raw_dir` and write every output file into `out_dir`.
    pub fn run(
        &self,
        raw_dir: &Path,
        out_dir: &Path,
        progress: bool,
    ) -> Result<RunSummary, RunError> {
        let started = Instant::now();
        let (inputs, skipped) = self.list_inputs(raw_dir)?;
        let mut batch = self.process(inputs.as_slice(), progress);
        let write_started = Instant::now();
        let out_err = |source| RunError::Output {
            path: out_dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(out_dir).map_err(out_err)?;
        output::write_docs(out_dir, &batch.docs).map_err(out_err)?;
        let csv_err = |e: csv::Error| out_err(std::io::Error::other(e.to_string()));
        let corpus = output::corpus_csv(&batch.corpus).map_err(csv_err)?;
        output::atomic_write(&out_dir.join("corpus.csv"), &corpus).map_err(out_err)?;
        let failed_rows = batch.failures.iter().map(|f| Reject {
            doc: inputs
                .iter()
                .find(|i| i.path.display().to_string() == f.file)
                .map_or_else(|| f.file.clone(), |i| i.id.clone()),
            line: 0,
            stage: "decode",
            reason: "input-failed".to_string(),
            text: f.error.clone(),
            byte_offset: None,
        });
        let rejects = batch
            .docs
            .iter()
            .flat_map(|d| sorted_rejects(d).into_iter())
            .chain(failed_rows)
            .collect::<Vec<_>>();
        output::atomic_write(
            &out_dir.join("rejected.jsonl"),
            &output::rejected_jsonl(rejects.into_iter()),
        )
        .map_err(out_err)?;
        let metadata = output::metadata_csv(&batch.docs).map_err(csv_err)?;
        output::atomic_write(&out_dir.join("metadata.csv"), &metadata).map_err(out_err)?;
        batch
            .timings_ms
            .insert("write", write_started.elapsed().as_millis());
        let report = build_report(
            self,
            &batch,
            &inputs,
            &skipped,
            started.elapsed().as_secs_f64(),
        );
        let report =
            serde_json::to_vec_pretty(&report).map_err(|e| out_err(std::io::Error::other(e)))?;
        output::atomic_write(&out_dir.join("report.json"), &report).map_err(out_err)?;
        Ok(RunSummary {
            inputs: inputs.len(),
            documents: batch.docs.len(),
            failed: batch.failures,
            skipped,
            corpus_rows: batch.corpus.len(),
            out_dir: out_dir.to_path_buf(),
        })
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

/// Rejects of one document ordered by raw line (stable, so stage order is kept within a line).
fn sorted_rejects(doc: &Document) -> Vec<Reject> {
    let mut rejects = doc.rejects.clone();
    rejects.sort_by_key(|r| r.line);
    rejects
}

fn progress_bar(enabled: bool, len: usize, what: &str) -> ProgressBar {
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

/// Shell-style glob on a file name: `*` any run, `?` one character.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Iterative matcher with single-star backtracking: linear in practice, no recursion.
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Mojibake repair inside `run`: repaired lines replace the originals; sentences holding an unrecoverable span
/// are cut out and recorded, because a half-garbled sentence must not reach the corpus.
fn repair_mojibake(repairer: &MojibakeRepairer, doc: &mut Document) {
    let mut removed: Vec<(usize, String)> = Vec::new();
    let mut changed = 0;
    for line in doc.lines.iter_mut() {
        let Some(repair) = repairer.repair(&line.text) else {
            continue;
        };
        let mut text = repair.text;
        if !repair.unrecoverable.is_empty() {
            let lang = langid::detect_lang(&text);
            let sentences = segment::split_sentences(&text, lang);
            let bad: Vec<std::ops::Range<usize>> = sentences
                .into_iter()
                .filter(|s| {
                    repair
                        .unrecoverable
                        .iter()
                        .any(|u| u.start < s.end && s.start < u.end.max(u.start + 1))
                })
                .collect();
            let mut kept = String::with_capacity(text.len());
            let mut last = 0;
            for range in &bad {
                if let (Some(before), Some(cut)) =
                    (text.get(last..range.start), text.get(range.clone()))
                {
                    kept.push_str(before);
                    removed.push((line.raw_no, cut.to_string()));
                    last = range.end;
                }
            }
            kept.push_str(text.get(last..).unwrap_or(""));
            text = kept.trim().to_string();
        }
        if text != line.text {
            changed += 1;
            line.text = text;
        }
    }
    for _ in 0..changed {
        doc.count_change("mojibake");
    }
    doc.lines.retain(|l| !crate::text::is_blank(&l.text));
    for (raw_no, text) in removed {
        doc.reject(raw_no, "mojibake", "unrecoverable-mojibake", &text);
    }
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

/// Pair documents and align each pair into corpus rows.
fn align_batch(
    aligner: &Aligner,
    docs: &[Document],
    bar: &impl Fn(usize, &str) -> ProgressBar,
) -> (Vec<CorpusRow>, Vec<(String, String, f64)>) {
    let candidates: Vec<&Document> = docs
        .iter()
        .filter(|d| matches!(d.lang, Lang::Zh | Lang::En) && !d.sentences.is_empty())
        .collect();
    let for_pairing: Vec<DocForPairing> = candidates
        .iter()
        .map(|d| DocForPairing {
            id: d.id.clone(),
            lang: d.lang.code().to_string(),
            sentences: d.sentences.clone(),
        })
        .collect();
    let mut pairs = aligner.pair_documents(&for_pairing);
    pairs.sort_by_key(|p| (p.src, p.tgt));
    let pb = bar(pairs.len(), "align");
    let per_pair: Vec<Vec<CorpusRow>> = pairs
        .par_iter()
        .filter_map(|pair| {
            let src = candidates.get(pair.src)?;
            let tgt = candidates.get(pair.tgt)?;
            let beads = aligner.align(
                &src.sentences,
                &tgt.sentences,
                src.lang.code(),
                tgt.lang.code(),
            );
            let join = |doc: &Document, ids: &[usize]| {
                let sep = if doc.lang == Lang::Zh { "" } else { " " };
                ids.iter()
                    .filter_map(|&i| doc.sentences.get(i).map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            let ids = |ids: &[usize]| {
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let rows = beads
                .iter()
                // Null beads are not pairs, and beads the aligner is unsure of stay out of the corpus.
                .filter(|b| {
                    !b.src.is_empty() && !b.tgt.is_empty() && b.score >= aligner.min_bead_score()
                })
                .map(|b| CorpusRow {
                    id: 0,
                    src_doc: src.id.clone(),
                    tgt_doc: tgt.id.clone(),
                    src_lang: src.lang.code().to_string(),
                    tgt_lang: tgt.lang.code().to_string(),
                    src_text: join(src, &b.src),
                    tgt_text: join(tgt, &b.tgt),
                    bead: format!("{}-{}", b.src.len(), b.tgt.len()),
                    score: format!("{:.4}", b.score.clamp(0.0, 1.0)),
                    src_sentences: ids(&b.src),
                    tgt_sentences: ids(&b.tgt),
                })
                .collect();
            pb.inc(1);
            Some(rows)
        })
        .collect();
    pb.finish_and_clear();
    let mut rows: Vec<CorpusRow> = per_pair.into_iter().flatten().collect();
    for (i, row) in rows.iter_mut().enumerate() {
        row.id = i + 1;
    }
    let pair_ids = pairs
        .iter()
        .filter_map(|p| {
            Some((
                candidates.get(p.src)?.id.clone(),
                candidates.get(p.tgt)?.id.clone(),
                p.score,
            ))
        })
        .collect();
    (rows, pair_ids)
}

#[derive(Serialize)]
struct Report<'a> {
    tool: &'static str,
    version: &'static str,
    config_hash: String,
    inputs: usize,
    documents: usize,
    failed: &'a [InputFailure],
    skipped: &'a [String],
    bytes_in: u64,
    lines: LineCounts,
    changed_lines: BTreeMap<&'static str, usize>,
    removed_by_reason: BTreeMap<String, usize>,
    removed_by_stage: BTreeMap<&'static str, usize>,
    document_pairs: Vec<serde_json::Value>,
    corpus_rows: usize,
    timings_ms: &'a BTreeMap<&'static str, u128>,
    seconds_total: f64,
    throughput_mb_per_s: f64,
}

#[derive(Serialize, Default)]
struct LineCounts {
    raw: usize,
    blank: usize,
    kept: usize,
    rejected_rows: usize,
}

fn build_report<'a>(
    pipeline: &Pipeline,
    batch: &'a BatchResult,
    inputs: &[Input],
    skipped: &'a [String],
    seconds: f64,
) -> Report<'a> {
    let mut lines = LineCounts::default();
    let mut changed: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut by_reason: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_stage: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut bytes_in = 0;
    for doc in &batch.docs {
        bytes_in += doc.bytes;
        lines.raw += doc.stats.raw_lines;
        lines.blank += doc.stats.blank_lines;
        lines.kept += doc.lines.len();
        lines.rejected_rows += doc.rejects.len();
        for (stage, n) in &doc.stats.changed {
            *changed.entry(stage).or_default() += n;
        }
        for r in &doc.rejects {
            *by_reason.entry(r.reason.clone()).or_default() += 1;
            *by_stage.entry(r.stage).or_default() += 1;
        }
    }
    Report {
        tool: "cleanalign",
        version: env!("CARGO_PKG_VERSION"),
        config_hash: pipeline.config.hash(),
        inputs: inputs.len(),
        documents: batch.docs.len(),
        failed: &batch.failures,
        skipped,
        bytes_in,
        lines,
        changed_lines: changed,
        removed_by_reason: by_reason,
        removed_by_stage: by_stage,
        document_pairs: batch
            .doc_pairs
            .iter()
            .map(|(s, t, score)| serde_json::json!({"src_doc": s, "tgt_doc": t, "score": score}))
            .collect(),
        corpus_rows: batch.corpus.len(),
        timings_ms: &batch.timings_ms,
        seconds_total: seconds,
        throughput_mb_per_s: if seconds > 0.0 {
            bytes_in as f64 / 1e6 / seconds
        } else {
            0.0
        },
    }
}

/// Build a rayon pool with `jobs` threads (0: one per core) and run `f` in it.
pub fn with_jobs<T: Send>(jobs: usize, f: impl FnOnce() -> T + Send) -> Result<T, RunError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;
    Ok(pool.install(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*", "a.txt"));
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "a.md"));
        assert!(glob_match("README*", "README.md"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match(".*", "a.txt"));
        assert!(glob_match("*a*b*", "xxaxxbxx"));
    }
}
