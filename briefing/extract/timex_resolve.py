"""Resolution of time expressions: the record a match becomes, the resolving context, calendar placement.

Relative expressions are resolved against `Context.base`: the reference date when there is one, else a
fixed stand-in date so that "July < last month < last week < today" still orders; in that case values
keep `X` for what the text does not say (`XXXX-07`, `XXXX-WXX`, `XXXX-10-08`). Anaphoric expressions
("the day", "the same month a year ago", "the previous year") take the last date mentioned before them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import timex_calendar as cal
from .timex_calendar import When
from .timex_grammar import NUMBER_WORDS, UNIT_WORDS, VAGUE_NUMBERS
from .timex_tense import Tense, tense_at

# Without a reference date relative expressions are placed around this stand-in, a Sunday late in the
# year, so that most relative expressions of a news story fall in the same year and keep their order.
VIRTUAL_BASE = dt.date(2001, 12, 16)
ONE = dt.timedelta(days=1)


@dataclass
class Tx:
    start: int
    end: int
    type: str
    value: str
    when: When | None = None  # resolved range (against the stand-in date when there is no reference)
    relative: bool = False
    resolved: bool = False  # `when` is a real calendar range
    day_part: str | None = None  # TIME: "14:30", "MO", ...
    zone: str = ""
    needs_day: bool = False  # a clock time whose day comes from a neighbouring date


@dataclass
class Context:
    text: str
    ref: dt.date | None
    base: dt.date
    anchor: When  # the last date mentioned, of any granularity
    anchor_day: When  # the last day mentioned
    anchor_period: When | None = None  # the last week, month, quarter, season or year mentioned
    clause: tuple[int, int] = (0, 0)  # the sentence being read, for its tense
    near_start: int = 0  # start of the previous sentence: "the day" only refers to a date mentioned since
    block_start: int = 0  # start of the paragraph being read
    story_day: When | None = None  # the last day of the first paragraph that gives one: the day of the lede
    _story_block: int = -1
    _tense_cache: dict[tuple[int, int], Tense | None] = field(default_factory=dict)
    _latest: dict[str, tuple[int, When, int]] = field(default_factory=dict)  # granularity -> (order, when, pos)
    _seq: int = 0

    def remember(self, w: When, pos: int) -> None:
        self._seq += 1
        self._latest[w.gran] = (self._seq, w, pos)
        self.anchor = w
        if w.gran == "day":
            self.anchor_day = w
            if self._story_block < 0:
                self._story_block = self.block_start
            if self.block_start == self._story_block:
                self.story_day = w
        elif w.gran in ("week", "month", "quarter", "season", "year"):
            self.anchor_period = w

    def clock_day(self) -> When:
        """The day of a clock time written without one ("Polling began at 8am"): the last day mentioned in
        its paragraph, else the last day of the lede (the first paragraph that gives a day); a day from a later
        paragraph before it is often a comparison or background ("down from 51pc in the Feb 8, 2024 elections",
        "In a statement on Sunday, ...")."""
        last = self._latest.get("day")
        if last is not None and last[2] >= self.block_start:
            return last[1]
        return self.story_day or self.anchor_day

    def anchor_for(self, unit: str, near: bool = False) -> When:
        """The last date mentioned that is as fine as `unit` or finer ("the previous month" after "March 3");
        with `near`, only one from this sentence or the one before, else the reference date."""
        rank = GRAN_RANK.get(unit, 9)
        best = max(((k, w) for g, (k, w, pos) in self._latest.items()
                    if GRAN_RANK.get(g, 9) <= rank and (not near or pos >= self.near_start)),
                   default=None, key=lambda kw: kw[0])
        return best[1] if best else cal.day(self.base)

    def tense(self, start: int, end: int) -> Tense | None:
        key = (start, end)
        if key not in self._tense_cache:
            before = word_before(self.text, start).lower()
            if before in DEADLINE:
                # "by June", "until Friday": a limit, often ahead even in past-tense reporting, where the
                # nearest wins; in a present or future clause ("will stay shut until Monday", "is open
                # through Tuesday") it lies ahead. "Worked through the weekend" keeps its past.
                t = tense_at(self.text, self.clause[0], self.clause[1], start, end)
                self._tense_cache[key] = "future" if t in ("present", "future") else \
                    t if before in ("through", "thru") and t is not None else "present"
            else:
                self._tense_cache[key] = tense_at(self.text, self.clause[0], self.clause[1], start, end)
        return self._tense_cache[key]


DEADLINE = {"by", "until", "till", "before", "through", "thru"}
GRAN_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5, "century": 6}
DAYPARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


# --- values ------------------------------------------------------------------------------------------

def masked(w: When, *, month: int | None = None, day: int | None = None, weekday: int | None = None,
            part: str | None = None) -> str:
    """The value of `w` with `X` where the text gives no year (no reference date to resolve against)."""
    g = w.gran
    if g == "day":
        if weekday is not None:
            return f"XXXX-WXX-{weekday + 1}"
        return f"XXXX-{month:02d}-{day:02d}" if month and day else f"XXXX-{month:02d}-XX" if month else "XXXX-XX-XX"
    if g == "week":
        return "XXXX-WXX-WE" if w.value.endswith("WE") else "XXXX-WXX"
    if g == "month":
        return f"XXXX-{month:02d}" if month else "XXXX-XX"
    if g in ("quarter", "season"):
        return "XXXX-" + (part if part else "XX")
    if g == "decade":
        return "XXX"
    if g == "century":
        return "XX"
    return "XXXX"


def make_tx(m: re.Match[str], ctx: Context, w: When, *, relative: bool, type: str = "DATE", **known: object) -> Tx:
    if ctx.ref is not None or not relative:
        return Tx(m.start(), m.end(), type, w.value, w, relative=relative, resolved=True)
    return Tx(m.start(), m.end(), type, masked(w, **known), w, relative=True, resolved=False)  # type: ignore[arg-type]


def vague_tx(m: re.Match[str], value: str, type: str = "DATE") -> Tx:
    return Tx(m.start(), m.end(), type, value, None, relative=True, resolved=False)


# --- tense-driven placement of cyclic units -------------------------------------------------------------

def weekday_date(base: dt.date, wd: int, tense: Tense | None) -> dt.date:
    cand = base + (wd - base.weekday()) * ONE
    t = tense or "past"  # news narrates the past: a bare weekday is usually the latest one
    if t == "past":
        return cand - 7 * ONE if cand > base else cand
    if t == "future":
        return cand + 7 * ONE if cand < base else cand
    diff = (cand - base).days
    return cand - 7 * ONE if diff > 3 else cand + 7 * ONE if diff < -3 else cand


def cycle_year(diff: int, period: int, tense: Tense | None) -> int:
    """Year offset for a unit `diff` steps after the current one in a yearly cycle of `period` units."""
    if tense in ("past", "perfect"):
        return -1 if diff > 0 else 0
    if tense == "future":
        return 1 if diff < 0 else 0
    if diff > period // 2:
        return -1
    if diff < -(period // 2):
        return 1
    return 0


def month_year(base: dt.date, month: int, tense: Tense | None) -> int:
    return base.year + cycle_year(month - base.month, 12, tense)


def day_in_year(y: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


def month_day(base: dt.date, month: int, day: int, tense: Tense | None) -> dt.date | None:
    cand = day_in_year(base.year, month, day)
    if cand is None:
        cand = day_in_year(base.year - 1, month, day) or day_in_year(base.year + 1, month, day)
        if cand is None:
            return None
    diff = (cand - base).days
    if tense == "perfect":
        tense = "past"
    if (tense == "past" and diff > 0) or (tense not in ("past", "future") and diff > 183):
        return day_in_year(cand.year - 1, month, day)
    if (tense == "future" and diff < 0) or (tense not in ("past", "future") and diff < -183):
        return day_in_year(cand.year + 1, month, day)
    return cand


def quarter_near(base: dt.date, q: int, tense: Tense | None) -> When:
    return cal.quarter(base.year + cycle_year(q - ((base.month - 1) // 3 + 1), 4, tense), q)


def season_near(base: dt.date, s: str, tense: Tense | None) -> When:
    sy, cur = cal.season_of(base)
    diff = cal.SEASONS.index(s) - cal.SEASONS.index(cur)
    return cal.season(sy + cycle_year(diff, 4, tense), s)


# --- small readers ------------------------------------------------------------------------------------

_WORD_BEFORE = re.compile(r"([\w'’.$\-]+)[ \t\u00a0]*$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]*([\w'’\-]+)")


_WORD_EXTRA = frozenset("_'’.$-")  # `\w` is `str.isalnum()` or "_"


def word_before(text: str, pos: int) -> str:
    """The word right before `pos` (spaces between allowed): what `_WORD_BEFORE.search` finds in
    `text[pos - 30:pos]`, read backwards from `pos` instead of tried at each of the 30 starts."""
    lo = max(0, pos - 30)
    e = min(pos, len(text))
    if e > lo and text[e - 1] == "\n":  # `$` also matches before a final newline
        e -= 1
    while e > lo and text[e - 1] in " \t\u00a0":
        e -= 1
    k = e
    extra = _WORD_EXTRA
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in extra):
        k -= 1
    return text[k:e].lstrip("'’") if k < e else ""


def word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text, pos, pos + 30)
    return m.group(1) if m else ""


def number(s: str) -> float | None:
    """The value of a number phrase; None for vague ones ("several", "a few")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s in ("a", "an", "one"):
        return 1 + half
    if s in ("half a", "half an", "a half"):
        return 0.5
    if s in VAGUE_NUMBERS:
        return None
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s] + half
    if "-" in s or " " in s:
        parts = re.split(r"[- ]", s)
        if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
            return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
        return None
    try:
        return float(s) + half
    except ValueError:
        return None


