"""Sentence-level scanning for the actors step: capitalised chunks → typed name pieces.

A chunk is a run of capitalised words (with the connectors names use inside: "Bank of America",
"Charles de Gaulle"). Each chunk is cut into items — gazetteer names, titles, demonyms and name runs —
and every name becomes a `Piece` with what the sentence says about it: a kind when the words are sure
(gazetteer, organisation suffix, first name, a title before it, a cue word like "analyst" or
"automaker"), the person's titles and affiliation (from the words before it and an apposition after
it), and whether it is the subject of a reporting verb. What a sentence cannot decide is left to the
document-level pass in `actors_merge.py`.

Weak evidence only suggests a kind (`Piece.cue`): a town of the long GeoNames list, "residents of X",
"a trader from X", "the X basin", a given name of the long list, a pronoun in the next sentence. Sure
evidence sets it (`Piece.kind`): the main gazetteers, a title, an organisation or place head word.

Speed: the text is scanned for chunks once; how a chunk's text is cut into parts and items does not
depend on where it stands, so both are cached by text (names repeat), and only the context checks run
per mention. Every loop is bounded by the chunk or a fixed window, so the cost stays linear.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .month_surnames import SURNAME_MONTHS, day_or_year_after, is_surname_at
from .names import Lexicon, key, lexicon

# Capitals of Latin-1, Latin Extended-A/B (Ł, Ş, Đ, Č), Latin Extended Additional (Vietnamese Ứ) and
# Greek/Cyrillic. The extended blocks mix cases; a chunk that opens with a small letter is dropped later.
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u024f\u1e00-\u1eff\u0388-\u03ab\u0400-\u042f"
# A capitalised word: "U.S.", "Wal-Mart", "O'Leary", "AT&T", "Inc.", "Detik.com" (a possessive 's is left
# out). The first letter comes first in the pattern so that the engine can skip to capitals quickly; the
# two-character look-behind then checks that no word character or hyphen comes right before it.
# A possessive before another capitalised word stays in the chunk ("Fishermen's Association", "Citizens'
# Alliance"); `_split_possessives` then cuts it off unless it is part of the name.
_TAIL = (r"(?:(?:\.[A-Z])+\.?|[\w&]*(?:(?:-|['’](?![sS]\b))[\w&]+)*(?:\.com\b|\.(?![\w.]))?"
         rf"(?:['’]s?(?=[ \t]+[{_UP}]))?)")
_CONN = (r"(?:(?:of|for|on)(?:[ \t]+the)?|and|&|de|del|della|di|da|du|des|do|dos|das|la|le|van|von|der|den|ter|"
         r"bin|ibn|al|el|y)")
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
_PARTICLES = frozenset(("de", "del", "della", "di", "da", "du", "des", "do", "dos", "das", "la", "le", "van", "von",
                        "der", "den", "ter", "bin", "ibn", "al", "el", "y"))
_OF = frozenset(("of", "for", "on"))
# particles that can open a surname in running text ("ten", "do" are English words too: left out)
_LEAD_PARTICLES = frozenset(("von", "van", "de", "der", "den", "di", "da", "du", "del", "della", "dos", "das",
                             "le", "la", "bin", "ibn", "al", "el"))
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]*[A-Z0-9](?:-[A-Z0-9]+)?s?$")
_MODEL_AFTER = re.compile(  # "Boeing 787", "Airbus A380", but not "Apple 500 jobs"
    r"[ \t]+(?:[A-Z]{1,2}\d|\d{2,4}\b(?![ \t]*(?:%|percent|per|people|jobs|workers|employees|million|"
    r"billion|units|plants|stores|points)))"
)
# a reporting verb after a name, perhaps after an adverb: "Netanyahu said", "Tehran has denied"
_REPORT_ADVERBS = frozenset(("also", "has", "have", "had", "later", "previously", "then", "further", "again",
                             "reportedly"))
_REPORT_VERBS = frozenset((
    "said", "says", "told", "tells", "stated", "states", "added", "adds", "announced", "announces", "reported",
    "reports", "wrote", "writes", "tweeted", "posted", "noted", "notes", "explained", "warned", "warns",
    "argued", "argues", "claimed", "claims", "insisted", "insists", "confirmed", "confirms", "denied",
    "denies", "acknowledged", "signaled", "signalled", "estimated", "predicted", "cited", "quoted", "believes",
    "expects", "expected", "urged", "urges", "asked", "asks", "replied", "responded", "disclosed", "revealed",
    "admitted", "indicated", "suggested", "stressed", "emphasized", "emphasised", "declared", "described",
))
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")


def _reports(text: str, end: int) -> bool:
    """A reporting verb follows `end` (word sets, not one long alternation: this runs for every name)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    w = m.group(1)
    if w in _REPORT_VERBS:
        return True
    if w in _REPORT_ADVERBS:
        m = _NEXT_WORD.match(text, m.end())
        return m is not None and m.group(1) in _REPORT_VERBS
    return False


_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                ("ly", ""), ("ers", ""), ("er", ""))
_HEAD_AFTER = re.compile(r"[.,;:!?]|[ \t]+(?:on|in|at|to|for|with|from|and|or|but|by|over|as|after|before|"
                         r"has|have|had|is|was|are|were|will|would|can|could|may|might|must|should|"
                         r"said|says|also|did|does|do|[a-z]+ed)\b")
_VERBISH = re.compile(r"ing$")
# a model or code ("A380", "M23", "F-16") or an amount or form number glued to its prefix ("Sh86", "KSh3",
# "Rs400", "Form-45")
_MODEL = re.compile(r"[A-Z]{1,3}-?\d[\w-]*|[A-Z]{1,2}[a-z]{1,3}-?\d[\d,.]*")
_GLUED = re.compile(rf"([{_UP}][\w.&]*)-[a-z][\w-]*")
# "US-backed", "Hamas-run": the part after the hyphen makes a modifier of the name before it
# title words that are also part of names ("Hassan Sheikh Mohamud", "Tamim bin Hamad")
_NAME_TITLES = frozenset(("Sheikh", "Shaikh", "Sheik", "Sayyid", "Sayed", "Syed", "Mullah", "Haji", "Hajji"))
_HYPHEN_MODIFIERS = frozenset((
    "based", "backed", "run", "led", "owned", "controlled", "held", "funded", "made", "born", "linked", "allied",
    "aligned", "style", "era", "wide", "like", "free", "type", "bound", "friendly", "leaning", "centric",
    "focused", "listed", "registered", "headquartered", "speaking", "language", "class", "level", "sized",
))
_CONTRACTION = re.compile(r"(?:['’](?:ve|re|ll|d|m|t)|n['’]t)$")
_INDEX_AFTER = re.compile(  # "Standard & Poor's 500 index", "the Nikkei stock average"
    r"(?:['’]s)?[ \t]+(?:\d[\d,.]*[ \t]+)?(?:stock[ \t]+|share[ \t]+|market[ \t]+)?"
    r"(?:index|indices|indexes|Index|average)\b"
)
_ACCORDING = ("according to", "according to the", " said", " says", " told", "cited by", "quoted by",
              "said the", "says the", "told the")
# The letters those can end with, either case (an empty string, before the text's start, counts too).
_ACCORDING_LAST = "oedsyODSEY"
# (part text, opens a sentence) → (items, more than one name among them)
_ITEMS: dict[tuple[str, bool], tuple[list[tuple], bool]] = {}
# first words that make a name a place: "River Quoile", "County Down", "Mount Kenya", "Lake Chad"
_PLACE_FIRST = frozenset(("River", "Lake", "Mount", "Mt.", "Mt", "County", "Cape", "Gulf", "Bay", "Isle", "Strait",
                          "Port", "Camp", "Fort", "Lac", "Rio", "Río", "Monte", "Sierra", "Wadi", "Jebel", "Jabal"))
# sports results: "Sporting beat Benfica 2-1", "Leeds drew with Chelsea 1-1"
_BEAT = r"(?:beat|beats|defeated|defeats|drew with|drew|lost to|loses to|thrashed|edged|hammered|routed|stunned|" \
        r"overcame|upset|downed|edged past|held)"
