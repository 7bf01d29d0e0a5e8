#!/usr/bin/env bash
# Does corpus.tmx open in OmegaT? Builds a throw-away OmegaT project (source zh, target en) whose source file holds
# the Chinese side of the corpus, puts corpus.tmx in its tm/auto/ folder (OmegaT fills untranslated segments from
# exact matches there), translates it with `omegat --mode=console-translate`, and checks that every segment came
# back as its English side. Not run by CI (OmegaT and its Java libraries are a large install); run it by hand.
#
# Usage: scripts/check_omegat.sh [OUT_DIR]   (default: a fresh `cleanalign run` of raw/)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v omegat >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq omegat >/dev/null; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="${1:-}"
if [ -z "$out" ]; then
  out="$work/out"
  cargo run --release --quiet -- run --raw raw --out "$out" --quiet
fi
proj="$work/proj"
mkdir -p "$proj"/{source,target,tm/auto,glossary,dictionary,omegat}
cat >"$proj/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <source_dir_excludes>
        </source_dir_excludes>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>ZH-CN</source_lang>
        <target_lang>EN-US</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
XML
cp "$out/corpus.tmx" "$proj/tm/auto/corpus.tmx"
# One segment per paragraph: each Chinese side, then a blank line.
awk '{ print; print "" }' "$out/corpus.zh" >"$proj/source/corpus.txt"
timeout 300 omegat "$proj" --mode=console-translate >"$work/omegat.log" 2>&1 || { cat "$work/omegat.log"; exit 1; }
grep -E 'TMXR_|Translated document' "$work/omegat.log" | sed 's/^[0-9]*: //'
grep -v '^$' "$proj/target/corpus.txt" >"$work/translated.txt"
if diff -q "$work/translated.txt" "$out/corpus.en" >/dev/null; then
  echo "OmegaT read corpus.tmx: all $(wc -l <"$out/corpus.en") segments translated with their English side"
else
  diff "$work/translated.txt" "$out/corpus.en" | head -20
  echo "FAIL: OmegaT's translation differs from corpus.en"
  exit 1
fi
