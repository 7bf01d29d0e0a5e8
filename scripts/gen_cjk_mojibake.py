#!/usr/bin/env python3
"""Generate tests/fixtures/mojibake/cjk_cases.jsonl: Chinese mojibake made by real codec round trips.

Source lines: tests/fixtures/mojibake/zh_source.txt (written for this project). Each case applies one real
mis-decoding with Python's codecs to a source line and records whether the damage is lossless (every byte of the
original survives in the mojibake, so an exact repair is possible) or lossy (bytes were replaced or dropped).

Kinds:
  utf8-as-gbk           UTF-8 bytes decoded as GBK (strict decode succeeded: lossless)
  utf8-as-gbk-lossy     the same where GBK rejects some bytes (errors='replace': U+FFFD)
  utf8-as-latin1        UTF-8 bytes decoded as ISO-8859-1 (lossless; C1 controls appear)
  utf8-as-cp1252        UTF-8 bytes decoded as Windows-1252 as browsers do it (undefined bytes -> C1)
  utf8-as-cp1252-twice  the same done twice (UTF-8 -> Windows-1252 -> UTF-8 -> Windows-1252; lossless)
  gbk-as-latin1         GBK bytes decoded as ISO-8859-1 (lossless)
  gbk-as-cp1252         GBK bytes decoded as Windows-1252, browser-style (lossless)
  gbk-shift-inserted    a stray byte inserted before a Han run that ends at an ASCII letter; strict GBK decode
                        still succeeds (lossless: the run is read one byte late and swallows the letter)
  gbk-shift-ruby        ASCII (a ruby annotation) inserted between the two bytes of a character, decoded
                        with errors='replace' (lossy: that character is gone)
  gbk-shift-lost-byte   the second byte of a character dropped, decoded with errors='replace' (lossy)
  big5-shift-inserted / big5-shift-lost-byte   the same two frame shifts in Big5 text
  utf8-as-big5          UTF-8 bytes decoded as Big5 (strict ok: lossless; else errors='replace': lossy)
  gbk-as-big5 / big5-as-gbk   the two Chinese legacy encodings confused (strict ok: lossless; else lossy)

Usage: python3 scripts/gen_cjk_mojibake.py > tests/fixtures/mojibake/cjk_cases.jsonl
Deterministic (fixed random seed).
"""
import json
import pathlib
import random

root = pathlib.Path(__file__).resolve().parent.parent
source = root / "tests" / "fixtures" / "mojibake" / "zh_source.txt"
lines = [l for l in source.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
rng = random.Random(20241124)
rng_big5 = random.Random(20261124)


def browser_1252(data):
    """Windows-1252 as WHATWG decoders read it: the five undefined bytes become the C1 control of that value."""
    return "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in data)


def is_han(c):
    return "\u4e00" <= c <= "\u9fff"


def emit(kind, original, mojibake, lossless):
    if mojibake != original:
        print(json.dumps({"kind": kind, "lossless": lossless, "original": original, "mojibake": mojibake},
                         ensure_ascii=False))


def strict_or_lossy(kind, original, data, codec):
    try:
        emit(kind, original, data.decode(codec), True)
    except UnicodeDecodeError:
        emit(kind + "-lossy", original, data.decode(codec, errors="replace"), False)


def frame_shifts(line, codec, data, rand, prefix, with_ruby):
    """Frame shifts of a line encoded in `codec` (GBK or Big5), drawn from the random stream `rand`:
    a stray byte before a Han run that ends at an ASCII letter (strict decode: lossless), then, lossy,
    ASCII inserted inside a character (GBK only, so that the Big5 cases keep their own stream) and a
    character's second byte dropped."""
    offsets, pos = [], 0
    for c in line:
        offsets.append(pos)
        pos += len(c.encode(codec))
    han_at = [k for k, c in enumerate(line) if is_han(c)]
    for k in han_at:
        if k > 0 and is_han(line[k - 1]):
            continue
        end = k
        while end < len(line) and not line[end].isascii():
            end += 1
        if end - k < 4 or end >= len(line) or not line[end].isalpha():
            continue
        stray = bytes([rand.randrange(0x81, 0xFE)])
        shifted = data[: offsets[k]] + stray + data[offsets[k]:]
        try:
            emit(prefix + "-shift-inserted", line, shifted.decode(codec), True)
        except UnicodeDecodeError:
            pass
        break
    candidates = [k for k in han_at if k + 4 < len(line)]
    if candidates:
        if with_ruby:
            k = rand.choice(candidates)
            cut = offsets[k] + 1
            emit(prefix + "-shift-ruby", line, (data[:cut] + b"(xx)" + data[cut:]).decode(codec, errors="replace"), False)
        k = rand.choice(candidates)
        cut = offsets[k] + 1
        emit(prefix + "-shift-lost-byte", line, (data[:cut] + data[cut + 1:]).decode(codec, errors="replace"), False)


for line in lines:
    u8 = line.encode("utf-8")
    strict_or_lossy("utf8-as-gbk", line, u8, "gbk")
    emit("utf8-as-latin1", line, u8.decode("latin-1"), True)
    emit("utf8-as-cp1252", line, browser_1252(u8), True)
    emit("utf8-as-cp1252-twice", line, browser_1252(browser_1252(u8).encode("utf-8")), True)
    try:
        gbk = line.encode("gbk")
    except UnicodeEncodeError:
        gbk = None
    if gbk is not None:
        emit("gbk-as-latin1", line, gbk.decode("latin-1"), True)
        emit("gbk-as-cp1252", line, browser_1252(gbk), True)
        strict_or_lossy("gbk-as-big5", line, gbk, "big5")
    strict_or_lossy("utf8-as-big5", line, u8, "big5")
    try:
        big5 = line.encode("big5")
        strict_or_lossy("big5-as-gbk", line, big5, "gbk")
    except UnicodeEncodeError:
        pass
    try:
        frame_shifts(line, "big5", line.encode("big5"), rng_big5, "big5", with_ruby=False)
    except UnicodeEncodeError:
        pass
    if gbk is not None:
        frame_shifts(line, "gbk", gbk, rng, "gbk", with_ruby=True)
