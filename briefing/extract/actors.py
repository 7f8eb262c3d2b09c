"""Actors: the people, organisations, places and groups a report is about.

No model: capitalised chunks in prose are cut into names, titles and demonyms (`actors_scan.py`),
typed by gazetteers that ship in `data/` and by the words around them, then merged into one actor per
entity (`actors_merge.py`). An explicit `## Actors` section is read as written and its actors absorb
the prose mentions of the same names. Actors come out most salient first: many mentions, an early
first mention and being the one who says things all count.
"""

from __future__ import annotations

import re

from ..document import Document
from ..model import Actor, Briefing, Span
from . import sections
from .actors_merge import Entity, Resolver, slug
from .actors_scan import Piece, Scanner
from .names import key, lexicon

# "- **Benjamin Netanyahu** (person) — Prime Minister of Israel"; bold, kind and description optional
_SECTION_ITEM = re.compile(
    r"""(?P<lead>\*\*|__|\*|_)?(?P<name>[^*_()\n—–:|]+?)(?P=lead)?[ \t]*
        (?:\((?P<kind>[^()\n]{1,40})\))?[ \t]*
        (?:(?:—|–|--|-|:|\|)[ \t]*(?P<desc>.+))?$""",
    re.X,
)
_KIND_WORDS = {
    "person": ("person", "people", "individual", "official", "politician", "leader", "man", "woman", "per"),
    "organization": ("organization", "organisation", "org", "company", "agency", "party", "institution",
                     "government", "ministry", "outlet", "media", "business", "firm", "union", "bank",
                     "newspaper", "news outlet", "court", "army", "military", "armed group", "militant group"),
    "place": ("place", "location", "country", "city", "region", "state", "territory", "province", "town",
              "area", "loc", "gpe"),
    "group": ("group", "movement", "militia", "faction", "community", "coalition", "people group", "crowd"),
}
_KIND_OF = {w: k for k, ws in _KIND_WORDS.items() for w in ws}


def run(doc: Document, found: Briefing) -> Briefing:
    return found.model_copy(update={"actors": extract(doc)})


def extract(doc: Document) -> list[Actor]:
    text = doc.text
    lex = lexicon()
    scanner = Scanner(text, lex)
    section_pieces = _section_pieces(doc, scanner)
    prose_blocks = [sections.is_prose(doc, i) for i in range(len(doc.blocks))]
    headlines: list[tuple[int, int, int]] = []
    for si, sent in enumerate(doc.sentences):
        if not prose_blocks[sent.block]:
            continue
        if _shouted(text, sent.start, sent.end) or (
            doc.blocks[sent.block].kind == "heading" and _title_case(text, sent.start, sent.end)
        ):
            headlines.append((sent.start, sent.end, si))
            continue
        before = len(scanner.pieces)
        scanner.scan_sentence(sent.start, sent.end, si)
        if len(scanner.pieces) - before > 1:
            scanner.coordinate(before)
        for p in scanner.pieces[before:]:
            if p.kind in (None, "person") and not p.acronym:
                scanner.person_roles(p, sent.start, sent.end)
    body = scanner.pieces
    pieces = section_pieces + body
    if headlines:
        pieces = Resolver(pieces, lex, text).settle()
        known = _known_names(pieces)
        scanner.pieces = []
        for s, e, si in headlines:
            scanner.scan_headline(s, e, si, known)
        pieces = sorted(pieces + scanner.pieces, key=lambda p: p.start)
    entities = Resolver(pieces, lex, text).run()
    return _actors(entities, text, section_pieces)


# ---- headlines --------------------------------------------------------------------------------
_LETTERS = re.compile(r"[^\W\d_]+")


_LOWER = re.compile(r"[a-zà-ÿ]")


def _shouted(text: str, s: int, e: int) -> bool:
    """An ALL-CAPS line: no lower-case letter and at least three capitalised words."""
    if _LOWER.search(text, s, e):
        return False
    words = _LETTERS.findall(text, s, e)
    return len(words) >= 3 and not any(ch.islower() for w in words for ch in w)


