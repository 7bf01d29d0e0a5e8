"""Tiny helper to write a page line by line and record its gold pairs with exact line ranges.

Gold text is the clean text (no Markdown markers, wrapped lines joined: English with a space, Chinese with
nothing), as in /work/shared/align/interleaved/README.md. The page text is whatever the page shows.
"""
import textwrap


class Page:
    def __init__(self, name, shape, half, crlf=False):
        self.name = name
        self.shape = shape
        self.half = half
        self.crlf = crlf
        self.lines = []
        self.gold = []   # (zh_range, en_range, kind, note, zh, en)

    # --- raw lines -------------------------------------------------------------------------------
    def add(self, *lines):
        """Append lines (each may hold \\n); return (first, last) 1-based line numbers."""
        first = len(self.lines) + 1
        for block in lines:
            self.lines.extend(block.split('\n'))
        return (first, len(self.lines))

    def blank(self, n=1):
        for _ in range(n):
            self.lines.append('')

    def text(self):
        nl = '\r\n' if self.crlf else '\n'
        return nl.join(self.lines) + nl

    # --- gold ------------------------------------------------------------------------------------
    def pair(self, zr, er, kind, zh, en, note=''):
        assert kind in ('body', 'heading', 'aside', 'phrase', 'term', 'label', 'not-translation'), kind
        self.gold.append((zr, er, kind, note, zh, en))

    # --- common shapes ---------------------------------------------------------------------------
    def one_line(self, fmt, zh, en, kind='heading', note=''):
        """A line holding both languages, e.g. fmt='## {zh} {en}'."""
        r = self.add(fmt.format(zh=zh, en=en))
        self.pair(r, r, kind, zh, en, note)
        return r


def wrap_en(s, width=72):
    out = textwrap.wrap(s, width=width, break_long_words=False, break_on_hyphens=False)
    assert ' '.join(out) == s, (s, out)
    return '\n'.join(out)


def wrap_zh(s, width=36):
    out = [s[i:i + width] for i in range(0, len(s), width)]
    return '\n'.join(out)
