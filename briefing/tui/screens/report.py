"""The report screen: header line, the four list panes and the source text, all driven by keys.

Wide terminals (≥ 120 columns) show the panes in a 2×2 grid beside the source; narrow ones show one
pane at a time under a tab line (`1`–`5`). Parsing runs in a thread worker; the file is polled for
changes and re-parsed, keeping the selection (by item key) where it can.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from .. import keys
from ..commands import JumpCommands
from ..panes import PANES, Lookup, Pane
from ..preview import quick_text
from ..safe import clipboard_text, one_line
from ..widgets.bars import FilterBar, HeaderLine, KeyBar, PaneTabs
from ..widgets.item_list import Item, ItemList
from ..widgets.source_view import SourceView

if TYPE_CHECKING:
    from textual.command import Provider

    from ...model import Briefing
    from ..app import BriefingApp

ORDER = ["summary", "actors", "quotes", "timeline", "source"]
_PREVIEW_BEFORE_PAINT = 256 * 1024  # bytes: a bigger report's text is shown just after the first paint
WIDE_AT = 120


@dataclass
class Opened:
    """What `enter` showed in the source, to restore it after a reload and to title the source pane."""

    pane: str
    key: str
    kind: str
    label: str


@dataclass(frozen=True)
class At:
    """Where to open a report (a search hit, a dossier quote, a story event): model spans to highlight in
    the source, the first one scrolled to."""

    spans: tuple[tuple[int, int], ...]
    label: str = ""


@dataclass
class Saved:
    """Screen state kept across a reload."""

    selected: dict[str, str | None] = field(default_factory=dict)
    queries: dict[str, str] = field(default_factory=dict)
    actor: str | None = None
    focus: str | None = None
    source_top: int = 0


def _dossier_commands() -> type[Provider]:
    """The palette's dossier commands, imported when the palette opens (Textual takes a callable)."""
    from .dossier import DossierCommands

    return DossierCommands


