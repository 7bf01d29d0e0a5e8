//! The extension module `cleanalign._native`: the library's entry points for Python, built by maturin into
//! the `cleanalign` package (its Python side, with the datatrove steps, is python/cleanalign/).
//!
//! What lives here: argument conversion, the configuration a Python call names, and results turned into
//! Python values. Nothing is cleaned, repaired or aligned here that the library does not do for the CLI: the
//! functions call [`FixChain::fix_text`], [`Pipeline::prepare`] and [`Pipeline::clean`], [`line_keys`] and
//! [`Aligner::align`]. The work runs with the interpreter released, so Python threads can run it side by side.
//!
//! Imports the `cleanalign` library (its public API only) and pyo3. The binary never links this crate.

use cleanalign::align::Aligner;
use cleanalign::config::{self, Config};
use cleanalign::doc::Document;
use cleanalign::fix::{FixChain, FIX_STAGES};
use cleanalign::pipeline::{line_keys, Pipeline};
use cleanalign::validate::FieldError;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

pyo3::create_exception!(
    _native,
    InputError,
    PyValueError,
    "A document that cannot be read (binary data, an undecodable encoding, over the size limit)."
);

/// At most this many built chains or aligners are kept between calls, per kind.
const CACHE_LIMIT: usize = 16;

/// A configuration file read as `cleanalign --config FILE` reads it; `None` is the built-in defaults.
fn load_config(path: Option<&Path>) -> PyResult<Config> {
    match path {
        None => Ok(Config::default()),
        Some(path) => {
            config::load(path, true).map_err(|errors| PyValueError::new_err(errors.to_string()))
        }
    }
}

fn field_errors(context: &str, errors: &[FieldError]) -> PyErr {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("{context}`{}`: {}", e.key, e.message))
        .collect();
    PyValueError::new_err(lines.join("\n"))
}

/// A small cache of values that take time to build (script tables, the dictionary), keyed by what built them.
struct Cache<K, V> {
    map: OnceLock<Mutex<HashMap<K, Arc<V>>>>,
}

impl<K: std::hash::Hash + Eq, V> Cache<K, V> {
    const fn new() -> Self {
        Cache {
            map: OnceLock::new(),
        }
    }

    fn get_or_build(&self, key: K, build: impl FnOnce() -> PyResult<V>) -> PyResult<Arc<V>> {
        let map = self.map.get_or_init(|| Mutex::new(HashMap::new()));
        if let Some(found) = map.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(found);
        }
        let built = Arc::new(build()?);
        if let Ok(mut m) = map.lock() {
            if m.len() >= CACHE_LIMIT {
                m.clear();
            }
            m.insert(key, Arc::clone(&built));
        }
        Ok(built)
    }
}

/// `stages` as the CLI's `--stages` takes it: a comma-separated string, or a list of names; `None` is all.
fn stage_names(stages: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let names: Vec<String> = match stages {
        None => return Ok(FIX_STAGES.iter().map(|s| s.to_string()).collect()),
        Some(value) => match value.cast::<PyString>() {
            Ok(text) => text.to_cow()?.split(',').map(str::to_string).collect(),
            Err(_) => value.extract()?,
        },
    };
    Ok(names
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect())
}

/// Repair every line of `text` like `cleanalign fix`: line N out is line N in, repaired.
#[pyfunction]
#[pyo3(signature = (text, stages=None, to="zh-Hans", config=None))]
fn fix(
    py: Python<'_>,
    text: String,
    stages: Option<&Bound<'_, PyAny>>,
    to: &str,
    config: Option<PathBuf>,
) -> PyResult<String> {
    static CHAINS: Cache<(Option<PathBuf>, Vec<String>, String), FixChain> = Cache::new();
    let stages = stage_names(stages)?;
    let key = (config.clone(), stages.clone(), to.to_string());
    let chain = CHAINS.get_or_build(key, || {
        let config = load_config(config.as_deref())?;
        FixChain::new(&config, &stages, to).map_err(|errors| field_errors("", &errors))
    })?;
    Ok(py.detach(|| chain.fix_text(&text)))
}

