"""The package's functions on small inputs, each checked against what the `cleanalign` binary does with the
same input (run by scripts/check_python.sh; the binary's path is in CLEANALIGN_BIN).

Run: CLEANALIGN_BIN=target/release/cleanalign python python/tests/test_package.py
Prints one line per test and a closing `python: N passed, N failed`; exits non-zero on any failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import cleanalign

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("CLEANALIGN_BIN", str(ROOT / "target" / "release" / "cleanalign"))
CONFIG = ROOT / "pipeline.toml"
# Every test's files go under one folder, removed at the end.
SCRATCH = Path(tempfile.mkdtemp(prefix="cleanalign-py-"))


def cli(*args: str, stdin: bytes | None = None) -> bytes:
    done = subprocess.run([BIN, *args], input=stdin, capture_output=True, check=True)
    return done.stdout


def run_batch(files: dict[str, bytes]) -> Path:
    """`cleanalign run` over a raw folder holding `files`; the output folder."""
    work = Path(tempfile.mkdtemp(dir=SCRATCH))
    raw = work / "raw"
    for name, data in files.items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_bytes(data)
    cli("run", "--config", str(CONFIG), "--raw", str(raw), "--out", str(work / "out"), "--quiet")
    return work / "out"


def test_fix_matches_the_cli():
    text = "邁向數(shù)字文明新時代,,攜手構建\r\n\r\n“出?!?, plain English line.\n下?lián)碛辛烁喃@得感"
    expected = cli("fix", "--config", str(CONFIG), stdin=text.encode()).decode()
    got = cleanalign.fix(text, config=CONFIG)
    assert got == expected, (got, expected)
    assert got != text
    assert len(got.split("\n")) == len(text.split("\n"))


def test_fix_stages_and_target():
    line = "邁向數(shù)字文明新時代,,攜手構建"
    only_punct = cleanalign.fix(line, stages="punct", to="none")
    expected = cli("fix", "--stages", "punct", "--to", "none", stdin=line.encode()).decode()
    assert only_punct == expected, (only_punct, expected)
    assert "邁" in only_punct, "script conversion ran although not asked for"
    assert cleanalign.fix(line, stages=["punct"], to="none") == only_punct
    assert "迈" in cleanalign.fix(line)
    assert "邁" in cleanalign.fix("迈向数字文明", to="zh-Hant")


def test_fix_rejects_unknown_stages_and_targets():
    for kwargs in ({"stages": "punct,nonsense"}, {"to": "zh-XX"}):
        try:
            cleanalign.fix("x", **kwargs)
        except ValueError as e:
            assert "nonsense" in str(e) or "zh-XX" in str(e) or "--to" in str(e), e
        else:
            raise AssertionError(f"{kwargs} accepted")


def test_clean_alone_equals_a_run_of_one_document():
    for name in ["001_8ef5bb721716f7c8.txt", "library_zh.txt"]:
        data = (ROOT / "raw" / name).read_bytes()
        out = run_batch({name: data})
        stem = name.removesuffix(".txt")
        pipeline = cleanalign.Pipeline(CONFIG)
        got = pipeline.clean(data, name=stem)
        assert got["text"].encode() == (out / "docs" / f"{stem}.txt").read_bytes(), name
        rows = [json.loads(line) for line in (out / "rejected.jsonl").read_text().splitlines()]
        expected = [{k: r[k] for k in ("line", "stage", "reason", "text")} for r in rows]
        assert got["rejected"] == expected, name
        assert got["rejected"], f"{name}: nothing removed from a seed page"
        meta = (out / "metadata.csv").read_text(encoding="utf-8")
        assert got["metadata"]["lang"] in meta.splitlines()[1], (got["metadata"], meta)
        if got["metadata"]["title"]:
            assert got["metadata"]["title"] in meta


def test_clean_html_equals_a_run_of_one_page():
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>老城图书馆重新开放 - 港湾日报</title></head><body>"
        "<nav><a href='/'>首页</a> · <a href='/news'>新闻</a> · <a href='/about'>关于我们</a></nav>"
        "<article><h1>老城图书馆重新开放</h1>"
        "<p>老城图书馆建于1936年，是这座城市的第一座公共图书馆，翻新两年后于上周重新开放。</p>"
        "<p>市政府表示，这项工程说明老建筑也可以在市中心承担新的功能，读者数量已经明显回升。</p>"
        "</article><footer>版权所有 © 2024 港湾日报社</footer></body></html>"
    ).encode()
    out = run_batch({"page.html": page})
    got = cleanalign.Pipeline(CONFIG).clean(page, name="page", html=True)
    assert got["text"].encode() == (out / "docs" / "page.txt").read_bytes(), got["text"]
    assert "首页" not in got["text"] and "老城图书馆建于1936年" in got["text"], got["text"]


def test_clean_takes_text_or_bytes():
    pipeline = cleanalign.Pipeline()
    data = (ROOT / "raw" / "library_zh.txt").read_bytes()  # GBK
    from_bytes = pipeline.clean(data, name="library_zh")
    assert from_bytes["metadata"]["encoding"] != "UTF-8"
    # encoding_rs's GBK decoder is GB18030's; Python's "gbk" codec is narrower.
    python_codec = {"gbk": "gb18030"}.get(from_bytes["metadata"]["encoding"].lower(), from_bytes["metadata"]["encoding"])
    from_text = pipeline.clean(data.decode(python_codec), name="library_zh")
    assert from_text["text"] == from_bytes["text"]
    assert from_text["metadata"]["encoding"] == "UTF-8"


def test_unreadable_input_raises_input_error():
    pipeline = cleanalign.Pipeline()
    for data in [b"", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256))]:
        try:
            pipeline.clean(data, name="bin")
        except cleanalign.InputError as e:
            assert "bin" in str(e)
        else:
            raise AssertionError(f"{data[:8]!r} accepted")


def test_config_errors_are_value_errors():
    with tempfile.NamedTemporaryFile("w", suffix=".toml", dir=SCRATCH, delete=False) as f:
        f.write("[script]\ntarget = 'zh-XX'\n")
    for make in (lambda: cleanalign.Pipeline(f.name), lambda: cleanalign.Pipeline(toml="[script]\ntarget = 'zh-XX'\n")):
        try:
            make()
        except ValueError as e:
            assert "target" in str(e), e
        else:
            raise AssertionError("a bad config accepted")


def test_line_counts_change_cleaning_like_a_batch():
    """A line shared by many documents of a batch is boilerplate evidence: clean() with the batch's counts
    gives run's document, and differs from the same document cleaned alone."""
    footer = "Copyright 2024 Example News Network. All rights reserved. Contact: news@example.com"
    # A fragment that only the counts remove: the classifier needs a batch of `repeated_min_batch_docs` (10).
    tagline = "Reader services and subscriptions"
    bodies = [
        f"{tagline}\n"
        f"Story {i}: the library reopened after a two-year renovation, and readers came back in numbers.\n"
        f"The council said story {i} shows how old buildings can serve new purposes in the city centre.\n"
        f"{footer}\n"
        for i in range(12)
    ]
    files = {f"d{i}.txt": b.encode() for i, b in enumerate(bodies)}
    out = run_batch(files)
    pipeline = cleanalign.Pipeline(CONFIG)
    keys = {}
    for name, data in files.items():
        for key in pipeline.line_keys(data, name):
            keys[key] = keys.get(key, 0) + 1
    shared = sorted(k for k, n in keys.items() if n > 1)
    counts = cleanalign.LineCounts(
        b"".join(k.to_bytes(8, "little") for k in shared),
        b"".join(keys[k].to_bytes(4, "little") for k in shared),
        len(files),
    )
    assert len(counts) == len(shared) and counts.documents == len(files)
    differs = 0
    for name, data in files.items():
        stem = name.removesuffix(".txt")
        batch = pipeline.clean(data, stem, line_counts=counts)
        assert batch["text"].encode() == (out / "docs" / f"{stem}.txt").read_bytes(), stem
        differs += batch["text"] != pipeline.clean(data, stem)["text"]
    assert differs, "the counts changed nothing: this test would not notice them being ignored"


