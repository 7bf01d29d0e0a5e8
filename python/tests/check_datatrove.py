"""`cleanalign.datatrove.pipeline_steps` under datatrove's LocalPipelineExecutor with 3 tasks, on JSONL input,
against `cleanalign run` on the same JSONL (run by scripts/check_python.sh; the binary is CLEANALIGN_BIN).

Checks: the same documents, each text byte for byte equal to `run`'s docs/<id>.txt; the same rejected rows;
the same language and title per document; and that the cross-document counts mattered (some documents come
out differently when cleaned alone), so that a step ignoring them would fail here.

The input: the bundled raw/ pages as records, and generated news records in zh and en that share navigation
and footer lines across files (what the counts are for), spread over four JSONL files.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import cleanalign
from cleanalign.datatrove import pipeline_steps

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("CLEANALIGN_BIN", str(ROOT / "target" / "release" / "cleanalign"))
CONFIG = ROOT / "pipeline.toml"
TASKS = 3


def seed_records() -> list[dict]:
    records = []
    for path in sorted((ROOT / "raw").glob("*.txt")):
        data = path.read_bytes()
        for encoding in ("utf-8", "gb18030", "big5"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            continue
        records.append({"id": f"seed-{path.stem}", "text": text, "url": f"https://example.org/{path.stem}"})
    return records


def news_records(site: str, lang: str, n: int, first: int = 0) -> list[dict]:
    """Articles of one site: different bodies, the same page chrome. The tagline is removed only by the
    cross-document counts (a fragment found in many documents of a large batch); the navigation and the
    footer by the rules of each document."""
    if lang == "zh":
        tagline = f"{site}日报 晚间版"
        nav = f"首页 > {site}新闻 > 本地"
        footer = f"版权所有 © 2024 {site}日报社 保留所有权利 联系邮箱：news@{site}.example.cn"
        bodies = [
            f"第{i}篇报道：老城区的图书馆在翻新两年后重新开放，读者数量明显回升。市政府表示，"
            f"这项工程说明老建筑也可以在市中心承担新的功能。第{i}位受访的居民说，她每周都会带孩子来这里。"
            for i in range(first, first + n)
        ]
    else:
        tagline = f"{site} Daily evening edition"
        nav = f"Home > {site} News > Local"
        footer = f"Copyright © 2024 {site} Daily. All rights reserved. Contact: news@{site}.example.com"
        bodies = [
            f"Report {i}: the library in the old town reopened after a two-year renovation, and readers came "
            f"back in numbers. The council said the project shows that old buildings can serve new purposes. "
            f"Resident number {i} said she brings her children every week."
            for i in range(first, first + n)
        ]
    return [
        {"id": f"{site}-{lang}-{i:03d}", "text": f"{tagline}\n{nav}\n{body}\n{footer}\n", "source": site}
        for i, body in enumerate(bodies, start=first)
    ]


def write_inputs(raw: Path) -> None:
    raw.mkdir(parents=True)
    files = {
        "news_a.jsonl": news_records("harbour", "en", 5) + news_records("harbour", "zh", 4),
        "news_b.jsonl": news_records("harbour", "en", 3, first=5) + news_records("valley", "zh", 5),
        "news_c.jsonl": news_records("valley", "en", 4)
        # A record with no id (its doc id is its line number) and one whose text is only blank lines.
        + [{"text": "Home > valley News > Local\nA short note with no id field at all.\n"}]
        + [{"id": "blank-lines", "text": "  \n\n \n"}],
        "seeds.jsonl": seed_records(),
    }
    for name, records in files.items():
        with open(raw / name, "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_doc_id(doc: dict) -> str:
    """The doc id `cleanalign run` gives a record that datatrove read as `doc`."""
    file_name = Path(doc["metadata"]["file_path"]).name
    stem = file_name.removesuffix(".jsonl")
    doc_id = str(doc["id"])
    if doc_id.startswith(f"{file_name}/"):
        # datatrove names a record without an id `<path>/<0-based index>`; run `<stem>/<1-based line>`.
        return f"{stem}/{int(doc_id.rsplit('/', 1)[1]) + 1}"
    return f"{stem}/{doc_id}"


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="cleanalign-datatrove-"))
    raw = work / "raw"
    write_inputs(raw)

    # cleanalign run on the same JSONL.
    subprocess.run(
        [BIN, "run", "--config", str(CONFIG), "--raw", str(raw), "--out", str(work / "run"), "--quiet"],
        check=True,
    )
    run_docs = {
        str(p.relative_to(work / "run" / "docs").with_suffix("")): p.read_bytes()
        for p in (work / "run" / "docs").rglob("*.txt")
    }

    # The datatrove pipelines, three tasks each for scanning and cleaning.
    reader = JsonlReader(str(raw), glob_pattern="*.jsonl", compression=None)
    writer = JsonlWriter(str(work / "dt_out"), compression=None)
    scan, merge, clean = pipeline_steps(reader, writer, str(work / "dt_work"), config=CONFIG)
    logs = work / "dt_logs"
    scan_ex = LocalPipelineExecutor(scan, tasks=TASKS, logging_dir=str(logs / "scan"))
    merge_ex = LocalPipelineExecutor(merge, tasks=1, logging_dir=str(logs / "merge"), depends=scan_ex)
    clean_ex = LocalPipelineExecutor(clean, tasks=TASKS, logging_dir=str(logs / "clean"), depends=merge_ex)
    clean_ex.run()

    dt_docs = {}
    for path in sorted((work / "dt_out").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            doc_id = run_doc_id(doc)
            assert doc_id not in dt_docs, f"{doc_id} twice"
            dt_docs[doc_id] = doc
    tasks_done = len(list((work / "dt_work" / "line_keys" / "documents").glob("*.json")))

    failures = []
    if set(dt_docs) != set(run_docs):
        failures.append(f"documents differ: only run {sorted(set(run_docs) - set(dt_docs))}, "
                        f"only datatrove {sorted(set(dt_docs) - set(run_docs))}")
    same = 0
    for doc_id in sorted(set(dt_docs) & set(run_docs)):
        # datatrove's writer leaves out an empty text.
        text = dt_docs[doc_id].get("text", "").encode("utf-8")
        if text == run_docs[doc_id]:
            same += 1
        else:
            failures.append(f"{doc_id}: text differs\n  run: {run_docs[doc_id][:200]!r}\n  dt:  {text[:200]!r}")

    # Rejected rows, as multisets over (doc, line, stage, reason, text).
    id_of = {str(doc["id"]): doc_id for doc_id, doc in dt_docs.items()}
    run_rows = Counter()
    for line in (work / "run" / "rejected.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        run_rows[(row["doc"], row["line"], row["stage"], row["reason"], row["text"])] += 1
    dt_rows = Counter()
    for path in sorted((work / "dt_work" / "rejected").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            doc = id_of.get(str(row["doc"]), str(row["doc"]))
            dt_rows[(doc, row["line"], row["stage"], row["reason"], row["text"])] += 1
    if run_rows != dt_rows:
        failures.append(f"rejected rows differ: only run {list((run_rows - dt_rows).items())[:5]}, "
                        f"only datatrove {list((dt_rows - run_rows).items())[:5]}")

    # Language and title per document, against metadata.csv.
    with open(work / "run" / "metadata.csv", encoding="utf-8", newline="") as f:
        meta = {row["doc"]: row for row in csv.DictReader(f)}
    for doc_id, doc in dt_docs.items():
        row = meta.get(doc_id)
        got = (doc["metadata"].get("lang"), doc["metadata"].get("title", ""))
        if row is None or got != (row["lang"], row["title"]):
            failures.append(f"{doc_id}: metadata {got} vs metadata.csv {row and (row['lang'], row['title'])}")

    # The counts must have mattered: cleaned alone, some documents come out differently.
    pipeline = cleanalign.Pipeline(CONFIG)
    by_run_id = {}
    for path in sorted(raw.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            record = json.loads(line)
            by_run_id[f"{path.stem}/{record.get('id', number)}"] = record["text"]
    changed_by_counts = sum(
        pipeline.clean(by_run_id[doc_id], doc_id)["text"].encode() != run_docs[doc_id] for doc_id in run_docs
    )
    if changed_by_counts == 0:
        failures.append("no document depends on the cross-document counts: the check has no teeth")
    if tasks_done != TASKS:
        failures.append(f"{tasks_done} scan tasks wrote counts, expected {TASKS}")

    print(
        f"datatrove: {len(dt_docs)} documents from {len(list(raw.glob('*.jsonl')))} JSONL files in {TASKS} tasks; "
        f"{same} of {len(run_docs)} equal to `cleanalign run`'s docs/ byte for byte; "
        f"{sum(dt_rows.values())} rejected rows ({sum(run_rows.values())} in run's rejected.jsonl); "
        f"{changed_by_counts} documents cleaned differently without the cross-document counts"
    )
    for failure in failures:
        print(f"FAIL {failure}")
    if failures:
        print(f"kept for a look: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"datatrove: {0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