/// A bead as Python sees it: (source ids, target ids, score).
type PyBead = (Vec<usize>, Vec<usize>, f64);

/// Align two lists of sentences like `cleanalign align`: beads as (source ids, target ids, score).
#[pyfunction]
#[pyo3(signature = (src, tgt, src_lang="zh", tgt_lang="en", config=None))]
fn align(
    py: Python<'_>,
    src: Vec<String>,
    tgt: Vec<String>,
    src_lang: &str,
    tgt_lang: &str,
    config: Option<PathBuf>,
) -> PyResult<Vec<PyBead>> {
    static ALIGNERS: Cache<Option<PathBuf>, Aligner> = Cache::new();
    let aligner = ALIGNERS.get_or_build(config.clone(), || {
        let config = load_config(config.as_deref())?;
        config
            .align
            .build()
            .map_err(|errors| field_errors("align.", &errors))
    })?;
    let beads = py.detach(|| aligner.align(&src, &tgt, src_lang, tgt_lang));
    Ok(beads
        .into_iter()
        .map(|bead| (bead.src, bead.tgt, bead.score))
        .collect())
}

/// A document given as text (UTF-8 by construction) or as raw bytes (decoded like a file).
#[derive(FromPyObject)]
enum DocumentInput {
    Text(String),
    Bytes(Vec<u8>),
}

impl DocumentInput {
    fn into_bytes(self) -> Vec<u8> {
        match self {
            DocumentInput::Text(text) => text.into_bytes(),
            DocumentInput::Bytes(bytes) => bytes,
        }
    }
}

/// In how many documents of a batch each line key occurs, and how many documents the batch loaded: the
/// cross-document statistics of `cleanalign run`'s first pass, gathered elsewhere (the datatrove steps).
///
/// Built from two little-endian arrays of equal length: `keys` (u64, strictly increasing) and `counts`
/// (u32). A key that is not listed occurs in one document.
#[pyclass(frozen, module = "cleanalign")]
struct LineCounts {
    keys: Vec<u64>,
    counts: Vec<u32>,
    documents: u32,
}

impl LineCounts {
    fn count(&self, key: u64) -> u32 {
        self.keys.binary_search(&key).map_or(1, |i| self.counts[i])
    }
}

#[pymethods]
impl LineCounts {
    #[new]
    fn new(keys: &[u8], counts: &[u8], documents: u32) -> PyResult<Self> {
        if keys.len() % 8 != 0 || counts.len() % 4 != 0 || keys.len() / 8 != counts.len() / 4 {
            return Err(PyValueError::new_err(format!(
                "keys ({} bytes) and counts ({} bytes) must hold the same number of u64 and u32 values",
                keys.len(),
                counts.len()
            )));
        }
        let keys: Vec<u64> = keys
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect();
        let counts: Vec<u32> = counts
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect();
        if let Some(i) = keys.windows(2).position(|w| w[0] >= w[1]) {
            return Err(PyValueError::new_err(format!(
                "keys must be strictly increasing (position {} is not)",
                i + 1
            )));
        }
        Ok(LineCounts {
            keys,
            counts,
            documents,
        })
    }

    /// The number of documents of the batch.
    #[getter]
    fn documents(&self) -> u32 {
        self.documents
    }

    /// In how many documents a line with this key occurs.
    fn get(&self, key: u64) -> u32 {
        self.count(key)
    }

    fn __len__(&self) -> usize {
        self.keys.len()
    }
}

/// The pipeline of `cleanalign run`, built from a `pipeline.toml` (or the defaults), cleaning one document
/// at a time.
#[pyclass(frozen, name = "Pipeline", module = "cleanalign")]
struct PyPipeline {
    inner: Pipeline,
}

impl PyPipeline {
    fn prepare(&self, name: &str, bytes: &[u8], html: bool) -> Result<Document, String> {
        let path = PathBuf::from(name);
        let prepared = if html {
            self.inner.prepare_html(name, path, bytes, None)
        } else {
            self.inner.prepare(name, path, bytes)
        };
        prepared.map_err(|e| format!("{name}: {e}"))
    }
}

