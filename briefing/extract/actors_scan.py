"""Sentence-level scanning for the actors step: capitalised chunks → typed name pieces.

A chunk is a run of capitalised words (with the connectors names use inside: "Bank of America",
"Charles de Gaulle"). Each chunk is cut into items — gazetteer names, titles, demonyms and name runs —
and every name becomes a `Piece` with what the sentence says about it: a kind when the words are sure
(gazetteer, organisation suffix, first name, a title before it, a cue word like "analyst" or
"automaker"), the person's titles and affiliation (from the words before it and an apposition after
it), and whether it is the subject of a reporting verb. What a sentence cannot decide is left to the
document-level pass in `actors_merge.py`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .names import Lexicon, key, lexicon

_UP = "A-ZÀ-ÖØ-Þ"
# A capitalised word: "U.S.", "Wal-Mart", "O'Leary", "AT&T", "Inc.", "Detik.com" (a possessive 's is left
# out). The first letter comes first in the pattern so that the engine can skip to capitals quickly; the
# two-character look-behind then checks that no word character or hyphen comes right before it.
_TAIL = r"(?:(?:\.[A-Z])+\.?|[\w&]*(?:(?:-|['’](?![sS]\b))[\w&]+)*(?:\.com\b|\.(?![\w.]))?)"
_CONN = r"(?:(?:of|for|on)(?:[ \t]+the)?|and|&|de|del|della|di|da|du|des|la|le|van|von|der|den|ter|bin|ibn|al|el|y)"
_SEP = r"[ \t\u00a0\n]+"
CHUNK = re.compile(
    rf"[{_UP}](?<![\w'’.&-].){_TAIL}(?:{_SEP}(?:{_CONN}{_SEP}){{0,2}}(?:(?:al|el|bin|ibn|abu)-)?[{_UP}]{_TAIL})*"
)
# "al-Qaeda", "el-Sisi" at the start of a chunk (rare: tried only when the sentence has such a prefix)
_PREFIXED = re.compile(rf"(?<![\w'’.&-])(?:al|el)-[{_UP}]{_TAIL}(?:{_SEP}[{_UP}]{_TAIL})*")
_ABBREVIATIONS = frozenset((
    "Inc", "Corp", "Co", "Cos", "Ltd", "Jr", "Sr", "St", "Mt", "Ft", "Bros", "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen",
    "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Prof", "Rev", "Hon", "Adm", "Maj", "Messrs", "Mme", "Dept", "Pty",
    "Bhd", "Supt", "Cmdr", "Pres", "Sec", "Atty", "Amb", "Fr", "Ave", "Blvd", "Rd", "Univ", "Assn", "Intl", "Natl",
))
_TOKEN = re.compile(r"[^ \t\u00a0\n]+")
_PARTICLES = frozenset(("de", "del", "della", "di", "da", "du", "des", "la", "le", "van", "von", "der", "den", "ter",
                        "bin", "ibn", "al", "el", "y"))
_OF = frozenset(("of", "for", "on"))
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]*[A-Z0-9](?:-[A-Z0-9]+)?s?$")
_MODEL_AFTER = re.compile(  # "Boeing 787", "Airbus A380", but not "Apple 500 jobs"
    r"[ \t]+(?:[A-Z]{1,2}\d|\d{2,4}\b(?![ \t]*(?:%|percent|per|people|jobs|workers|employees|million|"
    r"billion|units|plants|stores|points)))"
)
_REPORTING = re.compile(
    r"(?:[ \t]+(?:also|has|have|had|later|previously|then|further|again|reportedly))?[ \t]+"
    r"(?:said|says|told|tells|stated|states|added|adds|announced|announces|reported|reports|wrote|writes|"
    r"tweeted|posted|noted|notes|explained|warned|warns|argued|argues|claimed|claims|insisted|insists|"
    r"confirmed|confirms|denied|denies|acknowledged|signaled|signalled|estimated|predicted|cited|quoted|"
    r"believes|expects|expected|urged|urges|asked|asks|replied|responded|disclosed|revealed|"
    r"admitted|indicated|suggested|stressed|emphasized|emphasised|declared|described)\b"
)
_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                ("ly", ""), ("ers", ""), ("er", ""))
_HEAD_AFTER = re.compile(r"[.,;:!?]|[ \t]+(?:on|in|at|to|for|with|from|and|or|but|by|over|as|after|before|"
                         r"has|have|had|is|was|are|were|will|would|can|could|may|might|must|should|"
                         r"said|says|also|did|does|do|[a-z]+ed)\b")
_VERBISH = re.compile(r"ing$")
_MODEL = re.compile(r"[A-Z]{1,3}-?\d[\w-]*")
_GLUED = re.compile(r"([A-Z][\w.&]*)-[a-z][\w-]*")
_CONTRACTION = re.compile(r"(?:['’](?:ve|re|ll|d|m|t)|n['’]t)$")
_INDEX_AFTER = re.compile(  # "Standard & Poor's 500 index", "the Nikkei stock average"
    r"(?:['’]s)?[ \t]+(?:\d[\d,.]*[ \t]+)?(?:stock[ \t]+|share[ \t]+|market[ \t]+)?"
    r"(?:index|indices|indexes|Index|average)\b"
)
_ACCORDING = ("according to", "according to the", " said", " says", " told", "cited by", "quoted by",
              "said the", "says the", "told the")
_SOURCE_WORDS = frozenset(("to", "the", "said", "says", "told", "by"))
_ITEMS: dict[tuple[str, bool], list[tuple]] = {}
_PLACE_PREPOSITIONS = frozenset(("in", "near", "outside", "across", "inside", "around", "towards", "toward"))
# nouns for people by their ending: librarian, economist, organiser, negotiator, resident
_PERSON_NOUN = re.compile(r"(?:ian|ist|[^e]er|iser|izer|[st]or|ant|[^m]ent|ee)$")
_APPOS_NOUN = re.compile(
    r",[ \t]+(?:(?P<who>who|whose)\b|(?P<age>\d{1,3})[ \t]*,|(?:a|an|the)[ \t]+(?P<words>[\w'’ \t-]{1,60}))"
)
_MAX_CHUNK = 12
_INITIAL_BEFORE = frozenset("\"“‘'([{:—–-*•>")
_LAST_WORD = re.compile(r"([\w][\w'’.&-]*)[ \t]*,?[ \t\n]*$")
_BACK_WORD = re.compile(r"[\w][\w'’.&-]*|,")
_WORDS = re.compile(r"[\w][\w'’.&-]*|[,;:()\"“”]")
_APPOS_SKIP = frozenset(("the", "a", "an", "his", "her", "its", "their", "formerly", "currently", "now",
                         "then", "also", "both", "as", "once", "still", "long-time", "longtime", "veteran"))
_AMBIGUOUS_TITLES = frozenset(("general", "major", "chief", "head", "lead", "father", "sister", "late",
                               "former", "member", "partner", "speaker", "official", "justice", "dean",
                               "principal", "agent", "officer", "executive", "chair", "director", "manager",
                               "editor", "coach", "judge", "captain", "deputy", "acting", "interim", "vice",
                               "rep", "sen", "gen", "col", "maj", "lt", "capt", "sgt", "rev", "prof", "ex"))
_ABOUT_PLACE = re.compile(r"(?:city|town|village|province|state|region|capital|port|suburb|district) of[ \t]+$")
_LOCATED = re.compile(r"(?:based|born|located|headquartered|held|live|lives|lived|living|arrived|landed) in[ \t]+$")


@dataclass(slots=True)
class Piece:
    """One name mention found in a sentence, before the document-level pass."""

    start: int
    end: int
    text: str
    kind: str | None = None          # person | organization | place | group, or None when unsure
    strong: bool = False             # the kind comes from a gazetteer or a sure cue
    canonical: str | None = None     # gazetteer name ("United States" for "U.S.")
    weak: bool = False               # a sentence-initial ordinary word: kept only with other evidence
    acronym: bool = False
    expands: Piece | None = None     # for "(GM)": the piece it abbreviates
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    subject: bool = False            # subject or source of a reporting verb
    compound: int | None = None      # pieces cut from one chunk share an id (re-joined when the doc says so)
    sentence: int = 0
    cue: str | None = None           # the kind a context cue suggests, weaker than `kind`
    paren: str | None = None         # "General Motors (GM)": the acronym in parentheses after it
    description: str | None = None   # from an explicit `## Actors` entry
    soft: bool = False               # a capitalised ordinary word mid-sentence ("Video"): needs support
    key: str = ""                    # lookup key of `text`, filled by the document-level pass
    guessed: bool = False            # the kind is the document-level default, not evidence


# Token properties, computed once per distinct word (names repeat) and tested as bits.
CONN, STOP, CAL, NONNAME, CONTRACTION, MODEL, GLUED, TITLE = 1, 2, 4, 8, 16, 32, 64, 128
MOD, CAP, ORGTAIL, PLACETAIL, EVENT, FIRST, COMMON, ORDINARY = 256, 512, 1024, 2048, 4096, 8192, 16384, 32768
SUFFIX, ORGFIRST, ORGFIRSTOF, GENERIC, SHOUT = 65536, 131072, 262144, 524288, 1048576
_SKIP = STOP | CAL | NONNAME | CONTRACTION
_FLAGS: dict[str, int] = {}


def _flags(w: str) -> int:
    f = _FLAGS.get(w)
    if f is not None:
        return f
    lex = lexicon()
    low = w.lower()
    bare = low.rstrip(".")
    upper = w.isupper() and len(w) > 1
    f = 0
    if w in _PARTICLES or w in _OF or w in ("and", "&", "the"):
        f |= CONN
    if not upper and low in lex.stop:
        f |= STOP
    if w in lex.calendar:
        f |= CAL
    if w in lex.nonnames:
        f |= NONNAME
    if _CONTRACTION.search(w):
        f |= CONTRACTION
    if _MODEL.fullmatch(w):
        f |= MODEL
    if _GLUED.fullmatch(w):
        f |= GLUED
    if bare in lex.titles or bare in lex.honorifics:
        f |= TITLE
    if low in lex.title_mods:
        f |= MOD
    if w[:1].isupper():
        f |= CAP
    if w in lex.org_suffix or w in lex.org_head:
        f |= ORGTAIL
    if w in lex.org_suffix:
        f |= SUFFIX
    if low in lex.place_heads and w[:1].isupper():
        f |= PLACETAIL
    if w in lex.event_heads:
        f |= EVENT
    if w in lex.first_names or (not w.isascii() and _ascii(w) in lex.first_names):
        f |= FIRST
    if low in lex.common:
        f |= COMMON | ORDINARY
    elif _inflected_common(low, lex.common):
        f |= ORDINARY
    if w in lex.org_first:
        f |= ORGFIRST
    if w in lex.org_first_of:
        f |= ORGFIRSTOF
    if w in lex.generic:
        f |= GENERIC
    if upper:
        f |= SHOUT
    if len(_FLAGS) < 200_000:
        _FLAGS[w] = f
    return f


def _ascii(w: str) -> str:
    return unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()


def _inflected_common(low: str, common: frozenset[str]) -> bool:
    """An inflected English word ("officials", "presiding", "asked")."""
    for suffix, repl in _INFLECTIONS:
        if low.endswith(suffix) and len(low) > len(suffix) + 2 and low[: -len(suffix)] + repl in common:
            return True
    return False


class _Tok:
    __slots__ = ("end", "f", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()
        f = _FLAGS.get(text)
        self.f = _flags(text) if f is None else f


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _split_at_periods(toks: list[_Tok]) -> list[list[_Tok]]:
    """Cut a chunk after a word whose period ends a sentence-like stretch ("... Apple. The ...")."""
    out: list[list[_Tok]] = []
    current: list[_Tok] = []
    for t in toks:
        w = t.text
        if w.endswith(".") and len(w) > 1:
            stem = w[:-1]
            if not (stem in _ABBREVIATIONS or len(stem) == 1 or "." in stem):
                t = _Tok(t.start, t.end - 1, stem)
                current.append(t)
                out.append(current)
                current = []
                continue
        current.append(t)
    if current:
        out.append(current)
    return out


class Scanner:
    """Finds name pieces in sentences of one document."""

    def __init__(self, text: str, lex: Lexicon | None = None) -> None:
        self.text = text
        self.lex = lex or lexicon()
        self.pieces: list[Piece] = []
        self._compound = 0
        self._end_index: dict[int, int] = {}   # piece end offset → piece index (for affiliations)

    # ---- token predicates -------------------------------------------------------------------
    @staticmethod
    def is_conn(t: _Tok) -> bool:
        return bool(t.f & CONN)

    @staticmethod
    def is_stop(t: _Tok) -> bool:
        return bool(t.f & STOP)

    @staticmethod
    def is_title_word(low: str) -> bool:
        return bool(_flags(low) & TITLE)

    @staticmethod
    def is_mod(low: str) -> bool:
        return bool(_flags(low) & MOD)

    @staticmethod
    def org_tail(t: _Tok) -> bool:
        return bool(t.f & ORGTAIL)

    @staticmethod
    def place_tail(t: _Tok) -> bool:
        return bool(t.f & PLACETAIL)

    # ---- gazetteer -------------------------------------------------------------------------
    def gazetteer(self, toks: list[_Tok], i: int, n: int) -> tuple[int, str, str] | None:
        """Longest gazetteer name starting at token i: (end index, canonical, "country"|"place"|"org")."""
        lex = self.lex
        best = None
        first = key(toks[i].text)
        limit = min(n, i + lex.first_words.get(first, 1))
        parts: list[str] = []
        for j in range(i, limit):
            parts.append(toks[j].text)
            if j > i and self.is_conn(toks[j]) and j == limit - 1:
                break
            k = key(" ".join(parts))
            hit = lex.orgs.get(k)
            if hit is not None and not (j == i and _looks_common_acronym(toks[i].text, k)):
                best = (j + 1, hit, "org")
                continue
            place = lex.places.get(k)
            if place is not None:
                best = (j + 1, place[0], place[1])
        return best

    # ---- title runs ------------------------------------------------------------------------
    def title_run(self, toks: list[_Tok], i: int, n: int) -> int:
        """End of a title run starting at i ("Defense Minister", "Secretary of State"), or i if none."""
        j = i
        last_head = i
        while j < n:
            f = toks[j].f
            if f & TITLE:
                j += 1
                last_head = j
            elif f & MOD and f & CAP:
                j += 1
            elif (toks[j].text in _OF and last_head > i and j + 1 < n and toks[j + 1].f & MOD
                  and self.tail_kind(toks, j + 1, n) is None):
                # "Secretary of State", but not "Chief Executive Officer of General Motors"
                j += 1
                while j < n and toks[j].f & MOD and not toks[j].f & TITLE:
                    j += 1
                last_head = j
            else:
                break
        return last_head

    def tail_kind(self, toks: list[_Tok], i: int, n: int) -> str | None:
        """'org' / 'place' / 'event' when the words i..n end like an organisation, place or event name."""
        if n - i < 1:
            return None
        if n - i < 2:
            return None
        last = toks[n - 1]
        lf = last.f
        for k in range(i + 1, n - 1):
            f = toks[k].f
            if f & TITLE and not f & MOD and not toks[k + 1].f & (ORGTAIL | PLACETAIL):
                return None  # a title inside ("Apple CEO Steve Jobs") means this is not one name
        if lf & EVENT:
            return "event"
        if last.text in ("International", "Worldwide", "Global", "Industrie") and toks[n - 2].f & ORGTAIL:
            return "org"  # "Thai Airways International"
        if lf & ORGTAIL:
            first = toks[i]
            if (n - i == 2 and first.f & FIRST and not lf & SUFFIX and not lf & ORGFIRST
                    and key(first.text) not in self.lex.places):
                return None  # "Jim Press", "Sandy Post": a given name and a surname
            return "org"
        if lf & PLACETAIL:
            return "place"
        for k in range(i, n - 1):
            if toks[k + 1].text in _OF and toks[k].f & (ORGFIRSTOF | ORGTAIL):
                return "org"
        if toks[i].f & ORGFIRST:
            return "org"
        return None

    # ---- scanning --------------------------------------------------------------------------
    def scan_sentence(self, s: int, e: int, index: int) -> None:
        text = self.text
        matches = list(CHUNK.finditer(text, s, e))
        if "l-" in text[s:e]:
            covered = [(m.start(), m.end()) for m in matches]
            matches += [m for m in _PREFIXED.finditer(text, s, e)
                        if not any(a <= m.start() < b for a, b in covered)]
            matches.sort(key=lambda m: m.start())
        for m in matches:
            g = m.group()
            if " " not in g and "\n" not in g and _flags(g) & _SKIP:
                continue  # "The", "In", "Monday": most one-word chunks need no further look
            if " " in g or "\n" in g or "\t" in g or "\u00a0" in g:
                toks = _tokens(text, m.start(), m.end())
            else:
                toks = [_Tok(m.start(), m.end(), g)]
            first = True
            parts = _split_at_periods(toks) if "." in g else [toks]
            if len(toks) > _MAX_CHUNK:
                # a run of capitals this long is a shouted or Title Case passage: no name is that long
                parts = [p[k : k + _MAX_CHUNK] for p in parts for k in range(0, len(p), _MAX_CHUNK)]
            for part in parts:
                while part and part[-1].f & CONN:
                    part.pop()
                if part:
                    initial = self._initial(s, part[0].start) if first else True
                    ck = (text[part[0].start : part[-1].end], initial)
                    items = _ITEMS.get(ck)
                    if items is None:
                        items = self._items(part, initial)
                        if len(_ITEMS) < 50_000:
                            _ITEMS[ck] = items
                    if items:
                        self._emit(part, items, index)
                first = False

    def _initial(self, s: int, start: int) -> bool:
        text = self.text
        k = start - 1
        while k >= s and text[k] in " \t\u00a0\n":
            k -= 1
        if k < s:
            return True
        if text[k] in _INITIAL_BEFORE:
            return True
        # a list marker or dateline dash opens a sentence too
        return k >= 1 and text[k] == "." and text[k - 1].isdigit()

    def _items(self, toks: list[_Tok], initial: bool) -> list[tuple]:
        """Cut a chunk into items: names, gazetteer names, titles, demonyms, connectors, skipped words.

        The result depends only on the words and whether the chunk opens a sentence, so it is cached.
        """
        lex = self.lex
        n = len(toks)
        i = 0
        items: list[tuple] = []  # (tag, i, j, extra)
        while i < n:
            t = toks[i]
            if self.is_conn(t):
                items.append(("conn", i, i + 1, t.low))
                i += 1
                continue
            if t.f & _SKIP or (t.f & GENERIC and (i + 1 == n or toks[i + 1].f & CONN)):
                # "US Government": the country is the actor, the institution word is not a name
                items.append(("skip", i, i + 1, None))
                i += 1
                continue
            if t.f & MODEL:
                # "Airbus A380": the model number makes the name before it a product
                if items and items[-1][0] in ("name", "known") and items[-1][2] == i and items[-1][3] != "org":
                    items[-1] = ("skip", items[-1][1], i, None)
                items.append(("skip", i, i + 1, None))
                i += 1
                continue
            glued = _GLUED.fullmatch(t.text) if t.f & GLUED else None
            if glued:
                # "US-backed", "EADS-led", "Pre-orders": a place before the hyphen is still a mention
                place = lex.places.get(key(glued.group(1)))
                items.append(("glued", i, i + 1, place))
                i += 1
                continue
            g = self.gazetteer(toks, i, n)
            if g is not None and g[0] == i + 1 and g[2] != "org" and self._given_name_first(toks, i, n):
                g = None  # "Hassan Nasrallah", "Jordan Bardella": a given name, not the town
            if g is not None:
                j, canonical, gkind = g
                if j < n:
                    end = self._name_run(toks, i, n)
                    if end > j:
                        whole = self.tail_kind(toks, i, end)
                        if whole in ("org", "place") and not (end - j == 1 and key(toks[j].text) in lex.orgs):
                            items.append(("name", i, end, whole))  # "Singapore Airlines", "Chiang Mai Airport"
                            i = end
                            continue
                        if gkind == "org" and whole is None and not any(tk.f & CONN for tk in toks[j:end]):
                            items.append(("name", i, end, "org"))  # "Boeing Commercial Airplanes"
                            i = end
                            continue
                prev = items[-1] if items else None
                if (prev is not None and prev[0] == "known" and prev[2] == i and gkind == "place"
                        and prev[3][1] == "place"):
                    joined = " ".join(tk.text for tk in toks[prev[1] : j])
                    items[-1] = ("known", prev[1], j, (joined, "place"))
                else:
                    items.append(("known", i, j, (canonical, gkind)))  # "London Heathrow" stays one place
                i = j
                continue
            tail = self.tail_kind(toks, i, n)
            run = self.title_run(toks, i, n)
            if run > i and tail is None and not self._ambiguous_title(toks, i, run, n):
                items.append(("title", i, run, None))
                i = run
                continue
            d = self._demonym(toks, i, n)
            if d is not None and tail is None:
                j, country, plural = d
                items.append(("group" if plural else "demonym", i, j, country))
                i = j
                continue
            if initial and i == 0 and tail is None and self._ordinary(t, toks, n):
                if n == 1:
                    items.append(("weak", 0, 1, None))
                    i += 1
                    continue
                if self.title_run(toks, 1, n) > 1 or _VERBISH.search(t.low):
                    items.append(("skip", 0, 1, None))  # "Presiding Judge Martin Mann", "Speaking Monday"
                    i += 1
                    continue
            j = self._name_run(toks, i, n)
            items.append(("name", i, j, tail if j == n else self.tail_kind(toks, i, j)))
            i = j
        if not any(it[0] in ("name", "known", "weak", "group", "glued") for it in items):
            return []
        return items

    @staticmethod
    def _skippable(t: _Tok) -> bool:
        return bool(t.f & _SKIP)

    def _given_name_first(self, toks: list[_Tok], i: int, n: int) -> bool:
        if not toks[i].f & FIRST or i + 1 >= n:
            return False
        nxt = toks[i + 1]
        if self.is_conn(nxt) and nxt.text not in _PARTICLES:
            return False
        return not (nxt.f & (ORGTAIL | PLACETAIL | TITLE | _SKIP | MODEL | GLUED) or key(nxt.text) in self.lex.places)

    def _ambiguous_title(self, toks: list[_Tok], i: int, run: int, n: int) -> bool:
        """"General Dynamics", "Chief Keef": a lone ambiguous title word before an ordinary word."""
        if run >= n:
            return False
        if all(toks[k].low.rstrip(".") in _AMBIGUOUS_TITLES or toks[k].f & MOD for k in range(i, run)):
            f = toks[run].f
            return bool(f & CAP and f & COMMON and not f & FIRST)
        return False

    def _demonym(self, toks: list[_Tok], i: int, n: int) -> tuple[int, str, bool] | None:
        lex = self.lex
        for width in (2, 1):
            if i + width > n:
                continue
            k = key(" ".join(t.text for t in toks[i : i + width]))
            if k in lex.demonyms:
                return i + width, lex.demonyms[k], False
            if k in lex.demonym_plurals:
                return i + width, lex.demonym_plurals[k], True
        return None

    def _ordinary(self, t: _Tok, toks: list[_Tok], n: int) -> bool:
        """A sentence-initial word that is an ordinary word, not a name ("Officials", "Presiding")."""
        f = t.f
        if not f & ORDINARY or f & SHOUT:
            return False
        return not (f & FIRST and n > 1 and toks[1].f & CAP)

    def _name_run(self, toks: list[_Tok], i: int, n: int) -> int:
        """End of the name that starts at i: up to a title, a date word or a connector that does not glue."""
        lex = self.lex
        first_is_given = bool(toks[i].f & FIRST)
        j = i + 1
        while j < n:
            t = toks[j]
            if self.is_conn(t):
                if self._glues(toks, i, j, n):
                    j += 1
                    while j < n and self.is_conn(toks[j]):
                        j += 1
                    continue
                break
            f = t.f
            if (f & CAL and not first_is_given) or f & (STOP | NONNAME | CONTRACTION | MODEL | GLUED):
                break
            prev = toks[j - 1]
            if prev.text in lex.org_suffix and prev.text not in lex.org_head and not f & SUFFIX:
                break  # "Chrysler LLC Jim Press": a legal suffix ends the company name
            if f & TITLE and not f & MOD:
                run = self.title_run(toks, j, n)
                if run > j:
                    if run < n and not self.org_tail(toks[run]) and not self.place_tail(toks[run]):
                        break  # "Boeing Commercial Airplanes President Scott Carson"
                    if run == n and not first_is_given:
                        break  # "the Apple Chief Executive Officer"
            elif f & MOD and f & CAP:
                run = self.title_run(toks, j, n)
                if (run > j and (run == n or not (self.org_tail(toks[run]) or self.place_tail(toks[run])))
                        and (not first_is_given or run < n)):
                    break  # "Hezbollah Secretary-General", "White House Press Secretary"
            j += 1
        while j > i + 1 and self.is_conn(toks[j - 1]):
            j -= 1
        return j

    def _glues(self, toks: list[_Tok], i: int, j: int, n: int) -> bool:
        """Whether the connector at j stays inside the name that starts at i."""
        c = toks[j].text
        k = j + 1
        while k < n and self.is_conn(toks[k]):
            k += 1
        if k >= n:
            return False
        after = toks[k]
        if after.f & (_SKIP | CAL):
            return False
        if c in _PARTICLES or c == "&":
            return True
        prev = toks[j - 1]
        if c in _OF:
            if prev.text in self.lex.org_first_of:
                return True
            if c == "of" and (self.org_tail(prev) or self.place_tail(prev)):
                return True
            return prev.text in ("Republic", "Kingdom", "Emirate", "Sultanate", "Duchy", "Principality",
                                 "Commonwealth", "Isle", "Gulf", "Sea", "Bay", "Cape", "Straits", "Strait")
        if c == "and":
            # "European Aeronautic Defence and Space Company": only inside a longer organisation name
            return j - i >= 2 and self.tail_kind(toks, j + 1, n) == "org" and not self.org_tail(prev)
        return False

    # ---- items → pieces --------------------------------------------------------------------
    def _emit(self, toks: list[_Tok], items: list[tuple], sentence: int) -> None:
        text = self.text
        lex = self.lex
        compound: int | None = None
        if sum(1 for it in items if it[0] in ("name", "known")) > 1:
            self._compound += 1
            compound = self._compound
        titled = False  # a title earlier in the chunk: "President of the United States Barack Obama"
        for idx, (tag, i, j, extra) in enumerate(items):
            if tag == "title":
                titled = True
                continue
            if tag == "glued":
                if extra is None:
                    continue
                word = toks[i]
                cut = word.text.index("-")
                p = Piece(word.start, word.start + cut, word.text[:cut], kind="place", strong=True,
                          canonical=extra[0], sentence=sentence)
                self._add_piece(p)
                continue
            if tag not in ("name", "known", "weak", "group"):
                continue
            a, b = toks[i].start, toks[j - 1].end
            if text[b : b + 1] == "$":
                if j - i == 1:
                    continue  # "US$40 billion", "AU$52.5 million"
                j -= 1
                while j > i + 1 and self.is_conn(toks[j - 1]):
                    j -= 1
                b = toks[j - 1].end
            surface = text[a:b]
            p = Piece(a, b, surface, sentence=sentence, compound=compound)
            next_tag = items[idx + 1][0] if idx + 1 < len(items) else None
            if tag == "known":
                canonical, gkind = extra
                if gkind == "org" and _MODEL_AFTER.match(text, b):
                    continue  # "Boeing 787": the maker's name is the product's name here
                p.canonical = canonical
                p.kind = "organization" if gkind == "org" else "place"
                p.strong = True
            elif tag == "group":
                p.kind, p.strong, p.affiliation = "group", True, extra
            elif tag == "weak":
                p.weak = True
            else:
                prev_tag = items[idx - 1][0] if idx > 0 else None
                # "Vice Chairman of Chrysler": a name right after "of" is the title's organisation
                after_of = prev_tag == "conn" and items[idx - 1][3] in _OF
                if not self._name_kind(p, toks, i, j, extra, titled and not after_of, next_tag):
                    titled = False
                    continue
                if titled and after_of and p.kind is None:
                    p.cue = "organization"
                titled = False
            if tag != "group" and _ACRONYM.fullmatch(surface) and len(surface.replace(".", "")) <= 7:
                p.acronym = True
                if surface.rstrip("s") in lex.nonnames:
                    continue
                if p.kind is None:
                    p.kind = "organization"
            if surface in lex.nonnames:
                continue
            self._context(p)
            self._add_piece(p)

    def _add_piece(self, p: Piece) -> None:
        self._end_index[p.end] = len(self.pieces)
        self.pieces.append(p)

    def _name_kind(self, p: Piece, toks: list[_Tok], i: int, j: int, tail: str | None,
                   titled: bool, next_tag: str | None) -> bool:
        """Type a name run from its own words and the items around it. False: not an actor."""
        if tail == "event":
            return False
        if _MODEL_AFTER.match(self.text, p.end) and tail is None:
            return False  # "Boeing 787": a product
        if _INDEX_AFTER.match(self.text, p.end):
            return False  # "Standard & Poor's 500 index", "Nikkei stock index"
        words = toks[i:j]
        if len(words) == 1 and len(words[0].text) == 1:
            return False
        if tail == "org":
            p.kind, p.strong = "organization", True
        elif tail == "place":
            p.kind, p.strong = "place", True
        elif titled or (len(words) > 1 and words[0].f & FIRST and not _ACRONYM.fullmatch(words[-1].text)):
            p.kind, p.strong = "person", True
        elif next_tag == "title":
            p.cue = "organization"  # "Hezbollah Secretary-General", "Uralsib analyst"
        elif (len(words) == 1 and words[0].f & COMMON and not words[0].f & SHOUT
              and not _HEAD_AFTER.match(self.text, p.end)):
            p.soft = True  # "the Video version": an ordinary word as a modifier, unless the document insists
        return True

    def _context(self, p: Piece) -> None:
        """Cues around the piece: words before it, reporting verbs after it, parentheses, commas."""
        text = self.text
        lex = self.lex
        before = text[max(0, p.start - 40) : p.start]
        cut = before.rstrip()
        prev = cut[cut.rfind(" ") + 1 :].lower().strip(",;:\"“'(") if cut else ""
        if p.kind is None:
            if prev in lex.person_cues and before.endswith(" ") and not before.rstrip().endswith(","):
                p.cue = p.cue or "person"
            elif prev in lex.org_cues and before.endswith(" "):
                p.cue = "organization"
            elif prev == "of" and _ABOUT_PLACE.search(before):
                p.cue = "place"  # "the village of Ocheretyne"
            elif _LOCATED.search(before):
                p.cue = "place"
            elif prev in lex.honorifics or prev.rstrip(".") in lex.honorifics:
                p.kind, p.strong = "person", True
            elif prev in _PLACE_PREPOSITIONS and before.endswith(" ") and not _REPORTING.match(text, p.end):
                p.cue = "place"  # "schools in Hervanta", "near Kharkiv"
            elif (before.endswith(" ") and len(prev) > 5 and prev.isalpha() and _PERSON_NOUN.search(prev)
                  and prev not in lex.org_cues and prev not in lex.place_cues and " " in p.text
                  and not any(_flags(w) & (COMMON | ORGTAIL) for w in p.text.split())):
                p.cue = "person"  # "librarian Riikka Lehtola", "joiner Callum Drummond"
            elif prev.endswith("-year-old"):
                p.cue = "person"
            m = _PLACE_AFTER.match(text, p.end)
            if m and key(m.group(1)) in lex.places:
                p.cue = "place"  # "Everett, Washington"
            elif text.startswith(",", p.end):
                cue = self._apposition_kind(p.end)
                if cue == "person" and any(_flags(w) & (COMMON | ORGTAIL) for w in p.text.split()):
                    cue = None  # "the plant Automobile Craiova, a Romanian official said": not about the plant
                if cue is not None:
                    p.cue = cue  # "Callum Drummond, a joiner who", "Glenmoray, the small village"
        elif p.kind == "place" and prev in lex.org_cues and lex.places.get(key(p.text), ("", ""))[1] == "place":
            p.kind = "organization"  # "rivals Toyota and General Motors": a company named like a city
        if _REPORTING.match(text, p.end) or (prev in _SOURCE_WORDS and cut.lower().endswith(_ACCORDING)):
            p.subject = True
        if not p.acronym and text.startswith((" (", "("), p.end):
            m = _PAREN_ACRONYM.match(text, p.end)
            if m is not None:
                p.paren = m.group(1)

    def _apposition_kind(self, end: int) -> str | None:
        """The kind an apposition after a name gives it: ", who", ", 54,", ", a joiner", ", the village"."""
        m = _APPOS_NOUN.match(self.text, end)
        if m is None:
            return None
        if m.group("who") or m.group("age"):
            return "person"
        lex = self.lex
        for w in m.group("words").split():
            low = w.lower()
            if low in lex.org_cues:
                return "organization"
            if low in lex.place_cues:
                return "place"
            if low in lex.person_cues or self.is_title_word(low) or (_PERSON_NOUN.search(low) and len(low) > 5):
                return "person"
        return None

    def coordinate(self, first: int) -> None:
        """"Lisbon, Sines and Leixões": a name listed with places is a place too."""
        ps = self.pieces
        text = self.text
        for i in range(max(first, 1), len(ps)):
            a, b = ps[i - 1], ps[i]
            gap = text[a.end : b.start]
            if gap not in (", ", " and ", ", and ", " or ", " & "):
                continue
            for x, y in ((a, b), (b, a)):
                if x.kind is None and x.cue is None and y.kind == "place":
                    x.cue = "place"

    # ---- titles and apposition --------------------------------------------------------------
    def person_roles(self, p: Piece, sent_start: int, sent_end: int) -> None:
        """Titles and affiliation from the words before the name and an apposition after it."""
        self._roles_before(p, sent_start)
        self._roles_after(p, sent_end)

    def _roles_before(self, p: Piece, sent_start: int) -> None:
        text = self.text
        lo = max(sent_start, p.start - 120)
        last = _LAST_WORD.search(text, lo, p.start)
        if last is None or not _flags(last.group(1).lower()) & (TITLE | MOD):
            return  # most names have no title right before them
        words = [(m.start(), m.end(), m.group()) for m in _BACK_WORD.finditer(text, lo, p.start)]
        k = len(words) - 1
        if k >= 1 and words[k][2] == "," and self.is_title_word(words[k - 1][2].lower()):
            k -= 1  # "the firm's chief executive officer, Alan Mulally"
        run_end = k
        while k >= 0:
            w = words[k][2]
            low = w.lower()
            if self.is_title_word(low) or self.is_mod(low) or (low == "and" and k < run_end):
                k -= 1
                continue
            if low == "of" and k < run_end and k >= 1 and self.is_title_word(words[k - 1][2].lower()):
                k -= 1  # "Secretary of State Antony Blinken"
                continue
            break
        run = words[k + 1 : run_end + 1]
        titles = self._titles_from(run)
        if titles:
            _add(p.titles, titles)
        if k >= 0 and (titles or run) and not text[words[k][1] : words[k + 1][0]].strip():
            if k >= 1 and key(f"{words[k - 1][2]} {words[k][2]}") in self.lex.demonyms:
                p.affiliation = p.affiliation or self.lex.demonyms[key(f"{words[k - 1][2]} {words[k][2]}")]
            self._affiliation_at(p, words[k])  # only a word right before the title: not "WASHINGTON —"

    def _affiliation_at(self, p: Piece, word: tuple[int, int, str]) -> None:
        lex = self.lex
        w = word[2]
        owner = w[:-2] if w.endswith(("'s", "’s")) else w
        d = lex.demonyms.get(key(owner))
        if d:
            p.affiliation = p.affiliation or d
            return
        idx = self._end_index.get(word[1]) if owner == w else self._end_index.get(word[1] - 2)
        if idx is not None:
            q = self.pieces[idx]
            if q.kind in ("organization", "place") or q.cue == "organization" or q.kind is None:
                p.affiliation = p.affiliation or (q.canonical or q.text)

    def _titles_from(self, run: list[tuple[int, int, str]]) -> list[str]:
        """Split a run of title words on "and"; keep the pieces that have a head word."""
        lex = self.lex
        titles: list[str] = []
        group: list[tuple[int, int, str]] = []
        for w in [*run, (0, 0, "and")]:
            if w[2].lower() == "and":
                while group and group[-1][2].lower() in _OF:
                    group.pop()
                heads = [g for g in group if g[2].lower().rstrip(".") in lex.titles]
                if heads and group:
                    # drop honorifics ("Mr.") and leading modifiers with no head after them
                    kept = [g for g in group if g[2].lower().rstrip(".") not in lex.honorifics]
                    if kept:
                        titles.append(self.text[kept[0][0] : kept[-1][1]])
                group = []
            else:
                group.append(w)
        return titles

    def _roles_after(self, p: Piece, sent_end: int) -> None:
        text = self.text
        m = _APPOS_START.match(text, p.end, sent_end)
        if m is None:
            return
        seg_end = min(sent_end, m.end() + 160)
        words = [(w.start(), w.end(), w.group()) for w in _WORDS.finditer(text, m.end(), seg_end)]
        lex = self.lex
        k = 0
        n = len(words)
        mods_from: int | None = None  # where the modifiers before a head word begin
        while k < n:
            w = words[k][2]
            low = w.lower()
            if w in (",", ";", ":", "(", ")", '"', "“", "”"):
                return
            if self.is_title_word(low) and not (w[:1].isupper() and k + 1 < n and words[k + 1][2][:1].isupper()
                                                and not self.is_title_word(words[k + 1][2].lower())
                                                and words[k + 1][2].lower() not in _OF):
                start = k if mods_from is None else mods_from
                while k < n and (self.is_title_word(words[k][2].lower()) or self.is_mod(words[k][2].lower())
                                 or (words[k][2].lower() in ("and",) and k + 1 < n
                                     and (self.is_title_word(words[k + 1][2].lower())
                                          or self.is_mod(words[k + 1][2].lower())))
                                 or (words[k][2].lower() in _OF and k + 1 < n
                                     and self.is_mod(words[k + 1][2].lower())
                                     and not words[k + 1][2][:1].isupper())):
                    k += 1
                run = words[start:k]
                titles = self._titles_from(run)
                if not titles:
                    return
                _add(p.titles, titles)
                if start > 0:
                    self._affiliation_at(p, words[start - 1])
                if k + 1 < n and words[k][2].lower() in ("of", "at", "for"):
                    nxt = k + 1
                    if words[nxt][2].lower() == "the" and nxt + 1 < n:
                        nxt += 1
                    owner = self._piece_starting(words[nxt][0])
                    if owner is not None:
                        p.affiliation = p.affiliation or owner
                return
            if self.is_mod(low) and not w[:1].isupper():
                mods_from = k if mods_from is None else mods_from
            else:
                mods_from = None
                if not (low in _APPOS_SKIP or w[:1].isupper() or w.endswith(("'s", "’s")) or low in lex.demonyms):
                    return
            k += 1

    def _piece_starting(self, offset: int) -> str | None:
        for q in reversed(self.pieces[-8:]):
            if q.start == offset:
                return q.canonical or q.text
        return None

    # ---- all-caps and title-case lines ----------------------------------------------------------
    def scan_headline(self, s: int, e: int, index: int, known: dict[str, tuple[str, str]]) -> None:
        """Headings in Title Case or ALL CAPS: only names the body or the gazetteers know."""
        text = self.text
        toks = [t for t in _tokens(text, s, e)]
        clean = [_strip_punct(t) for t in toks]
        n = len(clean)
        i = 0
        lex = self.lex
        while i < n:
            best = None
            parts: list[str] = []
            for j in range(i, min(n, i + lex.max_words)):
                if clean[j] is None:
                    break
                parts.append(clean[j].text)
                k = key(" ".join(parts))
                hit = known.get(k)
                if hit is None:
                    hit = _gazetteer_kind(lex, k)
                if hit is not None and (j > i or len(k) > 1):
                    best = (j + 1, hit)
            if best is None or not clean[i].text[:1].isupper() or clean[i].low in lex.stop:
                i += 1
                continue
            j, (canonical, kind) = best
            a, b = clean[i].start, clean[j - 1].end
            p = Piece(a, b, text[a:b], kind=kind, strong=True, canonical=canonical, sentence=index)
            self.pieces.append(p)
            i = j


_APPOS_START = re.compile(r",[ \t]+(?:\d{1,3},[ \t]+)?")
_PLACE_AFTER = re.compile(r",[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)(?=[,.;:)]|[ \t]+[a-z]|$)")
_PAREN_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9&.-]{1,9})\)")


def _strip_punct(t: _Tok) -> _Tok | None:
    w = t.text
    a, b = 0, len(w)
    while a < b and not w[a].isalnum():
        a += 1
    while b > a and not (w[b - 1].isalnum() or w[b - 1] == "."):
        b -= 1
    if w[b - 2 : b].lower() in ("'s", "’s") and b - 2 > a:
        b -= 2
    if a >= b:
        return None
    return _Tok(t.start + a, t.start + b, w[a:b])


def _gazetteer_kind(lex: Lexicon, k: str) -> tuple[str, str] | None:
    org = lex.orgs.get(k)
    if org is not None:
        return org, "organization"
    place = lex.places.get(k)
    if place is not None:
        return place[0], "place"
    return None


@lru_cache(maxsize=4096)
def _looks_common_acronym(word: str, k: str) -> bool:
    """A gazetteer hit that is only an ordinary word written in capitals would be ("WHO" vs "who")."""
    return word.istitle() and k in lexicon().stop


def _add(target: list[str], items: list[str]) -> None:
    for it in items:
        if it and it not in target:
            target.append(it)
