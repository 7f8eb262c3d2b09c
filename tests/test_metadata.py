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