_DATELINE_AFTER = re.compile(r"(?:,[ \t]+[^\n]{1,40}?)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-—–]{1,2}[ \t]")
_CLUB_WORD = re.compile(r"\b(?:City|United|Town|County|Rovers|Wanderers|Athletic|Albion|FC|CF|SC|AC|Real|Inter|"
                        r"Sporting|Olympique|Dynamo|Club|Rangers|Celtic|Hotspur|Villa)\b")
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,2}[-–]\d{1,2}\b")
_BEAT_BEFORE = re.compile(rf"\b{_BEAT}[ \t]+$")
_BEAT_AFTER = re.compile(rf"[ \t]+{_BEAT}[ \t]+(?:[A-Z][\w'’.&-]*[ \t]+){{1,4}}\d{{1,2}}[-–]\d{{1,2}}\b")
# the next sentence goes on about a person: "... Tovrek Almasu had fled. He was arrested"
_PRONOUN_NEXT = re.compile(r"[^.!?\n]{0,160}[.!?][\"”’']?[ \t]+(?:He|She)\b")
_ASIAN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ic)$")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
_LIST_GAPS = frozenset((", ", " and ", ", and ", " or ", " & ", " and the ", ", and the "))
_PLACE_PREPOSITIONS = frozenset(("in", "near", "outside", "across", "inside", "around", "towards", "toward", "below",
                                 "beyond", "along", "via", "throughout", "within"))
# nouns for people by their ending: librarian, economist, organiser, negotiator, resident
_PERSON_NOUN = re.compile(r"(?:ian|ist|[^e]er|iser|izer|[st]or|ant|[^m]ent|ee)$")
_APPOS_NOUN = re.compile(
    r",[ \t]+(?:(?P<who>who|whose)\b|(?P<age>\d{1,3})[ \t]*,|(?:a|an|the)[ \t]+(?P<words>[\w'’ \t-]{1,60}))"
)
_APPOS_STOP = frozenset(("of", "in", "at", "for", "from", "with", "on", "by", "based", "who", "which", "that",
                         "whose", "to", "and", "or", "said", "says", "has", "have", "had", "is", "was", "will"))
_MAX_CHUNK = 12
_INITIAL_BEFORE = frozenset("\"“‘'([{:;—–-*•>")  # ";": "...; Editing by X"
_BACK_WORD = re.compile(r"[\w][\w'’.&-]*|,")
_WORDS = re.compile(r"[\w][\w'’.&-]*|[,;:()\"“”]")
_APPOS_SKIP = frozenset(("the", "a", "an", "his", "her", "its", "their", "formerly", "currently", "now",
                         "then", "also", "both", "as", "once", "still", "long-time", "longtime", "veteran"))
_AMBIGUOUS_TITLES = frozenset(("general", "major", "chief", "head", "lead", "father", "sister", "late",
                               "former", "member", "partner", "speaker", "official", "justice", "dean",
                               "principal", "agent", "officer", "executive", "chair", "director", "manager",
                               "editor", "coach", "judge", "captain", "deputy", "acting", "interim", "vice",
                               "rep", "sen", "gen", "col", "maj", "lt", "capt", "sgt", "rev", "prof", "ex"))
# "House" is the US House of Representatives before these words ("House Republicans", "House Minority
# Whip", "House leaders", "the House voted"), not a title word or a building.
_CHAMBER_NEXT = frozenset((
    "Republicans", "Republican", "Democrats", "Democratic", "Democrat", "GOP", "Majority", "Minority", "Speaker",
    "Judiciary", "Appropriations", "Oversight", "Intelligence", "Rules", "Ethics", "Budget", "Freedom",
))
_PARTY_MEMBERS = frozenset(("Republicans", "Republican", "Democrats", "Democratic", "Democrat", "GOP"))
_CHAMBER_AFTER = re.compile(
    r"[ \t]+(?:leaders?|leadership|lawmakers|members|majority|minority|speaker|floor|vote[sd]?|passed|approved|"
    r"rejected|committees?|panel|aides?|investigators|version|bill|chamber)\b"
)
# Counties written "Co Galway" (Ireland, Northern Ireland, "Co Durham"); "County Kerry" is a place by its
# first word anyway.
_COUNTIES = frozenset((
    "Antrim", "Armagh", "Carlow", "Cavan", "Clare", "Cork", "Derry", "Donegal", "Down", "Dublin", "Fermanagh",
    "Galway", "Kerry", "Kildare", "Kilkenny", "Laois", "Leitrim", "Limerick", "Londonderry", "Longford", "Louth",
    "Mayo", "Meath", "Monaghan", "Offaly", "Roscommon", "Sligo", "Tipperary", "Tyrone", "Waterford", "Westmeath",
    "Wexford", "Wicklow", "Durham",
))
# Kinship words: a capitalised word right after one is a first name ("his son Tom", "her daughters Úna and
# Róisín"); after "her husband," too when a possessive opens the phrase ("Her husband, Declan, died").
_KIN_PLURAL = frozenset((
    "sons", "daughters", "brothers", "sisters", "children", "grandchildren", "grandsons", "granddaughters",
    "parents", "cousins", "nephews", "nieces", "twins", "siblings", "stepchildren", "stepsons", "stepdaughters",
))
_KIN = _KIN_PLURAL | frozenset((
    "son", "daughter", "brother", "sister", "husband", "wife", "widow", "widower", "father", "mother", "uncle",
    "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter", "grandmother", "grandfather", "stepson",
    "stepdaughter", "stepfather", "stepmother", "twin", "fiancé", "fiancée", "fiance", "fiancee", "boyfriend",
    "girlfriend", "sibling", "child",
))
_POSSESSIVE_DETS = frozenset(("her", "his", "their", "my", "our", "your"))
# Abbreviated honorifics and ranks: a capitalised word after one is a surname, even an English word or a
# function word ("Dr Were", "Prof Long", "Sen. Young"); no organisation name opens with one. Without a dot
# only the British forms ("Gen Z", "Rep" alone are other things).
_SURNAME_MONTH_ENDS = tuple(SURNAME_MONTHS)
_SURNAME_TITLES = frozenset((
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sgt", "Cllr", "Insp", "Supt", "Det", "Capt", "Lt", "Col", "Rev",
    "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "Sgt.", "Insp.", "Supt.", "Det.", "Capt.", "Lt.", "Col.", "Rev.",
    "Sen.", "Gov.", "Rep.", "Gen.", "Maj.", "Adm.", "Cmdr.", "Messrs.", "Messrs", "Mme", "Mme.",
))
# the word before "of" / "in" / "from" / "the" that makes the next name a place
_ABOUT_PLACE = frozenset((
    "city", "town", "village", "province", "state", "region", "capital", "port", "suburb", "district", "residents",
    "inhabitants", "people", "citizens", "villagers", "outskirts", "centre", "center", "heart", "streets", "north",
    "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "mayor", "governor",
    "municipality", "county", "island", "islands", "area",
))
_FROM_PLACE = frozenset((
    "man", "woman", "men", "women", "people", "resident", "residents", "villager", "villagers", "family",
    "families", "farmer", "farmers", "fisherman", "fishermen", "trader", "traders", "teacher", "teachers",
    "student", "students", "pilgrim", "pilgrims", "refugee", "refugees", "migrant", "migrants", "tourist",
    "tourists", "visitor", "visitors", "native", "natives", "mother", "father", "couple", "boy", "girl", "child",
    "children", "worker", "workers", "driver", "drivers", "nurse", "nurses", "voter", "voters", "fan", "fans",
    "arrived", "returned", "fled", "flew", "travelled", "traveled", "came", "evacuated", "displaced", "deported",
    "moved", "miles", "kilometres", "kilometers", "km",
))
# the word before "to" that makes the next name a destination ("travelled to Nyakach", "get back to Lo Wu")
_TO_PLACE = frozenset((
    "travelled", "traveled", "travel", "travels", "travelling", "traveling", "flew", "fly", "flies", "flying",
    "drove", "drive", "driving", "sailed", "commute", "commutes", "commuted", "commuting", "evacuated", "relocated",
    "deported", "fled", "back", "trip", "trips", "journey", "journeys", "flight", "flights", "ferry", "ferries",
    "route", "routes", "road", "headed", "heading", "walked", "marched", "returning",
))
_IN_THE = frozenset(("in", "across", "throughout", "near", "into", "around", "below", "along", "off", "beyond"))
_LOCATED = frozenset(("based", "born", "located", "headquartered", "held", "live", "lives", "lived", "living",
                      "arrived", "landed"))
# a lowercase place noun right after a name: "the Guadiana basin", "the Kursk region", "Tampere city council"
_PLACE_NOUN_AFTER = re.compile(
    r"[ \t]+(?:city|town|village|port|harbou?r|coast|coastline|region|province|district|suburb|"
    r"neighbou?rhood|valley|rivers?|basin|islands?|airport|border|reservoirs?|dam|lake|mountains|peninsula|"
    r"county|municipality|governorate|oblast|refugee camp|camp|crossing|strait|bay|desert|delta|plains?|"
    r"plateau|highlands|countryside|terminal|shipyard|estuary|lagoon|archipelago)\b"
)


