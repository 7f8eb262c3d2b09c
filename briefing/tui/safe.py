"""Make untrusted report text safe to put on a terminal, and never let it be read as markup.

Report text can carry terminal escapes (a single OSC 52 rewrites the user's clipboard over SSH), C1
controls, bidi overrides that reorder what is shown (Trojan Source) and lone surrogates that crash the
output encoder. For display every such character becomes a visible placeholder: C0 controls and DEL
become their Control Pictures glyph (`␛`, `␇`, one character each), everything else `<U+XXXX>`.
The model keeps the original text; `Neutralised` maps model offsets to display offsets so spans
still highlight the right characters.

Textual widgets parse plain `str` as markup (`[Reuters]` vanishes, `[/b]` raises, `[@click=...]`
runs an action): callers wrap display text in `Content(...)` (see `content()`), never a bare str.
Nothing in this module imports Textual, so it is cheap to test and to reuse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

# C0 (except \t and \n), DEL, C1, line/paragraph separators, bidi embeddings/overrides/isolates,
# and surrogates (only reachable through odd decoders, but they would crash the terminal writer).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def placeholder(ch: str) -> str:
    """The visible stand-in for one unsafe character."""
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␀ … ␟ (ESC is ␛)
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def is_safe(text: str) -> bool:
    """True when `text` has nothing to neutralise (tabs and newlines are fine)."""
    return _UNSAFE.search(text) is None


def neutralise(text: str) -> str:
    """`text` with every unsafe character replaced by its placeholder (tabs and newlines kept)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: placeholder(m.group()), text)


_SPACES = re.compile(r"\s+")


def one_line(text: str, limit: int = 2000) -> str:
    """Neutralised text on one line (runs of whitespace → one space), cut at `limit` characters.

    For list items and titles: a 1 MB single-line "quote" must not be wrapped in full on every render.
    """
    if len(text) > limit:
        text = text[:limit] + "…"
    return neutralise(_SPACES.sub(" ", text).strip())


def clipboard_text(text: str) -> str:
    """Text for the clipboard: the original minus controls and bidi overrides.

    Pasting escape sequences back into a terminal is its own attack (paste-jacking), so they go.
    """
    return _UNSAFE.sub("", text)


def content(text: str, style: str = "") -> object:
    """A Textual `Content` holding `text` literally (neutralised first). Imports Textual lazily."""
    from textual.content import Content

    return Content.styled(neutralise(text), style) if style else Content(neutralise(text))


@dataclass
class Neutralised:
    """Display text for a model text, with offset mapping between the two.

    Most reports have nothing to replace: then `text is original` and mapping is the identity.
    """

    original: str
    text: str = ""
    # Model offsets of replaced characters, and the cumulative extra length after each replacement.
    _positions: list[int] = field(default_factory=list, repr=False)
    _extra: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, original: str) -> Neutralised:
        if _UNSAFE.search(original) is None:
            return cls(original, original)
        positions: list[int] = []
        growth: list[int] = []
        parts: list[str] = []
        last = 0
        for m in _UNSAFE.finditer(original):
            i = m.start()
            rep = placeholder(m.group())
            parts.append(original[last:i])
            parts.append(rep)
            positions.append(i)
            growth.append(len(rep) - 1)
            last = i + 1
        parts.append(original[last:])
        return cls(original, "".join(parts), positions, list(accumulate(growth)))

    @property
    def identity(self) -> bool:
        return not self._positions

    def to_display(self, offset: int) -> int:
        """Display offset of model offset `offset` (a span end maps past a replaced character)."""
        if not self._positions:
            return offset
        k = bisect_right(self._positions, offset - 1)  # replacements strictly before `offset`
        return offset + (self._extra[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_display(start), self.to_display(end)

    def to_model(self, offset: int) -> int:
        """Model offset of a display offset (inside a placeholder → the replaced character)."""
        if not self._positions:
            return offset
        lo, hi = 0, len(self.original) + 1
        while lo < hi:  # the largest model offset whose display offset is <= `offset`
            mid = (lo + hi) // 2
            if self.to_display(mid) <= offset:
                lo = mid + 1
            else:
                hi = mid
        return max(0, lo - 1)
