"""A virtual list for thousands of items: fixed-height rows, the selected one expanded in full.

Textual's OptionList measures every option (wraps its text) whenever the options or the width change,
which costs a noticeable pause per keystroke with 5,000 quotes. Here every item takes exactly `rows`
lines except the one under the cursor, which shows its whole text; so the position of any item is
arithmetic, and only what is on screen is ever wrapped. Filtering is a substring test over
pre-lowered strings and never rebuilds a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from .. import keys
from .scrolling import LineScrollView, set_virtual_size

CURSOR_MARK = "› "
ITEM_MARK = "· "  # first line of other items: tells wrapped items apart without colour (NO_COLOR)
PLAIN_MARK = "  "
MAX_EXPANDED_LINES = 40


@dataclass(eq=False)
class Item:
    """One row of a list. `title` and `detail` are already-safe Content (built from neutralised text)."""

    key: str
    title: Content
    detail: Content | None = None
    haystack: str = ""  # lower-cased text the `/` filter searches
    spans: tuple[tuple[int, int], ...] = ()  # model offsets to highlight in the source (enter)
    copy_text: str = ""
    actor_ids: frozenset[str] = field(default_factory=frozenset)
    kind: str = ""
    data: object = None



class LazyItem(Item):
    """A row whose Content is made when it is first drawn (`make(data) -> (title, detail)`): a list
    can hold thousands of rows and draws only the thirty on screen."""

    actor_ids = frozenset()
    haystack = ""
    _made: tuple[Content, Content | None] | None = None

    def __init__(self, key: str, data: object, kind: str, make: Callable[[object], tuple[Content, Content | None]],
                 spans: tuple[tuple[int, int], ...] = (), copy_text: str = "") -> None:
        # Deliberately not calling the dataclass __init__: `title` and `detail` are properties here.
        self.key, self.data, self.kind, self.spans, self.copy_text = key, data, kind, spans, copy_text
        self._make = make

    def _content(self) -> tuple[Content, Content | None]:
        if self._made is None:
            self._made = self._make(self.data)
        return self._made

    @property  # type: ignore[override]
    def title(self) -> Content:
        return self._content()[0]

    @property  # type: ignore[override]
    def detail(self) -> Content | None:
        return self._content()[1]

class ItemList(LineScrollView, can_focus=True):
    """A keyboard-driven list of `Item`s; posts `Highlighted` when the cursor moves and `Opened` on enter."""

    BINDINGS = keys.LIST
    # Each component class is styled like a widget of its own, for every list, whenever the list is
    # restyled: only the looks the rows need (plain rows take the list's own style).
    COMPONENT_CLASSES: ClassVar = {
        "item-list--cursor",
        "item-list--cursor-blurred",
        "item-list--detail",
        "item-list--key",
        "item-list--badge",
        "item-list--empty",
    }
    DEFAULT_CSS = """
    ItemList {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;  /* rows are wrapped to the width: keep it fixed */
        & > .item-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                 text-style: $block-cursor-text-style; }
        & > .item-list--cursor-blurred { background: $block-cursor-blurred-background; }
        & > .item-list--detail { color: $text-muted; }
        & > .item-list--key { color: $text-accent; text-style: bold; }
        & > .item-list--badge { color: $text-secondary; }
        & > .item-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    class Highlighted(Message):
        """The cursor moved to `item` (None: the list is empty or filtered to nothing)."""

        def __init__(self, item_list: ItemList, item: Item | None) -> None:
            super().__init__()
            self.item_list = item_list
            self.item = item

        @property
        def control(self) -> ItemList:
            return self.item_list

    class Opened(Message):
        """`enter` on `item`."""

        def __init__(self, item_list: ItemList, item: Item) -> None:
            super().__init__()
            self.item_list = item_list
            self.item = item

        @property
        def control(self) -> ItemList:
            return self.item_list

    def __init__(self, *, title_rows: int = 1, detail: bool = True, empty: str = "Nothing here",
                 no_match: str = "Nothing matches the filter (escape clears it)",
                 name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.title_rows = title_rows
        self.has_detail = detail
        self.empty_text = empty
        self.no_match_text = no_match
        self._items: list[Item] = []
        self._view: list[int] = []
        self._cursor: int | None = None  # position in _view
        self._query = ""
        self._predicate: Callable[[Item], bool] | None = None
        self._cache: LRUCache[tuple, list[Strip]] = LRUCache(1024)
        self._expanded_height = 0

    # -- data --------------------------------------------------------------------------------------

    @property
    def rows(self) -> int:
        return self.title_rows + (1 if self.has_detail else 0)

    @property
    def items(self) -> Sequence[Item]:
        return self._items

    @property
    def visible_items(self) -> list[Item]:
        return [self._items[i] for i in self._view]

    @property
    def total(self) -> int:
        return len(self._items)

    @property
    def shown(self) -> int:
        return len(self._view)

    @property
    def query(self) -> str:
        return self._query

    @property
    def cursor(self) -> int | None:
        return self._cursor

    @property
    def selected(self) -> Item | None:
        if self._cursor is None or not self._view:
            return None
        return self._items[self._view[self._cursor]]

    def set_items(self, items: Sequence[Item], keep: str | None = None) -> None:
        """Replace the items; the cursor stays on the item with key `keep` (else the same position)."""
        old_pos = self._cursor
        self._items = list(items)
        self._refilter(keep=keep, fallback=old_pos)

    def set_query(self, query: str) -> None:
        query = query.strip().lower()
        if query == self._query:
            return
        self._query = query
        self._refilter(keep=self.selected.key if self.selected else None)

    def set_predicate(self, predicate: Callable[[Item], bool] | None) -> None:
        self._predicate = predicate
        self._refilter(keep=self.selected.key if self.selected else None)

    def select_key(self, key: str) -> bool:
        """Move the cursor to the item with `key` if it is shown."""
        for pos, i in enumerate(self._view):
            if self._items[i].key == key:
                self.move_to(pos)
                return True
        return False

    def _refilter(self, keep: str | None = None, fallback: int | None = None) -> None:
        q, pred, items = self._query, self._predicate, self._items
        if not q and pred is None:
            self._view = list(range(len(items)))
        else:
            self._view = [i for i, it in enumerate(items) if (not q or q in it.haystack) and (pred is None or pred(it))]
        pos: int | None = None
        if keep is not None:
            pos = next((p for p, i in enumerate(self._view) if items[i].key == keep), None)
        if pos is None and self._view:
            pos = min(fallback or 0, len(self._view) - 1)
        self._cursor = pos
        self._cache.clear()
        self._layout_changed()
        self.post_message(self.Highlighted(self, self.selected))

    # -- geometry ----------------------------------------------------------------------------------

    @property
    def _width(self) -> int:
        return max(4, self.scrollable_content_region.width)

    def _layout_changed(self, scroll: bool = True) -> None:
        if self._cursor is None:
            self._expanded_height = 0
        elif self.scrollable_content_region.width <= 0:  # not laid out yet: measure on the first resize
            self._expanded_height = self.rows
        else:
            self._expanded_height = len(self._strips_for(self._cursor))
        rows = self.rows
        total = len(self._view) * rows + max(0, self._expanded_height - rows) if self._view else 1
        set_virtual_size(self, Size(self._width, total))
        self.refresh()
        if scroll:
            self._scroll_to_cursor()

    def _line_of(self, pos: int) -> int:
        rows = self.rows
        extra = self._expanded_height - rows if self._cursor is not None and pos > self._cursor else 0
        return pos * rows + extra

    def _height_of(self, pos: int) -> int:
        return self._expanded_height if pos == self._cursor else self.rows

    def _locate(self, y: int) -> tuple[int, int] | None:
        """(position, line within the item) for virtual line `y`."""
        if not self._view or y < 0:
            return None
        rows, cur = self.rows, self._cursor
        if cur is None or y < cur * rows:
            pos, off = divmod(y, rows)
        elif y < cur * rows + self._expanded_height:
            pos, off = cur, y - cur * rows
        else:
            pos, off = divmod(y - (self._expanded_height - rows), rows)
        if pos >= len(self._view):
            return None
        return pos, off

    def _scroll_to_cursor(self) -> None:
        if self._cursor is None or not self.is_mounted:
            return
        y = self._line_of(self._cursor)
        height = min(self._expanded_height, max(1, self.scrollable_content_region.height))
        self.scroll_to_region(Region(0, y, self._width, height), animate=False, force=True, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self._layout_changed()

    def notify_style_update(self) -> None:
        self._cache.clear()
        super().notify_style_update()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- rendering ---------------------------------------------------------------------------------

    def _strips_for(self, pos: int | None, width: int | None = None) -> list[Strip]:
        if pos is None or pos >= len(self._view):
            return []
        index = self._view[pos]
        expanded = pos == self._cursor
        focused = self.has_focus
        width = width or self._width
        key = (index, expanded, focused and expanded, width)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        item = self._items[index]
        if expanded:
            base = self.get_visual_style("item-list--cursor" if focused else "item-list--cursor-blurred")
        else:
            base = self.get_visual_style()
        inner = max(1, width - len(CURSOR_MARK))
        title_lines = item.title.wrap(inner)
        detail_lines = item.detail.wrap(inner) if (self.has_detail and item.detail) else []
        if expanded:
            lines = title_lines + detail_lines
            if len(lines) > MAX_EXPANDED_LINES:
                lines = [*lines[: MAX_EXPANDED_LINES - 1], _ellipsis(lines[MAX_EXPANDED_LINES - 1], inner)]
            lines += [Content("")] * (self.rows - len(lines))
        else:
            lines = title_lines[: self.title_rows]
            if len(title_lines) > self.title_rows:
                lines[-1] = _ellipsis(lines[-1], inner)
            if detail_lines:
                lines.append(_ellipsis(detail_lines[0], inner) if len(detail_lines) > 1 else detail_lines[0])
            lines += [Content("")] * (self.rows - len(lines))
        # Each line is already wrapped: its segments come straight from the Content (styles such as
        # ".item-list--detail" resolved by the widget, as Textual's own rendering does), not through
        # `Visual.to_strips`, which would wrap and format every line once more (most of a key's CPU).
        # (The click handler finds the item from the "pos" meta of the cell clicked.)
        at = RichStyle.from_meta({"pos": pos})
        mark_style = base.rich_style + at
        pad_style = (base + Style(reverse=False)).rich_style + at
        get_style = self._get_style
        strips: list[Strip] = []
        for n, line in enumerate(lines):
            mark = (CURSOR_MARK if expanded else ITEM_MARK) if n == 0 else PLAIN_MARK
            segments = [Segment(mark, mark_style)]
            segments += [Segment(text, style.rich_style + at)
                         for text, style in line.render(base, end="", parse_style=get_style)]
            used = len(mark) + line.cell_length
            if used < width:
                segments.append(Segment(" " * (width - used), pad_style))
            strips.append(Strip(segments, width) if used <= width else Strip(segments, used).crop(0, width))
        self._cache[key] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        width = self._width
        abs_y = self.scroll_offset.y + y
        if not self._view:
            if abs_y == 0:
                style = self.get_visual_style("item-list--empty")
                text = Content.assemble(PLAIN_MARK, self.no_match_text if self._items else self.empty_text)
                rendered = Visual.to_strips(self, text, width, 1, style, pad=True)
                if rendered:
                    return rendered[0].crop(0, width)
            return Strip.blank(width, self.get_visual_style().rich_style)
        where = self._locate(abs_y)
        if where is None:
            return Strip.blank(width, self.get_visual_style().rich_style)
        pos, off = where
        strips = self._strips_for(pos, width)
        if off < len(strips):
            return strips[off]
        return Strip.blank(width, self.get_visual_style().rich_style)

    # -- movement ----------------------------------------------------------------------------------

    def move_to(self, pos: int) -> None:
        if not self._view:
            return
        pos = max(0, min(pos, len(self._view) - 1))
        if pos == self._cursor:
            self._scroll_to_cursor()
            return
        old, old_height = self._cursor, self._expanded_height
        self._cursor = pos
        if old is not None and self.scrollable_content_region.width > 0 \
                and len(self._strips_for(pos)) == old_height:
            # The new cursor item expands to the height the old one had: the list keeps its height and
            # nothing below the two items moves. Repaint from the first to the end of the second (the
            # items between shift by the expansion) instead of the whole list with a new layout.
            a, b = (old, pos) if old < pos else (pos, old)
            start = self._line_of(a)
            self.refresh_lines(start, self._line_of(b) + self._height_of(b) - start)
            self._scroll_to_cursor()
        else:
            self._layout_changed()
        self.post_message(self.Highlighted(self, self.selected))

    def action_cursor(self, delta: int) -> None:
        self.move_to((self._cursor or 0) + delta if self._cursor is not None else 0)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self._view) - 1)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // max(1, self.rows) - 1)
        self.move_to((self._cursor or 0) + direction * step)

    def action_open(self) -> None:
        item = self.selected
        if item is not None:
            self.post_message(self.Opened(self, item))

    def on_click(self, event: events.Click) -> None:
        pos = event.style.meta.get("pos")
        if isinstance(pos, int):
            if pos == self._cursor and event.chain >= 2:
                self.action_open()
            else:
                self.move_to(pos)


def _ellipsis(line: Content, width: int) -> Content:
    line = line.rstrip()
    if line.cell_length >= width:
        line = line.truncate(max(0, width - 1))
    return line + "…"
