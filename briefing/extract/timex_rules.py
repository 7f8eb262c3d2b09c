"""Handlers for dates and times: from a grammar match to a TIMEX3 value and a resolved range.

Each handler reads one family of `timex_grammar.FAMILIES` and may still reject the match (a year that
is really a count, "May" the verb, "Black Monday"). Durations, sets and vague references are in
`timex_amounts.py`; resolution helpers in `timex_resolve.py`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from . import timex_calendar as cal
from .lexicon import MONTHS, WEEKDAYS
from .month_surnames import is_surname_at
from .timex_amounts import AMOUNT_HANDLERS
from .timex_calendar import When
from .timex_grammar import family_pattern
from .timex_lexicon import words
from .timex_resolve import (
    DAYPARTS,
    ONE,
    SEASON_CODE,
    Context,
    Tx,
    cycle_year,
    day_in_year,
    duration_value,
    make_tx,
    month_day,
    month_year,
    number,
    quarter_near,
    season_near,
    set_time_day,
    unit_of,
    unit_when,
    vague_tx,
    weekday_date,
    word_after,
    word_before,
)

Handler = Callable[[re.Match[str], Context], "Tx | None"]
_PREPS = {"in", "since", "by", "until", "till", "from", "to", "through", "during", "of", "early", "late", "mid",
          "last", "next", "this", "the", "before", "after", "between", "and", "or", "each", "every", "for",
          "throughout", "on", "at", "around", "about", "end", "beginning", "start", "middle", "late-", "mid-",
          "early-", "ending", "ended", "dated", "as"}
_AMBIGUOUS_MONTHS = {"may", "march", "august"}
# Prepositions after which a capitalised word following a month does not make the month a first name.
_NAME_SAFE_BEFORE = {"in", "since", "by", "until", "till", "from", "to", "through", "during", "of", "early", "late",
                     "mid", "last", "next", "this", "before", "after", "throughout", "on", "between"}
_NOT_WEEKDAY_BEFORE = {"black", "good", "cyber", "super", "ash", "holy", "easter", "bloody", "blue", "maundy",
                       "shrove", "palm", "giving", "manic", "girl", "man"}


def _h_iso(m: re.Match[str], ctx: Context) -> Tx | None:
    s = m.group()
    try:
        d = dt.date.fromisoformat(s[:10])
    except ValueError:
        return None
    if len(s) > 10:
        tx = make_tx(m, ctx, cal.day(d), relative=False, type="TIME")
        tx.value = s
        tx.day_part = s[11:16]
        return tx
    return make_tx(m, ctx, cal.day(d), relative=False)


def _h_numdate(m: re.Match[str], ctx: Context) -> Tx | None:
    a, b, y = m.group().split("/")
    mo, d = int(a), int(b)
    if mo > 12:  # day first
        mo, d = d, mo
    yy = int(y)
    if len(y) == 2:
        yy += 2000 if yy <= (ctx.base.year % 100) + 10 else 1900
    try:
        return make_tx(m, ctx, cal.day(dt.date(yy, mo, d)), relative=False)
    except ValueError:
        return None


_TIME_PARTS = re.compile(
    r"(?P<h>\d{1,2})(?:[:.]?(?P<mi>\d\d))?(?::\d\d)?\s*(?P<ampm>[aApP])?\.?[mM]?\.?"
)
_OFFSET = re.compile(r"\((?:GMT|UTC)\s*([+−-])\s*(\d{1,2})(?::?(\d\d))?\)")


def _time_day(m: re.Match[str], ctx: Context, dayword: str | None, t0: int, t1: int) -> tuple[When, bool] | None:
    """The day a clock time or day part falls on: the word given, else None (a neighbour decides)."""
    if not dayword:
        return None
    w = dayword.lower()
    if w in ("today", "tonight", "this"):
        return cal.day(ctx.base), True
    if w in ("tomorrow", "next"):
        return cal.day(ctx.base + ONE), True
    if w in ("yesterday", "last"):
        return cal.day(ctx.base - ONE), True
    if w in WEEKDAYS:
        return cal.day(weekday_date(ctx.base, WEEKDAYS[w], ctx.tense(t0, t1))), True
    return None


def _time_tx(m: re.Match[str], ctx: Context, part: str, zone: str, day: tuple[When, bool] | None,
             weekday: int | None = None) -> Tx:
    tx = Tx(m.start(), m.end(), "TIME", "", None, relative=True, day_part=part, zone=zone)
    if day is None:
        tx.needs_day = True
        set_time_day(tx, ctx.clock_day(), ctx.ref is not None, relative=True)
    else:
        set_time_day(tx, day[0], ctx.ref is not None, relative=day[1], weekday=weekday)
    return tx


def _starts_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip(" \t*#>-•")


_DIGIT = re.compile(r"\d")


def _h_time(m: re.Match[str], ctx: Context) -> Tx | None:
    s = m.group()
    digit = _DIGIT.search(s)  # the time itself, after "about", "around"
    p = _TIME_PARTS.match(s, digit.start()) if digit else None
    if not p:
        return None
    h, mi = int(p["h"]), int(p["mi"] or 0)
    ampm = p["ampm"]
    if ampm:
        if h > 12 or h == 0:
            return None
        if ampm in "pP" and h != 12:
            h += 12
        elif ampm in "aA" and h == 12:
            h = 0
    offset = _OFFSET.search(s)
    if offset:  # "6:40 p.m. (GMT +8)": local time with its offset
        sign = "-" if offset.group(1) in "−-" else "+"
        zone = f"{sign}{int(offset.group(2)):02d}:{offset.group(3) or '00'}"
    else:
        zone = "Z" if re.search(r"\b(?:UTC|GMT|Z)\b", s) else ""
    tail = re.search(r"\s(today|tonight|tomorrow|yesterday|[A-Z][a-z]+day)$"
                     r"|\s(this|tomorrow|yesterday)\s+(?:morning|afternoon|evening)$", s, re.I)
    dayword = (tail.group(1) or tail.group(2)) if tail else None
    weekday = WEEKDAYS.get(dayword.lower()) if dayword else None
    day = _time_day(m, ctx, dayword, m.start(), m.end())
    if day is None and _starts_line(ctx.text, m.start()):
        # A clock time opening a paragraph is a liveblog or timeline stamp: the day of publication,
        # not the last day the prose mentioned ("... until Friday." / "08:55 BST — Trains cancelled").
        day = (cal.day(ctx.base), True)
    return _time_tx(m, ctx, f"{h:02d}:{mi:02d}", zone, day, weekday)


def _h_noon(m: re.Match[str], ctx: Context) -> Tx | None:
    words = m.group().split()
    part = "24:00" if words[0].lower() == "midnight" else "12:00"
    weekday = WEEKDAYS.get(words[-1].lower()) if len(words) > 1 else None
    day = _time_day(m, ctx, words[-1] if len(words) > 1 else None, m.start(), m.end())
    return _time_tx(m, ctx, part, "", day, weekday)


def _h_daytime(m: re.Match[str], ctx: Context) -> Tx | None:
    words = m.group().lower().split()
    if words[0] in ("early", "late"):
        words = words[1:]
    part = DAYPARTS.get(words[-1])
    if part is None:
        return None
    if len(words) == 1:  # tonight
        return _time_tx(m, ctx, part, "", (cal.day(ctx.base), True))
    weekday = WEEKDAYS.get(words[0])
    day = _time_day(m, ctx, words[0], m.start(), m.end())
    return _time_tx(m, ctx, part, "", day, weekday)


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _h_date(m: re.Match[str], ctx: Context, whole: re.Match[str] | None = None) -> Tx | None:
    """A day and month (and year); `whole`: the larger expression it sits in, whose tense places it."""
    month = _month_num(m["date_m1"] or m["date_m2"])
    day = int(re.match(r"\d+", m["date_d1"] or m["date_d2"]).group())  # type: ignore[union-attr]
    y = m["date_y1"] or m["date_y2"]
    if y:
        d = day_in_year(int(y), month, day)
        return make_tx(m, ctx, cal.day(d), relative=False) if d else None
    if day_in_year(2000, month, day) is None:
        return None
    wd = m["date_wd"]
    d = month_day(ctx.base, month, day, ctx.tense((whole or m).start(), (whole or m).end()))
    if d is None:
        return None
    if wd and ctx.ref is not None:  # "Tuesday, Oct. 8": a weekday that fits picks the year
        want = WEEKDAYS.get(wd.lower().rstrip("."))
        for cand in (d, day_in_year(d.year - 1, month, day), day_in_year(d.year + 1, month, day)):
            if cand and cand.weekday() == want:
                d = cand
                break
    return make_tx(m, ctx, cal.day(d), relative=True, month=month, day=day)


def _h_monthyear(m: re.Match[str], ctx: Context) -> Tx | None:
    return make_tx(m, ctx, cal.month(int(m["my_y"]), _month_num(m["my_m"])), relative=False)


def _nth_week(y: int, month: int, n: int) -> When:
    first = dt.date(y, month, 1)
    first_thu = first + ((3 - first.weekday()) % 7) * ONE
    if n > 0:
        return cal.week(first_thu + 7 * (n - 1) * ONE)
    last = cal.month(y, month).end
    last_thu = last - ((last.weekday() - 3) % 7) * ONE
    return cal.week(last_thu)


def _h_weekof(m: re.Match[str], ctx: Context) -> Tx | None:
    month = _month_num(m["wo_m"])
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}[m["wo_n"].lower()]
    if m["wo_y"]:
        return make_tx(m, ctx, _nth_week(int(m["wo_y"]), month, n), relative=False)
    y = month_year(ctx.base, month, ctx.tense(m.start(), m.end()))
    return make_tx(m, ctx, _nth_week(y, month, n), relative=True)


def _h_weekofdate(m: re.Match[str], ctx: Context) -> Tx | None:
    """'the week of May 12': the week holding that day; 'the weekend of April 5': the weekend nearest it
    (its own on Wednesday to Sunday, the one just past on Monday or Tuesday)."""
    dm = family_pattern("date").match(ctx.text, m.start("wod"), m.end())
    inner = _h_date(dm, ctx, m) if dm is not None and dm.end() == m.end() else None
    if inner is None or inner.when is None:
        return None
    d = inner.when.start
    if m["wod_unit"].lower() == "weekend":
        return make_tx(m, ctx, cal.weekend(d - 7 * ONE if d.weekday() <= 1 else d), relative=inner.relative)
    return make_tx(m, ctx, cal.week(d), relative=inner.relative)


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _year_of_phrase(phrase: str, ctx: Context) -> int:
    p = " ".join(phrase.lower().split())
    if p in ("last", "the previous"):
        return (ctx.base.year - 1) if p == "last" else ctx.anchor_for("year").start.year - 1
    if p == "next":
        return ctx.base.year + 1
    if p == "the same":
        return ctx.anchor_for("year").start.year
    return ctx.base.year


_FISCAL = re.compile(r"(?i)\b(?:fiscal|financial)\b")


def _h_quarter(m: re.Match[str], ctx: Context) -> Tx | None:
    """A quarter or half; of a fiscal year that is named it keeps the `FY` mark ("the second half of fiscal
    2026": FY2026-H2), as "fiscal 2026" alone is FY2026 ("the last financial quarter" stays a calendar one)."""
    tx = _quarter(m, ctx)
    year_given = any(m[g] for g in ("q_y1", "q_y2", "q_y3", "q_y4", "q_y5", "q_y6", "q_rel", "q_the"))
    if tx is not None and tx.resolved and tx.when is not None and year_given and _FISCAL.search(m.group()):
        tx.when = dataclasses.replace(tx.when, value="FY" + tx.when.value)
        tx.value = tx.when.value
    return tx


def _quarter(m: re.Match[str], ctx: Context) -> Tx | None:
    code = m["q_code"] or m["q_code2"]
    if code:
        kind, n = code[0], int(code[1])
        if kind == "H" and n > 2:
            return None
        ys = m["q_y3"] or m["q_y5"] or m["q_y6"] or (("20" + m["q_y4"]) if m["q_y4"] else None)
    else:
        kind = "H" if m["q_kind"].lower() == "half" else "Q"
        o = m["q_ord"].lower()
        ys = m["q_y1"] or m["q_y2"]
        if kind == "H" and not (ys or m["q_rel"] or m["q_the"]) and _about_a_match(ctx):
            return None  # "a first-half penalty": a half of a game, not of the year
        if o in ("last", "final"):
            n = 2 if kind == "H" else 4
            has_year = ys or m["q_rel"] or m["q_the"]
            if o == "last" and not has_year:  # "the last quarter": the one before the current
                cur = cal.quarter(ctx.base.year, (ctx.base.month - 1) // 3 + 1)
                w = cal.shift(cur if kind == "Q" else cal.half(ctx.base.year, 1 if ctx.base.month <= 6 else 2), -1)
                return make_tx(m, ctx, w, relative=True)
        else:
            n = _ORD[o]
        if kind == "H" and n > 2:
            return None
    make = cal.half if kind == "H" else cal.quarter
    if ys:
        return make_tx(m, ctx, make(int(ys), n), relative=False)
    if not code and m["q_rel"]:
        return make_tx(m, ctx, make(_year_of_phrase(m["q_rel"], ctx), n), relative=True, part=f"{kind}{n}")
    if not code and m["q_the"]:
        return make_tx(m, ctx, make(ctx.anchor_for("year").start.year, n), relative=True, part=f"{kind}{n}")
    tense = ctx.tense(m.start(), m.end())
    if kind == "Q":
        w = quarter_near(ctx.base, n, tense)
    else:
        cur = 1 if ctx.base.month <= 6 else 2
        w = cal.half(ctx.base.year + cycle_year(n - cur, 2, tense), n)
    return make_tx(m, ctx, w, relative=True, part=f"{kind}{n}")


_MATCH_WORDS = words("match_word")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _about_a_match(ctx: Context) -> bool:
    lo, hi = ctx.clause
    return any(w.group().lower() in _MATCH_WORDS for w in _WORD.finditer(ctx.text, lo, min(hi, lo + 600)))


def _h_fiscal(m: re.Match[str], ctx: Context) -> Tx | None:
    y = m["fy_y"].lstrip("'")
    yy = int(y) if len(y) == 4 else 2000 + int(y)
    return make_tx(m, ctx, cal.fiscal_year(yy), relative=False)


def _h_season(m: re.Match[str], ctx: Context) -> Tx | None:
    name = m["s_name"]
    s = SEASON_CODE[name.lower()]
    rel = (m["s_rel"] or "").lower()
    if name.lower() == "fall" and not (rel or m["s_y"]):
        return None  # "the fall of Lehman Brothers"
    if name[0].isupper():
        before = word_before(ctx.text, m.start("s_name"))
        after = word_after(ctx.text, m.end("s_name"))
        if (before[:1].isupper() and before.lower() not in _PREPS and not before.endswith(".")) or \
                after[:1].isupper():
            return None  # "Arab Spring", "Summer Olympics"
    if m["s_y"]:
        return make_tx(m, ctx, cal.season(int(m["s_y"]), s), relative=False)
    sy, cur = cal.season_of(ctx.base)
    current = cal.season(sy, cur)
    if rel in ("last", "past"):
        w = season_near(ctx.base, s, "past")
        if w.start >= current.start:
            w = cal.shift(w, -4)
    elif rel in ("next", "coming"):
        w = season_near(ctx.base, s, "future")
        if w.start <= current.start:
            w = cal.shift(w, 4)
    elif rel == "this":
        w = season_near(ctx.base, s, None)
    else:
        w = season_near(ctx.base, s, ctx.tense(m.start(), m.end()))
    return make_tx(m, ctx, w, relative=True, part=s)


def _h_decade(m: re.Match[str], ctx: Context) -> Tx | None:
    d = m["dec"].lstrip("'")
    before = word_before(ctx.text, m.start()).lower()
    if before in ("his", "her", "their", "its", "my", "your", "our", "whose"):
        return None  # an age: "in his 70s"
    if len(d) == 4:
        return make_tx(m, ctx, cal.decade(int(d)), relative=False)
    two = int(d)
    century = ctx.base.year // 100 * 100
    y = century + two if century + two <= ctx.base.year else century - 100 + two
    return make_tx(m, ctx, cal.decade(y), relative=ctx.ref is None)


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22}


def _h_century(m: re.Match[str], ctx: Context) -> Tx | None:
    c = m["c_n"].lower()
    n = _CENTURY_WORDS.get(c) or int(re.match(r"\d+", c).group())  # type: ignore[union-attr]
    if not 1 <= n <= 30:
        return None
    return make_tx(m, ctx, cal.century(n), relative=False)


def _h_sameago(m: re.Match[str], ctx: Context) -> Tx | None:
    unit = m["sa_unit"].lower()
    back = (m["sa_back"] or m["sa_back2"] or "year").lower()
    if unit in ("period", "time"):
        a = ctx.anchor_period or ctx.anchor
    else:
        start = ctx.anchor_for(unit).start
        a = cal.season(*cal.season_of(start)) if unit == "season" else unit_when(start, unit)
    if back == "year":
        w = cal.shift_years(a, -1)
    elif back == "month":
        w = cal.month(*cal.add_months(a.start.year, a.start.month, -1)) if a.gran == "month" else cal.day(
            a.start - 30 * ONE)
    else:
        w = cal.week(a.start - 7 * ONE) if a.gran == "week" else cal.day(a.start - 7 * ONE)
    return make_tx(m, ctx, w, relative=True)


_AGO_GRAN = {"hour": "day", "minute": "day", "second": "day", "night": "day", "fortnight": "week",
             "decade": "year", "century": "year", "millennium": "year"}


def _h_ago(m: re.Match[str], ctx: Context) -> Tx | None:
    """"Two weeks ago" counts back from the reference date; "a year earlier", "six months later" from the
    last date mentioned."""
    n = number(m["ago_n"])
    unit = unit_of(m["ago_u"])
    word = m["ago_w"].lower()
    if n is None:
        return vague_tx(m, "PAST_REF" if word in ("ago", "earlier", "before") else "FUTURE_REF")
    k = int(n) * (1 if word in ("later", "after", "on") else -1)
    anchor = None if word == "ago" else ctx.anchor_for(_AGO_GRAN.get(unit, unit))
    day_ = period = anchor.start if anchor else ctx.base
    if unit in ("day", "night", "hour", "minute", "second"):
        w = cal.day(day_ + k * ONE) if unit in ("day", "night") else cal.day(day_)
    elif unit in ("week", "fortnight"):
        w = cal.day(day_ + 7 * k * (2 if unit == "fortnight" else 1) * ONE)
    elif unit == "month":
        w = cal.month(*cal.add_months(period.year, period.month, k))
    elif unit == "quarter":
        w = cal.shift(cal.quarter(period.year, (period.month - 1) // 3 + 1), k)
    elif unit == "year" and anchor is not None and anchor.gran in ("month", "quarter", "season"):
        w = cal.shift_years(anchor, k)  # "a year earlier" than August 2024: August 2023
    else:
        years = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}[unit] * k
        w = cal.year(period.year + years)
    return make_tx(m, ctx, w, relative=True)


def _h_relmod(m: re.Match[str], ctx: Context) -> Tx | None:
    if m["rm_today"]:
        if m["rm_today"].lower() == "tonight":
            return _time_tx(m, ctx, "NI", "", (cal.day(ctx.base), True))
        return make_tx(m, ctx, cal.day(ctx.base), relative=True)
    step = {"this": 0, "last": -1, "next": 1}[m["rm_rel"].lower()]
    unit = m["rm_unit"].lower()
    return make_tx(m, ctx, cal.shift(unit_when(ctx.base, unit), step), relative=True)


def _h_relnamed(m: re.Match[str], ctx: Context) -> Tx | None:
    rel = m["rn_rel"].lower()
    b = ctx.base
    if m["rn_wd"]:
        wd = WEEKDAYS[m["rn_wd"].lower()]
        if rel in ("last", "past"):
            d = b - ((b.weekday() - wd) % 7 or 7) * ONE
        elif rel in ("next", "coming"):
            d = b + ((wd - b.weekday()) % 7 or 7) * ONE
        else:
            d = weekday_date(b, wd, ctx.tense(m.start(), m.end()) or "present")
        return make_tx(m, ctx, cal.day(d), relative=True, weekday=wd)
    month = _month_num(m["rn_m"])
    if rel in ("last", "past"):
        y = b.year if month < b.month else b.year - 1
    elif rel in ("next", "coming"):
        y = b.year if month > b.month else b.year + 1
    else:
        y = b.year
    return make_tx(m, ctx, cal.month(y, month), relative=True, month=month)


_STEP = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "next": 1, "coming": 1,
         "following": 1, "upcoming": 1, "this": 0, "current": 0, "same": 0}


def _h_rel(m: re.Match[str], ctx: Context) -> Tx | None:
    rel = m["r_rel"].lower()
    unit = m["r_unit"].lower()
    the = bool(m["r_the"])
    step = _STEP[rel]
    if unit in SEASON_CODE:
        return _h_season_rel(m, ctx, rel, unit)
    if unit in ("morning", "afternoon", "evening", "night"):
        anchored = rel in ("previous", "prior", "preceding", "following", "same") or the
        base_day = ctx.anchor_day.start if anchored else ctx.base
        if rel == "past" or (rel == "last" and the):
            return None
        return _time_tx(m, ctx, DAYPARTS[unit], "", (cal.day(base_day + step * ONE), True))
    if rel == "past" and unit != "weekend":
        if not the and unit != "day":
            return None
        return _vague_duration(m, 1.5 if m["r_half"] else 1, unit)
    if the and rel in ("next", "coming") and unit in ("week", "month", "year", "decade", "century", "quarter"):
        return _vague_duration(m, 1.5 if m["r_half"] else 1, unit)  # "over the next year (and a half)"
    if m["r_half"]:
        return None  # "the past year and a half" is read as a duration by its own family
    if unit == "day":
        if rel in ("next", "following", "previous", "prior", "preceding", "same"):
            return make_tx(m, ctx, cal.shift(ctx.anchor_day, step), relative=True)
        return None
    if rel in ("previous", "prior", "preceding", "following", "same") and the:
        a = ctx.anchor_for("week" if unit == "weekend" else unit)
        return make_tx(m, ctx, cal.shift(unit_when(a.start, unit), step), relative=True)
    if unit == "weekend" and step == 0:
        return make_tx(m, ctx, _weekend(ctx, m), relative=True)
    if unit == "weekend" and ctx.base.weekday() >= 5:  # on a Saturday "last weekend" is the one before
        return make_tx(m, ctx, cal.shift(cal.weekend(ctx.base), step), relative=True)
    return make_tx(m, ctx, cal.shift(unit_when(ctx.base, unit), step), relative=True)


def _weekend(ctx: Context, m: re.Match[str]) -> When:
    """ "This weekend", "the weekend": the one under way, else the last one in a past-tense clause and the
    next one in a future one (early in the week the last one, late in the week the next one)."""
    b = ctx.base
    if b.weekday() >= 5:
        return cal.weekend(b)
    tense = ctx.tense(m.start(), m.end())
    if tense in ("past", "perfect") or (tense not in ("future", "present") and b.weekday() <= 1):
        return cal.weekend(b - 7 * ONE)
    return cal.weekend(b)


def _vague_duration(m: re.Match[str], n: float, unit: str) -> Tx:
    return Tx(m.start(), m.end(), "DURATION", duration_value(n, unit), None, relative=False)


def _h_season_rel(m: re.Match[str], ctx: Context, rel: str, unit: str) -> Tx | None:
    if unit == "fall" and rel not in ("last", "this", "next", "past", "coming"):
        return None
    s = SEASON_CODE[unit]
    sy, cur = cal.season_of(ctx.base)
    current = cal.season(sy, cur)
    if rel in ("last", "past", "previous", "prior", "preceding"):
        w = season_near(ctx.base, s, "past")
        if w.start >= current.start:
            w = cal.shift(w, -4)
    elif rel in ("next", "coming", "following", "upcoming"):
        w = season_near(ctx.base, s, "future")
        if w.start <= current.start:
            w = cal.shift(w, 4)
    else:
        w = season_near(ctx.base, s, None)
    return make_tx(m, ctx, w, relative=True, part=s)


_DAY_AFTER_REJECT = {"after", "before", "of", "when", "that", "which", "in", "on", "ahead", "following",
                     "where", "the", "to", "it"}


def _h_anaph(m: re.Match[str], ctx: Context) -> Tx | None:
    unit = (m["an_unit"] or m["an_unit2"] or "time").lower()
    text = m.group().lower()
    after = word_after(ctx.text, m.end()).lower()
    if "same time" in text:
        return None  # "at the same time": simultaneously
    if unit == "day" and after in _DAY_AFTER_REJECT and m.start() == m.start("an"):
        return None  # "the day after the election": needs the event ("late in the day after ..." is fine)
    if unit in ("year", "month", "week") and after in ("after", "before", "ahead", "earlier", "ago", "later"):
        return None
    if unit == "weekend":
        return make_tx(m, ctx, _weekend(ctx, m), relative=True)
    if unit == "time":
        return make_tx(m, ctx, ctx.anchor, relative=True)
    a = ctx.anchor_for(unit, near=True)
    return make_tx(m, ctx, cal.shift(unit_when(a.start, unit), -1 if m["an_back"] else 0), relative=True)


def _h_overnight(m: re.Match[str], ctx: Context) -> Tx | None:
    """"worked overnight": the night before the report, or the coming one under a future verb."""
    future = ctx.tense(m.start(), m.end()) == "future"
    night = cal.day(ctx.base if future else ctx.base - ONE)
    return _time_tx(m, ctx, "NI", "", (night, True))


def _h_daypart(m: re.Match[str], ctx: Context) -> Tx | None:
    before = word_before(ctx.text, m.start()).lower()
    if before not in ("in", "during", "by", "through", "throughout", "until"):
        return None  # "a morning meeting", "the evening news"
    return _time_tx(m, ctx, DAYPARTS[m["dp"].lower()], "", (ctx.anchor_day, ctx.anchor_day.start != ctx.base))


def _h_dayrel(m: re.Match[str], ctx: Context) -> Tx | None:
    k = {"today": 0, "tomorrow": 1, "yesterday": -1}[m["dr"].lower()]
    if m["dr_ba"]:
        k += 1 if m["dr_ba"].lower() == "after" else -1
    return make_tx(m, ctx, cal.day(ctx.base + k * ONE), relative=True)


def _h_weekday(m: re.Match[str], ctx: Context) -> Tx | None:
    name = m["wd"]
    before = word_before(ctx.text, m.start("wd")).lower().rstrip(".")
    if before in _NOT_WEEKDAY_BEFORE:
        return None
    wd = WEEKDAYS[name.lower()]
    d = weekday_date(ctx.base, wd, ctx.tense(m.start(), m.end()))
    return make_tx(m, ctx, cal.day(d), relative=True, weekday=wd)


_YEAR_OF_REL = re.compile(r"\s+of\s+(next|last|this|the\s+following|the\s+previous)\s+year\b", re.I)


def _h_month(m: re.Match[str], ctx: Context) -> Tx | None:
    name = m["mo"]
    before = word_before(ctx.text, m.start("mo"))
    after = word_after(ctx.text, m.end("mo"))
    bl = before.lower()
    has_context = (bl in _PREPS or bl in ("least", "than", "late", "early") or m.start() != m.start("mo")
                   or re.match(r"[ \t]*(?:[,.;:)]|and\b|or\b|$)", ctx.text[m.end("mo"):m.end("mo") + 5]) is not None)
    if name.lower() in _AMBIGUOUS_MONTHS and not has_context:
        return None  # "May" the modal verb, "March" the noun
    if m.start() == m.start("mo") and is_surname_at(ctx.text, m.start("mo"), m.end("mo")):
        return None  # "Theresa May", "Mrs May", "June said": a person
    if (after[:1].isupper() and bl not in _NAME_SAFE_BEFORE and m.start() == m.start("mo")
            and after.lower() not in MONTHS and after.lower() not in WEEKDAYS):
        return None  # "April Ryan", "and June Carter": a name
    month = _month_num(name)
    rel = _YEAR_OF_REL.match(ctx.text, m.end())
    if rel:
        y = _year_of_phrase(rel.group(1).replace("the following", "next").replace("the previous", "last"), ctx)
        return make_tx(m, ctx, cal.month(y, month), relative=True, month=month)
    y = month_year(ctx.base, month, ctx.tense(m.start(), m.end()))
    return make_tx(m, ctx, cal.month(y, month), relative=True, month=month)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "valentine's day": (2, 14)}