def _title_case(text: str, s: int, e: int) -> bool:
    words = [w for w in _LETTERS.findall(text, s, e) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _known_names(pieces: list[Piece]) -> dict[str, tuple[str, str]]:
    """Keys (names, surnames) of the body's actors with their kinds, for matching headlines."""
    known: dict[str, tuple[str, str]] = {}
    for p in pieces:
        if p.kind is None:
            continue
        k = key(p.text)
        known.setdefault(k, (p.canonical or p.text, p.kind))
        if p.kind == "person" and " " in k:
            known.setdefault(k.rsplit(" ", 1)[1], (p.text, p.kind))
    return known


# ---- the explicit section -----------------------------------------------------------------------
def _section_pieces(doc: Document, scanner: Scanner) -> list[Piece]:
    out: list[Piece] = []
    text = doc.text
    for bi in sections.section_block_indices(doc, "actors"):
        block = doc.blocks[bi]
        if block.kind not in ("list_item", "paragraph"):
            continue
        s, e = block.content.start, block.content.end
        line_end = text.find("\n", s, e)
        e = line_end if line_end != -1 else e
        m = _SECTION_ITEM.match(text, s, e)
        if m is None or not m["name"].strip():
            continue
        ns, ne = m.span("name")
        while ne > ns and text[ne - 1] in " \t,":
            ne -= 1
        name = text[ns:ne]
        if not any(ch.isalpha() for ch in name):
            continue
        kind = _section_kind(m["kind"]) or _infer_kind(name, scanner)
        p = Piece(ns, ne, name, kind=kind, strong=True, sentence=-1)
        desc = (m["desc"] or "").strip()
        p.description = desc or None
        if desc and kind == "person":
            _description_roles(p, desc, scanner)
        lex = scanner.lex
        place = lex.places.get(key(name))
        if place is not None and kind == "place":
            p.canonical = place[0]
        out.append(p)
    return out


def _section_kind(raw: str | None) -> str | None:
    if not raw:
        return None
    low = raw.strip().lower()
    if low in _KIND_OF:
        return _KIND_OF[low]
    for word in re.split(r"[\s,/;]+", low):
        if word in _KIND_OF:
            return _KIND_OF[word]
    return None


def _infer_kind(name: str, scanner: Scanner) -> str:
    lex = scanner.lex
    k = key(name)
    if k in lex.orgs:
        return "organization"
    if k in lex.places:
        return "place"
    if k in lex.demonym_plurals:
        return "group"
    words = name.split()
    if words and words[-1] in lex.org_head | lex.org_suffix:
        return "organization"
    if len(words) > 1 and (words[0] in lex.first_names or all(w[:1].isupper() for w in words)):
        return "person" if len(words) <= 4 else "organization"
    return "organization"


def _description_roles(p: Piece, desc: str, scanner: Scanner) -> None:
    """"Prime Minister of Israel" → title "Prime Minister", affiliation Israel."""
    lex = scanner.lex
    words = desc.split()
    run: list[str] = []
    for w in words:
        low = w.lower().strip(",.;")
        if low in lex.titles or low in lex.title_mods:
            run.append(w.strip(",.;"))
        elif run:
            break
    if run:
        p.titles.append(" ".join(run))
    m = re.search(r"\b(?:of|at|for)\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)", desc)
    if m:
        place = lex.places.get(key(m.group(1)))
        p.affiliation = place[0] if place else m.group(1)
    else:
        first = words[0].strip(",.;") if words else ""
        if key(first) in lex.demonyms:
            p.affiliation = lex.demonyms[key(first)]


# ---- entities → actors --------------------------------------------------------------------------
def _name(ent: Entity) -> str:
    """The fullest form: a gazetteer's canonical name, else the longest mention that is no acronym."""
    if ent.kind == "place" and ent.canonical:
        return ent.canonical
    section = [p for p in ent.pieces if p.sentence == -1]
    if section:
        return section[0].text
    names = [p.text for p in ent.pieces if not p.acronym] or [p.text for p in ent.pieces]
    # the fullest form, and of equal forms the one not shouted in a headline ("Pentagon", not "PENTAGON")
    first_seen: dict[str, int] = {}
    for i, n in enumerate(names):
        first_seen.setdefault(n, i)
    best = max(first_seen, key=lambda t: (len(t.split()), len(t), not t.isupper(), -first_seen[t]))
    if ent.kind == "organization" and ent.canonical and len(ent.canonical) > len(best):
        return ent.canonical
    return best


def _actors(entities: list[Entity], text: str, section_pieces: list[Piece]) -> list[Actor]:
    n = max(len(text), 1)
    out: list[tuple[float, int, Actor]] = []
    used: dict[str, int] = {}
    for ent in entities:
        pieces = sorted(ent.pieces, key=lambda p: p.start)
        name = _name(ent)
        aliases: list[str] = []
        seen = {name.casefold()}
        for p in pieces:
            if p.text not in seen and p.text.casefold() not in seen and p.sentence != -1:
                seen.add(p.text)
                aliases.append(p.text)
        titles: list[str] = []
        affiliation = None
        description = None
        for p in pieces:
            if ent.kind == "person":
                for t in p.titles:
                    if t not in titles and len(titles) < 8:
                        titles.append(t)
            if affiliation is None and p.affiliation and p.affiliation != name and ent.kind in ("person", "group"):
                affiliation = p.affiliation
            if p.sentence == -1 and description is None:
                description = p.description
        prose = [p for p in pieces if p.sentence != -1]
        first = prose[0].start if prose else n
        subjects = sum(1 for p in prose if p.subject)
        salience = len(prose) + 2.0 * (1.0 - first / n) + 0.5 * subjects
        if not prose:
            salience = 0.5  # only listed in the section
        base = slug(name)
        count = used.get(base, 0) + 1
        used[base] = count
        actor = Actor(
            id=base if count == 1 else f"{base}-{count}",
            name=name,
            kind=ent.kind,  # type: ignore[arg-type]
            titles=titles,
            affiliation=affiliation,
            aliases=aliases,
            mentions=[Span(start=p.start, end=p.end) for p in pieces],
            salience=round(salience, 3),
            description=description,
            origin="section" if any(p.sentence == -1 for p in pieces) else "prose",
        )
        out.append((salience, -first, actor))
    out.sort(key=lambda t: (-t[0], -t[1]))
    return [a for _, _, a in out]