def test_line_counts_validate_their_arrays():
    bad = [
        (b"\x00" * 7, b"", 1),
        (b"\x00" * 8, b"", 1),
        ((2).to_bytes(8, "little") + (1).to_bytes(8, "little"), b"\x02\x00\x00\x00" * 2, 3),
    ]
    for keys, counts, docs in bad:
        try:
            cleanalign.LineCounts(keys, counts, docs)
        except ValueError:
            pass
        else:
            raise AssertionError((keys, counts))
    ok = cleanalign.LineCounts((5).to_bytes(8, "little"), (3).to_bytes(4, "little"), 9)
    assert ok.get(5) == 3 and ok.get(6) == 1


def test_align_matches_the_cli():
    src = [
        "老城图书馆建于1936年，是这座城市的第一座公共图书馆。",
        "二十年前，它几乎被人遗忘。",
        "2019年，市政府决定全面翻新图书馆。",
        "改造工程历时两年，总投资约3200万元。",
    ]
    tgt = [
        "The Old Town Library was built in 1936 and was the city's first public library.",
        "Twenty years ago it was almost forgotten.",
        "In 2019, the city government decided to renovate the library completely.",
        "The renovation took two years, with a total investment of about 32 million yuan.",
    ]
    beads = cleanalign.align(src, tgt, config=CONFIG)
    work = Path(tempfile.mkdtemp(dir=SCRATCH))
    (work / "src").write_text("\n".join(src) + "\n")
    (work / "tgt").write_text("\n".join(tgt) + "\n")
    expected = cli("align", "--config", str(CONFIG), str(work / "src"), str(work / "tgt")).decode().splitlines()
    shown = []
    for s, t, score in beads:
        assert 0.0 <= score <= 1.0
        shown.append(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]")
    assert shown == [line.rsplit(":", 1)[0] if line.count(":") == 2 else line for line in expected], (
        shown,
        expected,
    )
    assert [i for s, _, _ in beads for i in s] == list(range(len(src)))
    assert [(s, t) for s, t, _ in beads] == [([i], [i]) for i in range(4)], beads


def test_align_covers_uneven_inputs():
    beads = cleanalign.align(["一。", "二。", "三。"], [], src_lang="zh", tgt_lang="en")
    assert [i for s, _, _ in beads for i in s] == [0, 1, 2]
    assert all(t == [] for _, t, _ in beads)


def main() -> int:
    tests = [(name, fn) for name, fn in globals().items() if name.startswith("test_") and callable(fn)]
    failed = 0
    for name, fn in tests:
        try:
            fn()
            print(f"ok   {name}")
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
    shutil.rmtree(SCRATCH, ignore_errors=True)
    print(f"python: {len(tests) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
