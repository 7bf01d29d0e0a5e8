#!/usr/bin/env python3
"""The Python peer stack that `cleanalign run` is benchmarked against (scripts/bench_vs_python.sh).

    python3 scripts/python_peer_stack.py RAW_DIR OUT_DIR

One process, one thread. What a Python user would assemble from the usual libraries to do the same kind of
cleaning of scraped zh/en web text:

1. read every file under RAW_DIR (UTF-8; undecodable bytes replaced with U+FFFD), split it into lines;
2. `ftfy.fix_text` on each line (mojibake, HTML entities, NFC, width, control characters: ftfy's defaults);
3. OpenCC `t2s` (Traditional -> Simplified): the `opencc` PyPI package (the C++ library behind a pybind11
   extension), or `opencc-python-reimplemented` (pure Python) when that is what is installed; the engine used
   is printed on stderr;
4. a C4-style line filter (Raffel et al. 2020, section 2.2, and tensorflow_datasets' c4_utils), adapted for
   Chinese: a line is kept when it ends in terminal punctuation (. ! ? " and the full-width/Chinese 。！？．
   and closing quotes ” 」 』), has at least 3 whitespace-separated words or at least 5 Han characters, and
   holds none of "javascript", "lorem ipsum", the C4 policy phrases ("cookie policy", "privacy policy",
   "terms of use", "uses cookies", "use of cookies", "use cookies") nor a curly brace; C4's citation
   markers ([1], [edit], [citation needed]) are removed and C4's 1000-character word limit applies. C4's
   page-level rules (fewer than 5 sentences, the bad-words list) are not applied: this is a line filter;
5. cross-document line dedup: a first pass counts, for every distinct cleaned line, the number of documents
   that hold it; lines held by 2 or more documents are dropped from all of them (the statistics pass of
   cleanalign's boilerplate stage, `repeated_min_docs = 2`);
6. each document's kept lines are written to OUT_DIR under the same relative path, one line per line.

The ordering (fix, convert, filter, then dedup over what the filter kept) does not change the result: the
filter is a function of the line alone, so counting before or after it keeps the same lines. OpenCC is called
once per document on the joined lines rather than once per line: its dictionaries hold no line breaks, so the
output is the same and the per-call overhead is not charged to the peer.
"""

import os
import re
import sys

import ftfy

try:
    import opencc
except ImportError:  # pragma: no cover - reported on stderr
    sys.exit("error: neither `opencc` nor `opencc-python-reimplemented` is installed (pip install opencc)")


def make_converter():
    """An OpenCC t2s converter and the name of the engine behind it."""
    version = getattr(opencc, "__version__", None)
    if version is not None and hasattr(opencc, "opencc_clib"):
        # The official package: C++ OpenCC through a pybind11 extension. It accepts "t2s" or "t2s.json".
        try:
            conv = opencc.OpenCC("t2s.json")
        except Exception:  # older releases want the bare name
            conv = opencc.OpenCC("t2s")
        return conv.convert, f"opencc {version} (C++ extension)"
    # opencc-python-reimplemented (pure Python; also imported as `opencc`).
    conv = opencc.OpenCC("t2s")
    return conv.convert, "opencc-python-reimplemented (pure Python)"


# C4 (tensorflow_datasets c4_utils): _END_MARKS = (".", "?", "!", "\""), adapted for Chinese and curly quotes.
END_MARKS = (".", "?", "!", '"', "。", "！", "？", "．", "”", "」", "』")
# C4 drops lines mentioning javascript, the policy phrases, lorem ipsum and any "{" (code); here all line-level.
BAD_SUBSTRINGS = (
    "javascript",
    "lorem ipsum",
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
HAN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f]"
)
MIN_WORDS = 3
MIN_HAN = 5
MAX_WORD_CHARS = 1000


def keep_line(line):
    """The C4-style line filter on one stripped line."""
    if not line.endswith(END_MARKS):
        return False
    if "{" in line or "}" in line:
        return False
    lower = line.lower()
    for bad in BAD_SUBSTRINGS:
        if bad in lower:
            return False
    words = line.split()
    if len(words) < MIN_WORDS and len(HAN.findall(line)) < MIN_HAN:
        return False
    for w in words:
        if len(w) > MAX_WORD_CHARS:
            return False
    return True


def list_files(raw_dir):
    files = []
    for root, dirs, names in os.walk(raw_dir):
        dirs.sort()
        for name in sorted(names):
            files.append(os.path.join(root, name))
    return files


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: python_peer_stack.py RAW_DIR OUT_DIR")
    raw_dir, out_dir = argv[1], argv[2]
    convert, engine = make_converter()
    fix_config = ftfy.TextFixerConfig(explain=False)
    fix_text = ftfy.fix_text
    cite_sub = CITATION.sub

    # Pass 1: clean and filter every document, count in how many documents each kept line occurs.
    docs = []  # (relative path, [kept lines])
    doc_freq = {}
    bytes_in = lines_in = 0
    for path in list_files(raw_dir):
        with open(path, "rb") as f:
            data = f.read()
        bytes_in += len(data)
        text = data.decode("utf-8", errors="replace")
        raw_lines = text.splitlines()
        lines_in += len(raw_lines)
        fixed = [fix_text(line, fix_config) for line in raw_lines]
        # ftfy never adds a line break to a line, so this splits back into the same lines.
        converted = convert("\n".join(fixed)).split("\n")
        kept = []
        for line in converted:
            line = cite_sub("", line).strip()
            if line and keep_line(line):
                kept.append(line)
        for line in set(kept):
            doc_freq[line] = doc_freq.get(line, 0) + 1
        docs.append((os.path.relpath(path, raw_dir), kept))

    # Pass 2: drop the lines held by two or more documents, write what is left.
    lines_out = dropped_repeated = 0
    os.makedirs(out_dir, exist_ok=True)
    made_dirs = {out_dir}
    for rel, kept in docs:
        out_lines = [line for line in kept if doc_freq[line] < 2]
        dropped_repeated += len(kept) - len(out_lines)
        lines_out += len(out_lines)
        dest = os.path.join(out_dir, rel)
        parent = os.path.dirname(dest)
        if parent not in made_dirs:
            os.makedirs(parent, exist_ok=True)
            made_dirs.add(parent)
        with open(dest, "w", encoding="utf-8") as f:
            if out_lines:
                f.write("\n".join(out_lines))
                f.write("\n")

    print(
        f"python peer stack: {len(docs)} documents, {bytes_in} bytes, {lines_in} lines in, "
        f"{lines_out} lines out ({dropped_repeated} repeated across documents dropped); "
        f"ftfy {ftfy.__version__}, {engine}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(sys.argv)
