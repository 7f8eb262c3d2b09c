"""Hand-built briefings for the reader's tests, independent of how well extraction does.

`skeleton()` loads a report the way the pipeline does (text, blocks, sentences, front matter) but runs
no extractor; `with_items()` adds actors, quotes and events whose spans are found in the text, so every
test knows exactly which characters `enter` must highlight.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from textual import _wait as textual_wait
from textual.pilot import Pilot

from briefing import document
from briefing.load import decode, format_for, load_text, read_bytes
from briefing.model import Actor, Briefing, Event, EventTime, Quote, SourceInfo, Span, Speaker, SummaryItem
from briefing.tui.app import BriefingApp
from briefing.tui.screens.report import ReportScreen
from briefing.tui.widgets.source_view import SourceView

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_226388b4aeac2740.txt"


def skeleton(path: Path) -> Briefing:
    """The report as loaded (text, blocks, sentences, front matter title/date/source); no extraction."""
    data = read_bytes(path)
    text, encoding, diags = decode(data)
    fmt = format_for(str(path), text)
    loaded = load_text(text, encoding=encoding, size=len(data), path=str(path),
                       parse_front_matter=fmt == "markdown", diagnostics=diags)
    doc = document.build(loaded.text, format=fmt, front_matter=loaded.front_matter,
                         front_matter_end=loaded.front_matter_end)
    fm = loaded.front_matter
    published = fm.get("date")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    return Briefing(
        id=hashlib.sha256(loaded.text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
        source=SourceInfo(path=str(path), format=fmt, encoding=encoding, size=len(data)),  # type: ignore[arg-type]
        text=loaded.text,
        title=str(fm["title"]) if fm.get("title") else None,
        outlet=str(fm["source"]) if fm.get("source") else None,
        published=published if isinstance(published, dt.date) else None,
        blocks=doc.blocks,
        sentences=doc.sentence_models(),
        diagnostics=loaded.diagnostics,
    )


def spans_of(text: str, needle: str) -> list[Span]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(Span(start=i, end=i + len(needle)))
        i = text.find(needle, i + len(needle))
    return out


def first(text: str, needle: str) -> Span:
    found = spans_of(text, needle)
    assert found, f"{needle!r} not in the text"
    return found[0]


def sentence_around(b: Briefing, span: Span) -> Span:
    for s in b.sentences:
        if s.span.start <= span.start and span.end <= s.span.end:
            return s.span
    return span


def actor(b: Briefing, actor_id: str, name: str, kind: str, *aliases: str, titles: tuple[str, ...] = (),
          affiliation: str | None = None) -> Actor:
    mentions: set[Span] = set()
    for n in (name, *aliases):
        for sp in spans_of(b.text, n):
            # an alias inside a longer mention ("Netanyahu" in "Benjamin Netanyahu") is the same mention
            if not any(m.start <= sp.start and sp.end <= m.end for m in mentions):
                mentions.add(sp)
    mentions = {m for m in mentions if not any(o != m and o.start <= m.start and m.end <= o.end for o in mentions)}
    return Actor(id=actor_id, name=name, kind=kind, aliases=list(aliases), titles=list(titles),  # type: ignore[arg-type]
                 affiliation=affiliation, mentions=sorted(mentions, key=lambda m: m.start))


def quote(b: Briefing, qid: str, text: str, speaker: str | None, actor_id: str | None, cue: str | None,
          anonymous: bool = False, kind: str = "direct") -> Quote:
    span = first(b.text, text)
    sp = None
    if speaker is not None:
        found = spans_of(b.text, speaker)
        sp = Speaker(text=speaker, span=found[0] if found else None, actor_id=actor_id, anonymous=anonymous)
    return Quote(id=qid, text=text, span=span, kind=kind, speaker=sp, cue=cue,  # type: ignore[arg-type]
                 sentence=sentence_around(b, span))


def event(b: Briefing, eid: str, when: str, description: str, actor_ids: list[str],
          start: dt.date | None = None, end: dt.date | None = None, granularity: str | None = None,
          relative: bool = True, nth: int = 0) -> Event:
    wspan = spans_of(b.text, when)[nth]
    return Event(
        id=eid,
        when=EventTime(text=when, span=wspan, value=start.isoformat() if start else "PAST_REF", start=start,
                       end=end or start, granularity=granularity, relative=relative),  # type: ignore[arg-type]
        description=description,
        actor_ids=actor_ids,
        span=sentence_around(b, wspan),
    )


def summary_of(b: Briefing, *sentences: str) -> list[SummaryItem]:
    return [SummaryItem(text=s, span=first(b.text, s), origin="lead") for s in sentences]


def seed_briefing(path: Path = SEED) -> Briefing:
    """The seed with the actors, quotes and events a careful reader would list."""
    b = skeleton(path)
    actors = [
        actor(b, "benjamin-netanyahu", "Benjamin Netanyahu", "person", "Netanyahu", titles=("Prime Minister",),
              affiliation="Israel"),
        actor(b, "jake-sullivan", "Jake Sullivan", "person", "Sullivan", titles=("national security advisor",),
              affiliation="US"),
        actor(b, "ron-dermer", "Ron Dermer", "person", "Dermer", affiliation="Israel"),
        actor(b, "axios", "Axios", "organization"),
        actor(b, "lloyd-austin", "Lloyd Austin", "person", "Austin", titles=("Defense Secretary",), affiliation="US"),
    ]
    quotes = [
        quote(b, "q1", "Our trust of the Israelis is very low right now, and for a good reason",
              "one of the officials", None, "said", anonymous=True),
        quote(b, "q2", "clarity and transparency", "Jake Sullivan", "jake-sullivan", "told", kind="partial"),
    ]
    events = [
        event(b, "e1", "last week", "Iran's ballistic missile attack", [], None),
        event(b, "e2", "July", "Assassination of Hamas political leader Ismail Haniyeh in Tehran", [],
              dt.date(2024, 7, 1), dt.date(2024, 7, 31), "month", relative=False),
        event(b, "e3", "last week", "Sullivan told Dermer the US expects clarity", ["jake-sullivan", "ron-dermer"],
              dt.date(2024, 9, 30), dt.date(2024, 10, 6), "week", nth=1),
    ]
    summary = summary_of(b, b.text[b.sentences[0].span.start : b.sentences[0].span.end])
    return b.model_copy(update={"actors": actors, "quotes": quotes, "timeline": events, "summary": summary})


def big_briefing(n: int = 5000) -> Briefing:
    """A report with `n` quotes, `n` events and 200 actors, for responsiveness tests."""
    lines = [f"Official {i % 200} said \"statement number {i} about the port\" on day {i}." for i in range(n)]
    text = "\n".join(lines) + "\n"
    b = Briefing(id="big", source=SourceInfo(path="big.txt", format="text", encoding="utf-8", size=len(text)),
                 text=text, title="Big report")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    actors = [Actor(id=f"official-{k}", name=f"Official {k}", kind="person",
                    mentions=[Span(start=starts[i], end=starts[i] + len(f"Official {k}")) for i in range(k, n, 200)])
              for k in range(200)]
    quotes, events = [], []
    for i, line in enumerate(lines):
        qs = starts[i] + line.index('"') + 1
        qtext = f"statement number {i} about the port"
        quotes.append(Quote(id=f"q{i}", text=qtext, span=Span(start=qs, end=qs + len(qtext)), kind="direct",
                            speaker=Speaker(text=f"Official {i % 200}", actor_id=f"official-{i % 200}"), cue="said"))
        ds = starts[i] + line.index("day")
        events.append(Event(id=f"e{i}", when=EventTime(text=f"day {i}", value="PAST_REF",
                                                       span=Span(start=ds, end=ds + len(f"day {i}"))),
                            description=f"statement {i}", actor_ids=[f"official-{i % 200}"],
                            span=Span(start=starts[i], end=starts[i] + len(line))))
    return b.model_copy(update={"actors": actors, "quotes": quotes, "timeline": events})


def parse_with(builders: dict[str, Callable[[Path], Briefing]] | None = None) -> Callable[[Path], Briefing]:
    """A parse hook for `BriefingApp`: a builder by file name, else the skeleton."""
    builders = builders or {}

    def parse(path: Path) -> Briefing:
        build = builders.get(Path(path).name, skeleton)
        return build(Path(path))

    return parse


async def wait_for(pilot, condition: Callable[[], bool], timeout: float = 10.0,  # type: ignore[no-untyped-def]
                   what: Callable[[], str] | None = None) -> None:
    """Let the app run until `condition()` holds (parsing happens in a worker thread).

    On a timeout, `what()` (if given) says what was there instead.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the reader" + (f": {what()}" if what else ""))
        await pilot.pause(0.02)
    await pilot.pause()


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the terminal shows, as plain text lines."""
    return "\n".join("".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips())


@contextlib.asynccontextmanager
async def reader(paths: list[Path], size: tuple[int, int] = (80, 24),
                 builders: dict[str, Callable[[Path], Briefing]] | None = None, wait: bool = True,
                 **kwargs: object) -> AsyncIterator[tuple[BriefingApp, Pilot]]:
    """Run the reader headless on `paths` with hand-built briefings; wait for the first report."""
    kwargs.setdefault("watch_interval", 0)
    app = BriefingApp(paths, parse=kwargs.pop("parse", None) or parse_with(builders), **kwargs)  # type: ignore[arg-type]
    # Pilot waits ~2 × 20 ms of "idle" after every key; every message is still processed before a press
    # returns (Pilot drains the queues), so a finer idle check only makes the suite faster.
    granularity = textual_wait.SLEEP_GRANULARITY
    textual_wait.SLEEP_GRANULARITY = 1 / 250
    try:
        async with app.run_test(size=size) as pilot:
            if wait:
                await wait_for(pilot, lambda: report_loaded(app) or not isinstance(app.screen, ReportScreen))
            yield app, pilot
    finally:
        textual_wait.SLEEP_GRANULARITY = granularity


def report_loaded(app: BriefingApp) -> bool:
    return isinstance(app.screen, ReportScreen) and app.screen.briefing is not None


# A key is handled before `pilot.press` returns, but what it changes on screen (a pane shown, the source
# scrolled to a highlight) can land a frame or two later on a loaded machine: wait for it, up to a bound.

async def shows(pilot, app, *texts: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the screen shows every one of `texts`."""
    await wait_for(pilot, lambda: all(t in screen_text(app) for t in texts),
                   what=lambda: f"{[t for t in texts if t not in screen_text(app)]!r} not in\n{screen_text(app)}")


async def marks(pilot, view: SourceView, current: str | Callable[[str], bool]) -> None:  # type: ignore[no-untyped-def]
    """Wait until the source's current highlight, as shown, is `current` (or `current(it)` holds)."""
    ok = current if callable(current) else current.__eq__
    await wait_for(pilot, lambda: ok(marked_text(view)[0]),
                   what=lambda: f"current highlight is {marked_text(view)[0]!r}")


def marked_text(view: SourceView) -> tuple[str, str]:
    """(current highlight, other highlights) as shown on screen, read from the rendered lines."""
    cur = view.get_visual_style("source-view--current").rich_style.bgcolor
    mark = view.get_visual_style("source-view--highlight").rich_style.bgcolor
    current: list[str] = []
    other: list[str] = []
    for y in range(view.scrollable_content_region.height):
        for seg in view.render_line(y):
            bg = seg.style.bgcolor if seg.style else None
            current.append(seg.text if bg == cur else " ")
            other.append(seg.text if bg == mark else " ")
    return " ".join("".join(current).split()), " ".join("".join(other).split())


def title_of(widget) -> str:  # type: ignore[no-untyped-def]
    """A border title as plain text (the `border_title` property returns markup)."""
    title = widget._border_title
    return title.plain if title is not None else ""
