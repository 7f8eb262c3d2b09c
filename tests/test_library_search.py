"""Library search: ranking, prefixes and phrases, snippets and offsets, hostile queries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from library_fakes import FakeParser, Report

from briefing.library import Library


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    root = tmp_path / "r"
    write(root / "title.md", "---\ntitle: Gallant visit called off\ndate: 2024-10-09\n---\n\n"
                             "# Gallant visit called off\n\nThe Pentagon gave no reason for the change.\n")
    write(root / "body.txt", "Officials in Washington spoke at length about the budget and the ports.\n\n"
                             "Later in the day, the defence minister Yoav Gallant was mentioned once.\n")
    write(root / "quotes.md", "# Harbour talks\n\nThe union leader spoke outside the gates.\n\n"
                              '"We will not accept another delay," Valente said.\n')
    write(root / "accents.md", "# Café owners protest\n\nThe São Paulo café owners marched on Tuesday.\n")
    write(root / "hostile.txt", "Plain report with \x1b[31m escape \x1b[0m codes and a\nline break in the middle.\n")
    parser = FakeParser({"quotes.md": Report(actors=[("Duarte Valente", "person", ["union leader"], ["Valente"])],
                                             quotes=[("We will not accept another delay", "Duarte Valente")])})
    library = Library([root], cache_dir=tmp_path / "c", workers=0, parse=parser)
    library.refresh()
    return library


def names(hits: list) -> list[str]:
    return [os.path.basename(h.path) for h in hits]


def test_title_hit_ranks_above_a_passing_mention(lib: Library) -> None:
    hits = lib.search("gallant")
    assert names(hits) == ["title.md", "body.txt"]
    assert hits[0].score > hits[1].score
    assert hits[0].title == "Gallant visit called off" and str(hits[0].published) == "2024-10-09"


def test_hit_offset_points_at_the_match_in_the_report_text(lib: Library) -> None:
    for hit in lib.search("gallant"):
        text = lib.load_briefing(hit.path).text
        assert hit.offset is not None and hit.end is not None
        assert text[hit.offset : hit.end].lower() == "gallant"
        assert hit.line == text.count("\n", 0, hit.offset) + 1
        # A hit in the body is preferred to one in the front matter.
        assert not text[: hit.offset].startswith("---") or "\n---\n" in text[: hit.offset]


def test_snippet_is_one_plain_line_with_highlights(lib: Library) -> None:
    [hit] = lib.search("minister gallant")
    assert "\n" not in hit.snippet
    assert "defence minister Yoav Gallant" in hit.snippet
    marked = [hit.snippet[a:b].lower() for a, b in hit.highlights]
    assert marked == ["minister", "gallant"]


def test_snippet_never_carries_terminal_escapes(lib: Library) -> None:
    [hit] = lib.search("escape")
    assert "\x1b" not in hit.snippet and "escape" in hit.snippet
    assert "\n" not in hit.snippet


def test_prefix_and_phrase(lib: Library) -> None:
    assert names(lib.search("harb*")) == ["quotes.md"]
    assert lib.search("harb") == []  # without the star, a word must match whole
    assert names(lib.search('"another delay"')) == ["quotes.md"]
    assert lib.search('"delay another"') == []
    assert names(lib.search("budget ports")) == ["body.txt"]  # all words must match
    assert lib.search("budget harbour") == []


def test_actor_names_and_quotes_are_searchable(lib: Library) -> None:
    # "Duarte" appears only as the actor's full name; the text says "Valente".
    hits = lib.search("duarte")
    assert names(hits) == ["quotes.md"]
    assert hits[0].offset is None  # nothing in the text to point at: open at the top
    assert "Harbour talks" in hits[0].snippet


def test_case_and_accents_are_folded(lib: Library) -> None:
    assert names(lib.search("CAFE")) == ["accents.md"]
    assert names(lib.search("sao")) == ["accents.md"]
    [hit] = lib.search("sao paulo")
    assert lib.load_briefing(hit.path).text[hit.offset : hit.end] == "São Paulo"


@pytest.mark.parametrize("query", [
    '"', '""', '"unbalanced', "(", ")", "((gallant", "gallant)", "NEAR(gallant visit)", "NEAR", "AND", "OR",
    "NOT gallant", "*", "**", "gallant*)", "title:gallant", "^gallant", "{body}: x", "-gallant", "+", "'",
    "gallant AND", "a\x00b", "🙂", "\\", "%", "_", "col:*", '"a" OR "b"', "x" * 5000,
])
def test_hostile_queries_never_raise(lib: Library, query: str) -> None:
    hits = lib.search(query)
    assert isinstance(hits, list)


def test_operators_are_ordinary_words(lib: Library) -> None:
    # "NOT gallant" is not a negation: both words are looked for, and no report says "not" and "gallant".
    assert lib.search("NOT gallant") == []
    assert names(lib.search("title:gallant")) == ["title.md"]  # no column filter either: two words


def test_limit(lib: Library) -> None:
    assert len(lib.search("the", limit=2)) == 2
    assert lib.search("the", limit=0) == []


def test_a_hit_deep_in_a_long_report_is_located(tmp_path: Path) -> None:
    text = "# Long\n\n" + ("Filler sentence about nothing in particular. " * 400) + "The Zaporizhzhia plant.\n"
    write(tmp_path / "r" / "long.md", text)
    library = Library([tmp_path / "r"], cache_dir=tmp_path / "c", workers=0, parse=FakeParser())
    library.refresh()
    [hit] = library.search("zaporizhzhia plant")
    assert hit.offset is not None and hit.offset > 8192
    assert text[hit.offset : hit.end] == "Zaporizhzhia plant"


def test_too_many_matches_come_newest_first(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.library import search

    monkeypatch.setattr(search, "RANK_MAX", 1)
    hits = lib.search("the")
    assert len(hits) > 1 and all(h.score == 0.0 for h in hits)
    assert names(hits)[0] == "title.md"  # the only dated report
    assert [h.published for h in hits[1:]] == [None] * (len(hits) - 1)
