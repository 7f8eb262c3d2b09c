"""Title, outlet and the reference date: option > front matter > dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing import parse_text


@pytest.mark.parametrize(
    ("lead", "date", "outlet"),
    [
        ("WASHINGTON, Oct. 8, 2024 (Reuters) — Officials met.", dt.date(2024, 10, 8), "Reuters"),
        ("LONDON, 8 October 2024 (Harbour Wire) - Officials met.", dt.date(2024, 10, 8), "Harbour Wire"),
        ("NEW YORK, 2024-03-01 (AP) -- Officials met.", dt.date(2024, 3, 1), "AP"),
        ("BEIRUT (AP) — Officials met.", None, "AP"),
    ],
)
def test_dateline_gives_date_and_outlet(lead: str, date: dt.date | None, outlet: str) -> None:
    b = parse_text(f"Headline goes here\n\n{lead} More text.\n", format="text")
    assert b.published == date
    assert b.outlet == outlet
    assert b.published_from == ("dateline" if date else None)


def test_dateline_without_year_is_reported_not_guessed() -> None:
    b = parse_text("WASHINGTON, Oct. 8 (Reuters) — Officials met.\n")
    assert b.published is None
    assert "dateline-no-year" in [d.code for d in b.diagnostics]


def test_reference_date_order_option_then_front_matter_then_dateline() -> None:
    src = "---\ndate: 2024-05-01\n---\n\nPARIS, June 2, 2024 (AFP) — Text.\n"
    assert parse_text(src).published == dt.date(2024, 5, 1)
    assert parse_text(src, reference_date="2020-01-01").published_from == "option"
    assert parse_text(src.replace("date: 2024-05-01", "title: x")).published == dt.date(2024, 6, 2)


def test_title_from_front_matter_heading_or_headline_line() -> None:
    assert parse_text("---\ntitle: From front matter\n---\n\n# H1\n").title == "From front matter"
    assert parse_text("# From the heading\n\nBody.").title == "From the heading"
    headline = parse_text("Strike widens at ports\n\nBody sentence one. Two.", format="text")
    assert headline.title == "Strike widens at ports"
    assert parse_text("A first sentence that ends.\nAnother one.", format="text").title is None


def test_byline_line_is_read() -> None:
    assert parse_text("# T\n\nBy Maria Lopez\n\nBody text.").byline == "Maria Lopez"


def test_dateline_with_accented_place_after_headline_and_byline() -> None:
    src = "Talks collapse\n\nBy Ingrid Solbakken\n\nTROMSØ, Norway, Nov. 21, 2024 (Wire) — Talks ended.\n"
    b = parse_text(src, format="text")
    assert (b.published, b.outlet, b.byline) == (dt.date(2024, 11, 21), "Wire", "Ingrid Solbakken")


@pytest.mark.parametrize(
    ("top", "date"),
    [
        ("**Issued:** 21 March 2025, 14:00 local time\n**Next update:** Monday, 24 March", dt.date(2025, 3, 21)),
        ("Published on Tuesday, March 4, 2025\nUpdated: March 6, 2025", dt.date(2025, 3, 4)),
        ("Last updated: 2024-10-08", dt.date(2024, 10, 8)),  # "updated" when nothing says published
        ("Posted: Oct. 8th, 2024 at 9:30", dt.date(2024, 10, 8)),
        ("Next update: 24 March 2025", None),  # a label, but not of this report's date
        ("The date: March 4, 2025 was chosen by the board.", None),  # prose, not a label line
    ],
)
def test_a_labelled_date_line_at_the_top_is_the_reference_date(top: str, date: dt.date | None) -> None:
    b = parse_text(f"# Flood update\n\n{top}\n\nThe river rose on Monday.\n")
    assert b.published == date
    assert b.published_from == ("label" if date else None)
    monday = next(t for t in b.time_expressions if t.text == "Monday")
    assert monday.value == ((date - dt.timedelta(days=date.weekday())).isoformat() if date else "XXXX-WXX-1")


def test_a_dateline_wins_over_a_labelled_date_further_down() -> None:
    b = parse_text("Headline here\n\nPARIS, June 2, 2024 (AFP) — Talks.\n\nPublished: 5 June 2024\n", format="text")
    assert (b.published, b.published_from) == (dt.date(2024, 6, 2), "dateline")