class Piece:
    """One name mention found in a sentence, before the document-level pass.

    A slotted class with a positional constructor: the scan makes one per name mention, and a
    dataclass with this many defaulted fields costs twice as much to build."""

    __slots__ = ("acronym", "affiliation", "canonical", "compound", "cue", "description", "end", "expands",
                 "guessed", "key", "kind", "paren", "sentence", "soft", "start", "strong", "subject", "team", "text",
                 "title_span", "titles", "weak")

    def __init__(self, start: int, end: int, text: str, kind: str | None = None, strong: bool = False,
                 canonical: str | None = None, sentence: int = 0, compound: int | None = None,
                 subject: bool = False) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind                  # person | organization | place | group, or None when unsure
        self.strong = strong              # the kind comes from a gazetteer or a sure cue
        self.canonical = canonical        # gazetteer name ("United States" for "U.S.")
        self.weak = False                 # a sentence-initial ordinary word: kept only with other evidence
        self.acronym = False
        self.expands: Piece | None = None  # for "(GM)": the piece it abbreviates
        self.titles: list[str] = []
        self.affiliation: str | None = None
        self.subject = subject            # subject or source of a reporting verb
        self.compound = compound          # pieces cut from one chunk share an id (re-joined when the doc says so)
        self.sentence = sentence
        self.cue: str | None = None       # the kind a context cue suggests, weaker than `kind`
        self.paren: str | None = None     # "General Motors (GM)": the acronym in parentheses after it
        self.description: str | None = None  # from an explicit `## Actors` entry
        self.soft = False                 # a capitalised ordinary word mid-sentence ("Video"): needs support
        self.key = ""                     # lookup key of `text`, filled by the document-level pass
        self.guessed = False              # the kind is the document-level default, not evidence
        self.title_span: tuple[int, int] | None = None  # the title right before the name in the same chunk
        self.team = False                 # a sports team by a result ("beat Luton 6-2"): a city's name is the club


# Token properties, computed once per distinct word (names repeat) and tested as bits.
CONN, STOP, CAL, NONNAME, CONTRACTION, MODEL, GLUED, TITLE = 1, 2, 4, 8, 16, 32, 64, 128
_STORM_HEADS = frozenset({"Hurricane", "Cyclone", "Typhoon", "Storm", "Superstorm", "Supertyphoon"})
MOD, CAP, ORGTAIL, PLACETAIL, EVENT, FIRST, COMMON, ORDINARY = 256, 512, 1024, 2048, 4096, 8192, 16384, 32768
SUFFIX, ORGFIRST, ORGFIRSTOF, GENERIC, SHOUT, GIVEN = 65536, 131072, 262144, 524288, 1048576, 2097152
PLACEFIRST = 4194304
NAMEY = FIRST | GIVEN  # a given name of either list
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
    if _GLUED.fullmatch(w) and not _hyphen_name(w, lex):
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
    elif w in lex.given_names:
        f |= GIVEN
    if low in lex.common:
        f |= COMMON | ORDINARY
    elif _inflected_common(low, lex.common) or low in lex.ordinary or _compound(low, lex):
        f |= ORDINARY
    if w in lex.org_first:
        f |= ORGFIRST
    if w in _PLACE_FIRST:
        f |= PLACEFIRST
    if w in lex.org_first_of:
        f |= ORGFIRSTOF
    if w in lex.generic:
        f |= GENERIC
    if upper:
        f |= SHOUT
    if len(_FLAGS) < 200_000:
        _FLAGS[w] = f
    return f


def _compound(low: str, lex: Lexicon) -> bool:
    """Two ordinary words written as one ("dockworkers", "tugboats"), for sentence-initial words."""
    if not 8 <= len(low) <= 30 or not low.isalpha():
        return False  # (no English compound is longer; a bound keeps a 1 MB "word" linear)
    common, ordinary = lex.common, lex.ordinary
    for cut in range(3, len(low) - 3):
        head, tail = low[:cut], low[cut:]
        if (head in common or head in ordinary) and (tail in common or tail in ordinary
                                                     or _inflected_common(tail, common)):
            return True
    return False


def _hyphen_name(w: str, lex: Lexicon) -> bool:
    """A hyphenated given name ("Won-sik", "Jae-in", "Tehreek-e-Insaf"), not "US-backed" or "Pre-orders"."""
    first, _, rest = w.partition("-")
    if len(first) < 2 or first.isupper() or key(first) in lex.places or key(first) in lex.orgs:
        return False
    low = rest.lower()
    if low in _HYPHEN_MODIFIERS:
        return False
    segs = low.split("-")
    if len(segs[0]) <= 2:
        return first.lower() not in lex.common  # "Jae-in", but not "Co-op"
    # ("woo" in "Ji-woo" is an English word too: only longer words rule a given name out)
    return not any(s in lex.common or (len(s) > 4 and s in lex.ordinary) or _inflected_common(s, lex.common)
                   for s in segs)


def _ascii(w: str) -> str:
    return unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()


def _inflected_common(low: str, common: frozenset[str]) -> bool:
    """An inflected English word ("officials", "presiding", "asked")."""
    for suffix, repl in _INFLECTIONS:
        if low.endswith(suffix) and len(low) > len(suffix) + 2 and low[: -len(suffix)] + repl in common:
            return True
    return False


