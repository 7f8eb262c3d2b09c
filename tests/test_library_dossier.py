"""Actor dossiers across reports (merging by name, surname and alias) and the merged story timeline."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from library_fakes import FakeParser, Report

from briefing.library import Library

BIBI = ("Benjamin Netanyahu", "person")


def md(title: str, date: str | None, body: str) -> str:
    front = f"---\ntitle: {title}\ndate: {date}\n---\n\n" if date else ""
    return f"{front}# {title}\n\n{body}\n"


REPORTS = {
    "a.md": (md("Cabinet meets", "2024-10-01",
                'Prime Minister Benjamin Netanyahu met his cabinet. "We will respond," Netanyahu said. '
                "Defense Minister Yoav Gallant spoke to Austin."),
             Report(actors=[(*BIBI, ["Prime Minister"], ["Netanyahu"]),
                            ("Yoav Gallant", "person", ["Defense Minister"], ["Gallant"])],
                    quotes=[("We will respond", "Benjamin Netanyahu")],
                    events=[("2024-10-01", "Benjamin Netanyahu met his cabinet", ["Benjamin Netanyahu"]),
                            ("2024-09-28", "Yoav Gallant spoke to Austin", ["Yoav Gallant"])])),
    "b.md": (md("Trip barred", "2024-10-05",
                'Netanyahu barred the trip. "This is a turning point," Netanyahu said.'),
             Report(actors=[("Netanyahu", "person", [], [])],
                    quotes=[("This is a turning point", "Netanyahu")],
                    events=[("2024-10-04", "Netanyahu barred the trip", ["Netanyahu"])])),
    "c.md": (md("Earlier visit", "2024-09-20",
                "Israeli Prime Minister Benjamin Netanyahu, known as Bibi, flew to New York."),
             Report(actors=[(*BIBI, ["Israeli Prime Minister"], ["Bibi", "Netanyahu"])],
                    events=[("2024-09-19", "Benjamin Netanyahu, known as Bibi, flew to New York",
                             ["Benjamin Netanyahu"])])),
    "d.txt": (md("Undated note", None, "Bibi was mentioned in passing, recently."),
              Report(actors=[("Bibi", "person", [], [])],
                     events=[(None, "Bibi was mentioned in passing", ["Bibi"])])),
    "e.md": (md("Bidens", "2024-08-01", "Joe Biden and Hunter Biden were both in Delaware."),
             Report(actors=[("Joe Biden", "person", ["President"], ["Biden"]), ("Hunter Biden", "person", [], [])])),
    "f.md": (md("Biden again", "2024-08-02", "Biden spoke on Friday."),
             Report(actors=[("Biden", "person", [], [])])),
    "g.md": (md("Army", "2024-07-01", "The Israel Defense Forces (IDF) said the strike hit its target."),
             Report(actors=[("Israel Defense Forces", "organization", [], ["IDF"])])),
    "h.md": (md("Army again", "2024-07-02", "The IDF said more strikes would follow."),
             Report(actors=[("IDF", "organization", [], [])])),
}


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    root = tmp_path / "r"
    root.mkdir()
    for name, (text, _) in REPORTS.items():
        (root / name).write_text(text, encoding="utf-8")
    library = Library([root], cache_dir=tmp_path / "c", workers=0,
                      parse=FakeParser({n: spec for n, (_, spec) in REPORTS.items()}))
    library.refresh()
    return library


def base(path: str) -> str:
    return os.path.basename(path)


@pytest.mark.parametrize("query", ["Netanyahu", "Benjamin Netanyahu", "benjamin  NETANYAHU", "Bibi"])
def test_netanyahu_and_benjamin_netanyahu_are_one_dossier(lib: Library, query: str) -> None:
    d = lib.dossier(query)
    assert d is not None and d.name == "Benjamin Netanyahu" and d.kind == "person"
    # Every report that mentions him, by date; the undated one last.
    assert [base(r.path) for r in d.reports] == ["c.md", "a.md", "b.md", "d.txt"]
    assert {"Netanyahu", "Bibi"} <= set(d.aliases)
    assert [r.name for r in d.reports] == ["Benjamin Netanyahu", "Benjamin Netanyahu", "Netanyahu", "Bibi"]
    assert d.candidates == []


def test_dossier_titles_quotes_and_events_by_date(lib: Library) -> None:
    d = lib.dossier("Netanyahu")
    assert d is not None
    assert [(t.title, t.first) for t in d.titles] == [
        ("Israeli Prime Minister", dt.date(2024, 9, 20)), ("Prime Minister", dt.date(2024, 10, 1))]
    assert [q.text for q in d.quotes] == ["We will respond", "This is a turning point"]
    assert [base(q.path) for q in d.quotes] == ["a.md", "b.md"]
    assert [e.description for e in d.events] == [
        "Benjamin Netanyahu, known as Bibi, flew to New York", "Benjamin Netanyahu met his cabinet",
        "Netanyahu barred the trip", "Bibi was mentioned in passing"]
    # Spans point into each report's text, so the reader can open the report there.
    for q in d.quotes:
        assert lib.load_briefing(q.path).text[q.start : q.end] == q.text
    first = d.reports[0]
    assert first.first_start is not None
    assert lib.load_briefing(first.path).text[first.first_start : first.first_end] == "Benjamin Netanyahu"


def test_other_actors_stay_out(lib: Library) -> None:
    d = lib.dossier("Yoav Gallant")
    assert d is not None
    assert [base(r.path) for r in d.reports] == ["a.md"]
    assert [e.description for e in d.events] == ["Yoav Gallant spoke to Austin"]
    assert d.quotes == []


def test_a_shared_surname_is_not_merged(lib: Library) -> None:
    d = lib.dossier("Biden")
    assert d is not None
    assert [(c.name, c.reports) for c in d.candidates] == [("Hunter Biden", 1), ("Joe Biden", 1)]
    assert [base(r.path) for r in d.reports] == ["f.md"]  # only the report that says just "Biden"
    joe = lib.dossier("Joe Biden")
    assert joe is not None and [base(r.path) for r in joe.reports] == ["e.md"]
    assert joe.candidates == []


def test_organisations_merge_through_aliases(lib: Library) -> None:
    for query in ("IDF", "Israel Defense Forces", "the Israel Defense Forces"):
        d = lib.dossier(query)
        assert d is not None and d.name == "Israel Defense Forces"
        assert [base(r.path) for r in d.reports] == ["g.md", "h.md"]


def test_unknown_actor_has_no_dossier(lib: Library) -> None:
    assert lib.dossier("Nobody Anybody") is None
    assert lib.dossier("   ") is None


def test_story_timeline_is_one_chronology(lib: Library) -> None:
    events = lib.story_timeline()
    assert [(e.date_start.isoformat() if e.date_start else None, base(e.path)) for e in events] == [
        ("2024-09-19", "c.md"), ("2024-09-28", "a.md"), ("2024-10-01", "a.md"), ("2024-10-04", "b.md"),
        (None, "d.txt")]
    for e in events:
        assert lib.load_briefing(e.path).text[e.start : e.end] == e.description
    assert events[1].actors == ("Yoav Gallant",)


def test_story_timeline_of_chosen_reports(lib: Library) -> None:
    chosen = [e.path for e in lib.entries() if base(e.path) in ("a.md", "b.md")]
    events = lib.story_timeline(chosen)
    assert [e.description for e in events] == [
        "Yoav Gallant spoke to Austin", "Benjamin Netanyahu met his cabinet", "Netanyahu barred the trip"]


def test_dossier_pages_quotes_and_events(lib: Library) -> None:
    full = lib.dossier("Netanyahu")
    page = lib.dossier("Netanyahu", limit=1)
    assert full is not None and page is not None
    assert page.reports == full.reports  # every report, always
    assert (page.quote_count, page.event_count) == (len(full.quotes), len(full.events)) == (2, 4)
    assert page.quotes == full.quotes[:1] and page.events == full.events[:1]
    assert lib.dossier_quotes(page, 1) == full.quotes[1:]
    assert lib.dossier_events(page, 1, 2) == full.events[1:3]


def test_story_timeline_pages(lib: Library) -> None:
    everything = lib.story_timeline()
    assert lib.story_count() == len(everything) == 5
    assert lib.story_timeline(limit=2, offset=1) == everything[1:3]
    chosen = [e.path for e in lib.entries() if base(e.path) == "a.md"]
    assert lib.story_count(chosen) == 2
