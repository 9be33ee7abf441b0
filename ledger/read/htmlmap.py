"""Where the text extracted from an HTML page stands in the page's source.

trafilatura gives the main text and the comments of a page, not where they came from.  Rules
must point at the line and column of the HTML file (SPEC §4), so the reader finds each
extracted line again among the page's visible text: the text nodes outside ``<script>``,
``<style>`` and comments, with character references decoded, each character tagged with its
offset in the source.  Whitespace runs count as one space on both sides.  Lines are looked for
in page order from where the previous one was found (a headline may repeat in ``<title>``); a
line found nowhere (trafilatura rewrote it: a table cell, a list bullet) takes the position of
the line before, so that every position still lands near its text.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from html.parser import HTMLParser

from ledger import rx

_SKIP = frozenset({"script", "style", "template", "noscript", "svg", "head"})
_SPACE = rx.compile(r"\s+")


class _Visible(HTMLParser):
    """The page's visible characters and the source offset of each."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self.line_starts = [0]
        i = page.find("\n")
        while i != -1:
            self.line_starts.append(i + 1)
            i = page.find("\n", i + 1)
        self.chars: list[str] = []
        self.offsets = array("l")
        self.skip = 0

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th"):
            self._add(" ", self._here())

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip:
            self.skip -= 1
        else:
            self._add(" ", self._here())

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        start = self._here()
        self.chars.append(data)
        self.offsets.extend(range(start, start + len(data)))

    def _add(self, ch: str, at: int) -> None:
        self.chars.append(ch)
        self.offsets.append(at)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")

    def _ref(self, raw: str) -> None:
        if self.skip:
            return
        from html import unescape

        decoded = unescape(raw)
        at = self._here()
        self.chars.append(decoded)
        self.offsets.extend([at] * len(decoded))


class SourceMap:
    """``origin[i]``: the source offset of character ``i`` of the extracted text."""

    def __init__(self, page: str, text: str) -> None:
        parser = _Visible(page)
        try:
            parser.feed(page)
            parser.close()
        except Exception:  # html.parser is lenient; never let a position map fail a read
            pass
        visible = "".join(parser.chars)
        # whitespace runs -> one space, keeping the offset of each kept character
        squeezed: list[str] = []
        where = array("l")
        pos = 0
        for m in _SPACE.finditer(visible):
            squeezed.append(visible[pos : m.start()])
            where.extend(parser.offsets[pos : m.start()])
            squeezed.append(" ")
            where.append(parser.offsets[m.start()])
            pos = m.end()
        squeezed.append(visible[pos:])
        where.extend(parser.offsets[pos:])
        flat = "".join(squeezed)
        self.line_starts = parser.line_starts
        self.origin = self._align(flat, where, text)

    def runs(self) -> list[list[int]]:
        """The map as runs ``[text offset, line, column]`` (1-based, in the page): a run goes on
        while each character stands one column after the one before it on the same line."""
        out: list[list[int]] = []
        starts = self.line_starts
        line = 0
        expect = -2
        for i, src in enumerate(self.origin):
            if src != expect:
                if not (starts[line] <= src < (starts[line + 1] if line + 1 < len(starts) else 1 << 62)):
                    line = bisect_right(starts, src) - 1
                out.append([i, line + 1, src - starts[line] + 1])
            elif line + 1 < len(starts) and src >= starts[line + 1]:
                line += 1
                out.append([i, line + 1, src - starts[line] + 1])
            expect = src + 1
        return out or [[0, 1, 1]]

    @staticmethod
    def _align(flat: str, where: array, text: str) -> array:
        origin = array("l", [0]) * len(text)
        cursor = 0
        last = 0  # the source offset of the last character placed
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            # the line with its whitespace squeezed, and where each of its characters came from
            kept: list[str] = []
            index: list[int] = []
            k = 0
            for m in _SPACE.finditer(line):
                kept.append(line[k : m.start()])
                index.extend(range(pos + k, pos + m.start()))
                kept.append(" ")
                index.append(pos + m.start())
                k = m.end()
            kept.append(line[k:])
            index.extend(range(pos + k, end))
            probe = "".join(kept)
            lead = len(probe) - len(probe.lstrip(" "))
            probe_s = probe.strip(" ")
            found = flat.find(probe_s, cursor) if probe_s else -1
            if found < 0 and probe_s:
                found = flat.find(probe_s)
            if found >= 0:
                for j in range(len(probe_s)):
                    origin[index[lead + j]] = where[found + j]
                # characters squeezed away (a second space) take their neighbour's place
                mapped = {index[lead + j] for j in range(len(probe_s))}
                prev = where[found]
                for i in range(pos, end):
                    if i in mapped:
                        prev = origin[i]
                    else:
                        origin[i] = prev
                last = where[found + len(probe_s) - 1] + 1
                cursor = found + len(probe_s)
            else:
                for i in range(pos, end):
                    origin[i] = last
            if end < len(text):
                origin[end] = last  # the newline
            pos = end + 1
        return origin
