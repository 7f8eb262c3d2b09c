"""Gazetteers and word lists for the actors step, read once from `data/*.txt` on first use.

Every lookup key is `key(text)`: case-folded, dots dropped, curly apostrophes straightened and
spaces collapsed, so "U.S.", "US" and "us" meet, and so do "Côte d'Ivoire" spellings. Where each list
comes from, and its licence, is in `data/SOURCES.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .lexicon import MONTHS, WEEKDAYS

_DATA = Path(__file__).resolve().parent / "data"
_SPACES = re.compile(r"\s+")


_KEYS: dict[str, str] = {}


def key(text: str) -> str:
    """Lookup key: case-folded, no dots, straight apostrophes, single spaces (memoised: names repeat)."""
    k = _KEYS.get(text)
    if k is None:
        k = text.replace(".", "").replace("’", "'")
        if " " in k or "\n" in k or "\t" in k:
            k = _SPACES.sub(" ", k).strip()
        k = k.casefold()
        if len(_KEYS) < 200_000:
            _KEYS[text] = k
    return k


def _lines(name: str) -> list[str]:
    with open(_DATA / name, encoding="utf-8") as fh:
        return [line for line in map(str.strip, fh.read().splitlines()) if line and line[0] != "#"]


_FIELDS = re.compile(r"\|[^\n]*")


def _keyed(name: str) -> tuple[list[str], list[str]]:
    """A list's names (first field of each line) and their `key`s, computed over the whole text at
    once: tens of thousands of entries load in a few milliseconds."""
    with open(_DATA / name, encoding="utf-8") as fh:
        body = "\n".join(line for line in fh.read().split("\n") if line and line[0] != "#")
    names = _FIELDS.sub("", body) if "|" in body else body
    keys = names.replace(".", "").replace("’", "'").casefold()
    return names.split("\n"), keys.split("\n")


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        else:
            out.setdefault(current, []).append(line)
    return out


@dataclass
class Lexicon:
    common: frozenset[str]
    # rarer English words: only for telling a sentence-initial ordinary word from a name
    ordinary: frozenset[str]
    stop: frozenset[str]
    first_names: frozenset[str]
    given_names: frozenset[str]
    # key → (canonical name, "country" | "place")
    places: dict[str, tuple[str, str]]
    # key → name of a smaller town: only suggests a place ("Kidal", "Pokrovsk")
    towns: dict[str, str]
    # demonym key → country ("israeli" → "Israel"); plural people nouns separately
    demonyms: dict[str, str]
    demonym_plurals: dict[str, str]
    demonym_first: frozenset[str]  # first words of both: a quick test before the lookups
    org_suffix: frozenset[str]
    org_head: frozenset[str]
    org_first: frozenset[str]
    org_first_of: frozenset[str]
    generic: frozenset[str]
    # key → canonical name of a well-known organisation
    orgs: dict[str, str]
    titles: frozenset[str]
    title_mods: frozenset[str]
    honorifics: frozenset[str]
    person_cues: frozenset[str]
    org_cues: frozenset[str]
    place_cues: frozenset[str]
    event_heads: frozenset[str]
    nonnames: frozenset[str]
    place_heads: frozenset[str] = field(default_factory=frozenset)
    calendar: frozenset[str] = field(default_factory=frozenset)
    # Longest multi-word entry of any gazetteer, in words: bounds the n-gram lookups.
    max_words: int = 6
    # first word of a gazetteer entry → most words an entry starting with it has
    first_words: dict[str, int] = field(default_factory=dict)


_PLACE_HEADS = (
    "airport", "ocean", "sea", "river", "lake", "lakes", "mountains", "mountain", "mount", "mt", "island",
    "islands", "peninsula", "valley", "bay", "gulf", "strait", "straits", "canal", "desert", "coast",
    "street", "avenue", "road", "lane", "boulevard", "square", "bridge", "county", "province", "region", "district",
    "prefecture", "oblast", "governorate", "territory", "territories", "strip", "heights", "plaza", "harbor",
    "harbour", "city", "town", "village", "hills", "falls", "beach", "springs", "park", "state", "camp",
    "center", "centre", "theater", "theatre", "stadium", "arena", "museum", "hotel", "palace", "tower",
    "building", "terminal", "station", "factory", "plant", "hall", "base", "prison", "hospital", "mosque",
    "church", "cathedral", "temple", "embassy", "consulate", "delta", "basin", "plateau", "highlands", "lowlands",
    "corridor", "pass", "reservoir", "dam", "canyon", "glacier", "forest", "marsh", "wetlands", "lagoon",
    "estuary", "fjord", "archipelago", "reef", "atoll", "volcano", "crossing", "checkpoint", "zone", "quay",
    "pier", "wharf", "docks", "highway", "motorway", "expressway", "ridge", "hill", "shore", "riviera",
    "plains", "complex", "steppe", "oasis", "township", "borough", "municipality", "commune", "parish", "krai", "okrug",
    "raion", "rayon", "voivodeship", "canton", "sector", "airbase", "barracks", "mine", "oilfield", "field",
    "shoal", "shoals", "cay", "cays", "isthmus", "cove", "sound",
)


_DAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_MONTH_ABBR = {"jan", "feb", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


@cache
def lexicon() -> Lexicon:
    """All word lists, loaded on first use (a few milliseconds) and then shared."""
    names, keys = _keyed("cities.txt")
    # the first line of a key wins (the list runs from the largest city down)
    places = {k: (n, "place") for k, n in zip(reversed(keys), reversed(names), strict=True)}
    for line in _lines("places.txt"):
        name, _, canonical = line.partition("|")
        places[key(name)] = (canonical or name, "place")
    for line in _lines("countries.txt"):
        names = line.split("|")
        for n in names:
            places[key(n)] = (names[0], "country")

    names, keys = _keyed("towns.txt")
    towns = dict(zip(reversed(keys), reversed(names), strict=True))
    for k in places.keys() & towns.keys():
        del towns[k]

    demonyms: dict[str, str] = {}
    plurals: dict[str, str] = {}
    for line in _lines("demonyms.txt"):
        adj, plural, country = [*line.split("|"), "", ""][:3]
        demonyms[key(adj)] = country
        if plural:
            plurals[key(plural)] = country

    orgs = _sections("orgs.txt")
    known: dict[str, str] = {}
    for line in orgs["known"]:
        names = line.split("|")
        for n in names:
            known.setdefault(key(n), names[0])
    org_first_words = orgs["first"]
    roles = _sections("roles.txt")
    misc = _sections("misc.txt")
    first_words: dict[str, int] = {}
    # only names of several words need an entry: a lookup defaults to one word
    for k in (*places, *known, *towns):
        if " " in k:
            width = k.count(" ") + 1
            first = k.partition(" ")[0]
            if width > first_words.get(first, 1):
                first_words[first] = width
    max_words = max(first_words.values())
    return Lexicon(
        common=frozenset(_lines("common_words.txt")),
        ordinary=frozenset(_keyed("ordinary_words.txt")[0]),
        stop=frozenset(misc["stop"]),
        first_names=frozenset(_lines("first_names.txt")),
        given_names=frozenset(_lines("given_names.txt")),
        places=places,
        towns=towns,
        demonyms=demonyms,
        demonym_plurals=plurals,
        demonym_first=frozenset(k.partition(" ")[0] for k in (*demonyms, *plurals)),
        org_suffix=frozenset(orgs["suffix"]),
        org_head=frozenset(orgs["head"]),
        org_first=frozenset(w for w in org_first_words if not w.endswith(" of")),
        org_first_of=frozenset(w[:-3] for w in org_first_words if w.endswith(" of")),
        generic=frozenset(orgs["generic"]),
        orgs=known,
        titles=frozenset(roles["title"]),
        title_mods=frozenset(roles["modifier"]),
        honorifics=frozenset(roles["honorific"]),
        person_cues=frozenset(roles["person"]),
        org_cues=frozenset(roles["org"]),
        place_cues=frozenset(roles["place"]),
        event_heads=frozenset(misc["event"]),
        nonnames=frozenset(misc["nonname"]),
        place_heads=frozenset(_PLACE_HEADS),
        calendar=frozenset(n.capitalize() + plural for n in (*MONTHS, *WEEKDAYS) for plural in ("", "s")
                           if (len(n) > 3 or n in _MONTH_ABBR) and (not plural or n in _DAYS)),
        max_words=max_words,
        first_words=first_words,
    )