def unit_of(word: str) -> str:
    w = word.lower()
    if w == "centuries":
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNIT_WORDS else w


_DURATION_UNIT = {"second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
                  "night": ("", "D", 1), "week": ("", "W", 1), "fortnight": ("", "W", 2), "month": ("", "M", 1),
                  "quarter": ("", "Q", 1), "year": ("", "Y", 1), "decade": ("", "Y", 10),
                  "century": ("", "Y", 100), "millennium": ("", "Y", 1000)}
_SUBUNIT = {"Y": ("", "M", 12), "D": ("T", "H", 24), "H": ("T", "M", 60), "W": ("", "D", 7)}


def duration_value(n: float | None, unit: str) -> str:
    t, u, mult = _DURATION_UNIT[unit]
    if n is None:
        return f"P{t}X{u}"
    v = n * mult
    if v != int(v) and v < 1 and u in _SUBUNIT:  # "half a year" -> P6M
        t2, u2, m2 = _SUBUNIT[u]
        if (v * m2) == int(v * m2):
            return f"P{t2}{int(v * m2)}{u2}"
    text = str(int(v)) if v == int(v) else f"{v:g}"
    return f"P{t}{text}{u}"


def set_time_day(tx: Tx, d: When, resolved: bool, *, relative: bool, weekday: int | None = None) -> None:
    tx.when = d
    tx.relative = relative
    tx.resolved = resolved or not relative
    suffix = ("T" + tx.day_part if tx.day_part else "") + tx.zone
    if tx.resolved:
        tx.value = d.value + suffix
    else:
        tx.value = (f"XXXX-WXX-{weekday + 1}" if weekday is not None else "XXXX-XX-XX") + suffix


def unit_when(base: dt.date, unit: str) -> When:
    if unit == "day":
        return cal.day(base)
    if unit == "week":
        return cal.week(base)
    if unit == "weekend":
        return cal.weekend(base)
    if unit == "month":
        return cal.month(base.year, base.month)
    if unit == "quarter":
        return cal.quarter(base.year, (base.month - 1) // 3 + 1)
    if unit == "decade":
        return cal.decade(base.year)
    if unit == "century":
        return cal.century(base.year // 100 + 1)
    return cal.year(base.year)