class _Tok:
    __slots__ = ("end", "f", "key", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()
        self.key = key(text)
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


_POSS = ("'", "’", "'s", "’s")


def _split_possessives(toks: list[_Tok]) -> list[list[_Tok]]:
    """Cut a chunk after a possessive ("Israel's | Defense Ministry", "Trump's | Republican Party") unless
    an ordinary word's possessive opens a name that ends like an organisation or a place ("People's Party",
    "Fishermen's Association", "Citizens' Alliance", "Children's Hospital")."""
    lex = lexicon()
    out: list[list[_Tok]] = []
    current: list[_Tok] = []
    n = len(toks)
    for idx, t in enumerate(toks):
        w = t.text
        cut = 2 if w.endswith(("'s", "’s")) else 1 if w.endswith(("'", "’")) else 0
        quote = cut == 1 and w[-2:-1] != "s"  # a closing quotation mark, not a plural possessive
        if not cut or idx == n - 1:
            current.append(t)
            continue
        owner = w[:-cut]
        # the words after the possessive, up to "and" or another possessive
        last = idx + 1
        while (last + 1 < n and last < idx + 8 and toks[last + 1].text not in ("and", "&")
               and not toks[last].text.endswith(_POSS)):
            last += 1  # (names are short: the look-ahead is bounded)
        k = key(owner)
        for b in range(max(0, idx - 3), idx):  # "the United Kingdom's Royal Air Force": a name ends here
            if (kk := key(" ".join([*(x.text for x in toks[b:idx]), owner]))) in lex.places or kk in lex.orgs:
                k = kk
                break
        saint = idx > 0 and toks[idx - 1].text in ("St.", "St", "Saint")
        if not quote and (((_flags(owner) & ORDINARY and k not in lex.places and k not in lex.orgs
                            and k not in lex.towns) or saint)
                and any(toks[x].f & (ORGTAIL | PLACETAIL) for x in range(idx + 1, last + 1))):
            current.append(t)  # "People's Party", "St. Mary's Hospital": one name
            continue
        if not quote and any(key(" ".join(x.text for x in toks[idx : e + 1])) in lex.places
                             for e in range(idx + 1, last + 1)):
            current.append(t)  # "People's Republic of China"
            continue
        current.append(_Tok(t.start, t.end - cut, owner))
        out.append(current)
        current = []
    if current:
        out.append(current)
    return out


_PLANS: dict[str, tuple[tuple[tuple[_Tok, ...], bool | None, str], ...]] = {}

_NAME_TAGS = frozenset(("name", "known", "weak", "group"))
# What a name's surface alone says (cached by text: names repeat): an acronym ("GM", "U.S."), an acronym
# whose singular is no name ("CEOs"), no name at all.
_ACRONYM_FORM, _ACRONYM_NONNAME, _NONNAME = 1, 2, 4
_SURFACES: dict[str, int] = {}


def _surface_form(surface: str, lex: Lexicon) -> int:
    form = 0
    c2 = surface[1:2]
    if (c2 and (c2.isupper() or c2.isdigit() or c2 in ".&") and _ACRONYM.fullmatch(surface)
            and len(surface.replace(".", "")) <= 7):
        form = _ACRONYM_FORM
        if surface.rstrip("s") in lex.nonnames:
            form |= _ACRONYM_NONNAME
    if surface in lex.nonnames:
        form |= _NONNAME
    if len(_SURFACES) < 50_000:
        _SURFACES[surface] = form
    return form



def _chunk_tokens(g: str) -> list[_Tok]:
    """The words of a chunk, with offsets relative to its start."""
    toks = []
    pos = 0
    find = g.find
    for w in g.split():
        i = find(w, pos)
        pos = i + len(w)
        toks.append(_Tok(i, pos, w))
    return toks


def _plan(g: str) -> tuple[tuple[tuple[_Tok, ...], bool | None, str], ...]:
    """How a chunk is cut into parts, each with whether it opens a sentence (None: the first part, which
    depends on what stands before the chunk) and its text. It depends only on the chunk's text: cached."""
    if " " not in g and "\n" not in g and "\t" not in g and "\u00a0" not in g:
        if _flags(g) & _SKIP:
            return ()
        toks = [_Tok(0, len(g), g)]
    else:
        toks = _chunk_tokens(g)
    parts = _split_at_periods(toks) if "." in g else [toks]
    after_possessive: set[int] = set()
    if "'" in g or "’" in g:
        cut_parts: list[list[_Tok]] = []
        for part in parts:
            pieces = _split_possessives(part)
            cut_parts.append(pieces[0])
            for q in pieces[1:]:
                after_possessive.add(id(q))  # "Israel's | Defense Ministry" opens no sentence
                cut_parts.append(q)
        parts = cut_parts
    if len(toks) > _MAX_CHUNK:
        # a long run of names joined by "and" is cut there ("Hou Yu-ih of the Kuomintang and Ko Wen-je of the
        # Taiwan People's Party"); a run of capitals still longer is a shouted or Title Case passage: no name
        # is that long
        cut_parts = []
        for part in parts:
            if len(part) <= _MAX_CHUNK:
                cut_parts.append(part)
                continue
            groups: list[list[_Tok]] = [[]]
            for t in part:
                if t.text in ("and", "&") and groups[-1]:
                    groups.append([])
                else:
                    groups[-1].append(t)
            groups = [grp for grp in groups if grp]
            if id(part) in after_possessive:
                after_possessive.add(id(groups[0]))
            after_possessive.update(id(grp) for grp in groups[1:])  # "and" opens no sentence
            cut_parts.extend(groups)
        parts = []
        for part in cut_parts:
            if len(part) <= _MAX_CHUNK:
                parts.append(part)
            else:
                parts.extend(part[k : k + _MAX_CHUNK] for k in range(0, len(part), _MAX_CHUNK))
    out = []
    for n, part in enumerate(parts):
        fixed = None if n == 0 else id(part) not in after_possessive
        while part and part[-1].f & CONN:
            part.pop()
        if part:
            out.append((tuple(part), fixed, g[part[0].start : part[-1].end]))
    return tuple(out)


class Scanner:
    """Finds name pieces in sentences of one document."""

    def __init__(self, text: str, lex: Lexicon | None = None) -> None:
        self.text = text
        self.lex = lex or lexicon()
        self.pieces: list[Piece] = []
        self._compound = 0
        self._end_index: dict[int, int] = {}   # piece end offset → piece index (for affiliations)
        self._matches: list[re.Match[str]] | None = None  # the chunks of the whole text, found once
        self._next = 0                         # the first of them not yet used
        self._last_end = 0

    # ---- token predicates -------------------------------------------------------------------
    @staticmethod
    def is_conn(t: _Tok) -> bool:
        return bool(t.f & CONN)

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
        first = toks[i].key
        limit = min(n, i + lex.first_words.get(first, 1))
        orgs, places, towns = lex.orgs, lex.places, lex.towns
        k = ""
        for j in range(i, limit):
            t = toks[j]
            if j > i and t.f & CONN and j == limit - 1:
                break
            k = t.key if j == i else f"{k} {t.key}"  # the key of the words so far
            hit = orgs.get(k)
            if hit is not None and not (j == i and _looks_common_acronym(t.text, k)):
                best = (j + 1, hit, "org")
                continue
            place = places.get(k)
            if place is not None:
                best = (j + 1, place[0], place[1])
                continue
            town = towns.get(k)
            if town is not None:
                best = (j + 1, town, "town")
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
            elif toks[j].text in ("of", "for") and last_head == j > i and j + 1 < n:
                # "Secretary of State", "Minister of Natural Resources and Environment", "Minister for
                # Foreign Affairs"; but not "Chief Executive Officer of General Motors" or "Governor of Texas"
                end = self._portfolio(toks, j + 1, n)
                if end == j + 1:
                    break
                j = last_head = end
            else:
                break
        return last_head

    def _portfolio(self, toks: list[_Tok], k: int, n: int) -> int:
        """End of the portfolio words of a title ("of Foreign Affairs"), k itself if there are none."""
        start = k
        if k < n and toks[k].text == "the":
            k += 1
        end = start
        while k < n:
            t = toks[k]
            f = t.f
            if t.text in ("and", "&") and end == k and k + 1 < n:
                k += 1
                continue
            if not f & CAP or f & (_SKIP | SHOUT) or not f & (MOD | ORDINARY):
                break
            if f & NAMEY and k + 1 < n and toks[k + 1].f & CAP and not toks[k + 1].f & (MOD | TITLE):
                break  # "Minister of Justice Rose Smith": the name begins
            if self.gazetteer(toks, k, n) is not None or (k == start and self.tail_kind(toks, k, n) == "org"):
                break  # "of Texas", "of the European Commission": a real name, not a portfolio
            k += 1
            end = k
        return end

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
        if lf & EVENT or (n - i == 2 and toks[i].text in _STORM_HEADS) or (
                n - i == 3 and toks[i].text in ("Tropical", "Severe") and toks[i + 1].text in _STORM_HEADS):
            return "event"  # "Paris Air Show"; "Hurricane Milton", "Tropical Cyclone Amara": weather, not actors
        if last.text in ("International", "Worldwide", "Global", "Industrie") and toks[n - 2].f & ORGTAIL:
            return "org"  # "Thai Airways International"
        if lf & ORGTAIL:
            first = toks[i]
            if (n - i == 2 and first.f & FIRST and not lf & SUFFIX and not lf & ORGFIRST
                    and key(first.text) not in self.lex.places):
                return None  # "Jim Press", "Sandy Post": a given name and a surname
            return "org"
        if i + 1 < n and toks[i].f & ORGFIRSTOF and toks[i + 1].text == "of":
            return "org"  # "University of Cape Coast", "Bank of England"
        if lf & PLACETAIL or toks[i].f & PLACEFIRST:
            given = toks[n - 2]
            if (n - i >= 2 and lf & PLACETAIL and given.f & FIRST and not given.f & PLACEFIRST
                    and given.key not in self.lex.places
                    and all(t.f & (TITLE | ORDINARY) and not t.f & (PLACEFIRST | PLACETAIL) for t in toks[i : n - 2])):
                return None  # "Jenna Park", "Sen. Elaine Marsh": a given name and a surname
            return "place"
        for k in range(i, n - 1):
            if toks[k + 1].text in _OF and toks[k].f & (ORGFIRSTOF | ORGTAIL):
                return "org"
        if toks[i].f & ORGFIRST:
            return "org"
        return None

    # ---- scanning --------------------------------------------------------------------------
    def _chunks(self, s: int, e: int) -> list[re.Match[str]]:
        """The chunks of the sentence [s, e), from one scan of the whole text (sentences come in order).
        A chunk that runs over a sentence bound ("... said Smith. The ...") is scanned again within it."""
        ms = self._matches
        text = self.text
        if ms is None:
            ms = self._matches = list(CHUNK.finditer(text))
        i = self._next
        n = len(ms)
        while i < n and ms[i].end() <= s:
            i += 1
        head: list[re.Match[str]] = []
        if i < n and ms[i].start() < s:  # from the sentence before into this one
            head = list(CHUNK.finditer(text, s, min(e, ms[i].end())))
            if ms[i].end() > e:
                self._next = i
                return head
            i += 1
        first = i
        while i < n and ms[i].end() <= e:
            i += 1
        self._next = i  # a chunk that runs into the next sentence stays for it
        if i < n and ms[i].start() < e:
            return head + ms[first:i] + list(CHUNK.finditer(text, ms[i].start(), e))
        return head + ms[first:i] if head else ms[first:i]

    def scan_sentence(self, s: int, e: int, index: int) -> None:
        text = self.text
        if s < self._last_end:
            self._next = 0  # out of order (not the case in `extract`): start the look-up again
        self._last_end = e
        if text.find("l-", s, e) == -1:
            matches: Iterable[re.Match[str]] = self._chunks(s, e)
        else:
            found = list(CHUNK.finditer(text, s, e))
            covered = [(m.start(), m.end()) for m in found]
            found += [m for m in _PREFIXED.finditer(text, s, e) if not any(a <= m.start() < b for a, b in covered)]
            found.sort(key=lambda m: m.start())
            matches = found
        plans = _PLANS
        items_cache = _ITEMS
        for m in matches:
            g = m.group()
            if g.endswith(_SURNAME_MONTH_ENDS) or (g[-1] == "." and g[:-1].endswith(_SURNAME_MONTH_ENDS)):
                g = self._month_at_end(m, g, index)
                if not g:
                    continue
            plan = plans.get(g)
            if plan is None:
                plan = _plan(g)
                if len(plans) < 50_000:
                    plans[g] = plan
            if not plan:
                continue  # "The", "In", "Monday": no name in it
            start = m.start()
            lead = None
            if start - s > 1 and text[start - 1] == " " and text[start - 2].isalpha():
                first_initial = False  # after a word: not the start of a sentence
                if text[start - 2].islower():
                    # "said von der Brandt", "de la Croix said": lower-case particles before a surname
                    seg = text[max(s, start - 7) : start - 1]
                    if seg[seg.rfind(" ") + 1 :] in _LEAD_PARTICLES:
                        lead = self._particles_before(start, s)
            else:
                first_initial = self._initial(s, start)
            for toks, fixed_initial, part_text in plan:
                initial = (first_initial if toks[0].start == 0 else self._initial(s, start + toks[0].start)
                           ) if fixed_initial is None else fixed_initial
                ck = (part_text, initial)
                cached = items_cache.get(ck)
                if cached is None:
                    items = self._items(list(toks), initial)
                    cached = (items, sum(1 for it in items if it[0] in ("name", "known")) > 1)
                    if len(items_cache) < 50_000:
                        items_cache[ck] = cached
                if cached[0]:
                    self._emit(toks, cached[0], index, start, lead, cached[1])
                lead = None

    def _month_at_end(self, m: re.Match[str], g: str, index: int) -> str:
        """A chunk that ends with a month word that can be a surname: "Theresa May 5" is a date, so the
        month is cut off; a lone "May" before a reporting verb ("May said") is a weak mention, kept
        only if the document names a person so ("Theresa May", "Mrs May")."""
        word = g[:-1] if g[-1] == "." else g  # ("said May." ends a sentence)
        end = m.start() + len(word)
        if word is g and day_or_year_after(self.text, end):
            return g[: g.rfind(" ") + 1].rstrip()  # ("" for the month alone)
        if word in SURNAME_MONTHS and is_surname_at(self.text, m.start(), end):
            p = Piece(m.start(), end, word, None, False, None, index, subject=True)
            p.weak = True
            p.cue = "person"
            self._add_piece(p)
        return g

    def _particles_before(self, start: int, s: int) -> int | None:
        """Start of the name particles ("von der", "de la", "van") right before a chunk, if any."""
        text = self.text
        new = None
        end = start - 1
        for _ in range(2):
            ws = text.rfind(" ", s, end) + 1
            if ws <= s or text[ws:end] not in _LEAD_PARTICLES:
                break
            new = ws
            end = ws - 1
        return new

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
            if (t.text == "House" and i + 1 < n and toks[i + 1].text in _CHAMBER_NEXT
                    and self.tail_kind(toks, i, n) is None):
                items.append(("name", i, i + 1, "org"))  # "House Republicans", "House Minority Whip X"
                i += 1
                continue
            if t.text in ("Co", "Co.") and i + 1 < n and toks[i + 1].text in _COUNTIES:
                items.append(("name", i, i + 2, "place"))  # "Spiddal, Co Galway": one place, not "Co" & Co.
                i += 2
                continue
            if i > 0 and ((t.f & (STOP | NONNAME) and not t.f & (CAL | CONTRACTION | SHOUT)
                           and toks[i - 1].text in _SURNAME_TITLES and items[-1][0] in ("title", "skip"))
                          or (t.text in SURNAME_MONTHS and items[-1][0] == "title" and items[-1][2] == i
                              and toks[i - 1].low != "late")):  # ("Prime Minister May", but "Late May")
                j = self._name_run(toks, i, n)
                items.append(("name", i, j, None))  # "Dr Were", "Mr Will": a surname that is also a word
                i = j
                continue
            if (t.f & _SKIP and not (t.f & _SKIP == NONNAME and not t.f & SHOUT and i + 1 < n and toks[i + 1].f & CAP
                                      and self.tail_kind(toks, i, n) == "org")) or (
                    t.f & GENERIC and (i + 1 == n or toks[i + 1].f & CONN)):
                # "Socialist" alone is no name, "Socialist Party" is
                # "US Government": the country is the actor, the institution word is not a name
                items.append(("skip", i, i + 1, None))
                i += 1
                continue
            if t.f & MODEL and key(t.text) not in lex.orgs:  # ("M23" is a name)
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
            elif (g is not None and g[0] == i + 1 and g[2] == "org" and t.f & MOD and i + 1 < n
                  and toks[i + 1].f & TITLE and not toks[i + 1].f & MOD):
                g = None  # "Labour Minister Ana Ferreira": a portfolio, not the party
            if g is not None:
                j, canonical, gkind = g
                if j < n:
                    end = self._name_run(toks, i, n)
                    for k in range(j, end - 1):
                        if toks[k].f & NAMEY and toks[k + 1].f & CAP:
                            end = k  # "General Motors Rick Wagoner": a person's name begins
                            break
                    if end > j:
                        whole = self.tail_kind(toks, i, end)
                        if whole in ("org", "place") and not (end - j == 1 and toks[j].key in lex.orgs
                                                              and not (whole == "place" and toks[j].f & PLACETAIL)):
                            items.append(("name", i, end, whole))  # "Singapore Airlines", "Chiang Mai Airport"
                            i = end
                            continue
                        if (gkind == "org" and whole is None and not any(tk.f & CONN for tk in toks[j:end])
                                and toks[j].text not in _PARTY_MEMBERS):  # ("Senate Democrats": the Senate)
                            items.append(("name", i, end, "org"))  # "Boeing Commercial Airplanes"
                            i = end
                            continue
                if gkind == "town":
                    items.append(("name", i, j, "town"))  # a smaller town: a cue, not a certainty
                    i = j
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
            run = self.title_run(toks, i, n) if t.f & (TITLE | MOD) else i
            if (run > i and (tail is None or self.tail_kind(toks, i, self._name_run(toks, i, n)) is None)
                    and not self._ambiguous_title(toks, i, run, n)):
                items.append(("title", i, run, None))
                i = run
                continue
            d = self._demonym(toks, i, n) if t.key in lex.demonym_first else None
            if d is not None and tail is None and not self._given_name_first(toks, i, n):
                j, country, plural = d
                items.append(("group" if plural else "demonym", i, j, country))
                i = j
                continue
            if initial and i == 0 and tail is None and self._ordinary(t, toks, n):
                if n == 1:
                    items.append(("weak", 0, 1, None))
                    i += 1
                    continue
                if (self.title_run(toks, 1, n) > 1 or _VERBISH.search(t.low)
                        or (n >= 3 and (toks[1].f & NAMEY or (_PERSON_NOUN.search(t.low) and len(t.low) > 5
                                                              and not any(tk.f & ORDINARY for tk in toks[1:])))
                            and not toks[2].f & (ORGTAIL | PLACETAIL | CONN) and self.tail_kind(toks, 1, n) is None)):
                    # "Presiding Judge Martin Mann", "Speaking Monday", "Seismologist Naci Gorur"
                    items.append(("skip", 0, 1, None))
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
        if nxt.text in _NAME_TITLES and i + 2 < n and toks[i + 2].f & CAP:
            return True  # "Hassan Sheikh Mohamud"
        if nxt.text in SURNAME_MONTHS:
            return True  # "Mary June": a surname, not the month (nor Mary the town)
        k = key(nxt.text)
        return not (nxt.f & (ORGTAIL | PLACETAIL | TITLE | _SKIP | MODEL | GLUED) or k in self.lex.places
                    or k in self.lex.demonym_plurals)

    def _ambiguous_title(self, toks: list[_Tok], i: int, run: int, n: int) -> bool:
        """"General Dynamics", "Chief Keef": a lone ambiguous title word before an ordinary word."""
        if run >= n or (run == i + 1 and toks[i].text in _SURNAME_TITLES):
            return False
        if all(toks[k].low.rstrip(".") in _AMBIGUOUS_TITLES or toks[k].f & MOD for k in range(i, run)):
            f = toks[run].f
            return bool(f & CAP and f & COMMON and not f & NAMEY)
        return False

    def _demonym(self, toks: list[_Tok], i: int, n: int) -> tuple[int, str, bool] | None:
        lex = self.lex
        k1 = toks[i].key
        for k, width in ((f"{k1} {toks[i + 1].key}", 2) if i + 1 < n else ("", 2), (k1, 1)):
            d = lex.demonyms.get(k)
            if d is not None:
                return i + width, d, False
            d = lex.demonym_plurals.get(k)
            if d is not None:
                return i + width, d, True
        return None

    def _ordinary(self, t: _Tok, toks: list[_Tok], n: int) -> bool:
        """A sentence-initial word that is an ordinary word, not a name ("Officials", "Presiding")."""
        f = t.f
        if not f & ORDINARY or f & SHOUT:
            return False
        return not (f & NAMEY and n > 1 and toks[1].f & CAP)

    def _name_run(self, toks: list[_Tok], i: int, n: int) -> int:
        """End of the name that starts at i: up to a title, a date word or a connector that does not glue."""
        lex = self.lex
        first_is_given = bool(toks[i].f & NAMEY)
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
            if t.text in SURNAME_MONTHS and toks[j - 1].f & NAMEY:
                j += 1  # "Theresa May", "Jon August" (a day or year after it is cut off in `_month_at_end`)
                continue
            if (f & CAL and not first_is_given) or f & (STOP | NONNAME | CONTRACTION | MODEL | GLUED):
                break
            prev = toks[j - 1]
            if prev.text in lex.org_suffix and prev.text not in lex.org_head and not f & SUFFIX:
                break  # "Chrysler LLC Jim Press": a legal suffix ends the company name
            if t.text in _NAME_TITLES and j + 1 < n and toks[j - 1].f & NAMEY and toks[j + 1].f & CAP:
                j += 1  # "Hassan Sheikh Mohamud": part of the name
                continue
            if (f & TITLE and toks[j - 1].text in _OF and t.low in _AMBIGUOUS_TITLES and j + 1 < n
                    and toks[j + 1].f & CAP and not toks[j + 1].f & (NAMEY | TITLE | MOD | CONN)):
                j += 1  # "Royal College of General Practitioners": no title right after "of"
                continue
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
            if c == "for" and self.org_tail(prev) and not prev.f & SUFFIX:
                return True  # "Agency for Palestine Refugees", "Directorate-General for Employment"
            return prev.text in ("Republic", "Kingdom", "Emirate", "Sultanate", "Duchy", "Principality",
                                 "Commonwealth", "Isle", "Gulf", "Sea", "Bay", "Cape", "Straits", "Strait")
        if c == "and":
            # "European Aeronautic Defence and Space Company": only inside a longer organisation name
            # "Disaster and Emergency Management Authority": one ordinary word before "and" also opens it
            if ((j - i >= 2 or (toks[i].f & COMMON and not toks[i].f & (NAMEY | SHOUT)
                                and toks[i].key not in self.lex.orgs and toks[i].key not in self.lex.places))
                    and not self.org_tail(prev) and not any(toks[x].f & CONN for x in range(i + 1, j))
                    and self.tail_kind(toks, j + 1, n) == "org"
                    and not any(toks[x].text.endswith(_POSS) for x in range(j + 1, n))):
                return True
            # "Ministry of Foreign Affairs and Trade", "Department of Health and Human Services": the
            # portfolio of an organisation named "X of/for ..." goes on after "and"
            return (any(toks[x].text in ("of", "for") and self.org_tail(toks[x - 1]) for x in range(i + 1, j))
                    and bool(after.f & (MOD | ORDINARY)) and self._no_place_at(toks, k, n))
        return False

    def _no_place_at(self, toks: list[_Tok], k: int, n: int) -> bool:
        g = self.gazetteer(toks, k, n)
        return g is None or g[2] not in ("country", "place")

    # ---- items → pieces --------------------------------------------------------------------
    def _emit(self, toks: Sequence[_Tok], items: list[tuple], sentence: int, base: int, lead: int | None,
              multi: bool) -> None:
        """Pieces from a chunk's items; token offsets are relative to `base`, where the chunk starts."""
        text = self.text
        lex = self.lex
        compound: int | None = None
        if multi:
            self._compound += 1
            compound = self._compound
        titled = False  # a title earlier in the chunk: "President of the United States Barack Obama"
        title_span: tuple[int, int] | None = None
        owner: Piece | None = None  # the organisation or place after "Title of"
        owner_idx = -1
        last = len(items) - 1
        pieces = self.pieces
        ends = self._end_index
        for idx, (tag, i, j, extra) in enumerate(items):
            if tag not in _NAME_TAGS:
                if tag == "title":
                    titled = True
                    title_span = (base + toks[i].start, base + toks[j - 1].end)
                elif tag == "glued" and extra is not None:
                    word = toks[i]
                    cut = word.text.index("-")
                    p = Piece(base + word.start, base + word.start + cut, word.text[:cut], "place", True, extra[0],
                              sentence)
                    self._add_piece(p)
                continue
            a, b = base + toks[i].start, base + toks[j - 1].end
            if text[b : b + 1] == "$":
                if j - i == 1:
                    continue  # "US$40 billion", "AU$52.5 million"
                j -= 1
                while j > i + 1 and toks[j - 1].f & CONN:
                    j -= 1
                b = base + toks[j - 1].end
            if lead is not None and i == 0 and (tag == "name" or (tag == "known" and key(text[lead:b]) in lex.orgs)):
                a = lead  # "von der Brandt": the particles belong to the surname; "al Shabaab"
            surface = text[a:b]
            p = Piece(a, b, surface, None, False, None, sentence, compound)
            if title_span is not None:
                if idx > 0:
                    if items[idx - 1][0] == "title":
                        p.title_span = title_span
                    elif owner is not None and owner_idx == idx - 1:
                        # "Chief Executive Officer of General Motors Rick Wagoner", "Governor of Texas Greg Abbott"
                        p.title_span = title_span
                        p.affiliation = owner.canonical or owner.text
                        titled = True
                if idx >= 2 and items[idx - 1][0] == "conn":
                    c = idx - 1
                    while c > 0 and items[c][0] == "conn" and items[c][3] == "the":
                        c -= 1
                    if items[c][0] == "conn" and items[c][3] in _OF and c > 0 and items[c - 1][0] == "title":
                        owner, owner_idx = p, idx
            if lead is not None and a == lead and text[a : a + 3] not in ("al ", "el "):
                p.cue = "person"  # "von der Brandt" (but "al Shabaab" is a group)
            if tag == "known":
                canonical, gkind = extra
                if gkind == "org" and _MODEL_AFTER.match(text, b):
                    continue  # "Boeing 787": the maker's name is the product's name here
                if surface == "CCTV" and _SURVEILLANCE_AFTER.match(text, b):
                    continue  # "CCTV footage": closed-circuit cameras, not China's broadcaster
                p.canonical = canonical
                p.kind = "organization" if gkind == "org" else "place"
                p.strong = True
            elif tag == "group":
                p.kind, p.strong, p.affiliation = "group", True, extra
            elif tag == "weak":
                p.weak = True
            else:
                next_tag = items[idx + 1][0] if idx < last else None
                # "Vice Chairman of Chrysler": a name right after "of" is the title's organisation
                after_of = idx > 0 and items[idx - 1][0] == "conn" and items[idx - 1][3] in _OF
                if not self._name_kind(p, toks, i, j, extra, titled and not after_of, next_tag):
                    titled = False
                    continue
                if titled and after_of and p.kind is None:
                    p.cue = "organization"
                titled = False
            form = _SURFACES.get(surface)
            if form is None:
                form = _surface_form(surface, lex)
            if form:
                if tag != "group" and form & _ACRONYM_FORM:
                    p.acronym = True
                    if form & _ACRONYM_NONNAME or (tag == "name" and _common_acronym(text, a, b)):
                        continue
                    if p.kind is None:
                        p.kind = "organization"
                if form & _NONNAME:
                    continue
            self._state_abbreviation(p)
            self._context(p)
            ends[p.end] = len(pieces)
            pieces.append(p)

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
        text = self.text
        if (text.find("ndex", p.end, p.end + 40) != -1 or text.find("average", p.end, p.end + 45) != -1) and (
                _INDEX_AFTER.match(text, p.end)):
            return False  # "Standard & Poor's 500 index", "Nikkei stock index"
        words = toks[i:j]
        if len(words) == 1:
            w = words[0]
            if len(w.text) == 1 or (len(w.text) == 2 and w.text[1] == "."):
                return False  # a letter or a lone initial ("so am I.")
            if (tail is None and _ADJECTIVE.search(w.text) and not w.f & NAMEY
                    and not _HEAD_AFTER.match(self.text, p.end) and _LOWER_WORD_AFTER.match(self.text, p.end)):
                return False  # "the Pomeranian coast", "Hispanic voters": an adjective, not a name
        if (tail is None and len(words) == 2 and words[0].text in _COMPASS
                and self.lex.places.get(words[1].key, ("", ""))[1] in ("country", "place")):
            tail = "place"  # "West Texas", "Southern Sudan": a part of a known place
        if tail == "org":
            p.kind, p.strong = "organization", True
        elif tail == "place":
            p.kind, p.strong = "place", True
        elif titled or (len(words) > 1 and words[0].f & FIRST and not _ACRONYM.fullmatch(words[-1].text)):
            p.kind, p.strong = "person", True
        elif len(words) > 1 and words[0].f & GIVEN and not _ACRONYM.fullmatch(words[-1].text):
            p.kind = "person"  # a given name of the long list: a vote, not a certainty
        elif len(words) == 2 and len(words[0].text) <= 5 and _ASIAN_GIVEN.fullmatch(words[1].text):
            p.kind = "person"  # "Hou Yu-ih", "Ko Wen-je": a family name and a hyphenated given name
        elif tail == "town":
            p.cue = "place"
        elif next_tag == "title":
            p.cue = "organization"  # "Hezbollah Secretary-General", "Uralsib analyst"
        elif (len(words) == 1 and words[0].f & COMMON and not words[0].f & SHOUT
              and not _HEAD_AFTER.match(self.text, p.end)):
            p.soft = True  # "the Video version": an ordinary word as a modifier, unless the document insists
        return True

    def _state_abbreviation(self, p: Piece) -> None:
        """"SPRINGFIELD, Ill. —", "Sen. Elaine Marsh, D-Ore.": a US state in AP style is a place. Only
        after a comma or a party letter, since "Miss", "Mass" or "Ill" alone are other words."""
        text = self.text
        start, end = p.start, p.end
        if text[start + 1 : start + 2] == "-" and text[start : start + 1] in "DRI":
            start += 2  # the party letter is not part of the place
        elif text[start - 2 : start] != ", " or not text[start - 3 : start - 2].isalpha():
            return
        if text[end - 1 : end] != "." and text[end : end + 1] == ".":
            end += 1
        state = _US_STATES.get(text[start:end])
        if state is None:
            if start == p.start or text[start:end] not in _STATE_NAMES:
                return
            state = text[start:end]  # "(R-Texas)", "R-New Hampshire"
        p.start, p.end, p.text = start, end, text[start:end]
        p.kind, p.strong, p.canonical, p.acronym = "place", True, state, False

    def _context(self, p: Piece) -> None:
        """Cues around the piece: words before it, reporting verbs after it, parentheses, commas."""
        text = self.text
        lex = self.lex
        end = p.end
        start = p.start
        # what follows: most cues need a space and a small letter, a digit, a comma or a parenthesis
        nxt = text[end : end + 2]
        first = nxt[:1]
        word_after = (first == " " or first == "\t") and nxt[1:2].islower()
        reports: bool | None = None  # `_reports(text, end)`, read once when needed
        if p.text == "House" and (_CHAMBER_AFTER.match(text, end) or (
                text[start - 4 : start] == "the " and not text.startswith(" of", end))):
            # "House leaders", "whatever the House sends over": the chamber
            p.kind, p.strong, p.weak, p.soft = "organization", True, False, False
        if (p.canonical is None and len(p.text) > 3 and p.text.isupper() and text[start - 1 : start] in ("", "\n")
                and _DATELINE_AFTER.match(text, end)):
            p.kind, p.strong, p.acronym = "place", True, False  # "PHOENIX -", "TROMSØ, Norway (Agency) —"
        elif p.kind is None and " " in p.text and p.text.isupper() and _byline(text, start, end):
            p.kind, p.strong, p.acronym = "person", True, False  # "By ANNA KOVAC and REID SOMERS"
        kind = p.kind
        if kind is None or kind == "place":
            # the two words before: only a name whose kind is open (or a city's) needs them
            before = text[max(0, start - 40) : start]
            nl = before.rfind("\n")
            if nl != -1:
                before = before[nl + 1 :]  # the words of an earlier line or paragraph are no cue
            cut = before.rstrip()
            spaced = len(cut) < len(before) and before[-1] == " "
            words = cut.rsplit(None, 2)
            prev = words[-1].lower().strip(",;:\"“'(") if words else ""
            prev2 = words[-2].lower() if len(words) > 1 else ""
        if kind is None:
            if spaced and ((prev in _KIN and (not cut.endswith(",") or prev2 in _POSSESSIVE_DETS)) or (
                    prev == "and" and len(words) == 3 and words[1][:1].isupper()
                    and words[0].rsplit(None, 1)[-1].lower().rstrip(",") in _KIN_PLURAL)):
                p.cue = "person"  # "his son Tom", "Her husband, Declan,", "her daughters Úna and Róisín"
            elif prev in lex.person_cues and spaced and not cut.endswith(","):
                p.cue = p.cue or "person"
            elif prev in lex.org_cues and spaced:
                p.cue = "organization"
            elif (prev == "of" and prev2 in _ABOUT_PLACE) or (prev == "in" and prev2 in _LOCATED) or (
                    prev == "from" and prev2 in _FROM_PLACE) or (prev == "to" and prev2 in _TO_PLACE):
                # "the village of Ocheretyne", "born in Lviv", "a market trader from Kayole", "flew to Goma"
                p.cue = "place"
            elif prev in lex.honorifics or prev.rstrip(".") in lex.honorifics:
                p.kind, p.strong = "person", True
            elif ((prev in _PLACE_PREPOSITIONS or (prev == "the" and prev2 in _IN_THE))
                  and spaced and not (word_after and (reports := _reports(text, end)))
                  and not (" " not in p.text and _flags(p.text) & ORGTAIL)):
                p.cue = "place"  # "schools in Hervanta", "near Kharkiv", "in the Algarve"
            elif (spaced and len(prev) > 5 and prev.isalpha() and _PERSON_NOUN.search(prev)
                  and prev not in lex.org_cues and prev not in lex.place_cues and " " in p.text
                  and not any(_flags(w) & (COMMON | ORGTAIL) for w in p.text.split())):
                p.cue = "person"  # "librarian Riikka Lehtola", "joiner Callum Drummond"
            elif prev.endswith("-year-old"):
                p.cue = "person"
            if word_after and p.cue != "person" and _PLACE_NOUN_AFTER.match(text, end):
                p.cue = "place"  # "the Guadiana basin", "the Alcântara terminal", "Tampere city council"
            if first == ",":
                m = _PLACE_AFTER.match(text, end)
                if m and (key(m.group(1)) in lex.places or m.group(1).startswith(("County ", "Province "))):
                    p.cue = "place"  # "Everett, Washington", "Ballykeel, County Down"
                else:
                    cue = self._apposition_kind(end)
                    if cue == "person" and any(_flags(w) & (COMMON | ORGTAIL) for w in p.text.split()):
                        cue = None  # "the plant Automobile Craiova, a Romanian official said": not about the plant
                    if cue is not None and not (cue == "person" and p.cue == "place"):
                        # "Callum Drummond, a joiner who", "Glenmoray, the small village"; but in "the people
                        # of Shahdara, who" the words before tell of a place and "who" is about the people
                        p.cue = cue
            if p.cue is None and " " in p.text and _PRONOUN_NEXT.match(text, end):
                p.cue = "person"  # "... Tovrek Almasu had fled. He was arrested"
        elif kind == "place" and prev in lex.org_cues and lex.places.get(key(p.text), ("", ""))[1] == "place":
            p.kind = "organization"  # "rivals Toyota and General Motors": a company named like a city
        if (first == " " and (word_after or nxt[1:2].isdigit())
                # a club ("Luton", "Manchester City"), not a player ("Novak Djokovic beat Taylor Fritz 7-6")
                and ((p.kind is None and (" " not in p.text or _CLUB_WORD.search(p.text)))
                     or (p.kind == "place" and lex.places.get(key(p.text), ("", ""))[1] != "country"))
                and ((_SCORE_AFTER.match(text, end) and _BEAT_BEFORE.search(text[max(0, start - 40) : start]))
                     or _BEAT_AFTER.match(text, end))):
            p.kind, p.strong, p.weak, p.team = "organization", True, False, True  # "Sporting beat Benfica 2-1"
        if word_after and (reports if reports is not None else _reports(text, end)):
            p.subject = True  # "Netanyahu said"
        elif ((text[start - 1 : start] != " " or (c := text[start - 2 : start - 1]) in _ACCORDING_LAST
               or c.isspace()) and text[max(0, start - 20) : start].rstrip().lower().endswith(_ACCORDING)):
            # "said Netanyahu", "according to Netanyahu" (after a single space, the word before must end
            # like one of these to be read at all)
            p.subject = True
        if not p.acronym and (first == "(" or nxt == " ("):
            m = _PAREN_ACRONYM.match(text, end)
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
        # the head noun ends the noun phrase: "the European Union's border agency", "a developer based in"
        words = m.group("words").split()
        for cut, w in enumerate(words):
            if w.lower() in _APPOS_STOP:
                words = words[:cut]
                break
        for w in reversed(words):  # the last noun that says something: "a town 25 km", "a Dutch researcher"
            low = w.lower().rstrip(".")
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
        if not any(p.kind == "place" or p.cue == "place" for p in ps[first:]):
            return
        # the text between neighbours, if short enough to be a list's ", " or " and the "
        gaps = [text[ps[i - 1].end : ps[i].start] if i > first and ps[i].start - ps[i - 1].end <= 10 else ""
                for i in range(first, len(ps))]
        for i in range(max(first, 1), len(ps)):
            a, b = ps[i - 1], ps[i]
            gap = gaps[i - first]
            if gap not in _LIST_GAPS:
                continue
            if gap == ", " and not ((i - first >= 2 and gaps[i - first - 1] in _LIST_GAPS)
                                    or (i + 1 < len(ps) and gaps[i + 1 - first] in _LIST_GAPS)):
                continue  # "on the Hel Peninsula, Jerzy Pawlak spent": a comma alone makes no list
            for x, y in ((a, b), (b, a)):
                if x.kind is None and x.cue is None and (y.kind == "place" or (y.kind is None and y.cue == "place")):
                    x.cue = "place"

    # ---- titles and apposition --------------------------------------------------------------
    def person_roles(self, p: Piece, sent_start: int, sent_end: int) -> None:
        """Titles and affiliation from the words before the name and an apposition after it."""
        self._roles_before(p, sent_start)
        if self.text.startswith(",", p.end):  # an apposition starts with a comma
            self._roles_after(p, sent_end)

    def _roles_before(self, p: Piece, sent_start: int) -> None:
        text = self.text
        span = p.title_span
        if span is not None:
            # the chunk had the title ("Secretary of the Treasury"): look before it for more title words
            # ("former") and the affiliation ("Israeli", "NATO")
            end = span[0]
            lo = max(sent_start, end - 120)
            words = [(m.start(), m.end(), m.group()) for m in _BACK_WORD.finditer(text, lo, end)]
            k = len(words) - 1
            while k >= 0 and not words[k][2][:1].isupper() and _flags(words[k][2].lower()) & (TITLE | MOD):
                k -= 1
            first = words[k + 1][0] if k + 1 < len(words) else span[0]
            run = [(m.start(), m.end(), m.group()) for m in _BACK_WORD.finditer(text, first, span[1])]
            _add(p.titles, self._titles_from(run))
            if k >= 0 and not text[words[k][1] : (words[k + 1][0] if k + 1 < len(words) else end)].strip():
                if k >= 1 and key(f"{words[k - 1][2]} {words[k][2]}") in self.lex.demonyms:
                    p.affiliation = p.affiliation or self.lex.demonyms[key(f"{words[k - 1][2]} {words[k][2]}")]
                self._affiliation_at(p, words[k])
            return
        lo = max(sent_start, p.start - 120)
        # the word right before the name (a comma may stand between): most names have no title there
        j = p.start
        while j > lo and text[j - 1] in " \t\n,":
            j -= 1
        word_start = max(text.rfind(" ", lo, j), text.rfind("\n", lo, j)) + 1
        if j <= lo or not _flags(text[max(word_start, lo) : j].lstrip("(\"“‘'[").lower()) & (TITLE | MOD):
            return
        words = [(m.start(), m.end(), m.group()) for m in _BACK_WORD.finditer(text, lo, p.start)]
        k = len(words) - 1
        if k >= 1 and words[k][2] == "," and self.is_title_word(words[k - 1][2].lower()):
            k -= 1  # "the firm's chief executive officer, Alan Mulally"
        run_end = k
        ends = self._end_index
        while k >= 0:
            w = words[k][2]
            low = w.lower()
            q = ends.get(words[k][1])
            if q is not None and k < run_end and not (self.pieces[q].weak or self.pieces[q].soft):
                break  # the last word of a name: "the People's Party leader"
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
            if (q.kind in ("organization", "place") or q.cue == "organization" or q.kind is None) and not (
                    q.weak or q.soft):
                p.affiliation = p.affiliation or (q.canonical or q.text)

    def _titles_from(self, run: list[tuple[int, int, str]]) -> list[str]:
        """Split a run of title words on "and" ("Deputy Prime Minister and Foreign Minister"); a part with
        no head word belongs to the title before it ("Minister of Natural Resources and Environment")."""
        lex = self.lex
        titles: list[str] = []
        last_start = -1
        groups: list[list[tuple[int, int, str]]] = [[]]
        for w in run:
            if w[2].lower() == "and":
                groups.append([])
            else:
                groups[-1].append(w)
        for group in groups:
            while group and group[-1][2].lower() in _OF:
                group.pop()
            if not group:
                continue
            if not any(g[2].lower().rstrip(".") in lex.titles for g in group):
                if titles and group[0][2][:1].isupper():
                    titles[-1] = self.text[last_start : group[-1][1]]
                continue
            # drop honorifics ("Mr.")
            kept = [g for g in group if g[2].lower().rstrip(".") not in lex.honorifics]
            if kept:
                last_start = kept[0][0]
                titles.append(self.text[last_start : kept[-1][1]])
        return titles

    def _roles_after(self, p: Piece, sent_end: int) -> None:
        text = self.text
        m = _APPOS_START.match(text, p.end, sent_end)
        if m is None:
            return
        seg_end = min(sent_end, m.end() + 160)
        stop = _APPOS_END.search(text, m.end(), seg_end)  # the apposition ends at the next punctuation
        if stop is not None:
            seg_end = stop.end()
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
                last = run[-1] if run else None
                if last is not None and last[2].endswith(".") and len(last[2]) > 4 and "." not in last[2][:-1]:
                    run[-1] = (last[0], last[1] - 1, last[2][:-1])  # "the group's lawyer." ends the sentence
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


# AP-style state abbreviations (with their dots: "Ill" or "Miss" without one is another word)
_US_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}
_STATE_NAMES = frozenset((*_US_STATES.values(), "Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Utah",
                          "Texas"))