def _h_holiday(m: re.Match[str], ctx: Context) -> Tx | None:
    name = " ".join(m["hol"].lower().replace("’", "'").split())
    tense = ctx.tense(m.start(), m.end())
    if name.startswith("thanksgiving"):
        y = month_year(ctx.base, 11, tense)
        nov1 = dt.date(y, 11, 1)
        d = nov1 + ((3 - nov1.weekday()) % 7 + 21) * ONE
        return make_tx(m, ctx, cal.day(d), relative=True, month=11, day=d.day)
    month, day = _HOLIDAYS[name]
    d = month_day(ctx.base, month, day, tense)
    return make_tx(m, ctx, cal.day(d), relative=True, month=month, day=day) if d else None


# Words after a number that make it a count, not a year.
_COUNT_NOUNS = words("count_noun")
_YEAR_OK_BEFORE = {"in", "since", "by", "until", "till", "from", "to", "through", "during", "of", "the", "early",
                   "late", "mid", "before", "after", "between", "and", "or", "for", "throughout", "around",
                   "circa", "c.", "fiscal", "fy", "year", "spring", "summer", "autumn", "fall", "winter", "on",
                   "at", "as", "its", "their", "his", "her", "'s", "end", "beginning", "start", "-", "–"}


def _h_year(m: re.Match[str], ctx: Context) -> Tx | None:
    y = int(m["y"])
    text = ctx.text
    after = word_after(text, m.end("y"))
    if (after.islower() and after in _COUNT_NOUNS) or re.match(r"\s*(?:%|per\s?cent)", text[m.end("y"):m.end("y") + 9]):
        return None  # "2000 points", "1998 people"; "in 2004 Jobs returned" keeps its year
    before = word_before(text, m.start("y"))
    bl = before.lower()
    prefixed = m.start() != m.start("y")
    if (before[:1].isupper() and bl not in _YEAR_OK_BEFORE and not prefixed and bl.rstrip(".") not in MONTHS
            and not before.endswith(".")):
        return None  # "Russell 2000", "Windows 2000", "Euro 2008"
    if bl in ("no.", "no", "number", "nos.", "flight", "route", "room", "model", "version", "item", "$", "us$"):
        return None
    if not 1900 <= y <= ctx.base.year + 30 and bl not in _YEAR_OK_BEFORE and not prefixed:
        return None
    return make_tx(m, ctx, cal.year(y), relative=False)


HANDLERS: dict[str, Handler] = {
    "iso": _h_iso, "numdate": _h_numdate, "time": _h_time, "noon": _h_noon, "daytime": _h_daytime,
    "date": _h_date, "monthyear": _h_monthyear, "weekof": _h_weekof, "weekofdate": _h_weekofdate,
    "quarter": _h_quarter,
    "fiscal": _h_fiscal, "season": _h_season, "decade": _h_decade, "century": _h_century,
    "sameago": _h_sameago, "ago": _h_ago, "relmod": _h_relmod, "relnamed": _h_relnamed, "rel": _h_rel,
    "anaph": _h_anaph, "overnight": _h_overnight,
    "daypart": _h_daypart, "dayrel": _h_dayrel, "weekday": _h_weekday, "month": _h_month,
    "holiday": _h_holiday, "year": _h_year, **AMOUNT_HANDLERS,
}
