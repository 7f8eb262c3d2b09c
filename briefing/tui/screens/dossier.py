"""The actor dossier: one actor across the library — reports, quotes, events and titles, by date.

`d` on an actor (or on a quote or event that has one) opens it. The actor is merged across reports by
canonical name and aliases (`Netanyahu` and `Benjamin Netanyahu` are one person) by
`Library.dossier`; quotes and events are read a page at a time. `enter` opens the report at the span
(the quote, the event, the first mention); `escape` goes back. Wide terminals show the four lists in a
grid, narrow ones one at a time (`1`–`4`, `tab`).
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.command import Hit, Hits, Provider
from textual.containers import Container
from textual.content import Content
from textual.screen import Screen
from textual.worker import get_current_worker

from .. import keys
from ..library_source import is_indexed
from ..safe import one_line
from ..styles import screen_css
from ..widgets.bars import HeaderLine, KeyBar, PaneTabs
from ..widgets.item_list import Item, ItemList, LazyItem
from .paging import PAGE, Pager

if TYPE_CHECKING:
    import datetime as dt

    from ...library import Dossier, DossierQuote, DossierReport, StoryEvent, TitleSpan
    from ..app import BriefingApp
    from ..library_source import IndexedLibrary
    from .report import ReportScreen

SECTIONS = [("reports", "Reports"), ("quotes", "Quotes"), ("events", "Events"), ("titles", "Titles")]
WIDE_AT = 120


def day(d: dt.date | None) -> str:
    return d.isoformat() if d else "undated"


def _join(parts: list[Content | str]) -> Content:
    out: list[Content | str] = []
    for n, p in enumerate(p for p in parts if p):
        out += [" · "] if n else []
        out.append(p)
    return Content.assemble(*out)


def report_name(title: str | None, path: str) -> str:
    return one_line(title or os.path.basename(path), 120)


def _report_row(r: DossierReport) -> tuple[Content, Content]:
    role = ", ".join(t for t in [*r.titles, r.affiliation or ""] if t)
    detail = _join([Content.assemble("as ", Content.styled(one_line(r.name, 80), "bold")),
                    Content(one_line(role, 120)) if role else "",
                    f"{r.mentions} mention{'s' if r.mentions != 1 else ''}"])
    title = Content.assemble(Content.styled(day(r.published), ".item-list--key"), "  ",
                             Content.styled(report_name(r.title, r.path), "bold"))
    return title, detail.stylize_before(".item-list--detail")


def report_item(r: DossierReport, n: int) -> Item:
    spans = ((r.first_start, r.first_end),) if r.first_start is not None and r.first_end is not None else ()
    return LazyItem(f"r{n}", r, "report", _report_row, spans, r.path)


def candidate_item(name: str, reports: int, n: int) -> Item:
    return Item(key=f"c{n}", title=Content.assemble(Content.styled("Did you mean ", "italic"),
                                                    Content.styled(one_line(name, 80), "bold"), "?"),
                detail=Content(f"{reports} report{'s' if reports != 1 else ''} · enter opens their dossier")
                .stylize_before(".item-list--detail"), copy_text=name, kind="candidate", data=name)


def _quote_row(q: DossierQuote) -> tuple[Content, Content]:
    body = Content(one_line(q.text, 600))
    title = Content.assemble("“", body, "”") if q.kind != "indirect" else body
    detail = _join([Content.styled(day(q.published), ".item-list--key"), Content(report_name(q.report_title, q.path)),
                    Content(one_line(q.cue or "", 40)),
                    Content.assemble("as ", Content(one_line(q.speaker, 60))) if q.speaker else "",
                    Content.styled(q.kind, ".item-list--badge") if q.kind != "direct" else ""])
    return title, detail.stylize_before(".item-list--detail")


def quote_item(q: DossierQuote, n: int) -> Item:
    return LazyItem(f"q{n}", q, "quote", _quote_row, ((q.start, q.end),), q.text)


def when_label(e: StoryEvent) -> str:
    if e.date_start is None:
        return one_line(e.when_text, 40) or "undated"
    start = e.date_start
    if e.granularity == "year":
        return f"{start.year}"
    if e.granularity == "decade":
        return f"{start.year}s"
    if e.granularity == "month":
        return f"{start.year}-{start.month:02d}"
    if e.date_end and e.date_end != start:
        return f"{start.isoformat()} – {e.date_end.isoformat()}"
    return start.isoformat()


def _event_row(e: StoryEvent) -> tuple[Content, Content]:
    title = Content.assemble(Content.styled(when_label(e), ".item-list--key"), "  ",
                             Content(one_line(e.description, 600)))
    relative = e.date_start is None and e.when_text
    detail = _join([Content(report_name(e.report_title, e.path)),
                    Content.assemble("report ", day(e.published)),
                    Content.styled("relative", ".item-list--badge") if relative else "",
                    Content(one_line(", ".join(e.actors), 120)) if e.actors else ""])
    return title, detail.stylize_before(".item-list--detail")


def event_item(e: StoryEvent, n: int) -> Item:
    return LazyItem(f"e{n}", e, "event", _event_row, ((e.start, e.end),), e.description)


def title_item(t: TitleSpan, n: int) -> Item:
    if t.first and t.last and t.first != t.last:
        when = f"{t.first.isoformat()} → {t.last.isoformat()}"
    else:
        when = day(t.first or t.last)
    return Item(key=f"t{n}", title=Content.styled(one_line(t.title, 200), "bold"),
                detail=Content.assemble(Content.styled(when, ".item-list--key"),
                                        f" · {t.reports} report{'s' if t.reports != 1 else ''}")
                .stylize_before(".item-list--detail"), copy_text=t.title, kind="title", data=t)


def open_at(app: BriefingApp, path: str, spans: tuple[tuple[int, int], ...], label: str) -> None:
    """Open a report with `spans` highlighted (or at its top when there are none)."""
    from .report import At

    app.open_report(Path(path), at=At(spans, label) if spans else None)


class DossierScreen(Screen[None]):
    DEFAULT_CSS = screen_css("dossier")  # styles/dossier.tcss
    BINDINGS = keys.DOSSIER
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (WIDE_AT, "-wide")]
    RETURN_ON_ESCAPE = True  # a report opened from here goes back here on escape

    def __init__(self, source: IndexedLibrary, name: str) -> None:
        super().__init__(classes="-wide" if self.app.size.width >= WIDE_AT else "-narrow")
        self.source = source
        self.actor = name
        self.dossier: Dossier | None = None
        self.active = "reports"
        self.pagers: dict[str, Pager] = {}

    @property
    def reader(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        yield PaneTabs(id="dossier-tabs")
        with Container(id="dossier-body"):
            for section, _title in SECTIONS:
                yield ItemList(title_rows=2 if section == "quotes" else 1, detail=True, empty="Reading the index…",
                               id=section, classes="pane dossier-list")
        yield KeyBar()

    def lists(self) -> list[ItemList]:
        return [self.query_one(f"#{s}", ItemList) for s, _ in SECTIONS]

    def section(self, name: str) -> ItemList:
        return self.query_one(f"#{name}", ItemList)

    @property
    def narrow(self) -> bool:
        return not self.has_class("-wide")

    def on_mount(self) -> None:
        self.query_one(HeaderLine).show(Content.assemble("Dossier: ", Content(one_line(self.actor, 80))),
                                        ["reading the index…"])
        self._sync()
        self.section("reports").focus()
        self._load()

    @work(thread=True, exclusive=True, group="dossier", exit_on_error=False)
    def _load(self) -> None:
        d = self.source.dossier(self.actor, limit=PAGE)
        rows: dict[str, list[Item]] = {}
        if d is not None:  # the rows are built here too: hundreds of them would stall the event loop
            rows["reports"] = [candidate_item(c.name, c.reports, n) for n, c in enumerate(d.candidates)]
            rows["reports"] += [report_item(r, n) for n, r in enumerate(d.reports)]
            rows["titles"] = [title_item(t, n) for n, t in enumerate(d.titles)]
            rows["quotes"] = [quote_item(q, n) for n, q in enumerate(d.quotes)]
            rows["events"] = [event_item(e, n) for n, e in enumerate(d.events)]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply, d, rows)

    def _apply(self, d: Dossier | None, rows: dict[str, list[Item]]) -> None:
        if not self.is_attached:
            return
        self.dossier = d
        if d is None:
            for lst in self.lists():
                lst.empty_text = "No report in the library mentions this actor"
                lst.set_items([])
            indexing = " (still indexing: try again when it is done)" if self.source.state.running else ""
            self.query_one(HeaderLine).show(Content.assemble("Dossier: ", Content(one_line(self.actor, 80))),
                                            [f"not found{indexing}"])
            self._sync()
            return
        self.section("reports").empty_text = "No report"
        self.section("reports").set_items(rows["reports"])
        self.section("titles").empty_text = "No titles given"
        self.section("titles").set_items(rows["titles"])
        for name, records, total, fetch, build in (
            ("quotes", d.quotes, d.quote_count, partial(self.source.dossier_quotes, d), quote_item),
            ("events", d.events, d.event_count, partial(self.source.dossier_events, d), event_item),
        ):
            lst = self.section(name)
            lst.empty_text = f"No {name}"
            pager = Pager(self, lst, fetch, build, total, on_change=self._sync)
            self.pagers[name] = pager
            pager.start(records, rows[name])
        self._show_header(d)
        self._sync()

    def _show_header(self, d: Dossier) -> None:
        meta: list[Content | str] = []
        if d.kind:
            meta.append(d.kind)
        if d.candidates and not d.reports:
            meta.append(f"{len(d.candidates)} people share this name: choose one")
        else:
            meta += [f"{len(d.reports):,} report{'s' if len(d.reports) != 1 else ''}",
                     f"{d.quote_count:,} quotes", f"{d.event_count:,} events"]
        if d.aliases:
            meta.append(Content.assemble("also ", Content(one_line(", ".join(d.aliases[:8]), 120))))
        if self.source.state.running:
            meta.append("indexing: more may come")
        self.query_one(HeaderLine).show(Content.assemble("Dossier: ", Content.styled(one_line(d.name, 80), "bold")),
                                        meta)

    # -- layout ------------------------------------------------------------------------------------

    def on_resize(self) -> None:
        focused = self.focused
        if self.narrow and isinstance(focused, ItemList) and focused.id:
            self.active = focused.id
        self._sync()

    def _count(self, name: str) -> str:
        pager = self.pagers.get(name)
        if pager is not None:
            return pager.count_text()
        return f"{self.section(name).total:,}"

    def _sync(self) -> None:
        if not self.is_attached:
            return
        tabs = []
        for n, (name, title) in enumerate(SECTIONS, 1):
            lst = self.section(name)
            lst.set_class(name == self.active, "-active")
            count = self._count(name) if self.dossier is not None else ""
            lst.border_title = Content.assemble(Content.styled(self._key_for(f"dossier_{name}", str(n)), "bold"),
                                                f" {title} ", Content.styled(count, "dim"))
            tabs.append((name, self._key_for(f"dossier_{name}", str(n)), f"{title} {count}".strip()))
        self.query_one(PaneTabs).show(tabs, self.active)

    def _key_for(self, binding_id: str, default: str) -> str:
        keymap = getattr(self.app, "_keymap", {}) or {}
        return keymap.get(binding_id, default).split(",")[0]

    def action_show_section(self, name: str) -> None:
        self.active = name
        self._sync()
        self.section(name).focus()

    def action_cycle_section(self, step: int) -> None:
        names = [s for s, _ in SECTIONS]
        focused = self.focused
        current = focused.id if isinstance(focused, ItemList) and focused.id in names else self.active
        self.action_show_section(names[(names.index(current) + step) % len(names)])

    # -- moving and opening ------------------------------------------------------------------------

    @on(ItemList.Highlighted)
    def _highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()
        pager = self.pagers.get(event.item_list.id or "")
        if pager is not None:
            pager.maybe_more()

    @on(ItemList.Opened)
    def _opened(self, event: ItemList.Opened) -> None:
        event.stop()
        item = event.item
        data: Any = item.data
        if item.kind == "candidate":
            self.app.switch_screen(DossierScreen(self.source, str(data)))
        elif item.kind == "report":
            open_at(self.reader, data.path, item.spans, f"{one_line(data.name, 40)} (first mention)")
        elif item.kind == "quote":
            open_at(self.reader, data.path, item.spans, f"quote: {one_line(data.text, 40)}")
        elif item.kind == "event":
            open_at(self.reader, data.path, item.spans, f"event: {one_line(data.when_text, 40)}")
        else:
            self.notify("A title is not a place in a report: see the reports that give it in 1 Reports",
                        markup=False, timeout=3)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_library(self) -> None:
        self.reader.action_library()


# -- opening a dossier ------------------------------------------------------------------------------


def actor_name(screen: ReportScreen) -> str | None:
    """The actor `d` is about on the report screen: the selected actor, or the speaker of the selected
    quote, or the actor of the selected event (its first one), or the actor shown in the source."""
    from ..panes import Pane

    lookup = screen.lookup
    if lookup is None:
        return None
    widget = screen.widget_for(screen.current_pane_id())
    item = widget.selected if isinstance(widget, Pane) else None
    if item is None:
        if screen.opened is not None and screen.opened.kind == "actor":
            return lookup.actor_name(screen.opened.key)
        return None
    if item.kind == "actor":
        return lookup.actor_name(item.key)
    if item.actor_ids:
        return lookup.actor_name(sorted(item.actor_ids)[0])
    speaker = getattr(item.data, "speaker", None)
    if speaker is not None and speaker.text and not speaker.anonymous:
        return speaker.text  # a named speaker the extractor did not tie to an actor
    return None


def open_from_report(screen: ReportScreen) -> None:
    name = actor_name(screen)
    if not name:
        screen.notify("Select an actor (or a quote or event with one) to see their dossier", markup=False,
                      timeout=3)
        return
    open_dossier(screen.reader, name)


def open_dossier(app: BriefingApp, name: str) -> None:
    source = app.library
    if not is_indexed(source):
        shown = one_line(name, 40)
        app.notify(f"Only this report is open: f filters it to {shown}. Open a folder (briefing DIR) to follow "
                   f"{shown} across reports.", markup=False, timeout=6)
        return
    app.push_screen(DossierScreen(source, name))  # type: ignore[arg-type]


class DossierCommands(Provider):
    """Palette: `Dossier: NAME` for every actor of the open report."""

    async def search(self, query: str) -> Hits:
        b = getattr(self.screen, "briefing", None)
        if b is None or not is_indexed(getattr(self.app, "library", None)):
            return
        from ..commands import highlight

        matcher = self.matcher(query)
        for a in b.actors:
            name = one_line(a.name, 80)
            # Matched against the name only, so "dossier" alone does not list every actor; `highlight`
            # builds literal Content (Matcher.highlight would parse the name as markup).
            score, offsets = matcher.fuzzy_search.match(_without_prefix(query, "dossier"), name)
            if score > 0:
                yield Hit(score * 0.9, Content.assemble(Content.styled("Dossier: ", "dim"), highlight(name, offsets)),
                          partial(open_dossier, self.app, a.name),  # type: ignore[arg-type]
                          text=f"Dossier: {name}", help="Follow this actor across the reports of the library")


def _without_prefix(query: str, word: str) -> str:
    q = query.strip()
    rest = q[len(word):].strip() if q.lower().startswith(word) else q
    return rest or q
