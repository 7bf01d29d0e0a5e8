"""`cleanalign run`'s cleaning as datatrove pipelines, cross-document statistics included.

`cleanalign run` cleans in two passes: the first counts, for every line key (a normalised hash of a line), in
how many documents of the batch it occurs; the second cleans each document with those counts (a line found in
many documents is boilerplate evidence). Here the same happens in datatrove's signature -> merge -> filter
style, as its sentence deduplication does:

1. `LineKeySignature` (any number of tasks): every document decoded and repaired, its distinct line keys
   counted within the task, written sorted to ``work_dir/line_keys/<bucket>/<rank>.linekeys``, with the number
   of documents the task loaded;
2. `LineKeyMerge` (one task per bucket): the counts of one key range summed over all tasks; keys found in more
   than one document written to ``work_dir/line_counts/<bucket>.counts``, the total of documents beside them;
3. `CleanDocuments` (any number of tasks): every document cleaned with the merged counts; its text replaced by
   the text of ``docs/<id>.txt`` of `cleanalign run`, its metadata extended with what cleaning found (language,
   title, date, author, ...), and the removed lines written to ``work_dir/rejected/<rank>.jsonl`` in the rows
   of `rejected.jsonl`. A document that cannot be read is dropped, with a row saying why.

    from cleanalign.datatrove import pipeline_steps
    scan, merge, clean = pipeline_steps(JsonlReader("in/"), JsonlWriter("out/"), "work/")
    # run them in order, e.g. with LocalPipelineExecutor(scan, tasks=8), then (merge, tasks=1), then
    # (clean, tasks=8), each depending on the one before; Slurm and Ray executors take the same lists.

Files: little-endian records of (key u64, count u32), sorted by key. Nothing here holds a native object
between calls: steps carry the configuration as TOML text and build the pipeline in each task, so they pickle
to any executor.
"""

from __future__ import annotations

import copy
import json
import os
from typing import Iterable

import numpy as np
from datatrove.data import DocumentsPipeline
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep

from . import InputError, LineCounts, Pipeline

__all__ = ["LineKeySignature", "LineKeyMerge", "CleanDocuments", "pipeline_steps"]

RECORD = np.dtype([("key", "<u8"), ("count", "<u4")])
SIGNATURES = "line_keys"
COUNTS = "line_counts"
REJECTED = "rejected"
# A task folds the keys it has gathered into its running counts whenever this many are waiting.
FOLD_EVERY = 1 << 22


def _config_text(config: str | os.PathLike | None) -> str | None:
    """The text of a pipeline.toml, read once where the steps are built."""
    if config is None:
        return None
    with open(config, encoding="utf-8") as f:
        return f.read()


def _pipeline(config_text: str | None) -> Pipeline:
    return Pipeline(toml=config_text) if config_text is not None else Pipeline()


def _fold(records: np.ndarray) -> np.ndarray:
    """Records with equal keys summed into one, sorted by key."""
    if len(records) == 0:
        return np.zeros(0, dtype=RECORD)
    records = records[np.argsort(records["key"], kind="stable")]
    starts = np.flatnonzero(np.r_[True, records["key"][1:] != records["key"][:-1]])
    out = np.zeros(len(starts), dtype=RECORD)
    out["key"] = records["key"][starts]
    out["count"] = np.add.reduceat(records["count"].astype(np.uint64), starts).astype(np.uint32)
    return out


def _bucket_bounds(buckets: int) -> list[int]:
    """The first key of each bucket after the first: buckets split the key space into equal ranges."""
    width = (1 << 64) // buckets
    return [width * i for i in range(1, buckets)]