class ReportScreen(Screen[None]):
    BINDINGS = keys.REPORT
    COMMANDS: ClassVar = {JumpCommands, _dossier_commands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (WIDE_AT, "-wide")]

    def __init__(self, path: Path, at: At | None = None) -> None:
        # The layout class up front: switching it after mount would restyle every widget once more.
        super().__init__(classes="-wide" if self.app.size.width >= WIDE_AT else "-narrow")
        self.path = path
        self.at = at
        self.briefing: Briefing | None = None
        self.lookup: Lookup | None = None
        self.active = "summary"  # the visible tab in the narrow layout; the last list pane in the wide one
        self.back_to: str | None = None
        self.actor_filter: str | None = None
        self.opened: Opened | None = None
        self.search_target: str | None = None
        self._search_timer: Timer | None = None
        self._stamp: tuple[int, int] | None = None
        self._loading = False
        # The user went to a pane before the parse was done (the text is shown at once): the first
        # briefing must not take the focus away from there.
        self._chosen = False
        self._haystack_lists: list[Sequence[Item]] = []
        self._preview_pending = False
        self._resumed = False

    @property
    def reader(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # No containers: the screen lays its children out itself (a grid when wide, one column when
        # narrow), so every frame composites and styles fewer widgets (each container is painted too,
        # under its children). In the wide grid the source is the third cell of the first pane row and
        # spans both rows: hence it comes between the actors and the quotes.
        yield HeaderLine(id="header")
        yield PaneTabs(id="tabs")
        panes = []
        for spec in PANES:
            pane = Pane(spec, active=spec.id == self.active)
            pane.empty_text = "Reading the report…"
            panes.append(pane)
        yield from panes[:2]
        yield SourceView(id="source")
        yield from panes[2:]
        yield KeyBar()  # the `/` filter box is mounted over it the first time it is needed

    def on_mount(self) -> None:
        self.header.show(Content(one_line(self.path.name)), ["loading…"])
        self._update_titles()
        self._sync_tabs()
        # The text at once (a UTF-8 report's is known before any parse); the panes fill when it is done.
        # A big text (a 5 MB one wraps to 100,000 lines) comes right after the screen's first paint.
        try:
            big = os.stat(self.path).st_size > _PREVIEW_BEFORE_PAINT
        except OSError:
            big = False
        if big:
            self._preview_pending = True
        else:
            self._preview()
        # Parse once the screen is painted: the worker would otherwise compete with the first paint.
        self._loading = True
        self.call_after_refresh(self.load)
        interval = self.reader.watch_interval
        if interval > 0:
            self.set_interval(interval, self._check_file, name="watch")

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first resume comes right after the screen was composed and every widget styled: Textual
        # would style them all a second time before the first frame (a tenth of the screen's start-up
        # CPU). Later resumes (back from the help or a dossier) restyle as usual. (Runs before Screen's
        # own handler: Textual calls handlers from the most derived class up.)
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _compositor_refresh(self) -> None:
        super()._compositor_refresh()
        if self._preview_pending:
            # A big report's text waits for the screen's first frame to be out (wrapping 5 MB is a
            # good part of a second); a short one is in that frame.
            self._preview_pending = False
            self.set_timer(0.05, self._preview)

    def _preview(self) -> None:
        if self.briefing is None:
            text = quick_text(self.path, self.reader.max_bytes)
            if text is not None:
                self.source.set_text(text)

    @property
    def narrow(self) -> bool:
        return not self.has_class("-wide")

    def pane(self, pane_id: str) -> Pane:
        return self.query_one(f"#{pane_id}", Pane)

    @property
    def panes(self) -> list[Pane]:
        return [self.pane(spec.id) for spec in PANES]

    @property
    def source(self) -> SourceView:
        return self.query_one(SourceView)

    @property
    def header(self) -> HeaderLine:
        return self.query_one(HeaderLine)

    @property
    def filter_open(self) -> bool:
        bars = self.query(FilterBar)
        return bool(bars) and bars.first().is_open

    async def _filter_bar(self) -> FilterBar:
        bars = self.query(FilterBar)
        if bars:
            return bars.first()
        bar = FilterBar(id="filter")
        await self.mount(bar, after=self.query_one(KeyBar))  # drawn over the key bar
        return bar

    def widget_for(self, pane_id: str) -> Pane | SourceView:
        return self.source if pane_id == "source" else self.pane(pane_id)

    def current_pane_id(self) -> str:
        """The pane the user is in: the focused one, else the one the filter box works on, else the tab."""
        focused = self.focused
        if isinstance(focused, (Pane, SourceView)) and focused.id:
            return focused.id
        if self.filter_open and self.search_target:
            return self.search_target
        return self.active

    def on_resize(self) -> None:
        # Going from wide to narrow: the tab shown is the pane the user was in.
        focused = self.focused
        if self.narrow and isinstance(focused, (Pane, SourceView)) and focused.id in ORDER:
            self.active = focused.id
        self._sync_tabs()

    def _sync_tabs(self) -> None:
        """Show only the active pane in the narrow layout (classes drive the CSS)."""
        if self.narrow:
            # Only the narrow layout's CSS uses the class; each change restyles a pane (and repaints
            # its scrollbar): in the wide layout it is left as it was (`on_resize` catches up).
            for pane_id in ORDER:
                self.widget_for(pane_id).set_class(pane_id == self.active, "-active")
        counts = {}
        if self.briefing is not None:
            for p in self.panes:
                counts[p.id] = p.shown
        tabs = []
        for n, pane_id in enumerate(ORDER, 1):
            label = "Source" if pane_id == "source" else PANES[n - 1].title
            if pane_id in counts:
                label += f" {counts[pane_id]}"
            tabs.append((pane_id, self._key_for(pane_id, str(n)), label))
        self.query_one(PaneTabs).show(tabs, self.active)

    def _key_for(self, binding_id: str, default: str) -> str:
        keymap = getattr(self.app, "_keymap", {}) or {}
        key = keymap.get(binding_id, default).split(",")[0]
        return key

    # -- loading -----------------------------------------------------------------------------------

    def load(self, fresh: bool = False) -> None:
        self._loading = True
        self._stamp = _stamp(self.path)
        self._parse(fresh)

    @work(thread=True, exclusive=True, group="parse", exit_on_error=False)
    def _parse(self, fresh: bool) -> Briefing:
        return self.reader.load_briefing(self.path, fresh=fresh)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "parse":
            return
        if event.state == WorkerState.SUCCESS:
            self._loading = False
            try:
                self.apply(event.worker.result)  # type: ignore[arg-type]
            except Exception as exc:  # a model the panes cannot show: say so, never a traceback
                self.reader.report_failed(self, self.path, exc)
        elif event.state == WorkerState.ERROR:
            self._loading = False
            self.reader.report_failed(self, self.path, event.worker.error)

    def _check_file(self) -> None:
        if self._loading:
            return
        stamp = _stamp(self.path)
        if stamp is not None and stamp != self._stamp:
            self.load(fresh=True)

    def action_reload(self) -> None:
        self.notify(f"Reloading {one_line(self.path.name)}", markup=False, timeout=2)
        self.load(fresh=True)

    def apply(self, b: Briefing) -> None:
        """Show `b`; if a briefing was already shown, keep selection, filters and focus where possible."""
        first = self.briefing is None
        saved = None if first else self._save()
        self.briefing = b
        self.lookup = Lookup(b)
        self.reader.opened_ok = True

        counts = [f"{len(b.actors)} actors", f"{len(b.quotes)} quotes", f"{len(b.timeline)} events"]
        meta: list[Content | str] = []
        if b.outlet:
            meta.append(Content(one_line(b.outlet)))
        if b.published:
            meta.append(b.published.isoformat())
        meta += counts
        title = (b.title or "").strip() or self.path.name
        self.header.show(Content(one_line(title)), meta)

        for spec in PANES:
            pane = self.pane(spec.id)
            pane.empty_text = f"No {spec.noun} in this report"
            keep = saved.selected.get(spec.id) if saved else None
            pane.set_items(spec.build(b, self.lookup), keep=keep)
        headings = [(blk.content.start, blk.content.end) for blk in b.blocks if blk.kind == "heading"]
        self.source.set_text(b.text, headings)

        if saved is not None:
            self._restore(saved)
        elif self.at is not None:
            self._show_at(self.at)
        elif not self._chosen:
            self._focus_initial()
        self._update_titles()
        self._sync_tabs()
        if not first:
            self.notify("Report reloaded", timeout=2)
        # While the user reads: the filter box (its first mount is a tenth of a second) and the panes'
        # filter text (20,000 quotes take a fifth), so neither `/` nor its first letter waits for them.
        self.call_after_refresh(self._prepare_filtering)
        # The briefing and its rows live as long as the screen: out of the cyclic GC's reach, its full
        # collections (a third of a second each with a big report, several per minute of use) stay
        # short. Freed again when the screen goes (see on_unmount).
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()

    async def _prepare_filtering(self) -> None:
        if self.is_attached:
            await self._filter_bar()
            self._haystack_lists = [p.items for p in self.panes]
            self._build_haystacks()

    # (No arguments: Textual describes a worker with the repr of its arguments, 35,000 rows' worth here.)
    @work(thread=True, group="haystacks", exit_on_error=False)
    def _build_haystacks(self) -> None:
        lists: list[Sequence[Item]] = self._haystack_lists
        self._haystack_lists = []
        for items in lists:
            for item in items:
                item.haystack  # noqa: B018 (computed and kept on first access)

    def _show_at(self, at: At) -> None:
        size = len(self.source.text)
        spans = [(max(0, min(s, size)), max(0, min(e, size))) for s, e in at.spans]
        if not spans:
            self._focus_initial()
            return
        self.source.show_spans(spans, 0, at.label)
        self.show_pane("source")

    def _focus_initial(self) -> None:
        # Start in the first pane that has something; an empty seed report still opens on its text.
        for spec in PANES:
            if self.pane(spec.id).total:
                self.show_pane(spec.id)
                return
        self.show_pane("source" if self.narrow else "summary")

    def _save(self) -> Saved:
        s = Saved()
        for p in self.panes:
            s.selected[p.id or ""] = p.selected.key if p.selected else None
            s.queries[p.id or ""] = p.query
        s.actor = self.actor_filter
        s.focus = self.current_pane_id()
        s.source_top = self.source.top_offset()
        return s

    def _restore(self, s: Saved) -> None:
        for p in self.panes:
            p.set_query(s.queries.get(p.id or "", ""))
        if s.actor and self.lookup and s.actor in self.lookup.actors:
            self._set_actor_filter(s.actor)
        elif s.actor:
            self._set_actor_filter(None)
            self.notify("The filtered actor is no longer in the report", severity="warning", markup=False)
        for p in self.panes:
            key = s.selected.get(p.id or "")
            if key:
                p.select_key(key)
        if self.opened is not None:
            pane = self.pane(self.opened.pane)
            item = next((it for it in pane.items if it.key == self.opened.key), None)
            if item is not None:
                self._show_item(pane, item, focus=False)
            else:
                self.opened = None
                self.source.scroll_to(y=self.source.line_of(s.source_top), animate=False, force=True, immediate=True)
        else:
            self.source.scroll_to(y=self.source.line_of(s.source_top), animate=False, force=True, immediate=True)
        if s.focus:
            self.show_pane(s.focus)

    # -- titles ------------------------------------------------------------------------------------

    def _update_titles(self) -> None:
        actor = self.lookup.actor_name(self.actor_filter) if (self.lookup and self.actor_filter) else None
        for spec in PANES:
            pane = self.pane(spec.id)
            parts: list[Content | str] = [
                Content.styled(self._key_for(spec.id, str(spec.number)), "bold"), " ", spec.title]
            if self.briefing is not None:
                count = f"{pane.shown}" if pane.shown == pane.total else f"{pane.shown}/{pane.total}"
                parts += [" ", Content.styled(count, "dim")]
            if actor and spec.id != "actors":
                parts += [" · ", Content.styled("actor: ", "dim"), Content(one_line(actor, 60))]
            if pane.query:
                parts += [" · ", Content.styled("/", "dim"), Content(one_line(pane.query, 40))]
            _set_title(pane, Content.assemble(*parts))
        src = self.source
        parts = [Content.styled(self._key_for("source", "5"), "bold"), " Source"]
        if src.label and src.highlight_count:
            cur = (src.current_index or 0) + 1
            parts += [" · ", Content(one_line(src.label, 60)), Content.styled(f" {cur}/{src.highlight_count}", "dim")]
            if src.highlight_count > 1:
                parts.append(Content.styled("  n/N", "dim"))
        elif src.label:
            parts += [" · ", Content(one_line(src.label, 60)), Content.styled(" no matches", "dim")]
        _set_title(src, Content.assemble(*parts))

    @on(SourceView.Moved)
    def _source_moved(self) -> None:
        self._update_titles()

    # -- panes and focus ---------------------------------------------------------------------------

    def show_pane(self, pane_id: str) -> None:
        if pane_id not in ORDER:
            return
        if self.narrow:
            self.active = pane_id
            self._sync_tabs()
        elif pane_id != "source":
            self.active = pane_id
        self.widget_for(pane_id).focus()

    def action_show_pane(self, pane_id: str) -> None:
        if self.filter_open:
            self._close_filter(accept=True)
        self._chosen = True
        self.show_pane(pane_id)

    def action_cycle_pane(self, step: int) -> None:
        self._chosen = True
        current = self.current_pane_id()
        i = ORDER.index(current) if current in ORDER else 0
        self.show_pane(ORDER[(i + step) % len(ORDER)])

    @on(ItemList.Highlighted)
    def _highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()

    @on(ItemList.Opened)
    def _opened(self, event: ItemList.Opened) -> None:
        event.stop()
        if isinstance(event.item_list, Pane):
            self._show_item(event.item_list, event.item, focus=True)

    def _show_item(self, pane: Pane, item: Item, focus: bool) -> None:
        if not item.spans:
            self.notify("This item has no place in the text", severity="warning", markup=False, timeout=3)
            return
        label = f"{item.kind}: {one_line(item.copy_text, 40)}" if item.kind else ""
        if item.kind == "actor":
            name = one_line(item.copy_text, 40)
            label = f"{name} (mentions)" if len(item.spans) > 1 else name
        self.opened = Opened(pane.id or "", item.key, item.kind, label)
        self.source.show_spans(list(item.spans), 0, label)
        if focus:
            self.back_to = pane.id
            self.show_pane("source")
        self._update_titles()

    def action_back(self) -> None:
        current = self.current_pane_id()
        if current == "source" and self.back_to:
            target, self.back_to = self.back_to, None
            self.show_pane(target)
            return
        if self.actor_filter:
            self._set_actor_filter(None)
            return
        widget = self.widget_for(current)
        if isinstance(widget, Pane) and widget.query:
            widget.set_query("")
            self._update_titles()
            self._sync_tabs()
            return
        if current == "source" and self.source.highlight_count:
            self.source.clear_highlights()
            self.opened = None
            self._update_titles()
            return
        # Opened from a dossier or the story timeline: escape goes back to it.
        stack = self.app.screen_stack
        if len(stack) > 1 and stack[-1] is self and getattr(stack[-2], "RETURN_ON_ESCAPE", False):
            self.app.pop_screen()

    # -- filters -----------------------------------------------------------------------------------

    def action_filter_actor(self) -> None:
        if self.actor_filter:
            self._set_actor_filter(None)
            return
        widget = self.widget_for(self.current_pane_id())
        item = widget.selected if isinstance(widget, Pane) else None
        actor_id = None
        if item is None and self.opened is not None and self.opened.kind == "actor":
            actor_id = self.opened.key  # in the source, showing an actor's mentions
        elif item is not None:
            if item.kind == "actor":
                actor_id = item.key
            elif item.actor_ids:
                actor_id = sorted(item.actor_ids)[0]
        if actor_id is None:
            self.notify("Select an actor (or a quote or event with one) to filter by", markup=False, timeout=3)
            return
        self._set_actor_filter(actor_id)

    def _set_actor_filter(self, actor_id: str | None) -> None:
        self.actor_filter = actor_id
        for p in self.panes:
            if p.id == "actors":
                continue
            if actor_id is None:
                p.set_predicate(None)
            else:
                p.set_predicate(lambda it, a=actor_id: a in it.actor_ids)
        self._update_titles()
        self._sync_tabs()

    async def action_search(self) -> None:
        target = self.current_pane_id()
        self.search_target = target
        widget = self.widget_for(target)
        name = "Source" if target == "source" else next(s.title for s in PANES if s.id == target)
        value = widget.query if isinstance(widget, Pane) else (self.source.label[1:] if
                                                               self.source.label.startswith("/") else "")
        (await self._filter_bar()).open(name, value)

    @on(FilterBar.Changed)
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        target = self.search_target or self.active
        widget = self.widget_for(target)
        if isinstance(widget, Pane):
            widget.set_query(event.query)
            self._update_titles()
            self._sync_tabs()
        else:
            self._search_source(event.query)

    def _search_source(self, query: str) -> None:
        # Searching 5 MB on every keystroke would lag: wait until typing pauses.
        if self._search_timer is not None:
            self._search_timer.stop()
        delay = 0.0 if len(self.source.display_text) < 200_000 else 0.25
        if delay == 0:
            self._run_source_search(query)
        else:
            self._search_timer = self.set_timer(delay, lambda: self._run_source_search(query))

    def _run_source_search(self, query: str) -> None:
        self.opened = None
        self.source.search(query)
        self._update_titles()

    @on(FilterBar.Done)
    def _filter_done(self, event: FilterBar.Done) -> None:
        self._close_filter(event.accepted)

    def _close_filter(self, accept: bool) -> None:
        target = self.search_target or self.active
        widget = self.widget_for(target)
        if not accept:
            if isinstance(widget, Pane):
                widget.set_query("")
            else:
                self.source.clear_highlights()
        self.query_one(FilterBar).close()
        self.search_target = None
        self._update_titles()
        self._sync_tabs()
        self.show_pane(target)

    # -- other actions -----------------------------------------------------------------------------

    def action_copy(self) -> None:
        widget = self.widget_for(self.current_pane_id())
        text, what = "", ""
        if isinstance(widget, Pane):
            item = widget.selected
            if item is not None:
                text, what = item.copy_text, item.kind or "item"
        else:
            span = widget.current_model_span()
            if span is not None:
                text, what = widget.text[span[0] : span[1]], "highlighted text"
        if not text:
            self.notify("Nothing selected to copy", severity="warning", markup=False, timeout=3)
            return
        self.app.copy_to_clipboard(clipboard_text(text))
        self.notify(f"Copied {what} ({len(text)} characters)", markup=False, timeout=3)

    def action_step_report(self, step: int) -> None:
        self.reader.step_report(self.path, step)

    def action_library(self) -> None:
        self.reader.action_library()

    def action_dossier(self) -> None:
        from .dossier import open_from_report

        open_from_report(self)

    # -- palette jumps -----------------------------------------------------------------------------

    def jump(self, pane_id: str, key: str) -> None:
        """Select item `key` in `pane_id` (clearing filters that hide it) and show it in the source."""
        pane = self.pane(pane_id)
        if not pane.select_key(key):
            if self.actor_filter:
                self._set_actor_filter(None)
            pane.set_query("")
            pane.select_key(key)
            self._update_titles()
        self.show_pane(pane_id)
        item = pane.selected
        if item is not None and item.key == key and item.spans:
            self._show_item(pane, item, focus=False)


def _set_title(widget: Pane | SourceView, title: Content) -> None:
    # Setting a border title repaints the whole widget: on every keystroke of a live filter that is
    # five panes' worth of rendering for titles that mostly did not change.
    if getattr(widget, "_title_markup", None) != title.markup:
        widget._title_markup = title.markup  # type: ignore[union-attr]
        widget.border_title = title


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
