"""One-line widgets of the report screen: the header line, the tab line (narrow layout), the filter box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input, Static

from .. import keys


class HeaderLine(Static):
    """Title · outlet · date · counts. Always given Content, never a markup string."""

    COMPONENT_CLASSES: ClassVar = {"header-line--title", "header-line--meta"}
    DEFAULT_CSS = """
    HeaderLine {
        height: auto;
        max-height: 2;
        padding: 0 1;
        background: $panel;
        & > .header-line--title { text-style: bold; color: $text; }
        & > .header-line--meta { color: $text-muted; }
    }
    """

    _title: Content = Content("")
    _meta: Content = Content("")

    def show(self, title: Content, meta: Sequence[Content | str]) -> None:
        parts: list[Content | str] = []
        for m in meta:
            parts += [" · ", m if isinstance(m, Content) else Content(m)]
        width = self.content_region.width or 80
        before = self.get_content_height(self.size, self.size, width)
        self._title = title.stylize_before(".header-line--title")
        self._meta = Content.assemble(*parts).stylize_before(".header-line--meta")
        self.refresh(layout=self.get_content_height(self.size, self.size, width) != before)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 if self._title.cell_length + self._meta.cell_length <= width else 2

    def render(self) -> Content:
        # One line when it fits; else the title on its own line and the metadata under it.
        width = self.content_region.width or 80
        title, meta = self._title, self._meta
        if title.cell_length + meta.cell_length <= width:
            return Content.assemble(title, meta)
        meta = meta[3:] if meta.plain.startswith(" · ") else meta
        return Content.assemble(_fit(title, width), "\n", _fit(meta, width))


def _fit(line: Content, width: int) -> Content:
    return line.truncate(width, ellipsis=True) if line.cell_length > width else line


class PaneTabs(Static):
    """`1 Summary  2 Actors  3 Quotes  4 Timeline  5 Source`, the active one marked (narrow layout only)."""

    COMPONENT_CLASSES: ClassVar = {"pane-tabs--tab", "pane-tabs--active", "pane-tabs--count"}
    DEFAULT_CSS = """
    PaneTabs {
        height: 1;
        background: $panel;
        & > .pane-tabs--tab { color: $text-muted; }
        & > .pane-tabs--active { color: $text; background: $primary 40%; text-style: bold; }
        & > .pane-tabs--count { color: $text-muted; }
    }
    """

    def show(self, tabs: Sequence[tuple[str, str, str]], active: str) -> None:
        """`tabs`: (id, key, label) triples; `label` may carry a count."""
        parts: list[Content | str] = []
        for tab_id, key, label in tabs:
            style = ".pane-tabs--active" if tab_id == active else ".pane-tabs--tab"
            marker = "▸" if tab_id == active else " "
            parts.append(Content.styled(f"{marker}{key} {label} ", style))
            parts.append(" ")
        content = Content.assemble(*parts)
        if content.markup != getattr(self, "_shown", None):
            self._shown = content.markup
            self.update(content, layout=False)  # always one line: no layout pass needed


class FilterInput(Input):
    """An Input whose growing text does not re-lay out the whole screen on every keystroke.

    Input sets its `virtual_size` (a layout reactive) as the value changes; our box has a fixed size,
    so the same reactive without `layout` is enough and keeps live filtering fast.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class FilterBar(Horizontal):
    """The `/` box: live substring filter for the focused pane (or search in the source text)."""

    BINDINGS = keys.FILTER
    DEFAULT_CSS = """
    FilterBar {
        height: 1;
        display: none;  /* until opened */
        background: $panel;
        #filter-prompt { width: auto; padding: 0 1; color: $text-accent; }
        Input { border: none; height: 1; padding: 0; width: 1fr; background: $panel; }
        Input:focus { border: none; background-tint: transparent; }
    }
    """

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Done(Message):
        def __init__(self, accepted: bool) -> None:
            super().__init__()
            self.accepted = accepted

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="filter-prompt")
        # No validation: it would toggle the Input's -valid class (a restyle) on the first letter.
        yield FilterInput(id="filter-input", compact=True, validate_on=())

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    _open = False

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self, label: str, value: str = "") -> None:
        self.query_one("#filter-prompt", Static).update(Content(f"{label} /"))
        # Shown by its `display`, not by a class: a class would restyle the box and its children
        # (their looks do not change), on every `/` and every escape.
        self._open = True
        self.display = True
        inp = self.input
        with inp.prevent(Input.Changed):
            inp.value = value
        inp.cursor_position = len(value)
        inp.focus()

    def close(self) -> None:
        self._open = False
        self.display = False

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(True))

    def action_cancel(self) -> None:
        self.post_message(self.Done(False))

    def action_accept(self) -> None:
        self.post_message(self.Done(True))


class KeyBar(Static):
    """The footer: the keys that work here, from the active bindings (the single key table).

    Textual's Footer rebuilds a widget per key whenever focus moves (about 0.3 s per pane switch on a
    slow machine); this renders one line of Content and only when the shown keys actually change.
    """

    COMPONENT_CLASSES: ClassVar = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        & > .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[tuple[str, str], ...] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._bindings_changed, self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: object) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        shown: list[tuple[str, str]] = []
        seen: set[str] = set()
        palette = None
        for active in self.screen.active_bindings.values():
            b = active.binding
            if b.action in ("command_palette", "app.command_palette"):
                palette = (b.key_display or self.app.get_key_display(b), "Commands")
                continue
            if not b.show or not b.description or b.action in seen:
                continue
            seen.add(b.action)
            shown.append((b.key_display or self.app.get_key_display(b), b.description))
        if palette:
            shown.append(palette)
        signature = tuple(shown)
        if signature != self._shown:
            self._shown = signature
            self.update(self._render_keys(signature), layout=False)

    def _render_keys(self, keys_: Sequence[tuple[str, str]]) -> Content:
        parts: list[Content | str] = []
        for key, description in keys_:
            parts += [Content.styled(f" {key} ", ".key-bar--key"),
                      Content.styled(f"{description} ", ".key-bar--description")]
        return Content.assemble(*parts)

    @property
    def shown(self) -> tuple[tuple[str, str], ...]:
        return self._shown or ()