class LineKeySignature(PipelineStep):
    """Step 1: the line keys of this task's documents, counted per key over the task's documents.

    Args:
        output_folder: where the per-task counts go (``work_dir/line_keys``).
        config: path of a pipeline.toml (read now, shipped as text), or None for the defaults.
        buckets: key ranges, one `LineKeyMerge` task each; give `LineKeyMerge` as many tasks.
        html: the documents are HTML pages (reduced to their main content first, as `run` does for .html).
    """

    type = "🧹 - CLEANALIGN"
    name = "🔑 line keys (1/3)"

    def __init__(
        self,
        output_folder: DataFolderLike,
        config: str | os.PathLike | None = None,
        buckets: int = 1,
        html: bool = False,
        config_text: str | None = None,
    ):
        super().__init__()
        if buckets < 1:
            raise ValueError("buckets must be >= 1")
        self.output_folder = get_datafolder(output_folder)
        self.config_text = config_text if config_text is not None else _config_text(config)
        self.buckets = buckets
        self.html = html

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        pipeline = _pipeline(self.config_text)
        counted = np.zeros(0, dtype=RECORD)
        waiting: list[np.ndarray] = []
        n_waiting = 0
        loaded = failed = 0
        for doc in data or ():
            self.stat_update("documents")
            with self.track_time():
                try:
                    keys = pipeline.line_keys(doc.text, str(doc.id), html=self.html)
                except (InputError, UnicodeEncodeError, TypeError):
                    # Counted nowhere, as `run` counts a document that fails to load; step 3 says why.
                    failed += 1
                    self.stat_update("failed")
                    continue
                loaded += 1
                if keys:
                    waiting.append(np.array(keys, dtype=np.uint64))
                    n_waiting += len(keys)
                if n_waiting >= FOLD_EVERY:
                    counted = self._fold_in(counted, waiting)
                    waiting, n_waiting = [], 0
        counted = self._fold_in(counted, waiting)
        self.stat_update("keys", value=len(counted), unit="task")
        bounds = np.searchsorted(counted["key"], np.array(_bucket_bounds(self.buckets), dtype=np.uint64))
        for bucket, part in enumerate(np.split(counted, bounds)):
            with self.output_folder.open(f"{bucket:04d}/{rank:05d}.linekeys", mode="wb") as f:
                f.write(part.tobytes())
        with self.output_folder.open(f"documents/{rank:05d}.json", mode="wt") as f:
            json.dump({"loaded": loaded, "failed": failed}, f)
        return
        yield  # a generator, like every step; it passes no documents on

    @staticmethod
    def _fold_in(counted: np.ndarray, waiting: list[np.ndarray]) -> np.ndarray:
        if not waiting:
            return counted
        keys = np.concatenate(waiting)
        fresh = np.zeros(len(keys), dtype=RECORD)
        fresh["key"] = keys
        fresh["count"] = 1
        return _fold(np.concatenate([counted, fresh]))


class LineKeyMerge(PipelineStep):
    """Step 2: one bucket's counts summed over every task of step 1 (run it with `buckets` tasks).

    Args:
        input_folder: the folder step 1 wrote (``work_dir/line_keys``).
        output_folder: where the merged counts go (``work_dir/line_counts``).
    """

    type = "🧹 - CLEANALIGN"
    name = "➕ line counts (2/3)"

    def __init__(self, input_folder: DataFolderLike, output_folder: DataFolderLike):
        super().__init__()
        self.input_folder = get_datafolder(input_folder)
        self.output_folder = get_datafolder(output_folder)

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        buckets = sorted(
            {path.split("/")[0] for path in self.input_folder.list_files(glob_pattern="*/*.linekeys")}
        )
        if len(buckets) != world_size:
            raise ValueError(
                f"step 1 wrote {len(buckets)} key buckets but this step runs {world_size} tasks: give it "
                "as many tasks as LineKeySignature has buckets"
            )
        with self.track_time(unit="bucket"):
            parts = []
            for path in self.input_folder.list_files(subdirectory=f"{rank:04d}", glob_pattern="*.linekeys"):
                with self.input_folder.open(path, mode="rb") as f:
                    parts.append(np.frombuffer(f.read(), dtype=RECORD))
            merged = _fold(np.concatenate(parts)) if parts else np.zeros(0, dtype=RECORD)
            # A key found in one document counts 1 whether listed or not: only the others are kept.
            shared = merged[merged["count"] > 1]
            self.stat_update("keys", value=len(merged), unit="bucket")
            self.stat_update("shared_keys", value=len(shared), unit="bucket")
            with self.output_folder.open(f"{rank:04d}.counts", mode="wb") as f:
                f.write(shared.tobytes())
            if rank == 0:
                loaded = failed = tasks = 0
                for path in self.input_folder.list_files(subdirectory="documents", glob_pattern="*.json"):
                    with self.input_folder.open(path, mode="rt") as f:
                        found = json.load(f)
                    loaded += found["loaded"]
                    failed += found["failed"]
                    tasks += 1
                with self.output_folder.open("documents.json", mode="wt") as f:
                    json.dump({"documents": loaded, "failed": failed, "tasks": tasks}, f)
        return
        yield