#[pymethods]
impl PyPipeline {
    /// `config` is the path of a `pipeline.toml`; `toml` is the text of one (what a step shipped to a cluster
    /// carries, so that workers need no shared file); neither is the built-in defaults.
    #[new]
    #[pyo3(signature = (config=None, *, toml=None))]
    fn new(config: Option<PathBuf>, toml: Option<&str>) -> PyResult<Self> {
        let config = match (config, toml) {
            (Some(_), Some(_)) => {
                return Err(PyValueError::new_err(
                    "give a config path or TOML text, not both",
                ))
            }
            (None, Some(text)) => config::parse(text, Path::new("<toml>"))
                .map_err(|errors| PyValueError::new_err(errors.to_string()))?,
            (path, None) => load_config(path.as_deref())?,
        };
        let inner = Pipeline::from_config(config).map_err(|errors| field_errors("", &errors))?;
        Ok(PyPipeline { inner })
    }

    /// Clean one document: `{"text", "metadata", "rejected"}`. Alone, the document is a batch of one;
    /// with `line_counts`, it is cleaned as one document of the batch those counts describe.
    #[pyo3(signature = (text, name="doc", *, line_counts=None, html=false))]
    fn clean<'py>(
        &self,
        py: Python<'py>,
        text: DocumentInput,
        name: &str,
        line_counts: Option<PyRef<'py, LineCounts>>,
        html: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        let bytes = text.into_bytes();
        let counts: Option<&LineCounts> = line_counts.as_deref();
        let doc = py
            .detach(|| {
                let mut doc = self.prepare(name, &bytes, html)?;
                let (freq, documents) = match counts {
                    Some(c) => (
                        doc.lines
                            .iter()
                            .map(|l| c.count(cleanalign::stages::boilerplate::line_key(&l.text)))
                            .collect(),
                        c.documents,
                    ),
                    None => (vec![1; doc.lines.len()], 1),
                };
                self.inner.clean(&mut doc, &freq, documents.max(1));
                Ok::<Document, String>(doc)
            })
            .map_err(InputError::new_err)?;
        cleaned_dict(py, doc)
    }

    /// The sorted distinct line keys of a document after decoding and repair: what it adds to the batch's
    /// line counts (the first pass of `cleanalign run`).
    #[pyo3(signature = (text, name="doc", *, html=false))]
    fn line_keys(
        &self,
        py: Python<'_>,
        text: DocumentInput,
        name: &str,
        html: bool,
    ) -> PyResult<Vec<u64>> {
        let bytes = text.into_bytes();
        py.detach(|| self.prepare(name, &bytes, html).map(|doc| line_keys(&doc)))
            .map_err(InputError::new_err)
    }
}

/// A cleaned document as Python values: the text of `docs/<id>.txt`, its `metadata.csv` row and its
/// `rejected.jsonl` rows.
fn cleaned_dict(py: Python<'_>, doc: Document) -> PyResult<Bound<'_, PyDict>> {
    let metadata = PyDict::new(py);
    metadata.set_item("lang", doc.lang.code())?;
    metadata.set_item("script_in", doc.script_in)?;
    metadata.set_item("encoding", &doc.encoding)?;
    metadata.set_item("title", &doc.meta.title)?;
    for (field, value) in &doc.meta.fields {
        metadata.set_item(field, value)?;
    }
    let mut rejects = doc.rejects.clone();
    // Ordered by raw line as in rejected.jsonl; the sort is stable, so stage order is kept within a line.
    rejects.sort_by_key(|r| r.line);
    let rejected = PyList::empty(py);
    for reject in rejects {
        let row = PyDict::new(py);
        row.set_item("line", reject.line)?;
        row.set_item("stage", reject.stage)?;
        row.set_item("reason", reject.reason)?;
        row.set_item("text", reject.text)?;
        rejected.append(row)?;
    }
    let result = PyDict::new(py);
    result.set_item("text", doc.cleaned_text())?;
    result.set_item("metadata", metadata)?;
    result.set_item("rejected", rejected)?;
    Ok(result)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(align, m)?)?;
    m.add_class::<PyPipeline>()?;
    m.add_class::<LineCounts>()?;
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add("FIX_STAGES", FIX_STAGES.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
