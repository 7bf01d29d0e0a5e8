#!/usr/bin/env python3
"""Write tests/fixtures/warc/library.warc.gz with warcio (a standard WARC writer: one gzip member per record),
from the project's own library pages in raw/ (MIT OR Apache-2.0, written for this project), so that the WARC
reader is tested in CI on a file no part of cleanalign wrote.

Records, numbered from 0: warcinfo; a request; the Chinese page (GB18030, declared in the HTTP header); the
English page (gzip content encoding, chunked transfer); a PNG; a 301 redirect; a WET-style conversion record of
the English text.

  pip install warcio && scripts/gen_warc_fixture.py
"""
import gzip
import html
import io
import pathlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

root = pathlib.Path(__file__).resolve().parent.parent
zh = (root / "raw/library_zh.txt").read_bytes().decode("gb18030").splitlines()
en = (root / "raw/library_en.txt").read_text(encoding="utf-8").splitlines()


def page(lines, lang):
    crumbs, title, dateline, share = lines[:4]
    body = [l for l in lines[4:] if l.strip()]
    paras, footer = body[:-1], body[-1]
    esc = html.escape
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)} - City Weekly</title>'
        f'<meta name="author" content="Li Ming"><meta property="article:published_time" content="2024-05-18T10:30:00+08:00">'
        f'<script>window.stats = {{"page": 1}};</script><style>.nav a {{ margin: 0 1em }}</style></head><body>'
        f'<div class="nav">{"".join(f"<a href=/{i}>{esc(c)}</a>" for i, c in enumerate(crumbs.split(" > ")))}</div>'
        f'<div class="article"><h1>{esc(title)}</h1><p class="info">{esc(dateline)}</p>'
        + "".join(f"<p>{esc(p)}</p>" for p in paras)
        + f'</div><div class="share">{esc(share)}</div><div class="footer">{esc(footer)}</div></body></html>'
    )


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


out = root / "tests/fixtures/warc/library.warc.gz"
out.parent.mkdir(parents=True, exist_ok=True)
with open(out, "wb") as fh:
    w = WARCWriter(fh, gzip=True)
    w.write_record(w.create_warcinfo_record("library.warc.gz", {"software": "warcio", "format": "WARC 1.0"}))
    req = StatusAndHeaders("GET /zh/renovation HTTP/1.1", [("Host", "library.example")], is_http_request=True)
    w.write_record(w.create_warc_record("https://library.example/zh/renovation", "request", http_headers=req))
    zh_body = page(zh, "zh-CN").replace('charset="utf-8"', 'charset="gb18030"').encode("gb18030")
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=gb18030")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://library.example/zh/renovation", "response",
                                        payload=io.BytesIO(zh_body), http_headers=headers))
    en_body = chunked(gzip.compress(page(en, "en").encode("utf-8")))
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                          ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://library.example/en/renovation", "response",
                                        payload=io.BytesIO(en_body), http_headers=headers))
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://library.example/logo.png", "response",
                                        payload=io.BytesIO(png), http_headers=headers))
    headers = StatusAndHeaders("301 Moved Permanently", [("Location", "/en/renovation"),
                                                         ("Content-Type", "text/html")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://library.example/en/old", "response",
                                        payload=io.BytesIO(b"<a href=/en/renovation>moved</a>"), http_headers=headers))
    text = "\n".join(l for l in en if l.strip()).encode("utf-8")
    w.write_record(w.create_warc_record("https://library.example/en/renovation", "conversion",
                                        payload=io.BytesIO(text), warc_content_type="text/plain"))
print(f"wrote {out} ({out.stat().st_size} bytes)")