class CleanDocuments(PipelineStep):
    """Step 3: every document cleaned as `cleanalign run` cleans it, with the batch's merged line counts.

    Args:
        counts_folder: the folder step 2 wrote (``work_dir/line_counts``).
        rejected_folder: where the removed lines go, one ``<rank>.jsonl`` per task (``work_dir/rejected``).
        config: path of a pipeline.toml (read now, shipped as text), or None for the defaults.
        html: the documents are HTML pages.
    """

    type = "🧹 - CLEANALIGN"
    name = "🧽 clean (3/3)"

    def __init__(
        self,
        counts_folder: DataFolderLike,
        rejected_folder: DataFolderLike,
        config: str | os.PathLike | None = None,
        html: bool = False,
        config_text: str | None = None,
    ):
        super().__init__()
        self.counts_folder = get_datafolder(counts_folder)
        self.rejected_folder = get_datafolder(rejected_folder)
        self.config_text = config_text if config_text is not None else _config_text(config)
        self.html = html

    def _line_counts(self) -> LineCounts:
        with self.counts_folder.open("documents.json", mode="rt") as f:
            documents = json.load(f)["documents"]
        parts = []
        # Buckets are key ranges in order, so their files concatenate into one sorted array.
        for path in self.counts_folder.list_files(glob_pattern="*.counts", recursive=False):
            with self.counts_folder.open(path, mode="rb") as f:
                parts.append(np.frombuffer(f.read(), dtype=RECORD))
        merged = np.concatenate(parts) if parts else np.zeros(0, dtype=RECORD)
        return LineCounts(
            np.ascontiguousarray(merged["key"]).tobytes(),
            np.ascontiguousarray(merged["count"]).tobytes(),
            documents,
        )

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        pipeline = _pipeline(self.config_text)
        counts = self._line_counts()
        with self.rejected_folder.open(f"{rank:05d}.jsonl", mode="wt") as rejected:
            for doc in data or ():
                self.stat_update("documents")
                with self.track_time():
                    try:
                        cleaned = pipeline.clean(doc.text, str(doc.id), line_counts=counts, html=self.html)
                    except (InputError, UnicodeEncodeError, TypeError) as e:
                        self.stat_update("failed")
                        _write_rows(rejected, [_failure_row(doc.id, e)])
                        continue
                    doc.text = cleaned["text"]
                    for field, value in cleaned["metadata"].items():
                        if value or field not in doc.metadata:
                            doc.metadata[field] = value
                    _write_rows(rejected, ({"doc": doc.id, **row} for row in cleaned["rejected"]))
                    self.stat_update("rejected_lines", value=len(cleaned["rejected"]))
                self.update_doc_stats(doc)
                yield doc


def _failure_row(doc_id, error: Exception) -> dict:
    """The row `run` writes for a document that failed to load."""
    message = str(error)
    prefix = f"{doc_id}: "
    return {
        "doc": doc_id,
        "line": 0,
        "stage": "decode",
        "reason": "input-failed",
        "text": message[len(prefix) :] if message.startswith(prefix) else message,
    }


def _write_rows(out, rows: Iterable[dict]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")


def pipeline_steps(
    reader: PipelineStep,
    writer: PipelineStep | None,
    work_dir: DataFolderLike,
    config: str | os.PathLike | None = None,
    buckets: int = 1,
    html: bool = False,
) -> list[list[PipelineStep]]:
    """The three datatrove pipelines that reproduce `cleanalign run`'s cleaned documents, to run in order.

    Args:
        reader: a datatrove reader of the documents (it is copied: each pipeline reads them afresh).
        writer: where the cleaned documents go (or None, to keep only the rejected rows and stats).
        work_dir: a folder (local or remote) for the counts and the rejected rows.
        config: path of a pipeline.toml, or None for the defaults (not ./pipeline.toml: say which).
        buckets: key ranges of the counts; the second pipeline needs exactly this many tasks.
        html: the documents are HTML pages.

    Returns:
        ``[scan, merge, clean]``: give ``scan`` and ``clean`` any number of tasks, ``merge`` ``buckets``.
    """
    work = get_datafolder(work_dir)
    text = _config_text(config)
    scan = [
        copy.deepcopy(reader),
        LineKeySignature(_sub(work, SIGNATURES), config_text=text, buckets=buckets, html=html),
    ]
    merge = [LineKeyMerge(_sub(work, SIGNATURES), _sub(work, COUNTS))]
    clean = [
        copy.deepcopy(reader),
        CleanDocuments(_sub(work, COUNTS), _sub(work, REJECTED), config_text=text, html=html),
    ]
    if writer is not None:
        clean.append(writer)
    return [scan, merge, clean]


def _sub(folder, name: str):
    """A sub-folder of a datatrove DataFolder, on the same filesystem."""
    return get_datafolder((folder.path.rstrip("/") + "/" + name, folder.fs))
