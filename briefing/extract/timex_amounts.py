"""Handlers for durations ("three years"), sets ("every week") and vague references ("recently", "now")."""

from __future__ import annotations

import re

from .lexicon import MONTHS, WEEKDAYS
from .timex_grammar import NUMBER_WORDS, UNIT_WORDS
from .timex_resolve import (
    DAYPARTS,
    SEASON_CODE,
    Context,
    Tx,
    duration_value,
    number,
    unit_of,
    vague_tx,
    word_after,
    word_before,
)


def _h_durfirst(m: re.Match[str], ctx: Context) -> Tx | None:
    n = number(m["df_n"])
    if n is None:
        return None
    return Tx(m.start(), m.end(), "DURATION", duration_value(n, unit_of(m["df_u"])), None)


_QUANTITY = re.compile(r"(?:\d|%|percent|million|billion|trillion|thousand|hundred|dozen)", re.I)


def _after_quantity(text: str, pos: int) -> bool:
    """A rate: "15 a year", "$5 million a day", "two a month", "100,000 barrels a day"."""
    prev = text[max(0, pos - 30) : pos].split()[-2:]
    return any(_QUANTITY.search(w) or w.lower() in NUMBER_WORDS for w in prev)


_RELATIVE_ADJ = {"last", "past", "previous", "first"}
_DETERMINERS = {"the", "its", "his", "her", "their", "our", "my", "your", "these", "those", "whose"}


def _h_duration(m: re.Match[str], ctx: Context) -> Tx | None:
    if m["du_years"]:
        return Tx(m.start(), m.end(), "DURATION", duration_value(None, unit_of(m["du_years"])), None)
    ntext = m["du_n"]
    unit = unit_of(m["du_u"])
    n = number(ntext)
    if m["du_half"] and n is not None:
        n += 0.5  # "a decade and a half", "an hour and a half"
    nl = ntext.lower()
    if _RELATIVE_ADJ & set(m["du_adj"].lower().split()) and not m["du_the"] and \
            word_before(ctx.text, m.start("du_n")).lower() not in _DETERMINERS:
        return None  # "fewer than 200 last week": a count, then "last week"; not "the two previous years"
    if unit == "second" and nl in ("a", "an", "one") and word_after(ctx.text, m.end())[:1].isalpha():
        return None  # "a second consecutive day"
    if unit == "night" and nl in ("a", "an"):
        return None  # "a night" is rarely a duration
    if unit == "quarter" and not m["du_adj"] and not m["du_the"] and (
            nl in ("a", "an", "one") or word_after(ctx.text, m.end()).lower() == "of"):
        return None  # "about a quarter of its dealers", "three quarters of": a fraction
    if nl in ("a", "an") and not m["du_the"] and _after_quantity(ctx.text, m.start()):
        return Tx(m.start(), m.end(), "SET", duration_value(1, unit), None)  # "15 a year": a rate
    if m["du_long"] and n is None:
        return Tx(m.start(), m.end(), "DURATION", duration_value(None, unit), None)
    if m["du_long"] and nl in ("a", "an") and not m["du_the"] and m.start() == m.start("du_n"):
        return Tx(m.start("du_u"), m.end(), "DURATION", duration_value(1, unit), None)  # "a [decade-long] career"
    return Tx(m.start(), m.end(), "DURATION", duration_value(n, unit), None)


_BARE_BEFORE = {"for", "in", "over", "within", "than", "after", "took", "takes", "take", "taken", "taking",
                "lasted", "last", "lasts", "lasting", "spent", "spend", "spends", "spending", "waited", "wait",
                "waiting"}
# "days, not months", "for hours or days": a second bare unit joined to a first one.
_BARE_JOINED = re.compile(r"(?i)\b(?:seconds|minutes|hours|days|weeks|months|years|decades)\s*,?\s*"
                          r"(?:or|and|not|to|if\s+not|even|perhaps)\s+$")
# "minutes before the vote", "hours after the attack": an unspecified stretch before or after an event.
_BARE_EVENT = re.compile(r"(?i)[ \t]+(?:before|after)[ \t]+(?:the|a|an|his|her|its|their|it|he|she|they|we|i)\b")


def _before_event(text: str, pos: int) -> bool:
    return _BARE_EVENT.match(text, pos) is not None


def _h_bareunit(m: re.Match[str], ctx: Context) -> Tx | None:
    unit = unit_of(m["bu"])
    if not m["bu_long"]:
        before = word_before(ctx.text, m.start()).lower()
        if before in ("just", "only", "mere"):
            before = word_before(ctx.text, m.start() - len(before) - 1).lower()
        if before == "after" and m["bu"].lower() == "hours":
            return None  # "after hours trading" is an idiom
        if before not in _BARE_BEFORE and not _BARE_JOINED.search(ctx.text, max(0, m.start() - 30), m.start()) \
                and not _before_event(ctx.text, m.end()):
            return None
        if word_after(ctx.text, m.end()).lower() in ("ago", "old", "later", "earlier"):
            return None
    return Tx(m.start(), m.end(), "DURATION", duration_value(None, unit), None)


