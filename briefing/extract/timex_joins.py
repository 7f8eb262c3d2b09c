"""Joins between neighbouring time expressions, made after the scan: a clock time takes the day written
after it, a clock time beside a set is on no particular day, and the bare day of a range ("from April 11
to 25", "22-24 March") becomes a date of its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from . import timex_calendar as cal
from .timex_grammar import DAY, MONTH_ANY, YEAR
from .timex_resolve import Tx, set_time_day

# --- a clock time and its day ----------------------------------------------------------------------------

_JOINER = re.compile(r"[ \t]*,?[ \t]*(?:(?P<on>on)[ \t]+)?")


def attach_days(text: str, found: list[Tx], has_ref: bool) -> list[Tx]:
    """A clock time without a day takes the date written right after it ("16:15 UTC, June 1st"); joined
    by "on" the two are one expression ("2.15am on Sunday 15 December", "11:59 p.m. on April 4")."""
    out: list[Tx] = []
    skip = -1
    for k, tx in enumerate(found):
        if k == skip:
            continue
        out.append(tx)
        if not tx.needs_day or k + 1 >= len(found):
            continue
        nxt = found[k + 1]
        j = _JOINER.match(text, tx.end, nxt.start)
        if j and j.end() == nxt.start and nxt.type == "DATE" and nxt.when is not None and nxt.when.gran == "day":
            set_time_day(tx, nxt.when, has_ref or not nxt.relative, relative=nxt.relative)
            tx.needs_day = False
            if j["on"]:
                tx.end = nxt.end
                skip = k + 1
    return out


# --- clock times of a timetable ----------------------------------------------------------------------

# At most two words between the clock time and the set: "from 9 a.m. to 7 p.m. daily", "at 8 a.m. sharp, six
# days a week"; not "He left at 3am, as he did every day".
_HABIT_WORDS = 2
_WORDS = re.compile(r"\w+")
_BREAK = re.compile(r"[.;:!?](?:\s|$)|\n")


def _near(text: str, found: list[Tx], k: int, step: int) -> Tx | None:
    """The nearest expression on one side of clock time `k` (other clock times and durations aside), if it
    is close by in the same clause."""
    tx = found[k]
    j = k + step
    blanks: list[tuple[int, int]] = []
    while 0 <= j < len(found) and (found[j].needs_day or found[j].type == "DURATION"):
        blanks.append((found[j].start, found[j].end))
        j += step
    if not 0 <= j < len(found):
        return None
    lo, hi = (found[j].end, tx.start) if step < 0 else (tx.end, found[j].start)
    gap = list(text[lo:hi])
    for a, b in blanks:  # the clock times and durations in between do not count as words
        a, b = max(a, lo) - lo, min(b, hi) - lo
        if b > a:
            gap[a:b] = [" "] * (b - a)
    rest = "".join(gap)
    return found[j] if len(_WORDS.findall(rest)) <= _HABIT_WORDS and not _BREAK.search(rest) else None


def habitual_times(text: str, found: list[Tx]) -> None:
    """A clock time next to a set is on no particular day (`XXXX-XX-XXT09:00`): "from 9 a.m. to 7 p.m. daily",
    "every 20 minutes between 1am and 5.30am", "at 8 a.m. sharp, six days a week"; not one right after its
    day ("on Tuesday at 3pm, the weekly meeting")."""
    for k, tx in enumerate(found):
        if not tx.needs_day or tx.type != "TIME":
            continue
        before, after = _near(text, found, k, -1), _near(text, found, k, 1)
        dated = before is not None and before.when is not None and before.when.gran == "day"
        if (before is not None and before.type == "SET") or (after is not None and after.type == "SET" and not dated):
            tx.when = None
            tx.resolved = False
            tx.value = "XXXX-XX-XXT" + (tx.day_part or "") + tx.zone


# --- the bare day of a range or a pair of days --------------------------------------------------------

# "April 11 to 25", "Oct. 8-10": a date written month first, then a link and a bare day (and maybe a year).
_MONTH_FIRST = re.compile(rf"{MONTH_ANY}\s*{DAY}")
_AFTER = re.compile(rf"[ \t]*(?:to|through|until|till|and|or|[-–])[ \t]*(?P<d>{DAY})(?:,?[ \t]+(?P<y>{YEAR}))?")
# "22 to 24 March", "3-5 June": a date written day first, after a bare day and a link. A word as the link
# needs a preposition before the first day ("from 22 to", "between 3 and", "on 3 and"); a dash does not.
_DAY_FIRST = re.compile(rf"(?:(?i:the)\s+)?{DAY}\s+(?:of\s+)?{MONTH_ANY}(?:,?\s+{YEAR})?")
_BEFORE = re.compile(
    rf"(?:(?<![\w.,])(?i:from|between|on)\s+(?P<d1>{DAY})[ \t]*(?:to|through|until|till|and|or)"
    rf"|(?<![\w.,:/])(?P<d2>{DAY})[ \t]*[-–])[ \t]*$"
)
# What may follow the bare day that closes a range: punctuation, or a word that starts a new phrase
# ("from April 11 to 25 for the recess"); not a noun ("April 11 to 25 people").
_FOLLOW = re.compile(
    r"[ \t]*(?:[,;:)!?\n]|\.(?!\d)|$|(?:and|or|for|in|at|when|while|with|before|after|pending|inclusive|as|but|"
    r"the|during|on|to|until|amid|because|if|from|ahead|following|under|so)(?![\w-]))"
)


def _bare_day(partner: Tx, start: int, end: int, day_text: str, year: str | None) -> Tx | None:
    """The date of a bare day in its partner's month (and year, unless one is written after the day)."""
    assert partner.when is not None
    first = partner.when.start
    try:
        d = dt.date(int(year) if year else first.year, first.month, int(re.match(r"\d+", day_text).group()))  # type: ignore[union-attr]
    except ValueError:
        return None
    w = cal.day(d)
    if partner.resolved or year:
        return Tx(start, end, "DATE", w.value, w, relative=partner.relative and not year, resolved=True)
    return Tx(start, end, "DATE", f"XXXX-{d.month:02d}-{d.day:02d}", w, relative=True, resolved=False)


