"""The surface grammar of English time expressions: one regular expression per family.

`FAMILIES` lists the families in priority order: at a given start, the first family that matches
wins, so longer and more specific ones come first ("the same month a year ago" before "a year ago",
"Monday, Oct. 8" before "Monday"). `STARTS` says which first words each family can begin with, so the
scanner only tries the families that fit the word it is at. Extents follow TimeML/MEANTIME:
determiners and modifiers belong to the expression ("the end of last year", "early 2009", "the past
nine days"), prepositions and possessive `'s` do not. The handlers (`timex_rules.py`,
`timex_amounts.py`) turn a match into a value and may still reject it (a year that is really a count,
"May" the verb).
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import MONTHS, WEEKDAYS


def _alt(words: list[str] | set[str]) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


def _i(pattern: str) -> str:
    """Case-insensitive group (sentence-initial and headline capitals)."""
    return f"(?i:{pattern})"


_FULL_MONTHS = [m for m in MONTHS if (len(m) > 3 and m != "sept") or m == "may"]
_ABBR_MONTHS = [m for m in MONTHS if len(m) <= 4 and m not in _FULL_MONTHS and m != "may"]
_FULL_DAYS = [d for d in WEEKDAYS if len(d) > 5]



def _cased(words: list[str]) -> str:
    """Capitalised and upper-case forms: month and weekday names are never lower-case ("may" the verb)."""
    return _alt([w.capitalize() for w in words] + [w.upper() for w in words])


MONTH_FULL = rf"(?:{_cased(_FULL_MONTHS)})(?![A-Za-z])"
_MONTH_ABBR = rf"(?:{_cased(_ABBR_MONTHS)})(?:\.|(?![A-Za-z]))"
MONTH_ANY = rf"(?:{MONTH_FULL}|{_MONTH_ABBR})"
WEEKDAY = rf"(?:{_cased(_FULL_DAYS)})(?![A-Za-z])"
_WEEKDAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\dA-Za-z:])"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)(?![.,:]\d)"
_S = r"\s+"

NUMBER_WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "single": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
}
VAGUE_NUMBERS = {"a few", "few", "several", "many", "some", "dozens of", "hundreds of", "a number of",
                 "a matter of", "countless", "numerous"}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_NUMWORD = _i(
    rf"(?:(?:{_TENS})[- ](?:{_UNITS_W})|{_alt([w for w in NUMBER_WORDS if ' ' not in w])}"
    r"|a\s+dozen|a\s+couple(?:\s+of)?|a\s+hundred)"
)
_NUM_CORE = rf"(?:\d+(?:\.\d+)?|{_NUMWORD})"
_VAGUE_NUM = _i(r"a|an|half\s+an?|a\s+half|" + _alt(VAGUE_NUMBERS).replace(" ", r"\s+"))
NUM = rf"(?:{_NUM_CORE}(?:\s+and\s+a\s+half)?|{_VAGUE_NUM})"
UNIT_WORDS = ["second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "year",
              "decade", "century", "centuries", "millennium"]
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|millennium)s?|centuries"
UNIT = _i(rf"(?:{_UNIT})")
_UNIT_ADJ = _i(r"(?:(?:straight|consecutive|successive|trading|business|working|calendar|full|more|additional|"
               r"long|whole|short|previous|past|last|first)\s+){0,2}")
_DMOD = _i(r"(?:almost|nearly|about|around|approximately|roughly|some|over|more\s+than|less\s+than|"
           r"fewer\s+than|at\s+least|at\s+most|up\s+to|under|well\s+over|just\s+over|just\s+under|"
           r"upwards\s+of|close\s+to|the\s+better\s+part\s+of)")
# Prefix modifiers of a date: "early", "late 2006", "mid-2009", "the end of", "the beginning of".
PREMOD = (
    r"(?:"
    + _i(r"the\s+(?:very\s+)?(?:beginning|start|end|middle|close|turn|first\s+half|second\s+half|latter\s+part|"
         r"early\s+part|later\s+part|first\s+days|last\s+days|final\s+days)\s+of\s+")
    + "|" + _i(r"(?:early|late|mid)(?:-|\s+)(?:in\s+)?|end-") + ")"
)
_DAYPART = _i(r"morning|afternoon|evening|night")
# "11:00 this morning": the day part after a clock time belongs to it.
_TIMEDAY_PART = _i(r"(?:this|tomorrow|yesterday)\s+(?:morning|afternoon|evening)")
_TIMEDAY = rf"(?:{_TIMEDAY_PART}|{_i('today|tonight|tomorrow|yesterday')}|{WEEKDAY})"
_AMPM = r"(?:[aApP]\.[mM]\.?|[aApP][mM](?![A-Za-z]))"
_ZONE = (r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|IST|JST|KST|AEST|AEDT|"
         r"ET|PT|CT|MT|Z)(?![A-Za-z])")
_OFFSET = r"(?:\s*\((?:GMT|UTC)\s*[+−-]\s*\d{1,2}(?::?\d\d)?\))"
_ORDQ = _i(r"first|second|third|fourth|final|last|1st|2nd|3rd|4th")
_DU_REL = _i(r"past|last|next|coming|previous|following|first|final|remaining|latest|preceding|ensuing|succeeding")
_Q_REL = _i(r"this|last|next|the\s+current|the\s+previous|the\s+same")
_REL = _i(r"last|past|previous|prior|next|coming|following|this|current|same|upcoming|preceding")
_REL_UNITS = _i(r"week(?:end)?|month|year|quarter|decade|century|morning|afternoon|evening|night|day|"
                r"spring|summer|autumn|winter|fall")

FAMILIES: list[tuple[str, str]] = [
    ("iso", r"(?<![\w\-/.])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
            r"(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w\-/])"),
    ("numdate", r"(?<![\w/.\-])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\w/])"),
    ("time",
     # "5.30am", "10.45 p.m.": British clock times with a dot, only with am/pm ("5.30 per cent", "£5.30").
     # "about 03:30": an approximate time keeps its modifier, as durations do ("about three years").
     rf"(?:{_i('about|around|approximately|roughly')}\s+)?(?<![\d:.,$£€])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*{_AMPM})?|(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s*{_AMPM}"
     rf"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:UTC|GMT|hrs|hours|local\s+time)))"
     rf"(?:\s*{_ZONE}|\s+local\s+time)?{_OFFSET}?(?:\s+{_TIMEDAY})?"),
    ("noon", rf"{_i('midnight|noon|midday')}(?:\s+{_TIMEDAY})?(?![\w-])"),
    # "on Monday mornings", "Friday nights": every such part of that weekday.
    ("dayset", rf"(?P<ds_wd>{WEEKDAY})\s+(?P<ds_dp>{_i('mornings|afternoons|evenings|nights')})(?![\w-])"),
    ("daytime", rf"(?:{_i('early|late')}\s+)?(?:{WEEKDAY}|{_i('today|tomorrow|yesterday|this|last')})\s+(?:{_DAYPART})"
                rf"(?![\w-])|{_i('tonight')}(?![\w-])"),
    ("date",
     # "Monday (Oct 7)": Indian papers put the date in brackets after the weekday; one expression.
     rf"(?:(?P<date_wd>{WEEKDAY}|{_WEEKDAY_ABBR})(?:,?\s+|\s*(?P<date_par>\()))?(?:{PREMOD})?"
     rf"(?:(?P<date_m1>{MONTH_ANY})\s*(?P<date_d1>{DAY})(?:,?\s+(?P<date_y1>{YEAR}))?"
     rf"|(?:{_i('the')}\s+)?(?P<date_d2>{DAY})\s+(?:of\s+)?(?P<date_m2>{MONTH_ANY})(?:,?\s+(?P<date_y2>{YEAR}))?)"
     r"(?(date_par)\))"),
    ("monthyear", rf"(?:{PREMOD})?(?P<my_m>{MONTH_ANY}),?\s+(?:of\s+)?(?P<my_y>{YEAR})"),
    ("weekof", rf"(?:{_i('the')}\s+)?(?P<wo_n>{_i('first|second|third|fourth|last|final')})\s+week\s+of\s+"
               rf"(?P<wo_m>{MONTH_FULL})(?:,?\s+(?P<wo_y>{YEAR}))?"),
    ("weekofdate", rf"{_i('the')}\s+(?P<wod_unit>{_i('week|weekend')})\s+(?:of|beginning|starting|commencing)\s+"
                   rf"(?P<wod>{MONTH_ANY}\s*{DAY}"
                   rf"|{DAY}\s+(?:of\s+)?{MONTH_ANY})"),
    ("quarter",
     rf"(?:{PREMOD})?(?:(?:{_i('the')}\s+)?(?:{_i('fiscal|financial')}\s+)?(?P<q_ord>{_ORDQ})(?:\s+|-)(?:{_i('fiscal|financial|calendar')}[\s-]+)?"
     rf"(?P<q_kind>{_i('quarter|half')})(?![\w-])"
     rf"(?:\s+of\s+(?:(?:{_i('the')}\s+)?{_i('fiscal|financial')}\s+(?:year\s+)?)?"
     rf"(?:(?P<q_y1>{YEAR})|(?P<q_rel>{_Q_REL})"
     rf"\s+(?:{_i('fiscal|financial')}\s+)?year|(?P<q_the>{_i('the')})\s+year)|(?:,?\s+(?P<q_y2>{YEAR})))?"
     rf"|(?P<q_code>[QH][1-4])(?:\s*(?P<q_y3>{YEAR})|'(?P<q_y4>\d\d)"
     rf"|\s+of\s+{_i('fiscal|financial')}\s+(?:year\s+)?(?P<q_y6>{YEAR}))?(?![\w])"
     rf"|(?P<q_y5>{YEAR})\s*(?P<q_code2>[QH][1-4])(?![\w]))"),
    ("fiscal", rf"(?:{_i('fiscal|financial')}\s+(?:year\s+)?|FY\s?)(?P<fy_y>{YEAR}|'?\d\d(?!\d))"),
    ("season",
     rf"(?:{PREMOD})?(?:(?P<s_the>{_i('the')})\s+)?(?:(?P<s_rel>{_i('last|this|next|past|coming')})\s+)?"
     rf"(?P<s_name>{_i('spring|summer|autumn|winter|fall')})(?![\w-])(?:\s+(?:of\s+)?(?P<s_y>{YEAR}))?"),
    ("decade", rf"(?<![\w$£€\-])(?:{_i('early|late|mid')}[\s-]?)?(?P<dec>(?:1[5-9]|20)\d0|'?\d0)['’]?s(?![\w])"),
    ("century",
     rf"(?:{_i('the')}\s+)?(?:{_i('early|late|mid')}[\s-])?(?P<c_n>\d{{1,2}}(?:st|nd|rd|th)|"
     rf"{_i('nineteenth|twentieth|twenty-first|eighteenth|twenty-second')})[\s-]{_i('century')}(?![\w-])"),
    ("sameago",
     _i(r"the\s+same\s+(?P<sa_unit>day|week|month|quarter|period|time|season|year)\s+(?:of\s+)?"
        r"(?:(?:a|one|the)\s+(?P<sa_back>year|month|week)\s+(?:ago|earlier|before|prior|previously)|"
        r"(?:the\s+)?(?:last|previous|prior|preceding)\s+(?P<sa_back2>year|month|week)|"
        r"(?P<sa_back3>last)\s+year)")),
    ("ago", rf"(?:{_DMOD}\s+)?(?P<ago_n>{NUM})[\s-]+{_UNIT_ADJ}(?P<ago_u>{UNIT})\s+"
            rf"(?P<ago_w>{_i('ago')}(?![\w-])|{_i('earlier|later|before|after|on')}"
            rf"(?=\s*[,.;:)]|\s*$|\s+(?:and|but|when|as|to|in)\b))"),
    ("relmod", rf"(?P<rm_mod>{_i('earlier|later|early|late')})\s+(?:(?P<rm_rel>{_i('this|last|next')})\s+"
               rf"(?P<rm_unit>{_i('week|month|year|quarter|decade|century|weekend')})|(?P<rm_today>{_i('today|tonight')})"
               r")(?![\w-])"),
    ("relnamed", rf"(?:{PREMOD})?(?P<rn_rel>{_i('last|next|this|past|coming')})\s+(?:(?P<rn_wd>{WEEKDAY})|"
                 rf"(?P<rn_m>{MONTH_FULL}))"),
    ("rel", rf"(?:{PREMOD})?(?:(?P<r_the>{_i('the')})\s+)?(?P<r_rel>{_REL})\s+(?P<r_unit>{_REL_UNITS})(?![\w-])"
            rf"(?P<r_half>\s+and\s+a\s+half(?![\w-]))?"),
    ("anaph", rf"(?:{PREMOD})?(?P<an>{_i('the')}\s+(?:(?:{_i('same|entire|whole|full')})\s+)?"
              rf"(?P<an_unit>{_i('day|week|weekend|month|quarter|year')})|{_i('that')}\s+(?P<an_unit2>{_i('day|week|month|year|time')})"
              rf"|{_i('the')}\s+same\s+time)(?![\w-])(?!\s+{YEAR})"
              rf"(?:\s+(?P<an_back>{_i('previous|prior|before|earlier')})(?=\s*[,.;:)]|\s*$))?"),
    # "worked overnight", "overnight, crews ...": the adverb; not "an overnight stay".
    ("overnight", _i(r"overnight")
     + r"(?=\s*[,.;:)]|\s*$|\s+(?:and|but|as|after|before|while|when|into|in|on|at|to|from)\b)"),
    ("daypart", rf"(?:{_i('the')}\s+)?(?P<dp>{_i('morning|afternoon|evening')})(?![\w-])"),
    ("dayrel", _i(r"(?:the\s+day\s+(?P<dr_ba>before|after)\s+)?(?P<dr>today|tomorrow|yesterday)(?![\w-])")),
    ("weekday", rf"(?:{PREMOD})?(?P<wd>{WEEKDAY})"),
    ("month", rf"(?:{PREMOD})?(?P<mo>{MONTH_FULL})"),
    ("holiday", r"(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?"
                r"|Halloween|Valentine['’]s\s+Day)(?![\w-])"),
    ("year", rf"(?<![\w$£€#.,/\-])(?:{PREMOD})?(?:{_i('the')}\s+year\s+)?(?P<y>{YEAR})(?![\w%]|-\d\d(?!\d)|\s*%)"),
    ("durfirst", rf"(?<![\w.,])(?P<df_n>\d+(?:\.\d+)?|{_NUMWORD})(?=\s*(?:and|to|or|-|–)\s*{_NUM_CORE}[\s-]+"
                 rf"{_UNIT_ADJ}(?P<df_u>{UNIT})(?![\w]))"),
    ("duration",
     rf"(?:(?P<du_the>{_i('the')})\s+(?P<du_rel>{_DU_REL})\s+)?"
     rf"(?:{_DMOD}\s+)?(?<![\w.,])(?P<du_n>{NUM})(?:\s+|-)(?P<du_adj>{_UNIT_ADJ})(?P<du_u>{UNIT})"
     rf"(?P<du_half>\s+and\s+a\s+half(?![\w-]))?(?P<du_long>-long)?(?![\w]|-old|-\w)"
     rf"|{_i('over')}\s+the\s+(?P<du_years>{_i('years|decades|months|weeks|centuries')})(?![\w-])"),
    ("bareunit", rf"(?P<bu>{_i('seconds|minutes|hours|days|weeks|months|years|decades|centuries')})(?P<bu_long>-long)?"
                 r"(?![\w-])"),
    ("set",
     _i(r"(?:every|each)\s+(?:other\s+|single\s+)?(?:(?P<st_n>\d+|two|three|four|five|six|few)\s+)?"
        r"(?:(?P<st_wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+"
        r"(?P<st_dp>morning|afternoon|evening|night)(?![\w-])|"
        r"(?P<st_u>second|minute|hour|day|night|week|month|quarter|year|morning|afternoon|evening|"
        r"weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|winter|"
        r"(?P<st_mo>january|february|march|april|june|july|august|september|october|november|december))s?)"
        r"|(?P<st_f>once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+times)\s+"
        r"(?:a|an|per|each|every)\s+(?P<st_u2>second|minute|hour|day|night|week|month|quarter|year)"
        r"|per\s+(?P<st_u3>second|minute|hour|day|night|week|month|quarter|year|annum)") + r"(?![\w-])"
     + rf"|(?P<st_wdp>{_cased([d + 's' for d in _FULL_DAYS])})(?![\w-])|(?P<st_we>{_i('weekends')})(?![\w-])"
     + r"|(?P<st_adj>daily|weekly|monthly|yearly|annually|annual|quarterly|hourly|nightly|biweekly|bi-weekly|"
       r"fortnightly|semiannual|semi-annual|biannual|year-round)(?![\w-])"),
    ("vague",
     _i(r"right\s+now|now|currently|presently|at\s+present|nowadays|these\s+days|at\s+the\s+moment|"
        r"more\s+recently|most\s+recently|recently|lately|the\s+recent\s+past|"
        r"recent(?:\s+(?P<va_pl>days|weeks|months|years|decades|times))?|"
        r"the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|the\s+(?:near|short|long|medium)\s+term|"
        r"the\s+time\s+being|(?:very\s+)?soon|the\s+past|(?:the\s+)?(?:coming|upcoming|next\s+few)\s+"
        r"(?:days|weeks|months|years|decades)|a\s+later\s+(?:date|time|stage)|later")
     + r"(?![\w-])"),
]


# --- where each family can start: the scanner only tries families whose first word it sees -----------

_PREMOD_START = {"the", "early", "late", "mid", "end"}
_DMOD_START = {"almost", "nearly", "about", "around", "approximately", "roughly", "some", "over", "more", "less",
               "fewer", "at", "up", "under", "well", "just", "upwards", "close", "the"}
NUMBER_START = {w for w in NUMBER_WORDS if " " not in w} | {"a", "an", "half", "few", "several", "many", "some",
                                                          "dozens", "hundreds", "numerous", "countless", "couple"}
MONTH_START = set(MONTHS)
WEEKDAY_START = set(WEEKDAYS) | {"tues", "thur", "thurs"}
DIGIT = "#digit"
_REL_START = {"last", "past", "previous", "prior", "next", "coming", "following", "this", "current", "same",
              "upcoming", "preceding"}
SET_ADJECTIVES = {"daily", "weekly", "monthly", "yearly", "annually", "annual", "quarterly", "hourly", "nightly",
                  "biweekly", "bi-weekly", "fortnightly", "semiannual", "semi-annual", "biannual", "year-round"}
UNIT_START = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"}

STARTS: dict[str, set[str]] = {
    "iso": {DIGIT},
    "numdate": {DIGIT},
    "time": {DIGIT, "about", "around", "approximately", "roughly"},
    "noon": {"midnight", "noon", "midday"},
    "dayset": WEEKDAY_START,
    "daytime": WEEKDAY_START | {"early", "late", "today", "tomorrow", "yesterday", "this", "last", "tonight"},
    "date": WEEKDAY_START | MONTH_START | {DIGIT} | _PREMOD_START,
    "monthyear": MONTH_START | _PREMOD_START,
    "weekof": {"the", "first", "second", "third", "fourth", "last", "final"},
    "weekofdate": {"the"},
    "quarter": _PREMOD_START | {"fiscal", "financial", "first", "second", "third", "fourth", "final", "last", DIGIT,
                                "q1", "q2", "q3", "q4", "h1", "h2"},
    "fiscal": {"fiscal", "financial", "fy"},
    "season": _PREMOD_START | {"last", "this", "next", "past", "coming", "spring", "summer", "autumn", "winter",
                               "fall"},
    "decade": {DIGIT, "early", "late", "mid"},
    "century": {"the", "early", "late", "mid", DIGIT, "nineteenth", "twentieth", "twenty", "eighteenth"},
    "sameago": {"the"},
    "ago": _DMOD_START | NUMBER_START | {DIGIT},
    "relmod": {"earlier", "later", "early", "late"},
    "relnamed": _PREMOD_START | {"last", "next", "this", "past", "coming"},
    "rel": _PREMOD_START | _REL_START,
    "anaph": _PREMOD_START | {"that"},
    "overnight": {"overnight"},
    "daypart": {"the", "morning", "afternoon", "evening"},
    "dayrel": {"the", "today", "tomorrow", "yesterday"},
    "weekday": _PREMOD_START | WEEKDAY_START,
    "month": _PREMOD_START | MONTH_START,
    "holiday": {"christmas", "new", "thanksgiving", "halloween", "valentine"},
    "year": _PREMOD_START | {DIGIT},
    "durfirst": {DIGIT} | {w for w in NUMBER_WORDS if " " not in w},
    "duration": {"the", "over", DIGIT} | _DMOD_START | NUMBER_START,
    "bareunit": UNIT_START,
    "set": {"every", "each", "once", "twice", "thrice", "per", DIGIT} | NUMBER_START | SET_ADJECTIVES
           | {d + "s" for d in _FULL_DAYS} | {"weekends"},
    "vague": {"right", "now", "currently", "presently", "at", "nowadays", "these", "more", "most", "recently",
              "lately", "the", "recent", "very", "soon", "coming", "upcoming", "next", "a", "later"},
}


_SOURCES = dict(FAMILIES)


@cache
def family_pattern(name: str) -> re.Pattern[str]:
    # Compiled on first use: compiling them all takes a noticeable part of opening a short report, which
    # needs only the few families its start words reach.
    return re.compile(_SOURCES[name])


@cache
def families_for(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The families (in priority order) an expression starting with word `key` can belong to."""
    return tuple((name, family_pattern(name)) for name, _ in FAMILIES if key in STARTS[name])
