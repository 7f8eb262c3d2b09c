"""The report's text, rendered line by line (Line API), with spans highlighted.

A 5 MB report must open in well under a second: the text is never handed to a Markdown or Static
widget. We keep the display text (neutralised, see `safe.py`), the offsets where each wrapped line
starts and ends, and render only the lines on screen. Wrapping ASCII lines is a `rfind` per screen
line; other lines are measured character by character.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import ClassVar

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from .. import keys
from ..safe import Neutralised
from .scrolling import LineScrollView, set_virtual_size

TAB = "    "
MAX_MATCHES = 10_000


@lru_cache(maxsize=4096)
def _cell(ch: str) -> int:
    return 4 if ch == "\t" else get_character_cell_size(ch)


class SourceView(LineScrollView, can_focus=True):
    """Scrollable, wrapped, highlightable source text. Offsets in and out are model offsets."""

    BINDINGS = keys.SOURCE
    COMPONENT_CLASSES: ClassVar = {
        "source-view--text",
        "source-view--heading",
        "source-view--highlight",
        "source-view--current",
    }
    DEFAULT_CSS = """
    SourceView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;  /* the wrap width must not change when the scrollbar appears */
        & > .source-view--heading { text-style: bold; color: $text-primary; }
        & > .source-view--highlight { background: $warning 30%; }
        & > .source-view--current { background: $warning; color: $background; text-style: bold underline; }
    }
    """

    class Moved(Message):
        """The current highlight changed (for titles such as "mention 2 of 7")."""

        def __init__(self, view: SourceView) -> None:
            super().__init__()
            self.view = view

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._nt = Neutralised.of("")
        self._line_starts = array("q", [0])
        self._vstarts = array("q", [0])
        self._vends = array("q", [0])
        self._wrap_width = 0
        self._headings: list[tuple[int, int]] = []
        self._heading_starts: list[int] = []
        # Highlights in display offsets, sorted by start; `_current` indexes into them.
        self._marks: list[tuple[int, int]] = []
        self._mark_starts: list[int] = []
        self._mark_max = 0
        self._current: int | None = None
        self.label = ""
        self._pending_reveal = False

    # -- content -----------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The model text (original, not neutralised)."""
        return self._nt.original

    @property
    def display_text(self) -> str:
        return self._nt.text

    def set_text(self, text: str, headings: Sequence[tuple[int, int]] = ()) -> None:
        """Show `text` (model text); `headings` are model spans drawn as headings."""
        if text == self._nt.original and self._wrap_width:
            # The same text (the preview shown before the parse, or a reload that changed nothing
            # here): keep the wrapped lines and the scroll position, update the rest. Hold the model's
            # copy of the text rather than a second one of the same (5 MB for a 5 MB report).
            if self._nt.identity:
                self._nt = Neutralised(text, text)
            self._headings = sorted(self._nt.span(s, e) for s, e in headings)
            self._heading_starts = [s for s, _ in self._headings]
            self.clear_highlights(refresh=False)
            self.refresh()
            return
        self._nt = Neutralised.of(text)
        d = self._nt.text
        starts = array("q", [0])
        find = d.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts
        self._headings = sorted(self._nt.span(s, e) for s, e in headings)
        self._heading_starts = [s for s, _ in self._headings]
        self._wrap_width = 0
        self.clear_highlights(refresh=False)
        self._rewrap()

    def _rewrap(self, during_render: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        top = self.top_offset() if self._wrap_width else 0
        d = self._nt.text
        # Machine integers, not a list of int objects: a 5 MB report wraps to 100,000+ lines.
        vstarts = array("q")
        vends = array("q")
        add_s, add_e = vstarts.append, vends.append
        starts = self._line_starts
        n = len(starts)
        rfind = d.rfind
        for k in range(n):
            s = starts[k]
            e = starts[k + 1] - 1 if k + 1 < n else len(d)
            if e - s < width // 4:  # even at 4 cells a character (tabs) it fits
                add_s(s)
                add_e(e)
                continue
            line = d[s:e]
            if line.isascii() and "\t" not in line:
                pos = s
                while e - pos > width:
                    brk = rfind(" ", pos, pos + width + 1)
                    if brk <= pos:
                        add_s(pos)
                        add_e(pos + width)
                        pos += width
                    else:
                        add_s(pos)
                        add_e(brk)
                        pos = brk + 1
                add_s(pos)
                add_e(e)
            else:
                for a, b in _wrap_cells(line, width):
                    add_s(s + a)
                    add_e(s + b)
        self._vstarts, self._vends = vstarts, vends
        self._wrap_width = width
        if during_render:
            # Inside the compositor's pass: only what this frame needs (the lines); the scrollbar and
            # the scroll position follow in the next one (a refresh from here would be dropped).
            self.set_reactive(Widget.virtual_size, Size(width, len(vstarts)))
            self.call_later(self._wrapped_in_render, top)
            return
        set_virtual_size(self, Size(width, len(vstarts)))
        self._after_wrap(top)

    def _wrapped_in_render(self, top: int) -> None:
        self._scroll_update(self.virtual_size)
        self._after_wrap(top)

    def _after_wrap(self, top: int) -> None:
        if self._pending_reveal:
            self._pending_reveal = False
            self._reveal_current()
        elif top:
            self.scroll_to(y=self.line_of(top), animate=False, force=True, immediate=True)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The screen paints as soon as it is laid out, before this widget has handled its first Resize
        # event: wrap now, so that first frame shows the text. (Later widths: `on_resize`, which
        # also keeps the scroll position.)
        if not self._wrap_width and self._nt.text:
            self._rewrap(during_render=True)
        return super().render_lines(crop)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._wrap_width:
            self._rewrap()
        elif self._pending_reveal:
            self._pending_reveal = False
            self._reveal_current()

    def on_show(self) -> None:
        if self._pending_reveal:
            self._pending_reveal = False
            # After the layout that made us visible, so the scroll range is known.
            self.call_after_refresh(self._reveal_current)

    # -- geometry ----------------------------------------------------------------------------------

    def line_of(self, display_offset: int) -> int:
        """The wrapped line that holds display offset `display_offset`."""
        return max(0, bisect_right(self._vstarts, display_offset) - 1)

    def top_offset(self) -> int:
        """Display offset of the first character on screen."""
        y = int(self.scroll_y)
        return self._vstarts[y] if 0 <= y < len(self._vstarts) else 0

    @property
    def line_count(self) -> int:
        return len(self._vstarts)

    # -- highlights --------------------------------------------------------------------------------

    def show_spans(self, spans: Sequence[tuple[int, int]], current: int = 0, label: str = "") -> None:
        """Highlight model spans, make `spans[current]` the current one and scroll to it."""
        nt = self._nt
        n = len(self._nt.original)
        pairs = [(min(s, n), min(max(e, s), n)) for s, e in spans]
        target = pairs[current] if 0 <= current < len(pairs) else None
        marks = sorted({_visible(nt.span(s, e), len(nt.text)) for s, e in pairs})
        self._set_marks(marks, label)
        self._current = marks.index(_visible(nt.span(*target), len(nt.text))) if target else None
        self._reveal_current()
        self.post_message(self.Moved(self))

    def search(self, query: str) -> int:
        """Highlight every case-insensitive occurrence of `query`; current = first at or after the top."""
        import re

        query = query.strip()
        if not query:
            self.clear_highlights()
            return 0
        pat = re.compile(re.escape(query), re.IGNORECASE)
        marks: list[tuple[int, int]] = []
        for m in pat.finditer(self._nt.text):
            marks.append(m.span())
            if len(marks) >= MAX_MATCHES:
                break
        self._set_marks(marks, f"/{query}")
        if marks:
            top = self.top_offset()
            k = bisect_left(self._mark_starts, top)
            self._current = k if k < len(marks) else 0
            self._reveal_current()
        else:
            self._current = None
            self.refresh()
        self.post_message(self.Moved(self))
        return len(marks)

    def _set_marks(self, marks: list[tuple[int, int]], label: str) -> None:
        self._marks = marks
        self._mark_starts = [s for s, _ in marks]
        self._mark_max = max((e - s for s, e in marks), default=0)
        self.label = label

    def clear_highlights(self, refresh: bool = True) -> None:
        self._set_marks([], "")
        self._current = None
        if refresh:
            self.refresh()
            self.post_message(self.Moved(self))

    @property
    def highlight_count(self) -> int:
        return len(self._marks)

    @property
    def current_index(self) -> int | None:
        return self._current

    def current_model_span(self) -> tuple[int, int] | None:
        if self._current is None or not self._marks:
            return None
        s, e = self._marks[self._current]
        return self._nt.to_model(s), self._nt.to_model(e)

    def current_line(self) -> int | None:
        if self._current is None or not self._marks:
            return None
        return self.line_of(self._marks[self._current][0])

    def action_step_highlight(self, delta: int) -> None:
        if not self._marks:
            self.app.bell()
            return
        self._current = ((self._current or 0) + delta) % len(self._marks)
        self._reveal_current()
        self.post_message(self.Moved(self))

    def _reveal_current(self) -> None:
        if self._current is None or not self._marks:
            self.refresh()
            return
        if not self._wrap_width or self.size.height <= 0 or not self.display:
            self._pending_reveal = True  # hidden (narrow layout, another tab): reveal when shown
            return
        y = self.line_of(self._marks[self._current][0])
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=max(0, y - height // 3), animate=False, force=True, immediate=True)
        self.refresh()

    # -- movement ----------------------------------------------------------------------------------

    def action_scroll_lines(self, n: int) -> None:
        self.scroll_to(y=self.scroll_y + n, animate=False, force=True, immediate=True)

    def action_first(self) -> None:
        self.scroll_to(y=0, animate=False, force=True, immediate=True)

    def action_last(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True, immediate=True)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False, force=True, immediate=True)

    # -- rendering ---------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.get_visual_style("source-view--text").rich_style
        line = int(self.scroll_y) + y
        if line >= len(self._vstarts) or not self._wrap_width:
            return Strip.blank(width, base)
        s, e = self._vstarts[line], self._vends[line]
        d = self._nt.text
        # Style boundaries inside [s, e): headings, highlights, the current highlight.
        layers: list[tuple[int, int, RichStyle]] = []
        if self._headings:
            heading = self.get_visual_style("source-view--heading").rich_style
            layers += _overlapping(self._headings, self._heading_starts, s, e, heading, self._max_heading())
        if self._marks:
            mark = self.get_visual_style("source-view--highlight").rich_style
            cur = self.get_visual_style("source-view--current").rich_style
            lo = bisect_left(self._mark_starts, s - self._mark_max)
            for k in range(lo, len(self._marks)):
                a, b = self._marks[k]
                if a >= e:
                    break
                if b > s:
                    layers.append((max(a, s), min(b, e), cur if k == self._current else mark))
        segments = _segments(d, s, e, base, layers)
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _max_heading(self) -> int:
        return max((b - a for a, b in self._headings), default=0)


def _visible(span: tuple[int, int], n: int) -> tuple[int, int]:
    """An empty span still shows as one highlighted cell (where the text allows)."""
    a, b = span
    if b > a:
        return a, b
    return (a, a + 1) if a < n else (max(0, n - 1), n)


def _overlapping(spans: list[tuple[int, int]], starts: list[int], s: int, e: int, style: RichStyle,
                 max_len: int) -> list[tuple[int, int, RichStyle]]:
    out = []
    for k in range(bisect_left(starts, s - max_len), len(spans)):
        a, b = spans[k]
        if a >= e:
            break
        if b > s:
            out.append((max(a, s), min(b, e), style))
    return out


def _segments(d: str, s: int, e: int, base: RichStyle,
              layers: list[tuple[int, int, RichStyle]]) -> list[Segment]:
    if not layers:
        return [Segment(d[s:e].replace("\t", TAB), base)] if e > s else []
    cuts = sorted({s, e, *(a for a, _, _ in layers), *(b for _, b, _ in layers)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        style = base
        for la, lb, st in layers:  # later layers (highlights) win over earlier (headings)
            if la <= a and b <= lb:
                style = style + st
        out.append(Segment(d[a:b].replace("\t", TAB), style))
    return out


def _wrap_cells(line: str, width: int) -> list[tuple[int, int]]:
    """Word-wrap `line` (character offsets) to `width` cells, for lines with wide/zero-width chars or tabs."""
    out: list[tuple[int, int]] = []
    start = 0
    col = 0
    last_space = -1
    col_after_space = 0
    for i, ch in enumerate(line):
        w = _cell(ch)
        if col + w > width and i > start:
            if last_space >= start and last_space > start:
                out.append((start, last_space))
                start = last_space + 1
                col = col - col_after_space
            else:
                out.append((start, i))
                start = i
                col = 0
            last_space = -1
        if ch == " ":
            last_space = i
            col_after_space = col + w
        col += w
    out.append((start, len(line)))
    return out