_SET_ADJ = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
            "annual": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
            "bi-weekly": "P2W", "fortnightly": "P2W", "semiannual": "P6M", "semi-annual": "P6M",
            "biannual": "P6M", "year-round": "P1Y"}


_SPEED_UNITS = {"kilometres", "kilometers", "kilometre", "kilometer", "km", "kms", "miles", "mile", "metres",
                "meters", "metre", "meter", "m", "feet", "foot", "ft", "knots", "inches", "centimetres",
                "centimeters", "cm", "millimetres", "millimeters", "mm", "litres", "liters", "gallons", "cubic"}


# "at weekends", "most weekends", "evenings and weekends": the habit; not "two weekends" or "weekends are busy".
_WEEKENDS_BEFORE = {"at", "on", "over", "during", "most", "some", "all", "alternate", "many", "through"}
_WEEKENDS_JOINED = re.compile(r"(?i)\b(?:evenings|nights|mornings|holidays|weekdays)\s*,?\s+(?:and|or)\s+$")


def _h_dayset(m: re.Match[str], ctx: Context) -> Tx | None:
    part = DAYPARTS[m["ds_dp"].lower()[:-1]]
    return Tx(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[m['ds_wd'].lower()] + 1}T{part}", None)


def _h_set(m: re.Match[str], ctx: Context) -> Tx | None:
    if m["st_wd"]:  # "every Friday night"
        part = DAYPARTS[m["st_dp"].lower()]
        return Tx(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[m['st_wd'].lower()] + 1}T{part}", None)
    if m["st_we"]:
        if word_before(ctx.text, m.start()).lower() not in _WEEKENDS_BEFORE and \
                not _WEEKENDS_JOINED.search(ctx.text, max(0, m.start() - 30), m.start()):
            return None
        return Tx(m.start(), m.end(), "SET", "XXXX-WXX-WE", None)
    if m["st_wdp"]:  # "gave their Saturdays", "on Mondays": every such day
        return Tx(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[m['st_wdp'].lower()[:-1]] + 1}", None)
    if m["st_adj"]:
        adj = m["st_adj"]
        if adj == "year-round":
            return None
        return Tx(m.start(), m.end(), "SET", _SET_ADJ[adj], None)
    if m["st_mo"]:  # "every January"
        return Tx(m.start(), m.end(), "SET", f"XXXX-{MONTHS[m['st_mo'].lower()]:02d}", None)
    if m["st_u3"] and word_before(ctx.text, m.start()).lower().rstrip(".") in _SPEED_UNITS:
        return None  # "90 kilometres per hour": a speed
    u = (m["st_u"] or m["st_u2"] or m["st_u3"]).lower()
    if u in WEEKDAYS:
        return Tx(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[u] + 1}", None)
    if u in ("morning", "afternoon", "evening"):
        return Tx(m.start(), m.end(), "SET", "T" + DAYPARTS[u], None)
    if u in SEASON_CODE:
        return Tx(m.start(), m.end(), "SET", "XXXX-" + SEASON_CODE[u], None)
    if u == "weekend":
        return Tx(m.start(), m.end(), "SET", "XXXX-WXX-WE", None)
    if u == "annum":
        u = "year"
    n = number(m["st_n"]) if m["st_n"] else 1
    return Tx(m.start(), m.end(), "SET", duration_value(n, u), None)


_PRESENT = {"now", "right now", "currently", "presently", "at present", "nowadays", "these days", "at the moment",
            "the time being"}
_PAST = {"recently", "more recently", "most recently", "lately", "the recent past", "the past"}


def _h_vague(m: re.Match[str], ctx: Context) -> Tx | None:
    s = " ".join(m.group().lower().split())
    before = word_before(ctx.text, m.start()).lower()
    after = word_after(ctx.text, m.end()).lower()
    if s in _PRESENT:
        return vague_tx(m, "PRESENT_REF")
    if s.startswith("recent"):
        if before in ("most", "more", "least"):
            return None
        return vague_tx(m, "PAST_REF")
    if s in _PAST:
        return vague_tx(m, "PAST_REF")
    if s in ("soon", "very soon"):
        if before in ("as", "how", "too") or after in ("as", "after", "before", "thereafter"):
            return None
        return vague_tx(m, "FUTURE_REF")
    if s == "later":
        if after in ("than", "this", "that", "today", "tonight", "date", "time", "stage", "years", "life"):
            return None
        if before in UNIT_WORDS or before.rstrip("s") in UNIT_WORDS or before in ("a", "the", "much", "no"):
            return None
        return vague_tx(m, "FUTURE_REF")
    return vague_tx(m, "FUTURE_REF")


AMOUNT_HANDLERS = {"dayset": _h_dayset, "durfirst": _h_durfirst, "duration": _h_duration, "bareunit": _h_bareunit,
                   "set": _h_set, "vague": _h_vague}