_COMPASS = frozenset(("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                      "Northeast", "Northwest", "Southeast", "Southwest", "Upper", "Lower"))
_APPOS_END = re.compile(r"[,;:()\"“”]")
_APPOS_START = re.compile(r",[ \t]+(?:\d{1,3},[ \t]+)?")
_PLACE_AFTER = re.compile(r",[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)(?=[,.;:)]|[ \t]+[a-z]|$)")
_PAREN_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9&.-]{1,9})\)")


# "By ANNA KOVAC and REID SOMERS", "By Erik Sand in Oslo", "By JANE DOE, Staff Writer": capitalised words and
# a few small ones, to the end of the line ("By contrast, NASA ACTED" is no byline)
_BYLINE_LINE = re.compile(r"By(?:[ \t]+(?:[A-Z][\w'’.&-]*|and|in|for|of|the|at|with),?){1,12}[ \t]*")


def _byline(text: str, start: int, end: int) -> bool:
    """The name stands on a byline: a short line of its own that opens with "By"."""
    lo = max(0, start - 100)
    ls = text.rfind("\n", lo, start) + 1
    if ls == 0 and lo > 0:
        return False
    m = _BYLINE_LINE.match(text, ls)
    return m is not None and m.end() >= end and (m.end() == len(text) or text[m.end()] == "\n")


_SURVEILLANCE_AFTER = re.compile(r"[ \t]+(?:cameras?|footage|units?|systems?|images?|video|recordings?|"
                                 r"coverage|operators?|monitoring|surveillance|evidence|network)\b")
_A_BEFORE = re.compile(r"(?:^|[ \t\n(\"“‘])[Aa]n?[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}$")


def _common_acronym(text: str, start: int, end: int) -> bool:
    """"a clean CR is", "an NGO.": an acronym after "a"/"an" that heads its noun phrase is a common noun (an
    organisation's acronym there modifies a noun: "a UN agency", "an ECP spokesperson")."""
    return bool(_HEAD_AFTER.match(text, end)) and _A_BEFORE.search(text, max(0, start - 30), start) is not None


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