def range_days(text: str, found: list[Tx]) -> list[Tx]:
    """Adds the bare day of "from April 11 to 25", "March 3-5", "between 3 and 5 June" as a date of its own,
    in its partner's month and year: MEANTIME marks both ends of a range ("between 60 and 90 days")."""
    out: list[Tx] = []
    k = 0
    while k < len(found):
        tx = found[k]
        nxt = found[k + 1] if k + 1 < len(found) else None
        k += 1
        day_gran = tx.type == "DATE" and tx.when is not None and tx.when.gran == "day"
        if day_gran and _MONTH_FIRST.fullmatch(text, tx.start, tx.end):
            a = _AFTER.match(text, tx.end)
            new = None
            if a and _FOLLOW.match(text, a.end()) and (nxt is None or nxt.start >= a.end("d")):
                new = _bare_day(tx, a.start("d"), a.end(), a["d"], a["y"])
            if new is None or new.when is None or new.when.start.day <= tx.when.start.day:  # type: ignore[union-attr]
                out.append(tx)
                continue
            if a and a["y"]:  # "April 11-25, 2025": the year belongs to both days
                if nxt is not None and nxt.start < a.end():
                    k += 1  # the year, read on its own by the scan
                if tx.relative:
                    w = cal.day(tx.when.start.replace(year=int(a["y"])))  # type: ignore[union-attr]
                    tx = dataclasses.replace(tx, when=w, value=w.value, relative=False, resolved=True)
            out += [tx, new]
            continue
        if day_gran and _DAY_FIRST.fullmatch(text, tx.start, tx.end):
            prev_end = out[-1].end if out else 0
            b = _BEFORE.search(text, max(prev_end, tx.start - 30), tx.start)
            if b:
                g = "d1" if b["d1"] else "d2"
                new = _bare_day(tx, b.start(g), b.end(g), b[g], None)
                if new is not None and new.when is not None and new.when.start.day < tx.when.start.day:  # type: ignore[union-attr]
                    out.append(new)
        out.append(tx)
    return out
