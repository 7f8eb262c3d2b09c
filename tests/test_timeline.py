"""Timeline: events anchored by dates, their descriptions, actors and order; the seed's time table."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from briefing import document, parse_text
from briefing.extract import timeline, timex
from briefing.model import Actor, Briefing, Event, SourceInfo, Span

REF = dt.date(2024, 10, 8)


def events(text: str, ref: dt.date | None = REF, fmt: str = "text", actors: list[Actor] | None = None) -> list[Event]:
    doc = document.build(text, format=fmt)
    found = Briefing(id="t", source=SourceInfo(format=fmt, encoding="utf-8", size=len(text)), text=text,  # type: ignore[arg-type]
                     published=ref, actors=actors or [])
    out = timeline.run(doc, timex.run(doc, found))
    for e in out.timeline:
        assert e.when.span is not None and text[e.when.span.start : e.when.span.end] == e.when.text
        assert e.when.timex_id in {t.id for t in out.time_expressions}
    return out.timeline


def test_seed_time_table_and_timeline_order(seed_path: Path) -> None:
    b = parse_text(seed_path.read_text(encoding="utf-8"), reference_date="2024-10-08")
    table = [(t.text, t.value) for t in b.time_expressions if t.type == "DATE" and not t.value.endswith("_REF")]
    assert table == [("Tuesday", "2024-10-08"), ("last week", "2024-W40"), ("July", "2024-07"),
                     ("last month", "2024-09"), ("last week", "2024-W40"), ("Wednesday", "2024-10-09")]
    assert ("recent weeks", "PAST_REF") in [(t.text, t.value) for t in b.time_expressions]
    assert [e.when.text for e in b.timeline] == ["July", "last month", "last week", "last week", "Tuesday",
                                                 "Wednesday"]
    assert [e.id for e in b.timeline] == [f"e{k}" for k in range(1, 7)]
    wednesday = b.timeline[-1]
    assert "was to take place Wednesday" in wednesday.description
    assert b.text[wednesday.span.start : wednesday.span.end].startswith("Gallant's visit to the Pentagon")
    for t in b.time_expressions:
        assert b.text[t.span.start : t.span.end] == t.text


def test_events_are_sorted_by_date_not_by_text() -> None:
    out = events("Officials met on Monday. The war began in 2022. Talks collapsed last week. "
                 "A vote is scheduled for Thursday. The plan was drafted in July.")
    assert [e.when.value for e in out] == ["2022", "2024-07", "2024-W40", "2024-10-07", "2024-10-10"]


def test_without_reference_date_relative_events_still_order() -> None:
    out = events("Today the talks resumed. Last week they stalled. In July the war began. "
                 "Last month a truce failed. The treaty dates from March 3, 1999.", ref=None)
    assert [e.when.text for e in out] == ["March 3, 1999", "July", "Last month", "Last week", "Today"]
    assert out[0].when.start == dt.date(1999, 3, 3)
    assert [e.when.value for e in out[1:]] == ["XXXX-07", "XXXX-XX", "XXXX-WXX", "XXXX-XX-XX"]
    assert all(e.when.start is None and e.when.relative for e in out[1:])


def test_durations_sets_and_vague_references_make_no_events() -> None:
    out = events("The strike lasted three years. Inspectors visit every week. Trust has fallen in recent weeks. "
                 "It is low now and may recover in the future.")
    assert out == []


def test_event_fields_sentence_span_and_clause_description() -> None:
    text = ("Markets were calm. Dockworkers walked off the job at Portugal's three largest terminals on Monday, "
            "stranding more than 40 ships at anchor, after talks over automation broke down and the union said "
            "it would not return until the operators withdrew a plan that would eliminate hundreds of jobs.")
    (e,) = events(text)
    sentence = text[e.span.start : e.span.end]
    assert sentence.startswith("Dockworkers walked off") and sentence.endswith("jobs.")
    assert e.origin == "prose"
    assert "on Monday" in e.description
    assert len(e.description) <= 170
    assert e.when.value == "2024-10-07" and e.when.granularity == "day"


def test_one_event_per_sentence_and_date_and_clock_time_refines_the_day() -> None:
    out = events("On Tuesday the union met, and on Tuesday the strike began at 10 a.m. Tuesday.")
    assert len(out) == 1
    assert out[0].when.value == "2024-10-08T10:00"


def test_actors_mentioned_in_the_sentence_are_linked() -> None:
    text = "Austin met Gallant on Monday. Biden spoke last week."
    actors = [
        Actor(id="a1", name="Lloyd Austin", kind="person", mentions=[Span(start=0, end=6)]),
        Actor(id="a2", name="Yoav Gallant", kind="person", mentions=[Span(start=11, end=18)]),
        Actor(id="a3", name="Joe Biden", kind="person", mentions=[Span(start=30, end=35)]),
    ]
    out = {e.when.text: e.actor_ids for e in events(text, actors=actors)}
    assert out == {"Monday": ["a1", "a2"], "last week": ["a3"]}


def test_timeline_section_items_become_section_events() -> None:
    src = (
        "---\ndate: 2024-03-14\n---\n# Drought\n\nTalks opened in Badajoz on March 4.\n\n## Timeline\n\n"
        "- **2023-09** — Rainfall falls to 40% of the average.\n- **2024-03-12** — The deal is signed.\n"
        "- June 2024: Ministers review the deal.\n"
    )
    b = parse_text(src, format="markdown")
    section = [e for e in b.timeline if e.origin == "section"]
    assert [(e.when.value, e.description) for e in section] == [
        ("2023-09", "Rainfall falls to 40% of the average."), ("2024-03-12", "The deal is signed."),
        ("2024-06", "Ministers review the deal.")]
    assert [e.when.value for e in b.timeline] == ["2023-09", "2024-03-04", "2024-03-12", "2024-06"]
    for e in section:
        assert b.text[e.span.start : e.span.end].endswith(e.description)


def test_empty_and_dateless_text_have_no_timeline() -> None:
    assert events("") == []
    assert events("Nothing here has a date.") == []


# Wire datelines in the styles news uses: the description starts at the story, the span stays the sentence.
DATELINES = [
    "LISBON, Oct. 8, 2024 (Meridian News Service) — ",
    "NAIROBI (AP) - ",
    "Brussels, Oct. 8 (Reuters) - ",
    "KYIV, Ukraine, Oct. 8 – ",
    "SAN FRANCISCO, Calif. — ",
    "BEIRUT, Lebanon -- ",
    "WASHINGTON—",
    "SÃO PAULO, 8 October 2024 — ",
]


def test_description_starts_after_the_dateline() -> None:
    story = "Dockworkers walked off the job on Monday at the three largest terminals."
    for dateline in DATELINES:
        text = f"{dateline}{story} Talks resume on Thursday."
        out = events(text)
        monday = next(e for e in out if e.when.text == "Monday")
        assert monday.description == story, dateline
        assert text[monday.span.start : monday.span.end].endswith(story)  # the span is the sentence's
        # The filing date is no event when the story has dates of its own.
        assert sorted(e.when.text for e in out) == ["Monday", "Thursday"], dateline


def test_dateline_in_markdown_and_after_a_headline() -> None:
    text = "# Quay opens\n\n**GDAŃSK** — The first ships left the new quay last week, officials said.\n"
    (e,) = events(text, fmt="markdown")
    assert e.description == "The first ships left the new quay last week, officials said."


def test_dateline_date_alone_dates_its_story() -> None:
    text = "WASHINGTON, Oct. 8, 2024 (Reuters) — The Senate passed the spending bill."
    (e,) = events(text)
    assert e.when.value == "2024-10-08"
    assert e.description == "The Senate passed the spending bill."


def test_a_sentence_that_only_looks_like_a_dateline_keeps_its_subject() -> None:
    for text in ("NATO — the alliance's chief said on Monday that the drills would go ahead.",
                 "Officials in Paris — the capital — met on Monday to discuss the strike.",
                 "The talks went on until Monday — longer than planned."):
        (e,) = events(text)
        assert e.description == text, text


# One long clause (no break a clause could be cut at), with commas, brackets, quotes and hyphenated words.
_CLAUSE = ("the killing of Hezbollah Secretary-General Hassan Nasrallah in Beirut, across the region, in a report "
          "by the Lisbon Port Authority (APL) and the operator Atlântida Terminais, with remote-controlled "
          "ship-to-shore cranes, driverless straddle carriers, \"clarity and transparency\" for the union's "
          "87% vote in favour of the strike, the lockout of the night-shift crews at Sines, Leixões, Setúbal "
          "and Aveiro, the idle tugboats of the harbour-master's office of the capital")


def _whole_words_of(sentence: str, description: str) -> bool:
    """The description, without its ellipses, is a run of whole words of the sentence."""
    body = description.strip("…")
    flat = " ".join(sentence.split())
    p = flat.find(body)
    if p == -1:
        return False
    q = p + len(body)
    return (p == 0 or not flat[p - 1].isalnum()) and (q == len(flat) or not flat[q].isalnum())


def test_long_descriptions_are_cut_between_words() -> None:
    # The date at every position of a long sentence, on one line and hard-wrapped at 60 columns.
    clause = _CLAUSE.split()
    for k in range(0, len(clause) + 1, 2):
        words = [*clause[:k], "on", "Monday", *clause[k:]]
        sentence = "Dockworkers said " + " ".join(words) + "."
        for text in (sentence, textwrap.fill(sentence, 60) + "\n\nMarkets were calm."):
            (e,) = events(text)
            d = e.description
            assert "on Monday" in d and "\n" not in d
            assert len(d) <= 170
            assert _whole_words_of(text, d), d
            assert not d.endswith((",…", ";…", " …", "-…", "—…", "(…", ' "…', " of…", " the…", " and…")), d
            assert not d.startswith(("…,", "… ", "…;")), d


def test_a_cut_clause_is_marked_with_an_ellipsis_and_a_whole_sentence_is_not() -> None:
    text = ("Port operators said loading had stopped almost entirely at the Sines deep-water terminal, the "
            "country's largest, and that the union rejected the offer on Oct. 1, saying it did not cover "
            "temporary workers hired through agencies, who make up nearly a third of the workforce.")
    (e,) = events(text)
    assert e.description.startswith("…") and "Oct. 1" in e.description
    (e,) = events("The union rejected the offer on Oct. 1.")
    assert e.description == "The union rejected the offer on Oct. 1."


def test_descriptions_show_markdown_inline_markup_as_plain_text() -> None:
    src = ("# Port\n\nOn *Tuesday, Oct. 8, 2024* the [port authority](https://example.org/apl \"APL\") "
           "closed `Terminal 3` to **all** traffic, said the snake_case_id log.\n")
    b = parse_text(src, format="markdown")
    (event,) = b.timeline
    assert event.description == ("On Tuesday, Oct. 8, 2024 the port authority closed Terminal 3 to all traffic, "
                                 "said the snake_case_id log.")
    # The same characters in a plain-text report are text, not markup (only doubled markers go).
    (plain_event,) = parse_text(src, format="text").timeline
    assert "[port authority](https://example.org/apl" in plain_event.description
    assert "*Tuesday" in plain_event.description and "**all**" not in plain_event.description


def test_a_label_and_its_date_make_no_event_but_a_labelled_sentence_does() -> None:
    text = ("# Flood update\n\n**Issued:** 21 March 2025, 14:00 local time\n**Next update:** Monday, 24 March\n\n"
            "- **Shelter:** Crews handed out tarpaulins on Thursday.\n- Roads reopened on Friday.\n")
    found = events(text, ref=dt.date(2025, 3, 21), fmt="markdown")
    assert [(e.when.text, e.when.value) for e in found] == [("Thursday", "2025-03-20"), ("Friday", "2025-03-21")]
    assert found[0].description.startswith("Shelter: Crews handed out")
