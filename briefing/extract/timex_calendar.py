"""Calendar arithmetic for time expressions: resolved ranges and their TIMEX3 values.

A `When` is a resolved calendar unit (a day, an ISO week, a month, a quarter, a season, a year, a
decade or a century) with its first and last day and its TIMEX3 value (`2024-10-08`, `2024-W40`,
`2024-09`, `2024-Q3`, `2024-SU`, `2024`, `202`, `20`). Ranges are inclusive.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

_ONE = dt.timedelta(days=1)
SEASONS = ("SP", "SU", "FA", "WI")  # meteorological: Mar-May, Jun-Aug, Sep-Nov, Dec-Feb
_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class When:
    start: dt.date
    end: dt.date
    gran: str  # day | week | month | quarter | season | year | decade | century
    value: str
    unit: tuple[int, ...] = ()  # the numbers that define it (year, month, ...) for shifting


@lru_cache(maxsize=4096)  # Whens are immutable: the same day or month is shared
def day(d: dt.date) -> When:
    return When(d, d, "day", d.isoformat(), (d.year, d.month, d.day))


@lru_cache(maxsize=4096)  # Whens are immutable: the same day or month is shared
def week(d: dt.date) -> When:
    monday = d - dt.timedelta(days=d.weekday())
    y, w, _ = d.isocalendar()
    return When(monday, monday + 6 * _ONE, "week", f"{y:04d}-W{w:02d}", (y, w))


def weekend(d: dt.date) -> When:
    w = week(d)
    saturday = w.start + 5 * _ONE
    return When(saturday, saturday + _ONE, "week", w.value + "-WE", w.unit)


@lru_cache(maxsize=4096)  # Whens are immutable: the same day or month is shared
def month(y: int, m: int) -> When:
    last = calendar.monthrange(y, m)[1]
    return When(dt.date(y, m, 1), dt.date(y, m, last), "month", f"{y:04d}-{m:02d}", (y, m))


@lru_cache(maxsize=4096)  # Whens are immutable: the same day or month is shared
def quarter(y: int, q: int) -> When:
    start = dt.date(y, 3 * q - 2, 1)
    end = month(y, 3 * q).end
    return When(start, end, "quarter", f"{y:04d}-Q{q}", (y, q))


def half(y: int, h: int) -> When:
    start = dt.date(y, 1 if h == 1 else 7, 1)
    end = dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31)
    return When(start, end, "quarter", f"{y:04d}-H{h}", (y, h))


def season(y: int, s: str) -> When:
    """Season `s` of year `y`; winter `y` runs from December `y` to February `y+1`."""
    m = _SEASON_START_MONTH[s]
    start = dt.date(y, m, 1)
    end_y, end_m = add_months(y, m, 2)
    return When(start, month(end_y, end_m).end, "season", f"{y:04d}-{s}", (y, SEASONS.index(s)))


@lru_cache(maxsize=4096)  # Whens are immutable: the same day or month is shared
def year(y: int) -> When:
    return When(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", f"{y:04d}", (y,))


def fiscal_year(y: int) -> When:
    w = year(y)
    return replace(w, value=f"FY{y:04d}")


def decade(first_year: int) -> When:
    d0 = first_year - first_year % 10
    return When(dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31), "decade", f"{d0 // 10:03d}", (d0,))


def century(number: int) -> When:
    """The `number`th century (20th = 1900-1999, TIMEX3 value `19`)."""
    c0 = (number - 1) * 100
    return When(dt.date(max(c0, 1), 1, 1), dt.date(c0 + 99, 12, 31), "century", f"{number - 1:02d}", (c0,))


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, SEASONS[(d.month - 3) // 3]


def shift(w: When, n: int) -> When:
    """The unit `n` steps away from `w` (a day, week, month, ... of the same kind)."""
    if n == 0:
        return w
    if w.gran == "day":
        return day(w.start + n * _ONE)
    if w.gran == "week":
        base = week(w.start + 7 * n * _ONE)
        return weekend(base.start) if w.value.endswith("-WE") else base
    if w.gran == "month":
        return month(*add_months(w.unit[0], w.unit[1], n))
    if w.gran == "quarter":
        if "-H" in w.value:
            k = w.unit[0] * 2 + w.unit[1] - 1 + n
            out = half(k // 2, k % 2 + 1)
        else:
            k = w.unit[0] * 4 + w.unit[1] - 1 + n
            out = quarter(k // 4, k % 4 + 1)
        return replace(out, value="FY" + out.value) if w.value.startswith("FY") else out
    if w.gran == "season":
        k = w.unit[0] * 4 + w.unit[1] + n
        return season(k // 4, SEASONS[k % 4])
    if w.gran == "year":
        out = year(w.unit[0] + n)
        return replace(out, value="FY" + out.value) if w.value.startswith("FY") else out
    if w.gran == "decade":
        return decade(w.unit[0] + 10 * n)
    if w.gran == "century":
        return century(w.unit[0] // 100 + 1 + n)
    return w


def shift_years(w: When, n: int) -> When:
    """The same unit `n` years away ("the same month a year ago")."""
    if w.gran == "day":
        d = w.start
        try:
            return day(d.replace(year=d.year + n))
        except ValueError:  # 29 February
            return day(d.replace(year=d.year + n, day=28))
    if w.gran == "week":
        return shift(w, 52 * n)
    if w.gran == "month":
        return month(w.unit[0] + n, w.unit[1])
    if w.gran == "quarter":
        return shift(w, (2 if "-H" in w.value else 4) * n)
    if w.gran == "season":
        return shift(w, 4 * n)
    if w.gran == "year":
        return shift(w, n)
    return w
