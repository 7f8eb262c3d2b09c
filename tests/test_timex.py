"""Time expressions: recognition, TIMEX3 values, resolution against the reference date, extents."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import document
from briefing.extract import timex
from briefing.model import Briefing, SourceInfo, TimeExpression

REF = dt.date(2024, 10, 8)  # a Tuesday, in ISO week 40


def run(text: str, ref: dt.date | None = REF, fmt: str = "text") -> list[TimeExpression]:
    doc = document.build(text, format=fmt)
    start = Briefing(id="t", source=SourceInfo(format=fmt, encoding="utf-8", size=len(text)), text=text,  # type: ignore[arg-type]
                     published=ref)
    found = timex.run(doc, start).time_expressions
    for t in found:  # the offsets contract holds for every expression
        assert text[t.span.start : t.span.end] == t.text
    return found


def values(text: str, ref: dt.date | None = REF) -> dict[str, str]:
    return {t.text: t.value for t in run(text, ref)}


def one(text: str, ref: dt.date | None = REF) -> TimeExpression:
    found = run(text, ref)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The talks resumed on Oct. 8.", "Oct. 8", "2024-10-08"),
        ("The talks resumed on 8 October 2024.", "8 October 2024", "2024-10-08"),
        ("The talks resumed on 2024-10-08.", "2024-10-08", "2024-10-08"),
        ("The talks resumed on October 8, 2024, in Paris.", "October 8, 2024", "2024-10-08"),
        ("The talks resumed on Tuesday, Oct. 1.", "Tuesday, Oct. 1", "2024-10-01"),
        ("Sales fell in September 2023.", "September 2023", "2023-09"),
        ("The firm was founded on 7/8/07.", "7/8/07", "2007-07-08"),
        ("Jobs was born on February 24, 1955.", "February 24, 1955", "1955-02-24"),
    ],
)
def test_absolute_dates_in_common_news_forms(sentence: str, text: str, value: str) -> None:
    t = one(sentence)
    assert (t.text, t.type, t.value) == (text, "DATE", value)
    assert t.granularity in ("day", "month")


def test_resolved_range_and_granularity() -> None:
    t = one("Prices rose last month.")
    assert (t.value, t.start, t.end, t.granularity, t.relative) == (
        "2024-09", dt.date(2024, 9, 1), dt.date(2024, 9, 30), "month", True)
    w = one("The missile attack came last week.")
    assert (w.value, w.start, w.end, w.granularity) == ("2024-W40", dt.date(2024, 9, 30), dt.date(2024, 10, 6), "week")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The report was published Tuesday.", "2024-10-08"),  # the reference weekday itself
        ("Officials met on Monday.", "2024-10-07"),  # past narrative: the previous one
        ("Officials said on Friday that talks had failed.", "2024-10-04"),
        ("On Thursday, the army withdrew.", "2024-10-03"),  # the verb after the date decides
        ("The minister will visit on Friday.", "2024-10-11"),  # future
        ("The vote is scheduled for Monday.", "2024-10-14"),
        ("His visit, which was to take place Wednesday, was called off.", "2024-10-09"),
        ("Talks are set to resume on Thursday.", "2024-10-10"),
        ("Markets stayed closed until Friday.", "2024-10-11"),  # a limit: the nearest one
        ("Mediators have invited both sides to a meeting on Thursday.", "2024-10-10"),  # perfect: the nearest
    ],
)
def test_bare_weekday_takes_the_tense_of_its_clause(sentence: str, value: str) -> None:
    assert one(sentence).value == value


def test_named_relative_weekdays() -> None:
    assert values("Talks broke down last Thursday and resume next Monday.") == {
        "last Thursday": "2024-10-03", "next Monday": "2024-10-14"}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The deal was signed today.", "2024-10-08"),
        ("The deal was signed yesterday.", "2024-10-07"),
        ("The deal will be signed tomorrow.", "2024-10-09"),
        ("Exports fell last week.", "2024-W40"),
        ("Exports fell this week.", "2024-W41"),
        ("Exports will be published next week.", "2024-W42"),
        ("Exports fell last month.", "2024-09"),
        ("Exports rose this month.", "2024-10"),
        ("Exports will rise next month.", "2024-11"),
        ("Exports fell last year.", "2023"),
        ("Exports rose this year.", "2024"),
        ("Exports will rise next year.", "2025"),
        ("The strike began two days ago.", "2024-10-06"),
        ("Talks were held over the weekend.", "2024-W40-WE"),  # the weekend just past (5-6 October)
        ("Talks will resume this weekend.", "2024-W41-WE"),
        ("Earlier this month, the ministry said exports rose.", "2024-10"),
        ("Prices peaked in late September.", "2024-09"),
        ("Prices peaked in early 2009.", "2009"),
        ("Prices peaked in the 1990s.", "199"),
        ("Prices fell in the third quarter of 2023.", "2023-Q3"),
        ("Prices fell in Q1 2024.", "2024-Q1"),
        ("Profit doubled in the third quarter.", "2024-Q3"),
        ("Profit will rise in the fourth quarter.", "2024-Q4"),
        ("The drought began last summer.", "2024-SU"),
        ("The drought began in the autumn of 2022.", "2022-FA"),
        ("The plan runs to fiscal 2026.", "FY2026"),
        ("The plan runs to 2030.", "2030"),
        ("It was built in the 20th century.", "19"),
    ],
)
def test_relative_and_calendar_expressions(sentence: str, value: str) -> None:
    assert one(sentence).value == value


def test_bare_month_follows_tense() -> None:
    assert one("The July assassination angered Tehran.").value == "2024-07"
    assert one("Elections will be held in July.").value == "2025-07"
    assert one("The summit ended in March.").value == "2024-03"
    assert one("Exports have fallen in November.").value == "2023-11"  # perfect: the latest November


def test_a_scheduled_present_points_ahead() -> None:
    # The reference date is Tuesday 8 October 2024.
    assert one("The trade fair opens on Friday.").value == "2024-10-11"
    assert one("Voting begins on Monday, the commission said.").value == "2024-10-14"
    assert one("The new law takes effect on 1 November.").value == "2024-11-01"
    # A noun, or a look back, is no such cue.
    assert one("The runs on Friday were cancelled.").value == "2024-10-04"
    assert one("The decision comes after talks on Monday.").value == "2024-10-07"


def test_a_closing_attribution_does_not_set_the_tense_of_the_date_before_it() -> None:
    # "said" dates the saying; the ban's end is the nearest 12 October, two days after the report.
    assert one("The ban ends on 12 October, officials said.").value == "2024-10-12"
    assert one("The ban ends at 11:59pm on 12 October, a spokesman for the ministry told reporters.").value \
        == "2024-10-12T23:59"
    assert one("The strike ended on 2 October, union leaders said.").value == "2024-10-02"
    # A date that opens the sentence is when it was said.
    assert one("On 12 October, officials said the ban would end.").value == "2023-10-12"


def test_extents_include_determiners_and_modifiers() -> None:
    found = values("Sales fell 35% in January, compared to the same month a year ago, and rose by the end of "
                   "last year.", dt.date(2009, 2, 3))
    assert found == {"January": "2009-01", "the same month a year ago": "2008-01", "the end of last year": "2008"}
    assert [t.text for t in run("Ford says sales rose over the past nine days, almost two and a half years late.")] == [
        "the past nine days", "almost two and a half years"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The jets took off at 18:00 UTC.", "18:00 UTC", "2024-10-08T18:00Z"),
        ("Trading closed at 4:15 p.m. EDT on Monday.", "4:15 p.m. EDT on Monday", "2024-10-07T16:15"),
        ("The crash came on Friday morning.", "Friday morning", "2024-10-04TMO"),
        ("Apple announced the change this morning.", "this morning", "2024-10-08TMO"),
        ("Rebels attacked the town last night.", "last night", "2024-10-07TNI"),
    ],
)
def test_times_of_day(sentence: str, text: str, value: str) -> None:
    t = run(sentence)[0]
    assert (t.text, t.type, t.value, t.granularity) == (text, "TIME", value, "time")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("He walked away from a 21-day cease-fire proposal.", "21-day", "P21D"),
        ("She has led the firm for three years.", "three years", "P3Y"),
        ("The plane is 18 months behind schedule.", "18 months", "P18M"),
        ("The project is almost two and a half years late.", "almost two and a half years", "P2.5Y"),
        ("Shares fell for six straight days.", "six straight days", "P6D"),
        ("The flight lasted 12 hours.", "12 hours", "PT12H"),
        ("The bankruptcy would take between 60 and 90 days.", "90 days", "P90D"),
        ("Prices have not been this high in years.", "years", "PXY"),
    ],
)
def test_durations(sentence: str, text: str, value: str) -> None:
    found = {t.text: t for t in run(sentence)}
    assert found[text].type == "DURATION"
    assert found[text].value == value
    assert found[text].start is None  # a duration is not placed on the calendar


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The board meets every week.", "every week", "P1W"),
        ("The agency publishes weekly figures.", "weekly", "P1W"),
        ("Inspectors visit twice a year.", "twice a year", "P1Y"),
        ("The tanker fleet grows at a rate of 15 a year.", "a year", "P1Y"),
        ("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
    ],
)
def test_sets(sentence: str, text: str, value: str) -> None:
    t = one(sentence)
    assert (t.text, t.type, t.value) == (text, "SET", value)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Distrust has grown in recent weeks.", "recent weeks", "PAST_REF"),
        ("The iPhone was recently updated.", "recently", "PAST_REF"),
        ("Trust is very low right now.", "right now", "PRESENT_REF"),
        ("The store currently sells music.", "currently", "PRESENT_REF"),
        ("More cuts may come in the coming weeks.", "the coming weeks", "FUTURE_REF"),
        ("Falcon may return in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_vague_references(sentence: str, text: str, value: str) -> None:
    t = one(sentence)
    assert (t.text, t.type, t.value, t.start) == (text, "DATE", value, None)


def test_years_and_counts() -> None:
    assert values("In 2004 Jobs returned; 1998 people were arrested and the index lost 2000 points.") == {
        "2004": "2004"}


def test_anaphoric_expressions_take_the_last_date() -> None:
    found = values("Stocks fell on Monday. The index lost 3% to end the day at 7,114, "
                   "worse than the year before.", dt.date(2009, 2, 24))
    assert found["Monday"] == "2009-02-23"
    assert found["the day"] == "2009-02-23"
    assert found["the year before"] == "2008"


@pytest.mark.parametrize(
    "sentence",
    [
        "May I ask a question?",
        "The index fell 2,000 points to 9,500.",
        "The Russell 2000 index rose.",
        "It costs $2009 a unit.",
        "The fall of Lehman Brothers shocked markets.",
        "April Ryan asked the question.",
        "He said it was a second consecutive loss.",
        "At the same time, the union walked out.",
        "About a quarter of its dealers will close.",
        "Windows 2000 was released.",
        "Fans of Johnny Cash and June Carter sang.",
        "The Arab Spring protests spread.",
        "The Summer Olympics opened.",
        "She has a 56-year-old husband.",
    ],
)
def test_things_that_are_not_time_expressions(sentence: str) -> None:
    assert values(sentence) == {}


def test_without_reference_date_values_keep_x_parts() -> None:
    found = {t.text: t for t in run("In July, talks failed. Last month and last week they resumed; "
                                    "the report came out Tuesday, on Oct. 8, and again on October 9, 2024.", None)}
    assert found["July"].value == "XXXX-07"
    assert found["Last month"].value == "XXXX-XX"
    assert found["last week"].value == "XXXX-WXX"
    assert found["Tuesday"].value == "XXXX-WXX-2"
    assert found["Oct. 8"].value == "XXXX-10-08"
    assert found["October 9, 2024"].value == "2024-10-09"  # absolute: resolved all the same
    assert found["October 9, 2024"].start == dt.date(2024, 10, 9)
    for key in ("July", "Last month", "last week", "Tuesday", "Oct. 8"):
        assert found[key].relative and found[key].start is None and found[key].end is None


@pytest.mark.parametrize("ref", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_reference_dates_at_the_ends_of_the_calendar_do_not_crash(ref: dt.date) -> None:
    found = values("Next year, two centuries ago, last week, on Monday and in the first quarter, it rained "
                   "every day; the next day and a decade later, in 2009.", ref)
    assert found["2009"] == "2009"


def test_ids_are_sequential_in_text_order() -> None:
    found = run("On Monday and Tuesday, and again last week, the talks stalled.")
    assert [t.id for t in found] == ["t1", "t2", "t3"]
    assert [t.span.start for t in found] == sorted(t.span.start for t in found)


def test_timeline_section_dates_are_read_and_other_sections_are_not_mined() -> None:
    src = (
        "# Drought\n\n## Quotes\n\n- \"We met on Monday.\" — A minister\n\n"
        "## Timeline\n\n- **2023-09** — Rainfall falls.\n- **2024-02-06** — Emergency declared.\n"
        "- March 12, 2024: The deal is signed.\n- 2024-06 – Review due.\n\n## Background\n\nTalks began in January.\n"
    )
    found = run(src, dt.date(2024, 3, 14), fmt="markdown")
    assert [(t.text, t.value) for t in found] == [
        ("2023-09", "2023-09"), ("2024-02-06", "2024-02-06"), ("March 12, 2024", "2024-03-12"),
        ("2024-06", "2024-06"), ("January", "2024-01")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "İstanbul, Oct. 8 — İ İ talks resumed on Monday.",  # lower-casing changes the length of "İ"
        "**2024** — ",
        "On 31 February and 32 October nothing happened at 25:99.",
        "Q5 2024, H3 and FY, 1/40/2024, '99s and 00:00.",
        "\n\n- **** — \n- : \n",
        "last last last week week the the the day after the day",
    ],
)
def test_odd_input_never_crashes_and_spans_hold(text: str) -> None:
    run(text)
    run(text, None)
    run(text, fmt="markdown")


_TOKENS = ("the", "a", "last", "next", "this", "week", "month", "year", "Monday", "May", "March", "Oct.", "8",
           "2009", "10:30", "a.m.", "18", "months", "ago", "early", "mid-", "end", "of", ",", ".", ";", "—", "-",
           "'s", "1990s", "Q3", "FY2024", "every", "per", "twice", "now", "recent", "later", "same", "day",
           "previous", "following", "İ", "**", ":", "\n", "\n\n", "## Timeline", "- ", "past", "nine", "days")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=4)), max_size=40),
       st.sampled_from([None, REF]), st.sampled_from(["text", "markdown"]))
def test_any_text_spans_are_in_range_and_exact(tokens: list[str], ref: dt.date | None, fmt: str) -> None:
    text = " ".join(tokens)
    for t in run(text, ref, fmt):
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value


# --- held-out news styles (wire, British, sports, business) ---------------------------------------


def test_the_week_of_a_date_is_that_week() -> None:
    t = one("The panel was aiming for a vote in the week of May 12.", ref=dt.date(2025, 4, 15))
    assert (t.text, t.value) == ("the week of May 12", "2025-W20")


def test_plural_weekdays_are_sets() -> None:
    t = one("Volunteers gave their Saturdays to pack boxes.")
    assert (t.text, t.type, t.value) == ("Saturdays", "SET", "XXXX-WXX-6")


def test_and_a_half_durations() -> None:
    assert values("Prices are fixed for the next decade and a half.") == {"the next decade and a half": "P15Y"}
    assert values("The talks lasted a year and a half.") == {"a year and a half": "P1.5Y"}


def test_bare_plural_units_joined_or_before_an_event() -> None:
    got = values("Answers should have taken days, not months. He left minutes before the vote.")
    assert got == {"days": "PXD", "months": "PXM", "minutes": "PTXM"}
    assert values("The days are long and the months fly by.") == {}


def test_halves_of_a_match_are_not_halves_of_the_year() -> None:
    assert values("Silva scored a first-half penalty and we were poor in the first half.") == {}
    assert values("Profit rose in the first half.", ref=dt.date(2025, 8, 1)) == {"the first half": "2025-H1"}


def test_deadlines_in_present_or_future_clauses_lie_ahead() -> None:
    # REF is Tuesday 8 October 2024.
    assert values("Schools will remain closed until Monday.") == {"Monday": "2024-10-14"}
    assert values("Water is available daily through Monday.") == {"daily": "P1D", "Monday": "2024-10-14"}
    assert values("Crews worked through the weekend.", ref=dt.date(2025, 1, 27)) == {"the weekend": "2025-W04-WE"}


def test_expected_with_an_object_before_to_looks_ahead() -> None:
    got = values("Marsh said she expected the full Senate to consider the bill before the August recess.",
                 ref=dt.date(2025, 4, 15))
    assert got == {"August": "2025-08"}


# --- styles of other outlets ------------------------------------------------------------------------


def test_weekday_with_its_date_in_brackets_is_one_expression() -> None:
    t = one("The cabinet met on Monday (Oct 7) to approve the plan.")
    assert (t.text, t.value) == ("Monday (Oct 7)", "2024-10-07")


def test_clock_time_with_this_morning_is_one_time_of_today() -> None:
    t = one("Ministers will meet at 11:00 this morning.")
    assert (t.text, t.value) == ("11:00 this morning", "2024-10-08T11:00")


def test_liveblog_stamps_are_the_day_of_publication_not_the_last_day_mentioned() -> None:
    text = ("09:20 BST — Power cuts\n\nSome homes may not be reconnected until Friday.\n\n"
            "08:55 BST — Trains cancelled\n\nNo trains will run west of Bristol until 14:00.")
    got = values(text)
    assert got["08:55 BST"] == "2024-10-08T08:55"
    assert got["14:00"] == "2024-10-08T14:00"
    assert got["Friday"] == "2024-10-11"


def test_overnight_is_the_night_before_and_a_later_clock_time_keeps_its_day() -> None:
    got = values("Engineers restored power to 40,000 customers overnight. The warning came into force at 03:00.")
    assert got["overnight"] == "2024-10-07TNI"
    assert got["03:00"] == "2024-10-08T03:00"
    assert [t.text for t in run("They booked an overnight stay.")] == []


def test_every_month_name_is_a_set_and_a_speed_is_not_a_set() -> None:
    assert values("Every January I say this is the year.")["Every January"] == "XXXX-01"
    assert [t.text for t in run("Winds could gust up to 90 kilometres per hour.")] == []
    assert one("He was paid $20 per hour.").type == "SET"


def test_an_expectation_points_ahead_even_in_past_tense() -> None:
    assert values("He said he expected the first cut in September.")["September"] == "2025-09"
    assert values("Traders expect it to leave interest rates unchanged on Wednesday.")["Wednesday"] == "2024-10-09"
    assert values("The Fed cut rates in September, as expected.")["September"] == "2024-09"


def test_the_end_of_the_quarter_is_the_current_quarter() -> None:
    assert values("We expect more volatility through the end of the quarter.")["the end of the quarter"] == "2024-Q4"


# --- batch-3 styles: British clock times, ranges of days, fiscal halves, habits -------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The last ferry leaves at 11.40pm.", "11.40pm", "2024-10-08T23:40"),
        ("Doors open at 7.15 a.m. for early shoppers.", "7.15 a.m.", "2024-10-08T07:15"),
        ("The café serves breakfast until 10.30am.", "10.30am", "2024-10-08T10:30"),
    ],
)
def test_british_clock_times_with_a_dot(sentence: str, text: str, value: str) -> None:
    t = one(sentence)
    assert (t.text, t.type, t.value) == (text, "TIME", value)


def test_a_dot_between_numbers_is_no_clock_time_without_am_or_pm() -> None:
    assert values("Inflation eased to 5.30 per cent; a pint costs £5.30 and 2.5 million people voted.") == {}


def test_a_clock_time_on_a_day_is_one_expression_with_that_day() -> None:
    t = one("Firefighters were called at about 3.40am on Saturday 12 October.", ref=dt.date(2024, 10, 14))
    assert (t.text, t.type, t.value) == ("about 3.40am on Saturday 12 October", "TIME", "2024-10-12T03:40")
    t = one("The bid window closes at 5:00 p.m. on June 30.", ref=dt.date(2025, 6, 2))
    assert (t.text, t.value) == ("5:00 p.m. on June 30", "2025-06-30T17:00")
    # With a comma the two stay apart, as MEANTIME has them ("16:15 UTC, June 1st").
    assert [t.text for t in run("They met at 16:15 UTC, June 1st, in Detroit.")] == ["16:15 UTC", "June 1st"]


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        ("The festival runs from July 9 to 14 in the old town.", [("July 9", "2025-07-09"), ("14", "2025-07-14")]),
        ("Inspectors will visit between 3 and 6 June.", [("3", "2025-06-03"), ("6 June", "2025-06-06")]),
        ("The exhibition opens Sept. 4-7.", [("Sept. 4", "2025-09-04"), ("7", "2025-09-07")]),
        ("Hearings are set for 16–18 July, pending appeals.", [("16", "2025-07-16"), ("18 July", "2025-07-18")]),
        ("The fair ran Oct. 2-5, 2022, in Lyon.", [("Oct. 2", "2022-10-02"), ("5, 2022", "2022-10-05")]),
    ],
)
def test_the_bare_day_of_a_range_is_a_date_in_its_partners_month(sentence: str, pairs: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in run(sentence, ref=dt.date(2025, 6, 2))] == pairs


def test_a_number_after_a_date_that_counts_something_is_not_a_day() -> None:
    assert [t.text for t in run("From May 4 to 20 people a day joined the queue.", ref=dt.date(2025, 6, 2))] == [
        "May 4", "a day"]
    assert [t.text for t in run("The score went from 3 to 1 on 5 June.", ref=dt.date(2025, 6, 2))] == ["5 June"]


def test_the_weekend_of_a_date_is_that_weekend() -> None:
    t = one("The club has asked members to keep the weekend of June 14 free.", ref=dt.date(2025, 6, 2))
    assert (t.text, t.type, t.value) == ("the weekend of June 14", "DATE", "2025-W24-WE")  # a Saturday
    # A Monday belongs to the weekend just past.
    assert one("The rally was held the weekend of 12 May.", ref=dt.date(2025, 6, 2)).value == "2025-W19-WE"


def test_halves_and_quarters_of_a_fiscal_year_keep_the_fiscal_mark() -> None:
    ref = dt.date(2025, 9, 4)
    assert values("Margins should improve in the first half of fiscal 2027.", ref) == {
        "the first half of fiscal 2027": "FY2027-H1"}
    assert values("Orders fell in the fourth quarter of fiscal year 2024.", ref) == {
        "the fourth quarter of fiscal year 2024": "FY2024-Q4"}
    assert values("Orders fell in Q2 of fiscal 2025.", ref) == {"Q2 of fiscal 2025": "FY2025-Q2"}
    assert values("Orders fell in the second half of 2024.", ref) == {"the second half of 2024": "2024-H2"}


def test_a_count_before_last_week_is_not_a_duration() -> None:
    assert values("Admissions dropped to about 300 last month.", ref=dt.date(2025, 5, 13)) == {"last month": "2025-04"}
    assert values("It was the worst of the five previous years.") == {"five previous years": "P5Y"}


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Volunteers patrol the seafront every Saturday night.", "every Saturday night", "XXXX-WXX-6TNI"),
        ("The clinic is closed on Wednesday afternoons.", "Wednesday afternoons", "XXXX-WXX-3TAF"),
        ("Buses run less often at weekends.", "weekends", "XXXX-WXX-WE"),
        ("He coaches youth football on weekends.", "weekends", "XXXX-WXX-WE"),
    ],
)
def test_habits_with_a_part_of_the_day_or_weekends_are_sets(sentence: str, text: str, value: str) -> None:
    t = one(sentence)
    assert (t.text, t.type, t.value) == (text, "SET", value)


def test_weekends_as_a_noun_are_not_a_set() -> None:
    assert values("Weekends are when the shop is busiest.") == {}


def test_clock_times_beside_a_set_are_on_no_particular_day() -> None:
    got = values("The pool is open from 6.30am to 9pm daily. Lifeguards change shifts every four hours from 8am.")
    assert (got["6.30am"], got["9pm"]) == ("XXXX-XX-XXT06:30", "XXXX-XX-XXT21:00")
    assert got["8am"] == "XXXX-XX-XXT08:00"
    # A clock time right after its day keeps that day, a set later in the sentence notwithstanding.
    assert values("On Monday at 4pm, the weekly briefing began.")["4pm"] == "2024-10-07T16:00"


def test_a_clock_time_takes_a_day_from_its_paragraph_or_else_from_the_lede() -> None:
    text = ("Voters in the district went to the polls on Sunday to fill the vacant seat.\n\n"
            "Turnout was lower than at the general election on March 3, 2023.\n\n"
            "Polling stations opened at 7am and closed at 6pm, officials said.\n\n"
            "A recount was held on Tuesday and ended at 11pm.")
    got = values(text, ref=dt.date(2024, 10, 8))
    assert got["7am"] == "2024-10-06T07:00"  # the lede's Sunday, not the comparison in between
    assert got["6pm"] == "2024-10-06T18:00"
    assert got["11pm"] == "2024-10-08T23:00"  # the day of its own paragraph


def test_an_instruction_to_act_points_ahead_of_the_telling() -> None:
    ref = dt.date(2025, 3, 27)
    assert values("Staff were told to clear their desks by Friday.", ref) == {"Friday": "2025-03-28"}
    assert values("Residents were warned to stay indoors on April 2.", ref) == {"April 2": "2025-04-02"}
    assert values("He was invited to the gala on Friday.", ref) == {"Friday": "2025-03-21"}



@pytest.mark.parametrize(
    "sentence",
    [
        '"We will leave," Helen May said on the steps.',
        "Prime Minister Helen May, who led the talks, resigned.",
        "Mrs May and her aides left.",
        "The guitarist Brian May played.",
        "Colm August, a lawyer, objected.",
        "Dr. June took questions.",
        "June said the plan would work.",
        '"Yes," said May.',
    ],
)
def test_a_month_word_that_is_a_persons_name_is_no_time_expression(sentence: str) -> None:
    assert [t.text for t in run(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Helen May met the cabinet in May.", "May", "2024-05"),
        ("Sales have risen since May, officials said.", "May", "2024-05"),
        ("Helen May 5 was the plan.", "May 5", "2024-05-05"),
        ("The law took effect last May.", "last May", "2024-05"),
        ("The report is due by June.", "June", "2025-06"),
        ("Late May brought rain.", "Late May", "2024-05"),
        ("Colm met the board in August 2023.", "August 2023", "2023-08"),
    ],
)
def test_a_month_word_in_a_date_context_stays_a_month(sentence: str, text: str, value: str) -> None:
    assert values(sentence) == {text: value}
