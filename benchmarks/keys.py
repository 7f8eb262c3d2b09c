"""Key latency in the reader: a report with 5,000 quotes and 5,000 events, in headless mode.

    python benchmarks/keys.py [--quotes 5000] [--events 5000] [--presses 60] [--size 150x40]

The briefing is built directly (5,000 quoted sentences and 5,000 dated ones, every span right), so
the figures measure the reader, not extraction. For each key the time runs from just before the key is
sent to the end of the next screen refresh (Textual's compositor update that puts the change on
screen), in CPU time of the process (`time.process_time`: the work the key costs, unaffected by other
programs on a shared machine) and in wall time (which also holds the wait for Textual's next frame).

Keys, in the quotes and the timeline pane: `j` (down), `G` / `g` (bottom / top), and `/` followed by
typing a filter word one letter at a time (each letter refilters the pane live). Medians and p95.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = ["Ana Ferreira", "Tom Rees", "Kari Berg", "Lloyd Austin", "Jake Sullivan", "Mia Novak", "Omar Haddad",
         "Yuki Sato", "Leena Virtanen", "Paul Mercier"]
TOPICS = ["the budget", "the strike", "the port", "the election", "the tram line", "the library hours",
          "the ceasefire", "the talks", "the harbour", "the school plan"]


def build(n_quotes: int, n_events: int) -> tuple[str, object]:
    """A report text and its Briefing with `n_quotes` quotes and `n_events` events."""
    from briefing.model import (
        Actor,
        Block,
        Briefing,
        Event,
        EventTime,
        Quote,
        Sentence,
        SourceInfo,
        Span,
        Speaker,
    )

    parts: list[str] = []
    pos = 0
    quotes, events, sentences, blocks = [], [], [], []
    mentions: dict[str, list[Span]] = {n: [] for n in NAMES}
    day0 = dt.date(2024, 1, 1)

    def add(sentence: str) -> int:
        nonlocal pos
        start = pos
        parts.append(sentence + "\n\n")
        blocks.append(Block(kind="paragraph", span=Span(start=start, end=start + len(sentence)),
                            content=Span(start=start, end=start + len(sentence))))
        sentences.append(Sentence(span=Span(start=start, end=start + len(sentence)), block=len(blocks) - 1))
        pos += len(sentence) + 2
        return start

    for k in range(max(n_quotes, n_events)):
        name = NAMES[k % len(NAMES)]
        topic = TOPICS[(k // len(NAMES)) % len(TOPICS)]
        if k < n_quotes:
            words = f"We will not give up on {topic}, not this year and not the next, number {k}"
            s = add(f'{name} said: "{words}."')
            q0 = s + len(name) + len(' said: "')
            mentions[name].append(Span(start=s, end=s + len(name)))
            quotes.append(Quote(id=f"q{k + 1}", text=words + ".", span=Span(start=q0, end=q0 + len(words) + 1),
                                kind="direct", cue="said",
                                speaker=Speaker(text=name, span=Span(start=s, end=s + len(name)),
                                                actor_id=f"a{NAMES.index(name) + 1}")))
        if k < n_events:
            day = day0 + dt.timedelta(days=k % 700)
            when = day.strftime("%B %-d, %Y")
            s = add(f"On {when}, {name} met the council about {topic} for the {k}th time.")
            t0 = s + 3
            sent = Span(start=s, end=pos - 2)
            events.append(Event(id=f"e{k + 1}", description=f"{name} met the council about {topic} ({k})",
                                when=EventTime(text=when, span=Span(start=t0, end=t0 + len(when)),
                                               value=day.isoformat(), start=day, end=day, granularity="day"),
                                actor_ids=[f"a{NAMES.index(name) + 1}"], span=sent))
    text = "".join(parts)
    actors = [Actor(id=f"a{i + 1}", name=n, kind="person", mentions=mentions[n], salience=float(len(NAMES) - i))
              for i, n in enumerate(NAMES)]
    b = Briefing(id="keys-benchmark", source=SourceInfo(path="keys.md", format="markdown", encoding="utf-8",
                                                        size=len(text.encode())),
                 title="Key latency benchmark", text=text, blocks=blocks, sentences=sentences, actors=actors,
                 quotes=quotes, timeline=events)
    return text, b


async def measure(b: object, path: Path, presses: int, size: tuple[int, int]) -> dict[str, list[tuple[float, float]]]:
    from textual import events
    from textual.screen import Screen
    from textual.widgets import Input

    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.report import ReportScreen

    refreshes: list[tuple[float, float]] = []  # (wall, cpu) at the end of each compositor refresh
    refreshed = asyncio.Event()
    original = Screen._compositor_refresh

    def timed_refresh(self: Screen) -> None:  # type: ignore[type-arg]
        original(self)
        refreshes.append((time.perf_counter(), time.process_time()))
        refreshed.set()

    Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
    app = BriefingApp([path], parse=lambda p: b, watch_interval=0)  # type: ignore[arg-type, return-value]
    results: dict[str, list[tuple[float, float]]] = {}
    try:
        async with app.run_test(size=size) as pilot:
            while not (isinstance(app.screen, ReportScreen) and app.screen.briefing is not None):
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()  # the screen's idle-time preparation (filter text)
            await pilot.pause(0.2)

            async def key(label: str, k: str, char: str | None) -> None:
                # The key goes to the app as the terminal driver would send it (not through Pilot, whose
                # own bookkeeping would be counted); the time ends with the first refresh after it.
                await pilot.pause(0.02)
                refreshed.clear()
                seen = len(refreshes)
                w0, c0 = time.perf_counter(), time.process_time()
                app.post_message(events.Key(k, char))
                await asyncio.wait_for(refreshed.wait(), 5)
                w1, c1 = refreshes[seen]
                results.setdefault(label, []).append((w1 - w0, c1 - c0))
                for inp in app.query(Input):
                    inp.cursor_blink = False  # a blinking cursor's refreshes would end a measurement early

            for pane, number in (("quotes", "3"), ("timeline", "4")):
                await pilot.press(number)
                await pilot.pause(0.1)
                for _ in range(presses):
                    await key(f"{pane}: j", "j", "j")
                for _ in range(max(3, presses // 6)):
                    await key(f"{pane}: G", "G", "G")
                    await key(f"{pane}: g", "g", "g")
                await key(f"{pane}: /", "slash", "/")
                for ch in "council" if pane == "timeline" else "budget":
                    await key(f"{pane}: / + typing", ch, ch)
                await pilot.press("escape")
                await pilot.pause(0.2)
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]
    return results


def _p95(values: list[float]) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, round(0.95 * (len(v) - 1)))]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quotes", type=int, default=5000)
    p.add_argument("--events", type=int, default=5000)
    p.add_argument("--presses", type=int, default=60, help="j presses per pane (G/g: a sixth of that)")
    p.add_argument("--size", default="150x40")
    args = p.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    text, b = build(args.quotes, args.events)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "keys.md"
        path.write_text(text, encoding="utf-8")
        results = asyncio.run(measure(b, path, args.presses, (cols, rows)))
    print(f"key latency, {args.quotes} quotes and {args.events} events, {cols}x{rows}, headless "
          f"(key sent -> end of the next screen refresh):")
    print(f"  {'key':<26} {'n':>4}  {'CPU median':>10} {'CPU p95':>8}   {'wall median':>11} {'wall p95':>8}")
    all_cpu: list[float] = []
    for label, vals in results.items():
        walls = [w * 1000 for w, _ in vals]
        cpus = [c * 1000 for _, c in vals]
        all_cpu += cpus
        print(f"  {label:<26} {len(vals):>4}  {statistics.median(cpus):8.1f} ms {_p95(cpus):5.1f} ms   "
              f"{statistics.median(walls):8.1f} ms {_p95(walls):5.1f} ms")
    print(f"  all keys: CPU p95 {_p95(all_cpu):.1f} ms (target <= 16 ms per key)")


if __name__ == "__main__":
    main()
